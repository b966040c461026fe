"""House layouts: how a publication's page looks, for the preview and the export alike.

Every page carries the base stylesheet `resources/templates/article.css` ("Standard"). A house
layout is a second stylesheet layered after it, so it only says what differs:

- three built-in layouts written for Newsdesk (`resources/templates/layouts/NAME.css`):
  "broadsheet" (serif, classic rules), "tabloid" (bold, loud kicker), "magazine" (calm, airy);
- the user's own stylesheet ("Your stylesheet…"), a CSS file checked by `check_stylesheet`.

Who chooses: the article (the project file property `layout`, JSON, see docs/FILE_FORMAT.md)
wins; else the article's publication profile (`PublicationProfile.house_layout`: a built-in name
or the path of a CSS file); else Standard. `newsdesk export --layout NAME|FILE` overrides both.
The article keeps a chosen stylesheet's text, not its path, so the page looks the same on the
desk's other computers; an older Newsdesk keeps the unknown property and shows Standard.

A stylesheet leaves nothing to the network and cannot break out of its `<style>` element:
`check_stylesheet` refuses `@import`, `url()` or an image-set address that points to the network
(http, https, protocol-relative), the text `</style`, more than MAX_STYLESHEET_BYTES, bytes that
are not UTF-8 text, and an unbalanced block, comment or string. Each refusal is a LayoutError
with a code and a one-line message (the window words it in German or English).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsdesk import resource_path
from newsdesk.errors import LayoutError, os_error_reason
from newsdesk.layout_names import BUILT_IN_LAYOUTS as BUILT_IN_LAYOUTS
from newsdesk.layout_names import CUSTOM as CUSTOM
from newsdesk.layout_names import LAYOUT_PROPERTY as LAYOUT_PROPERTY
from newsdesk.layout_names import STANDARD as STANDARD
from newsdesk.model.article import Article

# English names; the window translates them (gui/layouts/layout_menu.py).
LAYOUT_TITLES: dict[str, str] = {
    STANDARD: "Standard",
    "broadsheet": "Broadsheet",
    "tabloid": "Tabloid",
    "magazine": "Magazine",
}
MAX_STYLESHEET_BYTES = 512 * 1024
MAX_FILE_NAME_CHARS = 200

# A CSS escape: a backslash and up to six hex digits (and one optional space), or any other char.
_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|(.))", re.DOTALL)
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_URL_FUNCTION = re.compile(r"url\(\s*(['\"]?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)
_STRING = re.compile(r"\"((?:[^\"\\\n]|\\.)*)\"|'((?:[^'\\\n]|\\.)*)'", re.DOTALL)
_REMOTE = re.compile(r"\s*(?:https?:|ftps?:|wss?:|//|\\\\)", re.IGNORECASE)
_STYLE_END = re.compile(r"</\s*style", re.IGNORECASE)


@dataclass(frozen=True)
class Layout:
    """The layout a page is drawn in: its name (a built-in one or CUSTOM), the CSS layered on
    the base stylesheet ("" for Standard) and, for a user's stylesheet, its file name."""

    name: str = STANDARD
    css: str = ""
    file_name: str = ""

    @property
    def is_standard(self) -> bool:
        return self.name == STANDARD and not self.css

    def to_property(self) -> str:
        """The project file property's value (JSON)."""
        data: dict[str, str] = {"name": self.name}
        if self.name == CUSTOM:
            data.update(file=self.file_name, css=self.css)
        return json.dumps(data, ensure_ascii=False)


def built_in_layout(name: str) -> Layout:
    """A built-in layout by name (case ignored); LayoutError ``export.layout_unknown`` otherwise."""
    key = name.strip().casefold()
    if key not in BUILT_IN_LAYOUTS:
        raise LayoutError(
            f"there is no layout called {name!r}; use one of {', '.join(BUILT_IN_LAYOUTS)} or "
            "the path of a .css file",
            code="export.layout_unknown",
            name=name[:MAX_FILE_NAME_CHARS],
        )
    return Layout(key, _built_in_css(key))


