"""The workbench window: it builds the views, lays them out and connects them. It routes no
changes: every view follows the session (annotator/session.py), and every key runs a
command (commands.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
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
    QVBoxLayout,
    QWidget,
)

from annotator import __version__
from annotator.model import Changes, Document
from annotator.project import Project
from annotator.session import PendingLink, Session
from annotator.ui.about_dialog import AboutDialog, app_icon
from annotator.ui.article_header import ArticleHeader
from annotator.ui.article_view import ArticleView, arabic_font
from annotator.ui.choice_prompt import ChoicePrompt
from annotator.ui.commands import Commands
from annotator.ui.doc_label_panel import DocLabelPanel
from annotator.ui.document_info import DocumentInfo
from annotator.ui.document_list import DocumentPanel
from annotator.ui.file_watcher import FileWatcher
from annotator.ui.find_bar import FindBar
from annotator.ui.finder_tabs import build_finder_tabs, connect_finder_tabs
from annotator.ui.op_runner import OpRunner
from annotator.ui.relation_panel import RelationPanel
from annotator.ui.settings import Settings
from annotator.ui.shortcuts_dialog import ShortcutsDialog
from annotator.ui.span_editor import SpanEditor
from annotator.ui.span_table import SpanTable
from annotator.ui.transfer import Transfer
from annotator.ui.window_actions import (
    build_actions,
    build_palette,
    fixed_actions,
    scheme_actions,
)

MENUS = ("File", "Edit", "Label", "Link", "Document", "View", "Settings", "Help")
TRANSFERS = ("import", "export", "merge")


class MainWindow(QMainWindow):
    language_requested = Signal(str)
    rebuild_requested = Signal()  # the scheme changed under the palette and the panels

    def __init__(self, project: Project, settings: Settings, lang: str) -> None:
        super().__init__()
        self.project = project
        self.settings = settings
        self.lang = lang
        self.session = Session(project)
        self.runner = OpRunner(self.session, self)
        self.watcher = FileWatcher(project, self)
        self._build_views()
        self.commands = Commands(self.session, self.runner, self.view, self.documents, lang)
        self.transfer = Transfer(self, self.session, self.runner.refused.emit)
        self._build_actions()
        self._connect()
        self._restore()
        self.transfer.run_index_build()  # only a database from an older version needs it

    # --- the state, for tests and scripts ----------------------------------------------------

    @property
    def doc(self) -> Document | None:
        return self.session.doc

    @property
    def selected(self) -> str | None:
        return self.session.selected

    @property
    def pending(self) -> PendingLink | None:
        return self.session.pending

    def select_span(self, span_id: str | None, *, flash: bool = False) -> None:
        self.session.select(span_id, flash=flash)

    def on_span_clicked(self, span_id: str) -> None:
        self.commands.on_span_clicked(span_id)

    def apply_label(self, label: str) -> None:
        self.commands.apply_label(label)

    # --- construction -------------------------------------------------------------------

    def _build_views(self) -> None:
        scheme, lang, session = self.project.scheme, self.lang, self.session
        self.setWindowTitle(f"annotator {__version__} — {self.project.path.name}")
        self.setWindowIcon(app_icon())
        self.document_panel = DocumentPanel(session)
        self.documents = self.document_panel.list
        self.header = ArticleHeader(session)
        self.title_label, self.source_label = self.header.title_label, self.header.source_label
        self.view = ArticleView(scheme, session=session, lang=lang,
                                menu_actions=self._span_menu_actions)
        self.view.setFont(arabic_font(15))
        article = QWidget()
        column = QVBoxLayout(article)
        column.setContentsMargins(8, 8, 8, 0)
        column.addWidget(self.header)
        column.addWidget(self.view, 1)
        self.find_bar = FindBar(session, self.view)
        column.addWidget(self.find_bar)
        self.span_table = SpanTable(session, scheme, lang)
        self.editor = SpanEditor(session, scheme, lang)
        self.relations = RelationPanel(session, scheme, lang)
        self.doc_fields = DocLabelPanel(session, scheme, lang)
        spans_tab = QSplitter(Qt.Orientation.Vertical)
        spans_tab.addWidget(self.span_table)
        spans_tab.addWidget(self.editor)
        self.tabs = QTabWidget()
        self.tabs.addTab(spans_tab, self.tr("Spans"))
        self.tabs.addTab(self.relations, self.tr("Links"))
        self.document_info = DocumentInfo(session)
        document_tab = QWidget()
        document_column = QVBoxLayout(document_tab)
        document_column.addWidget(self.doc_fields)
        document_column.addWidget(self.document_info, 1)
        self.tabs.addTab(document_tab, self.tr("Document"))
        build_finder_tabs(self)  # Search, Annotations, Review
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.document_panel)
        self.splitter.addWidget(article)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 700, 460])
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
        c = self.commands
        handlers = {
            "undo": c.undo, "redo": c.redo, "delete_span": c.delete_selected,
            "start_earlier": lambda: c.move_boundary(start=True, screen_left=True),
            "start_later": lambda: c.move_boundary(start=True, screen_left=False),
            "end_earlier": lambda: c.move_boundary(start=False, screen_left=True),
            "end_later": lambda: c.move_boundary(start=False, screen_left=False),
            "pick_next": lambda: c.pick_step(1), "pick_previous": lambda: c.pick_step(-1),
            "pick_confirm": c.pick_confirm,
            "pick_cancel": lambda: c.cancel_linking(self.tr("Linking cancelled")),
            "next_document": lambda: self.documents.step(1),
            "previous_document": lambda: self.documents.step(-1),
            "mark_done": c.mark_done, "done_and_next": c.done_and_next,
            "find": self.find_bar.open_bar, "search": lambda: self._open_tab(self.search_panel),
            "search_spans": lambda: self._open_tab(self.annotation_search),
            "zoom_in": lambda: self.zoom(1), "zoom_out": lambda: self.zoom(-1),
            "annotator_name": self.ask_annotator_name,
            "language_ar": lambda: self.language_requested.emit("ar"),
            "language_en": lambda: self.language_requested.emit("en"),
            "shortcuts": lambda: ShortcutsDialog([*self.actions.values(),
                                                  *self.review_panel.actions.values()],
                                                 self).open(),
            "about": lambda: AboutDialog(self).open(),
            "import": lambda: self.import_files([]), "export": self.export_documents,
            "merge": lambda: self.merge_file(None), "quit": self.close,
            "link_proposed": c.link_to_proposed, "edit_attributes": c.edit_attributes,
            "next_not_done": c.next_not_done, "trim_prefix": c.trim_prefix,
            "word_snap": self._toggle_word_snap, "show_links": self._toggle_links,
        }
        for spec in specs:
            if spec.key.startswith("label:"):
                handlers[spec.key] = lambda lab=spec.key[6:]: c.apply_label(lab)
            elif spec.key.startswith("link:"):
                handlers[spec.key] = lambda rel=spec.key[5:]: c.start_linking(rel)
            elif spec.key.startswith("field:"):
                handlers[spec.key] = lambda f=spec.key[6:]: c.prompt_doc_field(f)
        self.actions = build_actions(self, specs, handlers)
        self.prompt = ChoicePrompt(
            self, lambda: [a for k, a in self.actions.items() if k.startswith("label:")],
            lambda text: self.statusBar().showMessage(text, 0 if text else 1))
        c.prompt = self.prompt
        self.actions["word_snap"].setCheckable(True)
        self.actions["word_snap"].setChecked(self.settings.word_snap)
        self.view.word_snap = self.settings.word_snap
        self.actions["show_links"].setCheckable(True)
        self.actions["show_links"].setChecked(self.settings.show_links)
        self.view.arcs.visible = self.settings.show_links
        # The analyst moved on (new text selected, another span or document): no value.
        self.view.selectionChanged.connect(
            lambda: self.prompt.close() if self.view.textCursor().hasSelection() else None)
        self.session.selection_changed.connect(lambda *_: self.prompt.close())
        self.session.document_opened.connect(lambda _s: self.prompt.close())
        titles = {"File": self.tr("&File"), "Edit": self.tr("&Edit"), "Label": self.tr("&Label"),
                  "Link": self.tr("Lin&k"), "Document": self.tr("&Document"),
                  "View": self.tr("&View"), "Settings": self.tr("&Settings"),
                  "Help": self.tr("&Help")}
        self.menus: dict[str, QMenu] = {}
        for name in MENUS:
            self.menus[name] = self.menuBar().addMenu(titles[name])
        for spec in specs:
            self.menus[spec.menu].addAction(self.actions[spec.key])
        self.palette = build_palette(self, specs, self.actions, self.project.scheme)
        self._enable_picking(None)
        self._update_undo_texts()

    def _open_tab(self, panel) -> None:
        self.tabs.setCurrentWidget(panel)
        panel.focus_query()

    def _span_menu_actions(self) -> list[QAction | None]:
        links = [a for key, a in self.actions.items() if key.startswith("link:")]
        return [*links, None, self.actions["delete_span"]]

    def _connect(self) -> None:
        c, session = self.commands, self.session
        self.runner.refused.connect(self.show_refusal)
        self.runner.failed.connect(self.show_refusal)
        self.runner.changed.connect(self._after_change)
        self.runner.stale.connect(lambda _message: self.refresh_from_file())
        self.runner.waiting.connect(lambda m: self.waiting_label.setText("⏳ " + m if m else ""))
        self.watcher.changed_elsewhere.connect(self.refresh_from_file)
        c.message.connect(self.statusBar().showMessage)
        connect_finder_tabs(self)
        session.pending_changed.connect(self._enable_picking)
        session.document_opened.connect(self._on_document_opened)
        self.view.span_clicked.connect(c.on_span_clicked)
        self.editor.label_chosen.connect(c.set_label)
        self.editor.attribute_chosen.connect(c.set_attribute)
        self.editor.note_edited.connect(c.set_note)
        self.relations.delete_requested.connect(c.delete_relation)
        self.doc_fields.value_chosen.connect(c.set_doc_field)
        self.annotator_button.clicked.connect(self.ask_annotator_name)
        self.transfer.busy_changed.connect(
            lambda busy: [self.actions[k].setEnabled(not busy) for k in TRANSFERS])
        self.transfer.finished.connect(self._after_task)
        self.statusBar().addPermanentWidget(self.transfer.progress)
        self.transfer.message.connect(lambda text: self.statusBar().showMessage(text, 5000))

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
        last = self.settings.last_document(self.project.path)
        if not (last and self.documents.choose(last)):
            self.documents.step(1)

    # --- what follows a change ---------------------------------------------------------

    def _on_document_opened(self, session: Session) -> None:
        if session.doc is not None:
            self.settings.set_last_document(self.project.path, session.doc.id)
        self.view.setFocus()

    def _after_change(self, changes: Changes) -> None:
        self._update_undo_texts()
        self.statusBar().showMessage(changes.description, 3000)

    def refresh_from_file(self) -> None:
        """Show what other writers committed: the list, and the open document's records,
        keeping the selection and any link in progress."""
        if self.project.reload_scheme():
            self.rebuild_requested.emit()
            return
        self._update_undo_texts()  # a refused undo or redo drops its step
        self.document_panel.refresh()
        if self.session.refresh_from_file() is not None:
            self.statusBar().showMessage(
                self.tr("Updated with changes saved by another window or program"), 4000)

    def _after_task(self, may_grow_scheme: bool) -> None:
        if may_grow_scheme and self.project.reload_scheme():
            self.rebuild_requested.emit()
            return
        self.refresh_from_file()
        if self.session.doc is None:
            self.documents.step(1)

    def _enable_picking(self, pending: PendingLink | None) -> None:
        for key in ("pick_next", "pick_previous", "pick_confirm", "pick_cancel"):
            self.actions[key].setEnabled(pending is not None)

    def _update_undo_texts(self) -> None:
        for key, text in (("undo", self.project.undo_text), ("redo", self.project.redo_text)):
            action: QAction = self.actions[key]
            base = self.tr("Undo") if key == "undo" else self.tr("Redo")
            action.setText(f"{base} {text}" if text else base)
            action.setEnabled(text is not None)

    def show_refusal(self, message: str) -> None:
        self.statusBar().showMessage("⚠ " + message, 8000)

    # --- import, export, merge ----------------------------------------------------------

    def import_files(self, paths: list[Path]) -> None:
        dialog = self.transfer.import_dialog(paths)
        dialog.accepted.connect(lambda: self.transfer.run_import(dialog))
        dialog.open()

    def export_documents(self) -> None:
        dialog = self.transfer.export_dialog(self.lang)
        dialog.accepted.connect(lambda: self.transfer.run_export(dialog))
        dialog.open()

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
        self.transfer.run_merge(path)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and all(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_files(paths)

    # --- settings ----------------------------------------------------------------------

    def _toggle_word_snap(self) -> None:
        on = self.actions["word_snap"].isChecked()
        self.settings.word_snap = self.view.word_snap = on

    def _toggle_links(self) -> None:
        on = self.actions["show_links"].isChecked()
        self.settings.show_links = self.view.arcs.visible = on
        self.view.viewport().update()

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
        self.doc_fields.refresh()

    def _show_annotator(self) -> None:
        self.annotator_button.setText(self.tr("Annotator: {0}").format(self.project.annotator))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # Every action is already committed: closing never asks to save. A running import
        # is cancelled; its file rolls back whole.
        if self.transfer.task is not None:
            self.transfer.task.cancel()
            self.transfer.wait()
        self.watcher.stop()
        self.settings.set_blob("window/geometry", self.saveGeometry())
        self.settings.set_blob("window/splitter", self.splitter.saveState())
        self.settings.sync()
        event.accept()
