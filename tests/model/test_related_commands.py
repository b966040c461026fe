"""Related-links commands undo exactly; URL problems agree with the exporter; the paste rule."""

from __future__ import annotations

import copy

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdesk.model.article import Article, RelatedLink, RelatedLinks
from newsdesk.model.commands import Changes, EditRefusedError
from newsdesk.model.related_commands import (
    PROBLEM_EMPTY,
    PROBLEM_NO_HOST,
    PROBLEM_NO_SCHEME,
    PROBLEM_SCHEME,
    PROBLEM_SPACES,
    URL_PROBLEMS,
    AddRelatedLink,
    MoveRelatedLink,
    RemoveRelatedLink,
    SetRelatedHeading,
    SetRelatedLink,
    link_from_text,
    looks_like_url,
    title_from_url,
    validate_link_url,
)
from newsdesk.model.serialize import article_to_dict
from newsdesk.model.web_addresses import safe_link_url


def make_article() -> Article:
    return Article(
        headline="Der Hafen wird saniert",
        language="de",
        related=RelatedLinks(
            heading="Lesen Sie auch",
            links=[
                RelatedLink("Kaimauer bröckelt", "https://example.org/kaimauer"),
                RelatedLink("Fähre fährt wieder", "https://example.org/faehre"),
                RelatedLink("Ohne Adresse", ""),
            ],
        ),
    )


def test_each_command_applies_reports_related_and_undoes_exactly():
    commands = [
        SetRelatedHeading("Mehr zum Thema"),
        AddRelatedLink(RelatedLink("Neu", "https://example.org/neu"), 1),
        AddRelatedLink(),
        RemoveRelatedLink(0),
        SetRelatedLink(2, "Mit Adresse", "https://example.org/adresse"),
        MoveRelatedLink(0, 2),
        MoveRelatedLink(2, 0),
    ]
    for command in commands:
        article = make_article()
        before = article_to_dict(article)
        originals = list(article.related.links)
        command.do(article)
        assert article_to_dict(article) != before
        assert command.changed == Changes(related=True)
        after = article_to_dict(article)
        command.undo(article)
        assert article_to_dict(article) == before
        assert all(a is b for a, b in zip(article.related.links, originals, strict=True))
        command.do(article)
        assert article_to_dict(article) == after


def test_the_commands_do_what_they_say():
    article = make_article()
    AddRelatedLink(RelatedLink("Am Ende", "https://example.org/ende")).do(article)
    assert article.related.links[-1].title == "Am Ende"
    MoveRelatedLink(3, 0).do(article)
    assert [link.title for link in article.related.links] == [
        "Am Ende",
        "Kaimauer bröckelt",
        "Fähre fährt wieder",
        "Ohne Adresse",
    ]
    SetRelatedLink(3, "Jetzt mit Adresse", "https://example.org/x").do(article)
    assert article.related.links[3] == RelatedLink("Jetzt mit Adresse", "https://example.org/x")
    RemoveRelatedLink(0).do(article)
    assert len(article.related.links) == 3
    SetRelatedHeading("Mehr zum Thema").do(article)
    assert article.related.heading == "Mehr zum Thema"


@pytest.mark.parametrize(
    "command",
    [
        RemoveRelatedLink(3),
        RemoveRelatedLink(-1),
        SetRelatedLink(5, "x", ""),
        MoveRelatedLink(0, 3),
        MoveRelatedLink(-1, 0),
        AddRelatedLink(index=4),
        AddRelatedLink(index=-1),
    ],
)
def test_impossible_edits_are_refused_and_change_nothing(command):
    article = make_article()
    before = article_to_dict(article)
    with pytest.raises(EditRefusedError):
        command.do(article)
    assert article_to_dict(article) == before


def test_the_same_link_object_cannot_be_added_twice():
    article = make_article()
    with pytest.raises(EditRefusedError):
        AddRelatedLink(article.related.links[0]).do(article)


links = st.lists(
    st.builds(RelatedLink, st.text(max_size=12), st.sampled_from(["", "https://a.example/b", "x"])),
    max_size=6,
)


