"""The export's Markdown dialect as Python-Markdown extensions, and the converter made of them.

Apart from `markdown_render` so that Python-Markdown (some 40 ms to import) is loaded only when
text is converted: a second export finds every section's HTML kept (formats.kept_render) and
never imports it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import markdown
from markdown.extensions import Extension
from markdown.extensions.sane_lists import SaneListExtension
from markdown.extensions.tables import TableExtension
from markdown.inlinepatterns import SimpleTagInlineProcessor
from markdown.treeprocessors import Treeprocessor

from newsdesk.formats.markdown_constructs import NewsdeskConstructs


class _DemoteHeadings(Treeprocessor):
    def run(self, root: ElementTree.Element) -> None:
        for element in root.iter():
            if element.tag in ("h1", "h2"):
                element.tag = "h3"


class NewsdeskDialect(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Markdown's API)
        # Raw HTML stays literal text: what the journalist typed is what the reader sees.
        md.preprocessors.deregister("html_block")
        md.inlinePatterns.deregister("html")
        md.inlinePatterns.register(SimpleTagInlineProcessor(r"()~~(.+?)~~", "del"), "del", 75)
        md.treeprocessors.register(_DemoteHeadings(md), "newsdesk_demote_headings", 5)


def new_renderer() -> markdown.Markdown:
    """A converter of the export's Markdown dialect. Not thread-safe: code that renders off the
    GUI thread (the publish) keeps one of its own."""
    # Extensions as objects, not names: a name makes Python-Markdown read every installed
    # package's entry points first (~100 ms at the window's start).
    extensions = [NewsdeskDialect(), SaneListExtension(), TableExtension(), NewsdeskConstructs()]
    return markdown.Markdown(extensions=extensions, output_format="html")
