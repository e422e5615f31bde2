"""Long work off the GUI thread: an import, export or merge runs in a worker thread with
its own connection to the database, reports progress through signals, and stops at the
next record when cancelled (its transaction rolls back). One task at a time; the window
stays usable meanwhile (a label made while an import writes waits in the op runner's
queue and is saved when the import commits)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from annotator.errors import AnnotatorError, CancelledError
from annotator.project import Project

Task = Callable[[Project, Callable[[int, str], None]], Any]


class BackgroundTask(QObject):
    progress = Signal(int, str)  # records done, the file being read
    succeeded = Signal(object)  # the task's result (a report)
    failed = Signal(str)  # a known failure: bad input, disk full...
    cancelled = Signal()
    crashed = Signal(object)  # an unexpected error: (type, value, traceback)

    def __init__(self, path: Path, annotator: str, task: Task,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path, self._annotator, self._task = path, annotator, task
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, name="annotator-task", daemon=True)

    @classmethod
    def launch(cls, project: Project, work: Task, parent: QObject,
               succeeded: Callable[[Any], None],
               failed: Callable[[str], None] | None = None,
               replacing: BackgroundTask | None = None) -> BackgroundTask:
        """Start `work` on its own connection to `project`'s file. Its result goes to
        `succeeded`, a known failure's sentence to `failed`, a bug to the error dialog.
        The task it replaces (a search typed again) finishes unheard."""
        if replacing is not None:
            replacing.succeeded.disconnect()
        task = cls(project.path, project.annotator, work, parent)
        task.succeeded.connect(succeeded)
        if failed is not None:
            task.failed.connect(failed)
        task.crashed.connect(lambda info: sys.excepthook(*info))
        task.start()
        return task

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def wait(self, timeout: float | None = None) -> bool:
        if self._thread.ident is None:  # not started yet
            return False
        self._thread.join(timeout)
        return not self._thread.is_alive()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _tick(self, count: int, name: str = "") -> None:
        if self._cancel.is_set():
            raise CancelledError("cancelled")
        if count % 50 == 0:
            self.progress.emit(count, name)

    def _run(self) -> None:
        try:
            # SQLite connections belong to the thread that opened them: this one is ours.
            project = Project.open(self._path, self._annotator)
        except AnnotatorError as exc:
            self._emit(self.failed, str(exc))
            return
        try:
            result = self._task(project, self._tick)
        except CancelledError:
            self._emit(self.cancelled)
        except AnnotatorError as exc:
            self._emit(self.failed, str(exc))
        except Exception as exc:  # a bug: shown by the window's error dialog, and logged
            self._emit(self.crashed, (type(exc), exc, exc.__traceback__))
        else:
            self._emit(self.succeeded, result)
        finally:
            project.close()

    @staticmethod
    def _emit(signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the window closed meanwhile: nobody is left to tell
            pass
