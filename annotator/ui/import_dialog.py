"""File > Import: pick files or folders (or drop them on the window), a format, an encoding."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from annotator.io.importer import FORMATS, ImportOptions
from annotator.io.preview import preview
from annotator.ui.import_preview import ImportPreview

ENCODINGS = ("auto", "utf-8", "utf-16", "cp1256", "iso8859-6")


class ImportDialog(QDialog):
    def __init__(self, paths: list[Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import"))
        self.paths = QListWidget()
        self.paths.setObjectName("import_paths")
        add_files = QPushButton(self.tr("Add files…"))
        add_folder = QPushButton(self.tr("Add folder…"))
        self.format = QComboBox()
        self.format.addItems(FORMATS)
        self.encoding = QComboBox()
        self.encoding.addItems(ENCODINGS)
        self.annotator = QLineEdit()
        self.annotator.setPlaceholderText(self.tr("as written in the files"))
        self.text_column = QLineEdit()
        self.text_column.setPlaceholderText(self.tr("CSV: found by name or length"))
        self.add_labels = QCheckBox(self.tr("Add labels the files use to the scheme"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Import"))
        row = QHBoxLayout()
        row.addWidget(add_files)
        row.addWidget(add_folder)
        row.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Encoding"), self.encoding)
        form.addRow(self.tr("Annotator"), self.annotator)
        self.text_column.hide()  # the preview's role choices name the text column
        self.preview = ImportPreview()
        layout = QVBoxLayout(self)
        layout.addWidget(self.paths)
        layout.addLayout(row)
        layout.addLayout(form)
        layout.addWidget(self.add_labels)
        layout.addWidget(self.preview, 1)
        layout.addWidget(buttons)
        self.format.activated.connect(lambda _i: self.refresh_preview())
        self.encoding.activated.connect(lambda _i: self.refresh_preview())
        self.text_column.editingFinished.connect(self.refresh_preview)
        self.preview.roles_changed.connect(lambda: self.refresh_preview(keep_roles=True))
        add_files.clicked.connect(self._add_files)
        add_folder.clicked.connect(self._add_folder)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for path in paths:
            self.add_path(path)
        self._update()
        self.resize(640, 620)

    def add_path(self, path: Path) -> None:
        self.paths.addItem(str(path))
        self._update()
        self.refresh_preview()

    def refresh_preview(self, *, keep_roles: bool = False) -> None:
        """Read the first path as the import would, with the choices made so far."""
        paths = self.chosen_paths()
        options = self.options() if keep_roles else self._base_options()
        self.preview.show_preview(preview(paths[0], options) if paths else None)

    def chosen_paths(self) -> list[Path]:
        return [Path(self.paths.item(i).text()) for i in range(self.paths.count())]

    def _base_options(self) -> ImportOptions:
        return ImportOptions(format=self.format.currentText(),
                             encoding=self.encoding.currentText(),
                             annotator=self.annotator.text().strip() or None,
                             add_labels=self.add_labels.isChecked(),
                             text_column=self.text_column.text().strip() or None)

    def options(self) -> ImportOptions:
        """What the dialog chose, with the column roles of the preview (a table)."""
        options = self._base_options()
        roles = self.preview.chosen_roles()
        if roles:
            options.text_column = roles.pop("text", None) or options.text_column
            options.roles = roles
        return options

    def _update(self) -> None:
        self.ok.setEnabled(self.paths.count() > 0)

    def _add_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Files to import"), "",
            self.tr("Articles and labels (*.txt *.jsonl *.json *.csv *.tsv *.ann);;All (*)"))
        for name in files:
            self.add_path(Path(name))

    def _add_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder to import"))
        if folder:
            self.add_path(Path(folder))
