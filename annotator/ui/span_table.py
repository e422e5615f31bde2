"""The spans of the open document in a sortable table: label, text, attributes, annotator,
note. The model keeps its rows sorted itself: a new document is one reset with rows built
in one pass; a changed span is one row inserted, changed or removed."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QWidget

from annotator.model import Span
from annotator.scheme import Scheme
from annotator.session import Session, Update
from annotator.ui.record_table import Index, RecordTable

PREVIEW_CHARS = 80
COLUMNS = ("label", "text", "attributes", "annotator", "note")
GREY = QColor("#888888")


def quoted(text: str) -> str:
    """Span text for a mixed-direction line: isolated (FSI...PDI) so that an Arabic quote
    inside an English sentence, or the reverse, keeps its own order."""
    return f"«\u2068{text}\u2069»"


def attribute_text(scheme: Scheme, span: Span, lang: str) -> str:
    label = scheme.label(span.label)
    parts = []
    for key, value in span.attributes.items():
        attr = label.attribute(key) if label else None
        choice = attr.choice(str(value)) if attr else None
        parts.append(choice.name(lang) if choice else f"{key}={value}")
    return ", ".join(parts)


class SpanTableModel(QAbstractTableModel):
    def __init__(self, scheme: Scheme, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scheme = scheme
        self.lang = lang
        self._text = ""
        self._rows: list[Span] = []
        self._cells: dict[str, tuple[str, ...]] = {}  # what a row shows, built when shown
        self._keys: list[Any] = []
        self._column, self._descending = 1, False

    # --- rows, kept sorted -----------------------------------------------------------------

    def _cells_of(self, span: Span) -> tuple[str, ...]:
        label = self.scheme.label(span.label)
        text = span.text_in(self._text).replace("\n", " ")
        if len(text) > PREVIEW_CHARS:
            text = text[:PREVIEW_CHARS] + "…"
        return (label.name(self.lang) if label else span.label, text,
                attribute_text(self.scheme, span, self.lang), span.annotator, span.note or "")

    def _cells_at(self, row: int) -> tuple[str, ...]:
        span = self._rows[row]
        cells = self._cells.get(span.id)
        if cells is None:
            cells = self._cells[span.id] = self._cells_of(span)
        return cells

    def _key_of(self, span: Span) -> Any:
        if self._column == 1:  # the text column sorts in reading order: no cell needed
            key: Any = (span.start, span.end, span.id)
        else:
            cells = self._cells.get(span.id)
            if cells is None:
                cells = self._cells[span.id] = self._cells_of(span)
            key = (cells[self._column], span.start, span.id)
        return _Reversed(key) if self._descending else key

    def set_spans(self, text: str, spans: list[Span]) -> None:
        self.beginResetModel()
        self._text = text
        self._cells = {}
        keyed = sorted(((self._key_of(span), span) for span in spans), key=lambda r: r[0])
        self._keys = [k for k, _ in keyed]
        self._rows = [span for _, span in keyed]
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._column = column if 0 <= column < len(COLUMNS) else 1
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.layoutAboutToBeChanged.emit()
        self.set_spans(self._text, list(self._rows))
        self.layoutChanged.emit()

    def upsert(self, span: Span) -> None:
        self.remove(span.id)
        key = self._key_of(span)
        row = bisect_left(self._keys, key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, span)
        self._keys.insert(row, key)
        self.endInsertRows()

    def remove(self, span_id: str) -> None:
        row = self.row_of(span_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row], self._keys[row]
        self._cells.pop(span_id, None)
        self.endRemoveRows()

    def row_of(self, span_id: str) -> int | None:
        return next((i for i, s in enumerate(self._rows) if s.id == span_id), None)

    def span_at(self, row: int) -> Span:
        return self._rows[row]

    # --- Qt ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells_at(row)[col]
        span = self._rows[row]
        label = self.scheme.label(span.label) if col == 0 else None
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return QColor(label.color) if label else GREY
        if role == Qt.ItemDataRole.ToolTipRole and col == 1:
            return span.text_in(self._text)
        if role == Qt.ItemDataRole.ForegroundRole and col == 0 and label is None:
            return QBrush(GREY)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Label"), self.tr("Text"), self.tr("Attributes"), self.tr("Annotator"),
                self.tr("Note")][section]


class _Reversed:
    """A sort key in reverse, for bisect on a list sorted in descending order."""

    __slots__ = ("key",)

    def __init__(self, key: Any) -> None:
        self.key = key

    def __lt__(self, other: _Reversed) -> bool:
        return other.key < self.key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reversed) and other.key == self.key

    __hash__ = None  # type: ignore[assignment]


class SpanTable(RecordTable):
    span_chosen = Signal(str)

    def __init__(self, session: Session, scheme: Scheme, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.source_model = SpanTableModel(scheme, lang, self)
        self.setModel(self.source_model)
        self.sortByColumn(1, Qt.SortOrder.AscendingOrder)  # the text, in reading order
        # Fixed widths: ResizeToContents would read every row on every change.
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 80), (2, 120), (3, 90), (4, 64)):
            self.setColumnWidth(col, width)
        self.selectionModel().currentRowChanged.connect(self._on_current)
        session.document_opened.connect(self._on_opened)
        session.changed.connect(self._on_changed)
        session.selection_changed.connect(lambda span_id, _flash: self.show_span(span_id))

    def _on_opened(self, session: Session) -> None:
        self.source_model.set_spans(session.doc.text if session.doc else "",
                                    list(session.spans.values()))

    def _on_changed(self, update: Update) -> None:
        self._quietly(lambda: self._apply(update))

    def _apply(self, update: Update) -> None:
        for span_id in update.removed:
            self.source_model.remove(span_id)
        for span in update.upserted:
            self.source_model.upsert(span)

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            span_id = self.source_model.span_at(current.row()).id
            if span_id != self.session.selected:
                self.session.select(span_id, flash=True)

    def show_span(self, span_id: str | None) -> None:
        """Select the row of a span without choosing it again."""
        def show() -> None:
            row = self.source_model.row_of(span_id) if span_id else None
            if row is None:
                self.clearSelection()
                return
            index = self.source_model.index(row, 0)
            self.setCurrentIndex(index)
            self.scrollTo(index)
        self._quietly(show)

    def _quietly(self, change: Callable[[], None]) -> None:
        blocker = QSignalBlocker(self.selectionModel())
        change()
        del blocker