@lru_cache(maxsize=len(BUILT_IN_LAYOUTS))
def _built_in_css(name: str) -> str:
    if name == STANDARD:
        return ""
    return resource_path("templates", "layouts", f"{name}.css").read_text(encoding="utf-8").strip()


def base_stylesheet() -> str:
    """Standard: the stylesheet every page carries."""
    return _base_css()


@lru_cache(maxsize=1)
def _base_css() -> str:
    return resource_path("templates", "article.css").read_text(encoding="utf-8").strip()


def page_stylesheet(layout: Layout | None) -> str:
    """The page's whole stylesheet: the base, then the layout's own rules."""
    if layout is None or not layout.css:
        return base_stylesheet()
    return f"{base_stylesheet()}\n\n/* House layout: {layout.name} */\n{layout.css}"


def check_stylesheet(data: bytes | str, file_name: str = "") -> str:
    """The stylesheet's text when the page may carry it; LayoutError (a code and one line)
    otherwise: see the module docstring."""
    shown = file_name[:MAX_FILE_NAME_CHARS] or "the stylesheet"
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if len(raw) > MAX_STYLESHEET_BYTES:
        raise LayoutError(
            f"{shown} is larger than {MAX_STYLESHEET_BYTES // 1024} kB",
            code="export.layout_too_big",
            name=shown,
            limit=MAX_STYLESHEET_BYTES // 1024,
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _not_css(shown) from None
    if "\x00" in text or any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        raise _not_css(shown)
    _check_structure(text, shown)
    if _STYLE_END.search(text) or _STYLE_END.search(_unescaped(text)):
        raise LayoutError(
            f"{shown} contains '</style', which would end the page's stylesheet",
            code="export.layout_style_end",
            name=shown,
        )
    plain = _unescaped(_COMMENT.sub(" ", text))
    if re.search(r"@import\b", plain, re.IGNORECASE):
        raise LayoutError(
            f"{shown} imports another stylesheet (@import); the page carries one stylesheet and "
            "loads nothing from elsewhere",
            code="export.layout_import",
            name=shown,
        )
    for address in _addresses(plain):
        if _REMOTE.match(address):
            raise LayoutError(
                f"{shown} loads {address.strip()[:80]!r} from the network; the page loads "
                "nothing from elsewhere (embed it as a data: URL or leave it out)",
                code="export.layout_remote",
                name=shown,
                address=address.strip()[:80],
            )
    return text.strip()


def _not_css(shown: str) -> LayoutError:
    return LayoutError(
        f"{shown} is not a stylesheet (not UTF-8 text)", code="export.layout_not_text", name=shown
    )


def _unescaped(text: str) -> str:
    """CSS escapes resolved, so that `\\75 rl(` or `@\\69mport` hides nothing."""

    def one(match: re.Match[str]) -> str:
        if match.group(1):
            point = int(match.group(1), 16)
            return chr(point) if 0 < point <= 0x10FFFF and not 0xD800 <= point <= 0xDFFF else "?"
        return match.group(2)

    return _ESCAPE.sub(one, text)


def _addresses(plain: str) -> list[str]:
    """Every url() target and every quoted string (image-set and @font-face take addresses as
    plain strings): a string that starts like a network address is refused either way."""
    found = [m.group(2) for m in _URL_FUNCTION.finditer(plain)]
    # An embedded SVG names its XML namespace as an address it never loads.
    outside_data = _URL_FUNCTION.sub(
        lambda m: " " if m.group(2).lstrip().lower().startswith("data:") else m.group(0), plain
    )
    strings = _STRING.finditer(outside_data)
    found += [m.group(1) if m.group(1) is not None else m.group(2) for m in strings]
    # url( without a closing parenthesis still loads in browsers: take the rest of the line.
    found += [m.group(1) for m in re.finditer(r"url\(\s*['\"]?([^\n)]*)", plain, re.IGNORECASE)]
    return found


def _check_structure(text: str, shown: str) -> None:
    """Blocks closed, comments and strings ended: what a browser would read as the author meant.
    A stylesheet failing this would silently drop rules, or swallow the rest of the page."""
    depth = 0
    index = 0
    length = len(text)
    problem = ""
    while index < length:
        char = text[index]
        if text.startswith("/*", index):
            end = text.find("*/", index + 2)
            if end < 0:
                problem = "a comment is not closed"
                break
            index = end + 2
            continue
        if char in "\"'":
            index += 1
            while index < length and text[index] != char:
                if text[index] == "\n":
                    break
                index += 2 if text[index] == "\\" else 1
            if index >= length or text[index] != char:
                problem = "a string is not closed"
                break
        elif char == "\\":
            index += 1
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth < 0:
                problem = "a '}' closes no block"
                break
        index += 1
    if not problem and depth > 0:
        problem = "a block is not closed"
    if problem:
        line = text.count("\n", 0, min(index, length)) + 1
        raise LayoutError(
            f"{shown} cannot be read as CSS: {problem} (line {line})",
            code="export.layout_unparseable",
            name=shown,
            line=line,
        )


def read_stylesheet(path: Path) -> Layout:
    """The user's stylesheet file as a layout; LayoutError when it cannot be read or used."""
    path = Path(path)
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_STYLESHEET_BYTES + 1)
    except OSError as exc:
        raise LayoutError(
            f"{path} cannot be read: {os_error_reason(exc)}",
            code="export.layout_unreadable",
            name=path.name[:MAX_FILE_NAME_CHARS],
            reason=os_error_reason(exc),
        ) from None
    return Layout(CUSTOM, check_stylesheet(data, path.name), path.name[:MAX_FILE_NAME_CHARS])


