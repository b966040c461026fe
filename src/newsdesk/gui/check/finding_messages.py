"""Preflight findings in the interface language.

`newsdesk.model.preflight` writes its messages in English (they are also what `newsdesk check`
prints); its stable finding codes are what the window keys on. Here every code has a text for
translation, and the details a message mentions (which image, which section, how many characters)
are taken again from the article, at the place the finding's `where` names. So the German window
says "Aufmacherbild „hafen.jpg“: kein Bildnachweis" where the model says "the lead image
'hafen.jpg' has no credit".

A code without an entry here, or a finding whose place is no longer in the article, keeps the
model's English message: an untranslated line is better than none. tests/gui/test_preflight_panel
fails when preflight gains a code that has no text here.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from newsdesk.gui.spelling.messages import language_label
from newsdesk.gui.translatable import QT_TRANSLATE_NOOP
from newsdesk.model.article import Article, Image, Section
from newsdesk.model.article_language import related_heading
from newsdesk.model.preflight import ALT_MAX_CHARS, Finding
from newsdesk.model.teaser_lengths import DESCRIPTION_MAX_CHARS, HEADLINE_MAX_CHARS

CONTEXT = "PreflightMessages"

# Code -> English source text. %1, %2, %3 are filled from the article (see _ARGUMENTS).
MESSAGES: dict[str, str] = {
    "headline-missing": QT_TRANSLATE_NOOP("PreflightMessages", "The article has no headline"),
    "headline-too-long": QT_TRANSLATE_NOOP(
        "PreflightMessages", "The headline has %1 characters; search results show about %2"
    ),
    "description-missing": QT_TRANSLATE_NOOP(
        "PreflightMessages", "The article has no description (teaser) for search and social media"
    ),
    "description-too-long": QT_TRANSLATE_NOOP(
        "PreflightMessages", "The description has %1 characters; keep it to %2"
    ),
    "byline-missing": QT_TRANSLATE_NOOP("PreflightMessages", "The article has no byline"),
    "language-invalid": QT_TRANSLATE_NOOP(
        "PreflightMessages", "The language “%1” is not a language tag like “de” or “en-GB”"
    ),
    "published-invalid": QT_TRANSLATE_NOOP(
        "PreflightMessages", "The publish date “%1” is not a date like 2026-11-29"
    ),
    "slug-invalid": QT_TRANSLATE_NOOP(
        "PreflightMessages", "The slug should be lower-case letters, digits and hyphens"
    ),
    "no-text": QT_TRANSLATE_NOOP("PreflightMessages", "The article has no text yet"),
    "section-empty": QT_TRANSLATE_NOOP("PreflightMessages", "%1: the section is empty"),
    "heading-missing": QT_TRANSLATE_NOOP("PreflightMessages", "%1: no heading"),
    "link-invalid": QT_TRANSLATE_NOOP(
        "PreflightMessages", "%1: readers cannot follow the link to “%2”"
    ),
    "image-reference-broken": QT_TRANSLATE_NOOP(
        "PreflightMessages", "%1: places an image that is not in the article"
    ),
    "lead-image-missing": QT_TRANSLATE_NOOP("PreflightMessages", "The article has no lead image"),
    "lead-image-several": QT_TRANSLATE_NOOP(
        "PreflightMessages", "The article has more than one lead image"
    ),
    "image-missing": QT_TRANSLATE_NOOP("PreflightMessages", "%1: the photo file is missing"),
    "alt-missing": QT_TRANSLATE_NOOP("PreflightMessages", "%1: no alt text"),
    "alt-equals-caption": QT_TRANSLATE_NOOP(
        "PreflightMessages",
        "%1: the alt text repeats the caption; describe what the picture shows",
    ),
    "alt-too-long": QT_TRANSLATE_NOOP(
        "PreflightMessages", "%1: the alt text has %2 characters; keep it under %3"
    ),
    "caption-missing": QT_TRANSLATE_NOOP("PreflightMessages", "%1: no caption"),
    "credit-missing": QT_TRANSLATE_NOOP("PreflightMessages", "%1: no credit"),
    "disclaimer-missing": QT_TRANSLATE_NOOP(
        "PreflightMessages", "%1: a symbol image needs a disclaimer"
    ),
    "disclaimer-not-symbolic": QT_TRANSLATE_NOOP(
        "PreflightMessages", "%1: has a disclaimer but is not marked as a symbol image"
    ),
    "image-unplaced": QT_TRANSLATE_NOOP(
        "PreflightMessages", "%1: placed in no section (the page shows it after the last one)"
    ),
    "related-heading-default": QT_TRANSLATE_NOOP(
        "PreflightMessages", "The related links show the default heading “%1”"
    ),
    "related-title-missing": QT_TRANSLATE_NOOP("PreflightMessages", "%1: no title"),
    "related-url-missing": QT_TRANSLATE_NOOP("PreflightMessages", "%1: no URL"),
    "related-url-invalid": QT_TRANSLATE_NOOP(
        "PreflightMessages", "%1: “%2” is not a web address (http or https)"
    ),
    "table-header-missing": QT_TRANSLATE_NOOP(
        "PreflightMessages", "%1: table %2 has no header row (column titles)"
    ),
    "table-caption-missing": QT_TRANSLATE_NOOP(
        "PreflightMessages", "%1: table %2 has no caption (the line after the table)"
    ),
    "private-note-unclosed": QT_TRANSLATE_NOOP(
        "PreflightMessages", "%1: an editor's note is not closed with -->; the rest is hidden"
    ),
    "source-note-unreferenced": QT_TRANSLATE_NOOP(
        "PreflightMessages", "%1: source note %2 is referred to nowhere in the text"
    ),
    "source-note-missing": QT_TRANSLATE_NOOP(
        "PreflightMessages", "%1: refers to source note %2, which is not there"
    ),
    "spelling": QT_TRANSLATE_NOOP("PreflightMessages", "%1: unknown word “%2”"),
    "spelling-unavailable": QT_TRANSLATE_NOOP(
        "PreflightMessages", "No dictionary for %1; spelling is not checked"
    ),
    "publication-missing": QT_TRANSLATE_NOOP(
        "PreflightMessages",
        "No publication is chosen (File > Publication Settings): the page will lack %1",
    ),
    "publication-incomplete": QT_TRANSLATE_NOOP(
        "PreflightMessages", "The publication “%1” lacks data: the page will lack %2"
    ),
    "publication-unavailable": QT_TRANSLATE_NOOP(
        "PreflightMessages",
        "The publication “%1” cannot be used; the page will lack its social and search data",
    ),
    "credit-invisible": QT_TRANSLATE_NOOP(
        "PreflightMessages", "%1: the page layout hides the credit (%2)"
    ),
    "copyright-invisible": QT_TRANSLATE_NOOP(
        "PreflightMessages", "%1: the page layout hides the copyright notice (%2)"
    ),
    "disclaimer-invisible": QT_TRANSLATE_NOOP(
        "PreflightMessages", "%1: the page layout hides the symbol-image disclaimer (%2)"
    ),
    "opinion-label-invisible": QT_TRANSLATE_NOOP(
        "PreflightMessages", "%1: the page layout hides the opinion label (%2)"
    ),
    "layout-unusable": QT_TRANSLATE_NOOP(
        "PreflightMessages", "The page layout cannot be used (the preview shows Standard): %1"
    ),
    "layout-check-skipped": QT_TRANSLATE_NOOP(
        "PreflightMessages", "The page layout was not checked for hidden credits and labels"
    ),
}
# How a page layout hides a label (formats/label_visibility.py REASONS).
_LABEL_REASONS = {
    "display-none": QT_TRANSLATE_NOOP("PreflightMessages", "not displayed"),
    "visibility-hidden": QT_TRANSLATE_NOOP("PreflightMessages", "hidden"),
    "opacity": QT_TRANSLATE_NOOP("PreflightMessages", "transparent"),
    "transparent-colour": QT_TRANSLATE_NOOP(
        "PreflightMessages", "transparent colour or the background’s colour"
    ),
    "tiny": QT_TRANSLATE_NOOP("PreflightMessages", "too small to read"),
    "clipped": QT_TRANSLATE_NOOP("PreflightMessages", "clipped away"),
    "off-page": QT_TRANSLATE_NOOP("PreflightMessages", "moved off the page"),
}
# What a page lacks without a (complete) publication: publication.missing_social_data's English
# phrases, each a text of its own for translation.
_MISSING_DATA = {
    "its own address (canonical link, og:url)": QT_TRANSLATE_NOOP(
        "PreflightMessages", "its own address (canonical link, og:url)"
    ),
    "an image address social networks can fetch (og:image)": QT_TRANSLATE_NOOP(
        "PreflightMessages", "an image address social networks can fetch (og:image)"
    ),
    "the site name (og:site_name)": QT_TRANSLATE_NOOP(
        "PreflightMessages", "the site name (og:site_name)"
    ),
    "the publisher (JSON-LD publisher)": QT_TRANSLATE_NOOP(
        "PreflightMessages", "the publisher (JSON-LD publisher)"
    ),
}
# A spelling finding for a word that occurs several times there.
_SPELLING_REPEATED = QT_TRANSLATE_NOOP("PreflightMessages", "%1: unknown word “%2” (%3 times)")
_FIELD_NAMES = {
    "headline": QT_TRANSLATE_NOOP("PreflightMessages", "Headline"),
    "subheadline": QT_TRANSLATE_NOOP("PreflightMessages", "Subheadline"),
    "description": QT_TRANSLATE_NOOP("PreflightMessages", "Description"),
    "heading": QT_TRANSLATE_NOOP("PreflightMessages", "%1, heading"),
    "caption": QT_TRANSLATE_NOOP("PreflightMessages", "%1, caption"),
    "alt": QT_TRANSLATE_NOOP("PreflightMessages", "%1, alt text"),
}

_PLACE_NAMES = (
    QT_TRANSLATE_NOOP("PreflightMessages", "Lead image “%1”"),
    QT_TRANSLATE_NOOP("PreflightMessages", "Lead image"),
    QT_TRANSLATE_NOOP("PreflightMessages", "Inline image “%1”"),
    QT_TRANSLATE_NOOP("PreflightMessages", "Inline image"),
    QT_TRANSLATE_NOOP("PreflightMessages", "Section “%1”"),
    QT_TRANSLATE_NOOP("PreflightMessages", "Section %1"),
    QT_TRANSLATE_NOOP("PreflightMessages", "Related link “%1”"),
    QT_TRANSLATE_NOOP("PreflightMessages", "Related link %1"),
)

# The URL in the model's "section ... links to 'URL', which readers cannot follow".
_LINK_IN_MESSAGE = re.compile(r"links to ('.*'|\".*\"), which readers cannot follow$")
_PLACEHOLDER = re.compile(r"%(\d)")
_URL_SHOWN = 60  # as many characters of a URL as the model's message shows


class _PlaceGoneError(LookupError):
    """The finding names a place the article no longer has (or a message of another shape)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _fill(template: str, *arguments: object) -> str:
    """Qt-style %1..%9 in one pass, so an argument containing "%2" stays as it is."""
    return _PLACEHOLDER.sub(
        lambda m: (
            str(arguments[int(m.group(1)) - 1])
            if 0 < int(m.group(1)) <= len(arguments)
            else m.group(0)
        ),
        template,
    )


