"""Issue 19's speed goals against the local WordPress (`make wordpress` first):

- first publish of the bench's newsroom-scale article (100 sections, ~100,000 words, 20 photos of
  4000x3000) <= 1.3x the time curl takes to upload the same 20 photos and post the same content
  to the same server in the same run;
- a republish after a one-word change <= 2 s (nothing but the post is sent).

    .venv/bin/python tools/wordpress/measure_publish.py [--rounds N] [--project FILE] [--out FILE]

`make bench` runs it as its part `publish` (bench/run.py, with WordPress started by the target);
alone it needs `make wordpress` first.

curl gets the very bytes Newsdesk sends (the adjusted, metadata-free JPEGs, written to files
beforehand) and the same post JSON; Newsdesk's time includes making those JPEGs. Rounds alternate
curl and Newsdesk so that both see the same server state. Writes build/wordpress/publish-bench.json
(or --out): the medians in "summary", each round in "runs".
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))  # bench.make_article builds the article

from bench.make_article import ensure_article  # noqa: E402

from newsdesk.imaging import derive_web_sizes  # noqa: E402
from newsdesk.publish.article_blocks import article_blocks  # noqa: E402
from newsdesk.publish.media import UPLOAD_WIDTH, published_photos  # noqa: E402
from newsdesk.publish.publisher import PublishOptions, publish_article  # noqa: E402
from newsdesk.publish.records import PROPERTY_KEY, store_record  # noqa: E402
from newsdesk.publish.wordpress import WordPressClient, site_key  # noqa: E402
from newsdesk.store import open_project  # noqa: E402


def curl_publish(site: dict, files: list[Path], content: str, workdir: Path) -> float:
    """Upload each photo, then create the post, with one curl process per request."""
    auth = f"{site['user']}:{site['password']}"
    api = f"{site['url']}/wp-json/wp/v2"
    body = workdir / "post.json"
    started = time.perf_counter()
    for path in files:
        subprocess.run(
            ["curl", "-fsS", "-o", "/dev/null", "-u", auth, "-H", "Content-Type: image/jpeg",
             "-H", f'Content-Disposition: attachment; filename="{path.name}"',
             "--data-binary", f"@{path}", f"{api}/media"],
            check=True,
        )  # fmt: skip
    body.write_text(json.dumps({"title": "curl", "content": content, "status": "draft"}))
    subprocess.run(
        ["curl", "-fsS", "-o", "/dev/null", "-u", auth, "-H", "Content-Type: application/json",
         "--data-binary", f"@{body}", f"{api}/posts"],
        check=True,
    )  # fmt: skip
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--project", type=Path, help="the article (default: the bench's large one)")
    parser.add_argument("--site", type=Path, default=REPO / "build" / "wordpress" / "site.json")
    parser.add_argument(
        "--out", type=Path, default=REPO / "build" / "wordpress" / "publish-bench.json"
    )
    args = parser.parse_args(argv)
    site = json.loads(args.site.read_text())
    pristine = args.project or ensure_article().project_path
    results: dict[str, list[float]] = {"curl_s": [], "first_s": [], "republish_s": []}
    with tempfile.TemporaryDirectory(prefix="newsdesk-publish-bench-") as folder:
        workdir = Path(folder)
        with open_project(pristine, read_only=True) as project:
            article = project.load()
        photos = published_photos(article)
        files = []
        for n, image in enumerate(photos):
            derived = derive_web_sizes(
                image.data, (UPLOAD_WIDTH,), rotation=image.rotation, crop=image.crop,
                focal=(image.focal_x, image.focal_y),
            )[0]  # fmt: skip
            path = workdir / f"photo-{n}.jpg"
            path.write_bytes(derived.data)
            files.append(path)
        content = article_blocks(article, {})
        for _round in range(args.rounds):
            results["curl_s"].append(curl_publish(site, files, content, workdir))
            copy = workdir / "article.newsdesk"
            shutil.copyfile(pristine, copy)
            with open_project(copy) as project:
                article = project.load()
                article.properties.pop(PROPERTY_KEY, None)

                def keep(record, article=article, project=project):
                    store_record(article, site_key(site["url"]), record)
                    project.save(article)

                with WordPressClient(site["url"], site["user"], site["password"]) as client:
                    started = time.perf_counter()
                    publish_article(article, client, PublishOptions(), keep=keep)
                    results["first_s"].append(time.perf_counter() - started)
                    first = article.sections[1].markdown
                    article.sections[1].markdown = first.replace(" ", " Wort ", 1)
                    project.save(article)
                    started = time.perf_counter()
                    result = publish_article(article, client, PublishOptions(), keep=keep)
                    results["republish_s"].append(time.perf_counter() - started)
                    assert result.uploaded == 0
        photo_bytes = sum(path.stat().st_size for path in files)
    summary: dict[str, float | int] = {
        name: round(statistics.median(values), 3) for name, values in results.items()
    }
    summary["first_vs_curl"] = round(summary["first_s"] / summary["curl_s"], 3)
    summary["rounds"] = args.rounds
    summary["photos"] = len(files)
    summary["photo_bytes_sent"] = photo_bytes
    summary["content_chars"] = len(content)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"summary": summary, "runs": results}, indent=2) + "\n")
    print(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
