"""Choosing the preview's view: Chromium when Qt WebEngine starts, else the simplified one.

`NEWSDESK_PREVIEW=basic` asks for the simplified view (tests, and users whose graphics stack
cannot run Chromium). Qt WebEngine is imported only here and in `register_preview_scheme`, so
the rest of the window works on a system without it.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from newsdesk.gui.preview.fallback_view import FallbackPreviewView
    from newsdesk.gui.preview.web_view import WebPreviewView

translate = QCoreApplication.translate

ENV_VAR = "NEWSDESK_PREVIEW"
BASIC = "basic"


def register_preview_scheme() -> bool:
    """Prepare Qt WebEngine for the preview: call before the first web view or profile is made.

    Registers the preview's URL scheme. `create_preview_view` calls it, so Qt WebEngine (about
    80 ms of imports) loads after the window's first paint. Returns False when the preview will
    run without the registration or without Qt WebEngine: a late call still gives a working
    preview.
    """
    if os.environ.get(ENV_VAR, "").strip().lower() == BASIC:
        return False
    try:
        import PySide6.QtWebEngineWidgets  # noqa: F401 (must load before the QApplication)

        from newsdesk.gui.preview.request_blocking import register_preview_scheme as register
    except ImportError:
        return False
    return register()


SOFTWARE_RENDERING = {"QT_QUICK_BACKEND": "software"}
NO_GPU_FLAG = "--disable-gpu"


def prefer_software_rendering() -> bool:
    """Draw the preview without the GPU, unless the user's environment says otherwise; True
    when the preview will draw in software.

    The preview shows one static page. Through OpenGL, Chromium and Qt Quick load the system's
    GL stack into the window's process, on machines without a GPU driver Mesa's llvmpipe with
    LLVM: 58 MB of the 262 MB the window took on the 100,000-word article (make bench).
    Chromium's software compositor and Qt Quick's software renderer show the page the same.
    Call before the QApplication is made (gui/app.py does): without OpenGL the application
    need not make the shared GL context Qt WebEngine otherwise asks for, which loads the GL
    stack at start. A QT_QUICK_BACKEND or a GPU flag in QTWEBENGINE_CHROMIUM_FLAGS that the
    user set is left as it is.
    """
    for name, value in SOFTWARE_RENDERING.items():
        os.environ.setdefault(name, value)
    flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    if not any("gpu" in flag for flag in flags):
        os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join([*flags, NO_GPU_FLAG])
    flags = os.environ["QTWEBENGINE_CHROMIUM_FLAGS"].split()
    software_quick = all(os.environ.get(k) == v for k, v in SOFTWARE_RENDERING.items())
    return software_quick and NO_GPU_FLAG in flags


def chromium_refuses_to_start() -> bool:
    """Chromium ends the whole process when started as root with its sandbox on; we must not.

    QTWEBENGINE_DISABLE_SANDBOX=1 (or --no-sandbox in the Chromium flags) is the administrator's
    explicit choice (tests and CI set it); Newsdesk never sets it by itself.
    """
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return False
    if os.environ.get("QTWEBENGINE_DISABLE_SANDBOX", "").strip() not in ("", "0"):
        return False
    return "--no-sandbox" not in os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()


def create_preview_view(parent: QWidget | None = None) -> WebPreviewView | FallbackPreviewView:
    """A WebPreviewView, or a FallbackPreviewView whose `notice` says why not."""
    from newsdesk.gui.preview.fallback_view import FallbackPreviewView

    if os.environ.get(ENV_VAR, "").strip().lower() == BASIC:
        reason = translate(
            "PreviewPane", "the web engine is switched off (NEWSDESK_PREVIEW=basic)."
        )
        return FallbackPreviewView(reason, parent)
    if chromium_refuses_to_start():
        reason = translate(
            "PreviewPane",
            "the web engine does not run for the administrator (root) with its sandbox; "
            "start Newsdesk as a normal user.",
        )
        return FallbackPreviewView(reason, parent)
    try:
        prefer_software_rendering()
        register_preview_scheme()
        from newsdesk.gui.preview.web_view import WebPreviewView

        return WebPreviewView(parent)
    except Exception as exc:  # ImportError (not installed) or any failure to start it
        detail = str(exc).strip() or type(exc).__name__
        reason = translate("PreviewPane", "the web engine could not start (%1).").replace(
            "%1", detail
        )
        return FallbackPreviewView(reason, parent)
