"""The two matching settings that Find and Search share, as one pair of boxes."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QWidget

from annotator.search.folding import FoldOptions


class FoldOptionsBox(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ta_marbuta = QCheckBox(self.tr("ة = ه"), checked=True)
        self.prefixes = QCheckBox(self.tr("With attached prefixes (و ف ب ك ل ال)"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for box in (self.ta_marbuta, self.prefixes):
            row.addWidget(box)
            box.toggled.connect(self.changed)
        row.addStretch(1)

    def options(self) -> FoldOptions:
        return FoldOptions(ta_marbuta=self.ta_marbuta.isChecked(),
                           prefixes=self.prefixes.isChecked())
