"""Private editor's notes never leave Newsdesk (issue 14).

A unique marker sits in notes everywhere a note can stand (in a paragraph, alone, over several
lines, unclosed at a section's end, in a list item, a quote, a heading, a table cell and caption,
a source note, code, a child section, an opinion piece and a box). Every output Newsdesk has is
made from that article and searched for the marker; each must also carry the visible text, so
that an output which wrote nothing could not pass. To add an output, add one function to OUTPUTS.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from newsdesk.cli import main as cli_main
from newsdesk.model.article import Article, RelatedLink, RelatedLinks, Section
from newsdesk.store import create_project

MARK = "ZQXNOTIZ7"  # in no dictionary, no template and no other field
SHOWN = "Sichtbarer Satz"


def _note(text: str = "") -> str:
    return f"<!-- {MARK} {text}-->"


def noted_article() -> Article:
    lead = (
        f"{SHOWN} mit Notiz {_note('Zitat autorisieren')} mitten im Absatz.\n\n"
        f"{_note()}\n\n"
        f"Ein Absatz <!-- über zwei\n{MARK} Zeilen --> geht weiter.\n\n"
        f"- Punkt eins {_note()}\n- Punkt zwei\n\n"
        f"> Zitat von Weiß {_note('Quelle prüfen')}\n\n"
        f"### Zwischentitel {_note()}\n\n"
        f"| Partei {_note()} | Stimmen |\n| --- | ---: |\n| Grüne {_note()} | 12.304 |\n\n"
        f"Table: Ergebnis {_note()}\n\n"
        f"Laut Polizei[^1] ist alles ruhig.\n\n"
        f"    code {_note()}\n\n"
        f"[^1]: Polizeipräsidium {_note('Rückruf!')} Nordhessen."
    )
    return Article(
        headline="Nachtfähre kommt im April",
        subheadline="Der Hafenrat stimmt zu",
        byline="Jana Korte",
        language="de",
        slug="nachtfaehre",
        description="Die Nachtfähre kommt.",
        sections=[
            Section(id="lead", markdown=lead),
            Section(
                id="oben",
                heading="Was sich ändert",
                markdown=f"Text {_note()} oben.",
                children=[Section(id="kind", heading="Kosten", markdown=f"Kind {_note()}.")],
            ),
            Section(id="meinung", heading="Kommentar: Gut so", kind="opinion", markdown=_note()),
            Section(id="kasten", heading="Zahlen", kind="box", markdown=f"Kasten {_note()}."),
            Section(id="ende", heading="Zuletzt", markdown=f"Schluss. <!-- {MARK} nie geschlossen"),
        ],
        related=RelatedLinks(
            heading="Lesen Sie auch", links=[RelatedLink("Fahrplan", "https://example.org/f")]
        ),
    )


# -- the outputs ---------------------------------------------------------------------------------


def _folder_text(folder: Path) -> str:
    parts = []
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".docx":
                with zipfile.ZipFile(io.BytesIO(data)) as package:
                    data = b"".join(package.read(name) for name in package.namelist())
            parts.append(data.decode("utf-8", "replace"))
    return "\n".join(parts)


def _export(fmt: str, suffix: str, **options) -> Callable[[Article, Path], str]:
    def write(article: Article, folder: Path) -> str:
        from newsdesk.formats.exporters import ExportOptions, export_article

        export_article(article, folder / f"out{suffix}", fmt, ExportOptions(**options))
        return _folder_text(folder)

    return write


def _markdown_copy(article: Article, folder: Path) -> str:
    from newsdesk.formats.markdown_export import article_markdown

    return article_markdown(article, with_photos=False).text


def _gutenberg_blocks(article: Article, folder: Path) -> str:
    import importlib

    # The WordPress writer's module (publish/article_blocks.py, formerly publish/blocks.py).
    for name in ("newsdesk.publish.article_blocks", "newsdesk.publish.blocks"):
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        if hasattr(module, "article_blocks"):
            return module.article_blocks(article, {})
    raise AssertionError("the WordPress block writer (article_blocks) is not where it was")


def _preview_page(article: Article, folder: Path) -> str:
    from newsdesk.formats.html_export import render_page
    from newsdesk.formats.render_cache import RenderCache

    page = render_page(article, render_cache=RenderCache())
    return getattr(page, "html", page)


def _cli(*arguments: str) -> Callable[[Article, Path], str]:
    def run(article: Article, folder: Path) -> str:
        project = folder / "artikel.newsdesk"
        create_project(project, article).close()
        out = io.StringIO()
        import contextlib

        with contextlib.redirect_stdout(out):
            assert cli_main([arguments[0], str(project), *arguments[1:]]) in (0, 1)
        return out.getvalue()

    return run


OUTPUTS: dict[str, Callable[[Article, Path], str]] = {
    "html, photos embedded": _export("html", ".html", assets="embed"),
    "html, photos in a folder": _export("html", ".html", assets="folder"),
    "the preview's page": _preview_page,
    "word": _export("docx", ".docx"),
    "markdown with front matter": _export("md", ".md"),
    "markdown copy (clipboard)": _markdown_copy,
    "agency text": _export("txt", ".txt"),
    "wordpress blocks (publish)": _gutenberg_blocks,
    "info": _cli("info"),
    "info --json": _cli("info", "--json"),
    "check --json": _cli("check", "--json"),
}


@pytest.mark.parametrize("name", OUTPUTS)
def test_no_private_note_in_any_output(name, tmp_path):
    text = OUTPUTS[name](noted_article(), tmp_path)
    assert MARK not in text
    if name not in ("info", "check --json"):  # these show counts and findings, not text
        assert SHOWN in text or SHOWN in json.dumps(text, ensure_ascii=False)
