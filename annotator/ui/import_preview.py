"""The import dialog's preview: the format and encoding found, how many documents, the
first ones, and for a table one choice per role (text, title, id, source, date), each
changeable before anything is imported."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.io.csv_table import ROLES
from annotator.io.preview import Preview

NONE = ""


class ImportPreview(QWidget):
    roles_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("import_preview")
        self.summary = QLabel()
        self.summary.setObjectName("preview_summary")
        self.summary.setWordWrap(True)
        self.rows = QTableWidget(0, 2)
        self.rows.setObjectName("preview_rows")
        self.rows.setHorizontalHeaderLabels([self.tr("Title"), self.tr("Text")])
        self.rows.verticalHeader().hide()
        self.rows.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.roles: dict[str, QComboBox] = {}
        self.role_form = QFormLayout()
        names = {"text": self.tr("Text column"), "title": self.tr("Title column"),
                 "id": self.tr("Id column"), "source": self.tr("Source column"),
                 "date": self.tr("Date column")}
        for role in ROLES:
            box = QComboBox()
            box.setObjectName(f"role_{role}")
            box.activated.connect(lambda _i: self.roles_changed.emit())
            self.roles[role] = box
            self.role_form.addRow(names[role], box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addLayout(self.role_form)
        layout.addWidget(self.rows)
        self.show_preview(None)

    def show_preview(self, found: Preview | None) -> None:
        for role, box in self.roles.items():
            box.clear()
            box.setVisible(bool(found and found.columns))
            self.role_form.labelForField(box).setVisible(bool(found and found.columns))
            if found and found.columns:
                if role != "text":
                    box.addItem("—", NONE)
                for column in found.columns:
                    box.addItem(column, column)
                box.setCurrentIndex(max(0, box.findData(found.roles.get(role) or NONE)))
        self.rows.setRowCount(0)
        if found is None:
            self.summary.setText(self.tr("Add a file or a folder to see what it holds."))
            return
        if found.problem:
            self.summary.setText("⚠ " + found.problem)
            return
        count = f"{found.documents:,}" + ("+" if found.more else "")
        self.summary.setText(self.tr("{0} · {1} · {2} documents").format(
            found.format, found.encoding or "—", count))
        self.rows.setRowCount(len(found.first))
        for row, (title, text) in enumerate(found.first):
            self.rows.setItem(row, 0, QTableWidgetItem(title))
            self.rows.setItem(row, 1, QTableWidgetItem(text))

    def chosen_roles(self) -> dict[str, str] | None:
        if not any(box.isVisible() or box.count() for box in self.roles.values()):
            return None
        chosen = {role: box.currentData() for role, box in self.roles.items() if box.count()}
        return chosen or None
