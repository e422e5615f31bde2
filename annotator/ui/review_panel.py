"""Review mode: choose whose work to compare, see each annotator's spans underlined in
their colour (the legend here), step through the disagreements with single keys, accept
or reject each into the gold layer, comment, and read one's own feedback.

Keys (window-wide while review mode is on): N next disagreement (then the next document
with one), Shift+N previous, A accept (the selected span's annotator's version, else the
first holder's), R reject, G accept every agreement of the document, F8 next feedback item.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import AnnotatorError
from annotator.review import comments
from annotator.review.disagreements import GOLD
from annotator.review.gold import accept_agreements, decide, open_units, shared_documents
from annotator.session import ReviewState, Session
from annotator.ui.background import BackgroundTask
from annotator.ui.document_list import DocumentList
from annotator.ui.op_runner import OpRunner
from annotator.ui.span_painter import annotator_colors
from annotator.ui.window_actions import color_icon

SCAN_BUDGET_S = 0.1  # then the search for the next disagreement goes on in a worker
KEYS = {"review_toggle": "Ctrl+Shift+R", "review_next": "N", "review_previous": "Shift+N",
        "review_accept": "A", "review_reject": "R", "review_agreements": "G",
        "review_feedback": "F8"}


class ReviewPanel(QWidget):
    status = Signal(str)
    agreement_requested = Signal()

    def __init__(self, session: Session, runner: OpRunner, documents: DocumentList,
                 lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.runner, self.documents = session, runner, documents
        self.lang = lang
        self.annotators = QListWidget()
        self.annotators.setObjectName("review_annotators")
        self.annotators.setMaximumHeight(110)
        self.toggle = QPushButton(self.tr("Compare their work (Ctrl+Shift+R)"))
        self.toggle.setCheckable(True)
        self.summary = QLabel()
        self.summary.setObjectName("review_summary")
        self.summary.setWordWrap(True)
        self.units = QTableWidget(0, 3)
        self.units.setObjectName("review_units")
        self.units.setHorizontalHeaderLabels([self.tr("Disagreement"), self.tr("Who"),
                                              self.tr("Gold")])
        self.units.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.units.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.units.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.units.verticalHeader().hide()
        self.threads = QListWidget()
        self.threads.setObjectName("review_comments")
        self.threads.setMaximumHeight(120)
        self.comment = QLineEdit(placeholderText=self.tr("Comment on the selected span, or on "
                                                         "the document (Enter)"))
        self.comment.setObjectName("review_comment")
        self.resolve = QPushButton(self.tr("Resolve"))
        self.feedback_list = QListWidget()
        self.feedback_list.setObjectName("review_feedback")
        self.feedback_button = QPushButton(self.tr("My feedback: comments on my work and "
                                                   "where gold differs"))
        self.agreement_button = QPushButton(self.tr("Agreement…"))
        self.feedback = []
        self._shown = None  # the DocumentReview the table shows
        self._scan: BackgroundTask | None = None  # a search for the next disagreement
        self.actions = self._make_actions()
        self._layout()
        self.toggle.toggled.connect(self.set_review)
        self.units.cellClicked.connect(lambda row, _c: self._go_to_unit(row))
        self.comment.returnPressed.connect(self.add_comment)
        self.resolve.clicked.connect(self.resolve_threads)
        self.feedback_button.clicked.connect(self.load_feedback)
        self.feedback_list.itemActivated.connect(
            lambda item: self.open_feedback(self.feedback_list.row(item)))
        self.agreement_button.clicked.connect(self.agreement_requested)
        self.annotators.itemChanged.connect(lambda _i: self._restart())
        session.review_changed.connect(self._show)
        session.selection_changed.connect(lambda *_: self._show_threads())
        session.document_opened.connect(lambda _s: self._show_threads())
        self.refresh_annotators()

    def _layout(self) -> None:
        column = QVBoxLayout(self)
        column.addWidget(QLabel(self.tr("Whose work (colour = underline):")))
        column.addWidget(self.annotators)
        column.addWidget(self.toggle)
        column.addWidget(self.summary)
        column.addWidget(self.units, 2)
        column.addWidget(QLabel(self.tr("Comments")))
        column.addWidget(self.threads)
        row = QHBoxLayout()
        row.addWidget(self.comment, 1)
        row.addWidget(self.resolve)
        column.addLayout(row)
        column.addWidget(self.feedback_button)
        column.addWidget(self.feedback_list, 1)
        column.addWidget(self.agreement_button)

    def _make_actions(self) -> dict[str, QAction]:
        texts = {"review_toggle": self.tr("Review colleagues' work"),
                 "review_next": self.tr("Next disagreement"),
                 "review_previous": self.tr("Previous disagreement"),
                 "review_accept": self.tr("Accept into gold"),
                 "review_reject": self.tr("Reject"),
                 "review_agreements": self.tr("Accept every agreement of the document"),
                 "review_feedback": self.tr("Next feedback item")}
        handlers = {"review_toggle": self.toggle.toggle, "review_next": lambda: self.step(1),
                    "review_previous": lambda: self.step(-1),
                    "review_accept": lambda: self.decide(True),
                    "review_reject": lambda: self.decide(False),
                    "review_agreements": self.accept_agreements,
                    "review_feedback": self.next_feedback}
        actions = {}
        for key, text in texts.items():
            action = QAction(text, self)
            action.setObjectName(key)
            action.setData("Review")  # the menu it is listed under (F1)
            action.setShortcut(QKeySequence(KEYS[key]))
            action.triggered.connect(lambda _c=False, run=handlers[key]: run())
            action.setEnabled(key in ("review_toggle", "review_feedback"))
            actions[key] = action
        return actions

    # --- whose work -----------------------------------------------------------------------

    def refresh_annotators(self) -> None:
        """The annotators to choose from, each with the colour of its underline."""
        chosen = set(self.chosen()) or None
        names = [a for a in self.session.project.annotators() if a != GOLD]
        colors = annotator_colors(tuple(names))
        blocker = QSignalBlocker(self.annotators)
        self.annotators.clear()
        for name in names:
            item = QListWidgetItem(color_icon(colors[name].name()), name or "?")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setCheckState(Qt.CheckState.Checked if chosen is None or name in chosen
                               else Qt.CheckState.Unchecked)
            self.annotators.addItem(item)
        gold = QListWidgetItem(color_icon("#000000"), self.tr("gold (dashed underline)"))
        gold.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.annotators.addItem(gold)
        del blocker

    def showEvent(self, event) -> None:  # noqa: N802
        self.refresh_annotators()  # colleagues merged in since
        self._show_threads()
        super().showEvent(event)

    def chosen(self) -> tuple[str, ...]:
        items = [self.annotators.item(i) for i in range(self.annotators.count())]
        return tuple(i.data(Qt.ItemDataRole.UserRole) for i in items
                     if i.data(Qt.ItemDataRole.UserRole) is not None
                     and i.checkState() == Qt.CheckState.Checked)

    def set_review(self, on: bool) -> None:
        if on:
            self.session.start_review(self.chosen())
        else:
            self.session.stop_review()
        for key, action in self.actions.items():
            action.setEnabled(on or key in ("review_toggle", "review_feedback"))

    def _restart(self) -> None:
        if self.session.review is not None:
            self.session.start_review(self.chosen())

    # --- the disagreements ----------------------------------------------------------------

    def _show(self, state: ReviewState | None) -> None:
        if self.toggle.isChecked() != (state is not None):
            self.toggle.setChecked(state is not None)
        doc = state.doc if state else None
        units = doc.units if doc else ()
        if doc is not None and doc is self._shown:  # only another disagreement: one row
            if 0 <= state.index < len(units):
                self.units.selectRow(state.index)
            return
        self._shown = doc
        self.units.setRowCount(len(units))
        for row, unit in enumerate(units):
            verdict = doc.decided.get(unit.gold)
            cells = (self.describe(unit), ", ".join(unit.holders),
                     "" if verdict is None else self.tr("accepted") if verdict
                     else self.tr("rejected"))
            for col, text in enumerate(cells):
                self.units.setItem(row, col, QTableWidgetItem(text))
        if state is not None and 0 <= state.index < len(units):
            self.units.selectRow(state.index)
        if doc is None:
            self.summary.setText(self.tr("Review mode is off.") if state is None else
                                 self.tr("Nothing to compare in this document."))
            return
        parts = [self.tr("{0} open of {1} disagreements").format(len(doc.open_units),
                                                                 len(doc.units))]
        if doc.open_agreements:
            parts.append(self.tr("{0} agreements not yet in gold (G)").format(
                doc.open_agreements))
        if doc.adjudicated:
            parts.append(self.tr("adjudicated ✓"))
        self.summary.setText(" · ".join(parts))

    def describe(self, unit) -> str:
        """What the disagreement is, in the interface's language."""
        scheme, lang = self.session.project.scheme, self.lang
        named = (scheme.label(unit.what) or scheme.relation(unit.what)
                 or scheme.doc_field(unit.what))
        what = named.name(lang) if named else unit.what
        who = ", ".join(unit.holders)
        return {"only": self.tr("{1}: only {0}"),
                "label": self.tr("{0} labelled it {1}"),
                "boundaries": self.tr("{0}'s {1} has other boundaries"),
                "attributes": self.tr("{1}: attributes differ"),
                "link": self.tr("{1} link: only {0}"),
                "field": self.tr("{1}: values differ")}[unit.kind].format(who, what)

    def _go_to_unit(self, row: int) -> None:
        state = self.session.review
        if state is not None and state.doc is not None:
            state.index = row - 1
            self.session.step_unit(1, open_only=False)

    def step(self, delta: int) -> None:
        """The next open disagreement here, else in the next document that has one."""
        if self.session.step_unit(delta):
            return
        if delta < 0:
            self.status.emit(self.tr("No open disagreement before this one"))
            return
        if not self._choose_next_document_with_open_units():
            self.status.emit(self.tr("No open disagreement after this document"))

    def _choose_next_document_with_open_units(self) -> bool:
        """Looks at the documents after this one in the list's order by their rows alone
        (no article is opened on the way) and opens the first with an open disagreement.
        The search stays on the GUI thread for SCAN_BUDGET_S at most, then goes on in a
        worker thread (thousands of adjudicated documents may lie ahead)."""
        state, model = self.session.review, self.documents.source_model
        if state is None:
            return False
        db, who = self.session.project.database, state.annotators
        shared = shared_documents(db, who)  # one query: where they can disagree at all
        ahead = [shared[r] for r in model.rowids_after(self.documents.currentIndex().row())
                 if r in shared]
        deadline = time.perf_counter() + SCAN_BUDGET_S
        for k, doc_id in enumerate(ahead):
            if time.perf_counter() > deadline:
                self._scan_in_background(ahead[k:], who)
                return True
            if open_units(db, doc_id, who):
                return self._open_next(doc_id)
        return False

    def _scan_in_background(self, ahead: list[str], who: tuple[str, ...]) -> None:
        def first_open(project, tick) -> str | None:
            for n, doc_id in enumerate(ahead, 1):
                tick(n)  # Cancel stops it
                if open_units(project.database, doc_id, who):
                    return doc_id
            return None

        self.status.emit(self.tr("Looking for the next open disagreement…"))
        self._scan = BackgroundTask.launch(
            self.session.project, first_open, self,
            lambda doc_id: self._open_next(doc_id) if doc_id else self.status.emit(
                self.tr("No open disagreement after this document")),
            self.status.emit, replacing=self._scan)

    def _open_next(self, doc_id: str) -> bool:
        self.documents.choose(doc_id)
        return self.session.step_unit(1)

    def wait(self, timeout: float = 30.0) -> None:
        """For tests: let a search for the next disagreement in a worker thread end."""
        if self._scan is not None:
            self._scan.wait(timeout)

    def decide(self, accept: bool) -> None:
        state = self.session.review
        unit = state.unit if state else None
        if unit is None:
            self.status.emit(self.tr("Press N to go to a disagreement first"))
            return
        whose = None
        if accept:
            selected = self.session.spans.get(self.session.selected or "")
            whose = selected.annotator if selected and selected.annotator in unit.records \
                else unit.holders[0]
        self.runner.run(lambda project: decide(project, unit, whose))
        self.step(1)

    def accept_agreements(self) -> None:
        state = self.session.review
        if state is not None and state.doc is not None and state.doc.open_agreements:
            doc = state.doc
            self.runner.run(lambda project: accept_agreements(project, doc))

    # --- comments -------------------------------------------------------------------------

    def _target(self) -> str:
        """What a comment is about: the link under review, else the selected span, else
        the document."""
        state = self.session.review
        unit = state.unit if state is not None else None
        if unit is not None and unit.table == "relations":
            return next(iter(unit.records.values()))
        return self.session.selected or ""

    def _show_threads(self) -> None:
        """The comments on what is selected; read only while the tab is shown (a click
        in the article elsewhere costs no query)."""
        self.threads.clear()
        doc = self.session.doc
        if doc is None or not self.isVisible():
            return
        target = self._target()
        for thread in comments.threads(self.session.project, doc.id):
            if thread.target != target:
                continue
            for c in thread.comments:
                mark = "✓ " if c.resolved else ""
                self.threads.addItem(f"{mark}{c.annotator}: {c.body}")

    def add_comment(self) -> None:
        doc, body = self.session.doc, self.comment.text()
        if doc is None or not body.strip():
            return
        target = self._target()
        if self.runner.run(lambda project: comments.add(project, doc.id, target, body)):
            self.comment.clear()
        self._show_threads()

    def resolve_threads(self) -> None:
        doc = self.session.doc
        if doc is None:
            return
        for thread in comments.threads(self.session.project, doc.id):
            if thread.target == self._target() and not thread.resolved:
                self.runner.run(lambda project, t=thread: comments.resolve(project, t))
        self._show_threads()

    # --- my feedback ----------------------------------------------------------------------

    def load_feedback(self) -> None:
        project = self.session.project
        try:
            self.feedback = comments.feedback(project, project.annotator)
        except AnnotatorError as exc:
            self.status.emit(str(exc))
            return
        self.feedback_list.clear()
        for item in self.feedback:
            self.feedback_list.addItem(f"{item.title} · {item.text}")
        if not self.feedback:
            self.feedback_list.addItem(self.tr("Nothing: no comment on your work, and gold "
                                               "agrees with you where it exists."))

    def next_feedback(self) -> None:
        if not self.feedback:
            self.load_feedback()
        if self.feedback:
            row = (self.feedback_list.currentRow() + 1) % len(self.feedback)
            self.feedback_list.setCurrentRow(row)
            self.open_feedback(row)

    def open_feedback(self, row: int) -> None:
        if not 0 <= row < len(self.feedback):
            return
        item = self.feedback[row]
        if self.session.doc is None or self.session.doc.id != item.doc_id:
            if not self.documents.choose(item.doc_id):
                self.status.emit(self.tr("That article is hidden by the list's filters: "
                                         "clear them to open it."))
                return
        here = [s for s in self.session.spans.values() if s.start == item.start
                and s.annotator == self.session.project.annotator]
        if here:
            self.session.select(here[0].id, flash=True)
        self.status.emit(item.text)
