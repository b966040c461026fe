"""The Nu HTML Checker (the W3C's current validator) finds no error and no warning in any export
of the test articles, and no error in exports of generated articles (issue 15)."""

from __future__ import annotations

from newsdesk.formats.html_export import export_html
from tests.standards.pages import PROFILE, generated_article
from tests.standards.tools import run_vnu, tools_folder

GENERATED = 40


def _summary(messages: list[dict]) -> list[str]:
    return [f"{m.get('url', '').rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
            for m in messages]  # fmt: skip


def test_exports_of_the_test_articles_are_valid_without_warnings(exported_pages):
    assert _summary(run_vnu(list(exported_pages.values()))) == []


def test_exports_of_generated_articles_are_valid(tmp_path):
    tools_folder()
    pages = []
    for seed in range(GENERATED):
        out = tmp_path / f"generated-{seed}.html"
        export_html(generated_article(seed), out, profile=PROFILE if seed % 2 else None)
        pages.append(out)
    errors = [m for m in run_vnu(pages) if m.get("type") == "error"]
    assert _summary(errors) == []


def test_the_harness_sees_an_error_and_a_warning(tmp_path):
    tools_folder()
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html lang="xx-bad"><head><title>x</title></head><body>'
        '<section><p>no heading</p></section><a>no href</a><a href="tel:+49 30">t</a>'
        "</body></html>",
        encoding="utf-8",
    )
    messages = run_vnu([page])
    assert any(m["type"] == "error" for m in messages)
    assert any(m.get("subType") == "warning" for m in messages)
