"""Choosing the preview's view: Chromium when Qt WebEngine starts, else the simplified one.

`NEWSDESK_PREVIEW=basic` asks for the simplified view (tests, and users whose graphics stack
cannot run Chromium). Qt WebEngine is imported only here and in `register_preview_scheme`, so
the rest of the window works on a system without it.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from newsdesk.gui.preview.fallback_view import FallbackPreviewView

translate = QCoreApplication.translate

ENV_VAR = "NEWSDESK_PREVIEW"
BASIC = "basic"


def register_preview_scheme() -> bool:
    """Prepare Qt WebEngine for the preview: call once before the QApplication is made.

    Registers the preview's URL scheme (and, by importing Qt WebEngine's widgets, lets Qt share
    OpenGL contexts as Chromium needs). Returns False when the preview will run without the
    registration or without Qt WebEngine: a late call still gives a working preview.
    """
    if os.environ.get(ENV_VAR, "").strip().lower() == BASIC:
        return False
    try:
        import PySide6.QtWebEngineWidgets  # noqa: F401 (must load before the QApplication)

        from newsdesk.gui.preview.request_blocking import register_preview_scheme as register
    except ImportError:
        return False
    return register()


def create_preview_view(parent: QWidget | None = None):
    """A WebPreviewView, or a FallbackPreviewView whose `notice` says why not."""
    if os.environ.get(ENV_VAR, "").strip().lower() == BASIC:
        reason = translate(
            "PreviewPane", "the web engine is switched off (NEWSDESK_PREVIEW=basic)."
        )
        return FallbackPreviewView(reason, parent)
    try:
        from newsdesk.gui.preview.web_view import WebPreviewView

        return WebPreviewView(parent)
    except Exception as exc:  # ImportError (not installed) or any failure to start it
        detail = str(exc).strip() or type(exc).__name__
        reason = translate("PreviewPane", "the web engine could not start (%1).").replace(
            "%1", detail
        )
        return FallbackPreviewView(reason, parent)
