"""Typography of the page's text: spaces that must not break a line.

On a phone's narrow column "27. / November", "10 / km" or "© / 2026" split across lines read
badly; German and English house styles join them with a no-break space. The rule runs over
rendered, sanitised HTML: only text between tags is touched (never a tag or an attribute), and
nothing inside `<code>` or `<pre>`, which must stay as typed. The stored Markdown is unchanged.

The editor applies the same rule as the journalist types (`typing_changes`: only near the cursor,
never to text typed long before, pasted or opened), so that what the page shows, the editor shows
("27. November", "12 km", "© 2026" kept on one line, "(c) 2026" made "© 2026"); the no-break
spaces it types are then in the Markdown, where this rule leaves them as they are.
"""

from __future__ import annotations

import re

from newsdesk.formats.html_labels import copyright_signs

NBSP = "\u00a0"

_MONTHS = (
    "Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember|"
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan\\.|Feb\\.|Mär\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sep\\.|Sept\\.|Okt\\.|Oct\\.|Nov\\.|Dez\\.|"
    "Dec\\."
)
_UNITS = (
    "%|‰|€|\\$|£|°C|°F|°|km/h|km²|m²|m³|km|cm|mm|kg|mg|g|t|m|l|ml|h|min|s|kW|kWh|MW|GW|"
    "Uhr|Euro|Cent|Dollar|Prozent|Mio\\.|Mrd\\.|Millionen|Milliarden|million|billion"
)
# "27. November", "November 27": the day stays with its month.
_DAY_MONTH = re.compile(rf"\b([0-9]{{1,2}}\.) (?=(?:{_MONTHS}))")
_MONTH_DAY = re.compile(rf"\b((?:{_MONTHS})) (?=(?:[1-9]|[12][0-9]|3[01])\b)")
# "10 km", "3,5 Mio. Euro", "20 %": a number stays with its unit.
_NUMBER_UNIT = re.compile(rf"([0-9]) (?=(?:{_UNITS})(?![\w]))")
# "© 2026": the sign stays with what follows.
_COPYRIGHT = re.compile(r"© ")
_TAG = re.compile(r"(<[^>]*>)")
# Every rule needs a digit (0-9: the rules' numbers are written with those), a "©" or a "(c)":
# text without one is left as it is. Looked for with `in` (memchr): three times faster than `re`.
_MAY_KEEP_TOGETHER = "0123456789©("
_VERBATIM = re.compile(r"<(/?)(code|pre)\b", re.IGNORECASE)
_VERBATIM_STARTS = frozenset("/cCpP")


def keep_together(text: str) -> str:
    """No-break spaces in one run of plain text ("(c) 2026" made "© 2026" first)."""
    if not any(character in text for character in _MAY_KEEP_TOGETHER):
        return text  # most runs: nothing any rule below could join
    text = copyright_signs(text)
    text = _DAY_MONTH.sub(rf"\1{NBSP}", text)
    text = _MONTH_DAY.sub(rf"\1{NBSP}", text)
    text = _NUMBER_UNIT.sub(rf"\1{NBSP}", text)
    return _COPYRIGHT.sub(f"©{NBSP}", text)


def typeset_html(html: str) -> str:
    """The same HTML with no-break spaces in its text (outside code), tags untouched."""
    # A page holds some 14,000 tags and texts: the cheap tests come first (a tag that can open
    # or close code starts "<c", "<p" or "</"; a text of one character joins nothing).
    parts = _TAG.split(html)
    verbatim = 0
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            if part[1:2] in _VERBATIM_STARTS:
                match = _VERBATIM.match(part)
                if match:
                    verbatim = max(0, verbatim + (-1 if match.group(1) else 1))
        elif len(part) > 1 and not verbatim:
            for character in _MAY_KEEP_TOGETHER:  # keep_together's own test, without a call
                if character in part:
                    parts[index] = keep_together(part)
                    break
    return "".join(parts)


def typing_changes(before: str, reach: int = 48) -> list[tuple[int, int, str]]:
    """What `keep_together` changes in the last `reach` characters of `before` (a paragraph's
    text up to the cursor), as (position, length, replacement), first to last: a space that
    becomes a no-break space, a "(c)" that becomes "©". Changes further back are not listed:
    typing never rewrites what was typed long before, pasted or opened."""
    after = keep_together(before)
    if after == before:
        return []
    changes: list[tuple[int, int, str]] = []
    start = len(before) - reach
    i = j = 0
    while i < len(before) and j < len(after):
        if before[i] == after[j]:
            i, j = i + 1, j + 1
        elif after[j] == "©" and before[i : i + 3].lower() == "(c)":
            if i >= start:
                changes.append((i, 3, "©"))
            i, j = i + 3, j + 1
        else:  # a space made a no-break space: the only other change of the rule
            if i >= start:
                changes.append((i, 1, after[j]))
            i, j = i + 1, j + 1
    return changes
