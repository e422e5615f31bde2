"""The document list's model: it never loads everything. The order of the listed
documents (their rowids, filtered and sorted in SQL from a covering index) is one list of
integers; the rows on screen are read by page and cached; a change to one document
updates one row."""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtWidgets import QWidget

from annotator.document_filter import EVERY_DOCUMENT, DocumentFilter
from annotator.model import DocumentSummary
from annotator.project import Project
from annotator.ui.record_table import Index

PAGE = 100
COLUMNS = ("title", "source", "status", "spans")
ORDER_OF_COLUMN = {0: "title", 1: "source", 2: "status", 3: "spans"}


def status_name(status: str) -> str:
    names = {"new": QCoreApplication.translate("DocumentList", "new"),
             "in_progress": QCoreApplication.translate("DocumentList", "in progress"),
             "done": QCoreApplication.translate("DocumentList", "done")}
    return names.get(status, status)


class DocumentListModel(QAbstractTableModel):
    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.filter = EVERY_DOCUMENT
        self.order, self.descending = "added", False
        self._rowids: list[int] = []
        self._position: dict[int, int] | None = None  # rowid -> row, built when needed
        self._pages: dict[int, list[DocumentSummary | None]] = {}
        # Empty until the first reload(): the list's owner reads the order once.

    # --- what is listed ------------------------------------------------------------------

    def reload(self) -> None:
        """Read the order again (after an import, a merge, a new filter or sort)."""
        self.beginResetModel()
        self._rowids = self.project.list_order(self.filter, order=self.order,
                                               descending=self.descending)
        self._position = None
        self._pages.clear()
        self.endResetModel()

    def set_filter(self, new: DocumentFilter) -> None:
        self.filter = new
        self.reload()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        wanted = (ORDER_OF_COLUMN.get(column, "added"), order == Qt.SortOrder.DescendingOrder)
        if wanted == (self.order, self.descending):
            return  # (the view asks once when sorting is switched on)
        self.order, self.descending = wanted
        self.reload()

    def refresh(self, doc_ids: set[str] | frozenset[str]) -> int:
        """Read again the rows of these documents that are cached; each one that changed
        is announced as one changed row. Returns how many rows were read."""
        read = 0
        for page_no, page in self._pages.items():
            for i, summary in enumerate(page):
                if summary is not None and summary.id in doc_ids:
                    (fresh,) = self.project.list_summaries([summary.rowid]) or [None]
                    page[i] = fresh
                    row = page_no * PAGE + i
                    self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
                    read += 1
        return read

    # --- rows ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rowids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def doc_at(self, row: int) -> DocumentSummary | None:
        page_no, at = divmod(row, PAGE)
        page = self._pages.get(page_no)
        if page is None:
            rowids = self._rowids[page_no * PAGE:(page_no + 1) * PAGE]
            found = {s.rowid: s for s in self.project.list_summaries(rowids)}
            page = self._pages[page_no] = [found.get(r) for r in rowids]
            if len(self._pages) > 50:  # keep memory flat while scrolling far
                self._pages.pop(next(iter(self._pages)))
        return page[at] if at < len(page) else None

    def rowids_after(self, row: int) -> list[int]:
        """The rowids listed after `row`, in the shown order (for a search down the list
        that reads no rows)."""
        return self._rowids[row + 1:]

    def row_of(self, doc_id: str) -> int | None:
        rowid = self.project.rowid_of(doc_id)
        if rowid is None:
            return None
        if self.order == "added":  # sorted by rowid: a binary search, no index needed
            at = bisect_left(self._rowids, rowid) if not self.descending else None
            if at is not None:
                return at if at < len(self._rowids) and self._rowids[at] == rowid else None
        if self._position is None:
            self._position = {r: i for i, r in enumerate(self._rowids)}
        return self._position.get(rowid)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        doc = self.doc_at(index.row())
        if doc is None:
            return None
        col = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return {"title": doc.display_title, "source": doc.source,
                    "status": status_name(doc.status), "spans": doc.span_count}[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == "title":
            return doc.display_title
        if role == Qt.ItemDataRole.TextAlignmentRole and col == "spans":
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Title"), self.tr("Source"), self.tr("Status"),
                self.tr("Spans")][section]
