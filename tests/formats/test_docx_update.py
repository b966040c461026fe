"""File > Update from Word, the core (formats/docx_update): the desk's edits of an exported Word
file come back into the article, and only they; tracked changes are listed and settled as chosen."""

from __future__ import annotations

import copy
import io
import zipfile

import pytest

from newsdesk.errors import ImportFormatError
from newsdesk.formats.docx_update import plan_update, read_desk_document
from newsdesk.model.article import Article
from newsdesk.model.article_update import update_command
from newsdesk.model.serialize import article_to_dict
from tests.formats.desk_documents import (
    DATE,
    comment_on,
    desk_edit,
    move_end,
    paragraph_with,
    retype,
    track_in,
    tracked,
)
from tests.formats.update_articles import english_story, german_story


def _updated(article: Article, edit, accepted=None) -> tuple[Article, object]:
    """The article after the desk's edit is applied, and the update."""
    desk = read_desk_document(desk_edit(article, edit), "desk.docx")
    update = plan_update(article, desk, accepted or {})
    after = copy.deepcopy(article)
    update_command(update).do(after)
    return after, update


def _markdown(article: Article) -> dict[str, str]:
    return {s.id: s.markdown for s in article.walk_sections()}


def test_a_file_the_desk_did_not_change_changes_nothing():
    for article in (english_story(), german_story()):
        desk = read_desk_document(desk_edit(article, lambda document: None), "desk.docx")
        assert desk.changes == []
        assert plan_update(article, desk).is_empty()


def test_a_retyped_paragraph_and_headline_arrive_and_everything_else_stays():
    article = english_story()

    def edit(document):
        retype(paragraph_with(document, "Harbour bridge reopens"), "Harbour bridge open again")
        retype(paragraph_with(document, "Engineers replaced"), "Engineers replaced deck and rails.")

    after, update = _updated(article, edit)
    assert after.headline == "Harbour bridge open again"
    assert after.subheadline == article.subheadline and after.byline == "Mara Quist"
    works = after.find_section("works")
    # The desk's paragraph; the journalist's source note, photo place and its reference stay.
    assert works.markdown == (
        "The repairs cost 14 million pounds, four more than planned.[^1]\n\n"
        "![](image:deck)\n\n"
        "Engineers replaced deck and rails.\n\n"
        "[^1]: Council budget report, March."
    )
    assert [s.id for s in after.walk_sections()] == ["lead", "works", "voices"]
    untouched = {k: v for k, v in _markdown(after).items() if k != "works"}
    assert untouched == {k: v for k, v in _markdown(article).items() if k != "works"}
    assert after.images == article.images  # bytes, rotation, crop, focal point, captions
    assert after.properties == article.properties  # ignore list, publish record
    assert [u.section_id for u in update.sections] == ["works"]


def test_a_note_in_a_paragraph_the_desk_left_alone_stays_where_it_was():
    article = english_story()

    def edit(document):
        retype(paragraph_with(document, "The swing bridge"), "The swing bridge opened on Friday.")

    after, _update = _updated(article, edit)
    assert after.find_section("lead").markdown == (
        "The swing bridge opened on Friday.\n\n"
        "Traffic was light in the first hour. <!-- ask the port office for numbers -->"
    )


def test_a_note_in_a_paragraph_the_desk_rewrote_is_kept_at_its_end():
    article = english_story()

    def edit(document):
        retype(paragraph_with(document, "Traffic was light"), "Traffic was heavy all day.")

    after, _update = _updated(article, edit)
    assert after.find_section("lead").markdown.endswith(
        "Traffic was heavy all day. <!-- ask the port office for numbers -->"
    )


def test_the_desks_comments_become_private_notes_where_they_are_anchored():
    article = german_story()

    def edit(document):
        comment_on(document, paragraph_with(document, "Netzentgelte"), "Zahl bei der BNetzA prüfen")

    after, update = _updated(article, edit)
    assert after.find_section("gruende").markdown == (
        "Der Einkauf an der Börse ist günstiger geworden.\n\n"
        "Auch die Netzentgelte sinken leicht.<!-- Zahl bei der BNetzA prüfen -->"
    )
    assert update.notes_added == 1


