"""File > Export: format, destination, which documents and labels, an optional split."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from annotator.io.exporter import FORMATS, ExportOptions
from annotator.model import STATUSES
from annotator.review.disagreements import GOLD
from annotator.scheme import Scheme
from annotator.ui.document_list import status_name


class ExportDialog(QDialog):
    def __init__(self, scheme: Scheme, lang: str, annotators: list[str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.setWindowTitle(self.tr("Export"))
        self.format = QComboBox()
        self.format.addItems(FORMATS)
        self.out = QLineEdit()
        self.out.setObjectName("export_out")
        browse = QPushButton(self.tr("Choose…"))
        self.annotator = QComboBox()
        self.annotator.addItem(self.tr("everyone"), None)
        for name in annotators:
            if name != GOLD:
                self.annotator.addItem(name, name)
        if GOLD in annotators:  # the reviewer's layer, of the adjudicated documents
            self.annotator.addItem(self.tr("gold (adjudicated documents)"), GOLD)
        self.statuses = {s: QCheckBox(status_name(s)) for s in STATUSES}
        self.labels = {x.id: QCheckBox(x.name(lang)) for x in scheme.span_labels}
        for box in (*self.statuses.values(), *self.labels.values()):
            box.setChecked(True)
        self.split = QCheckBox(self.tr("Split into train, dev and test by document"))
        self.fractions = [QDoubleSpinBox() for _ in range(3)]
        for spin, value in zip(self.fractions, (0.8, 0.1, 0.1), strict=True):
            spin.setRange(0.0, 1.0)
            spin.setSingleStep(0.05)
            spin.setValue(value)
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        out_row = QHBoxLayout()
        out_row.addWidget(self.out, 1)
        out_row.addWidget(browse)
        status_row, label_row, split_row = QHBoxLayout(), QHBoxLayout(), QHBoxLayout()
        for box in self.statuses.values():
            status_row.addWidget(box)
        for box in self.labels.values():
            label_row.addWidget(box)
        for spin in self.fractions:
            split_row.addWidget(spin)
        split_row.addWidget(self.seed)
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Save to"), out_row)
        form.addRow(self.tr("Annotator"), self.annotator)
        form.addRow(self.tr("Documents"), status_row)
        form.addRow(self.tr("Labels"), label_row)
        form.addRow(self.split)
        form.addRow(self.tr("Train, dev, test, seed"), split_row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Export"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        browse.clicked.connect(self._browse)
        self.out.textChanged.connect(self._update)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self._update()

    def options(self) -> ExportOptions:
        statuses = [s for s, box in self.statuses.items() if box.isChecked()]
        labels = [x for x, box in self.labels.items() if box.isChecked()]
        split = tuple(s.value() for s in self.fractions) if self.split.isChecked() else None
        return ExportOptions(
            format=self.format.currentText(), out=Path(self.out.text().strip()),
            statuses=None if len(statuses) == len(self.statuses) else statuses,
            annotator=None if self.annotator.currentData() == GOLD
            else self.annotator.currentData(),
            gold=self.annotator.currentData() == GOLD,
            labels=None if len(labels) == len(self.labels) else labels,
            split=split, seed=self.seed.value(),  # type: ignore[arg-type]
            lang=self.lang)  # spreadsheets name labels and values as the window does

    def _update(self) -> None:
        self.ok.setEnabled(bool(self.out.text().strip()))

    def _browse(self) -> None:
        if self.format.currentText() == "brat" or self.split.isChecked():
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Folder to export into"))
        else:
            chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"))
        if chosen:
            self.out.setText(chosen)
