"""The export's floor: a bare Pillow loop beside Newsdesk's cold and warm command-line export.

    python -m bench.export_floor [--smoke] [--cache build/bench] [--out FILE]

Floor: for each photo of the bench article, decode it once (JPEG draft scaling, as Newsdesk
does), turn it upright, and write the three web sizes (1600, 960, 480 px wide, JPEG quality 82,
progressive, optimised), each smaller size resized from the next larger one, in one process on
one core. Nothing else: no page, no text, no checks. That is the least an export of these photos
can cost with Pillow (issue 16's goal: a cold HTML export at most 0.8x this, which needs both
cores).

Newsdesk: `newsdesk export PROJECT -o OUT.html --force` as a separate process (start-up
included, as a user sees it), on a fresh copy of the project (cold: no derived image kept), then
again on the same copy (second: the sizes the first run kept in the project file, when it could
write to it). The ratios say where the export stands; the figures go to stdout as JSON and, with
--out, to a file.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image, ImageOps

from bench.make_article import DEFAULT_CACHE, LARGE, SMOKE, ensure_article

WIDTHS = (1600, 960, 480)


def floor_ms(photos: list[bytes]) -> float:
    start = time.perf_counter()
    for data in photos:
        image = Image.open(io.BytesIO(data))
        image.draft("RGB", (WIDTHS[0], WIDTHS[0] * image.height // image.width))
        image = ImageOps.exif_transpose(image.convert("RGB"))
        for width in WIDTHS:
            if image.width > width:
                image = image.resize((width, round(image.height * width / image.width)))
            buffer = io.BytesIO()
            image.save(buffer, "JPEG", quality=82, progressive=True, optimize=True)
    return (time.perf_counter() - start) * 1000


def export_ms(project: Path, out: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "newsdesk", "export", str(project), "-o", str(out), "--force"],
        check=True,
        capture_output=True,
    )
    return (time.perf_counter() - start) * 1000


def measure(smoke: bool, cache: Path) -> dict:
    article = ensure_article(SMOKE if smoke else LARGE, cache)
    photo_folder = Path(article.markdown_path).parent / "photos"
    photos = [p.read_bytes() for p in sorted(photo_folder.glob("*.jpg"))]
    floor = min(floor_ms(photos) for _ in range(1 if smoke else 2))
    with tempfile.TemporaryDirectory(prefix="newsdesk-floor-") as folder:
        copy = Path(folder) / "article.newsdesk"
        shutil.copyfile(article.project_path, copy)
        cold = export_ms(copy, Path(folder) / "page.html")
        second = export_ms(copy, Path(folder) / "page.html")
    return {
        "photos": len(photos),
        "floor_ms": round(floor, 1),
        "cold_export_ms": round(cold, 1),
        "second_export_ms": round(second, 1),
        "cold_to_floor": round(cold / floor, 2),
        "second_to_cold": round(second / cold, 2),
        "goals": {"cold_to_floor": 0.8, "second_to_cold": 0.15},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="export floor (issue 16)")
    parser.add_argument("--smoke", action="store_true", help="the small article, once")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    figures = measure(args.smoke, args.cache)
    text = json.dumps(figures, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
