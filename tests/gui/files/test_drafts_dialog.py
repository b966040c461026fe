"""Never-saved articles are offered in ONE dialog listing each with date, length and first words
(issue 17 item 13: they used to come one question after another, each "Untitled article")."""

from __future__ import annotations

import os
import time

import pytest

from newsdesk.gui.files.drafts_dialog import DraftsDialog, beginning_of, draft_info, offer_drafts
from newsdesk.model.article import Article, Section
from newsdesk.store import create_project
from tests.gui.files.drafts_answers import answer_drafts_dialog


def text(markdown: str) -> Article:
    return Article(sections=[Section(markdown=markdown)])


DRAFTS = [
    ("untitled-a.newsdesk", text("Die Fähre nach Larsby fährt wieder.")),
    ("untitled-b.newsdesk", Article(headline="Nachtbus: Weiß gegen Müller", sections=[Section()])),
    ("untitled-c.newsdesk", text("Council backs the **night** ferry.")),
    ("untitled-d.newsdesk", text("")),  # holds nothing
]


@pytest.fixture
def drafts(tmp_path):
    paths = []
    now = time.time()
    for age, (name, article) in enumerate(DRAFTS):
        path = tmp_path / name
        create_project(path, article).close()
        os.utime(path, (now - 3600 * age, now - 3600 * age))
        paths.append(path)
    return paths


def test_one_dialog_lists_every_draft_with_date_length_and_first_words(qtbot, drafts):
    seen = []
    answer_drafts_dialog("later", seen=seen)
    assert offer_drafts(None, drafts) is None
    assert len(seen) == 1, "one dialog, not one per draft"
    rows = seen[0]
    assert [row[2] for row in rows] == [
        "Die Fähre nach Larsby fährt wieder.",
        "Nachtbus: Weiß gegen Müller",
        "Council backs the night ferry.",
    ]
    # (Without the app's translators Qt leaves "word(s)" as it is.)
    assert rows[0][1].startswith("6 word") and rows[0][1].endswith(" KB")
    assert all(row[0] for row in rows)  # the date of the last change
    assert not drafts[3].exists(), "an empty draft is deleted unasked"
    assert all(path.exists() for path in drafts[:3])


def test_open_returns_the_selected_draft(qtbot, drafts):
    answer_drafts_dialog("open", rows=(1,))
    assert offer_drafts(None, drafts) == drafts[1]


def test_delete_removes_the_selected_drafts_and_keeps_the_dialog_for_the_rest(qtbot, drafts):
    answer_drafts_dialog("delete", rows=(0, 2))
    answer_drafts_dialog("later")
    assert offer_drafts(None, drafts[:3]) is None
    assert [p.exists() for p in drafts[:3]] == [False, True, False]


def test_open_is_for_one_draft_at_a_time(qtbot, drafts):
    infos = [draft_info(p) for p in drafts[:3]]
    dialog = DraftsDialog(infos)
    qtbot.addWidget(dialog)
    for row in range(3):
        dialog.list.topLevelItem(row).setSelected(True)
    assert not dialog.open_button.isEnabled()
    assert dialog.delete_button.isEnabled()


def test_the_beginning_skips_markup_and_is_cut_after_fourteen_words():
    article = Article(
        sections=[Section(markdown="## Zwischen\n\n" + " ".join(f"Wort{n}" for n in range(30)))]
    )
    assert beginning_of(article) == "Zwischen " + " ".join(f"Wort{n}" for n in range(13)) + " …"
