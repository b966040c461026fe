"""The command line's house layout: `--layout NAME|FILE` and the press code check of the page.

`newsdesk export` and `newsdesk check` draw the page in the layout that applies
(house_layouts.effective_layout: `--layout`, else the article's choice, else its publication's,
else Standard). A layout that cannot be used is one line and exit status 2 for the export; the
check lists it as an error finding (`layout-unusable`).

The page's labels (credits, copyright notices, symbol-image disclaimers, opinion labels) are
measured in Chromium only for a user's stylesheet: the built-in layouts are tested to show them
(tests/gui/test_layout_check.py), and starting the web engine costs the command a second or two.
Where the engine cannot start, one finding says that the layout was not checked.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsdesk.errors import LayoutError
from newsdesk.house_layouts import CUSTOM, Layout, effective_layout, layout_named
from newsdesk.model.article import Article
from newsdesk.model.preflight import Finding
from newsdesk.publication import PublicationProfile

if TYPE_CHECKING:
    from newsdesk.derived_cache import DerivedCache

UNUSABLE_CODE = "layout-unusable"


def page_layout(
    article: Article, profile: PublicationProfile | None, choice: str | None = None
) -> Layout:
    """The layout the page is drawn in; LayoutError when the one that applies cannot be used."""
    override = layout_named(choice) if choice else None
    return effective_layout(article, profile.house_layout if profile else "", override)


def unusable_finding(exc: LayoutError) -> Finding:
    return Finding(
        "error",
        UNUSABLE_CODE,
        f"the page layout cannot be used: {exc.message}",
        "layout",
        details={"code": exc.code, "params": {k: str(v) for k, v in exc.params.items()}},
    )


def layout_findings(
    article: Article,
    profile: PublicationProfile | None,
    layout: Layout,
    cache: DerivedCache | None = None,
) -> list[Finding]:
    """What the page's layout hides of what the press code asks to show (a user's stylesheet
    only; see the module docstring)."""
    if layout.name != CUSTOM:
        return []
    from newsdesk.formats.html_export import render_page
    from newsdesk.formats.label_visibility import skipped_finding

    html = render_page(article, assets="preview", cache=cache, profile=profile, layout=layout).html
    try:
        from newsdesk.gui.check.layout_check import check_page_offscreen
    except ImportError as exc:
        return [skipped_finding(f"Qt WebEngine cannot be loaded: {exc}")]
    return check_page_offscreen(html)


def check_findings(
    article: Article, profile: PublicationProfile | None, choice: str | None = None
) -> list[Finding]:
    """`newsdesk check`: the layout's findings, or why the layout cannot be used. A `--layout`
    that cannot be used raises LayoutError (bad input: one line, exit 2)."""
    override = layout_named(choice) if choice else None
    try:
        layout = effective_layout(article, profile.house_layout if profile else "", override)
    except LayoutError as exc:
        return [unusable_finding(exc)]
    return layout_findings(article, profile, layout)


def warn_about_layout(
    article: Article,
    profile: PublicationProfile | None,
    layout: Layout,
    file_name: str,
    *,
    strict: bool,
) -> bool:
    """`newsdesk export`: each layout finding as a warning line on stderr; False (and why) when
    `strict` refuses the export over an error among them."""
    import sys

    found = layout_findings(article, profile, layout)
    for finding in found:
        print(f"newsdesk: warning: {finding.message} [{finding.code}, {finding.where}]",
              file=sys.stderr)  # fmt: skip
    errors = [f for f in found if f.level == "error"]
    if strict and errors:
        print(f"newsdesk: {file_name}: not exported: the page layout hides {len(errors)} "
              "label(s) the press code asks to show (--strict)", file=sys.stderr)  # fmt: skip
        return False
    return True
