"""The list of documents: title, source, status and span count; sorted and filtered in
SQL (lazy, see document_list_model), with the progress counts of what is listed under it."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QModelIndex, QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from annotator.document_filter import DocumentFilter
from annotator.session import Session, Update
from annotator.text import is_right_to_left
from annotator.ui.background import BackgroundTask
from annotator.ui.document_list_model import DocumentListModel, status_name
from annotator.ui.keys import claims_delete
from annotator.ui.record_table import RecordTable

__all__ = ["DocumentList", "DocumentPanel", "status_name"]
PROGRESS_DELAY_MS = 150  # each annotator's progress is read when the filter has settled


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

    def set_filter(self, new: DocumentFilter) -> None:
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
    """The list with its filters (status, source, publication dates, annotator, and what a
    search found) and the progress counts of what is listed. The filter is the session's:
    a search panel narrows the list by setting it, and this panel follows."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.list = DocumentList(session, self)
        self.status_box = self._box("filter_status", self.tr("All statuses"))
        for status in ("new", "in_progress", "done"):
            self.status_box.addItem(status_name(status), status)
        self.source_box = self._box("filter_source", self.tr("All sources"))
        self.annotator_box = self._box("filter_annotator", self.tr("All annotators"))
        self.date_from, self.date_to = QLineEdit(), QLineEdit()
        for edit, hint in ((self.date_from, self.tr("from YYYY-MM-DD")),
                           (self.date_to, self.tr("to YYYY-MM-DD"))):
            edit.setPlaceholderText(hint)
            edit.editingFinished.connect(self._apply)
        self.found = QLabel()  # "Only the 12 articles found by …"
        self.found.setObjectName("filter_found")
        self.found.setWordWrap(True)
        self.clear_found = QToolButton(text="✕")
        self.clear_found.setObjectName("filter_found_clear")
        self.clear_found.setToolTip(self.tr("Show every article again"))
        self.clear_found.clicked.connect(lambda: session.set_document_filter(
            replace(session.document_filter, doc_ids=None, query="")))
        self.counts = QLabel()
        self.counts.setObjectName("document_counts")
        self.counts.setWordWrap(True)
        filters = QHBoxLayout()
        filters.addWidget(self.status_box)
        filters.addWidget(self.source_box)
        dates = QHBoxLayout()
        dates.addWidget(self.annotator_box)
        dates.addWidget(self.date_from)
        dates.addWidget(self.date_to)
        found = QHBoxLayout()
        found.addWidget(self.found, 1)
        found.addWidget(self.clear_found)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 0, 4, 2)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addLayout(found)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.counts)
        session.changed.connect(lambda update: self._count() if update.document_changed
                                else None)
        session.filter_changed.connect(self._follow)
        self._progress_task: BackgroundTask | None = None
        self._progress_timer = QTimer(self, singleShot=True, interval=PROGRESS_DELAY_MS)
        self._progress_timer.timeout.connect(self._start_progress)
        self._status_line, self._annotator_line = "", []
        self.refresh()
        self._show_found()

    def _box(self, name: str, everything: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.addItem(everything, "")
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(6)
        box.activated.connect(lambda _i: self._apply())
        return box

    def refresh(self) -> None:
        """After documents arrived or left (an import, a merge, another program)."""
        project = self.session.project
        for box, values in ((self.source_box, project.sources()),
                            (self.annotator_box, project.annotators())):
            chosen = box.currentData()
            while box.count() > 1:
                box.removeItem(1)
            for value in values:
                box.addItem(value, value)
            box.setCurrentIndex(max(0, box.findData(chosen or "")))
        self.list.reload()
        self._count()

    def _apply(self) -> None:
        """The panel's own filters changed: the session's filter follows (and the list
        follows the session)."""
        self.session.set_document_filter(replace(
            self.session.document_filter, status=self.status_box.currentData() or None,
            source=self.source_box.currentData() or None,
            published_from=self.date_from.text().strip() or None,
            published_to=self.date_to.text().strip() or None,
            annotator=self.annotator_box.currentData() or None))

    def _follow(self, new: DocumentFilter) -> None:
        for box, value in ((self.status_box, new.status), (self.source_box, new.source),
                           (self.annotator_box, new.annotator)):
            box.setCurrentIndex(max(0, box.findData(value or "")))
        self.date_from.setText(new.published_from or "")
        self.date_to.setText(new.published_to or "")
        self.list.set_filter(new)
        self._show_found()
        self._count()

    def _show_found(self) -> None:
        f = self.session.document_filter
        self.found.setText("" if f.doc_ids is None else self.tr(
            "Only the {0} articles found by: {1}").format(f"{len(f.doc_ids):,}", f.query))
        for widget in (self.found, self.clear_found):
            widget.setVisible(f.doc_ids is not None)

    def _count(self) -> None:
        """The counts by status at once; each annotator's progress follows from a worker
        thread (it reads every span's annotator: 0.1 s per 300,000 spans)."""
        project, f = self.session.project, self.session.document_filter
        by_status = project.status_counts(f)
        total = sum(project.status_counts().values()) if f.narrows else sum(by_status.values())
        shown = self.list.source_model.rowCount()
        parts = [self.tr("{0} of {1} documents shown").format(f"{shown:,}", f"{total:,}")]
        parts += [f"{status_name(s)} {by_status.get(s, 0):,}"
                  for s in ("new", "in_progress", "done")]
        self._status_line = " · ".join(parts)
        self.counts.setText("\n".join([self._status_line, *self._annotator_line[:1]]))
        self._progress_timer.start()  # once the list has painted and the filter settled

    def _start_progress(self) -> None:
        f = self.session.document_filter
        self._progress_task = BackgroundTask.launch(
            self.session.project, lambda p, _tick: p.annotator_progress(f), self,
            self._show_progress, replacing=self._progress_task)

    def _show_progress(self, progress: dict[str, tuple[int, int]]) -> None:
        self._progress_task = None
        self._annotator_line = [" · ".join(self.tr("{0}: {1} of {2} done").format(
            who or self.tr("(no name)"), f"{done:,}", f"{n:,}")
            for who, (n, done) in progress.items())] if progress else []
        self.counts.setText("\n".join([self._status_line, *self._annotator_line]))

    def wait_for_counts(self, timeout: float = 10.0) -> None:
        """For tests and benchmarks: let the annotators' progress arrive."""
        if self._progress_timer.isActive():
            self._progress_timer.stop()
            self._start_progress()
        if self._progress_task is not None:
            self._progress_task.wait(timeout)
