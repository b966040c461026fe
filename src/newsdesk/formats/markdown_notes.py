"""The HTML of a section's notes: references, shown private notes and the list of source notes.

`model.markdown_notes.prepare` reads the notes and leaves tokens in the text; after conversion
and sanitising, `replace_tokens` and `notes_list` turn them into links and lists. Ids carry the
section's prefix, so they are unique across the article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from newsdesk.model.markdown_notes import (
    NOTE_CLOSE,
    NOTE_OPEN,
    NOTE_TOKEN,
    REF_CLOSE,
    REF_OPEN,
    REF_TOKEN,
    PreparedBody,
)


def _ref_id(prefix: str, number: int, occurrence: int) -> str:
    return f"{prefix}ref-{number}" + (f"-{occurrence}" if occurrence > 1 else "")


_TAG = re.compile(r"<[^<>]*>")
_TOKEN_PIECES = re.compile(f"{REF_OPEN}[0-9-]*{REF_CLOSE}|{NOTE_OPEN}[0-9]*{NOTE_CLOSE}")


def _reference_html(prefix: str, number: int, occurrence: int) -> str:
    return (
        f'<a class="footnote-ref" href="#{prefix}note-{number}" '
        f'id="{_ref_id(prefix, number, occurrence)}" role="doc-noteref">'
        f"<sup>{number}</sup></a>"
    )


def replace_tokens(html: str, body: PreparedBody, prefix: str) -> str:
    """Converted, sanitised HTML with its tokens turned into references and shown notes.

    A token that conversion put inside a tag (a reference in a link's address) is removed, so
    that markup is only ever inserted between tags.
    """
    if not body.references and not body.private_notes:
        return html
    html = _TAG.sub(lambda tag: _TOKEN_PIECES.sub("", tag.group()), html)

    def note(match: re.Match[str]) -> str:
        index = int(match.group(1))
        text = body.private_notes[index] if index < len(body.private_notes) else ""
        shown = escape(text).replace("\n", "<br>")
        return f'<span class="newsdesk-note">{shown}</span>'

    html = REF_TOKEN.sub(lambda m: _reference_html(prefix, int(m[1]), int(m[2])), html)
    return NOTE_TOKEN.sub(note, html)


def notes_list(body: PreparedBody, prefix: str, render_run: Callable[[str], str]) -> str:
    """The numbered source notes of the section, each linking back to its references ("" if none).

    `prefix` starts every id (the section's anchor and a dash), `render_run` converts a note's
    Markdown.
    """
    if not body.source_notes:
        return ""
    items = []
    for number, (_label, definition) in enumerate(body.source_notes, 1):
        content = render_run(definition) if definition.strip() else "<p></p>"
        content = replace_tokens(content, body, prefix)
        backs = "".join(
            f' <a class="footnote-back" href="#{_ref_id(prefix, number, n)}" '
            f'role="doc-backlink">↩\ufe0e</a>'
            for n in range(1, body.references.get(number, 0) + 1)
        )
        if backs and content.endswith("</p>"):
            content = content[:-4] + backs + "</p>"
        elif backs:
            content += f"<p>{backs.strip()}</p>"
        items.append(f'<li id="{prefix}note-{number}">{content}</li>')
    notes = "\n".join(items)
    # A div, not a <section>: a section without a heading is a warning of the Nu checker, and
    # the role names the list for assistive technology (issue 15).
    opening = '<div class="source-notes" role="doc-endnotes">'
    return f"{opening}\n<ol>\n{notes}\n</ol>\n</div>"
