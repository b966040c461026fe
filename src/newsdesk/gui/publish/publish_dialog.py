"""File > Publish…: the article to a publication's WordPress, from the window.

The dialog lists the publications that have a WordPress site and user, shows what will be sent
(publisher.preview: title, slug, tags, date, photos and how many the site has, the post a
republish updates), lets the journalist choose the status and the site's categories, and then:

1. runs the check (preflight and the publication's findings): errors must be confirmed;
2. asks to confirm a site without HTTPS off this computer (`publish.insecure`);
3. finds the Application Password in the keyring, or asks for it (and keeps it there; without a
   keyring it says so and asks at every publish); WordPress refusing it (`publish.unauthorized`)
   forgets it and asks again;
4. publishes on a worker thread (publish_worker), showing "Photo 3 of 20"; each record the
   publisher keeps is stored in the article's properties outside the undo history and saved;
5. stops when the journalist clicks Cancel: before the next request to the site (each thing
   already created is recorded), with the article's text unchanged; publishing again continues
   and duplicates nothing;
6. answers a conflict (Overwrite / Open in Browser / Cancel) and a deleted post (publish as
   new?) by running again with the user's answer; any other failure is one line in the window's
   language, and the article is unchanged;
7. at the end shows the post's address as a link.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from newsdesk.errors import (
    NewsdeskError,
    PostGoneError,
    PublishCancelledError,
    PublishConflictError,
    PublishError,
)
from newsdesk.gui.dialogs.error_messages import error_text
from newsdesk.gui.publish import questions
from newsdesk.gui.publish.publish_worker import BackgroundCall, article_snapshot
from newsdesk.publication import PublicationProfile
from newsdesk.publish.publisher import (
    PublishOptions,
    PublishPreview,
    PublishResult,
    preview,
    publish_article,
)
from newsdesk.publish.records import store_record
from newsdesk.publish.terms import site_categories
from newsdesk.publish.wordpress import (
    DEFAULT_TIMEOUT,
    WordPressClient,
    check_site_address,
    site_key,
)

translate = QCoreApplication.translate


def _statuses() -> list[tuple[str, str]]:
    return [
        ("draft", translate("PublishDialog", "Draft")),
        ("pending", translate("PublishDialog", "Pending review")),
        ("publish", translate("PublishDialog", "Publish")),
        ("future", translate("PublishDialog", "Schedule")),
    ]


def progress_text(step: str, done: int, total: int, site: str) -> str:
    """The progress line in the window's language ("Photo 3 of 20")."""
    if step == "connect":
        return translate("PublishDialog", "Connecting to %1…").replace("%1", site)
    if step == "photo" and done < total:
        return (
            translate("PublishDialog", "Photo %1 of %2")
            .replace("%1", str(done + 1))
            .replace("%2", str(total))
        )
    if step == "post":
        return translate("PublishDialog", "Sending the post…")
    return ""


