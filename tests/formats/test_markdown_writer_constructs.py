"""Issue 14 in the editor's Qt-free round trip: blocks -> Markdown -> blocks is the identity for
every new construct (tables, source notes, private notes, sub/sup, hard breaks, code in items,
separate quotes), the Markdown is a fixed point, and a private note never turns into text.
The editor side (gui/editor/markdown_bridge.py) builds on exactly these blocks.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.formats.markdown_blocks import (
    BOLD,
    CODE,
    HEADING,
    IMAGE,
    ITALIC,
    ITEM,
    LINE_BREAK,
    NOTE,
    NOTE_REF,
    PARAGRAPH,
    SOURCE_NOTE,
    STRIKE,
    SUB,
    SUP,
    TABLE,
    Block,
    Run,
    markdown_to_blocks,
    normalize_blocks,
)
from newsdesk.formats.markdown_render import render_markdown
from newsdesk.formats.markdown_writer import blocks_to_markdown

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Canonical Markdown of each new construct: load -> save gives it back exactly.
CANONICAL = [
    "H<sub>2</sub>O und CO<sub>2</sub> je m<sup>2</sup>, **fett<sup>1</sup>**\n",
    "Anna Weiß\\\nHafenstraße 3\\\n34117 Kassel\n",
    "- erster Punkt\\\n    zweite Zeile\n- \\# kein Titel\\\n    \\- kein Punkt\n",
    "> Zitat\\\n> zweite Zeile\n",
    "Text <!-- Zitat noch autorisieren --> weiter.\n",
    "<!-- ganz privat\nüber zwei Zeilen -->\n\nÖffentlich.\n",
    "Laut Polizei[^1] und Feuerwehr[^2], wie gesagt[^1].\n\n"
    "[^1]: Polizeipräsidium *Nordhessen*\n\n[^2]: Feuerwehr Kassel\n\n    zweiter Absatz\n",
    "| Partei | Stimmen |\n| :--- | ---: |\n| Grüne | 12.304 |\n| SPD \\| Linke | 9<br>10 |\n\n"
    "Table: Ergebnis, *vorläufig*\n",
    "| a | b |\n| --- | :---: |\n|  | x |\n",
    "> | q | r |\n> | --- | --- |\n> | 1 | 2 |\n",
    "- Befehl:\n\n        newsdesk export a.newsdesk\n        --assets folder\n\n- weiter\n",
    "Davor\n\n    Code    mit Abstand\n\n        eingerückt\n\nDanach\n",
    "> A, sagte Berg.\n\n> B, sagte Weiß.\n",
    "> > innen\n>\n> > zweites Innen\n>\n> außen\n",
    "- ☐ offen\n- ☑ erledigt\n",
    "Table&#58; keine Beschriftung\n\n&#61;== keine Überschrift\n",
    "a \\| b und &lt;b> bleibt Text, &lt;!-- auch --> das\n",
    "\\[^1\\] ist keine Fußnote\n",
]


@pytest.mark.parametrize("markdown", CANONICAL)
def test_canonical_markdown_of_each_construct_is_a_fixed_point(markdown):
    blocks = markdown_to_blocks(markdown, notes=True)
    assert blocks_to_markdown(blocks, normalized=True) == markdown


def test_gfm_as_people_write_it_becomes_canonical():
    written = "- [x] erledigt\n- [ ] offen\n\n|a|b|\n|-|-:|\n|1|2|\nTable: Titel\n"
    blocks = markdown_to_blocks(written, notes=True)
    assert blocks_to_markdown(blocks) == (
        "- ☑ erledigt\n- ☐ offen\n\n| a | b |\n| --- | ---: |\n| 1 | 2 |\n\nTable: Titel\n"
    )


def test_without_notes_a_reader_gets_no_note_at_all():
    blocks = markdown_to_blocks("Sichtbar <!-- GEHEIM --> weiter\n\n<!-- GEHEIM -->\n")
    assert "GEHEIM" not in repr(blocks)
    assert [block.text for block in blocks] == ["Sichtbar weiter"]


def test_a_note_can_never_become_text_even_when_marks_must_go():
    # Delimiter soup that makes the writer drop marks as a last resort.
    runs = (
        Run("*", frozenset({BOLD})),
        Run("GEHEIM", frozenset({NOTE, ITALIC})),
        Run("_~", frozenset({STRIKE, ITALIC})),
    )
    markdown = blocks_to_markdown([Block(PARAGRAPH, runs)])
    assert "GEHEIM" not in render_markdown(markdown)
    assert "<!-- GEHEIM -->" in markdown


def test_a_reference_to_a_missing_note_is_dropped_and_notes_are_renumbered():
    blocks = normalize_blocks(
        [
            Block(PARAGRAPH, (Run("a"), Run("7", frozenset({NOTE_REF})), Run("b"))),
            Block(PARAGRAPH, (Run("c"), Run("9", frozenset({NOTE_REF})))),
            Block(SOURCE_NOTE, (Run("Quelle"),), label="9"),
        ]
    )
    assert blocks_to_markdown(blocks, normalized=True) == "ab\n\nc[^1]\n\n[^1]: Quelle\n"


# -- generated documents ---------------------------------------------------------------------------

_TEXT = st.text(alphabet="aäßZ19 *_~`\\[]()#>-+.!&<;:/@=|^\"'„“\u00a0", min_size=1, max_size=8)
_MARKS = st.frozensets(st.sampled_from([BOLD, ITALIC, STRIKE, SUB, SUP]), max_size=2)
_TEXT_RUN = st.builds(Run, _TEXT, _MARKS, st.sampled_from(["", "", "https://example.org/a_b"]))
_BREAK_RUN = st.just(Run(LINE_BREAK))
_NOTE_RUN = st.builds(
    Run, st.text(alphabet="Notiz -<>!\n", min_size=1, max_size=10), st.just(frozenset({NOTE}))
)
_REF_RUN = st.builds(Run, st.sampled_from(["1", "2", "3"]), st.just(frozenset({NOTE_REF})))
_RUNS = st.lists(
    st.one_of(_TEXT_RUN, _TEXT_RUN, _TEXT_RUN, _BREAK_RUN, _NOTE_RUN, _REF_RUN),
    min_size=1,
    max_size=5,
).map(tuple)
_CELL = st.lists(st.one_of(_TEXT_RUN, _BREAK_RUN, _REF_RUN), max_size=2).map(tuple)


@st.composite
def _tables(draw):
    columns = draw(st.integers(1, 3))
    rows = draw(st.lists(st.tuples(*[_CELL] * columns), min_size=1, max_size=3))
    align = tuple(draw(st.sampled_from(["", "left", "center", "right"])) for _ in range(columns))
    caption = draw(st.one_of(st.just(()), _RUNS))
    return Block(
        TABLE, quote=draw(st.integers(0, 1)), rows=tuple(rows), align=align, caption=caption
    )


_BLOCKS = st.lists(
    st.one_of(
        st.builds(
            Block, st.just(PARAGRAPH), _RUNS, st.integers(0, 2), quote_break=st.integers(0, 2)
        ),
        st.builds(Block, st.just(HEADING), _RUNS, st.integers(0, 1), st.sampled_from([3, 4])),
        st.builds(
            Block,
            st.just(ITEM),
            _RUNS,
            st.integers(0, 1),
            depth=st.integers(1, 3),
            numbered=st.booleans(),
        ),
        st.builds(
            Block,
            st.just(CODE),
            quote=st.integers(0, 1),
            depth=st.integers(0, 2),
            code=st.text(alphabet="x #<!-->\n    *", min_size=1, max_size=20),
        ),
        _tables(),
        st.builds(Block, st.just(SOURCE_NOTE), _RUNS, label=st.sampled_from(["1", "2", "3"])),
        st.builds(Block, st.just(IMAGE), image_id=st.sampled_from(["lead", "photo-2"])),
    ),
    max_size=7,
)


@SETTINGS
@given(_BLOCKS)
def test_any_blocks_with_the_new_constructs_survive_markdown_exactly(blocks):
    expected = normalize_blocks(blocks)
    markdown = blocks_to_markdown(expected, normalized=True)
    assert markdown_to_blocks(markdown, notes=True) == expected
    assert blocks_to_markdown(markdown_to_blocks(markdown, notes=True), normalized=True) == markdown


@SETTINGS
@given(_BLOCKS)
def test_no_note_text_reaches_the_page(blocks):
    marked = [
        Block(PARAGRAPH, (Run("vorher"), Run("ZZGEHEIMZZ", frozenset({NOTE})))),
        *blocks,
    ]
    markdown = blocks_to_markdown(marked)
    assert "ZZGEHEIMZZ" in markdown
    assert "ZZGEHEIMZZ" not in render_markdown(markdown)


@SETTINGS
@given(_BLOCKS)
def test_normalising_twice_changes_nothing(blocks):
    once = normalize_blocks(blocks)
    assert normalize_blocks(once) == once
