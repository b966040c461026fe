"""`make bench`'s spelling measurement runs and reports plausible figures (no timed assertions)."""

from __future__ import annotations

from bench import make_article, measure_spelling


def test_spelling_measurement_on_the_smoke_article(tmp_path):
    article = make_article.ensure_article(make_article.SMOKE, tmp_path / "cache")
    result = measure_spelling.measure(article.project_path, tmp_path / "work", repeats=1)
    assert result["language"] == "en" and result["dictionary"].endswith("en_US")
    assert result["words"] > 300 and result["paragraphs"] > 3
    for key in ("cold", "warm"):
        assert result[key]["words_per_s"] > 0 and result[key]["ms"] > 0
    paragraph = result["paragraph_us"]
    assert 0 < paragraph["p50"] <= paragraph["p95"] <= paragraph["max"]
    assert result["check_ms"] > 0 and result["findings"] >= 0
    assert result["recheck_after_edit_ms"] > 0
    cli = result["hunspell_cli"]
    assert cli is None or (cli["ms"] > 0 and cli["words_per_s"] > 0)
    german = result["german"]
    assert german["words"] == measure_spelling.GERMAN_SAMPLE_WORDS
    assert german["warm"]["words_per_s"] > german["cold"]["words_per_s"]
