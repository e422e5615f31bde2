"""The workbench window: documents, the article, and the panels for spans, links, fields."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QColor,
    QContextMenuEvent,
    QDragEnterEvent,
    QDropEvent,
    QHelpEvent,
    QIcon,
    QKeySequence,
    QPixmap,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolBar,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from annotator.model import Changes, Document
from annotator.project import Project
from annotator.text import move_boundary
from annotator.ui.article_view import ArticleView, arabic_font
from annotator.ui.doc_label_panel import DocLabelPanel
from annotator.ui.document_list import DocumentList, status_name
from annotator.ui.file_watcher import FileWatcher
from annotator.ui.import_dialog import ImportDialog
from annotator.ui.op_runner import OpRunner
from annotator.ui.relation_panel import RelationPanel
from annotator.ui.relation_picker import PendingRelation
from annotator.ui.settings import Settings
from annotator.ui.shortcuts_dialog import ShortcutsDialog
from annotator.ui.span_editor import SpanEditor
from annotator.ui.span_table import SpanTable, attribute_text
from annotator.ui.transfer import Transfer
from annotator.ui.window_actions import build_actions, fixed_actions, scheme_actions


def color_icon(color: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


MENUS = ("File", "Edit", "Label", "Link", "Document", "View", "Settings", "Help")


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    rebuild_requested = Signal()  # the scheme changed under the palette and the panels

    def __init__(self, project: Project, settings: Settings, lang: str) -> None:
        super().__init__()
        self.project = project
        self.settings = settings
        self.lang = lang
        self.runner = OpRunner(project, self)
        self.transfer = Transfer(self, self.runner)
        self.watcher = FileWatcher(project, self)
        self.doc: Document | None = None
        self.selected: str | None = None
        self.pending: PendingRelation | None = None
        self._build_widgets()
        self._build_actions()
        self._connect()
        self._restore()

    # --- construction -------------------------------------------------------------------

    def _build_widgets(self) -> None:
        scheme, lang = self.project.scheme, self.lang
        self.setWindowTitle(f"annotator — {self.project.path.name}")
        self.documents = DocumentList()
        self.title_label = QLabel()
        self.title_label.setObjectName("title")
        self.title_label.setWordWrap(True)
        title_font = arabic_font(18)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.source_label = QLabel()
        self.source_label.setObjectName("source")
        self.view = ArticleView(scheme)
        self.view.setFont(arabic_font(15))
        self.view.viewport().installEventFilter(self)
        article = QWidget()
        column = QVBoxLayout(article)
        column.setContentsMargins(8, 8, 8, 0)
        column.addWidget(self.title_label)
        column.addWidget(self.source_label)
        column.addWidget(self.view, 1)
        self.span_table = SpanTable(scheme, lang)
        self.editor = SpanEditor(scheme, lang)
        self.relations = RelationPanel(scheme, lang)
        self.doc_fields = DocLabelPanel(scheme, lang)
        spans_tab = QSplitter(Qt.Orientation.Vertical)
        spans_tab.addWidget(self.span_table)
        spans_tab.addWidget(self.editor)
        self.tabs = QTabWidget()
        self.tabs.addTab(spans_tab, self.tr("Spans"))
        self.tabs.addTab(self.relations, self.tr("Links"))
        self.tabs.addTab(self.doc_fields, self.tr("Document"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.documents)
        self.splitter.addWidget(article)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([270, 700, 460])
        self.setCentralWidget(self.splitter)
        self.waiting_label = QLabel()
        self.waiting_label.setObjectName("waiting")
        self.statusBar().addPermanentWidget(self.waiting_label)
        self.annotator_button = QPushButton()
        self.annotator_button.setFlat(True)
        self.statusBar().addPermanentWidget(self.annotator_button)
        self._show_annotator()

    def _build_actions(self) -> None:
        specs = fixed_actions() + scheme_actions(self.project.scheme, self.lang)
        handlers = {
            "undo": lambda: self._apply(lambda p: p.undo()),
            "redo": lambda: self._apply(lambda p: p.redo()),
            "delete_span": self.delete_selected,
            "start_earlier": lambda: self.move_boundary(start=True, screen_left=True),
            "start_later": lambda: self.move_boundary(start=True, screen_left=False),
            "end_earlier": lambda: self.move_boundary(start=False, screen_left=True),
            "end_later": lambda: self.move_boundary(start=False, screen_left=False),
            "pick_next": lambda: self._pick_step(1),
            "pick_previous": lambda: self._pick_step(-1),
            "pick_confirm": self._pick_confirm,
            "pick_cancel": lambda: self.cancel_linking(self.tr("Linking cancelled")),
            "next_document": lambda: self.documents.step(1),
            "previous_document": lambda: self.documents.step(-1),
            "mark_done": self.mark_done,
            "done_and_next": lambda: (self.mark_done(), self.documents.step(1)),
            "zoom_in": lambda: self.zoom(1),
            "zoom_out": lambda: self.zoom(-1),
            "annotator_name": self.ask_annotator_name,
            "language_ar": lambda: self.language_requested.emit("ar"),
            "language_en": lambda: self.language_requested.emit("en"),
            "shortcuts": lambda: ShortcutsDialog(list(self.actions.values()), self).open(),
            "import": lambda: self.import_files([]),
            "merge": lambda: self.merge_file(None),
            "export": self.export_documents,
            "quit": self.close,
        }
        for spec in specs:
            if spec.key.startswith("label:"):
                handlers[spec.key] = lambda lab=spec.key[6:]: self.apply_label(lab)
            elif spec.key.startswith("link:"):
                handlers[spec.key] = lambda rel=spec.key[5:]: self.start_linking(rel)
        self.actions = build_actions(self, specs, handlers)
        titles = {"File": self.tr("&File"), "Edit": self.tr("&Edit"), "Label": self.tr("&Label"),
                  "Link": self.tr("Lin&k"), "Document": self.tr("&Document"),
                  "View": self.tr("&View"), "Settings": self.tr("&Settings"),
                  "Help": self.tr("&Help")}
        self.menus: dict[str, QMenu] = {}
        for name in MENUS:
            self.menus[name] = self.menuBar().addMenu(titles[name])
        for spec in specs:
            self.menus[spec.menu].addAction(self.actions[spec.key])
        palette = QToolBar(self.tr("Labels"))
        palette.setObjectName("palette")
        for spec in specs:
            if spec.key.startswith("label:"):
                self.actions[spec.key].setIcon(color_icon(
                    self.project.scheme.label(spec.key[6:]).color))  # type: ignore[union-attr]
                palette.addAction(self.actions[spec.key])
        palette.addSeparator()
        for spec in specs:
            if spec.key.startswith("link:"):
                palette.addAction(self.actions[spec.key])
        palette.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in palette.actions():
            if not action.isSeparator():
                key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                action.setIconText(f"{action.text()}  {key}")
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, palette)
        self.palette = palette
        self._enable_picking(False)
        self._update_undo_texts()

    def _connect(self) -> None:
        self.runner.changed.connect(self.on_changed)
        self.runner.refused.connect(self.show_refusal)
        self.runner.failed.connect(self.show_refusal)
        self.runner.stale.connect(lambda _message: self.refresh_from_file())
        self.runner.waiting.connect(self._show_waiting)
        self.watcher.changed_elsewhere.connect(self.refresh_from_file)
        self.documents.document_chosen.connect(self.open_document)
        self.view.span_clicked.connect(self.on_span_clicked)
        self.span_table.span_chosen.connect(lambda sid: self.select_span(sid, flash=True))
        self.editor.label_chosen.connect(
            lambda sid, lab: self._apply(lambda p: p.update_span(sid, label=lab)))
        self.editor.attribute_chosen.connect(self._set_attribute)
        self.editor.note_edited.connect(
            lambda sid, note: self._apply(lambda p: p.update_span(sid, note=note)))
        self.editor.link_chosen.connect(lambda sid: self.select_span(sid, flash=True))
        self.relations.relation_chosen.connect(
            lambda _rid, head: self.select_span(head, flash=True))
        self.relations.delete_requested.connect(
            lambda rid: self._apply(lambda p: p.delete_relation(rid)))
        self.doc_fields.value_chosen.connect(self._set_doc_field)
        self.annotator_button.clicked.connect(self.ask_annotator_name)

    def _restore(self) -> None:
        self.setAcceptDrops(True)
        geometry = self.settings.blob("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 860)
        splitter = self.settings.blob("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.view.zoomIn(self.settings.zoom)
        self.view.setPlaceholderText(
            self.tr("No documents yet: File > Import…, or drop files on this window."))
        self.documents.source_model.set_documents(self.project.documents())
        last = self.settings.last_document(self.project.path)
        if not (last and self.documents.choose(last)):
            self.documents.step(1)

    # --- documents ----------------------------------------------------------------------

    def open_document(self, doc_id: str) -> None:
        self.cancel_linking()
        self.doc = self.project.document(doc_id)
        spans = self.project.spans(doc_id)
        summary = self.project.document_summary(doc_id)
        self.title_label.setText(self.doc.title or (summary.display_title if summary else ""))
        self._show_source_line()
        self.view.show_document(self.doc, spans)
        self.span_table.source_model.set_spans(self.doc.text, spans)
        self.selected = None
        self._refresh_panels()
        self.doc_fields.show_labels(self.project.doc_labels(doc_id), self.project.annotator)
        self.settings.set_last_document(self.project.path, doc_id)
        self.view.setFocus()

    def mark_done(self) -> None:
        if self.doc:
            self._apply(lambda p: p.set_status(self.doc.id, "done"))

    # --- labeling -----------------------------------------------------------------------

    def apply_label(self, label: str) -> None:
        if self.doc is None:
            return
        if self.pending:
            self.cancel_linking()
        doc_id = self.doc.id
        if self.view.textCursor().hasSelection():
            rng = self.view.selected_range()
            if rng is None:
                self.show_refusal(self.tr("The selection holds only whitespace"))
                return
            changes = self._apply(lambda p: p.add_span(doc_id, rng[0], rng[1], label))
            if changes and changes.created:
                self.select_span(changes.created)
        elif self.selected:
            sid = self.selected
            self._apply(lambda p: p.update_span(sid, label=label))
        else:
            self.show_refusal(self.tr("Select some text first, then press a label key"))

    def delete_selected(self) -> None:
        if self.selected:
            sid = self.selected
            self._apply(lambda p: p.delete_span(sid))

    def move_boundary(self, *, start: bool, screen_left: bool) -> None:
        if not (self.selected and self.doc):
            return
        span = self.project.span(self.selected)
        # Left on screen is later in reading order in a right-to-left paragraph.
        forward = screen_left == self.view.is_right_to_left_at(span.start)
        pos = span.start if start else span.end
        grow = forward != start
        new = move_boundary(self.doc.text, pos, forward=forward, grow=grow)
        sid = self.selected
        if start:
            self._apply(lambda p: p.update_span(sid, start=new))
        else:
            self._apply(lambda p: p.update_span(sid, end=new))

    def _set_attribute(self, span_id: str, attr: str, value: str) -> None:
        current = dict(self.project.span(span_id).attributes)
        current[attr] = value or None
        self._apply(lambda p: p.update_span(span_id, attributes=current))

    def _set_doc_field(self, field_id: str, value: str) -> None:
        if self.doc:
            doc_id = self.doc.id
            self._apply(lambda p: p.set_doc_label(doc_id, field_id, value or None))

    # --- selection and linking ----------------------------------------------------------

    def on_span_clicked(self, span_id: str) -> None:
        if self.pending:
            self._finish_linking(span_id)
        else:
            self.select_span(span_id)

    def select_span(self, span_id: str | None, *, flash: bool = False) -> None:
        self.selected = span_id
        self.view.select_span(span_id, flash=flash)
        self.span_table.show_span(span_id)
        self._refresh_panels()

    def start_linking(self, rel_type: str) -> None:
        relation = self.project.scheme.relation(rel_type)
        if relation is None or self.doc is None:
            return
        if not self.selected:
            self.show_refusal(self.tr("Select the span the link starts from first"))
            return
        head = self.project.span(self.selected)
        if head.label not in relation.heads:
            self.show_refusal(self.tr("{0} must start at {1}, not {2}").format(
                rel_type, " / ".join(relation.heads), head.label))
            return
        self.pending = PendingRelation.start(relation, head, self.project.spans(self.doc.id))
        self._enable_picking(True)
        self.statusBar().showMessage(self.tr(
            "{0}: click the other span, or Tab to step through candidates and Enter to link; "
            "Esc cancels").format(relation.name(self.lang)))

    def _pick_step(self, delta: int) -> None:
        if self.pending:
            candidate = self.pending.step(delta)
            if candidate:
                self.view.select_span(candidate.id, flash=True)

    def _pick_confirm(self) -> None:
        if self.pending and self.pending.current:
            self._finish_linking(self.pending.current.id)

    def _finish_linking(self, tail_id: str) -> None:
        pending = self.pending
        assert pending is not None
        self.cancel_linking()
        changes = self._apply(lambda p: p.add_relation(pending.relation.id, pending.head.id,
                                                       tail_id))
        self.select_span(pending.head.id)
        if changes:
            self.statusBar().showMessage(changes.description, 4000)

    def cancel_linking(self, message: str | None = None) -> None:
        if self.pending:
            self.pending = None
            self._enable_picking(False)
            self.view.select_span(self.selected)
            if message:
                self.statusBar().showMessage(message, 3000)

    def _enable_picking(self, on: bool) -> None:
        for key in ("pick_next", "pick_previous", "pick_confirm", "pick_cancel"):
            self.actions[key].setEnabled(on)

    # --- running ops and refreshing -----------------------------------------------------

    def _apply(self, op) -> Changes | None:
        return self.runner.run(op)

    def on_changed(self, changes: Changes) -> None:
        doc = self.doc
        if doc is not None and changes.spans:
            states = self.project.span_states(changes.spans)
            upserted = [s for s in states.values() if s is not None and s.doc_id == doc.id]
            removed = [sid for sid, s in states.items() if s is None]
            self.view.apply_span_changes(upserted, removed)
            for span in upserted:
                self.span_table.source_model.upsert(span)
            for sid in removed:
                self.span_table.source_model.remove(sid)
            if self.selected in removed:
                self.select_span(None)
            if self.pending and self.pending.head.id in removed:
                self.cancel_linking(self.tr("The span the link started from was deleted"))
        if doc is not None and (changes.doc_labels or changes.documents):
            self.doc_fields.show_labels(self.project.doc_labels(doc.id), self.project.annotator)
        touched_docs = set(changes.documents) | ({doc.id} if doc and changes.spans else set())
        for doc_id in touched_docs:
            self.documents.source_model.update_document(
                self.project.document_summary(doc_id), doc_id)
        if doc is not None and doc.id in changes.documents:
            self.doc = self.project.document(doc.id)
            self._show_source_line()
        self._refresh_panels()
        self._update_undo_texts()
        self.statusBar().showMessage(changes.description, 3000)

    def _span_texts(self, relations: list) -> dict[str, str]:
        """The text of every span these relations touch (not of every span: thousands)."""
        model = self.span_table.source_model
        ids = {r.head for r in relations} | {r.tail for r in relations}
        return {sid: model.text_of(sid) for sid in ids}

    def _refresh_panels(self) -> None:
        """The Links tab and the span editor, from one read of the document's links."""
        relations = self.project.relations(self.doc.id) if self.doc else []
        texts = self._span_texts(relations)
        self.relations.show_relations(relations, texts, self.selected)
        if self.doc is None or self.selected is None:
            self.editor.show_span(None, "", [], {})
            return
        links = [r for r in relations if self.selected in (r.head, r.tail)]
        self.editor.show_span(self.project.span(self.selected), self.doc.text, links, texts)

    def _show_source_line(self) -> None:
        doc = self.doc
        parts = (doc.source, doc.published or "", status_name(doc.status)) if doc else ()
        self.source_label.setText(" · ".join(x for x in parts if x))

    def _update_undo_texts(self) -> None:
        for key, text in (("undo", self.project.undo_text), ("redo", self.project.redo_text)):
            action: QAction = self.actions[key]
            base = self.tr("Undo") if key == "undo" else self.tr("Redo")
            action.setText(f"{base} {text}" if text else base)
            action.setEnabled(text is not None)

    def show_refusal(self, message: str) -> None:
        self.statusBar().showMessage("⚠ " + message, 8000)

    # --- import and export ------------------------------------------------------------

    def import_files(self, paths: list[Path]) -> None:
        dialog = self.transfer.import_dialog(paths)
        dialog.accepted.connect(lambda: self._finish_import(dialog))
        dialog.open()

    def _finish_import(self, dialog: ImportDialog) -> None:
        scheme_grew = self.transfer.run_import(dialog)
        self.documents.source_model.set_documents(self.project.documents())
        if self.doc is not None:
            self.documents.choose(self.doc.id)
        else:
            self.documents.step(1)
        if scheme_grew:
            self.rebuild_requested.emit()

    def merge_file(self, path: Path | None) -> None:
        """File > Merge…: a colleague's database or native JSONL export."""
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, self.tr("Merge a colleague's work"), "",
                self.tr("Annotator databases and exports (*.db *.sqlite *.jsonl);;"
                        "All files (*)"))
            if not name:
                return
            path = Path(name)
        if self.transfer.run_merge(path):
            self.rebuild_requested.emit()
        else:
            self.refresh_from_file()

    def refresh_from_file(self) -> None:
        """Show what other writers committed: the list, and the open document's records,
        keeping the selection and any link in progress."""
        if self.project.reload_scheme():
            self.rebuild_requested.emit()
            return
        self._update_undo_texts()  # a refused undo or redo drops its step
        self.documents.reload(self.project.documents())
        if self.doc is None:
            return
        if self.project.document_summary(self.doc.id) is None:  # deleted elsewhere
            self.doc = None
            self.documents.step(1)
            return
        changes = self.project.external_changes(self.doc.id)
        if not changes.empty:
            self.on_changed(changes)
            self.statusBar().showMessage(
                self.tr("Updated with changes saved by another window or program"), 4000)

    def _show_waiting(self, message: str) -> None:
        self.waiting_label.setText("⏳ " + message if message else "")

    def export_documents(self) -> None:
        dialog = self.transfer.export_dialog(self.lang)
        dialog.accepted.connect(lambda: self.transfer.run_export(dialog))
        dialog.open()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    # --- settings ----------------------------------------------------------------------

    def zoom(self, steps: int) -> None:
        self.view.zoomIn(steps)
        self.settings.zoom = self.settings.zoom + steps

    def ask_annotator_name(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Annotator name"),
                                        self.tr("Your name, stored with every label you make:"),
                                        text=self.project.annotator)
        if ok and name.strip():
            self.set_annotator(name.strip())

    def set_annotator(self, name: str) -> None:
        self.project.annotator = name
        self.settings.annotator = name
        self._show_annotator()
        if self.doc:
            self.doc_fields.show_labels(self.project.doc_labels(self.doc.id), name)

    def _show_annotator(self) -> None:
        self.annotator_button.setText(self.tr("Annotator: {0}").format(self.project.annotator))

    # --- events -------------------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.view.viewport() and event.type() == QEvent.Type.ToolTip:
            self._show_tooltip(event)
            return True
        if watched is self.view.viewport() and event.type() == QEvent.Type.ContextMenu:
            return self._span_menu(event)
        return super().eventFilter(watched, event)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        placed = self.view.span_at_viewport(event.pos())
        if placed is None:
            QToolTip.hideText()
            return
        span = placed.span
        label = self.project.scheme.label(span.label)
        lines = [label.name(self.lang) if label else span.label]
        attrs = attribute_text(self.project.scheme, span, self.lang)
        if attrs:
            lines.append(attrs)
        lines.append(self.tr("by {0}").format(span.annotator))
        if span.note:
            lines.append(span.note)
        QToolTip.showText(event.globalPos(), "\n".join(lines), self.view)

    def _span_menu(self, event: QContextMenuEvent) -> bool:
        ids = self.view.span_ids_at(event.pos())
        if not ids:
            return False
        self.select_span(ids[0])
        menu = QMenu(self)
        for key, action in self.actions.items():
            if key.startswith("link:"):
                menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.actions["delete_span"])
        menu.popup(event.globalPos())
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # Every action is already committed: closing never asks to save.
        self.settings.set_blob("window/geometry", self.saveGeometry())
        self.settings.set_blob("window/splitter", self.splitter.saveState())
        self.settings.sync()
        event.accept()


