"""Search the corpus from the window: the same matching as `annotator search`, run in a
worker thread (the first search builds the index, with progress), hits listed with their
document, date and snippet; activating one opens the article with the hit selected, so
that a label key labels it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.project import Project
from annotator.search.corpus import Hit, SearchResult, ensure_index, matching_documents, search
from annotator.search.label_all import DUPLICATE, OVERLAPS, Planned, apply, plan
from annotator.session import Session
from annotator.ui.article_view import ArticleView
from annotator.ui.background import BackgroundTask
from annotator.ui.fold_options import FoldOptionsBox
from annotator.ui.found_in_list import FoundInList
from annotator.ui.op_runner import OpRunner
from annotator.ui.result_opener import ResultOpener

WINDOW_LIMIT = 500  # hits listed; the command line takes --limit for more


class SearchPanel(QWidget):
    status = Signal(str)  # a line for the status bar

    def __init__(self, session: Session, view: ArticleView, runner: OpRunner, lang: str,
                 choose_document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.session, self.view = session, view
        self._task: BackgroundTask | None = None
        self.hits: list[Hit] = []
        self.query = QLineEdit(placeholderText=self.tr('Search every article: words, '
                                                       '"a phrase", -exclude'))
        self.query.setClearButtonEnabled(True)
        self.fold_options = FoldOptionsBox()
        self.ta_marbuta, self.prefixes = self.fold_options.ta_marbuta, self.fold_options.prefixes
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.results = QTableWidget(0, 3)
        self.results.setHorizontalHeaderLabels([self.tr("Title"), self.tr("Date"),
                                                self.tr("Hit")])
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.horizontalHeader().setStretchLastSection(True)
        self.results.verticalHeader().hide()
        column = QVBoxLayout(self)
        column.addWidget(self.query)
        column.addWidget(self.fold_options)
        self.to_list = QPushButton(self.tr("Show these articles in the list"))
        self.to_list.setObjectName("search_to_list")
        summary = QHBoxLayout()
        summary.addWidget(self.summary, 1)
        summary.addWidget(self.to_list)
        column.addLayout(summary)
        column.addWidget(self.results, 1)
        self.label_box = QComboBox()
        for label in session.project.scheme.span_labels:
            self.label_box.addItem(label.name(lang), label.id)
        self.label_button = QPushButton(self.tr("Label the selected hits…"))
        self.label_button.setToolTip(self.tr("Every hit when none is selected; shown for "
                                             "confirmation first, undone in one step"))
        labelling = QHBoxLayout()
        labelling.addWidget(self.label_box)
        labelling.addWidget(self.label_button, 1)
        column.addLayout(labelling)
        self.label_button.clicked.connect(self.label_selected)
        self.found_in_list = FoundInList(session, self)
        self.found_in_list.status.connect(self.status)
        self.to_list.clicked.connect(self.show_in_list)
        self.query.returnPressed.connect(self.run)
        self.results.activated.connect(lambda index: self.open_hit(index.row()))
        self.results.cellDoubleClicked.connect(lambda row, _col: self.open_hit(row))
        self.opener = ResultOpener(session, choose_document, self._select, self.status.emit)

    def focus_query(self) -> None:
        self.query.setFocus()
        self.query.selectAll()

    def run(self) -> None:
        """Search in a worker thread; a search already running is left to finish unseen."""
        text = self.query.text()
        options = self.fold_options.options()

        def work(project: Project, tick) -> SearchResult:
            ensure_index(project.database, lambda done, total: tick(done, f"{done}/{total}"))
            return search(project.database, text, options, limit=WINDOW_LIMIT)

        self.summary.setText(self.tr("Searching…"))
        self._task = BackgroundTask.launch(self.session.project, work, self, self.show_result,
                                           self.summary.setText, replacing=self._task)
        self._task.progress.connect(lambda _n, where: self.summary.setText(
            self.tr("Building the search index: {0} articles").format(where)))

    def wait(self, timeout: float = 30.0) -> None:
        if self._task is not None:
            self._task.wait(timeout)
        self.found_in_list.wait(timeout)

    def show_in_list(self) -> None:
        text, options = self.query.text(), self.fold_options.options()
        if text.strip():
            self.found_in_list.show(
                lambda project: matching_documents(project.database, text, options),
                f"«{text.strip()}»")

    def show_result(self, result: SearchResult) -> None:
        self.hits = result.hits
        more = self.tr(" (the first {0})").format(WINDOW_LIMIT) if result.truncated else ""
        self.summary.setText(self.tr("{0} hits in {1} articles{2}").format(
            len(result.hits), result.documents, more))
        self.results.setRowCount(len(result.hits))
        for row, hit in enumerate(result.hits):
            for col, value in enumerate((hit.title, (hit.published or "")[:10], hit.snippet)):
                item = QTableWidgetItem(value)
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                                      if col != 1 else Qt.AlignmentFlag.AlignCenter)
                self.results.setItem(row, col, item)
        self.results.resizeColumnToContents(1)

    def open_hit(self, row: int) -> None:
        if 0 <= row < len(self.hits):
            self.opener.open(self.hits[row])

    def _select(self, hit: Hit) -> None:
        self.view.select_range(hit.start, hit.end)
        self.view.setFocus()

    # --- label all matches ------------------------------------------------------------

    def label_selected(self) -> None:
        rows = sorted({i.row() for i in self.results.selectedIndexes()}) \
            or list(range(len(self.hits)))
        if not rows:
            return
        label = self.label_box.currentData()
        planned = plan(self.session.project, [self.hits[r] for r in rows], label)
        if not self.confirm(planned, self.label_box.currentText()):
            return
        changes = self.runner.run(lambda project: apply(project, planned, label))
        if changes is not None:
            self.status.emit(self.tr("Labelled {0} matches {1}; Undo takes them all back")
                             .format(len(changes.spans), self.label_box.currentText()))

    def confirm(self, planned: list[Planned], label_name: str) -> bool:
        new = [p for p in planned if p.mark != DUPLICATE]
        overlapping = [p for p in planned if p.mark == OVERLAPS]
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Label all matches"),
                          self.tr("Label {0} hits {1}?").format(len(new), label_name),
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
                          self)
        box.setObjectName("label_all_confirm")
        box.setInformativeText(self.tr(
            "{0} overlap a span already there (marked ⚠ in the details); {1} already have "
            "your span of this label and are left alone.").format(
                len(overlapping), len(planned) - len(new)))
        marks = {OVERLAPS: "⚠ ", DUPLICATE: "= "}
        box.setDetailedText("\n".join(
            f"{marks.get(p.mark, '')}{p.hit.title}: {p.hit.snippet}"
            + (f"  ({', '.join(p.overlapping)})" if p.overlapping else "") for p in planned))
        return box.exec() == QMessageBox.StandardButton.Ok
