"""The open document's metadata, read-only: URL (opens in the browser), date, source,
language, and every field its file carried (a FIGNEWS post's English translation, its
bias columns…)."""

from __future__ import annotations

import html
import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from annotator.session import Session

LANGUAGES = {"ar": "العربية", "he": "עברית", "und-Latn": "Latin script",
             "und-Cyrl": "Cyrillic script"}


class DocumentInfo(QWidget):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("document_info")
        self.session = session
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.values: dict[str, QLabel] = {}
        session.document_opened.connect(lambda _s: self.refresh())
        session.changed.connect(lambda u: self.refresh() if u.document_changed else None)

    def _row(self, name: str, text: str, *, link: bool = False) -> None:
        value = QLabel()
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        if link:
            value.setText(f'<a href="{html.escape(text, quote=True)}">{html.escape(text)}</a>')
            value.setOpenExternalLinks(True)
        else:
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setText(text)
        self.form.addRow(name, value)
        self.values[name] = value

    def refresh(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.values = {}
        doc = self.session.doc
        if doc is None:
            return
        if doc.url:
            self._row(self.tr("URL"), doc.url, link=doc.url.startswith(("http://", "https://")))
        for name, value in ((self.tr("Published"), doc.published), (self.tr("Source"),
                            doc.source), (self.tr("Language"),
                            LANGUAGES.get(doc.language, doc.language))):
            if value:
                self._row(name, value)
        for key, value in doc.meta.items():
            shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            self._row(str(key), shown)
