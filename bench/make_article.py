"""The benchmark's articles, built once and cached under build/bench/.

    python -m bench.make_article [--smoke] [--cache build/bench]

The large article is newsroom scale: 100 sections (the lead and 99 headed sections, one of them an
opinion piece and one a long section of about 3,000 words where the keystroke test types), about
100,000 words with emphasis, links, lists, quotes and subheadings, and 20 photos of 4000x3000
(Pillow-made JPEGs of about 2.5 MB, the size a press camera's file has). It is written as Markdown
with its photos beside it; that Markdown is what every peer opens, and Newsdesk's own importer
turns it into the `.newsdesk` project that Newsdesk opens, so all programs read the same text.

The sample article is the bundled one (resources/sample), as a project and as Markdown.

Everything is deterministic (seeded), so a cache hit and a rebuild give the same bytes; a manifest
beside the files says what spec built them, and any difference rebuilds.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import random
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from PIL import Image, ImageDraw

from bench.prose import NAMES, ProseWriter

GENERATOR_VERSION = 4  # bump when the Markdown this module writes changes
PHOTO_GENERATOR_VERSION = 2  # bump when photo_jpeg changes
REPO = Path(__file__).resolve().parent.parent
DEFAULT_CACHE = REPO / "build" / "bench"
MANIFEST = "manifest.json"


@dataclass(frozen=True)
class ArticleSpec:
    name: str = "large"
    sections: int = 100  # the lead counts as one
    words: int = 100_000
    photos: int = 20
    photo_width: int = 4000
    photo_height: int = 3000
    long_section_words: int = 3_000
    seed: int = 20261129


LARGE = ArticleSpec()
# The smoke test's article: two sections, one small photo; every code path, no waiting.
SMOKE = ArticleSpec(
    name="smoke", sections=2, words=700, photos=1, photo_width=320, photo_height=240,
    long_section_words=400,
)  # fmt: skip


@dataclass(frozen=True)
class BenchArticle:
    """A built article: where its files are and what it holds (as Newsdesk counts it)."""

    name: str
    folder: str
    markdown: str  # the Markdown every program opens
    project: str  # the pristine .newsdesk file (copy it before changing anything)
    words: int
    sections: int
    photos: int
    photo_bytes: int
    markdown_bytes: int
    project_bytes: int
    long_section_id: str  # the section with the most words: where typing happens
    long_section_words: int

    @property
    def markdown_path(self) -> Path:
        return Path(self.markdown)

    @property
    def project_path(self) -> Path:
        return Path(self.project)


# --- photos ---------------------------------------------------------------------------------------


def photo_jpeg(index: int, width: int, height: int, seed: int) -> bytes:
    """A photo-like JPEG: soft colour fields, shapes and sensor-like noise (so it compresses
    like a real photo, not like a flat test card)."""
    rng = random.Random(seed * 1000 + index)
    cols, rows = 80, 60
    coarse = Image.new("RGB", (cols, rows))
    pixels = coarse.load()
    for y in range(rows):
        for x in range(cols):
            pixels[x, y] = tuple(rng.randrange(30, 225) for _ in range(3))
    picture = coarse.resize((width, height), Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(picture)
    scale = max(1, width // 100)
    for _ in range(60):
        x, y, r = (
            rng.randrange(width),
            rng.randrange(height),
            rng.randrange(scale // 2 + 1, scale * 10),
        )
        colour = tuple(rng.randrange(256) for _ in range(3))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=colour)
    # Sensor-like grain from the seeded generator (Image.effect_noise is not reproducible).
    grain = Image.frombytes("L", (width, height), rng.randbytes(width * height))
    picture = Image.blend(picture, grain.convert("RGB"), 0.07)
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=88)
    return out.getvalue()


# --- Markdown ---------------------------------------------------------------------------------


def _section_budgets(spec: ArticleSpec, rng: random.Random) -> list[int]:
    """Words per section: one long section in the middle, the rest varied around the mean."""
    long_index = spec.sections // 2
    others = spec.sections - 1
    rest = max(others * 40, spec.words - spec.long_section_words)
    weights = [rng.uniform(0.6, 1.4) for _ in range(others)]
    scale = rest / sum(weights)
    budgets = [max(40, round(w * scale)) for w in weights]
    budgets.insert(long_index, spec.long_section_words)
    return budgets


def article_markdown(spec: ArticleSpec, photo_names: list[str]) -> str:
    """The whole article as Markdown in the shape the importer reads (see markdown_import)."""
    writer = ProseWriter(spec.seed)
    budgets = _section_budgets(spec, random.Random(spec.seed + 1))
    # The lead photo comes first; the other photos stand in evenly spaced sections.
    inline = photo_names[1:]
    step = max(1, (spec.sections - 1) // max(1, len(inline))) if inline else 0
    placed = {1 + i * step: name for i, name in enumerate(inline)}
    lines = [
        "---",
        "lang: en",
        f"author: {NAMES[0]}",
        "date: 2026-11-29",
        "dateline: Larsby",
        "---",
        "",
        "# The harbour files: how a small port's budget came apart",
        "*A year-long investigation into the pier, the ferry and the money*",
        "",
    ]
    if photo_names:
        lines += _figure(photo_names[0], 0, writer), ""
    lines += [writer.body(budgets[0], 0), ""]
    opinion = spec.sections - 3 if spec.sections > 4 else -1
    for index in range(1, spec.sections):
        heading = writer.heading(index)
        if index == opinion:
            heading = "Commentary: " + heading
        lines += [f"## {heading}", "", writer.body(budgets[index], index), ""]
        if index in placed:
            lines += _figure(placed[index], index, writer), ""
    lines += ["## Further reading", ""]
    lines += [
        f"- [Part {n} of the harbour files](https://example.org/harbour/{n})" for n in (1, 2, 3)
    ]
    return "\n".join(lines) + "\n"


def _figure(name: str, index: int, writer: ProseWriter) -> str:
    caption = f"Photo {index}: the harbour, seen from the {('north', 'south', 'pier')[index % 3]}"
    alt = f"Boats and cranes along the quay, picture {index}"
    return f'![{alt}](photos/{name} "{caption}")\n<< photo by {writer.name()} >>'


def sample_markdown(article) -> str:
    """The bundled sample article as Markdown (for the peers, which cannot open projects)."""
    lines = [f"# {article.headline}", f"*{article.subheadline}*", ""]
    for image in article.images[:1]:
        lines += [f'![{image.alt}]({image.filename} "{image.caption}")', ""]
    for section in article.walk_sections():
        if section.heading:
            lines += [f"## {section.heading}", ""]
        lines += [section.markdown, ""]
    if article.related.links:
        lines += [f"## {article.related.heading}", ""]
        lines += [f"- [{link.title}]({link.url})" for link in article.related.links]
    return "\n".join(lines) + "\n"


# --- building and caching -----------------------------------------------------------------------


def _read_manifest(folder: Path, spec: dict) -> BenchArticle | None:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if (
        data.get("generator") != [GENERATOR_VERSION, PHOTO_GENERATOR_VERSION]
        or data.get("spec") != spec
    ):
        return None
    article = BenchArticle(**data["article"])
    if not (article.markdown_path.is_file() and article.project_path.is_file()):
        return None
    return article


def _write_manifest(folder: Path, spec: dict, article: BenchArticle) -> None:
    data = {
        "generator": [GENERATOR_VERSION, PHOTO_GENERATOR_VERSION],
        "spec": spec,
        "article": asdict(article),
    }
    (folder / MANIFEST).write_text(json.dumps(data, indent=2), encoding="utf-8")


def _describe(name: str, folder: Path, markdown: Path, project: Path, photo_bytes: int):
    from newsdesk.model.counts import article_counts, section_counts
    from newsdesk.store import open_project

    with open_project(project, read_only=True) as opened:
        article = opened.load()
    sections = list(article.walk_sections())
    longest = max(sections, key=lambda s: section_counts(s).words)
    return BenchArticle(
        name=name,
        folder=str(folder),
        markdown=str(markdown),
        project=str(project),
        words=article_counts(article).words,
        sections=len(sections),
        photos=len(article.images),
        photo_bytes=photo_bytes,
        markdown_bytes=markdown.stat().st_size,
        project_bytes=project.stat().st_size,
        long_section_id=longest.id,
        long_section_words=section_counts(longest).words,
    )


def _ensure_photos(spec: ArticleSpec, folder: Path) -> tuple[list[str], int]:
    """The spec's photos (kept when only the text changed: they take most of the build time)."""
    key = {
        "generator": PHOTO_GENERATOR_VERSION,
        "size": [spec.photo_width, spec.photo_height],
        "seed": spec.seed,
    }
    stamp = folder / "photos.json"
    try:
        kept = json.loads(stamp.read_text(encoding="utf-8")) == key
    except (OSError, ValueError):
        kept = False
    if not kept:
        shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    total = 0
    for index in range(spec.photos):
        path = folder / f"photo-{index + 1:02d}.jpg"
        if not path.is_file():
            path.write_bytes(photo_jpeg(index, spec.photo_width, spec.photo_height, spec.seed))
        total += path.stat().st_size
        names.append(path.name)
    stamp.write_text(json.dumps(key), encoding="utf-8")
    return names, total


