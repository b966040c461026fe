"""Article -> file -> article keeps every construct of issue 14 character for character: each
input of the construct corpus, and what the editor writes of it, as section text."""

from __future__ import annotations

from pathlib import Path

from newsdesk.formats.markdown_blocks import markdown_to_blocks
from newsdesk.formats.markdown_writer import blocks_to_markdown
from newsdesk.model.article import Article, Section
from newsdesk.store import create_project, open_project

CORPUS = Path(__file__).resolve().parents[1] / "formats" / "constructs"


def test_every_construct_survives_the_project_file(tmp_path):
    texts = []
    for path in sorted(CORPUS.glob("*.md")):
        source = path.read_text(encoding="utf-8")
        texts += [source, blocks_to_markdown(markdown_to_blocks(source, notes=True))]
    assert len(texts) >= 120
    article = Article(
        headline="Alle Konstrukte",
        sections=[Section(heading=f"Teil {n}", markdown=text) for n, text in enumerate(texts)],
    )
    project = tmp_path / "konstrukte.newsdesk"
    create_project(project, article).close()
    with open_project(project, read_only=True) as opened:
        loaded = opened.load()
    assert [section.markdown for section in loaded.sections] == texts
