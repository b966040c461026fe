"""Opinion Label… in the outline's context menu: the label shown above an opinion section, asked
in a dialog offering the language's usual words; one undo step; stored with the section."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QComboBox, QInputDialog

from newsdesk.gui.outline.opinion_label import label_presets
from newsdesk.gui.outline.section_tree import SectionTreeView
from newsdesk.model.article import Article, Section


def _view(qtbot, state_for, language="de"):
    article = Article(
        headline="Die Fähre bleibt",
        language=language,
        sections=[
            Section(id="lead", markdown="Der Kreistag hat entschieden."),
            Section(id="meinung", heading="Gut so", kind="opinion", markdown="Endlich."),
            Section(id="bericht", heading="Die Kosten", markdown="Drei Millionen."),
        ],
    )
    stack = state_for(article)
    view = SectionTreeView(stack)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view, stack


def _answer_label_dialog(text: str | None, seen: list) -> None:
    """Type `text` into the label dialog and press OK (None: Cancel), as the user would."""

    def answer():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog))
        combo = dialog.findChild(QComboBox)
        seen.append([combo.itemText(n) for n in range(combo.count())])
        if text is None:
            dialog.reject()
            return
        combo.setEditText(text)
        dialog.accept()

    QTimer.singleShot(0, answer)


def test_the_label_is_chosen_in_a_dialog_and_undone_in_one_step(qtbot, state_for):
    view, stack = _view(qtbot, state_for)
    view.select_section("meinung")
    assert view.label_action.isEnabled()
    assert view.label_action in view.context_menu().actions()
    seen: list = []
    _answer_label_dialog("Leitartikel", seen)
    view.label_action.trigger()
    assert stack.article.find_section("meinung").label == "Leitartikel"
    assert seen[0][:3] == ["Meinung", "Kommentar", "Leitartikel"]
    stack.undo()
    assert stack.article.find_section("meinung").label == ""


def test_the_default_word_stores_no_label_and_cancel_changes_nothing(qtbot, state_for):
    view, stack = _view(qtbot, state_for, language="en")
    view.select_section("meinung")
    steps = stack.count()
    _answer_label_dialog(None, [])
    view.label_action.trigger()
    assert stack.count() == steps
    _answer_label_dialog("Opinion", [])  # the language's default: nothing of its own
    view.label_action.trigger()
    assert stack.article.find_section("meinung").label == ""
    assert stack.count() == steps


def test_the_action_is_off_for_sections_that_are_not_opinion(qtbot, state_for):
    view, _stack = _view(qtbot, state_for)
    view.select_section("bericht")
    assert not view.label_action.isEnabled()


def test_presets_follow_the_language():
    assert label_presets("de-AT")[0] == "Meinung" and "Kommentar" in label_presets("de")
    assert label_presets("en")[:2] == ["Opinion", "Commentary"]
