"""The reference article this product was conceived from imports into exactly its parts and
exports a page that carries all of them. It is read from ../shared/seed at test time and never
copied into the project; a clone without ../shared skips it (`shared_path` says why)."""

import json
from pathlib import Path

import html5lib

from newsdesk.cli import main
from tests.shared_files import shared_path


def _seed() -> Path:
    seed_folder = shared_path("seed")
    found = sorted(seed_folder.glob("*.txt"))
    assert found, f"the reference article is missing from {seed_folder}"
    return found[0]


def test_seed_imports_into_its_parts_and_exports_all_of_them(tmp_path, capsys):
    project, page = tmp_path / "seed.newsdesk", tmp_path / "seed.html"
    assert main(["import", str(_seed()), "-o", str(project)]) == 0
    assert main(["info", str(project), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["language"] == "de"
    assert info["headline"] and info["subheadline"]
    sections = info["sections"]
    assert len(sections) == 5 and sections[0]["heading"] == ""
    assert [s["kind"] for s in sections] == ["body", "body", "opinion", "body", "body"]
    # The prefix word labels the opinion section; the heading keeps the rest (issue 17, item 14).
    assert sections[2]["label"] == "Editorial"
    assert sections[2]["heading"] and not sections[2]["heading"].startswith("Editorial")
    (image,) = info["images"]
    assert image["role"] == "lead" and image["credit"] == "Aedrian" and image["symbolic"]
    assert image["disclaimer"].startswith("Das Bild dient")
    assert len(info["related"]["links"]) == 8
    assert info["related"]["heading"] == "Sie könnten lesen wollen"

    assert main(["export", str(project), "-o", str(page)]) == 0
    text = page.read_text(encoding="utf-8")
    tree = html5lib.parse(text, namespaceHTMLElements=False)
    assert tree.find(".//h1").text == info["headline"]
    assert tree.get("lang") == "de"
    h2s = ["".join(h.itertext()) for h in tree.iter("h2")]
    for section in sections[1:]:
        assert any(section["heading"] in h for h in h2s), section["heading"]
    caption = "".join(tree.find(".//figure/figcaption").itertext())
    assert "Aedrian" in caption and image["disclaimer"] in caption
    related = tree.find(".//aside[@class='related']")
    assert related is not None and len(related.findall(".//li")) == 8
    opinion = [s for s in tree.iter("section") if s.get("data-kind") == "opinion"]
    assert len(opinion) == 1 and "opinion" in opinion[0].get("class").split()
    assert sections[2]["heading"] in "".join(opinion[0].itertext())
    label = opinion[0].find(".//p[@class='section-label']")
    assert label is not None and label.text == "Editorial"
