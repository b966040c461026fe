"""The layout the window's page is drawn in, as `newsdesk export` finds it.

The article's choice wins, else its publication's `house_layout` (a built-in name or a CSS file,
read again only when the file changed), else Standard (house_layouts.effective_layout). The
preview never shows a blank page for a layout that cannot be used: it draws Standard and says
why in one line; the check lists the same as an error, and the export refuses it.
"""

from __future__ import annotations

from pathlib import Path

from newsdesk.cli_layout import unusable_finding
from newsdesk.errors import LayoutError
from newsdesk.gui.publish.page_profile import page_profile
from newsdesk.house_layouts import (
    BUILT_IN_LAYOUTS,
    CUSTOM,
    Layout,
    article_layout,
    built_in_layout,
    read_stylesheet,
)
from newsdesk.model.article import Article
from newsdesk.model.preflight import Finding

_files: dict[Path, tuple[tuple[int, int], Layout]] = {}


def _profile_layout(choice: str) -> Layout:
    """A profile's house layout; its stylesheet file is read again only when it changed."""
    if choice.strip().casefold() in BUILT_IN_LAYOUTS or not choice.strip().lower().endswith(".css"):
        return built_in_layout(choice)
    path = Path(choice.strip()).expanduser()
    try:
        status = path.stat()
        stamp = (status.st_mtime_ns, status.st_size)
    except OSError:
        return read_stylesheet(path)  # raises, naming the reason
    cached = _files.get(path)
    if cached is not None and cached[0] == stamp:
        return cached[1]
    layout = read_stylesheet(path)
    _files[path] = (stamp, layout)
    return layout


def window_layout(article: Article) -> Layout:
    """The layout that applies; LayoutError when it cannot be used."""
    chosen = article_layout(article)
    if chosen is not None:
        return chosen
    profile = page_profile(article)
    if profile is not None and profile.house_layout.strip():
        return _profile_layout(profile.house_layout)
    return Layout()


def layout_for_page(article: Article) -> tuple[Layout, LayoutError | None]:
    """The layout to draw, and the problem when it had to be Standard instead."""
    try:
        return window_layout(article), None
    except LayoutError as exc:
        return Layout(), exc


def uses_own_stylesheet(article: Article) -> bool:
    """Whether the page is drawn in a user's stylesheet (the one case the label check runs)."""
    layout, _problem = layout_for_page(article)
    return layout.name == CUSTOM


def layout_choice_findings(article: Article) -> list[Finding]:
    """The check's word on a layout that cannot be used (none when it can)."""
    _layout, problem = layout_for_page(article)
    return [unusable_finding(problem)] if problem is not None else []
