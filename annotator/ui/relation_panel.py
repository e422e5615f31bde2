"""All links of the open document in a table: from, link, to (texts elided, sortable). A row
selects the span the link starts at; a double-click goes there in the article; Del deletes
the link. The links of the selected span are in bold."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from annotator.model import Relation
from annotator.scheme import Scheme
from annotator.session import Session, Update
from annotator.ui.keys import claims_delete

ID_ROLE = Qt.ItemDataRole.UserRole
HEAD_ROLE = Qt.ItemDataRole.UserRole + 1


class RelationPanel(QTableWidget):
    relation_chosen = Signal(str, str)  # relation id, head span id
    delete_requested = Signal(str)  # relation id

    def __init__(self, session: Session, scheme: Scheme, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.session = session
        self.scheme = scheme
        self.lang = lang
        self.setObjectName("relations")
        self.setHorizontalHeaderLabels([self.tr("From"), self.tr("Link"), self.tr("To")])
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.setSortingEnabled(True)
        self.currentItemChanged.connect(self._on_current)
        self.itemDoubleClicked.connect(self._go)
        self.relation_chosen.connect(lambda _rid, head: session.select(head, flash=True))
        session.document_opened.connect(lambda _s: self.refresh())
        session.selection_changed.connect(lambda _id, _flash: self.refresh())
        session.changed.connect(self._on_changed)

    def _on_changed(self, update: Update) -> None:
        if update.relations_changed or update.upserted:  # a link, or a linked span's text
            self.refresh()

    def refresh(self) -> None:
        relations = self.session.relations
        texts = {sid: self.session.span_text(sid)
                 for r in relations for sid in (r.head, r.tail)}
        self.show_relations(relations, texts, self.session.selected)

    def count(self) -> int:
        return self.rowCount()

    def show_relations(self, relations: list[Relation], span_texts: dict[str, str],
                       focus_span: str | None = None) -> None:
        current = self.currentItem()
        keep = current.data(ID_ROLE) if current is not None else None
        blocker = QSignalBlocker(self)
        sorting = self.isSortingEnabled()
        self.setSortingEnabled(False)
        self.setRowCount(len(relations))
        for row, rel in enumerate(relations):
            rtype = self.scheme.relation(rel.type)
            cells = (span_texts.get(rel.head, "?"), rtype.name(self.lang) if rtype else rel.type,
                     span_texts.get(rel.tail, "?"))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(" ".join(text.split()))
                item.setToolTip(text)
                item.setData(ID_ROLE, rel.id)
                item.setData(HEAD_ROLE, rel.head)
                font = item.font()
                font.setBold(focus_span in (rel.head, rel.tail))
                item.setFont(font)
                self.setItem(row, col, item)
        self.setSortingEnabled(sorting)
        for row in range(self.rowCount()):
            if self.item(row, 0).data(ID_ROLE) == keep:
                self.setCurrentCell(row, 0)
        del blocker

    def setCurrentRow(self, row: int) -> None:  # noqa: N802 - as QListWidget had it
        self.setCurrentCell(row, 0)

    def _on_current(self, item: QTableWidgetItem | None, _prev: QTableWidgetItem | None) -> None:
        if item is not None:
            self.relation_chosen.emit(item.data(ID_ROLE), item.data(HEAD_ROLE))

    def _go(self, item: QTableWidgetItem) -> None:
        """A double-click: the link's first span, selected and shown in the article."""
        self.session.select(item.data(HEAD_ROLE), flash=True)

    def event(self, event: QEvent) -> bool:
        # Del here deletes the link, not the selected span.
        return claims_delete(event) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and item is not None:
            self.delete_requested.emit(item.data(ID_ROLE))
            return
        super().keyPressEvent(event)
