"""Search the annotations from the window: spans by label, attribute value, annotator,
document status, their own text and their links, in articles that match a text query
(the same matching as Search). A result opens its article with the span selected; the
articles found can become the document list."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.model import STATUSES
from annotator.project import Project
from annotator.search.annotations import (
    AnnotationQuery,
    SpanHit,
    SpanSearchResult,
    matching_documents,
    search_spans,
)
from annotator.session import Session
from annotator.ui.background import BackgroundTask
from annotator.ui.document_list_model import status_name
from annotator.ui.fold_options import FoldOptionsBox
from annotator.ui.found_in_list import FoundInList
from annotator.ui.result_opener import ResultOpener

WINDOW_LIMIT = 500


class AnnotationSearchPanel(QWidget):
    status = Signal(str)

    def __init__(self, session: Session, lang: str, choose_document,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.lang = session, lang
        self.scheme = session.project.scheme
        self._task: BackgroundTask | None = None
        self.hits: list[SpanHit] = []
        self.label_box = self._box("find_label", self.tr("Any label"),
                                   [(lb.name(lang), lb.id) for lb in self.scheme.span_labels])
        self.value_box = self._box("find_value", self.tr("Any value"), [])
        self.annotator_box = self._box("find_annotator", self.tr("Anyone"), [])
        self.status_box = self._box("find_status", self.tr("Any status"),
                                    [(status_name(s), s) for s in STATUSES])
        self.text = self._edit("find_text", self.tr("the span's text: words, \"a phrase\""))
        self.link_box = self._box("find_link", self.tr("No link needed"),
                                  [(r.name(lang), r.id) for r in self.scheme.relations])
        self.linked_label_box = self._box("find_linked_label", self.tr("any label"),
                                          [(lb.name(lang), lb.id)
                                           for lb in self.scheme.span_labels])
        self.linked_text = self._edit("find_linked_text", self.tr("whose text matches…"))
        self.documents = self._edit("find_documents",
                                    self.tr("in articles matching: words, -exclude"))
        self.fold_options = FoldOptionsBox()
        self.search_button = QPushButton(self.tr("Find spans"))
        self.search_button.setObjectName("find_spans")
        self.to_list = QPushButton(self.tr("Show these articles in the list"))
        self.to_list.setObjectName("spans_to_list")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.results = QTableWidget(0, 4)
        self.results.setObjectName("span_results")
        self.results.setHorizontalHeaderLabels([self.tr("Title"), self.tr("Label"),
                                                self.tr("Text"), self.tr("Annotator")])
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.results.verticalHeader().hide()
        self._layout()
        self.found_in_list = FoundInList(session, self)
        self.found_in_list.status.connect(self.status)
        self.label_box.currentIndexChanged.connect(lambda _i: self._fill_values())
        self.search_button.clicked.connect(self.run)
        self.to_list.clicked.connect(self.show_in_list)
        for edit in (self.text, self.linked_text, self.documents):
            edit.returnPressed.connect(self.run)
        self.results.activated.connect(lambda index: self.open_hit(index.row()))
        self.results.cellDoubleClicked.connect(lambda row, _col: self.open_hit(row))
        self.opener = ResultOpener(session, choose_document,
                                   lambda hit: session.select(hit.span_id, flash=True),
                                   self.status.emit)
        self._fill_values()
        self.refresh_annotators()

    def _box(self, name: str, anything: str, items: list[tuple[str, str]]) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.addItem(anything, None)
        for text, data in items:
            box.addItem(text, data)
        return box

    def _edit(self, name: str, hint: str) -> QLineEdit:
        edit = QLineEdit(placeholderText=hint)
        edit.setObjectName(name)
        edit.setClearButtonEnabled(True)
        return edit

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Label"), self.label_box)
        form.addRow(self.tr("Value"), self.value_box)
        who = QHBoxLayout()
        who.addWidget(self.annotator_box)
        who.addWidget(self.status_box)
        form.addRow(self.tr("By, in"), who)
        form.addRow(self.tr("Text"), self.text)
        link = QHBoxLayout()
        link.addWidget(self.link_box)
        link.addWidget(self.linked_label_box)
        form.addRow(self.tr("Linked"), link)
        form.addRow("", self.linked_text)
        form.addRow(self.tr("Articles"), self.documents)
        buttons = QHBoxLayout()
        buttons.addWidget(self.search_button, 1)
        buttons.addWidget(self.to_list)
        column = QVBoxLayout(self)
        column.addLayout(form)
        column.addWidget(self.fold_options)
        column.addLayout(buttons)
        column.addWidget(self.summary)
        column.addWidget(self.results, 1)

    def _fill_values(self) -> None:
        """The values of the chosen label's attributes (of every label for any label)."""
        chosen = self.value_box.currentData()
        labels = [self.scheme.label(self.label_box.currentData())] \
            if self.label_box.currentData() else list(self.scheme.span_labels)
        while self.value_box.count() > 1:
            self.value_box.removeItem(1)
        for label in labels:
            for attr in label.attributes:
                name = attr.name_ar if self.lang == "ar" else attr.name_en
                for choice in attr.choices:
                    self.value_box.addItem(f"{name}: {choice.name(self.lang)}",
                                           f"{attr.id}={choice.id}")
        self.value_box.setCurrentIndex(max(0, self.value_box.findData(chosen)))

    def focus_query(self) -> None:
        self.label_box.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802
        self.refresh_annotators()  # colleagues merged in since
        super().showEvent(event)

    def refresh_annotators(self) -> None:
        chosen = self.annotator_box.currentData()
        while self.annotator_box.count() > 1:
            self.annotator_box.removeItem(1)
        for who in self.session.project.annotators():
            self.annotator_box.addItem(who or self.tr("(no name)"), who)
        self.annotator_box.setCurrentIndex(max(0, self.annotator_box.findData(chosen)))

    def query(self) -> AnnotationQuery:
        attribute, _, value = (self.value_box.currentData() or "").partition("=")
        return AnnotationQuery(
            label=self.label_box.currentData(), attribute=attribute or None,
            value=value or None,
            annotator=self.annotator_box.currentData(), status=self.status_box.currentData(),
            text=self.text.text(), link_type=self.link_box.currentData(),
            linked_label=self.linked_label_box.currentData(),
            linked_text=self.linked_text.text(), documents=self.documents.text())

    def describe(self) -> str:
        """The query in the words of the boxes, for the document list to say."""
        parts = [box.currentText() for box in (self.label_box, self.value_box,
                                                self.annotator_box, self.status_box)
                 if box.currentIndex() > 0]
        parts += [f"«{self.text.text().strip()}»"] if self.text.text().strip() else []
        if self.link_box.currentIndex() > 0 or self.linked_text.text().strip() \
                or self.linked_label_box.currentIndex() > 0:
            parts.append(" ".join(p for p in (
                self.link_box.currentText() if self.link_box.currentIndex() > 0 else "→",
                self.linked_label_box.currentText()
                if self.linked_label_box.currentIndex() > 0 else "",
                f"«{self.linked_text.text().strip()}»"
                if self.linked_text.text().strip() else "") if p))
        if self.documents.text().strip():
            parts.append(self.tr("in articles matching {0}").format(self.documents.text()))
        return " · ".join(parts)

    # --- running ------------------------------------------------------------------------

    def run(self) -> None:
        query, options = self.query(), self.fold_options.options()
        self.summary.setText(self.tr("Searching…"))
        self._task = BackgroundTask.launch(
            self.session.project,
            lambda p, _tick: search_spans(p.database, query, options, limit=WINDOW_LIMIT),
            self, self.show_result, self.summary.setText, replacing=self._task)

    def wait(self, timeout: float = 30.0) -> None:
        if self._task is not None:
            self._task.wait(timeout)
        self.found_in_list.wait(timeout)

    def show_in_list(self) -> None:
        query, options = self.query(), self.fold_options.options()

        def find(project: Project) -> list[str]:
            return matching_documents(project.database, query, options)

        self.found_in_list.show(find, self.describe())

    def show_result(self, result: SpanSearchResult) -> None:
        self.hits = result.hits
        more = self.tr(" (the first {0})").format(WINDOW_LIMIT) if result.truncated else ""
        self.summary.setText(self.tr("{0} spans in {1} articles{2}").format(
            len(result.hits), result.documents, more))
        self.results.setRowCount(len(result.hits))
        for row, hit in enumerate(result.hits):
            label = self.scheme.label(hit.label)
            values = (hit.title, label.name(self.lang) if label else hit.label, hit.snippet,
                      hit.annotator)
            for col, value in enumerate(values):
                self.results.setItem(row, col, QTableWidgetItem(value))
        for col in (0, 1, 3):
            self.results.resizeColumnToContents(col)
        self.results.setColumnWidth(0, min(self.results.columnWidth(0), 160))

    def open_hit(self, row: int) -> None:
        if 0 <= row < len(self.hits):
            self.opener.open(self.hits[row])
