"""Files Newsdesk keeps in the user data folder: never-saved new articles and the sample's copy.

A new article is a real project file from its first keystroke, kept in `<data>/unsaved/` and
autosaved like any other. Editors that autosave only documents that already have a name lose
exactly the text people never got round to saving; this folder is how Newsdesk avoids that. At the
next start the window offers what it finds here; a draft is deleted once the journalist saves it
somewhere of their choosing (or when it holds no text at all).

The sample article is copied to `<data>/sample/` so that edits to it never touch the installed
resources and the journalist can play with it freely.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from newsdesk.model.article import Article

UNSAVED_FOLDER = "unsaved"
SAMPLE_FOLDER = "sample"
SAMPLE_FILE = "sample.newsdesk"
PROJECT_SUFFIX = ".newsdesk"


def default_data_dir() -> Path:
    """QStandardPaths' AppDataLocation (needs organisation and application names set)."""
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))


def unsaved_dir(data_dir: Path) -> Path:
    return data_dir / UNSAVED_FOLDER


def new_draft_path(data_dir: Path) -> Path:
    """A fresh, unique file name for a new article in the unsaved folder."""
    folder = unsaved_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return folder / f"untitled-{stamp}-{os.urandom(3).hex()}{PROJECT_SUFFIX}"


def is_draft(path: Path, data_dir: Path) -> bool:
    """True for files in the unsaved folder: they still need a name and a place."""
    try:
        return path.resolve().parent == unsaved_dir(data_dir).resolve()
    except OSError:
        return False


def list_drafts(data_dir: Path) -> list[Path]:
    """Unsaved articles, most recently changed first."""
    folder = unsaved_dir(data_dir)
    if not folder.is_dir():
        return []
    drafts = [p for p in folder.glob(f"*{PROJECT_SUFFIX}") if p.is_file()]

    def changed(path: Path) -> float:
        # SQLite may hold the newest writes in the -wal file next to the project.
        stamps = [path.stat().st_mtime]
        wal = path.with_name(path.name + "-wal")
        if wal.exists():
            stamps.append(wal.stat().st_mtime)
        return max(stamps)

    return sorted(drafts, key=changed, reverse=True)


def delete_draft(path: Path) -> None:
    """Remove a draft and SQLite's side files; missing files are fine."""
    for candidate in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
        with contextlib.suppress(FileNotFoundError):
            candidate.unlink()


def article_is_empty(article: Article) -> bool:
    """Nothing worth offering again: no headline, no headings, no text, no images, no links."""
    if any(
        getattr(article, name).strip()
        for name in ("headline", "subheadline", "kicker", "byline", "description")
    ):
        return False
    if article.images or article.related.links:
        return False
    return not any(s.heading.strip() or s.markdown.strip() for s in article.walk_sections())


def sample_copy_path(data_dir: Path) -> Path:
    return data_dir / SAMPLE_FOLDER / SAMPLE_FILE


def ensure_sample_copy(data_dir: Path) -> Path:
    """The journalist's own copy of the sample article, created on first use."""
    from newsdesk.sample import sample_article
    from newsdesk.store import create_project

    path = sample_copy_path(data_dir)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        create_project(path, sample_article()).close()
    return path
