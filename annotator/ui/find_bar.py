"""Find in the article (Ctrl+F): spelling-insensitive Arabic matching, every hit tinted,
the current one selected, so that a label key labels it.

It follows the session: a newly opened document is searched again with the same query.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextEdit,
    QToolButton,
    QWidget,
)

from annotator.search.folding import FoldOptions, find_all
from annotator.session import Session
from annotator.ui.article_view import ArticleView
from annotator.ui.fold_options import FoldOptionsBox

HIT_COLOR = "#ffe9a8"  # paler than the selection yellow: the current hit stands out


class FindBar(QWidget):
    def __init__(self, session: Session, view: ArticleView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session, self.view = session, view
        self.hits: list[tuple[int, int]] = []
        self.current = -1
        self.query = QLineEdit(placeholderText=self.tr("Find in the article"))
        self.query.setClearButtonEnabled(True)
        self.count = QLabel()
        self.previous_button = QToolButton(text="▲", toolTip=self.tr("Previous hit (Shift+Enter)"))
        self.next_button = QToolButton(text="▼", toolTip=self.tr("Next hit (Enter)"))
        self.fold_options = FoldOptionsBox()
        self.ta_marbuta, self.prefixes = self.fold_options.ta_marbuta, self.fold_options.prefixes
        close = QToolButton(text="✕", toolTip=self.tr("Close (Esc)"))
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 2, 8, 2)
        for widget in (self.query, self.previous_button, self.next_button, self.count,
                       self.fold_options):
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(close)
        self.query.textChanged.connect(self.search)
        self.query.installEventFilter(self)
        self.fold_options.changed.connect(self.search)
        self.next_button.clicked.connect(lambda: self.step(1))
        self.previous_button.clicked.connect(lambda: self.step(-1))
        close.clicked.connect(self.close_bar)
        session.document_opened.connect(lambda _s: self.search() if self.isVisible() else None)
        self.hide()

    def open_bar(self) -> None:
        self.show()
        self.query.setFocus()
        self.query.selectAll()
        self.search()

    def close_bar(self) -> None:
        self.hide()
        self.hits, self.current = [], -1
        self.view.setExtraSelections([])
        self.view.setFocus()

    def options(self) -> FoldOptions:
        return self.fold_options.options()

    def search(self) -> None:
        doc = self.session.doc
        text = doc.text if doc is not None else ""
        self.hits = find_all(text, self.query.text(), self.options())
        self.current = -1
        self._show_hits()
        if self.hits:
            self.step(1)
        else:
            self._show_count()

    def step(self, direction: int) -> None:
        """The next (1) or previous (-1) hit, round the end; selected in the article."""
        if not self.hits:
            return
        self.current = (self.current + direction) % len(self.hits)
        self.view.select_range(*self.hits[self.current])
        self._show_count()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """In the query: Enter for the next hit, Shift+Enter the previous, Esc closes."""
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                self.step(-1 if shift else 1)
                return True
        return super().eventFilter(watched, event)

    def _show_count(self) -> None:
        if not self.query.text().strip():
            self.count.setText("")
        elif not self.hits:
            self.count.setText(self.tr("no hits"))
        else:
            self.count.setText(self.tr("{0} of {1}").format(self.current + 1, len(self.hits)))

    def _show_hits(self) -> None:
        fmt = QTextCharFormat()
        fmt.setBackground(QColor(HIT_COLOR))
        to_utf16 = self.view.text_map.to_utf16
        selections = []
        for start, end in self.hits:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = QTextCursor(self.view.document())
            selection.cursor.setPosition(to_utf16(start))
            selection.cursor.setPosition(to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            selection.format = fmt
            selections.append(selection)
        self.view.setExtraSelections(selections)