class PublishDialog(QDialog):
    """See the module docstring. `files` is the window's ArticleFiles."""

    def __init__(
        self,
        files,
        sites: list[PublicationProfile],
        chosen: str = "",
        *,
        parent: QWidget | None = None,
        open_url: Callable[[QUrl], object] = QDesktopServices.openUrl,
        timeout: float | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("publish_dialog")
        self.setWindowTitle(translate("PublishDialog", "Publish"))
        self.files = files
        self.sites = sites
        self.open_url = open_url
        self._timeout = timeout
        self._password: str | None = None  # for this publish only (no keyring, or just asked)
        self._allow_insecure = False
        self._options = PublishOptions()
        self.published: PublishResult | None = None  # (QDialog.result() is the exit code)
        self._call: BackgroundCall | None = None
        self._retry: Callable[[], None] | None = None  # what a new password runs again
        self._site_key = ""

        self.site = QComboBox(self)
        self.site.setObjectName("publish_site")
        for profile in sites:
            self.site.addItem(profile.name, profile.name)
        self.site.setCurrentIndex(max(0, self.site.findData(chosen)))

        self.summary = {
            key: QLabel(self)
            for key in ("address", "title", "slug", "tags", "date", "photos", "post")
        }
        for key, label in self.summary.items():
            label.setObjectName(f"publish_{key}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QComboBox(self)
        self.status.setObjectName("publish_status")
        for key, text in _statuses():
            self.status.addItem(text, key)
        self.categories = QListWidget(self)
        self.categories.setObjectName("publish_categories")
        self.categories.setMaximumHeight(120)
        self.load_categories = QPushButton(translate("PublishDialog", "Load Categories"), self)
        self.load_categories.setObjectName("publish_load_categories")
        self.load_categories.clicked.connect(self._load_categories)

        form = QFormLayout()
        form.addRow(translate("PublishDialog", "Publication:"), self.site)
        form.addRow(translate("PublishDialog", "WordPress site:"), self.summary["address"])
        form.addRow(translate("PublishDialog", "Title:"), self.summary["title"])
        form.addRow(translate("PublishDialog", "Slug:"), self.summary["slug"])
        form.addRow(translate("PublishDialog", "Tags:"), self.summary["tags"])
        form.addRow(translate("PublishDialog", "Date:"), self.summary["date"])
        form.addRow(translate("PublishDialog", "Photos:"), self.summary["photos"])
        form.addRow(translate("PublishDialog", "Post:"), self.summary["post"])
        form.addRow(translate("PublishDialog", "Status:"), self.status)
        form.addRow(translate("PublishDialog", "Categories:"), self.categories)
        form.addRow("", self.load_categories)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("publish_progress")
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setObjectName("publish_message")
        self.message.setWordWrap(True)
        self.message.setOpenExternalLinks(False)
        self.message.linkActivated.connect(lambda link: self.open_url(QUrl(link)))

        self.buttons = QDialogButtonBox(self)
        self.publish_button = self.buttons.addButton(
            translate("PublishDialog", "&Publish"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.publish_button.setObjectName("publish_start")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setObjectName("publish_cancel")
        self.cancel_button.setEnabled(False)  # only while the site is being talked to
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.publish_button.clicked.connect(self.start_publish)
        self.cancel_button.clicked.connect(self.cancel_publish)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

        self.site.currentIndexChanged.connect(lambda _index: self._show_preview())
        self._show_preview()
        self.resize(max(self.sizeHint().width(), 520), self.sizeHint().height())

    # --- what will be sent -------------------------------------------------------------------

    @property
    def profile(self) -> PublicationProfile:
        return self.sites[max(0, self.site.currentIndex())]

    def _show_preview(self) -> None:
        profile = self.profile
        self._password = None
        self._allow_insecure = False
        self._options = PublishOptions()
        self.categories.clear()
        shown: PublishPreview = preview(self.files.article, profile.wordpress_url)
        none = translate("PublishDialog", "(none)")
        self.summary["address"].setText(f"{profile.wordpress_url} ({profile.wordpress_user})")
        self.summary["title"].setText(shown.title or none)
        self.summary["slug"].setText(shown.slug or none)
        self.summary["tags"].setText(", ".join(shown.tags) or none)
        self.summary["date"].setText(
            shown.date_gmt + " UTC"
            if shown.date_gmt
            else translate("PublishDialog", "when the site publishes it")
        )
        self.summary["photos"].setText(
            translate(
                "PublishDialog", "%n photo(s), %1 already on the site", None, shown.photos
            ).replace("%1", str(shown.photos_on_site))
        )
        self.summary["post"].setText(
            translate("PublishDialog", "updates post #%1").replace("%1", str(shown.post_id))
            if shown.post_id
            else translate("PublishDialog", "a new post")
        )
        # A scheduled post needs a date ahead (publisher refuses it otherwise).
        from datetime import UTC, datetime

        ahead = bool(shown.date_gmt) and str(shown.date_gmt) > datetime.now(UTC).strftime(
            "%Y-%m-%dT%H:%M:%S"
        )
        model = self.status.model()
        item = (
            model.item(self.status.findData("future"))
            if isinstance(model, QStandardItemModel)  # a combo box's own model
            else None
        )
        if item is not None:
            item.setEnabled(ahead)
            item.setToolTip(
                ""
                if ahead
                else translate("PublishDialog", "Scheduling needs a publish date and time ahead")
            )
        if not ahead and self.status.currentData() == "future":
            self.status.setCurrentIndex(0)
        self.message.clear()

    def chosen_categories(self) -> tuple[str, ...]:
        return tuple(
            self.categories.item(row).text()
            for row in range(self.categories.count())
            if self.categories.item(row).checkState() == Qt.CheckState.Checked
        )

    # --- connecting ----------------------------------------------------------------------------

    def _connection(self) -> tuple[str, str, str] | None:
        """(url, user, password) after the questions; None when the user cancelled."""
        profile = self.profile
        url, user = profile.wordpress_url, profile.wordpress_user
        try:
            check_site_address(url, allow_insecure=self._allow_insecure)
        except PublishError as exc:
            if exc.code != "publish.insecure" or not questions.confirm_insecure(self, url):
                if exc.code != "publish.insecure":
                    self._say_error(exc)
                return None
            self._allow_insecure = True
        if self._password is None:
            password = questions.password_for(self, url, user)
            if password is None:
                return None
            self._password = password
        return url, user, self._password

    def _client(self, url: str, user: str, password: str) -> WordPressClient:
        """A client for the running call's work: it stops before a request once cancelled."""
        call = self._call
        return WordPressClient(
            url,
            user,
            password,
            timeout=DEFAULT_TIMEOUT if self._timeout is None else self._timeout,
            allow_insecure=self._allow_insecure,
            cancelled=call.cancel_requested if call is not None else None,
        )

    def _load_categories(self) -> None:
        if self._busy():
            return
        connection = self._connection()
        if connection is None:
            return

        def work(_report):
            with self._client(*connection) as client:
                return site_categories(client)

        self._run(work, self._categories_loaded, retry=self._load_categories)

    def _categories_loaded(self, names: list[str]) -> None:
        chosen = set(self.chosen_categories())
        self.categories.clear()
        for name in names:
            item = QListWidgetItem(name, self.categories)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in chosen else Qt.CheckState.Unchecked)
        self.message.setText(
            translate("PublishDialog", "%1 categories on the site").replace("%1", str(len(names)))
        )

    # --- publishing ----------------------------------------------------------------------------

    def start_publish(self) -> None:
        """The Publish button: check, questions, then the publish on the worker thread."""
        if self._busy():
            return
        if self.files.read_only:
            self.message.setText(
                translate(
                    "PublishDialog",
                    "This article is open read-only: the post it makes could not be recorded. "
                    "Publish from the window that has it open.",
                )
            )
            return
        self.files.bring_up_to_date()
        if not questions.confirm_check(self, self.files.article):
            return
        self._options = PublishOptions(
            status=str(self.status.currentData()), categories=self.chosen_categories()
        )
        self._publish()

    def _publish(self) -> None:
        connection = self._connection()
        if connection is None:
            return
        url = connection[0]
        self._site_key = site_key(url)
        snapshot = article_snapshot(self.files.article)
        options = self._options
        call = self._run(
            lambda report: self._publish_work(snapshot, connection, options, report),
            self._published,
            retry=self._publish,
        )
        call.record_ready.connect(self._keep)

    def _publish_work(self, snapshot, connection, options, report) -> PublishResult:
        assert self._call is not None
        keep = self._call.keep
        with self._client(*connection) as client:
            return publish_article(snapshot, client, options, keep=keep, progress=report)

    def _keep(self, record) -> None:
        """On the GUI thread: the record into the live article (outside the undo history), saved."""
        try:
            store_record(self.files.article, self._site_key, record)
            if not self.files.autosave.save_now(None):
                self.files.note_change()  # a save was under way: the next one takes it
        finally:
            if self._call is not None:
                self._call.kept()

    def _published(self, result: PublishResult) -> None:
        self.published = result
        self.progress.hide()
        from html import escape

        self._show_preview()  # "updates post #id", photos now on the site
        status = dict(_statuses()).get(result.status, result.status)
        # The address comes from the site: escaped, so that it can only ever be a link.
        self.message.setText(
            translate("PublishDialog", "Published (%1): %2")
            .replace("%1", _escape(status))
            .replace("%2", f'<a href="{escape(result.link)}">{_escape(result.link)}</a>')
        )

    def cancel_publish(self) -> None:
        """The Cancel button: the work stops before its next request; _failed reports it."""
        if not self._busy() or self._call is None:
            return
        self._call.cancel()
        self.cancel_button.setEnabled(False)
        self.message.setText(
            _escape(translate("PublishDialog", "Stopping after the current request…"))
        )

    def _failed(self, exc: BaseException) -> None:
        self.progress.hide()
        self._set_busy(False)
        if isinstance(exc, PublishCancelledError):
            self._show_preview()  # what the site has now ("updates post #id", photos on it)
            self.message.setText(
                _escape(
                    translate(
                        "PublishDialog",
                        "Stopped. What the site already received is recorded: "
                        "Publish again continues from there.",
                    )
                )
            )
            return
        if isinstance(exc, PublishConflictError):
            answer = questions.ask_conflict(self, exc)
            if answer == "overwrite":
                self._options = PublishOptions(
                    status=self._options.status, categories=self._options.categories, overwrite=True
                )
                self._publish()
            elif answer == "browser":
                self.open_url(QUrl(str(exc.params.get("link", ""))))
            return
        if isinstance(exc, PostGoneError):
            if questions.ask_publish_anew(self, exc):
                self._options = PublishOptions(
                    status=self._options.status, categories=self._options.categories, anew=True
                )
                self._publish()
            return
        if isinstance(exc, PublishError) and exc.code == "publish.unauthorized":
            profile = self.profile
            questions.forget(profile.wordpress_url, profile.wordpress_user)
            self._password = None
            self._say_error(exc)
            if questions.ask_password_again(self, exc) and self._retry is not None:
                self._retry()
            return
        self._say_error(exc)

    def _say_error(self, exc: BaseException) -> None:
        text = error_text(exc) if isinstance(exc, NewsdeskError | OSError) else str(exc)
        self.message.setText(
            translate("PublishDialog", "Not published: %1").replace("%1", _escape(text))
        )

    # --- the worker ----------------------------------------------------------------------------

    def _busy(self) -> bool:
        return self._call is not None and self._call.running

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.publish_button, self.close_button, self.site, self.load_categories):
            widget.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)

    def _run(self, work, done: Callable, *, retry: Callable[[], None]) -> BackgroundCall:
        """Start `work` on a thread; `done(result)` on success; `retry` runs it again after the
        password was typed anew."""
        call = BackgroundCall(self)
        self._call = call
        self._retry = retry
        site = self.profile.wordpress_url

        def progress(step: str, n: int, total: int) -> None:
            self.message.setText(_escape(progress_text(step, n, total, site)))
            if step == "photo":
                self.progress.setRange(0, max(total, 1))
                self.progress.setValue(n)
                self.progress.show()

        def finished(result) -> None:
            self._set_busy(False)
            done(result)

        call.progress.connect(progress)
        call.succeeded.connect(finished)
        call.failed.connect(self._failed)
        self._set_busy(True)
        self.message.setText(_escape(progress_text("connect", 0, 1, site)))
        call.start(work)
        return call

    def reject(self) -> None:
        if self._busy():
            return  # the publish finishes first: its record must reach the file
        super().reject()

    def closeEvent(self, event) -> None:
        if self._busy():
            event.ignore()
            return
        super().closeEvent(event)


def _escape(text: str) -> str:
    from html import escape

    return escape(text, quote=False)


def publish_from_window(window) -> None:
    """File > Publish…: the dialog for the window's article (or why there is none)."""
    from newsdesk.gui.dialogs.errors import show_error
    from newsdesk.gui.publish.page_profile import current_publications
    from newsdesk.publication import article_publication

    try:
        publications = current_publications()
    except NewsdeskError as exc:
        show_error(window, exc)
        return
    sites = [p for p in publications.profiles if p.wordpress_url and p.wordpress_user]
    if not sites:
        QMessageBox.information(
            window,
            translate("PublishDialog", "Publish"),
            translate(
                "PublishDialog",
                "No publication has a WordPress site and user yet. Add them in "
                "File > Publication Settings.",
            ),
        )
        return
    window.files.bring_up_to_date()
    dialog = PublishDialog(
        window.files, sites, article_publication(window.files.article), parent=window
    )
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
