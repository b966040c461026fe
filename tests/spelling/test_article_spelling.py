"""The article's spelling settings in the project file, and spelling in `newsdesk check`."""

import json

import pytest

from newsdesk.cli import main
from newsdesk.model.article import Article, Image, Section
from newsdesk.model.preflight import preflight
from newsdesk.model.spelling_check import MAX_SUGGESTED_WORDS, spelling_findings
from newsdesk.model.spelling_settings import (
    IGNORE_KEY,
    LANGUAGES_KEY,
    ignore_word,
    ignored_words,
    language_of,
    language_overrides,
    set_language,
)
from newsdesk.store import create_project, open_project


def german_article() -> Article:
    quote = Section(heading="Quote", kind="box", markdown="The goverment will recieve the report.")
    article = Article(
        headline="Bürgermiester tritt zurück",
        subheadline="Nach dem Streit um die Fährbrücke",
        description="Der Rücktrit kam überraschend.",
        language="de",
        sections=[
            Section(markdown="Der Rücktrit des Bürgermiesters kam am Dienstag. Der Rücktrit..."),
            Section(heading="Reaktionen", markdown="Frau Quandtmeyer sagte, `kodewort` bleibt."),
            quote,
        ],
        images=[Image(caption="Das Rathauss am Hafen", alt="Ein Mann vor dem Rathaus")],
    )
    set_language(article, f"section:{quote.id}", "en-GB")  # an English quote box
    return article


def spelling_hints(findings):
    return [(f.where, f.details["field"], f.details["word"], f.details["count"]) for f in findings]


def test_ignore_list_and_languages_persist_across_reopen(tmp_path):
    article = german_article()
    quote = article.sections[2]
    assert ignore_word(article, "Quandtmeyer") and ignore_word(article, "Ärztekammer-Nord")
    assert not ignore_word(article, "Quandtmeyer")  # once is enough
    assert not ignore_word(article, "two words")
    set_language(article, f"image:{article.images[0].id}:alt", "de-CH")
    article.properties["someone.else"] = "kept"
    path = tmp_path / "a.newsdesk"
    create_project(path, article).close()

    with open_project(path) as project:
        reopened = project.load()
    assert ignored_words(reopened) == ["Quandtmeyer", "Ärztekammer-Nord"]
    assert language_of(reopened, f"section:{quote.id}") == "en-GB"
    assert language_of(reopened, f"image:{article.images[0].id}:alt") == "de-CH"
    assert language_of(reopened, "headline") == "de"
    assert reopened.properties["someone.else"] == "kept"

    set_language(reopened, f"section:{quote.id}", "de")  # the article's own: no override
    assert language_overrides(reopened) == {f"image:{article.images[0].id}:alt": "de-CH"}
    set_language(reopened, f"image:{article.images[0].id}:alt", None)
    assert LANGUAGES_KEY not in reopened.properties


@pytest.mark.parametrize(
    ("key", "value"),
    [(IGNORE_KEY, "{not json"), (IGNORE_KEY, '{"a": 1}'), (IGNORE_KEY, '[1, "ok", "a b"]'),
     (LANGUAGES_KEY, "[]"), (LANGUAGES_KEY, '{"headline": 5}')],
)  # fmt: skip
def test_damaged_settings_read_as_empty(key, value):
    article = Article(language="de", properties={key: value})
    assert ignored_words(article) in ([], ["ok"])
    assert language_of(article, "headline") == "de"


def test_each_unknown_word_is_one_hint_per_part_with_its_count(pip_spelling):
    article = german_article()
    found = spelling_findings(article, pip_spelling)
    assert all(f.level == "info" and f.code == "spelling" for f in found)
    text, reactions, quote = (f"section:{s.id}" for s in article.sections)
    image = f"image:{article.images[0].id}"
    assert spelling_hints(found) == [
        ("headline", "headline", "Bürgermiester", 1),
        ("description", "description", "Rücktrit", 1),
        (text, "text", "Rücktrit", 2),
        (text, "text", "Bürgermiesters", 1),
        (reactions, "text", "Quandtmeyer", 1),
        (quote, "text", "goverment", 1),
        (quote, "text", "recieve", 1),
        (image, "caption", "Rathauss", 1),
    ]
    assert found[2].message == "unknown word 'Rücktrit' in section 1 (2 times)"
    assert found[-1].message == "unknown word 'Rathauss' in the caption of the lead image"
    assert all(f.details["suggestions"] is None for f in found)


def test_ignored_words_and_language_overrides_change_the_hints(pip_spelling):
    article = german_article()
    quote = article.sections[2]
    english = [f for f in spelling_findings(article, pip_spelling) if f.where.endswith(quote.id)]
    assert {f.details["language"] for f in english} == {"en-GB"}
    ignore_word(article, "Quandtmeyer")
    set_language(article, f"section:{quote.id}", None)  # the box is German like the article
    words = [f.details["word"] for f in spelling_findings(article, pip_spelling)]
    assert "Quandtmeyer" not in words
    assert {"The", "goverment", "recieve", "report"} <= set(words)


