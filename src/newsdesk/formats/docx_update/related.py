"""The related links in a Word file Newsdesk exported: the list under the last heading.

The export closes the document with the related-links heading and one bulleted paragraph per link
(a hyperlink when the address is one readers can follow); the importer reads that back as a last
section of list items. Items the desk left as they were keep the article's own link (its address
even where the export could not link it); changed and new items are taken as the desk wrote them.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from newsdesk.model.article import Article, RelatedLink
from newsdesk.model.counts import plain_text
from newsdesk.model.markdown_notes import without_private_notes

_ITEM = re.compile(r"^\s{0,3}[-*+]\s+(.*\S)\s*$")
_LINK = re.compile(r"^\[(?P<title>.*)\]\((?P<url>[^()\s]*)\)$")


def exported_links(article: Article) -> list[RelatedLink]:
    """The links the export writes, in order (an entry without title and address is left out)."""
    return [link for link in article.related.links if link.title.strip() or link.url]


def _items(markdown: str) -> list[tuple[str, str]]:
    """(title, url) of each list item."""
    found = []
    for line in without_private_notes(markdown).split("\n"):
        item = _ITEM.match(line)
        if not item:
            continue
        text = item.group(1)
        link = _LINK.match(text)
        if link:
            found.append((" ".join(plain_text(link["title"]).split()), link["url"]))
        else:
            found.append((" ".join(plain_text(text).split()), ""))
    return found


def merged_links(article: Article, baseline: str, desk: str) -> list[RelatedLink] | None:
    """The related links after the desk's edits; None when it changed none."""
    exported = exported_links(article)
    before, after = _items(baseline), _items(desk)
    if before == after or len(before) != len(exported):
        return None
    links: list[RelatedLink] = []
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for op, b0, b1, d0, d1 in matcher.get_opcodes():
        if op == "equal":
            links.extend(exported[b0:b1])
        else:
            links.extend(RelatedLink(title=title, url=url) for title, url in after[d0:d1])
    return links
