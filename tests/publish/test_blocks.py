"""The article as Gutenberg blocks: every part in the block WordPress's editor would save for it,
delimiters balanced, attributes escaped, private notes never sent. (The integration tests also
run the result through WordPress's own parser.)"""

from __future__ import annotations

import json
import re

from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section
from newsdesk.publish.article_blocks import article_blocks
from newsdesk.publish.blocks import PlacedMedia, serialize_attributes

_DELIMITER = re.compile(
    r"<!-- (/?)wp:([a-z][a-z0-9_-]*(?:/[a-z][a-z0-9_-]*)?)(?: (\{.*?\}))? (/)?-->"
)


def parse(content: str) -> list[tuple[str, dict, int]]:
    """(name, attributes, depth) of every block; asserts the delimiters nest properly."""
    found, stack = [], []
    for match in _DELIMITER.finditer(content):
        closing, name, attributes = match.group(1), match.group(2), match.group(3)
        if closing:
            assert stack and stack.pop() == name, f"unbalanced {name}"
        else:
            found.append((name, json.loads(attributes) if attributes else {}, len(stack)))
            stack.append(name)
    assert not stack
    return found


def article() -> Article:
    return Article(
        headline="Streit um den Marktplatz",
        kicker="Stadtrat",
        subheadline="Die Bäume bleiben – vorerst",
        byline="Von Käthe Groß",
        language="de",
        sections=[
            Section(
                markdown=(
                    "Der Rat tagte bis 23 Uhr.[^a]\n\n![](image:platz)\n\n"
                    "<!-- Quelle will anonym bleiben -->\n\n1. erstens\n2. zweitens\n\n"
                    "> Wir bleiben dran.\n\n***\n\n"
                    "| Partei | Stimmen |\n|---|---:|\n| Grüne | 12 |\nTable: Abstimmung\n\n"
                    "[^a]: Protokoll der Sitzung"
                )
            ),
            Section(
                heading="Hintergrund",
                markdown="#### Geschichte\n\nDer Platz ist alt.",
                children=[Section(heading="Die Linden", markdown="Gepflanzt 1890.")],
            ),
            Section(heading="Zu spät", kind="opinion", markdown="Ein Kommentar."),
            Section(heading="Termine", kind="box", markdown="- Mo: Rat\n- Di: Markt"),
        ],
        images=[
            Image(id="aufmacher", caption="Der Platz", alt="Marktplatz", credit="Jens Öz",
                  symbolic=True, disclaimer="Bild aus dem Archiv"),
            Image(id="platz", role="inline", caption="Linden", alt="Bäume", credit="dpa",
                  copyright="Tagesblatt"),
        ],
        related=RelatedLinks(links=[RelatedLink("Ratsprotokoll", "https://example.org/p?a=1&b=2")]),
    )  # fmt: skip


MEDIA = {
    "aufmacher": PlacedMedia(11, "https://example.org/a.jpg"),
    "platz": PlacedMedia(12, "https://example.org/b.jpg"),
}


def test_every_part_becomes_the_block_its_kind_needs_in_reading_order():
    content = article_blocks(article(), MEDIA)
    blocks = parse(content)
    top = [(name, attrs) for name, attrs, depth in blocks if depth == 0]
    assert [name for name, _ in top] == [
        "paragraph", "paragraph", "paragraph", "image",  # kicker, subheadline, byline, lead
        "paragraph", "image", "list", "quote", "separator", "table", "list",  # lead section
        "heading", "heading", "paragraph", "heading", "paragraph",  # nested sections
        "group", "group",  # opinion, box
        "heading", "list",  # related links
    ]  # fmt: skip
    assert [attrs.get("className") for _, attrs in top[:3]] == [
        "newsdesk-kicker", "newsdesk-subheadline", "newsdesk-byline",
    ]  # fmt: skip
    assert top[3][1]["id"] == 11 and top[5][1]["id"] == 12
    assert top[6][1] == {"ordered": True}
    assert top[10][1] == {"ordered": True, "className": "newsdesk-notes"}
    levels = [attrs.get("level", 2) for name, attrs in top if name == "heading"]
    assert levels == [2, 4, 3, 2]
    assert top[-1][1] == {"className": "newsdesk-related"}
    inner = [(name, depth) for name, _, depth in blocks if depth > 0]
    assert ("paragraph", 1) in inner  # the quote's paragraph, the groups' contents


def test_captions_carry_the_symbol_notice_credit_and_copyright():
    content = article_blocks(article(), MEDIA)
    assert "Der Platz – Symbolbild: Bild aus dem Archiv – Foto: Jens Öz" in content
    assert "Linden – dpa – © Tagesblatt" not in content  # "dpa" gets the credit label
    assert "Linden – Foto: dpa – © Tagesblatt" in content
    assert 'alt="Marktplatz" class="wp-image-11"' in content


