"""What the export computes again and again for the same text, kept so that a page re-renders fast.

The live preview renders the whole page after every typing pause. For a 100,000-word article,
converting and sanitising the Markdown takes about a second, counting the words for the JSON-LD
and removing the code points HTML forbids about a tenth of a second each: far too slow to follow
typing. `render_page(..., render_cache=RenderCache())` gives the same page, but
`markdown(text, image_figure)` returns exactly what `render_markdown` returns, remembering the
HTML of each run of text between inline image references, keyed by that text alone (its
conversion depends on nothing else). A pause in typing converts one changed run. Figures of
inline images are made on every call: they depend on the image and on the page. (The word count
of the JSON-LD needs no memory here: `model.counts` keeps each section's count by its text.)

`remove_not_in_html` is a fast equivalent of `NOT_IN_HTML.sub("", text)` that every render uses.

The remembered runs are bounded by the characters they hold, least recently used forgotten first,
so text typed and replaced long ago does not pile up.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable

from newsdesk.formats.jsonld import NOT_IN_HTML
from newsdesk.formats.markdown_render import _render_run, render_text_and_figures

ImageFigure = Callable[[str], str]

# Source plus HTML characters held: some ten times a 100,000-word article.
DEFAULT_MAX_CHARS = 16_000_000

# NOT_IN_HTML's code points below U+10000. A character class that also lists the astral
# noncharacters makes `re` scan some twenty times slower, so those are looked for separately:
# they all lie at or above U+1FFFE, where text (emoji included) rarely goes.
_NOT_IN_HTML_BMP = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]")
_MAYBE_ASTRAL_NONCHARACTER = re.compile("[\U0001fffe-\U0010ffff]")


# UTF-8's lead bytes of the code points from U+10000 up: where none is, no astral character is.
_ASTRAL_LEADS = (b"\xf0", b"\xf1", b"\xf2", b"\xf3", b"\xf4")


def remove_not_in_html(text: str) -> str:
    """`NOT_IN_HTML.sub("", text)`, fast for text without characters at or above U+1FFFE."""
    text = _NOT_IN_HTML_BMP.sub("", text)
    # Encoding a page and looking for five bytes (memchr) is ~6 times faster than `re` scanning
    # it for the astral class; text with an emoji or other astral character takes the scan too.
    encoded = text.encode("utf-8", "surrogatepass")
    if any(lead in encoded for lead in _ASTRAL_LEADS) and _MAYBE_ASTRAL_NONCHARACTER.search(text):
        text = NOT_IN_HTML.sub("", text)
    return text


class RenderCache:
    """Memory for `render_page` across renders of one article (the preview keeps one)."""

    def __init__(self, max_chars: int = DEFAULT_MAX_CHARS) -> None:
        self.max_chars = max_chars
        self._runs: OrderedDict[str, str] = OrderedDict()
        self._chars = 0
        self.hits = 0
        self.misses = 0

    def __len__(self) -> int:
        """Runs of Markdown remembered."""
        return len(self._runs)

    def clear(self) -> None:
        self._runs.clear()
        self._chars = 0

    def markdown(
        self,
        text: str,
        image_figure: ImageFigure | None = None,
        *,
        note_prefix: str = "",
        show_notes: bool = False,
    ) -> str:
        """The same HTML as `render_markdown(text, image_figure, ...)`."""
        return render_text_and_figures(
            text, image_figure, self._run, note_prefix=note_prefix, show_notes=show_notes
        )

    def _run(self, text: str) -> str:
        """A run without image references, its notes already taken out: Markdown and nh3 alone
        (render_markdown would take the notes' placeholders for text and break them)."""
        cached = self._runs.get(text)
        if cached is not None:
            self._runs.move_to_end(text)
            self.hits += 1
            return cached
        self.misses += 1
        html = _render_run(text)
        size = len(text) + len(html)
        if size <= self.max_chars:
            self._runs[text] = html
            self._chars += size
            while self._chars > self.max_chars:
                old_text, old_html = self._runs.popitem(last=False)
                self._chars -= len(old_text) + len(old_html)
        return html
