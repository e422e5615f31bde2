"""Draws spans over the laid-out article: a tinted background per span and one underline
per label, so overlapping and nested spans all stay visible.

Backgrounds are drawn after the text in Multiply mode: a light tint over white paper gives
the tint, over black glyphs stays black. Only the visible paragraphs are drawn, so opening
an article costs no more than laying it out, and adding a span costs one repaint. Glyph
runs give exact boxes for right-to-left and mixed-direction lines.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTextBlock

from annotator.review.disagreements import GOLD
from annotator.scheme import Scheme
from annotator.ui.span_index import PlacedSpan, SpanIndex

UNKNOWN_LABEL_COLOR = "#888888"
UNDERLINE_GAP = 3
TINT = (0.25, 0.5, 0.8)  # plain, selected, flashing


# Review mode: each compared annotator's underline colour (the legend's), gold in black.
ANNOTATOR_COLORS = ("#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
                    "#e377c2", "#17becf")
GOLD_COLOR = "#000000"
DISPUTED_COLOR = "#e6007e"


def annotator_colors(annotators: tuple[str, ...]) -> dict[str, QColor]:
    colors = {a: QColor(ANNOTATOR_COLORS[k % len(ANNOTATOR_COLORS)])
              for k, a in enumerate(annotators)}
    colors[GOLD] = QColor(GOLD_COLOR)
    return colors


def label_color(scheme: Scheme, label: str) -> QColor:
    found = scheme.label(label)
    return QColor(found.color if found else UNKNOWN_LABEL_COLOR)


class SpanPainter:
    def __init__(self, scheme: Scheme) -> None:
        self.scheme = scheme
        self.selected: str | None = None
        self.flashing: str | None = None
        self._tints: dict[tuple[str, int], QColor] = {}
        self.annotator_colors: dict[str, QColor] | None = None  # review mode
        self.disputed: set[str] = set()  # review mode: spans of open disagreements

    def tint(self, label: str, strength: int) -> QColor:
        key = (label, strength)
        if key not in self._tints:
            c, k = label_color(self.scheme, label), TINT[strength]
            self._tints[key] = QColor(round(255 - (255 - c.red()) * k),
                                      round(255 - (255 - c.green()) * k),
                                      round(255 - (255 - c.blue()) * k))
        return self._tints[key]

    def strength(self, span_id: str) -> int:
        return 2 if span_id == self.flashing else 1 if span_id == self.selected else 0

    def paint_block(self, painter: QPainter, block: QTextBlock, origin: QPointF,
                    index: SpanIndex) -> None:
        base = block.position()
        placed = index.overlapping(base, base + block.length())
        if not placed:
            return
        boxes = [(p, self._boxes(block, base, p, origin)) for p in placed]
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
        for p, rects in boxes:
            # One union per span: a mixed-direction line gives overlapping glyph-run boxes,
            # which must not tint twice.
            area = QPainterPath()
            area.setFillRule(Qt.FillRule.WindingFill)
            for rect, _bottom in rects:
                area.addRect(rect)
            painter.fillPath(area, self.tint(p.span.label, self.strength(p.span.id)))
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        for p, rects in boxes:
            color = label_color(self.scheme, p.span.label) if self.annotator_colors is None \
                else self.annotator_colors.get(p.span.annotator, QColor(UNKNOWN_LABEL_COLOR))
            pen = QPen(color, 3 if p.span.id == self.selected else 2)
            if self.annotator_colors is not None and p.span.annotator == GOLD:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            for rect, bottom in rects:
                y = bottom + 2 + p.level * UNDERLINE_GAP
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
            if p.span.id in self.disputed:  # an open disagreement: a dotted frame
                painter.setPen(QPen(QColor(DISPUTED_COLOR), 1, Qt.PenStyle.DotLine))
                for rect, _bottom in rects:
                    painter.drawRect(rect.adjusted(-1, -1, 1, 1))

    @staticmethod
    def _boxes(block: QTextBlock, base: int, p: PlacedSpan,
               origin: QPointF) -> list[tuple[QRectF, float]]:
        """The span's pieces on screen: one box per glyph run per line, with the bottom of
        its line, where underlines start."""
        layout = block.layout()
        out = []
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            a = max(p.start - base, line.textStart())
            b = min(p.end - base, line.textStart() + line.textLength())
            if a >= b:
                continue
            top = origin.y() + line.y()
            bottom = top + line.ascent() + line.descent()
            for run in layout.glyphRuns(a, b - a):
                box = run.boundingRect()
                out.append((QRectF(origin.x() + box.left(), top, box.width(), bottom - top),
                            bottom))
        return out
