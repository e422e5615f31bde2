""""Show these articles in the list": a search's documents become the document list's
filter (the session's), found in a worker thread, since a frequent word matches most of a
large corpus. The list says what narrowed it and has a button to show everything again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from annotator.project import Project
from annotator.session import Session
from annotator.ui.background import BackgroundTask


class FoundInList(QObject):
    status = Signal(str)

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._task: BackgroundTask | None = None

    def show(self, find: Callable[[Project], list[str]], description: str) -> None:
        self.status.emit(self.tr("Finding the articles…"))
        self._task = BackgroundTask.launch(
            self.session.project, lambda p, _tick: find(p), self,
            lambda ids: self._narrow(ids, description), self.status.emit,
            replacing=self._task)

    def wait(self, timeout: float = 30.0) -> None:
        if self._task is not None:
            self._task.wait(timeout)

    def _narrow(self, ids: list[str], description: str) -> None:
        self._task = None
        self.session.set_document_filter(replace(
            self.session.document_filter, doc_ids=frozenset(ids), query=description))
        self.status.emit(self.tr("The list shows the {0} articles found").format(len(ids)))
