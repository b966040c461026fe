"""Child: spell checking of the large article, beside Hunspell's own command line on the same text.

    python -m bench.measure_spelling PROJECT WORKDIR [--repeats N] --out FILE

- `article`: every part the check reads (sections, headline fields, captions, alt texts) checked
  with `LanguageChecker.misspelt`, as the window's highlighter and the check do: `cold` with a
  freshly loaded dictionary (every distinct word is one Hunspell call), `warm` again with the
  cache filled (what a re-check after typing costs), in words per second; `load_ms` is loading
  the dictionary; `paragraph_us` the cost of one paragraph (the highlighter's unit), warm.
- `check_ms`: `spelling_findings` of the whole article (the Check pane's spelling part), warm
  dictionary; `recheck_after_edit_ms` the same after a sentence was added to the longest
  section (each part's unknown words are remembered per text, so only that section is read).
- `hunspell_cli`: `hunspell -l -d <dictionary>` on the same plain text (one line a paragraph),
  start to exit, in words per second; `hunspell_start_ms` is the same command on an empty text
  (starting and loading the dictionary), so `words_per_s_after_start` compares the checking
  alone. Skipped (None) where the `hunspell` command is not installed (`make bench` installs it).
- `german`: 20,000 distinct words drawn (seeded) from the de_DE dictionary's stems, checked cold
  by us and by `hunspell -l`: the rate of Hunspell calls on German compounds without any cache.

Both sides use the same dictionary files: the first de_DE / article-language dictionary our
finder picks (the system's when installed, as `hunspell -d` is given).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import time
from pathlib import Path

from bench.common import elapsed_ms, write_json

GERMAN_SAMPLE_WORDS = 20_000


def article_paragraphs(article) -> list[tuple[str, bool]]:
    """(text, is_markdown) for every paragraph of every part the check reads."""
    from newsdesk.model.spelling_check import checked_parts

    found = []
    for _, _, _, text, markdown in checked_parts(article):
        found.extend((p, markdown) for p in text.split("\n\n") if p.strip())
    return found


def count_words(paragraphs) -> int:
    from newsdesk.spelling import words

    return sum(sum(1 for _ in words(text, markdown=md)) for text, md in paragraphs)


def check_all(checker, paragraphs) -> tuple[float, list[float]]:
    per_paragraph = []
    start = time.perf_counter()
    for text, markdown in paragraphs:
        began = time.perf_counter()
        checker.misspelt(text, markdown=markdown)
        per_paragraph.append((time.perf_counter() - began) * 1e6)
    return elapsed_ms(start), per_paragraph


def hunspell_cli(dictionary, text: str, workdir: Path, repeats: int) -> dict | None:
    """`hunspell -l` on `text` and on an empty text: medians in ms."""
    command = shutil.which("hunspell")
    if command is None:
        return None
    source, empty = workdir / "plain.txt", workdir / "empty.txt"
    source.write_text(text, encoding="utf-8")
    empty.write_text("", encoding="utf-8")
    base = [command, "-l", "-i", "utf-8", "-d", str(dictionary.folder / dictionary.name)]

    def run(path: Path) -> tuple[float, int]:
        start = time.perf_counter()
        result = subprocess.run([*base, str(path)], capture_output=True, check=True)
        return elapsed_ms(start), len(result.stdout.splitlines())

    runs = [run(source) for _ in range(repeats)]
    starts = [run(empty)[0] for _ in range(repeats)]
    return {
        "ms": round(statistics.median(ms for ms, _ in runs), 1),
        "start_ms": round(statistics.median(starts), 1),
        "unknown_words": runs[0][1],
        "dictionary": str(dictionary.folder / dictionary.name),
    }


def rates(words: int, ms: float, start_ms: float | None = None) -> dict:
    found = {"words_per_s": round(words / (ms / 1000))}
    if start_ms is not None and ms > start_ms:
        found["words_per_s_after_start"] = round(words / ((ms - start_ms) / 1000))
    return found


def german_words(dictionary) -> list[str]:
    """Distinct stems of the dictionary (the .dic file's words without their affix flags)."""
    encoding = "utf-8"
    for line in dictionary.aff.read_bytes().splitlines():
        if line.startswith(b"SET "):
            encoding = line[4:].strip().decode("ascii")
    stems = set()
    for line in dictionary.dic.read_bytes().decode(encoding, errors="replace").splitlines()[1:]:
        stem = line.split("/", 1)[0].strip()
        if stem.isalpha() and len(stem) > 3:
            stems.add(stem)
    return random.Random(12).sample(sorted(stems), min(GERMAN_SAMPLE_WORDS, len(stems)))


def measure_german(workdir: Path, repeats: int) -> dict:
    from newsdesk.spelling import Speller, Spelling

    status = Spelling().status("de")
    if status.dictionary is None:
        return {"dictionary": None}
    sample = german_words(status.dictionary)
    cold = []
    for _ in range(repeats):
        speller = Speller(status.dictionary)
        start = time.perf_counter()
        for word in sample:
            speller.knows(word)
        cold.append(elapsed_ms(start))
    start = time.perf_counter()
    for word in sample:
        speller.knows(word)
    warm = elapsed_ms(start)
    cli = hunspell_cli(status.dictionary, "\n".join(sample), workdir, repeats)
    ours_ms = statistics.median(cold)
    return {
        "dictionary": str(status.dictionary.folder / status.dictionary.name),
        "words": len(sample),
        "cold": rates(len(sample), ours_ms) | {"ms": round(ours_ms, 1)},
        "warm": rates(len(sample), warm) | {"ms": round(warm, 1)},
        "hunspell_cli": cli and cli | rates(len(sample), cli["ms"], cli["start_ms"]),
    }


def measure(project_path: Path, workdir: Path, repeats: int) -> dict:
    from newsdesk.model.spelling_check import spelling_findings
    from newsdesk.spelling import Spelling
    from newsdesk.store import open_project

    workdir.mkdir(parents=True, exist_ok=True)
    with open_project(project_path, read_only=True) as project:
        article = project.load()
    paragraphs = article_paragraphs(article)
    words = count_words(paragraphs)

    loads, colds, warms, per_paragraph = [], [], [], []
    for _ in range(repeats):
        spelling = Spelling()
        start = time.perf_counter()
        checker = spelling.checker(article.language)
        loads.append(elapsed_ms(start))
        cold_ms, _ = check_all(checker, paragraphs)
        colds.append(cold_ms)
        warm_ms, per_paragraph = check_all(checker, paragraphs)
        warms.append(warm_ms)
    start = time.perf_counter()
    findings = spelling_findings(article, spelling)
    check_ms = elapsed_ms(start)
    longest = max(article.walk_sections(), key=lambda section: len(section.markdown))
    longest.markdown += " One more sentence with a typo in it: wrnog."
    start = time.perf_counter()
    spelling_findings(article, spelling)
    recheck_ms = elapsed_ms(start)
    per_paragraph.sort()
    dictionary = checker.status.dictionary
    plain = "\n".join(text for text, _ in paragraphs)
    cli = hunspell_cli(dictionary, plain, workdir, repeats) if dictionary else None
    return {
        "language": article.language,
        "dictionary": dictionary and str(dictionary.folder / dictionary.name),
        "words": words,
        "paragraphs": len(paragraphs),
        "distinct_lookups": checker.speller.lookups // repeats if checker.speller else 0,
        "load_ms": round(statistics.median(loads), 1),
        "cold": rates(words, statistics.median(colds)) | {"ms": round(statistics.median(colds))},
        "warm": rates(words, statistics.median(warms)) | {"ms": round(statistics.median(warms))},
        "paragraph_us": {
            "p50": round(per_paragraph[len(per_paragraph) // 2], 1),
            "p95": round(per_paragraph[int(len(per_paragraph) * 0.95)], 1),
            "max": round(per_paragraph[-1], 1),
        },
        "check_ms": round(check_ms, 1),
        "recheck_after_edit_ms": round(recheck_ms, 1),
        "findings": len(findings),
        "hunspell_cli": cli and cli | rates(words, cli["ms"], cli["start_ms"]),
        "german": measure_german(workdir, repeats),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("project", type=Path)
    parser.add_argument("workdir", type=Path)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    write_json(args.out, measure(args.project, args.workdir, args.repeats))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
