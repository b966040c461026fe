"""A whole article on the clipboard (formats/article_paste.py): read with the importers' rules
from Word's, LibreOffice's and a web page's HTML and from agency-shaped plain text; a paste that
is no whole article is left alone."""

from __future__ import annotations

from newsdesk.formats.article_paste import article_from_clipboard, is_empty_article
from newsdesk.model.article import Article, Image, Section

WORD_HTML = """<html><body lang=DE>
<p class=MsoTitle>Neue Brücke über die Ems</p>
<p class=MsoSubtitle>Der Bau beginnt im Frühjahr</p>
<p class=MsoNormal>Die Stadt hat den Auftrag am Montag vergeben. <b>Fertig</b> ist sie 2028.</p>
<h1>Was sich ändert</h1>
<p class=MsoNormal>Die Fähre fährt bis dahin weiter, auch nachts.</p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·
</span>Radweg auf beiden Seiten</p>
<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·
</span>Zwei Fahrspuren</p>
<h1>Kommentar: Endlich</h1>
<p class=MsoNormal>Zwanzig Jahre Planung sind genug.</p>
</body></html>"""

WEB_HTML = """<meta charset="utf-8"><h1>Harbour crane comes down</h1>
<p><strong>The old crane was taken apart on Monday.</strong></p>
<p>Workers needed three days for the job.</p>
<h2>What comes next</h2><p>A new crane arrives in spring, says the <a
href="https://example.org/port">port authority</a>.</p>"""

AGENCY_TEXT = """Ferry runs a winter timetable

From Monday the last boat leaves earlier

By Sam Okafor

The island ferry switches to its winter timetable on Monday.

What changes

– the last boat leaves at nine
– no boat on the first of January
"""


def test_word_html_becomes_headline_subheadline_and_sections():
    article = article_from_clipboard(WORD_HTML, "")
    assert article is not None
    assert (article.headline, article.subheadline) == (
        "Neue Brücke über die Ems",
        "Der Bau beginnt im Frühjahr",
    )
    lead, changes, opinion = article.sections
    assert lead.heading == "" and "**Fertig**" in lead.markdown
    assert changes.heading == "Was sich ändert"
    assert "- Radweg auf beiden Seiten\n- Zwei Fahrspuren" in changes.markdown
    assert (opinion.kind, opinion.label, opinion.heading) == ("opinion", "Kommentar", "Endlich")


def test_a_web_page_selection_keeps_its_links():
    article = article_from_clipboard(WEB_HTML, "ignored when the HTML is an article")
    assert article is not None and article.headline == "Harbour crane comes down"
    assert [s.heading for s in article.sections] == ["", "What comes next"]
    assert "[port authority](https://example.org/port)" in article.sections[1].markdown


def test_agency_plain_text_when_there_is_no_html():
    article = article_from_clipboard("", AGENCY_TEXT)
    assert article is not None
    assert article.subheadline == "From Monday the last boat leaves earlier"
    assert article.byline == "Sam Okafor"
    assert article.sections[1].heading == "What changes"
    assert article.sections[1].markdown == (
        "- the last boat leaves at nine\n- no boat on the first of January"
    )


def test_plain_text_is_tried_when_the_html_is_no_article():
    flat_html = "".join(f"<p>{line}</p>" for line in AGENCY_TEXT.split("\n") if line)
    article = article_from_clipboard(flat_html, AGENCY_TEXT)
    assert article is not None and article.headline == "Ferry runs a winter timetable"


def test_a_few_paragraphs_are_no_whole_article():
    assert article_from_clipboard("", "Ein Satz zum Einfügen.\nUnd noch einer, der folgt.") is None
    assert article_from_clipboard("<p>Nur ein Absatz.</p><p>Und ein zweiter.</p>", "") is None
    assert article_from_clipboard("", "Nur eine Überschrift") is None
    assert article_from_clipboard("", "") is None


def test_empty_articles():
    assert is_empty_article(Article(sections=[Section()]))
    assert is_empty_article(Article(language="de", sections=[Section(markdown="  \n")]))
    assert not is_empty_article(Article(headline="Titel", sections=[Section()]))
    assert not is_empty_article(Article(sections=[Section(markdown="Text")]))
    assert not is_empty_article(Article(sections=[Section(), Section(heading="Teil")]))
    assert not is_empty_article(Article(sections=[Section()], images=[Image()]))
