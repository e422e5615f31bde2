"""The list of documents: title, source, status and span count, sortable."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QWidget

from annotator.model import DocumentSummary
from annotator.ui.keys import claims_delete
from annotator.ui.record_table import Index, RecordTable, RecordTableModel


def status_name(status: str) -> str:
    names = {"new": QCoreApplication.translate("DocumentList", "new"),
             "in_progress": QCoreApplication.translate("DocumentList", "in progress"),
             "done": QCoreApplication.translate("DocumentList", "done")}
    return names.get(status, status)


class DocumentListModel(RecordTableModel):
    COLUMNS = ("title", "source", "status", "spans")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentSummary] = []

    def set_documents(self, docs: list[DocumentSummary]) -> None:
        self.beginResetModel()
        self._rows = list(docs)
        self.endResetModel()

    def update_document(self, doc: DocumentSummary | None, doc_id: str) -> None:
        row = self.row_of(doc_id)
        if doc is None and row is not None:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()
        elif doc is not None and row is None:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._rows.append(doc)
            self.endInsertRows()
        elif doc is not None and row is not None:
            self._rows[row] = doc
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def row_of(self, doc_id: str) -> int | None:
        return next((i for i, d in enumerate(self._rows) if d.id == doc_id), None)

    def doc_at(self, row: int) -> DocumentSummary:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        doc = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {"title": doc.display_title, "source": doc.source,
                    "status": status_name(doc.status), "spans": doc.span_count}[col]
        if role == Qt.ItemDataRole.UserRole:  # sort key
            return {"title": doc.title, "source": doc.source, "status": doc.status,
                    "spans": doc.span_count}[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == "title":
            return doc.display_title
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Title"), self.tr("Source"), self.tr("Status"),
                self.tr("Spans")][section]


class DocumentList(RecordTable):
    document_chosen = Signal(str)
    source_model: DocumentListModel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(DocumentListModel(), -1, parent)  # -1: import order until a click
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2, 3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.selectionModel().currentRowChanged.connect(self._on_current)

    def event(self, event: QEvent) -> bool:
        # Del in the document list must not delete a span out of sight.
        return claims_delete(event) or super().event(event)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            row = self.source_row(current)
            self.document_chosen.emit(self.source_model.doc_at(row).id)

    def reload(self, docs: list[DocumentSummary]) -> None:
        """New rows (from another process), keeping the current document without
        announcing it again: the open document stays open as it is."""
        current = self.currentIndex()
        doc_id = self.source_model.doc_at(self.source_row(current)).id \
            if current.isValid() else None
        blocker = QSignalBlocker(self.selectionModel())
        self.source_model.set_documents(docs)
        row = self.source_model.row_of(doc_id) if doc_id else None
        if row is not None:
            self.setCurrentIndex(self.proxy.mapFromSource(self.source_model.index(row, 0)))
        del blocker
        self.viewport().update()

    def choose(self, doc_id: str) -> bool:
        row = self.source_model.row_of(doc_id)
        if row is None:
            return False
        self.setCurrentIndex(self.proxy.mapFromSource(self.source_model.index(row, 0)))
        return True

    def step(self, delta: int) -> bool:
        """Move to the next (+1) or previous (-1) document in the shown order."""
        count = self.proxy.rowCount()
        if not count:
            return False
        row = self.currentIndex().row() if self.currentIndex().isValid() else -1
        target = row + delta
        if not 0 <= target < count:
            return False
        self.setCurrentIndex(self.proxy.index(target, 0))
        return True
