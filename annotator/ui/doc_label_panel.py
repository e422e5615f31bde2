"""The scheme's document fields (overall stance, relevance) for the open document."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from annotator.model import DocLabel
from annotator.scheme import Scheme
from annotator.session import Session


class DocLabelPanel(QWidget):
    value_chosen = Signal(str, str)  # field id, choice id ("" clears)

    def __init__(self, session: Session, scheme: Scheme, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.boxes: dict[str, QComboBox] = {}
        self._filling = False
        form = QFormLayout(self)
        for field in scheme.doc_fields:
            box = QComboBox()
            box.setObjectName(f"doc_field_{field.id}")
            box.addItem("—", "")
            for choice in field.choices:
                box.addItem(choice.name(lang), choice.id)
            box.activated.connect(lambda _i, f=field.id, b=box: self._chosen(f, b))
            form.addRow(field.name(lang), box)
            self.boxes[field.id] = box
        session.document_opened.connect(lambda _s: self.refresh())
        session.changed.connect(lambda update: self.refresh() if update.doc_labels_changed
                                else None)

    def refresh(self) -> None:
        """Show the current annotator's values (also after the name changes)."""
        self.show_labels(self.session.doc_labels, self.session.project.annotator)

    def show_labels(self, labels: list[DocLabel], annotator: str) -> None:
        self._filling = True
        try:
            mine = {x.field: x.value for x in labels if x.annotator == annotator}
            for field_id, box in self.boxes.items():
                box.setCurrentIndex(max(0, box.findData(mine.get(field_id, ""))))
                box.setEnabled(True)
        finally:
            self._filling = False

    def _chosen(self, field_id: str, box: QComboBox) -> None:
        if not self._filling:
            self.value_chosen.emit(field_id, box.currentData())
