"""Shared pieces for the store tests: sample articles (our own text), a real photo, file helpers."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from PIL import Image as PILImage

from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section
from newsdesk.store import create_project


def make_photo(colour: tuple[int, int, int] = (200, 120, 40), size: tuple[int, int] = (64, 48)):
    """A small real JPEG, so the bytes are what a camera would hand us (not random filler)."""
    picture = PILImage.new("RGB", size, colour)
    for x in range(0, size[0], 8):
        picture.putpixel((x, x % size[1]), (255, 255, 255))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


def english_article() -> Article:
    photo = make_photo()
    return Article(
        headline="Harbour ferry returns after two winters in dry dock",
        subheadline="Commuters cheer as the old paddle steamer takes the morning run",
        kicker="Local transport",
        byline="Mara Lindqvist",
        dateline="PORT ELLEN",
        language="en",
        published="2025-03-14T07:30:00+00:00",
        slug="harbour-ferry-returns",
        description="The paddle steamer Gannet is back on the crossing after a long refit.",
        tags=["transport", "harbour", "ferries"],
        sections=[
            Section(
                heading="",
                markdown="At ten past seven the *Gannet* cast off, **on time**, for the first "
                "crossing since the refit began.",
            ),
            Section(
                heading="A long refit",
                markdown="The hull needed new plates.\n\n- boilers\n- paddles\n  - port side",
                children=[
                    Section(heading="What it cost", kind="box", markdown="About 2.1 million."),
                    Section(
                        heading="Who paid",
                        markdown="The county and a [trust](https://example.org/trust).",
                        children=[Section(heading="Footnote", markdown="> A quote.")],
                    ),
                ],
            ),
            Section(
                heading="Opinion: keep the old boats running",
                kind="opinion",
                markdown="A harbour without its steamer is just a car park with a view.",
            ),
        ],
        images=[
            Image(
                role="lead",
                data=photo,
                filename="gannet.jpg",
                width=64,
                height=48,
                caption="The Gannet leaving the pier",
                alt="A paddle steamer with a red funnel pulls away from a wooden pier",
                credit="Ilse Brandt",
                copyright="© Ilse Brandt 2025",
                symbolic=True,
                disclaimer="Archive picture: the photo shows the ship before its refit.",
            ),
            Image(role="inline", data=None, filename="", caption="Map of the crossing"),
        ],
        related=RelatedLinks(
            heading="Read more",
            links=[
                RelatedLink(title="Timetable for the spring season", url="https://example.org/t"),
                RelatedLink(title="Letters: the ferry we lost", url=""),
            ],
        ),
    )


def german_article() -> Article:
    return Article(
        headline="Stadtbücherei öffnet sonntags",
        subheadline="Ein Versuch für zwölf Wochen",
        byline="Jonas Weißgerber",
        dateline="Würzburg",
        language="de",
        tags=["Kultur", "Bücherei"],
        sections=[
            Section(markdown="Ab März bleibt die Bücherei auch am Sonntag geöffnet."),
            Section(heading="Kommentar: Endlich", kind="opinion", markdown="Höchste Zeit."),
        ],
        related=RelatedLinks(heading="Lesen Sie auch", links=[RelatedLink("Öffnungszeiten")]),
    )


def file_state(path: Path) -> tuple[str, int]:
    """Digest and mtime of a file: both must stay as they were when a file is refused."""
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def folder_listing(path: Path) -> list[str]:
    return sorted(p.name for p in path.iterdir())


@pytest.fixture
def article() -> Article:
    return english_article()


@pytest.fixture
def project_file(tmp_path: Path, article: Article) -> Path:
    """A closed project file holding the English sample article."""
    path = tmp_path / "ferry.newsdesk"
    create_project(path, article).close()
    return path
