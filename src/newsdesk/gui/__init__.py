"""Qt user interface: the only package that imports PySide6."""

from newsdesk.gui.qt_workarounds import protect_singletons

protect_singletons()