def layout_named(choice: str) -> Layout:
    """`--layout NAME|FILE` and a profile's house_layout: a built-in name, else a .css path."""
    if choice.strip().casefold() in BUILT_IN_LAYOUTS:
        return built_in_layout(choice)
    if not choice.strip().lower().endswith(".css"):
        built_in_layout(choice)  # raises export.layout_unknown, naming the choices
    return read_stylesheet(Path(choice).expanduser())


def article_layout(article: Article) -> Layout | None:
    """The layout the article chose (None: it chose none); LayoutError when the stored choice
    cannot be used (a stylesheet damaged outside Newsdesk, a layout of a newer version)."""
    value = article.properties.get(LAYOUT_PROPERTY, "")
    if not value:
        return None
    return _stored_layout(value)


@lru_cache(maxsize=8)
def _stored_layout(value: str) -> Layout:
    """The stored choice as a layout; kept, because the preview asks after every pause in typing
    and checking a 512 kB stylesheet takes a third of a second (a refusal is not kept)."""
    try:
        data = json.loads(value)
    except ValueError:
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        raise LayoutError(
            "the article's house layout is damaged", code="export.layout_damaged", name="layout"
        )
    if data["name"] == CUSTOM:
        file_name = str(data.get("file", ""))[:MAX_FILE_NAME_CHARS]
        css = data.get("css", "")
        if not isinstance(css, str):
            raise LayoutError(
                "the article's house layout is damaged", code="export.layout_damaged", name="layout"
            )
        return Layout(CUSTOM, check_stylesheet(css, file_name), file_name)
    return built_in_layout(data["name"])


def set_article_layout(article: Article, layout: Layout | None) -> None:
    """Choose the article's layout (None: the publication's, or Standard)."""
    if layout is None:
        article.properties.pop(LAYOUT_PROPERTY, None)
    else:
        article.properties[LAYOUT_PROPERTY] = layout.to_property()


def effective_layout(
    article: Article, profile_layout: str = "", override: Layout | None = None
) -> Layout:
    """The layout the page is drawn in: `override` (`--layout`), else the article's choice, else
    the publication profile's `house_layout`, else Standard. LayoutError when the one that
    applies cannot be used; nothing falls back silently here (the preview does, and says so)."""
    if override is not None:
        return override
    chosen = article_layout(article)
    if chosen is not None:
        return chosen
    if profile_layout.strip():
        return layout_named(profile_layout.strip())
    return Layout()
