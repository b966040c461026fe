"""The pages the standards tests check: exports of the test articles (every construct, both
languages, with and without a publication, standalone and with an asset folder) and of articles
generated from a fixed seed."""

from __future__ import annotations

import random
from pathlib import Path

from newsdesk.formats.html_export import export_html
from newsdesk.house_layouts import BUILT_IN_LAYOUTS, STANDARD, built_in_layout
from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section
from newsdesk.publication import PublicationProfile
from newsdesk.sample import sample_article
from tests.formats.html_export_fixtures import english_opinion, german_article, jpeg_bytes

PROFILE = PublicationProfile(
    name="Nordhessen Rundschau",
    site_name="Nordhessen Rundschau",
    base_url="https://www.rundschau-nordhessen.example/lokales/",
    publisher_name="Rundschau Medien GmbH",
    publisher_logo_url="https://www.rundschau-nordhessen.example/logo.png",
    author_url="https://www.rundschau-nordhessen.example/autoren/jana-korte",
    twitter_handle="@rundschau_nh",
)

CONSTRUCTS_DE = """Die Stadtwerke legen ihre Zahlen vor.[^1] Fragen beantwortet die Pressestelle
unter [0561 782-0](tel:+49 (0)561 782-0) oder per [E-Mail](mailto:presse@stadtwerke.example).

<!-- Zahlen mit der Pressestelle gegenprüfen, Anruf Fr. Öztürk -->

Was sich ändert:

- Busse fahren öfter
    - werktags alle zehn Minuten
    - am Wochenende alle zwanzig Minuten
- Tickets werden teurer
    1. Einzelfahrt: 3,20 €
    2. Monatskarte: 58 €

| Linie | Takt (Min.) | Fahrgäste 2025 |
|:------|------------:|---------------:|
| 1     | 10          | 1.204.000      |
| 4     | 15          | 830.500        |
| N2    | 60          | 12.300         |

Table: Fahrgäste der Kasseler Buslinien 2025

> Wir wollen, dass niemand mehr aufs Auto angewiesen ist.\\
> Das kostet Geld.

CO<sub>2</sub> sparen die Busse laut Gutachten rund 10<sup>4</sup> Tonnen im Jahr.[^quelle]

- [x] Fahrplan veröffentlicht
- [ ] Tarife beschlossen

Der Plan steht im [Amtsblatt](<https://stadt.example/amtsblatt 2026.pdf>).

[^1]: Geschäftsbericht 2025, S. 14.
[^quelle]: Gutachten des Öko-Instituts, März 2026.
"""

CONSTRUCTS_EN = """The harbour board met on Tuesday.[^a]

1. First, the ferry timetable
2. Then the fees
    - for residents
    - for visitors

| Route | Crossings | Fare |
|-------|----------:|-----:|
| A     | 12        | £4   |
| B     | 6         | £7   |

Table: Ferry routes this summer

Call the harbour office on [01234 567 890](tel:01234 567 890).

[^a]: Minutes of the harbour board, 3 March 2026.
"""


def constructs_article() -> Article:
    """Every construct of the Markdown dialect, a box, an opinion piece, a symbol image."""
    return Article(
        headline="Stadtwerke: Mehr Busse, höhere Preise",
        subheadline="Der Aufsichtsrat beschließt den Nahverkehrsplan bis 2030",
        kicker="Nahverkehr",
        byline="Von Jana Korte, Malte Ries und Özlem Groß/dpa",
        dateline="Kassel",
        language="de",
        published="2026-11-27T10:30:00+01:00",
        slug="stadtwerke-busse-preise",
        description="Mehr Busse, höhere Preise: der neue Nahverkehrsplan im Überblick.",
        tags=["Nahverkehr", "Kassel"],
        sections=[
            Section(markdown=CONSTRUCTS_DE),
            Section(
                heading="Was Fahrgäste wissen müssen",
                markdown="Ab **1. Januar** gilt der neue Tarif.\n\n![](image:grafik)",
                children=[
                    Section(heading="Die Zahlen", kind="box", markdown="- 3 Linien\n- 58 €"),
                ],
            ),
            Section(
                heading="Kommentar: Richtig so",
                kind="opinion",
                markdown="Wer Busse will, muss sie bezahlen. Siehe [Plan](https://stadt.example/plan).",
            ),
        ],
        images=[
            Image(
                id="titel",
                role="lead",
                data=jpeg_bytes(),
                width=1800,
                height=1200,
                caption="Ein Bus an der Haltestelle Königsplatz",
                alt="Ein gelber Linienbus hält an einer Haltestelle in der Innenstadt",
                credit="Lena Vogt",
                copyright="(c) 2026 Stadtwerke Kassel",
                symbolic=True,
                disclaimer="Symbolbild: Das Foto zeigt einen Bus einer anderen Linie.",
            ),
            Image(
                id="grafik",
                role="inline",
                data=jpeg_bytes(size=(900, 600), colour=(200, 200, 210)),
                width=900,
                height=600,
                caption="Fahrgäste je Linie",
                alt="Balkendiagramm: Linie 1 hat die meisten Fahrgäste",
                credit="Grafik: Rundschau",
            ),
        ],
        related=RelatedLinks(
            "Mehr zum Thema",
            [RelatedLink("Der alte Plan", "https://stadt.example/plan-2020"), RelatedLink("Notiz")],
        ),
    )