def _place_id(finding: Finding, kind: str) -> str:
    prefix = kind + ":"
    if not finding.where.startswith(prefix):
        raise _PlaceGoneError(finding.where)
    return finding.where[len(prefix) :]


def _image(finding: Finding, article: Article) -> Image:
    image = article.find_image(_place_id(finding, "image"))
    if image is None:
        raise _PlaceGoneError(finding.where)
    return image


def image_name(image: Image) -> str:
    """ "Lead image “ferry.jpg”", "Inline image": how the panel names a photo."""
    if image.role == "lead":
        named, unnamed = "Lead image “%1”", "Lead image"
    else:
        named, unnamed = "Inline image “%1”", "Inline image"
    return _fill(_tr(named), image.filename) if image.filename else _tr(unnamed)


# Sections by id with their number, while finding_texts words a whole list (see there).
_numbered_sections: dict[str, tuple[int, Section]] | None = None


def _numbered(article: Article) -> dict[str, tuple[int, Section]]:
    return {section.id: (n, section) for n, section in enumerate(article.walk_sections(), start=1)}


def _section_name(finding: Finding, article: Article) -> str:
    section_id = _place_id(finding, "section")
    numbered = _numbered_sections if _numbered_sections is not None else _numbered(article)
    if section_id not in numbered:
        raise _PlaceGoneError(finding.where)
    number, section = numbered[section_id]
    if section.heading:
        return _fill(_tr("Section “%1”"), section.heading)
    return _fill(_tr("Section %1"), number)


