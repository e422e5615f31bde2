"""Import, export and merge from the window: the dialogs, the work in the background with
its progress and Cancel in the status bar, and a report at the end."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QWidget,
)

from annotator.io import exporter, importer
from annotator.session import Session
from annotator.ui.background import BackgroundTask, Task
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.import_dialog import ImportDialog

SHOWN_WARNINGS = 10


class ProgressLine(QWidget):
    """A counter and a Cancel button for the status bar: it blocks nothing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("task_progress")
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(120)
        self.cancel = QPushButton(self.tr("Cancel"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.bar, self.cancel):
            layout.addWidget(widget)
        self.hide()


class Transfer(QObject):
    finished = Signal(bool)  # a task ended; True if it may have grown the scheme
    busy_changed = Signal(bool)
    message = Signal(str)  # a quiet ending, for the status bar

    def __init__(self, parent: QWidget, session: Session, refuse: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.window = parent
        self.session = session
        self._refuse = refuse
        self.progress = ProgressLine(parent)
        self.task: BackgroundTask | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None

    def import_dialog(self, paths: list[Path]) -> ImportDialog:
        dialog = ImportDialog(paths, self.window)
        dialog.setObjectName("import_dialog")
        return dialog

    def export_dialog(self, lang: str) -> ExportDialog:
        project = self.session.project
        dialog = ExportDialog(project.scheme, lang, project.annotators(), self.window)
        dialog.setObjectName("export_dialog")
        return dialog

    # --- the three tasks -------------------------------------------------------------------

    def run_import(self, dialog: ImportDialog) -> bool:
        paths, options = dialog.chosen_paths(), dialog.options()

        def report(result: Any) -> list[str]:
            lines = [self.tr("Imported {0} documents ({1} spans, {2} links, {3} document "
                             "labels).").format(result.documents, result.spans,
                                                result.relations, result.doc_labels)]
            if result.merged is not None:
                lines.append(self.tr("Merged into {0} documents already here:").format(
                    result.duplicates))
                lines += result.merged.lines(limit=10)
            if result.scheme_additions:
                lines.append(self.tr("Added to the scheme: {0}").format(
                    ", ".join(sorted(set(result.scheme_additions)))))
            return lines + result.warnings

        return self._start(self.tr("Importing…"), self.tr("Import"), self.tr("Import failed"),
                           "import_report", lambda p, tick: importer.import_paths(
                               p, paths, options, progress=lambda name, n: tick(n, name)),
                           report, grows_scheme=True)

    def run_merge(self, path: Path) -> bool:
        from annotator.io.merging import merge_path

        return self._start(self.tr("Merging…"), self.tr("Merge"), self.tr("Merge failed"),
                           "merge_report", lambda p, tick: merge_path(p, path, progress=tick),
                           lambda r: [self.tr("Merged {0}.").format(path.name), *r.lines(limit=10)],
                           grows_scheme=True)

    def run_export(self, dialog: ExportDialog) -> bool:
        options = dialog.options()
        return self._start(
            self.tr("Exporting…"), self.tr("Export"), self.tr("Export failed"), "export_report",
            lambda p, tick: exporter.export(p, options, progress=tick),
            lambda r: [self.tr("Exported {0} documents ({1} spans, {2} links) to {3}.").format(
                r.documents, r.spans, r.relations, options.out), *r.warnings],
            grows_scheme=False)

    def run_index_build(self) -> bool:
        """A database from an older version has no search index yet: build it now, in the
        background, with progress and Cancel (a search meanwhile reads every article)."""
        from annotator.search.corpus import ensure_index, has_index

        if has_index(self.session.project.database):
            return False
        verb = self.tr("Building the search index…")
        return self._start(verb, verb, self.tr("The search index was not built"), "",
                           lambda p, tick: ensure_index(p.database, lambda n, _t: tick(n)),
                           lambda _r: [self.tr("The search index is ready.")],
                           grows_scheme=False)

    # --- running one -----------------------------------------------------------------------

    def _start(self, verb: str, title: str, failure: str, report_name: str, work: Task,
               lines: Callable[[Any], list[str]], *, grows_scheme: bool) -> bool:
        if self.task is not None:
            self._refuse(self.tr("Another import, export or merge is running; wait for it "
                                 "or cancel it first"))
            return False
        project = self.session.project
        task = BackgroundTask(project.path, project.annotator, work, self)
        self.task = task
        self.progress.label.setText(verb)
        self.progress.show()
        self.progress.cancel.clicked.connect(task.cancel)
        task.progress.connect(lambda n, name: self.progress.label.setText(
            f"{verb} {n:,}  {Path(name).name}"))
        task.succeeded.connect(lambda result: self._done(
            grows_scheme, lambda: self._report(report_name, title, lines(result))
            if report_name else self.message.emit(" ".join(lines(result)))))
        task.failed.connect(lambda message: self._done(
            False, lambda: self._box(QMessageBox.Icon.Warning, "task_error", failure,
                                     message)))
        task.cancelled.connect(lambda: self._done(False, lambda: self._refuse(
            self.tr("Cancelled; nothing from the unfinished file was kept"))))
        task.crashed.connect(lambda info: self._done(False, lambda: sys.excepthook(*info)))
        self.busy_changed.emit(True)
        task.start()
        return True

    def wait(self, timeout: float = 60.0) -> None:
        """For tests and for closing the window: let the running task end."""
        if self.task is not None:
            self.task.wait(timeout)

    def _done(self, may_grow_scheme: bool, tell: Callable[[], None]) -> None:
        task, self.task = self.task, None
        self.progress.hide()
        if task is not None:
            self.progress.cancel.clicked.disconnect(task.cancel)
            task.deleteLater()
        self.busy_changed.emit(False)
        self.finished.emit(may_grow_scheme)
        tell()

    def _report(self, name: str, title: str, lines: list[str]) -> None:
        shown = lines[:SHOWN_WARNINGS + 8]
        if len(lines) > len(shown):
            shown.append(self.tr("…and {0} more notes.").format(len(lines) - len(shown)))
        self._box(QMessageBox.Icon.Information, name, title, "\n".join(shown))

    def _box(self, icon: QMessageBox.Icon, name: str, title: str, text: str) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName(name)
        box.open()
