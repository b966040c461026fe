"""Markdown import: structure, our dialect, images beside the file, and every refusal."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage

from newsdesk.errors import ImportFormatError
from newsdesk.formats.importers import import_file
from newsdesk.formats.importing import import_document
from newsdesk.formats.markdown_import import import_markdown, plain_inline
from newsdesk.formats.markdown_normalise import normalise_lists
from newsdesk.formats.markdown_render import render_markdown
from newsdesk.formats.slug import effective_slug

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def _png(width: int = 8, height: int = 5) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (width, height), (10, 120, 60)).save(buffer, format="PNG")
    return buffer.getvalue()


def _write(folder: Path, markdown: str, **images: bytes) -> Path:
    for name, data in images.items():
        (folder / name.replace("_", ".")).write_bytes(data)
    source = folder / "artikel.md"
    source.write_text(markdown, encoding="utf-8")
    return source


# --- our own fixture articles ----------------------------------------------------------------


def test_german_fixture_imports_into_exactly_its_parts():
    article = import_file(FIXTURES / "de_faehre.md")
    assert article.headline == "Nachtfähre zu den Inseln kommt im April"
    assert article.subheadline == "Der Hafenrat stimmt für ein Probejahr"
    assert (article.byline, article.language, article.tags) == (
        "Jonas Weller",
        "de",
        ["Verkehr", "Inseln"],
    )
    assert article.slug == ""  # follows the headline, as the Details pane shows
    assert effective_slug(article) == "nachtfaehre-zu-den-inseln-kommt-im-april"
    # The prefix word of an opinion heading is the section's label (issue 17, item 14).
    assert [(s.heading, s.kind, s.label) for s in article.sections] == [
        ("", "body", ""),
        ("Was der Fahrplan verspricht", "body", ""),
        ("Eine Fähre ist kein Luxus", "opinion", "Kommentar"),
    ]
    lead_image, map_image = article.images
    assert (lead_image.role, lead_image.filename, lead_image.width, lead_image.height) == (
        "lead", "hafen.jpg", 12, 8,
    )  # fmt: skip
    assert lead_image.data == (FIXTURES / "hafen.jpg").read_bytes()
    assert lead_image.alt == "Fähre am Kai im Abendlicht"
    assert lead_image.caption == "Die Fähre „Skerry“ am Kai von Larsby"
    assert lead_image.credit == "Mara Lind"
    assert lead_image.symbolic and lead_image.disclaimer.startswith("Symbolbild:")
    assert (map_image.role, map_image.filename, map_image.caption, map_image.alt) == (
        "inline", "karte.png", "Die geplante Route", "Karte der Route",
    )  # fmt: skip
    assert article.sections[0].markdown == (
        "Der Hafenrat von Larsby hat am Donnerstag für eine **Nachtfähre** zu den drei "
        "Außeninseln gestimmt.\nDer letzte Anleger fährt bisher um Viertel nach sieben.\n\n"
        'Details stehen im [Fahrplanentwurf](https://example.org/fahrplan "Entwurf").'
    )
    assert article.sections[1].markdown == (
        "Die neue Fahrt soll alle drei Inseln anlaufen:\n\n"
        "1. Holmvik, nach etwa vierzig Minuten\n"
        "2. Sandøy, zwanzig Minuten später\n"
        "    - mit Halt am Nordanleger\n"
        "    - nur bei ruhiger See\n\n"
        f"![](image:{map_image.id})\n\n"
        "> „Wir zählen jeden Fahrgast“, sagte die Vorsitzende.\n\n"
        "### Fahrräder und Autos\n\n"
        "Fahrräder fahren ~~gegen Gebühr~~ kostenlos mit."
    )
    assert article.related.heading == "Lesen Sie auch"
    assert [(link.title, link.url) for link in article.related.links] == [
        ("Inselschule bekommt neues Dach", "https://example.org/schule"),
        ("Busse fahren künftig bis Mitternacht", "https://example.org/busse"),
    ]


def test_english_fixture_imports_into_exactly_its_parts():
    article = import_file(FIXTURES / "en_orchard.md")
    assert article.headline == "Community orchard plants its hundredth tree"
    assert article.subheadline == ""  # the line after the headline is a full sentence
    assert article.language == "en" and article.images == []
    assert [(s.heading, s.kind, s.label) for s in article.sections] == [
        ("", "body", ""),
        ("What the volunteers do", "body", ""),
        ("Every town should have one", "opinion", "Opinion"),
    ]
    assert article.sections[0].markdown.endswith(
        "Anyone may pick the fruit:\n\n"
        "- apples from September\n    - early varieties in August\n- plums in late summer"
    )
    # The fenced code block became an indented one, and its "#" line is no heading.
    assert article.sections[1].markdown.endswith("\n\n    # not a heading: a code block")
    assert article.related.heading == "Further reading"
    assert [link.url for link in article.related.links] == [
        "https://example.org/allotments",
        "https://example.org/seeds",
    ]


def test_the_fixture_renders_with_nested_lists_quotes_and_inline_image():
    article = import_file(FIXTURES / "de_faehre.md")
    html = render_markdown(article.sections[1].markdown, lambda image_id: f"<figure>{image_id}")
    assert "<ol>" in html and "<li>Sandøy, zwanzig Minuten später<ul>" in html
    assert f"<figure>{article.images[1].id}" in html
    assert "<blockquote>" in html and "<h3>Fahrräder und Autos</h3>" in html


# --- structure rules -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("after_headline", "subheadline"),
    [
        ("*Ein Probejahr beginnt im April*", "Ein Probejahr beginnt im April"),
        ("_A trial year starts in April_", "A trial year starts in April"),
        ("Ein Probejahr beginnt im April", "Ein Probejahr beginnt im April"),
        ("Der Rat hat abgestimmt.", ""),
        ("- a list item", ""),
        ("> a quote", ""),
    ],
)
def test_subheadline_rules(after_headline, subheadline):
    article = import_markdown(f"# Titel\n\n{after_headline}\n\nEin Absatz.")
    assert article.subheadline == subheadline
    assert bool(article.sections[0].markdown.count("\n\n")) == (subheadline == "")


def test_a_short_line_that_starts_a_paragraph_is_not_a_subheadline():
    article = import_markdown("# Titel\nErste Zeile\nzweite Zeile des Absatzes.")
    assert article.subheadline == ""
    assert article.sections[0].markdown == "Erste Zeile\nzweite Zeile des Absatzes."


def test_setext_headings_front_matter_and_a_second_h1():
    article = import_markdown(
        "---\ntitle: Aus dem Kopf\nlang: en\nslug: eigener-slug\ndate: 2026-03-01\n"
        "tags:\n  - Politik\n  - Stadt\n---\n"
        "Die Schlagzeile\n===============\n\nDer Text ist deutsch und hat einen Absatz.\n\n"
        "Abschnitt\n---------\n\nMehr Text.\n\n# Noch ein Titel\n\nEnde."
    )
    # The front matter's title is the headline, as the blog published it (issue 13); the
    # document's own different first heading becomes a section of its own.
    assert article.headline == "Aus dem Kopf"
    assert (article.language, article.slug, article.published) == (
        "en",
        "eigener-slug",
        "2026-03-01",
    )
    assert article.tags == ["Politik", "Stadt"]
    assert [s.heading for s in article.sections] == [
        "Die Schlagzeile",
        "Abschnitt",
        "Noch ein Titel",
    ]
    assert article.sections[0].markdown == "Der Text ist deutsch und hat einen Absatz."


def test_headings_lose_their_markup_and_subheadings_stay_in_the_body():
    article = import_markdown(
        "# Der **große** [Plan](https://x.org)\n\n## *Teil* `eins` ##\n\nA\n\n### Unter\n\nB"
    )
    assert article.headline == "Der große Plan"
    assert article.sections[0].heading == "Teil eins"
    assert article.sections[0].markdown == "A\n\n### Unter\n\nB"
    assert plain_inline(r"Preis \*pro\* Stück_nummer") == "Preis *pro* Stück_nummer"


@pytest.mark.parametrize("prefix", ["Kommentar", "Meinung", "Editorial", "Commentary", "Opinion"])
def test_opinion_prefixes(prefix):
    # The prefix word is the section's label; the heading keeps the rest (issue 17, item 14).
    article = import_markdown(f"# T\n\n## {prefix}: Eine Ansicht\n\nText.")
    section = article.sections[0]
    assert (section.heading, section.kind, section.label) == ("Eine Ansicht", "opinion", prefix)


def test_reference_links_defined_at_the_end_work_in_every_section():
    article = import_markdown(
        "# T\n\nSiehe [den Plan][p] und [Karte].\n\n## Zwei\n\nAuch [hier][P].\n\n"
        "[p]: https://example.org/plan\n[Karte]: <https://example.org/karte> 'Die Karte'\n"
    )
    assert article.sections[0].markdown == (
        "Siehe [den Plan](https://example.org/plan) und "
        '[Karte](https://example.org/karte "Die Karte").'
    )
    assert article.sections[1].markdown == "Auch [hier](https://example.org/plan)."


@pytest.mark.parametrize(
    ("heading", "items", "is_related"),
    [
        ("Lesen Sie auch", "- Ohne Adresse\n- Auch ohne", True),
        ("You might also like", "- [One](https://example.org/1)", True),
        ("Quellen", "- [Eins](https://example.org/1)\n- Zwei https://example.org/2", True),
        ("Quellen", "- [Eins](https://example.org/1)\n- Zwei ohne Adresse", False),
        ("Lesen Sie auch", "- [Eins](https://example.org/1)\n\nUnd ein Absatz.", False),
        ("Lesen Sie auch", "- Eins\n    - verschachtelt", False),
    ],
)
def test_closing_link_list_becomes_related_links(heading, items, is_related):
    article = import_markdown(f"# T\n\nText.\n\n## {heading}\n\n{items}\n")
    assert bool(article.related.links) == is_related
    assert len(article.sections) == (1 if is_related else 2)


def test_a_link_list_that_is_not_the_last_section_stays_a_section():
    article = import_markdown("# T\n\n## Lesen Sie auch\n\n- Eins\n\n## Schluss\n\nText.")
    assert article.related.links == []
    assert [s.heading for s in article.sections] == ["Lesen Sie auch", "Schluss"]


def test_list_normalisation_for_python_markdown():
    lines, _ = normalise_lists(
        [
            "Intro:",
            "* eins",
            "  + zwei",
            "     - drei",
            "  + vier",
            "",
            "1) erstens",
            "2) zweitens",
        ],
        set(),
    )
    assert lines == [
        "Intro:",
        "",
        "- eins",
        "    - zwei",
        "        - drei",
        "    - vier",
        "",
        "1. erstens",
        "2. zweitens",
    ]
    html = render_markdown("\n".join(lines))
    assert html.count("<ul>") == 3 and "<ol>" in html and "<p>Intro:</p>" in html


def test_the_photo_marker_of_the_text_shape_works_in_markdown_too():
    article = import_markdown("# T\n\nText.\n\n<< photo by Ada Berg >>\nSymbolbild\n")
    image = article.images[0]
    assert (image.role, image.data, image.credit, image.disclaimer) == (
        "lead",
        None,
        "Ada Berg",
        "Symbolbild",
    )
    assert image.symbolic and article.sections[0].markdown == "Text."


def test_empty_markdown_is_refused():
    with pytest.raises(ImportFormatError, match="empty"):
        import_markdown("\n\n   \n")


# --- images ----------------------------------------------------------------------------------


def test_only_an_image_before_the_first_paragraph_is_the_lead_and_inline_ones_stand_alone(tmp_path):
    source = _write(
        tmp_path,
        "# T\n\nLead.\n\n## A\n\nVor ![Erstes](eins.png) nach.\n\n"
        '- Punkt ![Zweites](bilder/zwei%20b.png)\n\n## B\n\n![Drittes](<eins.png> "Wieder")\n',
        eins_png=_png(8, 5),
    )
    (tmp_path / "bilder").mkdir()
    (tmp_path / "bilder" / "zwei b.png").write_bytes(_png(3, 2))
    article = import_file(source)
    lead, second, third = article.images
    # After the lead paragraph, even the first picture is inline (issue 13).
    assert [i.role for i in article.images] == ["inline", "inline", "inline"]
    assert (lead.alt, lead.width, second.filename, second.height, third.caption) == (
        "Erstes", 8, "zwei b.png", 2, "Wieder",
    )  # fmt: skip
    assert article.sections[1].markdown == (
        f"Vor nach.\n\n![](image:{lead.id})\n\n- Punkt\n\n![](image:{second.id})"
    )
    assert article.sections[2].markdown == f"![](image:{third.id})"


# A picture that cannot be had does not refuse the import (issue 13): it becomes a missing photo
# with its alt text, which the check reports. One that is there but refused (not an image,
# damaged, a folder) never enters, and the import says which and why.


def _missing_photo(article):
    (image,) = article.images
    assert not image.has_photo and image.alt == "Alt"
    return image


def test_a_missing_image_becomes_a_missing_photo(tmp_path):
    result = import_document(_write(tmp_path, "# T\n\n![Alt](fehlt.jpg)\n"))
    _missing_photo(result.article)
    assert [note.code for note in result.notes] == ["import.photos_missing"]


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"this is text, not a JPEG", "not a JPEG, PNG or WebP"),
        ("damaged", "damaged"),
    ],
)
def test_a_file_that_is_no_good_image_is_left_out_and_named(tmp_path, data, why):
    if data == "damaged":
        photo = io.BytesIO()
        PILImage.effect_noise((64, 64), 80).convert("RGB").save(photo, format="JPEG")
        data = photo.getvalue()[: len(photo.getvalue()) // 2]
    result = import_document(_write(tmp_path, "# T\n\n![Alt](foto.jpg)\n", foto_jpg=data))
    _missing_photo(result.article)
    (refusal,) = [note for note in result.notes if note.code == "import.picture_refused"]
    assert refusal.params["name"] == "foto.jpg" and why in refusal.message


def test_an_image_reference_to_a_folder_reads_nothing(tmp_path):
    (tmp_path / "ordner").mkdir()
    result = import_document(_write(tmp_path, "# T\n\n![Alt](ordner)\n"))
    _missing_photo(result.article)
    (refusal,) = [note for note in result.notes if note.code == "import.picture_refused"]
    assert "not a regular file" in refusal.message


def test_remote_images_are_not_downloaded(tmp_path):
    result = import_document(_write(tmp_path, "# T\n\n![Alt](https://example.org/foto.jpg)\n"))
    _missing_photo(result.article)


def test_relative_images_need_a_folder_to_be_relative_to(tmp_path):
    _missing_photo(import_markdown("# T\n\n![Alt](foto.png)\n"))
    (tmp_path / "foto.png").write_bytes(_png())
    article = import_markdown(f"# T\n\n![Alt]({tmp_path / 'foto.png'})\n")
    assert article.images[0].width == 8


def test_markdown_in_a_folder_with_its_photos_can_be_moved(tmp_path):
    target = tmp_path / "kopie"
    shutil.copytree(FIXTURES, target, ignore=shutil.ignore_patterns("*.txt", "*.json"))
    article = import_file(target / "de_faehre.md")
    assert article.images[0].data == (FIXTURES / "hafen.jpg").read_bytes()


def test_a_short_line_alone_above_the_headline_is_the_kicker():
    article = import_markdown("Verkehr\n\n# Titel\n\nText.")
    assert (article.kicker, article.headline, article.sections[0].markdown) == (
        "Verkehr",
        "Titel",
        "Text.",
    )
    article = import_markdown("Ein ganzer Satz davor.\n\n# Titel\n\nText.")
    assert article.kicker == ""
    assert article.sections[0].markdown == "Ein ganzer Satz davor.\n\nText."


def test_a_hashtag_at_the_start_of_a_line_stays_text():
    article = import_markdown("# Titel\n\nEin Absatz.\n\n#Wahl2026 bewegt das Netz.\n")
    assert article.sections[0].markdown == "Ein Absatz.\n\n\\#Wahl2026 bewegt das Netz."
    assert "<h3>" not in render_markdown(article.sections[0].markdown)


def test_front_matter_subheadline_wins_without_losing_the_line_below_the_headline():
    article = import_markdown("---\nsubtitle: Aus dem Kopf\n---\n# Titel\n\n*Kursiv*\n\nText.")
    assert article.subheadline == "Aus dem Kopf"
    assert article.sections[0].markdown == "*Kursiv*\n\nText."


# --- generated Markdown articles -------------------------------------------------------------

_WORDS = st.sampled_from(
    ("Hafen", "Fähre", "Rat", "Insel", "Fahrplan", "Schule", "harbour", "ferry", "council",
     "island", "timetable", "**Nacht**", "*spät*", "[Plan](https://example.org/p)")
)  # fmt: skip
_TITLE = st.lists(_WORDS.filter(lambda w: w.isalpha()), min_size=2, max_size=6).map(" ".join)
_PARAGRAPH = st.lists(_WORDS, min_size=5, max_size=20).map(lambda w: " ".join(w) + ".")
_PREFIX = st.sampled_from(["", "", "Kommentar: ", "Opinion: ", "Meinung: "])


@st.composite
def _markdown_articles(draw):
    parts = {
        "headline": draw(_TITLE),
        "subheadline": draw(st.one_of(st.just(""), _TITLE)),
        "lead": draw(st.lists(_PARAGRAPH, min_size=1, max_size=3)),
        "sections": draw(
            st.lists(
                st.tuples(
                    st.tuples(_PREFIX, _TITLE).map("".join),
                    st.lists(_PARAGRAPH, min_size=1, max_size=3),
                ),
                max_size=3,
            )
        ),
        "links": draw(st.lists(_TITLE, max_size=3)),
    }
    blocks = [f"# {parts['headline']}"]
    blocks += [f"*{parts['subheadline']}*"] if parts["subheadline"] else []
    blocks += parts["lead"]
    for heading, paragraphs in parts["sections"]:
        blocks += [f"## {heading}", *paragraphs]
    if parts["links"]:
        blocks.append("## Lesen Sie auch")
        blocks.append(
            "\n".join(f"- [{t}](https://example.org/{n})" for n, t in enumerate(parts["links"]))
        )
    return parts, "\n\n".join(blocks) + "\n"


@settings(max_examples=40, deadline=None)
@given(_markdown_articles())
def test_generated_markdown_articles_import_exactly(generated):
    parts, markdown = generated
    article = import_markdown(markdown)
    assert (article.headline, article.subheadline) == (parts["headline"], parts["subheadline"])
    expected = [("", "body", "", "\n\n".join(parts["lead"]))] + [
        (h.partition(": ")[2], "opinion", h.partition(":")[0], "\n\n".join(p))
        if ": " in h
        else (h, "body", "", "\n\n".join(p))
        for h, p in parts["sections"]
    ]
    assert [(s.heading, s.kind, s.label, s.markdown) for s in article.sections] == expected
    assert [(link.title, link.url) for link in article.related.links] == [
        (t, f"https://example.org/{n}") for n, t in enumerate(parts["links"])
    ]
