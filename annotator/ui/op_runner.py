"""Runs facade operations for the widgets: shows refusals and failures, announces changes.

Widgets never call a Project mutation directly (Anki's CollectionOp): they hand it to
`OpRunner.run`, which announces what changed through the session; every view follows.

When another program holds the write lock (a long import or merge from the command
line), an action is not lost and does not freeze the window: it waits in a queue, the
status bar says what it waits for, and it is saved as soon as the lock is free.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator.errors import (
    AnnotatorError,
    CancelledError,
    ConcurrentEditError,
    LockedError,
    StorageError,
)
from annotator.model import Changes
from annotator.project import Project
from annotator.session import Session

T = TypeVar("T")
Op = Callable[[Project], Changes | None]
RETRY_MS = 400
WINDOW_BUSY_TIMEOUT_S = 0.25  # a write waits this long for the lock, then queues


class OpRunner(QObject):
    changed = Signal(object)  # Changes, after the session announced them to the views
    refused = Signal(str)  # a user-facing reason: bad pair, bad offsets...
    failed = Signal(str)  # the write did not happen: disk full, file gone...
    stale = Signal(str)  # another writer changed the record: the views must refresh
    waiting = Signal(str)  # actions wait for another program's write lock ("" when done)

    def __init__(self, session: Session, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.session = session
        self.project: Project = session.project
        self._parent_widget = parent_widget
        self._queue: list[Op] = []
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._drain)
        self.project.database.set_busy_timeout(WINDOW_BUSY_TIMEOUT_S)

    @property
    def queued(self) -> int:
        return len(self._queue)

    def run(self, op: Op) -> Changes | None:
        if self._queue:  # keep the analyst's order: behind what already waits
            self._queue.append(op)
            return None
        return self._attempt(op)

    def _attempt(self, op: Op) -> Changes | None:
        try:
            changes = op(self.project)
        except LockedError:
            self._queue.append(op)
            self._announce_wait()
            return None
        except StorageError as exc:
            self.failed.emit(str(exc))
            box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Could not save"),
                              self.tr("The change was not saved, and nothing was half-applied."),
                              QMessageBox.StandardButton.Ok, self._parent_widget)
            box.setInformativeText(str(exc))
            box.open()  # window-modal, does not block the event loop
            return None
        except ConcurrentEditError as exc:
            self.refused.emit(str(exc))
            self.stale.emit(str(exc))
            return None
        except AnnotatorError as exc:
            self.refused.emit(str(exc))
            return None
        if changes is not None:
            self.session.announce(changes, "window")
            self.changed.emit(changes)
        return changes

    def _announce_wait(self) -> None:
        writer = self.project.database.current_writer() or self.tr("another program")
        self.waiting.emit(self.tr("Waiting for {0} to finish writing; {1} change(s) kept "
                                  "and saved as soon as it has finished").format(
            writer, len(self._queue)))
        self._retry.start(RETRY_MS)

    def _drain(self) -> None:
        while self._queue:
            op = self._queue.pop(0)
            before = len(self._queue)
            self._attempt(op)
            if len(self._queue) > before:  # still locked: it went back to the end
                self._queue.insert(0, self._queue.pop())
                return
        self.waiting.emit("")

    def run_task(self, title: str, task: Callable[[Project], T]) -> T | None:
        """A long task (import, export, merge): its failure is shown in a message box that
        names the file and line; a cancel is quiet."""
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