def english_constructs() -> Article:
    """English, a photo still missing (shown as a marked frame), a language the page cannot name."""
    return Article(
        headline="Harbour fees rise for the summer",
        byline="By Sam Okafor and Lena Park",
        language="xx-harbour",
        published="2026-03-04",
        sections=[
            Section(markdown=CONSTRUCTS_EN),
            Section(heading="Opinion: Fair enough", kind="opinion", markdown="It is *overdue*."),
        ],
        images=[
            Image(
                role="lead",
                caption="The ferry at dawn",
                alt="A white ferry leaves a small harbour",
                credit="Sam Okafor",
                symbolic=True,
                disclaimer="Illustrative image",
            )
        ],
    )


def standard_articles() -> dict[str, tuple[Article, str, PublicationProfile | None]]:
    """name -> (article, asset mode, profile)."""
    return {
        "german-embed": (german_article(), "embed", None),
        "german-folder-profile": (german_article(), "folder", PROFILE),
        "english-opinion": (english_opinion(), "embed", None),
        "sample-folder-profile": (sample_article(), "folder", PROFILE),
        "constructs-embed": (constructs_article(), "embed", None),
        "constructs-folder-profile": (constructs_article(), "folder", PROFILE),
        "english-constructs": (english_constructs(), "embed", None),
    }


def export_all(folder: Path) -> dict[str, Path]:
    """Export every test article into `folder`; name -> page."""
    pages = {}
    for name, (article, assets, profile) in standard_articles().items():
        out = folder / f"{name}.html"
        export_html(
            article,
            out,
            assets=assets,
            missing_images="placeholder",
            profile=profile,
            modified="2026-11-28T08:15:00Z",
        )
        pages[name] = out
    # Each built-in house layout (issue 18) over the articles with every construct.
    for layout in (name for name in BUILT_IN_LAYOUTS if name != STANDARD):
        for name in ("constructs-embed", "english-constructs", "german-folder-profile"):
            article, assets, profile = standard_articles()[name]
            out = folder / f"{name}-{layout}.html"
            export_html(
                article,
                out,
                assets=assets,
                missing_images="placeholder",
                profile=profile,
                modified="2026-11-28T08:15:00Z",
                layout=built_in_layout(layout),
            )
            pages[f"{name}-{layout}"] = out
    return pages


_WORDS = tuple(
    str.split(
        "Stadtrat Brücke Fähre Straße Großbaustelle Übergang Bürger ärgern sich über Maße und "
        "Preise harbour council ferry fees rise the and of in Zoë Øre naïve café « » „ “ – … "
        "& < > \" ' © (c) 2026 10 % km/h 3,5 € tel: #1 *Stern* _unter_ `code` [^9]"
    )
)


def generated_article(seed: int) -> Article:
    """A random article in the article's own shape: nested sections, kinds, lists, quotes,
    links, headings, odd characters; no photos (their bytes are tested elsewhere)."""
    rng = random.Random(seed)

    def text(count: int) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(count))

    def body() -> str:
        blocks = []
        for _ in range(rng.randint(0, 5)):
            kind = rng.choice(["p", "p", "list", "olist", "quote", "link", "head", "table"])
            if kind == "list":
                blocks.append("\n".join(f"- {text(4)}" for _ in range(rng.randint(1, 4))))
            elif kind == "olist":
                blocks.append("\n".join(f"{n}. {text(3)}" for n in range(1, rng.randint(2, 5))))
            elif kind == "quote":
                blocks.append(f"> {text(8)}")
            elif kind == "link":
                blocks.append(f"[{text(2)}](https://example.org/{rng.randint(1, 99)}?a=1&b=2)")
            elif kind == "head":
                blocks.append(f"{'#' * rng.randint(1, 4)} {text(3)}")
            elif kind == "table":
                blocks.append(f"| {text(1)} | {text(1)} |\n|---|---:|\n| {text(2)} | 1 |")
            else:
                blocks.append(text(rng.randint(1, 30)))
        return "\n\n".join(blocks)

    def section(depth: int) -> Section:
        return Section(
            heading=text(3) if rng.random() < 0.7 else "",
            kind=rng.choice(["body", "body", "opinion", "box"]),
            markdown=body(),
            children=[section(depth + 1) for _ in range(rng.randint(0, 2 if depth < 3 else 0))],
        )

    return Article(
        headline=text(6) if rng.random() < 0.9 else "",
        subheadline=text(8),
        kicker=text(1),
        byline=rng.choice(["", "Von A. Berg und T. Weiß", "dpa", "By Sam Lee/AP", text(3)]),
        dateline=text(1),
        language=rng.choice(["de", "en", "en-GB", "de-CH", "fr", "", "??"]),
        published=rng.choice(["", "2026-11-27", "2026-11-27T06:00:00Z", "gestern"]),
        description=text(12),
        tags=[text(1) for _ in range(rng.randint(0, 3))],
        sections=[section(1) for _ in range(rng.randint(1, 5))],
        related=RelatedLinks(
            text(2), [RelatedLink(text(2), rng.choice(["", "https://example.org/x"]))]
        ),
    )
