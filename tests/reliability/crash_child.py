"""The child of the crash harness: edits and saves a project through newsdesk.store until killed.

Run as `python -m tests.reliability.crash_child PROJECT SEED` from the repository root. It holds a
ProjectLock like the window does, prints `ready <digest>` once the project is open, then loops:
edit the article at random, print `intent <digest>`, save, print `saved <digest>`. Every line is
flushed, so the parent knows what was confirmed and what was in flight when its SIGKILL landed.

The digest covers everything a save writes: the article (article_to_dict, every field), the
SHA-256 of every image's bytes, and the labels of the recorded revisions.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from pathlib import Path

from newsdesk.model.article import Article, Image, Section
from newsdesk.model.last_change import MODIFIED_PROPERTY
from newsdesk.model.serialize import article_to_dict
from newsdesk.store import Project, ProjectLock, open_project

WORDS = [
    "harbour",
    "ferry",
    "council",
    "budget",
    "Rathaus",
    "Brücke",
    "Nachtbus",
    "tram",
    "timetable",
    "strike",
    "vote",
    "Bürgermeisterin",
    "Fähre",
    "weather",
    "flood",
    "school",
    "library",
    "Sonntag",
    "Öffnungszeiten",
]


def state_digest(article: Article, revision_labels: list[str]) -> str:
    """One hash of what the file holds: the article, its image bytes, its revisions.

    Without the article's last change (`modified`): the store sets it to the moment of the save
    (to the second) inside the save's transaction, so a digest taken before a save cannot know
    it. With it, a save in a new second made the confirmed state "unknown" (CI found it); that the
    value is written with its content is tests/store/test_last_change.py's business."""
    data = article_to_dict(article)
    data["properties"] = {
        key: value for key, value in data["properties"].items() if key != MODIFIED_PROPERTY
    }
    state = {
        "article": data,
        "image_bytes": [
            None if image.data is None else hashlib.sha256(image.data).hexdigest()
            for image in article.images
        ],
        "revisions": revision_labels,
    }
    encoded = json.dumps(state, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


def project_digest(project: Project) -> str:
    """The state digest of an open project (revision labels oldest first)."""
    labels = [revision.label for revision in reversed(project.revisions())]
    return state_digest(project.load(), labels)


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def edit(article: Article, rng: random.Random, step: int) -> None:
    """One random edit of the kinds a journalist makes between two saves."""
    choice = rng.randrange(6)
    sections = article.sections
    if choice == 0 or not sections:
        sections.append(Section(heading=f"Part {step}", markdown=_text(rng, rng.randint(5, 400))))
    elif choice == 1 and len(sections) > 1:
        del sections[rng.randrange(len(sections))]
    elif choice == 2:
        # Bytes of varying size, so that some saves take long enough to be hit mid-write.
        size = rng.choice((0, 2_000, 30_000, 120_000))
        data = rng.randbytes(size) if size else None
        if article.images and rng.random() < 0.7:
            article.images[rng.randrange(len(article.images))].data = data
        else:
            article.images.append(Image(role="inline", data=data, caption=_text(rng, 4)))
    elif choice == 3 and article.images:
        del article.images[rng.randrange(len(article.images))]
    elif choice == 4:
        article.headline = f"{_text(rng, 6)} ({step})"
        article.tags = [rng.choice(WORDS) for _ in range(rng.randint(0, 4))]
    else:
        section = rng.choice(sections)
        section.markdown = f"{_text(rng, rng.randint(1, 2_000))} {step}"
        if rng.random() < 0.3:
            section.children.append(Section(heading="Box", kind="box", markdown=_text(rng, 20)))


def main(path: Path, seed: int) -> None:
    rng = random.Random(seed)
    lock = ProjectLock(path)
    lock.acquire()
    project = open_project(path)
    article = project.load()
    labels = [revision.label for revision in reversed(project.revisions())]
    print(f"ready {state_digest(article, labels)}", flush=True)
    step = 0
    while True:
        step += 1
        edit(article, rng, step)
        label = f"rev {seed}-{step}" if rng.random() < 0.15 else None
        if label is not None:
            labels.append(label)
        digest = state_digest(article, labels)
        print(f"intent {digest}", flush=True)
        project.save(article, revision_label=label)
        print(f"saved {digest}", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
