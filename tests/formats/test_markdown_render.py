"""The Markdown dialect: what journalists write renders to the same, safe structure everywhere."""

from newsdesk.formats.markdown_render import render_inline, render_markdown


def test_constructs_of_the_dialect():
    html = render_markdown(
        "**fett** *kursiv* ~~weg~~ [Link](https://example.org)\n\n### Zwischentitel\n\n"
        "- eins\n    - zwei\n\n1. erstens\n2. zweitens\n\n> Zitat"
    )
    for fragment in (
        "<strong>fett</strong>",
        "<em>kursiv</em>",
        "<del>weg</del>",
        '<a href="https://example.org"',
        "<h3>Zwischentitel</h3>",
        "<li>eins<ul>",
        "<ol>",
        "<blockquote>",
    ):
        assert fragment in html


def test_top_level_headings_inside_a_body_are_demoted_below_the_section_heading():
    assert render_markdown("# Eins\n\n## Zwei") == "<h3>Eins</h3>\n<h3>Zwei</h3>"


def test_raw_html_is_dropped_never_run_nor_shown():
    html = render_markdown('<script>alert(1)</script> <img src=x onerror="alert(2)"> <b>fett</b>')
    assert "<script" not in html and "<img" not in html and "alert" not in html
    assert "&lt;" not in html and html.replace(" ", "") == "<p>fett</p>"


def test_links_only_to_web_and_mail():
    html = render_markdown(
        "[a](javascript:alert(1)) [b](data:text/html,x) [c](mailto:x@example.org)"
    )
    assert "javascript" not in html and "data:" not in html
    assert 'href="mailto:x@example.org"' in html


def test_inline_image_references_become_figures():
    html = render_markdown("vorher\n\n![](image:abc)\n\nnachher", lambda i: f"<figure>{i}</figure>")
    assert html == "<p>vorher</p>\n<figure>abc</figure>\n<p>nachher</p>"
    assert render_markdown("![](image:abc)") == ""


def test_inline_fields_have_no_paragraph():
    assert render_inline("Foto: *Mira*") == "Foto: <em>Mira</em>"
