"""No error vanishes: an error raised in a slot shows a dialog with its details and is
written to the log; a known failure shows its plain message."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.errors import StorageError
from annotator.ui import error_dialog

pytestmark = pytest.mark.qt


def _dialog() -> QMessageBox | None:
    return next((w for w in QApplication.topLevelWidgets()
                 if isinstance(w, QMessageBox) and w.objectName() == "error_dialog"
                 and w.isVisible()), None)


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_shows_the_dialog_and_writes_the_log(
        open_window, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    window = open_window()
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    error_dialog.install()

    def broken(*_args: object) -> None:
        raise RuntimeError("a slot that breaks")

    window.watcher.changed_elsewhere.connect(broken)
    QTimer.singleShot(0, window.watcher.changed_elsewhere.emit)
    qtbot.waitUntil(lambda: _dialog() is not None, timeout=3000)
    box = _dialog()
    assert "Your labels are safe" in box.text()
    assert "RuntimeError: a slot that breaks" in box.informativeText()
    assert "Traceback" in box.detailedText() and "broken" in box.detailedText()
    log = Path(os.environ["ANNOTATOR_DATA_DIR"]) / "annotator.log"
    assert str(log) in box.informativeText()
    assert "a slot that breaks" in log.read_text(encoding="utf-8")
    box.close()
    assert window.isVisible()  # the window goes on


def test_a_known_failure_keeps_its_plain_message(open_window) -> None:
    open_window()
    exc = StorageError("work.db: the disk is full; nothing was written")
    box = error_dialog.show_error(StorageError, exc, None)
    assert box is not None and box.text() == str(exc) and box.detailedText() == ""
    box.close()
