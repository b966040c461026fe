"""Help > User Guide: the guide, offline, in the window's language, in a window of its own.

The guide ships inside the package (`resources/guide/user_guide_<language>.md`; `docs/` is in
neither the wheel nor the bundle). The English file is a copy of `docs/USER_GUIDE.md`, the source
that the repository shows (`make guide` copies it; a test keeps the two equal); the German one is
its translation. The window's language is the one its translations speak: the guide's language is
itself a translated string ("en" becomes "de" in the German catalogue).

Markdown becomes HTML with Python-Markdown and is shown by a QTextBrowser: no web engine, no
network, nothing from outside the package. The screenshots stay out of the package (they are
English and large); each picture is shown as its description, which the guide writes to be read
on its own. Links inside the guide jump to their heading; web links open in the browser; links to
files of the repository lead nowhere offline and are shown as text.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QTextBrowser, QVBoxLayout, QWidget

from newsdesk import resource_path

translate = QCoreApplication.translate

GUIDE_LANGUAGES = ("de", "en")
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<src>[^)\s]*)\)", re.DOTALL)
_HEADING = re.compile(r'<(h[1-6]) id="(?P<id>[^"]+)">')
_REPOSITORY_LINK = re.compile(r'<a href="(?!https?:|#)[^"]*">(?P<text>.*?)</a>', re.DOTALL)
STYLE = """
body { font-size: 11pt; }
h1 { font-size: 20pt; } h2 { font-size: 16pt; margin-top: 18px; } h3 { font-size: 13pt; }
table { border-collapse: collapse; margin: 6px 0; }
th, td { border: 1px solid #999; padding: 3px 6px; }
pre { background: #f2f2f2; padding: 6px; }
.picture { color: #555; font-style: italic; margin-left: 16px; }
"""


def guide_language() -> str:
    """The language the window speaks (its translation of this very string)."""
    language = translate("UserGuide", "en")  # the German catalogue says "de"
    return language if language in GUIDE_LANGUAGES else "en"


def guide_markdown(language: str) -> str:
    """The shipped guide in `language` (English when there is none in it)."""
    folder = resource_path("guide")
    for candidate in (language, "en"):
        path = folder.joinpath(f"user_guide_{candidate}.md")
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError("the user guide is missing from the package")


def guide_html(source: str, picture_label: str = "Picture") -> str:
    """The guide as HTML for a QTextBrowser (see the module docstring for pictures and links)."""

    def describe(match: re.Match) -> str:
        text = " ".join(match.group("alt").split())
        return f'\n\n<p class="picture">[{html.escape(picture_label)}: {html.escape(text)}]</p>\n\n'

    import markdown  # Python-Markdown: at the guide's first opening, not at the window's start

    body = markdown.markdown(
        _IMAGE.sub(describe, source),
        extensions=["tables", "fenced_code", "toc"],
        output_format="html",
    )
    # QTextBrowser jumps to <a name=…> anchors, not to ids.
    body = _HEADING.sub(lambda m: f'{m.group(0)}<a name="{m.group("id")}"></a>', body)
    body = _REPOSITORY_LINK.sub(lambda m: m.group("text"), body)
    return f"<html><head><style>{STYLE}</style></head><body>{body}</body></html>"


class UserGuideWindow(QDialog):
    """The guide beside the main window (not modal: one reads it while trying things)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuide")
        self.setWindowTitle(translate("UserGuide", "Newsdesk User Guide"))
        self.setModal(False)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("userGuideText")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._follow)
        language = guide_language()
        self.language = language
        self.browser.setHtml(
            guide_html(guide_markdown(language), translate("UserGuide", "Picture"))
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.resize(820, 680)

    def _follow(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment():
            self.browser.scrollToAnchor(url.fragment())


def show_user_guide(parent: QWidget) -> UserGuideWindow:
    """Show the guide (one window per main window, brought to the front when open)."""
    guide = parent.findChild(UserGuideWindow, "userGuide")
    if guide is None:
        guide = UserGuideWindow(parent)
    guide.show()
    guide.raise_()
    guide.activateWindow()
    return guide
