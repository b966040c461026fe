"""Real blog posts (shared/corpus/markdown: Jekyll and Hugo/Zola posts with YAML and TOML front
matter, root-relative image paths whose files are not there): the title becomes the headline, no
front-matter line shows as text, and a missing picture is a missing photo, not a refusal.
A clone without ../shared skips these tests (`shared_path` says why)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.formats.importing import import_document
from tests.shared_files import SHARED, shared_path

CORPUS = SHARED / "corpus" / "markdown"
POSTS = sorted(CORPUS.glob("*.md")) if CORPUS.is_dir() else []


@pytest.mark.parametrize("path", POSTS, ids=[p.name for p in POSTS])
def test_a_real_blog_post_imports_with_its_front_matter_as_fields(path: Path) -> None:
    shared_path("corpus", "markdown")
    lines = path.read_text(encoding="utf-8").split("\n")
    fence = lines[0].strip()
    end = next(n for n, line in enumerate(lines[1:], 1) if line.strip() == fence)
    front = [line for line in lines[1:end] if line.strip()]
    title_line = next(line for line in front if line.split("=")[0].split(":")[0].strip() == "title")
    title = title_line.split("=" if fence == "+++" else ":", 1)[1].strip().strip("\"'")
    article = import_document(path).article
    assert article.headline == title
    text = "\n".join(s.markdown for s in article.walk_sections())
    for line in front:
        if len(line.strip()) > 12:
            assert line.strip() not in text.split("\n"), line


def test_the_corpus_is_there_when_shared_is() -> None:
    shared_path("corpus", "markdown")
    assert len(POSTS) == 10
