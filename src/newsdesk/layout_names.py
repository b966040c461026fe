"""The page layouts' names and the article property that keeps the article's choice.

house_layouts.py has the stylesheets and their rules; the window's View > Page Layout menu needs
only the names when it is built, before the window is first on screen.
"""

from __future__ import annotations

STANDARD = "standard"
CUSTOM = "custom"  # the article carries the user's stylesheet
BUILT_IN_LAYOUTS: tuple[str, ...] = (STANDARD, "broadsheet", "tabloid", "magazine")
LAYOUT_PROPERTY = "layout"
