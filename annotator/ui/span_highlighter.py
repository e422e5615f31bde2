"""Backgrounds for spans, fed by the span index. A QSyntaxHighlighter does not touch the
document's undo stack, its modified flag or the clipboard (DESIGN.md), unlike
QTextCursor.mergeCharFormat."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.scheme import Scheme
from annotator.ui.span_index import PlacedSpan, SpanIndex

UNKNOWN_LABEL_COLOR = "#888888"


def label_color(scheme: Scheme, label: str) -> QColor:
    found = scheme.label(label)
    return QColor(found.color if found else UNKNOWN_LABEL_COLOR)


class SpanHighlighter(QSyntaxHighlighter):
    def __init__(self, document: QTextDocument, index: SpanIndex, scheme: Scheme) -> None:
        super().__init__(document)
        self.index = index
        self.scheme = scheme
        self.selected: str | None = None
        self.flashing: str | None = None
        self._formats: dict[tuple[str, int], QTextCharFormat] = {}

    def _format(self, label: str, strength: int) -> QTextCharFormat:
        key = (label, strength)
        if key not in self._formats:
            color = label_color(self.scheme, label)
            color.setAlpha((60, 130, 200)[strength])
            fmt = QTextCharFormat()
            fmt.setBackground(color)
            self._formats[key] = fmt
        return self._formats[key]

    def highlightBlock(self, text: str) -> None:  # noqa: N802 (Qt override)
        block = self.currentBlock()
        base = block.position()
        placed = self.index.overlapping(base, base + len(text))
        if not placed:
            return
        cuts = sorted({base, base + len(text)} | {min(max(p.start, base), base + len(text))
                                                  for p in placed}
                      | {min(max(p.end, base), base + len(text)) for p in placed})
        for a, b in pairwise(cuts):
            covering = [p for p in placed if p.start <= a and p.end >= b]
            if covering:
                inner = min(covering, key=_length)
                self.setFormat(a - base, b - a, self._format(inner.span.label,
                                                             self._strength(covering)))

    def _strength(self, covering: list[PlacedSpan]) -> int:
        ids = {p.span.id for p in covering}
        if self.flashing in ids:
            return 2
        return 1 if self.selected in ids else 0


def _length(p: PlacedSpan) -> int:
    return p.end - p.start
