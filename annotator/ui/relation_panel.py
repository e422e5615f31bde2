"""All relations of the open document; select one to see its spans, Del to delete it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from annotator.model import Relation
from annotator.scheme import Scheme
from annotator.session import Session, Update
from annotator.ui.keys import claims_delete
from annotator.ui.span_table import quoted


class RelationPanel(QListWidget):
    relation_chosen = Signal(str, str)  # relation id, head span id
    delete_requested = Signal(str)  # relation id

    def __init__(self, session: Session, scheme: Scheme, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.scheme = scheme
        self.lang = lang
        self.setObjectName("relations")
        self.currentItemChanged.connect(self._on_current)
        self.relation_chosen.connect(lambda _rid, head: session.select(head, flash=True))
        session.document_opened.connect(lambda _s: self.refresh())
        session.selection_changed.connect(lambda _id, _flash: self.refresh())
        session.changed.connect(self._on_changed)

    def _on_changed(self, update: Update) -> None:
        if update.relations_changed or update.upserted:  # a link, or a linked span's text
            self.refresh()

    def refresh(self) -> None:
        relations = self.session.relations
        texts = {sid: self.session.span_text(sid)
                 for r in relations for sid in (r.head, r.tail)}
        self.show_relations(relations, texts, self.session.selected)

    def show_relations(self, relations: list[Relation], span_texts: dict[str, str],
                       focus_span: str | None = None) -> None:
        current = self.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.blockSignals(True)
        try:
            self.clear()
            for rel in relations:
                rtype = self.scheme.relation(rel.type)
                name = rtype.name(self.lang) if rtype else rel.type
                item = QListWidgetItem(f"{quoted(span_texts.get(rel.head, '?'))}  {name}  "
                                       f"{quoted(span_texts.get(rel.tail, '?'))}")
                item.setData(Qt.ItemDataRole.UserRole, rel.id)
                item.setData(Qt.ItemDataRole.UserRole + 1, rel.head)
                font = item.font()
                font.setBold(focus_span in (rel.head, rel.tail))
                item.setFont(font)
                self.addItem(item)
                if rel.id == keep:
                    self.setCurrentItem(item)
        finally:
            self.blockSignals(False)

    def _on_current(self, item: QListWidgetItem | None, _prev: QListWidgetItem | None) -> None:
        if item is not None:
            self.relation_chosen.emit(item.data(Qt.ItemDataRole.UserRole),
                                      item.data(Qt.ItemDataRole.UserRole + 1))

    def event(self, event: QEvent) -> bool:
        # Del here deletes the link, not the selected span.
        return claims_delete(event) or super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        item = self.currentItem()
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and item is not None:
            self.delete_requested.emit(item.data(Qt.ItemDataRole.UserRole))
            return
        super().keyPressEvent(event)