def test_tracked_changes_are_listed_with_place_author_and_date():
    article = german_story()

    def edit(document):
        track_in(
            paragraph_with(document, "Der Einkauf"),
            "Der Einkauf ist ",
            tracked("del", "günstiger"),
            tracked("ins", "deutlich billiger", author="Jürgen Weiß"),
            " geworden.",
            tracked("ins", " Sagt der Vorstand.", author="Ada"),
        )
        track_in(
            paragraph_with(document, "Stadtwerke senken den"),
            "Stadtwerke senken ",
            tracked("del", "den "),
            "Gaspreis",
        )
        track_in(
            paragraph_with(document, "Für den Strompreis"),
            tracked("moveFrom", "Für den Strompreis gibt es noch keine Entscheidung."),
        )
        track_in(
            paragraph_with(document, "Ab April"),
            "Ab April zahlen Haushalte weniger",
            tracked("moveTo", " – Strompreis offen"),
        )

    desk = read_desk_document(desk_edit(article, edit), "desk.docx")
    listed = [(c.number, c.kind, c.deleted, c.inserted, c.part, c.heading) for c in desk.changes]
    assert listed == [
        (1, "deletion", "den", "", "headline", ""),
        (2, "moved_to", "", "– Strompreis offen", "subheadline", ""),
        (3, "replacement", "günstiger", "deutlich billiger", "section", "Die Gründe"),
        (4, "insertion", "", "Sagt der Vorstand.", "section", "Die Gründe"),
        (5, "moved_from", "Für den Strompreis gibt es noch keine Entscheidung.", "", "section",
         "Wie es weitergeht"),
    ]  # fmt: skip
    assert desk.changes[2].author == "Desk"  # a replacement is the deletion's author's
    assert {c.date for c in desk.changes} == {DATE}


@pytest.mark.parametrize(
    ("accepted", "expected"),
    [
        ({1: True, 2: True}, "Der Einkauf ist deutlich billiger geworden. Sagt der Vorstand."),
        ({1: False, 2: False}, "Der Einkauf ist günstiger geworden."),
        ({1: True, 2: False}, "Der Einkauf ist deutlich billiger geworden."),
        ({1: False, 2: True}, "Der Einkauf ist günstiger geworden. Sagt der Vorstand."),
    ],
)
def test_the_choices_decide_what_arrives(accepted, expected):
    article = german_story()

    def edit(document):
        track_in(
            paragraph_with(document, "Der Einkauf"),
            "Der Einkauf ist ",
            tracked("del", "günstiger"),
            tracked("ins", "deutlich billiger"),
            " geworden.",
            tracked("ins", " Sagt der Vorstand."),
        )

    after, _update = _updated(article, edit, accepted)
    first = after.find_section("gruende").markdown.split("\n\n")[0]
    assert first == expected


def test_every_tracked_change_needs_a_decision():
    article = german_story()

    def edit(document):
        track_in(paragraph_with(document, "Der Einkauf"), "Der Einkauf", tracked("ins", " heute"))

    desk = read_desk_document(desk_edit(article, edit), "desk.docx")
    with pytest.raises(ValueError, match="tracked change 1"):
        plan_update(article, desk, {})


def test_a_change_of_formatting_only_is_not_listed():
    article = german_story()

    def edit(document):
        run = paragraph_with(document, "Netzentgelte").runs[0]
        run.bold = True
        properties = run._r.get_or_add_rPr()
        from docx.oxml import parse_xml
        from docx.oxml.ns import nsdecls

        properties.append(
            parse_xml(
                f'<w:rPrChange {nsdecls("w")} w:id="7" w:author="Desk" w:date="{DATE}">'
                "<w:rPr/></w:rPrChange>"
            )
        )
        properties.append(
            parse_xml(f'<w:ins {nsdecls("w")} w:id="8" w:author="Desk" w:date="{DATE}"/>')
        )

    assert read_desk_document(desk_edit(article, edit), "desk.docx").changes == []


