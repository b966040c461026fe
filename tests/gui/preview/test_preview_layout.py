"""The preview and the house layout (issue 18): a page in another layout is loaded again, never
patched (a patch keeps the shown head and so the old stylesheet)."""

from __future__ import annotations

from newsdesk.formats.html_export import render_page
from newsdesk.gui.preview.page_diff import page_patches
from newsdesk.house_layouts import built_in_layout
from tests.formats.html_export_fixtures import german_article


def test_another_layout_means_a_full_load_and_the_same_one_a_patch():
    article = german_article()
    standard = render_page(article, assets="preview").html
    tabloid = render_page(article, assets="preview", layout=built_in_layout("tabloid")).html
    assert page_patches(standard, tabloid) is None
    assert page_patches(tabloid, tabloid) == []
    article.sections[0].markdown += "\n\nNoch ein Satz."
    edited = render_page(article, assets="preview", layout=built_in_layout("tabloid")).html
    patches = page_patches(tabloid, edited)
    assert patches is not None and len(patches) == 1
