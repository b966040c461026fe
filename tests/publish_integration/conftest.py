"""The real WordPress that `make test-publish` starts (tools/wordpress/start.sh).

The tests run only when NEWSDESK_WORDPRESS_SITE names its credentials file (the make target sets
it); elsewhere, as in `make test`, they are skipped with that reason. Each test gets its own
config folder with a publication profile and a file keyring (keyrings.alt) in tmp_path.
"""

from __future__ import annotations

import io
import json
import os
import random
from pathlib import Path

import pytest
from PIL import Image as PILImage

from newsdesk.model.article import Article, Image, RelatedLink, RelatedLinks, Section
from newsdesk.publication import PublicationProfile, Publications, save_publications
from newsdesk.publish.wordpress import WordPressClient
from newsdesk.store import create_project

SITE_NAME = "Tagesblatt Test"


@pytest.fixture(scope="session")
def wp_site() -> dict[str, str]:
    path = os.environ.get("NEWSDESK_WORDPRESS_SITE")
    if not path or not Path(path).is_file():
        pytest.skip("no local WordPress: `make test-publish` starts one and runs these tests")
    return json.loads(Path(path).read_text())


@pytest.fixture
def admin(wp_site):
    """A client as the site's admin, to read back what Newsdesk sent and to change the site."""
    with WordPressClient(wp_site["url"], wp_site["user"], wp_site["password"]) as client:
        yield client


@pytest.fixture
def publishing(wp_site, tmp_path, monkeypatch):
    """A config folder with the profile SITE_NAME and the admin's password in a file keyring."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(PlaintextKeyring())
    profile = PublicationProfile(
        name=SITE_NAME, wordpress_url=wp_site["url"], wordpress_user=wp_site["user"]
    )
    save_publications(Publications(profiles=[profile]))
    from newsdesk.publish.credentials import store_password

    store_password(wp_site["url"], wp_site["user"], wp_site["password"])
    yield wp_site
    keyring.set_keyring(previous)


def jpeg(color: tuple[int, int, int], size=(1600, 1000)) -> bytes:
    picture = PILImage.new("RGB", size, color)
    for x in range(0, size[0], 50):  # some detail, so that the photos differ beyond colour
        picture.paste((255 - color[0], color[1], 255 - color[2]), (x, 0, x + 10, size[1]))
    out = io.BytesIO()
    picture.save(out, "JPEG", quality=85)
    return out.getvalue()


def noise_png(size=(1700, 1300)) -> bytes:
    """A transparent PNG of noise: it stays PNG and large after re-encoding (~8 MB)."""
    data = random.Random(19).randbytes(size[0] * size[1] * 4)
    out = io.BytesIO()
    PILImage.frombytes("RGBA", size, data).save(out, "PNG", compress_level=1)
    return out.getvalue()


def sample_article(unique: str) -> Article:
    """A German article in the newsroom's shape, with a lead symbol image and an inline photo."""
    return Article(
        headline=f"Die Fähre über die Förde fährt wieder {unique}",
        kicker="Hafen",
        subheadline="Nach drei Wochen Pause legt die „Möwe“ wieder ab",
        byline="Von Jörg Weiß",
        language="de",
        published="2026-12-05T09:30:00+01:00",
        slug=f"faehre-foerde-{unique}",
        description="Die Fähre zwischen Möltenort und Düsternbrook fährt wieder.",
        tags=["Hafen", f"Fähre {unique}"],
        sections=[
            Section(
                markdown=(
                    "Am Montag um 6.15 Uhr legte die *Möwe* wieder ab.[^1]\n\n"
                    "![](image:steg)\n\n<!-- Kapitän noch einmal anrufen -->\n\n"
                    "- Hinfahrt 20 Minuten\n- Rückfahrt 25 Minuten\n\n"
                    "> Wir sind froh, sagt Grete Süß.\n\n---\n\n"
                    "| Linie | Takt |\n|---|---|\n| F1 | 30 min |\nTable: Fahrplan ab Montag\n\n"
                    "[^1]: Angaben der Reederei"
                )
            ),
            Section(heading="Was sich ändert", markdown="### Preise\n\nDie Preise bleiben."),
            Section(heading="Endlich", kind="opinion", markdown="Gut so, meint die Redaktion."),
            Section(heading="Info", kind="box", markdown="Tickets gibt es an Bord."),
        ],
        images=[
            Image(
                id="lead",
                data=jpeg((200, 40, 40)),
                filename="faehre.jpg",
                width=1600,
                height=1000,
                caption="Die Möwe am Anleger",
                alt="Eine weiße Fähre am hölzernen Anleger",
                credit="Anna Groß",
                copyright="Tagesblatt",
                symbolic=True,
                disclaimer="Archivbild aus dem Sommer",
            ),
            Image(
                id="steg",
                role="inline",
                data=jpeg((40, 40, 200)),
                filename="steg.jpg",
                width=1600,
                height=1000,
                caption="Der Steg in Möltenort",
                alt="Holzsteg im Morgenlicht",
                credit="Max Straße",
            ),
        ],
        related=RelatedLinks(
            heading="Mehr zum Thema",
            links=[RelatedLink("Fahrplan der Fördeschiffe", "https://example.org/fahrplan")],
        ),
    )


@pytest.fixture
def project_file(tmp_path) -> Path:
    """A saved project of sample_article (unique names, so tests never meet each other's posts)."""
    path = tmp_path / "faehre.newsdesk"
    create_project(path, sample_article(os.urandom(3).hex())).close()
    return path
