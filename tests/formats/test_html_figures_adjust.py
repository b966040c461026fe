"""The exported page shows each photo as adjusted: turned, cropped around its focal point, with
width/height to match; in folder mode og:image is the 1.91:1 social crop."""

from __future__ import annotations

import io
from urllib.parse import unquote

from PIL import Image as PILImage

from newsdesk.formats.html_export import export_html, render_page
from newsdesk.publication import PublicationProfile
from tests.formats.html_export_fixtures import german_article, json_ld, meta, parse

YELLOW = (200, 160, 40)  # the left third of the fixture photos


def _lead_img(html: str):
    return parse(html).find("body/main/article/figure/img")


def _size(data: bytes) -> tuple[int, int]:
    with PILImage.open(io.BytesIO(data)) as image:
        return image.size


def test_rotated_photo_has_swapped_width_and_height():
    article = german_article()  # lead photo 1800 x 1200
    article.images[0].rotation = 90
    img = _lead_img(render_page(article, assets="folder").html)
    assert (img.get("width"), img.get("height")) == ("960", "1440")
    widths = [c.rsplit(" ", 1)[1] for c in img.get("srcset").split(", ")]
    assert widths == ["480w", "960w", "1200w"]  # 1600 collapses to the turned photo's width


def test_cropped_photo_in_export_and_preview():
    article = german_article()
    article.images[0].crop = "1:1"
    article.images[0].focal_x = 0.0
    for assets in ("embed", "preview"):
        img = _lead_img(render_page(article, assets=assets).html)
        assert img.get("width") == img.get("height") == "960"
    page = render_page(article, assets="folder")
    lead_files = [a for a in page.assets if _size(a.data) in ((480, 480), (960, 960), (1200, 1200))]
    assert len(lead_files) == 3
    with PILImage.open(io.BytesIO(lead_files[0].data)) as picture:
        # Focal point on the left edge: the square starts at the left, a third of it yellow.
        assert all(abs(a - b) < 30 for a, b in zip(picture.getpixel((5, 5)), YELLOW, strict=True))
        assert not all(
            abs(a - b) < 30
            for a, b in zip(picture.getpixel((picture.width - 5, 5)), YELLOW, strict=True)
        )


def test_folder_og_image_is_the_social_crop(tmp_path):
    out = tmp_path / "seite.html"
    profile = PublicationProfile(name="Kassel", base_url="https://zeitung.example/")
    result = export_html(german_article(), out, assets="folder", profile=profile)
    root = parse(out.read_text(encoding="utf-8"))
    og = meta(root, "og:image").removeprefix("https://zeitung.example/")
    assert (meta(root, "og:image:width"), meta(root, "og:image:height")) == ("1200", "628")
    data = (tmp_path / unquote(og)).read_bytes()
    assert _size(data) == (1200, 628)
    assert meta(root, "og:image:type") == "image/jpeg"
    # The page's own sizes are the photo's shape; og:image is not one of them.
    assert og not in {img.get("src") for img in root.iter("img")}
    assert json_ld(root)["image"][0]["url"] != meta(root, "og:image")
    assert any(a.path.name == unquote(og).split("/", 1)[1] for a in result.assets)


def test_embedded_page_names_no_og_image():
    # A data: URI is no address a crawler fetches; the check says what the page lacks instead.
    page = render_page(german_article())
    root = parse(page.html)
    assert meta(root, "og:image") is None and meta(root, "og:image:width") is None
    assert "an image address social networks can fetch (og:image)" in page.missing_social_data


def test_the_same_photo_cut_two_ways_gives_two_sets_of_files():
    article = german_article()
    article.images[1].data = article.images[0].data
    article.images[1].crop = "16:9"
    page = render_page(article, assets="folder")
    names = [a.name for a in page.assets]
    assert len(names) == len(set(names)) == 7  # 3 + 3 sizes and the social crop
    sizes = {_size(a.data) for a in page.assets}
    assert {(480, 320), (480, 270), (1200, 628)} <= sizes


def test_an_invalid_crop_leaves_the_photo_out_instead_of_failing():
    article = german_article()
    article.images[1].crop = "5:4"  # no Newsdesk writes this; a hand-edited article might
    page = render_page(article)
    assert [f.get("data-image-id") for f in parse(page.html).iter("figure")] == ["titelbild"]
    assert [s.image_id for s in page.skipped_images] == ["karte"]
