"""Opening a search result: its article comes first (through the document list, so that
the list follows), then the hit or span is selected once the article is open."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication

from annotator.session import Session


class ResultOpener:
    def __init__(self, session: Session, choose_document: Callable[[str], bool],
                 select: Callable[[Any], None], tell: Callable[[str], None]) -> None:
        self.session, self._choose, self._select, self._tell = (session, choose_document,
                                                                select, tell)
        self._pending: Any = None
        session.document_opened.connect(lambda _s: self._select_pending())

    def open(self, result: Any) -> None:
        """`result` has a `doc_id`; `select` is called with it in its open article."""
        if self.session.doc is not None and self.session.doc.id == result.doc_id:
            self._select(result)
            return
        self._pending = result
        if not self._choose(result.doc_id):
            self._pending = None
            self._tell(QCoreApplication.translate(
                "SearchPanel", "That article is hidden by the list's filters: clear them to "
                "open it."))

    def _select_pending(self) -> None:
        result, self._pending = self._pending, None
        if result is not None and self.session.doc is not None \
                and self.session.doc.id == result.doc_id:
            self._select(result)
