"""Edit commands: each one applies, undoes exactly and redoes; refused edits change nothing."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdesk.errors import NewsdeskError
from newsdesk.model.article import Article, Section
from newsdesk.model.commands import (
    AddSection,
    Changes,
    CompositeCommand,
    DeleteSection,
    EditCommand,
    EditRefusedError,
    MoveSection,
    RenameSection,
    ReplaceArticle,
    SetArticleField,
    SetSectionKind,
    SetSectionMarkdown,
    indent,
    move_down,
    move_up,
    outdent,
)
from newsdesk.model.serialize import MAX_SECTION_DEPTH, article_to_dict


def make_article() -> Article:
    """A small German article: lead, two headed sections (one with a box inside), a commentary."""
    return Article(
        headline="Die Fähre fährt wieder",
        subheadline="Nach drei Monaten Pause pendelt das Schiff zwischen den Ufern",
        kicker="Verkehr",
        language="de",
        sections=[
            Section(id="lead", markdown="Seit Montag legt die *Möwe* wieder pünktlich ab."),
            Section(
                id="sommer",
                heading="Der Sommerfahrplan",
                markdown="Stündlich ab sechs Uhr.",
                children=[
                    Section(id="tarife", heading="Tarife", kind="box", markdown="- Erwachsene: 3 €")
                ],
            ),
            Section(id="werft", heading="Arbeiten in der Werft", markdown="Der Rumpf ist neu."),
            Section(
                id="kommentar",
                heading="Kommentar: Endlich",
                kind="opinion",
                markdown="Wer hier wohnt, hat lange gewartet.",
            ),
        ],
    )


def snapshot(article: Article) -> dict:
    return article_to_dict(article)


def ids_in_order(article: Article) -> list[str]:
    return [s.id for s in article.walk_sections()]


def check_round_trip(article: Article, command: EditCommand) -> dict:
    """Apply, undo, redo: undo restores exactly, redo reproduces. Returns the state after."""
    before = snapshot(article)
    command.do(article)
    after = snapshot(article)
    assert after != before
    command.undo(article)
    assert snapshot(article) == before
    command.do(article)
    assert snapshot(article) == after
    return after


def test_add_section_after_and_as_child():
    article = make_article()
    after = AddSection(Section(heading="Fahrgäste"), after="sommer")
    check_round_trip(article, after)
    assert ids_in_order(article) == [
        "lead",
        "sommer",
        "tarife",
        after.section_id,
        "werft",
        "kommentar",
    ]
    assert after.changed == Changes(added=frozenset({after.section_id}), structure=True)

    child = AddSection(Section(heading="Preise für Räder"), parent="sommer", index=0)
    check_round_trip(article, child)
    assert [c.id for c in article.find_section("sommer").children] == [child.section_id, "tarife"]

    appended = AddSection(parent=None)
    check_round_trip(article, appended)
    assert article.sections[-1].id == appended.section_id
    assert article.sections[-1].kind == "body"


def test_add_section_refuses_unknown_anchor_bad_index_and_duplicates():
    article = make_article()
    before = snapshot(article)
    with pytest.raises(EditRefusedError):
        AddSection(after="gibt-es-nicht").do(article)
    with pytest.raises(EditRefusedError):
        AddSection(parent="sommer", index=5).do(article)
    with pytest.raises(EditRefusedError):
        AddSection(article.find_section("werft"), parent=None).do(article)
    with pytest.raises(ValueError):
        AddSection(after="lead", parent="sommer")
    assert snapshot(article) == before


def test_delete_section_restores_text_and_children_in_place():
    article = make_article()
    command = DeleteSection("sommer")
    check_round_trip(article, command)
    assert ids_in_order(article) == ["lead", "werft", "kommentar"]
    assert command.changed.removed == {"sommer", "tarife"}
    assert command.changed.reversed().added == {"sommer", "tarife"}
    command.undo(article)
    restored = article.find_section("sommer")
    assert restored.markdown == "Stündlich ab sechs Uhr."
    assert restored.children[0].markdown == "- Erwachsene: 3 €"


def test_delete_nested_section():
    article = make_article()
    check_round_trip(article, DeleteSection("tarife"))
    assert article.find_section("sommer").children == []


def test_move_section_reorders_and_renests():
    article = make_article()
    check_round_trip(article, MoveSection("kommentar", None, 0))
    assert ids_in_order(article)[0] == "kommentar"

    article = make_article()
    check_round_trip(article, MoveSection("werft", "sommer", 1))
    assert [c.id for c in article.find_section("sommer").children] == ["tarife", "werft"]

    article = make_article()
    check_round_trip(article, MoveSection("tarife", None, 4))
    assert [s.id for s in article.sections] == ["lead", "sommer", "werft", "kommentar", "tarife"]


def test_move_refuses_own_descendant_and_bad_positions():
    article = make_article()
    before = snapshot(article)
    with pytest.raises(EditRefusedError):
        MoveSection("sommer", "tarife", 0).do(article)
    with pytest.raises(EditRefusedError):
        MoveSection("sommer", "sommer", 0).do(article)
    with pytest.raises(EditRefusedError):
        MoveSection("lead", None, 4).do(article)  # only 3 places remain once it is lifted out
    with pytest.raises(EditRefusedError):
        MoveSection("lead", "nirgends", 0).do(article)
    with pytest.raises(NewsdeskError):  # the GUI catches the typed error
        MoveSection("gone", None, 0).do(article)
    assert snapshot(article) == before


def test_move_refuses_nesting_deeper_than_the_file_allows():
    article = Article(sections=[Section(id="top"), Section(id="deep")])
    parent = _chain(article.sections[0], MAX_SECTION_DEPTH - 1)  # the deepest allowed level
    before = snapshot(article)
    with pytest.raises(EditRefusedError):
        MoveSection("deep", parent.id, 0).do(article)
    assert snapshot(article) == before
    with pytest.raises(EditRefusedError):
        AddSection(parent=parent.id).do(article)


@pytest.mark.parametrize(
    "command",
    [
        RenameSection("werft", "Neuer Rumpf für die Möwe"),
        SetSectionKind("werft", "opinion"),
        SetSectionKind("kommentar", "box"),
        SetSectionMarkdown("lead", "Ganz **neuer** Text.\n\n- mit Liste"),
        SetArticleField("headline", "Die Möwe fährt"),
        SetArticleField("description", "Fähre wieder in Betrieb"),
        SetArticleField("tags", ["Fähre", "Verkehr"]),
    ],
    ids=lambda c: type(c).__name__,
)
def test_attribute_commands_round_trip(command):
    check_round_trip(make_article(), command)


def test_attribute_commands_report_what_changed():
    article = make_article()
    rename = RenameSection("werft", "Im Dock")
    rename.do(article)
    assert rename.changed == Changes(sections=frozenset({"werft"}))
    text = SetSectionMarkdown("werft", "Neu")
    text.do(article)
    assert text.changed.markdown == {"werft"}
    field = SetArticleField("kicker", "Schifffahrt")
    field.do(article)
    assert field.changed == Changes(fields=frozenset({"kicker"}))
    assert not field.changed.structure


def test_attribute_commands_refuse_bad_values():
    article = make_article()
    with pytest.raises(EditRefusedError):
        SetSectionKind("werft", "sidebar").do(article)
    with pytest.raises(EditRefusedError):
        RenameSection("gone", "x").do(article)
    with pytest.raises(ValueError):
        SetArticleField("sections", "x")
    with pytest.raises(ValueError):
        SetArticleField("headline", 42)
    assert snapshot(article) == snapshot(make_article())


def test_set_tags_does_not_share_the_callers_list():
    article = make_article()
    tags = ["Fähre"]
    SetArticleField("tags", tags).do(article)
    tags.append("verändert")
    assert article.tags == ["Fähre"]


def test_replace_article_keeps_the_object_and_restores_the_same_sections():
    article = make_article()
    original_sections = article.sections
    revision = Article(
        headline="Ferry back in service",
        language="en",
        sections=[Section(id="lead", markdown="The ferry sails again.")],
    )
    command = ReplaceArticle(revision)
    after = check_round_trip(article, command)
    assert after["headline"] == "Ferry back in service"
    assert command.changed.everything
    assert command.changed.removed == {"sommer", "tarife", "werft", "kommentar"}
    command.undo(article)
    assert article.sections is original_sections
    revision.sections[0].markdown = "changed by the caller"
    command.do(article)
    assert article.sections[0].markdown == "The ferry sails again."


def test_composite_is_one_step_and_atomic():
    article = make_article()
    composite = CompositeCommand(
        [RenameSection("werft", "Dock"), DeleteSection("lead"), SetArticleField("kicker", "Hafen")],
        label="Replace all",
    )
    check_round_trip(article, composite)
    assert composite.label == "Replace all"
    assert composite.changed.sections == {"werft"}
    assert composite.changed.removed == {"lead"}
    assert composite.changed.fields == {"kicker"}
    assert composite.changed.structure

    article = make_article()
    before = snapshot(article)
    failing = CompositeCommand([RenameSection("werft", "Dock"), MoveSection("sommer", "tarife", 0)])
    with pytest.raises(EditRefusedError):
        failing.do(article)
    assert snapshot(article) == before


def test_keyboard_moves():
    article = make_article()
    assert move_up(article, "lead") is None
    assert move_down(article, "kommentar") is None
    assert indent(article, "lead") is None
    assert outdent(article, "werft") is None
    assert move_down(article, "tarife") is None  # only child

    check_round_trip(article, move_up(article, "werft"))
    assert [s.id for s in article.sections] == ["lead", "werft", "sommer", "kommentar"]

    article = make_article()
    check_round_trip(article, move_down(article, "lead"))
    assert [s.id for s in article.sections] == ["sommer", "lead", "werft", "kommentar"]

    article = make_article()
    check_round_trip(article, indent(article, "werft"))  # becomes last child of "sommer"
    assert [c.id for c in article.find_section("sommer").children] == ["tarife", "werft"]

    article = make_article()
    check_round_trip(article, outdent(article, "tarife"))  # becomes next sibling of "sommer"
    assert [s.id for s in article.sections] == ["lead", "sommer", "tarife", "werft", "kommentar"]


def _chain(top: Section, levels: int) -> Section:
    """Hang `levels` nested children under `top`; returns the deepest."""
    node = top
    for level in range(levels):
        node.children.append(Section(id=f"{top.id}-{level}"))
        node = node.children[0]
    return node


def test_indent_refuses_beyond_the_depth_limit():
    article = Article(sections=[Section(id="a"), Section(id="b")])
    _chain(article.sections[1], MAX_SECTION_DEPTH - 2)  # "b" is MAX-1 levels high
    assert indent(article, "b") is not None  # under "a": 1 + (MAX-1) levels fit
    _chain(article.find_section(f"b-{MAX_SECTION_DEPTH - 3}"), 1)  # now MAX levels high
    assert indent(article, "b") is None


# --- random sequences -------------------------------------------------------------------------

OPERATION_NAMES = [
    "add_after",
    "add_child",
    "delete",
    "move",
    "rename",
    "kind",
    "text",
    "field",
    "up",
    "down",
    "indent",
    "outdent",
    "composite",
    "replace",
]
OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(OPERATION_NAMES),
        st.integers(0, 50),
        st.integers(0, 50),
        st.text(alphabet="aäöüßb *[]()\n", max_size=12),
    ),
    max_size=25,
)


def _command_for(article: Article, op: str, a: int, b: int, text: str) -> EditCommand | None:
    ids = ids_in_order(article)
    pick = ids[a % len(ids)] if ids else None
    other = ids[b % len(ids)] if ids else None
    kinds = ["body", "opinion", "box"]
    match op:
        case "add_after":
            return AddSection(Section(heading=text), after=pick) if pick else AddSection()
        case "add_child":
            return AddSection(Section(markdown=text), parent=pick, index=0)
        case "delete":
            return DeleteSection(pick) if pick else None
        case "move":
            return MoveSection(pick, other if b % 3 else None, b % 4) if pick else None
        case "rename":
            return RenameSection(pick, text) if pick else None
        case "kind":
            return SetSectionKind(pick, kinds[b % 3]) if pick else None
        case "text":
            return SetSectionMarkdown(pick, text) if pick else None
        case "field":
            return SetArticleField(["headline", "subheadline", "slug"][b % 3], text)
        case "up" | "down" | "indent" | "outdent":
            helper = {"up": move_up, "down": move_down, "indent": indent, "outdent": outdent}[op]
            return helper(article, pick) if pick else None
        case "composite":
            parts: list[EditCommand] = [SetArticleField("kicker", text)]
            if pick:
                parts += [RenameSection(pick, text), MoveSection(pick, None, 0)]
            return CompositeCommand(parts)
        case "replace":
            return ReplaceArticle(Article(headline=text, sections=[Section(markdown=text)]))
    raise AssertionError(op)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(OPERATIONS)
def test_random_sequences_undo_back_to_the_start_and_redo_to_the_end(operations):
    article = make_article()
    start = snapshot(article)
    history: list[tuple[EditCommand, dict, dict]] = []
    for op, a, b, text in operations:
        command = _command_for(article, op, a, b, text)
        if command is None:
            continue
        before = snapshot(article)
        try:
            command.do(article)
        except EditRefusedError:
            assert snapshot(article) == before  # refused edits leave no trace
            continue
        history.append((command, before, snapshot(article)))
    end = snapshot(article)
    for command, before, _after in reversed(history):
        command.undo(article)
        assert snapshot(article) == before
    assert snapshot(article) == start
    for command, _before, after in history:
        command.do(article)
        assert snapshot(article) == after
    assert snapshot(article) == end
