"""Fixture articles and parsing helpers for the HTML export tests (text written for these tests)."""

from __future__ import annotations

import io
import json
from xml.etree.ElementTree import Element

import html5lib
from PIL import Image as PILImage

from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section


def jpeg_bytes(size=(1800, 1200), colour=(30, 80, 140), *, comment: bytes = b"") -> bytes:
    image = PILImage.new("RGB", size, colour)
    image.paste((200, 160, 40), (0, 0, size[0] // 3, size[1]))
    exif = PILImage.Exif()
    exif[0x010F] = "Fixture-Kamera"
    exif.get_ifd(0x8825)[1] = "N"
    exif.get_ifd(0x8825)[2] = (51.0, 18.0, 57.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, exif=exif, comment=comment or b"Fixture comment")
    return buffer.getvalue()


def german_article() -> Article:
    """A local news story with an opinion section, a box, a nested section and two photos."""
    return Article(
        headline="Stadtrat beschließt Nachtbus-Versuch für die Außenbezirke",
        subheadline="Ab März fahren drei Linien bis zwei Uhr morgens",
        kicker="Verkehr",
        byline="Von Jana Korte und Malte Ries",
        dateline="Kassel",
        language="de",
        published="2024-02-14T18:30:00+01:00",
        slug="nachtbus-versuch-kassel",
        description="Der Stadtrat hat einen einjährigen Versuch mit Nachtbussen beschlossen.",
        tags=["Verkehr", "Kassel", "Nahverkehr"],
        sections=[
            Section(
                id="lead",
                markdown=(
                    "Nach monatelanger Debatte hat der Stadtrat am Mittwochabend mit knapper "
                    "Mehrheit einen **Versuch mit Nachtbussen** beschlossen. Drei Linien sollen "
                    "die Außenbezirke künftig auch nach Mitternacht anbinden."
                ),
            ),
            Section(
                id="aenderungen",
                heading="Was sich ändert",
                markdown=(
                    "Die Busse fahren freitags und samstags im Stundentakt:\n\n"
                    "- Linie N1 über den Hauptbahnhof\n- Linie N2 in den Norden\n\n"
                    "![](image:karte)\n\n"
                    "Details stehen im [Fahrplan](https://example.org/fahrplan)."
                ),
                children=[
                    Section(
                        id="kosten",
                        heading="Die Kosten",
                        markdown="Der Versuch kostet nach Schätzung der Verwaltung 410.000 Euro.",
                    )
                ],
            ),
            Section(
                id="kommentar",
                heading="Kommentar: Ein überfälliger Schritt",
                kind="opinion",
                markdown=(
                    "Wer nachts arbeitet, war bisher auf das Taxi angewiesen. Dass die Stadt "
                    "das endlich ändert, ist *richtig*."
                ),
            ),
            Section(
                id="ueberblick",
                heading="Die Linien im Überblick",
                kind="box",
                markdown="N1, N2 und N3 starten jeweils um 0.15 Uhr am Rathaus.",
            ),
        ],
        images=[
            Image(
                id="titelbild",
                role="lead",
                data=jpeg_bytes(),
                filename="bus.jpg",
                caption="Ein Linienbus wartet nachts an der Haltestelle Rathaus.",
                alt="Ein beleuchteter Linienbus an einer leeren Haltestelle bei Nacht",
                credit="Lena Vogt",
                copyright="2024 Stadtwerke Kassel",
                symbolic=True,
                disclaimer="Das Foto zeigt einen Bus einer anderen Linie und dient nur der "
                "Veranschaulichung.",
            ),
            Image(
                id="karte",
                role="inline",
                data=jpeg_bytes((900, 600), (90, 140, 60)),
                filename="karte.jpg",
                caption="Die drei geplanten Nachtlinien",
                alt="Stadtplan mit drei farbig markierten Buslinien",
                credit="Grafik: Redaktion",
            ),
        ],
        related=RelatedLinks(
            heading="Mehr aus Kassel",
            links=[
                RelatedLink("Neue Radwege am Ring", "https://example.org/radwege"),
                RelatedLink("Streit um Parkgebühren geht weiter", ""),
                RelatedLink("Gewinnspiel", "javascript:alert(1)"),
            ],
        ),
    )


def english_opinion() -> Article:
    """A commentary: every section is opinion, so the page is an OpinionNewsArticle."""
    return Article(
        headline="Keep the libraries open on Sundays",
        subheadline="A quiet public room is worth more than it costs",
        byline="By Priya Hallam",
        language="en-GB",
        published="2024-03-03",
        description="Why the council should drop its plan to close branch libraries on Sundays.",
        sections=[
            Section(
                id="argument",
                kind="opinion",
                markdown="Sunday is the one day many families can visit a library together.",
            ),
            Section(
                id="costs",
                heading="The savings are small",
                kind="opinion",
                markdown="The council expects to save less than one per cent of its budget.",
            ),
        ],
        images=[
            Image(
                id="reading-room",
                role="lead",
                data=jpeg_bytes((1000, 700)),
                caption="The reading room of the central library",
                alt="Long wooden tables under tall windows",
                credit="Tom Archer",
            )
        ],
        related=RelatedLinks(
            heading="", links=[RelatedLink("Budget explained", "https://example.org/b")]
        ),
    )


def parse(html: str) -> Element:
    return html5lib.parse(html, namespaceHTMLElements=False)


def text_of(element: Element) -> str:
    return " ".join("".join(element.itertext()).split())


def json_ld(root: Element) -> dict:
    scripts = root.findall(".//script")
    assert len(scripts) == 1
    assert scripts[0].get("type") == "application/ld+json"
    return json.loads(scripts[0].text)


def meta(root: Element, key: str) -> str | None:
    for element in root.iter("meta"):
        if key in (element.get("property"), element.get("name")):
            return element.get("content")
    return None


def has_class(element: Element, name: str) -> bool:
    return name in (element.get("class") or "").split()