def _related(finding: Finding, article: Article) -> tuple[str, str]:
    """The related link's name and its URL."""
    try:
        index = int(_place_id(finding, "related"))
        link = article.related.links[index]
    except (ValueError, IndexError) as exc:
        raise _PlaceGoneError(finding.where) from exc
    title = link.title.strip()
    name = (
        _fill(_tr("Related link “%1”"), title)
        if title
        else _fill(_tr("Related link %1"), index + 1)
    )
    return name, link.url.strip()[:_URL_SHOWN]


def _linked_url(finding: Finding) -> str:
    match = _LINK_IN_MESSAGE.search(finding.message)
    if match is None:
        raise _PlaceGoneError(finding.message)
    try:
        return str(ast.literal_eval(match.group(1)))
    except (ValueError, SyntaxError) as exc:
        raise _PlaceGoneError(finding.message) from exc


def _image_only(f: Finding, a: Article) -> tuple:
    return (image_name(_image(f, a)),)


def _section_only(f: Finding, a: Article) -> tuple:
    return (_section_name(f, a),)


def _related_only(f: Finding, a: Article) -> tuple:
    return (_related(f, a)[0],)


def _detail(f: Finding, key: str) -> str:
    """A finding's detail (a table's number, a source note's label); without it the finding is
    worded by the model's English message."""
    value = (f.details or {}).get(key)
    if value is None:
        raise _PlaceGoneError(f.message)
    return str(value)


