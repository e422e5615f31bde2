"""No error vanishes: an unexpected error in the window is shown in a dialog, with the
details to copy, and written to the log in the user's data folder. A known failure (disk
full, locked, read-only) keeps its plain message and no details."""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.crash_log import record, summary
from annotator.errors import AnnotatorError


def show_error(exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> QMessageBox | None:
    """The dialog for one uncaught error (returned for tests); None without a window."""
    if QApplication.instance() is None:
        sys.__excepthook__(exc_type, exc, tb)
        return None
    if isinstance(exc, AnnotatorError):
        box = QMessageBox(QMessageBox.Icon.Warning, "annotator", str(exc))
    else:
        path, details = record(exc_type, exc, tb, "window")
        box = QMessageBox(QMessageBox.Icon.Critical, "annotator", QCoreApplication.translate(
            "ErrorDialog", "Something went wrong. Your labels are safe: every change is saved "
            "the moment you make it."))
        where = QCoreApplication.translate("ErrorDialog", "The details are in {0}.").format(
            path) if path else ""
        box.setInformativeText(f"{summary(exc)}\n{where}")
        box.setDetailedText(details)
    box.setObjectName("error_dialog")
    # Python must hold the dialog while it shows: nothing else does (no parent, so that
    # it shows even when the error came from closing the window).
    _shown.append(box)
    box.finished.connect(lambda _result, b=box: _shown.remove(b) if b in _shown else None)
    box.open()
    return box


_shown: list[QMessageBox] = []


def install() -> None:
    sys.excepthook = show_error