def test_captions_credits_and_notices_follow_the_desk_and_the_photos_stay():
    article = english_story()

    def edit(document):
        caption = paragraph_with(document, "The bridge at dawn")
        for run in caption.runs:
            run.text = run.text.replace("The bridge at dawn", "The bridge at first light").replace(
                "Ines Hart", "Ines Hart-Olsen"
            )
        notice = paragraph_with(document, "The new deck")
        for run in notice.runs:
            run.text = run.text.replace("an earlier stage", "the first stage")

    after, update = _updated(article, edit)
    bridge, deck = after.find_image("bridge"), after.find_image("deck")
    assert (bridge.caption, bridge.credit, bridge.copyright) == (
        "The bridge at first light",
        "Ines Hart-Olsen",
        "Harbour Herald",
    )
    assert deck.disclaimer == "The photo shows the first stage of the works."
    assert deck.symbolic and deck.caption == "The new deck"
    before = article.find_image("bridge")
    assert (bridge.data, bridge.rotation, bridge.crop, bridge.focal_x, bridge.focal_y) == (
        before.data,
        90,
        "16:9",
        0.3,
        0.6,
    )
    assert set(update.images) == {"bridge", "deck"}


def test_related_links_follow_the_desk_and_unchanged_ones_keep_their_address():
    article = german_story()
    article.related.links[0].url = "https://example.org/rechnung?ref=newsdesk"

    def edit(document):
        document.add_paragraph("Gaspreise im Vergleich", style="List Bullet")

    after, update = _updated(article, edit)
    assert [(link.title, link.url) for link in after.related.links] == [
        ("So lesen Sie Ihre Rechnung", "https://example.org/rechnung?ref=newsdesk"),
        ("Gaspreise im Vergleich", ""),
    ]
    assert after.related.links[0] is article.related.links[0] or (
        after.related.links[0] == article.related.links[0]
    )
    assert update.sections == [] and update.added == []


def test_sections_are_matched_by_heading_and_order_renamed_added_and_removed():
    article = german_story()

    def edit(document):
        retype(paragraph_with(document, "Die Gründe"), "Warum es billiger wird")
        heading = paragraph_with(document, "Wie es weitergeht")
        body = paragraph_with(document, "Für den Strompreis")
        for paragraph in (heading, body):
            paragraph._p.getparent().remove(paragraph._p)
        related = paragraph_with(document, "Mehr zum Thema")
        related.insert_paragraph_before("Was Kunden tun müssen", style="Heading 1")
        related.insert_paragraph_before("Nichts: Der Preis sinkt von selbst.")

    after, update = _updated(article, edit)
    assert [(s.id, s.heading) for s in after.sections][:2] == [
        ("vorspann", ""),
        ("gruende", "Warum es billiger wird"),
    ]
    assert after.find_section("ausblick") is None
    added = after.sections[2]
    assert (added.heading, added.markdown) == (
        "Was Kunden tun müssen",
        "Nichts: Der Preis sinkt von selbst.",
    )
    assert after.find_section("gruende").markdown == article.find_section("gruende").markdown
    assert update.removed == ["ausblick"]


def test_an_opinion_heading_keeps_its_prefix_when_the_desk_retitles_it():
    article = english_story()

    def edit(document):
        retype(paragraph_with(document, "Worth the wait"), "Commentary: A bridge worth waiting for")

    after, _update = _updated(article, edit)
    voices = after.find_section("voices")
    assert (voices.heading, voices.kind) == ("Commentary: A bridge worth waiting for", "opinion")


def test_undo_restores_the_article_exactly():
    article = english_story()

    def edit(document):
        retype(paragraph_with(document, "Harbour bridge reopens"), "Bridge open")
        comment_on(document, paragraph_with(document, "A town that keeps"), "Too strong?")
        document.add_heading("Timeline", level=1)

    desk = read_desk_document(desk_edit(article, edit), "desk.docx")
    before = article_to_dict(article)
    command = update_command(plan_update(article, desk))
    command.do(article)
    assert article_to_dict(article) != before
    command.undo(article)
    assert article_to_dict(article) == before