def _spelling_place(f: Finding, a: Article) -> str:
    details = f.details or {}
    field = details.get("field", "")
    if f.where in ("headline", "subheadline", "description"):
        return _tr(_FIELD_NAMES[f.where])
    in_section = f.where.startswith("section:")
    name = _section_name(f, a) if in_section else image_name(_image(f, a))
    return _fill(_tr(_FIELD_NAMES[field]), name) if field in _FIELD_NAMES else name


def _spelling(f: Finding, a: Article) -> tuple:
    details = f.details or {}
    return (_spelling_place(f, a), details.get("word", ""), details.get("count", 1))


def _language(f: Finding, a: Article) -> tuple:
    language = str((f.details or {}).get("language", ""))
    return (f"{language_label(language)} ({language})" if language else "",)


def _missing_data(f: Finding) -> str:
    missing = (f.details or {}).get("missing") or []
    return ", ".join(_tr(_MISSING_DATA[m]) if m in _MISSING_DATA else str(m) for m in missing)


def _publication_name(a: Article) -> str:
    from newsdesk.publication import article_publication

    return article_publication(a)


def _label_place(f: Finding, a: Article) -> tuple:
    """The image or opinion section whose label the layout hides, and how it hides it."""
    reason = _detail(f, "reason")
    place = _section_name(f, a) if f.where.startswith("section:") else image_name(_image(f, a))
    return (place, _tr(_LABEL_REASONS[reason]) if reason in _LABEL_REASONS else reason)