def test_private_notes_are_never_sent_and_footnotes_are_numbered():
    content = article_blocks(article(), MEDIA)
    assert "anonym" not in content
    assert '23 Uhr.<sup class="newsdesk-note-ref">1</sup>' in content
    assert "<li>Protokoll der Sitzung</li>" in content
    assert '<figcaption class="wp-element-caption">Abstimmung</figcaption>' in content


def test_opinion_and_box_are_groups_with_their_label():
    content = article_blocks(article(), MEDIA)
    assert '<div class="wp-block-group newsdesk-opinion"><!-- wp:paragraph' in content
    assert '<p class="newsdesk-label">Meinung</p>' in content
    assert '<div class="wp-block-group newsdesk-box">' in content


def test_an_opinion_sections_own_label_is_sent():
    """Issue 17, item 14: a section's label ("Kommentar", "Editorial") is what readers see."""
    own = article()
    opinion = next(section for section in own.sections if section.kind == "opinion")
    opinion.label = "Kommentar"
    content = article_blocks(own, MEDIA)
    assert '<p class="newsdesk-label">Kommentar</p>' in content
    assert '<p class="newsdesk-label">Meinung</p>' not in content


def test_a_photo_not_on_the_site_is_left_out():
    content = article_blocks(article(), {"platz": MEDIA["platz"]})
    assert "wp-image-11" not in content and "wp-image-12" in content


def test_hostile_text_cannot_break_out_of_a_block():
    hostile = Article(
        kicker="--> <!-- /wp:paragraph --> <script>x</script>",
        sections=[Section(heading="<b>&</b>", markdown="<!-- wp:html --><script>1</script>")],
        related=RelatedLinks(links=[RelatedLink('"><script>', "javascript:alert(1)")]),
    )
    content = article_blocks(hostile, {})
    assert "<script" not in content and "javascript:" not in content
    assert [name for name, _, _ in parse(content)] == ["paragraph", "heading", "heading", "list"]


def test_attributes_are_escaped_like_wordpress_does():
    text = serialize_attributes({"className": 'a--b<c>&"d"', "n": 1})
    assert "--" not in text and "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"className": 'a--b<c>&"d"', "n": 1}


def test_english_articles_get_english_labels():
    english = Article(
        language="en",
        sections=[Section(heading="Why", kind="opinion", markdown="Because.")],
        images=[Image(id="x", credit="Ann Lee", symbolic=True, disclaimer="posed")],
    )
    content = article_blocks(english, {"x": PlacedMedia(3, "https://example.org/x.jpg")})
    assert "Illustrative image: posed – Photo: Ann Lee" in content
    assert '<p class="newsdesk-label">Opinion</p>' in content


def test_the_publish_renderer_writes_what_the_export_renderer_writes():
    from newsdesk.formats.markdown_render import render_inline, render_markdown
    from newsdesk.publish.blocks import Renderer

    text = "Ein *Satz* mit [Link](https://example.org) und **Fett**.\n\n- a\n    - b\n\n> Zitat"
    assert Renderer().body(text) == render_markdown(text)
    assert Renderer().inline("*Bildtext* – Foto: Ö") == render_inline("*Bildtext* – Foto: Ö")


def test_a_render_after_a_change_equals_a_fresh_one(monkeypatch):
    """The sections kept from the last render are reused only where nothing they depend on
    changed: the text, a heading, the kind, the language, the photos that exist."""
    import newsdesk.publish.article_blocks as article_blocks_module

    def fresh(changed: Article) -> str:
        monkeypatch.setattr(article_blocks_module, "_last_sections", {})
        return article_blocks(changed, MEDIA)

    story = article()
    first = article_blocks(story, MEDIA)  # the render the next ones may reuse
    story.sections[0].markdown = story.sections[0].markdown.replace("tagte", "beriet")
    changed = article_blocks(story, MEDIA)
    assert changed == fresh(story) and "beriet" in changed and changed != first
    story.sections[1].children[0].heading = "Die Eichen"
    story.sections[2].kind = "box"
    story.language = "en"
    assert article_blocks(story, MEDIA) == fresh(story)
    assert "Die Eichen" in fresh(story) and "Meinung" not in fresh(story)
    story.images = story.images[:1]  # the inline photo is gone: no slot for it in the text
    reused = article_blocks(story, MEDIA)
    assert reused == fresh(story) and "wp-image-12" not in reused and "wp-image-11" in reused