@st.composite
def command_sequences(draw):
    """A random article's links and a random valid command sequence on them."""
    article = Article(related=RelatedLinks(heading=draw(st.text(max_size=8)), links=draw(links)))
    size = len(article.related.links)
    commands = []
    for _ in range(draw(st.integers(1, 6))):
        choices = ["heading", "add"] + (["remove", "set", "move"] if size else [])
        kind = draw(st.sampled_from(choices))
        if kind == "heading":
            commands.append(SetRelatedHeading(draw(st.text(max_size=8))))
        elif kind == "add":
            index = draw(st.none() | st.integers(0, size))
            commands.append(AddRelatedLink(RelatedLink(draw(st.text(max_size=6)), ""), index))
            size += 1
        elif kind == "remove":
            commands.append(RemoveRelatedLink(draw(st.integers(0, size - 1))))
            size -= 1
        elif kind == "set":
            index = draw(st.integers(0, size - 1))
            commands.append(SetRelatedLink(index, draw(st.text(max_size=6)), draw(st.text())))
        else:
            commands.append(
                MoveRelatedLink(draw(st.integers(0, size - 1)), draw(st.integers(0, size - 1)))
            )
    return article, commands


@settings(max_examples=80, deadline=None)
@given(command_sequences())
def test_random_sequences_undo_back_to_the_start_and_redo_to_the_end(case):
    article, commands = case
    states = [copy.deepcopy(article_to_dict(article))]
    for command in commands:
        command.do(article)
        states.append(copy.deepcopy(article_to_dict(article)))
    for command, state in zip(reversed(commands), reversed(states[:-1]), strict=True):
        command.undo(article)
        assert article_to_dict(article) == state
    for command, state in zip(commands, states[1:], strict=True):
        command.do(article)
        assert article_to_dict(article) == state


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("https://example.org/a", None),
        ("  http://example.org  ", None),
        ("HTTPS://EXAMPLE.ORG/", None),
        ("", PROBLEM_EMPTY),
        ("   ", PROBLEM_EMPTY),
        ("https://example.org/a b", PROBLEM_SPACES),
        ("example.org/artikel", PROBLEM_NO_SCHEME),
        ("www.example.org", PROBLEM_NO_SCHEME),
        ("ftp://example.org/file", PROBLEM_SCHEME),
        ("javascript:alert(1)", PROBLEM_SCHEME),
        ("mailto:redaktion@example.org", PROBLEM_SCHEME),
        ("https://", PROBLEM_NO_HOST),
        ("http:///pfad", PROBLEM_NO_HOST),
    ],
)
def test_url_problems_are_named(url, problem):
    assert validate_link_url(url) == problem


@settings(max_examples=100, deadline=None)
@given(
    st.text(max_size=30)
    | st.builds(
        lambda scheme, rest: scheme + rest,
        st.sampled_from(["http://", "https://", "ftp://", "HTTP://", "", "x:", "http://["]),
        st.text(max_size=20),
    )
)
def test_a_url_is_fine_exactly_when_the_exporter_links_it(url):
    problem = validate_link_url(url)
    assert (problem is None) == (safe_link_url(url) is not None)
    assert problem is None or problem in URL_PROBLEMS


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://example.org/politik/hafen-wird-saniert-100.html", True),
        ("  http://example.org  \n", True),
        ("www.example.org/sport", True),
        ("Hafen wird saniert", False),
        ("https://example.org/a b", False),
        ("ftp://example.org", False),
        ("example.org", False),
        ("", False),
        ("see https://example.org", False),
    ],
)
def test_looks_like_url(text, expected):
    assert looks_like_url(text) is expected


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("https://example.org/politik/hafen-wird-saniert-100.html", "Hafen wird saniert"),
        ("https://example.org/news/city_council_votes_on_budget/", "City council votes on budget"),
        ("https://example.org/2025/03/01/", "example.org"),
        ("https://www.example.org", "example.org"),
        ("https://example.org/kultur/b%C3%BCrgerbad-er%C3%B6ffnet", "Bürgerbad eröffnet"),
        ("https://example.org/wirtschaft/werft-1234567.php", "Werft"),
    ],
)
def test_a_title_is_guessed_from_the_path_slug(url, title):
    assert title_from_url(url) == title


def test_a_pasted_url_becomes_a_link_and_other_text_does_not():
    link = link_from_text("www.example.org/lokales/neue-bruecke")
    assert link == RelatedLink("Neue bruecke", "https://www.example.org/lokales/neue-bruecke")
    assert link_from_text("Neue Brücke") is None
