"""The questions a publish asks, in the window's language: the check's errors, a site without
HTTPS, the Application Password, a post changed on the site, a post deleted there."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from newsdesk.errors import PostGoneError, PublishConflictError, PublishError
from newsdesk.gui.check.finding_messages import finding_text
from newsdesk.gui.dialogs.errors import Choice, ask_choice
from newsdesk.model.article import Article
from newsdesk.model.preflight import preflight
from newsdesk.publication import publication_findings
from newsdesk.publish import credentials

translate = QCoreApplication.translate
MAX_LISTED_ERRORS = 12


def _title() -> str:
    return translate("PublishQuestions", "Publish")


def _cancel() -> Choice:
    """Every question's way out: Cancel, which Esc and closing the box also mean."""
    return Choice(
        "cancel", translate("PublishQuestions", "Cancel"), QMessageBox.ButtonRole.RejectRole
    )


def confirm_check(parent: QWidget, article: Article) -> bool:
    """The check first: True without errors, or when the user publishes despite them."""
    errors = [
        finding_text(finding, article)
        for finding in preflight(article) + publication_findings(article)
        if finding.level == "error"
    ]
    if not errors:
        return True
    listed = "\n".join(f"• {text}" for text in errors[:MAX_LISTED_ERRORS])
    if len(errors) > MAX_LISTED_ERRORS:
        listed += "\n" + translate("PublishQuestions", "… and %1 more").replace(
            "%1", str(len(errors) - MAX_LISTED_ERRORS)
        )
    answer = ask_choice(
        parent,
        _title(),
        translate("PublishQuestions", "The check found %1 error(s). Publish anyway?").replace(
            "%1", str(len(errors))
        ),
        [
            Choice("publish", translate("PublishQuestions", "Publish Anyway")),
            _cancel(),
        ],
        informative=listed,
        default="cancel",
        escape="cancel",
    )
    return answer == "publish"


def confirm_insecure(parent: QWidget, url: str) -> bool:
    answer = ask_choice(
        parent,
        _title(),
        translate(
            "PublishQuestions",
            "%1 does not use HTTPS: the password and the article would travel readable. "
            "Send them anyway?",
        ).replace("%1", url),
        [
            Choice("send", translate("PublishQuestions", "Send Anyway")),
            _cancel(),
        ],
        default="cancel",
        escape="cancel",
    )
    return answer == "send"


def ask_password(parent: QWidget, url: str, user: str, note: str = "") -> str | None:
    """The Application Password, typed; None when the user cancelled or typed nothing."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("publish_password")
    dialog.setWindowTitle(translate("PublishQuestions", "Application Password"))
    text = (
        translate(
            "PublishQuestions", "The Application Password of %1 on %2 (WordPress: Users > Profile):"
        )
        .replace("%1", user)
        .replace("%2", url)
    )
    dialog.setLabelText(f"{note}\n\n{text}" if note else text)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    try:
        if dialog.exec() != QInputDialog.DialogCode.Accepted:
            return None
        password = dialog.textValue().strip()
        return password or None
    finally:
        dialog.deleteLater()


def password_for(parent: QWidget, url: str, user: str) -> str | None:
    """The stored password, or the one the user types now (stored when a keyring exists)."""
    try:
        stored = credentials.load_password(url, user)
    except PublishError:  # no keyring: say so, and ask at every publish
        return ask_password(
            parent,
            url,
            user,
            translate(
                "PublishQuestions",
                "Passwords cannot be kept on this computer (no system keyring): Newsdesk asks "
                "for it at every publish.",
            ),
        )
    if stored:
        return stored
    password = ask_password(parent, url, user)
    if password is not None:
        with contextlib.suppress(PublishError):
            credentials.store_password(url, user, password)
    return password


def forget(url: str, user: str) -> None:
    """WordPress refused the stored password: it is no good."""
    with contextlib.suppress(PublishError):
        credentials.forget_password(url, user)


def ask_password_again(parent: QWidget, exc: PublishError) -> bool:
    answer = ask_choice(
        parent,
        _title(),
        translate(
            "PublishQuestions",
            "The site refused the user name or the Application Password. Type the password again?",
        ),
        [
            Choice("again", translate("PublishQuestions", "Type Password")),
            _cancel(),
        ],
        default="again",
        escape="cancel",
    )
    return answer == "again"


def ask_conflict(parent: QWidget, exc: PublishConflictError) -> str | None:
    """'overwrite', 'browser' or None (cancel)."""
    answer = ask_choice(
        parent,
        _title(),
        translate(
            "PublishQuestions",
            "Post #%1 was changed on the site (%2 UTC) since Newsdesk published it. "
            "Overwrite those changes?",
        )
        .replace("%1", str(exc.params.get("post_id", "")))
        .replace("%2", str(exc.params.get("modified_gmt", "")).replace("T", " ")),
        [
            Choice("overwrite", translate("PublishQuestions", "Overwrite")),
            Choice("browser", translate("PublishQuestions", "Open in Browser")),
            _cancel(),
        ],
        default="cancel",
        escape="cancel",
    )
    return answer if answer in ("overwrite", "browser") else None


def ask_publish_anew(parent: QWidget, exc: PostGoneError) -> bool:
    answer = ask_choice(
        parent,
        _title(),
        translate(
            "PublishQuestions",
            "Post #%1 is no longer on the site (deleted or in the trash). Publish the article "
            "as a new post?",
        ).replace("%1", str(exc.params.get("post_id", ""))),
        [
            Choice("anew", translate("PublishQuestions", "Publish as New Post")),
            _cancel(),
        ],
        default="cancel",
        escape="cancel",
    )
    return answer == "anew"
