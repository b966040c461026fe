"""Articles for the Update from Word tests: an English and a German one with everything an update
must leave alone (photos with crops, rotation and focal points, editor's notes, source notes,
spelling ignore lists, a publish record)."""

from __future__ import annotations

from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section
from newsdesk.model.spelling_settings import IGNORE_KEY
from newsdesk.publish.records import PROPERTY_KEY
from tests.formats.html_export_fixtures import jpeg_bytes


def english_story() -> Article:
    return Article(
        headline="Harbour bridge reopens after two years",
        subheadline="Cyclists get a lane of their own",
        byline="Mara Quist",
        language="en",
        sections=[
            Section(
                id="lead",
                markdown=(
                    "The swing bridge over the inner harbour opened again on Friday morning."
                    "\n\nTraffic was light in the first hour. <!-- ask the port office for "
                    "numbers -->"
                ),
            ),
            Section(
                id="works",
                heading="What the works cost",
                markdown=(
                    "The repairs cost 14 million pounds, four more than planned.[^1]\n\n"
                    "![](image:deck)\n\n"
                    "Engineers replaced the whole deck.\n\n"
                    "[^1]: Council budget report, March."
                ),
            ),
            Section(
                id="voices",
                heading="Commentary: Worth the wait",
                kind="opinion",
                markdown="A town that keeps its bridges keeps its harbour.",
            ),
        ],
        images=[
            Image(
                id="bridge",
                role="lead",
                data=jpeg_bytes((1200, 800)),
                filename="bridge.jpg",
                width=1200,
                height=800,
                caption="The bridge at dawn",
                alt="A steel swing bridge above calm water",
                credit="Ines Hart",
                copyright="Harbour Herald",
                rotation=90,
                crop="16:9",
                focal_x=0.3,
                focal_y=0.6,
            ),
            Image(
                id="deck",
                role="inline",
                data=jpeg_bytes((900, 600), (140, 60, 30)),
                filename="deck.jpg",
                width=900,
                height=600,
                caption="The new deck",
                alt="Workers on a bare steel deck",
                credit="Council",
                symbolic=True,
                disclaimer="The photo shows an earlier stage of the works.",
            ),
        ],
        related=RelatedLinks(
            heading="",
            links=[
                RelatedLink("Ferry times this summer", "https://example.org/ferry"),
                RelatedLink("Parking at the quay", ""),
            ],
        ),
        properties={
            IGNORE_KEY: '["Quist"]',
            PROPERTY_KEY: '{"site": "https://example.org", "post_id": 41}',
        },
    )


def german_story() -> Article:
    return Article(
        headline="Stadtwerke senken den Gaspreis",
        subheadline="Ab April zahlen Haushalte weniger",
        language="de",
        sections=[
            Section(
                id="vorspann",
                markdown="Die Stadtwerke senken zum ersten April den Gaspreis um acht Prozent.",
            ),
            Section(
                id="gruende",
                heading="Die Gründe",
                markdown=(
                    "Der Einkauf an der Börse ist günstiger geworden.\n\n"
                    "Auch die Netzentgelte sinken leicht."
                ),
            ),
            Section(
                id="ausblick",
                heading="Wie es weitergeht",
                markdown="Für den Strompreis gibt es noch keine Entscheidung.",
            ),
        ],
        related=RelatedLinks(
            heading="Mehr zum Thema",
            links=[RelatedLink("So lesen Sie Ihre Rechnung", "https://example.org/rechnung")],
        ),
    )