def ensure_article(spec: ArticleSpec = LARGE, cache: Path = DEFAULT_CACHE) -> BenchArticle:
    """The generated article of `spec`, built into cache/<name>/ unless it is there already."""
    from newsdesk.formats.importers import import_file
    from newsdesk.store import create_project

    folder = Path(cache) / spec.name
    spec_dict = asdict(spec)
    cached = _read_manifest(folder, spec_dict)
    if cached is not None:
        return cached
    names, photo_bytes = _ensure_photos(spec, folder / "photos")
    markdown = folder / f"{spec.name}.md"
    markdown.write_text(article_markdown(spec, names), encoding="utf-8")
    project = folder / f"{spec.name}.newsdesk"
    create_project(project, import_file(markdown), overwrite=True).close()
    built = _describe(spec.name, folder, markdown, project, photo_bytes)
    _write_manifest(folder, spec_dict, built)
    return built


def ensure_sample(cache: Path = DEFAULT_CACHE) -> BenchArticle:
    """The bundled sample article as a project and as Markdown, in cache/sample/."""
    from newsdesk.sample import sample_article
    from newsdesk.store import create_project

    folder = Path(cache) / "sample"
    article = sample_article()
    from newsdesk import resource_path

    shipped = resource_path("sample", "sample.json").read_bytes()
    spec_dict = {
        "sample_json": hashlib.sha256(shipped).hexdigest(),  # rebuilt when the sample changes
        "photos": [i.digest for i in article.images],
    }
    cached = _read_manifest(folder, spec_dict)
    if cached is not None:
        return cached
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    photo_bytes = 0
    for image in article.images:
        (folder / image.filename).write_bytes(image.data or b"")
        photo_bytes += len(image.data or b"")
    markdown = folder / "sample.md"
    markdown.write_text(sample_markdown(article), encoding="utf-8")
    project = folder / "sample.newsdesk"
    create_project(project, article, overwrite=True).close()
    built = _describe("sample", folder, markdown, project, photo_bytes)
    _write_manifest(folder, spec_dict, built)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="the two-section smoke article")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    args = parser.parse_args(argv)
    for built in (
        ensure_sample(args.cache),
        ensure_article(SMOKE if args.smoke else LARGE, args.cache),
    ):
        print(json.dumps(asdict(built), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
