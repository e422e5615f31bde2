"""Import and export from the window: the dialogs, a progress dialog with Cancel, a report."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from annotator.errors import CancelledError
from annotator.io import exporter, importer
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.import_dialog import ImportDialog
from annotator.ui.op_runner import OpRunner

SHOWN_WARNINGS = 10


class Progress:
    """A counter dialog; Cancel makes the next tick raise CancelledError, so the task
    rolls back what it had started."""

    def __init__(self, parent: QWidget, title: str, cancel: str) -> None:
        self.dialog = QProgressDialog(title, cancel, 0, 0, parent)
        self.dialog.setObjectName("progress")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)

    def tick(self, count: int, name: str = "") -> None:
        if count % 50 == 0:
            self.dialog.setLabelText(f"{count:,}  {Path(name).name}")
            QCoreApplication.processEvents()
        if self.dialog.wasCanceled():
            raise CancelledError("cancelled")

    def close(self) -> None:
        self.dialog.close()


class Transfer(QObject):
    def __init__(self, parent: QWidget, runner: OpRunner) -> None:
        super().__init__(parent)
        self.window = parent
        self.runner = runner

    def import_dialog(self, paths: list[Path]) -> ImportDialog:
        dialog = ImportDialog(paths, self.window)
        dialog.setObjectName("import_dialog")
        return dialog

    def export_dialog(self, lang: str) -> ExportDialog:
        project = self.runner.project
        dialog = ExportDialog(project.scheme, lang, project.annotators(), self.window)
        dialog.setObjectName("export_dialog")
        return dialog

    def run_import(self, dialog: ImportDialog) -> bool:
        """Import what the dialog chose; True if the scheme grew (the window rebuilds)."""
        paths, options = dialog.chosen_paths(), dialog.options()
        scheme_before = self.runner.project.scheme
        progress = Progress(self.window, self.tr("Importing…"), self.tr("Cancel"))
        report = self.runner.run_task(self.tr("Import failed"), lambda p: importer.import_paths(
            p, paths, options, progress=lambda name, n: progress.tick(n, name)))
        progress.close()
        if report is None:
            return False
        lines = [self.tr("Imported {0} documents ({1} spans, {2} links, {3} document labels).")
                 .format(report.documents, report.spans, report.relations, report.doc_labels),
                 self.tr("Skipped {0} already in the database.").format(report.duplicates)]
        if report.scheme_additions:
            added = ", ".join(sorted(set(report.scheme_additions)))
            lines.append(self.tr("Added to the scheme: {0}").format(added))
        self._report("import_report", self.tr("Import"), lines, report.warnings)
        return self.runner.project.scheme is not scheme_before

    def run_merge(self, path: Path) -> bool:
        """Merge a colleague's file; True if the scheme grew (the window rebuilds)."""
        from annotator.io.merging import merge_path

        scheme_before = self.runner.project.scheme
        progress = Progress(self.window, self.tr("Merging…"), self.tr("Cancel"))
        report = self.runner.run_task(self.tr("Merge failed"), lambda p: merge_path(
            p, path, progress=progress.tick))
        progress.close()
        if report is None:
            return False
        lines = [self.tr("Merged {0}.").format(path.name)]
        self._report("merge_report", self.tr("Merge"), lines, report.lines())
        return self.runner.project.scheme is not scheme_before

    def run_export(self, dialog: ExportDialog) -> None:
        options = dialog.options()
        progress = Progress(self.window, self.tr("Exporting…"), self.tr("Cancel"))
        report = self.runner.run_task(self.tr("Export failed"), lambda p: exporter.export(
            p, options, progress=progress.tick))
        progress.close()
        if report is None:
            return
        lines = [self.tr("Exported {0} documents ({1} spans, {2} links) to {3}.").format(
            report.documents, report.spans, report.relations, options.out)]
        self._report("export_report", self.tr("Export"), lines, report.warnings)

    def _report(self, name: str, title: str, lines: list[str], warnings: list[str]) -> None:
        lines = lines + warnings[:SHOWN_WARNINGS]
        if len(warnings) > SHOWN_WARNINGS:
            lines.append(self.tr("…and {0} more notes.").format(len(warnings) - SHOWN_WARNINGS))
        box = QMessageBox(QMessageBox.Icon.Information, title, "\n".join(lines),
                          QMessageBox.StandardButton.Ok, self.window)
        box.setObjectName(name)
        box.open()