def test_another_articles_file_is_refused():
    desk = read_desk_document(desk_edit(german_story(), lambda document: None), "andere.docx")
    with pytest.raises(ImportFormatError) as refused:
        plan_update(english_story(), desk)
    assert refused.value.code == "import.not_this_article"
    assert "\n" not in str(refused.value)


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"PK\x03\x04 not really a zip", "import.docx_damaged"),
        (_zip({"word/other.xml": b"<x/>"}), "import.docx_damaged"),
        (_zip({"word/document.xml": b"<w:document"}), "import.docx_damaged"),
        (_zip({"word/document.xml": b"<a/>", "word/vbaProject.bin": b"x"}), "import.docx_macros"),
        (_zip({"word/document.xml": b" " * (20 * 1024 * 1024)}), "import.docx_too_large"),
        (
            _zip({"word/document.xml": b'<!DOCTYPE d [<!ENTITY a "aaaa">]><d>&a;&a;</d>'}),
            "import.docx_too_large",
        ),
    ],
)
def test_a_damaged_or_hostile_file_is_refused_in_one_line(data, code):
    with pytest.raises(ImportFormatError) as refused:
        read_desk_document(data, "desk.docx")
    assert refused.value.code == code
    assert "\n" not in str(refused.value)


def test_comments_on_the_headline_and_a_caption_become_notes_and_leave_no_mark():
    article = english_story()

    def edit(document):
        comment_on(document, paragraph_with(document, "Harbour bridge reopens"), "Too long?")
        comment_on(document, paragraph_with(document, "The bridge at dawn"), "Which bridge?")

    after, update = _updated(article, edit)
    assert after.headline == article.headline  # no "[1]" from the comment's mark
    assert after.find_section("lead").markdown.startswith(
        "<!-- Too long? -->\n\nThe swing bridge over the inner harbour"
    )
    assert after.find_image("bridge").caption == "The bridge at dawn <!-- Which bridge? -->"
    assert update.notes_added == 2


def test_text_the_desk_wrote_above_the_first_heading_fills_an_empty_lead():
    article = german_story()
    article.sections[0].markdown = "<!-- Vorspann schreibe ich morgen -->"

    def edit(document):
        heading = paragraph_with(document, "Die Gründe")
        heading.insert_paragraph_before("Gas wird zum April billiger, Strom noch nicht.")

    after, update = _updated(article, edit)
    assert [s.id for s in after.sections] == ["vorspann", "gruende", "ausblick"]
    assert after.sections[0].markdown == (
        "<!-- Vorspann schreibe ich morgen -->\n\nGas wird zum April billiger, Strom noch nicht."
    )
    assert update.added == []


def test_a_text_rewritten_under_the_same_headline_is_still_this_article():
    article = german_story()

    def edit(document):
        for words in ("Die Stadtwerke senken zum", "Der Einkauf", "Netzentgelte", "Für den"):
            retype(paragraph_with(document, words), "Völlig neu geschrieben von der Redaktion.")

    after, _update = _updated(article, edit)
    assert after.find_section("ausblick").markdown == "Völlig neu geschrieben von der Redaktion."


def test_a_named_move_is_one_change_and_both_ends_follow_the_decision():
    article = german_story()
    sentence = "Auch die Netzentgelte sinken leicht."

    def edit(document):
        track_in(paragraph_with(document, "Netzentgelte"), move_end("moveFrom", sentence, "m1"))
        track_in(
            paragraph_with(document, "Die Stadtwerke senken zum"),
            "Die Stadtwerke senken zum ersten April den Gaspreis um acht Prozent. ",
            move_end("moveTo", sentence, "m1"),
        )

    desk = read_desk_document(desk_edit(article, edit), "desk.docx")
    assert [(c.kind, c.deleted, c.inserted, c.heading) for c in desk.changes] == [
        ("move", sentence, sentence, "")
    ]
    for accepted, lead_has_it, reasons_have_it in ((True, True, False), (False, False, True)):
        after, _update = _updated(article, edit, {1: accepted})
        assert (sentence in after.find_section("vorspann").markdown) is lead_has_it
        assert (sentence in after.find_section("gruende").markdown) is reasons_have_it


def test_a_renamed_related_links_heading_is_the_related_links_still():
    article = german_story()

    def edit(document):
        retype(paragraph_with(document, "Mehr zum Thema"), "Lesen Sie auch")

    after, update = _updated(article, edit)
    assert after.related.heading == "Lesen Sie auch"
    assert after.related.links == article.related.links
    assert update.added == [] and update.related is None
