"""Edits the selected span: label, the scheme's attribute choices, note; lists its links."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.model import Relation, Span
from annotator.scheme import Scheme
from annotator.session import Session, Update
from annotator.ui.span_table import quoted

NONE_CHOICE = ""


class SpanEditor(QWidget):
    label_chosen = Signal(str, str)  # span id, label id
    attribute_chosen = Signal(str, str, str)  # span id, attribute id, choice id ("" = none)
    note_edited = Signal(str, str)  # span id, note
    link_chosen = Signal(str)  # the other span of a link the user double-clicked

    def __init__(self, session: Session, scheme: Scheme, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.scheme = scheme
        self.lang = lang
        self.span: Span | None = None
        self._filling = False
        self.heading = QLabel(self.tr("No span selected"))
        self.heading.setWordWrap(True)
        self.label_box = QComboBox()
        self.note_edit = QLineEdit()
        self.note_edit.setPlaceholderText(self.tr("Note (Enter to save)"))
        self.links = QListWidget()
        self.links.setObjectName("span_links")
        self.form = QFormLayout()
        self.form.addRow(self.tr("Label"), self.label_box)
        self._attr_boxes: dict[str, QComboBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addWidget(self.note_edit)
        layout.addWidget(QLabel(self.tr("Linked spans")))
        layout.addWidget(self.links)
        for label in scheme.span_labels:
            self.label_box.addItem(label.name(lang), label.id)
        self.label_box.activated.connect(self._label_activated)
        self.note_edit.editingFinished.connect(self._note_done)
        self.links.itemDoubleClicked.connect(
            lambda item: self.link_chosen.emit(item.data(Qt.ItemDataRole.UserRole)))
        self.link_chosen.connect(lambda other: session.select(other, flash=True))
        self.show_span(None, "", [], {})
        session.document_opened.connect(lambda _s: self.refresh())
        session.selection_changed.connect(lambda _id, _flash: self.refresh())
        session.changed.connect(self._on_changed)

    def _on_changed(self, update: Update) -> None:
        selected = self.session.selected
        if update.relations_changed or any(s.id == selected for s in update.upserted) \
                or (self.span is not None and selected != self.span.id):
            self.refresh()

    def refresh(self) -> None:
        session = self.session
        span = session.spans.get(session.selected) if session.selected else None
        if span is None or session.doc is None:
            self.show_span(None, "", [], {})
            return
        links = session.links_of(span.id)
        texts = {sid: session.span_text(sid) for r in links for sid in (r.head, r.tail)}
        self.show_span(span, session.doc.text, links, texts)

    def show_span(self, span: Span | None, text: str, relations: list[Relation],
                  span_texts: dict[str, str]) -> None:
        self._filling = True
        try:
            self.span = span
            for widget in (self.label_box, self.note_edit):
                widget.setEnabled(span is not None)
            for box in self._attr_boxes.values():
                self.form.removeRow(box)
            self._attr_boxes = {}
            self.links.clear()
            if span is None:
                self.heading.setText(self.tr("No span selected"))
                self.note_edit.clear()
                return
            # A direction mark first: the quote is isolated, so the label would otherwise
            # lay it out left to right (and left-aligned) in the Arabic interface.
            mark = "\u200f" if self.lang == "ar" else "\u200e"
            self.heading.setText(mark + quoted(span.text_in(text)))
            index = self.label_box.findData(span.label)
            if index < 0:  # a label the current scheme no longer has: still shown
                self.label_box.addItem(span.label, span.label)
                index = self.label_box.count() - 1
            self.label_box.setCurrentIndex(index)
            self.note_edit.setText(span.note or "")
            label = self.scheme.label(span.label)
            for attr in label.attributes if label else ():
                box = QComboBox()
                box.setObjectName(f"attribute_{attr.id}")
                box.addItem("—", NONE_CHOICE)
                for choice in attr.choices:
                    box.addItem(choice.name(self.lang), choice.id)
                box.setCurrentIndex(max(0, box.findData(span.attributes.get(attr.id, ""))))
                box.activated.connect(lambda _i, a=attr.id, b=box: self._attr_activated(a, b))
                self.form.addRow(attr.name_ar if self.lang == "ar" else attr.name_en, box)
                self._attr_boxes[attr.id] = box
            for rel in relations:
                rtype = self.scheme.relation(rel.type)
                name = rtype.name(self.lang) if rtype else rel.type
                outgoing = rel.head == span.id
                other = rel.tail if outgoing else rel.head
                # The arrow points from the span the link starts at, in reading direction.
                forward, backward = ("←", "→") if self.lang == "ar" else ("→", "←")
                arrow = forward if outgoing else backward
                item = QListWidgetItem(f"{name} {arrow} {quoted(span_texts.get(other, '?'))}")
                item.setData(Qt.ItemDataRole.UserRole, other)
                self.links.addItem(item)
        finally:
            self._filling = False

    def attribute_box(self, attr_id: str) -> QComboBox | None:
        return self._attr_boxes.get(attr_id)

    def _label_activated(self, _index: int) -> None:
        if self.span and not self._filling:
            self.label_chosen.emit(self.span.id, self.label_box.currentData())

    def _attr_activated(self, attr_id: str, box: QComboBox) -> None:
        if self.span and not self._filling:
            self.attribute_chosen.emit(self.span.id, attr_id, box.currentData())

    def _note_done(self) -> None:
        if self.span and not self._filling and self.note_edit.text() != (self.span.note or ""):
            self.note_edited.emit(self.span.id, self.note_edit.text())
