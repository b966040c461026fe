"""The preflight panel: live findings, navigation by click and Enter, messages in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

import newsdesk.model.preflight as preflight_module
from newsdesk.gui.article_state import ArticleState
from newsdesk.gui.check.check_panel import KEY_ROLE, WHERE_ROLE, PreflightPanel, summary_text
from newsdesk.gui.check.finding_messages import MESSAGES, finding_text
from newsdesk.gui.translations import TsTranslator, translations_dir
from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section
from newsdesk.model.commands import DeleteSection, SetArticleField
from newsdesk.model.preflight import Finding, preflight
from newsdesk.publication import (
    PublicationProfile,
    Publications,
    publication_findings,
    save_publications,
    set_article_publication,
)
from tests.gui.article_states import bridged_state

WAIT_MS = 3000


def harbour_article() -> Article:
    """Unfinished: no headline, an empty section, a photo without credit, a broken link."""
    return Article(
        headline="",
        description="The harbour board votes on a second pier.",
        byline="Lena Brandt",
        language="en",
        sections=[
            Section(id="lead", markdown="The harbour board meets on Thursday to vote."),
            Section(id="empty", heading="Costs"),
            Section(
                id="links",
                heading="Background",
                markdown="See the [plans](harbour-plans.pdf) filed last spring.",
            ),
        ],
        images=[
            Image(
                id="pier",
                role="lead",
                data=b"photo bytes",
                filename="pier.jpg",
                caption="The old pier at low tide",
                alt="Wooden pier posts standing in wet sand",
                credit="",
            )
        ],
        related=RelatedLinks(
            heading="Read more",
            links=[
                RelatedLink("Last year's vote", "https://example.org/vote"),
                RelatedLink("Pier history", "not a web address"),
            ],
        ),
    )


def finished_article() -> Article:
    return Article(
        headline="Harbour board approves a second pier",
        description="Construction starts in spring; the ferry keeps running.",
        byline="Lena Brandt",
        language="en",
        sections=[Section(markdown="The board voted seven to two.")],
        images=[
            Image(
                role="lead",
                data=b"photo",
                caption="The pier today",
                alt="Posts of a wooden pier in the water",
                credit="Lena Brandt",
            )
        ],
    )


@pytest.fixture
def english(qapp):
    translator = TsTranslator(translations_dir() / "newsdesk_en.ts")
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


@pytest.fixture
def german(qapp):
    translator = TsTranslator(translations_dir() / "newsdesk_de.ts")
    qapp.installTranslator(translator)
    yield translator
    qapp.removeTranslator(translator)


def make_panel(qtbot, article: Article) -> tuple[PreflightPanel, ArticleState]:
    stack = bridged_state(article)
    panel = PreflightPanel(stack)
    qtbot.addWidget(panel)
    panel.resize(500, 400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel, stack


def shown(panel: PreflightPanel) -> list[tuple[str, str]]:
    items = [panel.list.item(row) for row in range(panel.list.count())]
    return [(item.data(WHERE_ROLE), item.text()) for item in items]


def wheres(panel: PreflightPanel) -> list[str]:
    return [where for where, _text in shown(panel)]


def codes(panel: PreflightPanel) -> set[str]:
    return {finding.code for finding in panel.findings()}


def click(qtbot, panel: PreflightPanel, where: str) -> None:
    row = next(r for r, (w, _text) in enumerate(shown(panel)) if w == where)
    rect = panel.list.visualItemRect(panel.list.item(row))
    QTest.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


# --- listing ----------------------------------------------------------------------------------


def test_the_panel_lists_the_findings_errors_first_with_a_summary(qtbot, english):
    article = harbour_article()
    panel, _stack = make_panel(qtbot, article)
    # The publication's finding (no publication chosen: a hint) joins preflight's, as in
    # `newsdesk check`.
    expected = preflight(article) + publication_findings(article)
    assert panel.findings() == expected
    assert {f.code for f in expected} >= {
        "headline-missing",
        "section-empty",
        "link-invalid",
        "credit-missing",
        "related-url-invalid",
    }
    levels = [f.level for f in panel.findings()]
    assert levels == sorted(levels, key=["error", "warning", "info"].index)
    assert [where for where, _text in shown(panel)] == [f.where for f in expected]
    assert panel.error_count() == 3  # headline, credit, related URL
    # The one hint: no publication chosen.
    assert panel.summary.text() == f"3 errors, {panel.warning_count()} warnings, 1 hint"
    texts = dict(shown(panel))
    assert texts["image:pier"] == "Lead image “pier.jpg”: no credit"
    assert (
        texts["section:links"]
        == "Section “Background”: readers cannot follow the link to “harbour-plans.pdf”"
    )
    assert (
        texts["related:1"]
        == "Related link “Pier history”: “not a web address” is not a web address (http or https)"
    )


def test_a_finished_article_is_ready_to_publish(qtbot, english):
    article = finished_article()
    save_publications(
        Publications(
            profiles=[
                PublicationProfile(
                    name="Harbour Herald",
                    site_name="Harbour Herald",
                    base_url="https://herald.example/news",
                )
            ]
        )
    )
    set_article_publication(article, "Harbour Herald")
    panel, _stack = make_panel(qtbot, article)
    assert panel.findings() == []
    assert panel.list.count() == 0
    assert panel.summary.text() == "Ready to publish"


def test_summary_counts_one_of_each_in_the_singular(english):
    findings = [
        Finding("error", "no-text", "", "sections"),
        Finding("warning", "section-empty", "", "section:a"),
        Finding("info", "byline-missing", "", "byline"),
    ]
    assert summary_text(findings) == "1 error, 1 warning, 1 hint"
    assert summary_text(findings[2:]) == "Ready to publish"


# --- live updates -----------------------------------------------------------------------------


def test_fixing_the_headline_removes_its_finding_and_undo_brings_it_back(qtbot):
    panel, stack = make_panel(qtbot, harbour_article())
    assert "headline-missing" in codes(panel)
    stack.push_command(SetArticleField("headline", "Harbour board votes on a pier"), "Headline")
    qtbot.waitUntil(lambda: "headline" not in wheres(panel), timeout=WAIT_MS)
    assert "headline-missing" not in codes(panel)
    assert panel.error_count() == 2
    stack.undo()
    qtbot.waitUntil(lambda: "headline" in wheres(panel), timeout=WAIT_MS)
    assert "headline-missing" in codes(panel)
    stack.redo()
    qtbot.waitUntil(lambda: "headline" not in wheres(panel), timeout=WAIT_MS)


def test_typed_text_counts_after_a_pause_without_a_command(qtbot):
    panel, stack = make_panel(qtbot, harbour_article())
    assert "section:empty" in wheres(panel)
    document = stack.document("empty")
    cursor = QTextCursor(document)
    cursor.insertText("The pier will cost four million euros.")
    # Not yet: the check waits for a pause in typing.
    assert "section:empty" in wheres(panel)
    qtbot.waitUntil(lambda: "section:empty" not in wheres(panel), timeout=WAIT_MS)
    assert stack.article.find_section("empty").markdown.startswith("The pier will cost")
    assert stack.count() == 1  # the typing step only: the panel pushed nothing


def test_selection_stays_on_the_same_finding_across_refreshes(qtbot):
    panel, stack = make_panel(qtbot, harbour_article())
    row = next(r for r, (w, _t) in enumerate(shown(panel)) if w == "related:1")
    panel.list.setCurrentRow(row)
    key = panel.list.currentItem().data(KEY_ROLE)
    stack.push_command(SetArticleField("headline", "Pier vote on Thursday"), "Headline")
    qtbot.waitUntil(lambda: "headline" not in wheres(panel), timeout=WAIT_MS)
    assert panel.list.currentItem().data(KEY_ROLE) == key
    assert panel.current_where() == "related:1"


def test_a_hidden_panel_waits_until_it_is_shown_but_findings_stay_current(qtbot):
    panel, stack = make_panel(qtbot, harbour_article())
    panel.hide()
    runs = []
    panel.refreshed.connect(lambda: runs.append(1))
    stack.push_command(DeleteSection("empty"), "Delete")
    qtbot.wait(600)
    assert runs == []
    assert "section:empty" in wheres(panel)
    panel.show()
    assert runs == [1]
    assert "section:empty" not in wheres(panel)
    stack.undo()
    panel.hide()
    assert "section-empty" in codes(panel)  # asked directly: checked at once


# --- navigation -------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["section:empty", "image:pier", "related:1", "headline"])
def test_clicking_a_finding_asks_the_window_to_go_there(qtbot, where):
    panel, _stack = make_panel(qtbot, harbour_article())
    with qtbot.waitSignal(panel.navigate_requested, timeout=WAIT_MS) as signal:
        click(qtbot, panel, where)
    assert signal.args == [where]


def test_enter_on_a_finding_navigates_once(qtbot):
    panel, _stack = make_panel(qtbot, harbour_article())
    received = []
    panel.navigate_requested.connect(received.append)
    row = next(r for r, (w, _t) in enumerate(shown(panel)) if w == "section:links")
    panel.list.setCurrentRow(row)
    panel.list.setFocus()
    QTest.keyClick(panel.list, Qt.Key.Key_Return)
    assert received == ["section:links"]


def test_a_refresh_does_not_navigate(qtbot):
    panel, stack = make_panel(qtbot, harbour_article())
    received = []
    panel.navigate_requested.connect(received.append)
    panel.list.setCurrentRow(2)
    stack.push_command(SetArticleField("headline", "Pier"), "Headline")
    panel.refresh_now()
    assert received == []


# --- messages ---------------------------------------------------------------------------------


def _codes_in_preflight_source() -> set[str]:
    source = Path(preflight_module.__file__).read_text(encoding="utf-8")
    found = set(re.findall(r'Finding\(\s*"(?:error|warning|info)",\s*"([a-z-]+)"', source))
    assert len(found) > 20, "the pattern no longer finds preflight's codes; update this test"
    return found


def test_every_code_preflight_can_produce_has_a_text():
    missing = _codes_in_preflight_source() - set(MESSAGES)
    assert missing == set(), f"add texts to gui/check/finding_messages.py for {sorted(missing)}"


def test_every_text_has_a_german_translation(german):
    for code, source in MESSAGES.items():
        assert german.translate("PreflightMessages", source) is not None, code


def _broad_articles() -> list[Article]:
    """Between them, articles that make preflight produce every code it has."""
    long_alt = "A very long description of the picture. " * 8
    first = Article(
        headline="x" * 120,
        description="y" * 200,
        language="english please",
        published="next Tuesday",
        slug="Not A Slug",
        sections=[
            Section(
                id="intro",
                markdown="Plans: [see](ftp://files.example.org/plan) and ![map](image:gone)",
            ),
            Section(id="bare", markdown="A section without heading."),
            Section(id="hollow", heading="Empty part"),
        ],
        images=[
            Image(
                id="one", role="lead", filename="one.jpg", alt="Same", caption="Same", symbolic=True
            ),
            Image(
                id="two",
                role="lead",
                data=b"x",
                alt=long_alt,
                caption="Other",
                credit="A",
                disclaimer="Symbolbild",
            ),
        ],
        related=RelatedLinks(
            heading="",
            links=[RelatedLink("", ""), RelatedLink("Broken", "javascript:alert(1)")],
        ),
    )
    second = Article(
        headline="",
        sections=[Section(id="only")],
        images=[Image(id="three", role="inline", data=b"x", credit="B", caption="")],
    )
    return [first, second]


def test_every_finding_gets_its_own_text_not_the_english_fallback(english):
    produced = set()
    for article in _broad_articles():
        for finding in preflight(article):
            produced.add(finding.code)
            text = finding_text(finding, article)
            assert text != finding.message, finding
            assert not re.search(r"%\d", text), text
    assert produced == _codes_in_preflight_source()


def test_the_publication_hint_names_what_the_page_lacks(qtbot, english):
    article = finished_article()
    panel, _stack = make_panel(qtbot, article)
    assert panel.summary.text() == "Ready to publish"  # a hint, no error
    assert dict(shown(panel))["publication"] == (
        "No publication is chosen (File > Publication Settings): the page will lack its own "
        "address (canonical link, og:url), an image address social networks can fetch "
        "(og:image), the site name (og:site_name), the publisher (JSON-LD publisher)"
    )
    save_publications(Publications(profiles=[PublicationProfile(name="Hafenblatt")]))
    set_article_publication(article, "Hafenblatt")
    panel.refresh_now()
    assert dict(shown(panel))["publication"].startswith(
        "The publication “Hafenblatt” lacks data: the page will lack its own address"
    )


def test_the_publication_hint_in_german(qtbot, german):
    article = finished_article()
    set_article_publication(article, "Gibt es nicht")
    panel, _stack = make_panel(qtbot, article)
    assert dict(shown(panel))["publication"] == (
        "Die Publikation „Gibt es nicht“ ist nicht verwendbar; der Seite fehlen die Angaben "
        "für soziale Netzwerke und Suchmaschinen"
    )
    set_article_publication(article, "")
    panel.refresh_now()
    assert dict(shown(panel))["publication"].startswith(
        "Keine Publikation gewählt (Datei > Publikationseinstellungen): Der Seite fehlen ihre "
        "eigene Adresse (Canonical-Link, og:url), eine Bildadresse"
    )


def test_german_texts_under_a_german_translator(qtbot, german):
    panel, _stack = make_panel(qtbot, harbour_article())
    texts = dict(shown(panel))
    assert texts["image:pier"] == "Aufmacherbild „pier.jpg“: kein Bildnachweis"
    assert texts["headline"] == "Der Artikel hat keine Überschrift"
    assert texts["section:empty"] == "Abschnitt „Costs“: Der Abschnitt ist leer"
    assert panel.summary.text().startswith("3 Fehler, ")
    assert (
        QCoreApplication.translate("PreflightPanel", "Ready to publish")
        == "Bereit zur Veröffentlichung"
    )


def test_unknown_codes_and_vanished_places_keep_the_english_message():
    article = harbour_article()
    unknown = Finding("warning", "from-the-future", "something new to look at", "headline")
    assert finding_text(unknown, article) == "something new to look at"
    vanished = Finding("error", "credit-missing", "the lead image has no credit", "image:gone")
    assert finding_text(vanished, article) == "the lead image has no credit"
    far = Finding("warning", "related-url-missing", "the related link has no URL", "related:9")
    assert finding_text(far, article) == "the related link has no URL"
