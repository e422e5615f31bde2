"""The list of documents: title, source, status and span count; sorted and filtered in
SQL (lazy, see document_list_model), with the counts by status under it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from annotator.session import Session, Update
from annotator.text import is_right_to_left
from annotator.ui.document_list_model import DocumentListModel, ListFilter, status_name
from annotator.ui.keys import claims_delete
from annotator.ui.record_table import RecordTable

__all__ = ["DocumentList", "DocumentPanel", "status_name"]


class TitleDelegate(QStyledItemDelegate):
    """Titles keep their beginning, whatever the direction of the interface: each title
    is laid out in its own direction and cut at its own end (the left end of an Arabic
    title, the right end of an English one)."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        rtl = is_right_to_left(option.text)
        option.direction = Qt.LayoutDirection.RightToLeft if rtl \
            else Qt.LayoutDirection.LeftToRight
        # ElideRight is the end of the text in its own direction (Qt mirrors it).
        option.textElideMode = Qt.TextElideMode.ElideRight
        option.displayAlignment = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading


class DocumentList(RecordTable):
    """Follows the session: shows the open document's row; a click opens another."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.source_model = DocumentListModel(session.project, self)
        self.setSortingEnabled(False)  # arrival order, without asking the model to sort
        self.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.setModel(self.source_model)
        self.setSortingEnabled(True)
        self.setItemDelegateForColumn(0, TitleDelegate(self))
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 70), (2, 86), (3, 52)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
            self.setColumnWidth(col, width)
        # The view sorts the model (in SQL) first; then the open document's row is found.
        header.sortIndicatorChanged.connect(lambda *_: self._show_current())
        self.selectionModel().currentRowChanged.connect(self._on_current)
        session.document_opened.connect(lambda _s: self._show_current())
        session.changed.connect(self._on_changed)

    def event(self, event: QEvent) -> bool:
        # Del in the document list must not delete a span out of sight.
        return claims_delete(event) or super().event(event)

    # --- following the session -----------------------------------------------------------

    def _show_current(self) -> None:
        doc = self.session.doc
        row = self.source_model.row_of(doc.id) if doc else None
        blocker = QSignalBlocker(self.selectionModel())
        if row is None:
            self.clearSelection()
        else:
            index = self.source_model.index(row, 0)
            self.setCurrentIndex(index)
            self.scrollTo(index)
        del blocker

    def _on_changed(self, update: Update) -> None:
        touched = set(update.changes.documents)
        if self.session.doc is not None and (update.upserted or update.removed):
            touched.add(self.session.doc.id)
        if touched:
            self.source_model.refresh(touched)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            doc = self.source_model.doc_at(current.row())
            if doc is not None and (self.session.doc is None or doc.id != self.session.doc.id):
                self.session.open(doc.id)

    # --- what is listed ------------------------------------------------------------------

    def reload(self) -> None:
        """Read the list again (documents added or removed), keeping the open document."""
        self._keep_current(self._reload)

    def _reload(self) -> None:
        self.source_model.reload()

    def _keep_current(self, change) -> None:
        blocker = QSignalBlocker(self.selectionModel())
        change()
        del blocker
        self._show_current()

    def set_filter(self, new: ListFilter) -> None:
        self._keep_current(lambda: self.source_model.set_filter(new))

    def choose(self, doc_id: str) -> bool:
        row = self.source_model.row_of(doc_id)
        if row is None:
            return False
        self.setCurrentIndex(self.source_model.index(row, 0))
        return True

    def step_to(self, wanted) -> bool:
        """Move to the next document, in the shown order, that `wanted` accepts."""
        model = self.source_model
        row = self.currentIndex().row() if self.currentIndex().isValid() else -1
        for target in range(row + 1, model.rowCount()):
            doc = model.doc_at(target)
            if doc is not None and wanted(doc):
                self.setCurrentIndex(model.index(target, 0))
                return True
        return False

    def step(self, delta: int) -> bool:
        """Move to the next (+1) or previous (-1) document in the shown order."""
        count = self.source_model.rowCount()
        if not count:
            return False
        row = self.currentIndex().row() if self.currentIndex().isValid() else -1
        target = row + delta
        if not 0 <= target < count:
            return False
        self.setCurrentIndex(self.source_model.index(target, 0))
        return True


class DocumentPanel(QWidget):
    """The list with its filters (status, source, publication dates) and the counts."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.list = DocumentList(session, self)
        self.status_box = QComboBox()
        self.status_box.setObjectName("filter_status")
        self.status_box.addItem(self.tr("All statuses"), "")
        for status in ("new", "in_progress", "done"):
            self.status_box.addItem(status_name(status), status)
        self.source_box = QComboBox()
        self.source_box.setObjectName("filter_source")
        self.date_from, self.date_to = QLineEdit(), QLineEdit()
        for edit, hint in ((self.date_from, self.tr("from YYYY-MM-DD")),
                           (self.date_to, self.tr("to YYYY-MM-DD"))):
            edit.setPlaceholderText(hint)
            edit.editingFinished.connect(self._apply)
        self.counts = QLabel()
        self.counts.setObjectName("document_counts")
        self.counts.setWordWrap(True)
        filters = QHBoxLayout()
        filters.addWidget(self.status_box)
        filters.addWidget(self.source_box)
        dates = QHBoxLayout()
        dates.addWidget(self.date_from)
        dates.addWidget(self.date_to)
        for box in (self.status_box, self.source_box):
            box.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 0, 4, 2)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.counts)
        self.status_box.activated.connect(lambda _i: self._apply())
        self.source_box.activated.connect(lambda _i: self._apply())
        session.changed.connect(lambda update: self._count() if update.document_changed
                                else None)
        self.refresh()

    def refresh(self) -> None:
        """After documents arrived or left (an import, a merge, another program)."""
        chosen = self.source_box.currentData()
        self.source_box.clear()
        self.source_box.addItem(self.tr("All sources"), "")
        for source in self.session.project.sources():
            self.source_box.addItem(source, source)
        self.source_box.setCurrentIndex(max(0, self.source_box.findData(chosen or "")))
        self.list.reload()
        self._count()

    def _apply(self) -> None:
        self.list.set_filter(ListFilter(self.status_box.currentData() or None,
                                        self.source_box.currentData() or None,
                                        self.date_from.text().strip() or None,
                                        self.date_to.text().strip() or None))
        self._count()

    def _count(self) -> None:
        by_status = self.session.project.status_counts()
        total = sum(by_status.values())
        shown = self.list.source_model.rowCount()
        parts = [self.tr("{0} of {1} documents shown").format(f"{shown:,}", f"{total:,}")]
        parts += [f"{status_name(s)} {by_status.get(s, 0):,}"
                  for s in ("new", "in_progress", "done")]
        self.counts.setText(" · ".join(parts))