def _layout_problem(f: Finding, a: Article) -> tuple:
    from newsdesk.gui.dialogs.error_messages import coded_text

    details = f.details or {}
    params = details.get("params")
    params = params if isinstance(params, dict) else {}
    return (coded_text(str(details.get("code", "")), params, f.message),)


# Code -> the arguments its text needs, taken from the article. Codes not listed need none.
_ARGUMENTS: dict[str, Callable[[Finding, Article], tuple]] = {
    "headline-too-long": lambda f, a: (len(a.headline.strip()), HEADLINE_MAX_CHARS),
    "description-too-long": lambda f, a: (len(a.description.strip()), DESCRIPTION_MAX_CHARS),
    "language-invalid": lambda f, a: (a.language,),
    "published-invalid": lambda f, a: (a.published,),
    "section-empty": _section_only,
    "heading-missing": _section_only,
    "link-invalid": lambda f, a: (_section_name(f, a), _linked_url(f)),
    "image-reference-broken": _section_only,
    "image-missing": _image_only,
    "alt-missing": _image_only,
    "alt-equals-caption": _image_only,
    "alt-too-long": lambda f, a: (
        image_name(_image(f, a)),
        len(_image(f, a).alt.strip()),
        ALT_MAX_CHARS,
    ),
    "caption-missing": _image_only,
    "credit-missing": _image_only,
    "disclaimer-missing": _image_only,
    "disclaimer-not-symbolic": _image_only,
    "image-unplaced": _image_only,
    "related-heading-default": lambda f, a: (related_heading(a),),
    "related-title-missing": _related_only,
    "related-url-missing": _related_only,
    "related-url-invalid": lambda f, a: _related(f, a),
    "table-header-missing": lambda f, a: (_section_name(f, a), _detail(f, "table")),
    "table-caption-missing": lambda f, a: (_section_name(f, a), _detail(f, "table")),
    "private-note-unclosed": _section_only,
    "source-note-unreferenced": lambda f, a: (_section_name(f, a), _detail(f, "label")),
    "source-note-missing": lambda f, a: (_section_name(f, a), _detail(f, "label")),
    "spelling": _spelling,
    "spelling-unavailable": _language,
    "publication-missing": lambda f, a: (_missing_data(f),),
    "publication-incomplete": lambda f, a: (_publication_name(a), _missing_data(f)),
    "publication-unavailable": lambda f, a: (_publication_name(a),),
    "credit-invisible": _label_place,
    "copyright-invisible": _label_place,
    "disclaimer-invisible": _label_place,
    "opinion-label-invisible": _label_place,
    "layout-unusable": _layout_problem,
}


def finding_texts(findings: list[Finding], article: Article) -> list[str]:
    """finding_text of each finding, the article's sections numbered once for all of them (per
    finding, a 400-section article with its thousands of spelling findings took a minute per
    check: make bench, part scaling)."""
    global _numbered_sections
    _numbered_sections = _numbered(article)
    try:
        return [finding_text(finding, article) for finding in findings]
    finally:
        _numbered_sections = None


def finding_text(finding: Finding, article: Article) -> str:
    """The finding's message in the interface language (the model's English one as fallback)."""
    template = MESSAGES.get(finding.code)
    if finding.code == "spelling" and (finding.details or {}).get("count", 1) > 1:
        template = _SPELLING_REPEATED
    if template is None:
        return finding.message
    arguments = _ARGUMENTS.get(finding.code)
    try:
        values = arguments(finding, article) if arguments else ()
    except _PlaceGoneError:
        return finding.message
    return _fill(_tr(template), *values)


def level_name(level: str) -> str:
    """ "Error", "Warning", "Hint" in the interface language (for tooltips and screen readers)."""
    names = {
        "error": QCoreApplication.translate("PreflightMessages", "Error"),
        "warning": QCoreApplication.translate("PreflightMessages", "Warning"),
        "info": QCoreApplication.translate("PreflightMessages", "Hint"),
    }
    return names.get(level, level)