def test_suggestions_when_asked_and_bounded(pip_spelling, monkeypatch):
    article = german_article()
    found = spelling_findings(article, pip_spelling, suggestions=True)
    by_word = {f.details["word"]: f.details["suggestions"] for f in found}
    assert "Bürgermeister" in by_word["Bürgermiester"]
    assert "government" in by_word["goverment"]
    assert all(len(s) <= 6 for s in by_word.values())
    from newsdesk.model import spelling_check

    monkeypatch.setattr(spelling_check, "MAX_SUGGESTED_WORDS", 2)
    found = spelling_findings(article, pip_spelling, suggestions=True)
    assert [f.details["suggestions"] is not None for f in found][:3] == [True, True, False]
    assert MAX_SUGGESTED_WORDS >= 20


def test_a_language_without_dictionary_is_said_once(tmp_path):
    from newsdesk.spelling import Spelling

    article = german_article()
    article.language = "nl"
    found = spelling_findings(article, Spelling(search_dirs=[tmp_path]))
    assert [(f.code, f.where, f.message) for f in found] == [
        (
            "spelling-unavailable",
            "language",
            "No dictionary for Dutch (nl); spelling is not checked",
        ),
        (
            "spelling-unavailable",
            "language",
            "No dictionary for English (UK) (en-GB); spelling is not checked",
        ),
    ]


def test_preflight_adds_spelling_only_when_given_a_checker(pip_spelling):
    article = german_article()
    assert not [f for f in preflight(article) if f.code == "spelling"]
    with_spelling = preflight(article, pip_spelling)
    assert [f for f in with_spelling if f.code == "spelling"]
    assert [f.level for f in with_spelling] == sorted(
        (f.level for f in with_spelling), key=["error", "warning", "info"].index
    )
    assert "details" not in preflight(article)[0].as_dict()


def test_check_command_reports_spelling_and_leaves_it_out_on_request(tmp_path, capsys):
    path = tmp_path / "a.newsdesk"
    create_project(path, german_article()).close()
    main(["check", str(path), "--json"])
    data = json.loads(capsys.readouterr().out)
    hints = [each for each in data if each["code"] == "spelling"]
    assert {each["details"]["word"] for each in hints} >= {"Bürgermiester", "Rathauss"}
    headline = next(each for each in hints if each["where"] == "headline")
    assert headline["details"]["count"] == 1
    assert "Bürgermeister" in headline["details"]["suggestions"]

    main(["check", str(path), "--no-spelling", "--json"])
    assert not [e for e in json.loads(capsys.readouterr().out) if e["code"] == "spelling"]

    words = tmp_path / "newsroom.txt"
    words.write_text("Quandtmeyer\nRathauss\n", encoding="utf-8")
    main(["check", str(path), "--words", str(words)])
    out, err = capsys.readouterr()
    assert "'Bürgermiester' in the headline [spelling, headline]" in out
    assert "Quandtmeyer" not in out and "Rathauss" not in out and err == ""

    main(["check", str(path), "--words", str(tmp_path / "gone.txt")])
    assert (
        capsys.readouterr().err
        == f"newsdesk: The word list {tmp_path / 'gone.txt'} does not exist\n"
    )


def test_the_f7_walk_goes_through_the_article_in_order(pip_spelling):
    from newsdesk.model.spelling_check import checker_for, misspellings

    article = german_article()
    walk = list(misspellings(article, pip_spelling))
    assert [span.word for _, _, span in walk] == [
        "Bürgermiester", "Rücktrit", "Rücktrit", "Bürgermiesters", "Rücktrit", "Quandtmeyer",
        "goverment", "recieve", "Rathauss",
    ]  # fmt: skip
    where, field, span = walk[2]
    section = article.sections[0]
    assert (where, field) == (f"section:{section.id}", "text")
    assert section.markdown[span.start : span.end] == "Rücktrit"
    quote = article.sections[2]
    assert checker_for(article, pip_spelling, f"section:{quote.id}").language == "en-GB"


def test_rechecking_follows_edits_ignores_and_added_words(tmp_path):
    from newsdesk.spelling import Spelling
    from newsdesk.spelling.dictionaries import pip_dictionary_dirs

    spelling = Spelling(search_dirs=pip_dictionary_dirs(), personal_list=tmp_path / "words.txt")
    article = german_article()

    def words():
        return sorted({f.details["word"] for f in spelling_findings(article, spelling)})

    first = words()
    assert words() == first  # remembered
    article.sections[1].markdown += " Noch ein Fehlr."
    assert words() == sorted([*first, "Fehlr"])
    ignore_word(article, "Fehlr")
    assert words() == first
    spelling.add_to_personal("Quandtmeyer")
    assert "Quandtmeyer" not in words()


def test_ignore_and_language_are_undoable_edits():
    from newsdesk.model.commands import EditRefusedError
    from newsdesk.model.serialize import article_to_dict
    from newsdesk.model.spelling_commands import IgnoreWord, SetPartLanguage

    article = german_article()
    before = article_to_dict(article)
    ignore = IgnoreWord("Quandtmeyer")
    ignore.do(article)
    assert ignored_words(article) == ["Quandtmeyer"] and ignore.changed.fields == {IGNORE_KEY}
    with pytest.raises(EditRefusedError) as refused:
        IgnoreWord("Quandtmeyer").do(article)
    assert refused.value.code == "spelling.ignore_refused"
    headline = SetPartLanguage("headline", "en-GB")
    headline.do(article)
    assert language_of(article, "headline") == "en-GB"
    headline.undo(article)
    ignore.undo(article)
    assert article_to_dict(article) == before
    ignore.do(article)  # redo
    assert ignored_words(article) == ["Quandtmeyer"]
