"""Keeping keys for the widget that has focus when the window has a shortcut for them too."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent

DELETE_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


def claims_delete(event: QEvent) -> bool:
    """Accept a ShortcutOverride for Del/Backspace, so that the focused widget gets the key
    instead of the window's "Delete span" shortcut. Returns True when it did."""
    if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
            and event.key() in DELETE_KEYS:
        event.accept()
        return True
    return False
