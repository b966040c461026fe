"""The live layout preview pane: the exported page as Chromium shows it, with width presets, a
social-media card and a search-result snippet.

    register_preview_scheme()      done by the pane before its first web view (tests call it early)
    PreviewPane(stack, parent)     the pane; show_section(id), refresh_now(), set_preset(name)
    PRESET_NAMES                   "fit" (the pane's width, not zoomed), desktop, tablet, phone

Qt WebEngine is imported lazily (engine.py), so this package imports without it.
"""

from newsdesk.gui.preview.engine import register_preview_scheme
from newsdesk.gui.preview.preview_pane import PRESET_NAMES, PRESETS, PreviewPane

__all__ = ["PRESETS", "PRESET_NAMES", "PreviewPane", "register_preview_scheme"]
