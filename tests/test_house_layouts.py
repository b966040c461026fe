"""House layouts (issue 18): the built-in layouts' colours, the user's stylesheet's checks, the
article's choice and which layout applies, and the page that carries it."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.errors import LayoutError
from newsdesk.formats.html_export import render_page
from newsdesk.house_layouts import (
    BUILT_IN_LAYOUTS,
    CUSTOM,
    LAYOUT_PROPERTY,
    MAX_STYLESHEET_BYTES,
    STANDARD,
    Layout,
    article_layout,
    base_stylesheet,
    built_in_layout,
    check_stylesheet,
    effective_layout,
    layout_named,
    read_stylesheet,
    set_article_layout,
)
from newsdesk.model.article import Article, Section
from newsdesk.model.layout_commands import SetArticleLayout

LAYOUTS = [name for name in BUILT_IN_LAYOUTS if name != STANDARD]


def _article() -> Article:
    return Article(
        headline="Hafenfest lockt Tausende",
        language="de",
        sections=[Section(markdown="Am Wochenende feierte die Stadt ihr Hafenfest.")],
    )


# --- the built-in layouts' colours -----------------------------------------------------------

_VAR = re.compile(r"--([a-z-]+)\s*:\s*(#[0-9a-fA-F]{3,6})\s*;")


def _block(css: str, opening: str) -> str:
    """The text of the first block that starts with `opening` (balanced braces)."""
    start = css.index(opening)
    depth = 0
    for end in range(css.index("{", start), len(css)):
        depth += {"{": 1, "}": -1}.get(css[end], 0)
        if depth == 0:
            return css[start : end + 1]
    raise AssertionError(f"{opening} is not closed")


def _colours(css: str, scheme: str) -> dict[str, str]:
    """The custom properties of :root in the light or dark scheme (base, then the layout)."""
    light = {}
    for part in (base_stylesheet(), css):
        if not part:
            continue
        without_media = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", part)
        light.update(dict(_VAR.findall(_block(without_media, ":root"))))
    if scheme == "light":
        return light
    dark = dict(light)
    for part in (base_stylesheet(), css):
        if part and "prefers-color-scheme: dark" in part:
            dark.update(dict(_VAR.findall(_block(part, "@media (prefers-color-scheme: dark)"))))
    return dark


def _luminance(colour: str) -> float:
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(c * 2 for c in colour)
    channels = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# Text colour on background colour, as the stylesheets pair them.
PAIRS = [
    ("text", "background"),
    ("muted", "background"),
    ("link", "background"),
    ("accent", "background"),
    ("opinion", "background"),
    ("text", "box-background"),
    ("link", "box-background"),
    ("text", "opinion-background"),
    ("opinion", "opinion-background"),
    ("link", "opinion-background"),
    ("background", "text"),  # the symbol-image label: background colour on text colour
]


def test_the_contrast_helper_knows_the_extremes():
    assert contrast("#000", "#fff") == pytest.approx(21)
    assert contrast("#777", "#777") == pytest.approx(1)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", BUILT_IN_LAYOUTS)
def test_every_layout_keeps_text_at_aa_contrast(name, scheme):
    colours = _colours(built_in_layout(name).css, scheme)
    low = {
        f"{fg} on {bg}": round(contrast(colours[fg], colours[bg]), 2)
        for fg, bg in PAIRS
        if contrast(colours[fg], colours[bg]) < 4.5
    }
    if "kicker-text" in colours:  # the tabloid's kicker band and label
        ratio = contrast(colours["kicker-text"], colours["accent"])
        if ratio < 4.5:
            low["kicker-text on accent"] = round(ratio, 2)
    assert low == {}


@pytest.mark.parametrize("name", LAYOUTS)
def test_every_layout_has_dark_and_print_rules_and_passes_its_own_check(name):
    css = built_in_layout(name).css
    assert "@media (prefers-color-scheme: dark)" in css
    assert "@media print" in css
    assert check_stylesheet(css, f"{name}.css") == css
    # The press code's labels are never hidden by name in a built-in layout.
    hiding = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?!\.)")
    assert not hiding.search(css)


def test_the_layouts_differ_from_standard_and_from_each_other():
    sheets = {name: built_in_layout(name).css for name in BUILT_IN_LAYOUTS}
    assert sheets[STANDARD] == ""
    assert len({sheets[name] for name in LAYOUTS}) == len(LAYOUTS)
    assert "font-family: var(--serif)" in _block(sheets["broadsheet"], "h1, h2, h3, h4")
    assert "800" in _block(sheets["tabloid"], "h1, h2, h3, h4")


def test_names_are_found_ignoring_case_and_unknown_ones_are_refused():
    assert built_in_layout(" Tabloid ").name == "tabloid"
    with pytest.raises(LayoutError) as raised:
        built_in_layout("gazette")
    assert raised.value.code == "export.layout_unknown"
    with pytest.raises(LayoutError):
        layout_named("gazette")  # not a .css file either


# --- the user's stylesheet ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "css, code",
    [
        ('@import "https://fonts.example/a.css";', "export.layout_import"),
        ("@import url(local.css);", "export.layout_import"),
        ("@\\69mport url(x.css);", "export.layout_import"),  # an escaped @import
        ("body { background: url(http://tracker.example/p.gif); }", "export.layout_remote"),
        ("body { background: url('https://cdn.example/bg.png'); }", "export.layout_remote"),
        ("body { background: url(//cdn.example/bg.png); }", "export.layout_remote"),
        ('body { background: URL( "HTTPS://cdn.example/x" ) }', "export.layout_remote"),
        ("body { background: u\\72l(https://cdn.example/x) }", "export.layout_remote"),
        ("body { background: image-set('https://cdn.example/a.png' 1x) }", "export.layout_remote"),
        (
            "@font-face { font-family: X; src: url(https://f.example/x.woff2) }",
            "export.layout_remote",
        ),
        ("p { color: red } </style><script>alert(1)</script>", "export.layout_style_end"),
        ("p::after { content: '</STYLE >' }", "export.layout_style_end"),
        ("p { color: red", "export.layout_unparseable"),
        ("p { color: red } }", "export.layout_unparseable"),
        ("/* a comment that never ends", "export.layout_unparseable"),
        ("p::after { content: 'open string }", "export.layout_unparseable"),
    ],
)
def test_a_stylesheet_the_page_may_not_carry_is_refused_with_a_code(css, code):
    with pytest.raises(LayoutError) as raised:
        check_stylesheet(css, "haus.css")
    assert raised.value.code == code
    assert "\n" not in raised.value.message and "haus.css" in raised.value.message


def test_binary_and_oversized_files_are_refused():
    with pytest.raises(LayoutError) as raised:
        check_stylesheet(b"\x89PNG\r\n\x1a\n\x00\x00", "bild.css")
    assert raised.value.code == "export.layout_not_text"
    with pytest.raises(LayoutError) as raised:
        check_stylesheet(b"p{}" + b"\xff\xfe", "kaputt.css")
    assert raised.value.code == "export.layout_not_text"
    with pytest.raises(LayoutError) as raised:
        check_stylesheet(b"/*" + b"x" * MAX_STYLESHEET_BYTES + b"*/", "gross.css")
    assert raised.value.code == "export.layout_too_big"


def test_local_and_embedded_resources_stay_allowed():
    css = (
        "body { background: url(data:image/png;base64,iVBORw0KGgo=) }\n"
        'hr { background: url("data:image/svg+xml;utf8,'
        "<svg xmlns='http://www.w3.org/2000/svg'/>\") }\n"
        "p::before { content: 'mehr unter https://zeitung.example' }\n"
        ".kicker { color: #8a1c1c; }"
    )
    assert check_stylesheet(css, "haus.css") == css.strip()


def test_a_file_is_read_checked_and_named(tmp_path):
    sheet = tmp_path / "Hausstil.css"
    sheet.write_text(".credit { font-weight: 700 }\n", encoding="utf-8")
    layout = read_stylesheet(sheet)
    assert (layout.name, layout.file_name, layout.css) == (
        CUSTOM,
        "Hausstil.css",
        ".credit { font-weight: 700 }",
    )
    with pytest.raises(LayoutError) as raised:
        read_stylesheet(tmp_path / "fehlt.css")
    assert raised.value.code == "export.layout_unreadable"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("</style>STYLE{}'\"\\/* ;:ab3c")), max_size=60))
def test_no_stylesheet_that_passes_can_end_the_style_element(css):
    try:
        layout = Layout(CUSTOM, check_stylesheet(css))
    except LayoutError:
        return
    html = render_page(_article(), layout=layout).html
    assert len(re.findall(r"</style", html, re.IGNORECASE)) == 1


# --- the article's choice and what applies ---------------------------------------------------


def test_the_article_keeps_its_choice_as_json_and_a_stylesheet_with_its_text():
    article = _article()
    assert article_layout(article) is None
    set_article_layout(article, built_in_layout("magazine"))
    assert json.loads(article.properties[LAYOUT_PROPERTY]) == {"name": "magazine"}
    own = Layout(CUSTOM, "h1 { color: #004d40 }", "verlag.css")
    set_article_layout(article, own)
    assert article_layout(article) == own
    set_article_layout(article, None)
    assert LAYOUT_PROPERTY not in article.properties


@pytest.mark.parametrize(
    "stored",
    ["{not json", '{"name": 3}', '{"name": "custom", "css": "p { color: red"}', '["tabloid"]'],
)
def test_a_damaged_choice_is_an_error_not_a_guess(stored):
    article = _article()
    article.properties[LAYOUT_PROPERTY] = stored
    with pytest.raises(LayoutError):
        article_layout(article)


def test_the_override_wins_then_the_article_then_the_publication(tmp_path):
    article = _article()
    sheet = tmp_path / "profil.css"
    sheet.write_text("h1 { letter-spacing: 0.02em }", encoding="utf-8")
    assert effective_layout(article).is_standard
    assert effective_layout(article, "tabloid").name == "tabloid"
    assert effective_layout(article, str(sheet)).file_name == "profil.css"
    set_article_layout(article, built_in_layout("broadsheet"))
    assert effective_layout(article, "tabloid").name == "broadsheet"
    assert effective_layout(article, "tabloid", built_in_layout("magazine")).name == "magazine"


def test_the_choice_is_one_undoable_edit():
    article = _article()
    set_article_layout(article, built_in_layout("tabloid"))
    command = SetArticleLayout(built_in_layout("magazine"))
    command.do(article)
    assert article_layout(article).name == "magazine"
    assert LAYOUT_PROPERTY in command.changed.fields
    command.undo(article)
    assert article_layout(article).name == "tabloid"


def test_the_page_carries_the_layout_after_the_base_stylesheet():
    html = render_page(_article(), layout=built_in_layout("broadsheet")).html
    style = html[html.index("<style>") : html.index("</style>")]
    assert style.index(":root") < style.index("/* House layout: broadsheet */")
    assert built_in_layout("broadsheet").css in style
    standard = render_page(_article()).html
    assert "House layout" not in standard and base_stylesheet() in standard
