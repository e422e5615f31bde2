"""The read-only article: Arabic right to left, with spans drawn over it (span_painter).

Positions are converted between Qt's UTF-16 and our code points only through
annotator.text (Utf16Map); text is never read back out of the widget.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QToolTip, QWidget

from annotator.model import Document, Span
from annotator.scheme import Scheme
from annotator.session import PendingLink, Session, Update
from annotator.text import (
    Utf16Map,
    misleads_bidi,
    snap_span,
    snap_to_words,
    trim_punctuation,
)
from annotator.ui.arc_painter import ArcPainter
from annotator.ui.span_index import PlacedSpan, SpanIndex
from annotator.ui.span_painter import SpanPainter, annotator_colors
from annotator.ui.span_table import attribute_text

LINE_GAP_PX = 12  # room under each line for stacked underlines
SELECTION_COLOR = "#ffd966"  # unlike every label colour of the default scheme
FLASH_MS = 700

class ArticleView(QTextEdit):
    span_clicked = Signal(str)  # a span id, after a plain click on it

    def __init__(self, scheme: Scheme, parent: QWidget | None = None, *,
                 session: Session | None = None, lang: str = "en",
                 menu_actions: Callable[[], list[QAction | None]] | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.word_snap = True  # drags and Shift+arrows take whole words (a setting)
        self._menu_actions = menu_actions or (lambda: [])
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._scheme = scheme
        self._text = ""
        self._map = Utf16Map("")
        self.index = SpanIndex(self._map)
        self.painter = SpanPainter(scheme)
        self.arcs = ArcPainter(scheme, lang)
        self._press_in_selection: QPoint | None = None
        self._cycle: tuple[int, int] = (-1, 0)  # (position, how many clicks there)
        self._flash_timer = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._flash_timer.timeout.connect(self._end_flash)
        self.viewport().installEventFilter(self)
        # The text selection in a warm yellow: the system's blue looks like the Actor tint.
        palette = self.palette()
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Highlight, QColor(SELECTION_COLOR))
            palette.setColor(group, QPalette.ColorRole.HighlightedText, QColor("#000000"))
        self.setPalette(palette)
        self.session = session
        self._review_doc = None  # what the review frames were drawn for
        self._review_annotators: tuple[str, ...] | None = None
        if session is not None:
            session.document_opened.connect(
                lambda s: self.show_document(s.doc, s.visible_spans()))
            session.review_changed.connect(self._on_review)
            session.changed.connect(self._on_changed)
            session.selection_changed.connect(
                lambda span_id, flash: self.select_span(span_id, flash=flash))
            session.pending_changed.connect(self._on_pending)

    # --- following the session -------------------------------------------------------------

    def _on_review(self, state) -> None:
        """Review mode on, off, or other annotators compared: their spans, underlined in
        their colours (the legend is the review panel's)."""
        doc = state.doc if state is not None else None
        if doc is not self._review_doc:  # a decision, another document: not a step
            self._review_doc = doc
            self.painter.disputed = set() if doc is None else {
                record for unit in doc.open_units if unit.table == "spans"
                for record in unit.records.values()}
            self.viewport().update()
        annotators = None if state is None else state.annotators
        if annotators != self._review_annotators:
            self._review_annotators = annotators
            self.painter.annotator_colors = None if annotators is None \
                else annotator_colors(annotators)
            self.index.reset(self.session.visible_spans())
            self.viewport().update()

    def _on_changed(self, update: Update) -> None:
        if update.upserted or update.removed:
            self.apply_span_changes([s for s in update.upserted if self.session.is_visible(s)],
                                    update.removed)
        elif update.relations_changed:
            self.viewport().update()  # the arcs

    def _on_pending(self, pending: PendingLink | None) -> None:
        """While linking, the current candidate is shown selected; afterwards the span
        selected before."""
        current = pending.current if pending else None
        if current is not None:
            self.select_span(current.id, flash=True)
        elif self.session is not None:
            self.select_span(self.session.selected)

    # --- content ------------------------------------------------------------------------

    def show_document(self, doc: Document | None, spans: list[Span]) -> None:
        # Build the next QTextDocument off-screen, formats included, and attach it at the
        # end: Qt then lays the text out once instead of twice.
        self._text = doc.text if doc else ""
        self._map = Utf16Map(self._text)
        self.index = SpanIndex(self._map, spans)
        document = QTextDocument(self)
        document.setUndoRedoEnabled(False)
        document.setDefaultFont(self.font())
        document.setDocumentMargin(18)
        document.setPlainText(self._text)
        fmt = QTextBlockFormat()
        # A gap under each line leaves room for stacked underlines. Not a proportional
        # line height: Qt then hit-tests lines off by the added height, so clicks land on
        # the wrong line.
        fmt.setLineHeight(LINE_GAP_PX, 4)  # 4 = LineDistanceHeight: added below each line
        cursor = QTextCursor(document)
        cursor.setPosition(document.characterCount() - 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeBlockFormat(fmt)
        _keep_arabic_paragraphs_right_to_left(document)
        self.painter.selected = None
        self.setExtraSelections([])  # they point into the document about to go
        self.setDocument(document)  # deletes the previous one: it is our child too
        self.moveCursor(QTextCursor.MoveOperation.Start)

    @property
    def text_map(self) -> Utf16Map:
        """Code points of the shown text <-> Qt's UTF-16 positions."""
        return self._map

    def apply_span_changes(self, upserted: list[Span], removed: list[str]) -> None:
        for span_id in removed:
            self.index.remove(span_id)
        for span in upserted:
            self.index.upsert(span)
        self.viewport().update()

    # --- selection, in code points ------------------------------------------------------

    def selected_range(self) -> tuple[int, int] | None:
        """The current selection as code point offsets: whole graphemes, without blanks or
        punctuation at the edges; None when nothing (or only blanks) is selected."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._map.from_utf16(cursor.selectionStart())
        end = self._map.from_utf16(cursor.selectionEnd())
        snapped = snap_span(self._text, start, end)
        return trim_punctuation(self._text, *snapped) if snapped else None

    def select_range(self, start: int, end: int) -> None:
        """Select code points [start, end) of the text and scroll to them (a found hit: a
        label key then labels it)."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def select_span(self, span_id: str | None, *, flash: bool = False) -> None:
        self.painter.selected = span_id
        placed = self.index.get(span_id) if span_id else None
        if placed is not None:
            cursor = QTextCursor(self.document())
            cursor.setPosition(placed.start)
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            if flash:
                self.painter.flashing = span_id
                self._flash_timer.start()
        self.viewport().update()

    def _end_flash(self) -> None:
        self.painter.flashing = None
        self.viewport().update()

    def is_right_to_left_at(self, cp: int) -> bool:
        block = self.document().findBlock(self._map.to_utf16(cp))
        return block.layout().textOption().textDirection() == Qt.LayoutDirection.RightToLeft \
            or block.textDirection() == Qt.LayoutDirection.RightToLeft

    def span_ids_at(self, viewport_pos: QPoint) -> list[str]:
        pos = self.cursorForPosition(viewport_pos).position()
        # cursorForPosition gives the nearest gap between characters; test both neighbours.
        hits = self.index.at(pos) or (self.index.at(pos - 1) if pos else [])
        return [p.span.id for p in hits]

    # --- mouse --------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        cursor = self.textCursor()
        if (event.button() == Qt.MouseButton.LeftButton and cursor.hasSelection()
                and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            pos = self.cursorForPosition(event.position().toPoint()).position()
            if cursor.selectionStart() <= pos < cursor.selectionEnd():
                # Qt would start a drag here and collapse the selection (DESIGN.md);
                # a press inside the selection keeps it, ready for a label key.
                self._press_in_selection = event.position().toPoint()
                event.accept()
                return
        self._press_in_selection = None
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press_in_selection is not None:
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._press_in_selection is not None:
            self._press_in_selection = None
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.textCursor().hasSelection():
            # A drag takes whole words (brat and INCEpTION snap to tokens); Alt held while
            # releasing, or the setting off, keeps character precision.
            if self.word_snap and not event.modifiers() & Qt.KeyboardModifier.AltModifier:
                self.snap_selection_to_words()
            return
        point = event.position().toPoint()
        ids = self.span_ids_at(point)
        if not ids:
            return
        pos = self.cursorForPosition(point).position()
        clicks = self._cycle[1] + 1 if self._cycle[0] == pos else 0
        self._cycle = (pos, clicks)
        self.span_clicked.emit(ids[clicks % len(ids)])

    def snap_selection_to_words(self) -> None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return
        anchor = self._map.from_utf16(cursor.anchor())
        position = self._map.from_utf16(cursor.position())
        start, end = snap_to_words(self._text, anchor, position)
        if position < anchor:  # keep the direction the analyst dragged in
            start, end = end, start
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        super().keyPressEvent(event)
        extends = event.modifiers() & Qt.KeyboardModifier.ShiftModifier and event.key() in (
            Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End,
            Qt.Key.Key_Up, Qt.Key.Key_Down)
        if extends and self.word_snap:
            self.snap_selection_to_words()

    # --- tooltips and the context menu ---------------------------------------------------

    def span_at_viewport(self, point: QPoint) -> PlacedSpan | None:
        ids = self.span_ids_at(point)
        return self.index.get(ids[0]) if ids else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.viewport() and event.type() == QEvent.Type.ToolTip:
            self._show_tooltip(event)  # type: ignore[arg-type]
            return True
        if watched is self.viewport() and event.type() == QEvent.Type.ContextMenu:
            return self._span_menu(event)  # type: ignore[arg-type]
        return super().eventFilter(watched, event)

    def tooltip_text(self, span: Span) -> str:
        label = self._scheme.label(span.label)
        lines = [label.name(self.lang) if label else span.label]
        attrs = attribute_text(self._scheme, span, self.lang)
        if attrs:
            lines.append(attrs)
        lines.append(self.tr("by {0}").format(span.annotator))
        if span.note:
            lines.append(span.note)
        return "\n".join(lines)

    def _show_tooltip(self, event: QHelpEvent) -> None:
        placed = self.span_at_viewport(event.pos())
        if placed is None:
            QToolTip.hideText()
            return
        QToolTip.showText(event.globalPos(), self.tooltip_text(placed.span), self)

    def _span_menu(self, event: QContextMenuEvent) -> bool:
        ids = self.span_ids_at(event.pos())
        if not ids or self.session is None:
            return False
        self.session.select(ids[0])
        menu = QMenu(self)
        for action in self._menu_actions():
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.popup(event.globalPos())
        return True

    # --- painting ---------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        super().paintEvent(event)
        if not len(self.index):
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        dx = -self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        layout = self.document().documentLayout()
        height = self.viewport().height()
        block = self.document().findBlock(self.cursorForPosition(QPoint(0, 0)).position())
        while block.isValid():
            rect = layout.blockBoundingRect(block)
            top = rect.top() + dy
            if top > height:
                break
            if rect.bottom() + dy >= 0:
                self.painter.paint_block(painter, block, QPointF(rect.left() + dx, top),
                                         self.index)
            block = block.next()
        if self.session is not None:
            self.arcs.paint(painter, self, self.session.relations, self.index,
                            self.painter.selected)
        painter.end()


def _keep_arabic_paragraphs_right_to_left(document: QTextDocument) -> None:
    """An Arabic paragraph that opens with a flag or a Latin word is still right to left
    (Qt follows Unicode's first-strong-character rule, which would make it left to right).
    Only those paragraphs get a format: the rest keep Qt's own detection."""
    rtl = QTextBlockFormat()
    rtl.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    block = document.begin()
    while block.isValid():
        if misleads_bidi(block.text()):
            QTextCursor(block).mergeBlockFormat(rtl)
        block = block.next()


def arabic_font(point_size: int = 15) -> QFont:
    font = QFont()
    font.setFamilies(["Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", "Arial",
                      "DejaVu Sans", "Segoe UI Emoji", "Noto Color Emoji", "Apple Color Emoji"])
    font.setPointSize(point_size)
    return font

