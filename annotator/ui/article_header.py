"""The open article's title and its source line (outlet · date · status)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from annotator.session import Session
from annotator.ui.article_view import arabic_font
from annotator.ui.document_list_model import status_name


class ArticleHeader(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.title_label = QLabel()
        self.title_label.setObjectName("title")
        self.title_label.setWordWrap(True)
        font = arabic_font(18)
        font.setBold(True)
        self.title_label.setFont(font)
        self.source_label = QLabel()
        self.source_label.setObjectName("source")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.source_label)
        session.document_opened.connect(lambda _s: self.refresh())
        session.changed.connect(lambda update: self.refresh() if update.document_changed
                                else None)

    def refresh(self) -> None:
        doc = self.session.doc
        if doc is None:
            self.title_label.setText("")
            self.source_label.setText("")
            return
        self.title_label.setText(doc.title or " ".join(doc.text[:80].split()[:8]) + "…")
        parts = (doc.source, doc.published or "", status_name(doc.status))
        self.source_label.setText(" · ".join(x for x in parts if x))
