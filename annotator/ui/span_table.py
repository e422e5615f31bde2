"""The spans of the open document in a sortable table: label, text, attributes, annotator."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QWidget

from annotator.model import Span
from annotator.scheme import Scheme
from annotator.ui.record_table import Index, RecordTable, RecordTableModel

PREVIEW_CHARS = 80


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


class SpanTableModel(RecordTableModel):
    COLUMNS = ("label", "text", "attributes", "annotator", "note")

    def __init__(self, scheme: Scheme, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.scheme = scheme
        self.lang = lang
        self._text = ""
        self._rows: list[Span] = []
        self._row_of: dict[str, int] = {}

    def set_spans(self, text: str, spans: list[Span]) -> None:
        self.beginResetModel()
        self._text = text
        self._rows = list(spans)
        self._reindex()
        self.endResetModel()

    def _reindex(self) -> None:
        self._row_of = {s.id: i for i, s in enumerate(self._rows)}

    def upsert(self, span: Span) -> None:
        row = self._row_of.get(span.id)
        if row is None:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
            self._rows.append(span)
            self._row_of[span.id] = len(self._rows) - 1
            self.endInsertRows()
        else:
            self._rows[row] = span
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def remove(self, span_id: str) -> None:
        row = self._row_of.get(span_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._reindex()
        self.endRemoveRows()

    def text_of(self, span_id: str) -> str:
        row = self._row_of.get(span_id)
        return "?" if row is None else self._rows[row].text_in(self._text)

    def span_at(self, row: int) -> Span:
        return self._rows[row]

    def row_of(self, span_id: str) -> int | None:
        return self._row_of.get(span_id)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        span = self._rows[index.row()]
        col = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == "label":
                label = self.scheme.label(span.label)
                return label.name(self.lang) if label else span.label
            if col == "text":
                text = span.text_in(self._text).replace("\n", " ")
                return text if len(text) <= PREVIEW_CHARS else text[:PREVIEW_CHARS] + "…"
            if col == "attributes":
                return attribute_text(self.scheme, span, self.lang)
            return span.annotator if col == "annotator" else (span.note or "")
        if role == Qt.ItemDataRole.UserRole:  # sort key: position for text, else shown value
            if col == "text":
                return span.start * 1_000_000 + span.end
            return str(self.data(index, Qt.ItemDataRole.DisplayRole))
        if role == Qt.ItemDataRole.DecorationRole and col == "label":
            label = self.scheme.label(span.label)
            return QColor(label.color if label else "#888888")
        if role == Qt.ItemDataRole.ToolTipRole and col == "text":
            return span.text_in(self._text)
        if role == Qt.ItemDataRole.ForegroundRole and col == "label" and not self.scheme.label(
                span.label):
            return QBrush(QColor("#888888"))
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Label"), self.tr("Text"), self.tr("Attributes"), self.tr("Annotator"),
                self.tr("Note")][section]


class SpanTable(RecordTable):
    span_chosen = Signal(str)
    source_model: SpanTableModel

    def __init__(self, scheme: Scheme, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(SpanTableModel(scheme, lang), 1, parent)  # 1: text, reading order
        # Fixed widths: ResizeToContents would read every row on every change, which costs
        # milliseconds per new span on a long article.
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 80), (2, 120), (3, 64), (4, 64)):
            self.setColumnWidth(col, width)
        self.selectionModel().currentRowChanged.connect(self._on_current)
        self._quiet = False

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and not self._quiet:
            self.span_chosen.emit(self.source_model.span_at(
                self.source_row(current)).id)

    def show_span(self, span_id: str | None) -> None:
        """Select the row of a span without emitting span_chosen."""
        self._quiet = True
        try:
            row = self.source_model.row_of(span_id) if span_id else None
            if row is None:
                self.clearSelection()
                return
            index = self.proxy.mapFromSource(self.source_model.index(row, 0))
            self.setCurrentIndex(index)
            self.scrollTo(index)
        finally:
            self._quiet = False
