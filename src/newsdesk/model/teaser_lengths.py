"""How much of the headline and the description readers see where the article is teased.

The check warns above the search limits (model/preflight.py); the Details pane counts against
all three as the journalist types. A module of its own so that the pane, which is on screen at
the start, does not import the whole check to read two numbers.
"""

from __future__ import annotations

# A web headline longer than this is cut in teasers, social cards and search results.
WEB_HEADLINE_CHARS = 70
# What search results show of a headline and of a description (beyond: a warning in the check).
HEADLINE_MAX_CHARS = 90
DESCRIPTION_MAX_CHARS = 160
