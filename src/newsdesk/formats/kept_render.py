"""Converted section text kept in the project file, so that exporting a file again is fast.

Converting and sanitising the Markdown of a 100,000-word article takes most of a second: more
than everything else a second `newsdesk export` of an unchanged file does. `KeptRenderCache` is
a `RenderCache` that also looks each run of text up in what the last export of the file kept,
and `keep` puts back exactly the runs this export used (and its sections' word counts): one
entry in the project file's `derived` table (docs/FILE_FORMAT.md), the HTML of each run under
the SHA-256 of its text, so the entry never grows beyond one article's worth and text changed
long ago is gone.

It is kept where the photo sizes are kept (`DerivedCache`: the command line's ProjectCache only
while no Newsdesk has the file open), never in the article: the page is the same with or without
it. The entry names the renderer it came from (versions, and the files of the dialect and of
Python-Markdown); any other renderer ignores it and writes its own.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import zlib

import nh3

import newsdesk
from newsdesk.derived_cache import DerivedCache
from newsdesk.formats.render_cache import RenderCache
from newsdesk.model.article import Article, Section
from newsdesk.model.counts import Counts, remember_counts, section_counts

# The derived-table key. Not "<digest>:...": a photo's removal must not take it along.
KEPT_RENDER_KEY = "render:markdown-runs"
# Bump when the HTML of a run changes (the Markdown dialect, the sanitiser's allow-list).
RENDER_VERSION = 1


# The code a run's HTML comes from: a change to any of these files (an upgrade of
# Python-Markdown, an edit of the dialect) makes the kept runs another renderer's.
_RENDERER_MODULES = (
    "markdown",
    "newsdesk.formats.markdown_render",
    "newsdesk.formats.plain_prose",
    "newsdesk.formats.markdown_dialect",
    "newsdesk.formats.markdown_constructs",
    "newsdesk.formats.markdown_notes",
    "newsdesk.formats.link_rules",
    "newsdesk.model.markdown_notes",
    "newsdesk.model.counts",
)


def renderer_fingerprint() -> str:
    """What the kept HTML was made by; kept runs of any other renderer are not used. Found
    without importing Python-Markdown (a tenth of a warm export's time)."""
    parts = [f"render {RENDER_VERSION}", f"newsdesk {newsdesk.__version__}"]
    parts.append(f"nh3 {getattr(nh3, '__version__', '?')}")
    for name in _RENDERER_MODULES:
        parts.append(f"{name} {_file_stamp(name)}")
    return ", ".join(parts)


def _file_stamp(module: str) -> str:
    """Size and modification time of a module's file, found without importing the module."""
    try:
        spec = importlib.util.find_spec(module)
        stat = os.stat(spec.origin) if spec is not None and spec.origin else None
    except (ImportError, ValueError, OSError):
        stat = None
    return f"{stat.st_size}:{stat.st_mtime_ns}" if stat is not None else "?"


def _run_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


class KeptRenderCache(RenderCache):
    """A RenderCache that starts from the runs kept in `store` and can keep this render's.

    Given the `article`, it also keeps the word and character counts of its sections (the
    page's JSON-LD counts the whole text, which costs about as much as the rest of a warm
    render) and hands those still valid to model.counts before the render."""

    def __init__(self, store: DerivedCache, article: Article | None = None) -> None:
        super().__init__()
        self.store = store
        self.article = article
        self.fingerprint = renderer_fingerprint()
        entry = self._load()
        self.kept = _strings(entry.get("runs"))
        self.kept_counts = {
            key: value
            for key, value in (entry.get("counts") or {}).items()
            if isinstance(value, list) and len(value) == 2 and all(type(n) is int for n in value)
        }
        self.used: dict[str, str] = {}
        self.kept_hits = 0
        if article is not None:
            for section in article.walk_sections():
                known = self.kept_counts.get(_section_key(section))
                if known is not None:
                    remember_counts(section.heading, section.markdown, Counts(*known))

    def _load(self) -> dict:
        data = self.store.get(KEPT_RENDER_KEY)
        if not data:
            return {}
        try:
            entry = json.loads(zlib.decompress(data))
            if isinstance(entry, dict) and entry.get("renderer") == self.fingerprint:
                return entry if isinstance(entry.get("counts", {}), dict) else {}
        except (zlib.error, ValueError, TypeError):
            pass  # unreadable: it is only a cache, made again
        return {}

    def _run(self, text: str) -> str:
        key = _run_key(text)
        html = self.kept.get(key)
        if html is None:
            html = super()._run(text)
        else:
            self.kept_hits += 1
        self.used[key] = html
        return html

    def keep(self) -> bool:
        """Keep the runs this render used and the article's counts (when they differ from those
        kept); True if written."""
        counts = {}
        if self.article is not None:
            for section in self.article.walk_sections():
                found = section_counts(section)
                counts[_section_key(section)] = [found.words, found.characters]
        if self.used == self.kept and counts == self.kept_counts:
            return False
        entry = {"renderer": self.fingerprint, "runs": self.used, "counts": counts}
        self.store.put(KEPT_RENDER_KEY, zlib.compress(json.dumps(entry).encode("ascii"), 1))
        self.kept, self.kept_counts = dict(self.used), counts
        return True


def _strings(runs: object) -> dict[str, str]:
    if not isinstance(runs, dict):
        return {}
    return {key: html for key, html in runs.items() if isinstance(html, str)}


def _section_key(section: Section) -> str:
    return _run_key(f"{section.heading}\x00{section.markdown}")
