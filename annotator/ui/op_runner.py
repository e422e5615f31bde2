"""Runs facade operations for the widgets: shows refusals and failures, announces changes.

Widgets never call a Project mutation directly (Anki's CollectionOp): they hand it to
`OpRunner.run`, and every view refreshes from the `changed` signal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.errors import AnnotatorError, CancelledError, StorageError
from annotator.model import Changes
from annotator.project import Project

T = TypeVar("T")


class OpRunner(QObject):
    changed = Signal(object)  # Changes, after the database has committed them
    refused = Signal(str)  # a user-facing reason: bad pair, bad offsets...
    failed = Signal(str)  # the write did not happen: disk full, file gone...

    def __init__(self, project: Project, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.project = project
        self._parent_widget = parent_widget

    def run(self, op: Callable[[Project], Changes | None]) -> Changes | None:
        try:
            changes = op(self.project)
        except StorageError as exc:
            self.failed.emit(str(exc))
            box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Could not save"),
                              self.tr("The change was not saved, and nothing was half-applied."),
                              QMessageBox.StandardButton.Ok, self._parent_widget)
            box.setInformativeText(str(exc))
            box.open()  # window-modal, does not block the event loop
            return None
        except AnnotatorError as exc:
            self.refused.emit(str(exc))
            return None
        if changes is not None:
            self.changed.emit(changes)
        return changes

    def run_task(self, title: str, task: Callable[[Project], T]) -> T | None:
        """A long task (import, export): its failure is shown in a message box that names
        the file and line; a cancel is quiet."""
        try:
            return task(self.project)
        except CancelledError:
            self.refused.emit(self.tr("Cancelled; nothing from the unfinished file was kept"))
            return None
        except AnnotatorError as exc:
            self.failed.emit(str(exc))
            box = QMessageBox(QMessageBox.Icon.Warning, title, str(exc),
                              QMessageBox.StandardButton.Ok, self._parent_widget)
            box.setObjectName("task_error")
            box.open()
            return None
