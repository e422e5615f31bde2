"""Links drawn in the article, as brat and INCEpTION draw them: an arc from the span the
link starts at to the span it points to, in the link type's colour, with an arrowhead and
the type's short name at its top. Arcs are dimmed except those of the selected span, are
computed from Qt's own cursor geometry (right to left and across lines alike), and only
the ones near the visible part of the article are drawn."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QTextCursor
from PySide6.QtWidgets import QTextEdit

from annotator.model import Relation
from annotator.scheme import Scheme
from annotator.ui.span_index import PlacedSpan, SpanIndex

# Link colours, apart from the label colours of the default scheme.
LINK_COLORS = ("#6a3d9a", "#b15928", "#e31a1c", "#33a02c", "#ff7f00", "#1f78b4")
DIMMED_ALPHA = 70


@dataclass(frozen=True)
class Arc:
    relation: Relation
    head: QPointF  # viewport coordinates: the top middle of each span's first line
    tail: QPointF
    path: QPainterPath
    apex: QPointF


class ArcPainter:
    def __init__(self, scheme: Scheme, lang: str = "en") -> None:
        self.scheme = scheme
        self.lang = lang
        self.visible = True
        self._colors = {r.id: QColor(LINK_COLORS[n % len(LINK_COLORS)])
                        for n, r in enumerate(scheme.relations)}

    def anchor(self, view: QTextEdit, placed: PlacedSpan) -> QPointF:
        """The top middle of the span on its first line, in viewport coordinates."""
        cursor = QTextCursor(view.document())
        cursor.setPosition(placed.start)
        first = view.cursorRect(cursor)
        cursor.setPosition(placed.end)
        last = view.cursorRect(cursor)
        if abs(first.top() - last.top()) < first.height() / 2:  # one line
            x = (first.center().x() + last.center().x()) / 2
        else:  # the span goes on to the next line: the middle of its first part
            cursor.setPosition(placed.start)
            cursor.movePosition(QTextCursor.MoveOperation.EndOfLine)
            line_end = view.cursorRect(cursor)
            x = (first.center().x() + line_end.center().x()) / 2
        return QPointF(x, first.top())

    def arcs(self, view: QTextEdit, relations: list[Relation], index: SpanIndex) -> list[Arc]:
        height = view.viewport().height()
        out = []
        for rel in relations:
            head, tail = index.get(rel.head), index.get(rel.tail)
            if head is None or tail is None:
                continue
            a, b = self.anchor(view, head), self.anchor(view, tail)
            if max(a.y(), b.y()) < -200 or min(a.y(), b.y()) > height + 200:
                continue  # far from what is on screen
            rise = min(40.0, 12.0 + abs(a.x() - b.x()) / 8 + abs(a.y() - b.y()) / 4)
            # Over the first line the arc stays inside the view, in the article's margin.
            top = max(4.0, min(a.y(), b.y()) - rise)
            path = QPainterPath(a)
            path.cubicTo(QPointF(a.x(), top), QPointF(b.x(), top), b)
            out.append(Arc(rel, a, b, path, path.pointAtPercent(0.5)))
        return out

    def paint(self, painter: QPainter, view: QTextEdit, relations: list[Relation],
              index: SpanIndex, selected: str | None) -> None:
        if not self.visible or not relations:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)
        font = QFont(view.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.6))
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        for arc in self.arcs(view, relations, index):
            color = QColor(self._colors.get(arc.relation.type, QColor("#555555")))
            if selected not in (arc.relation.head, arc.relation.tail):
                color.setAlpha(DIMMED_ALPHA)
            painter.setPen(QPen(color, 1.6))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(arc.path)
            self._arrowhead(painter, arc, color)
            name = self._name(arc.relation.type)
            box = QRectF(0, 0, metrics.horizontalAdvance(name) + 6, metrics.height())
            box.moveCenter(arc.apex)
            fill = QColor("#ffffff")
            fill.setAlpha(200 if color.alpha() == 255 else 120)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(color)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, name)
        painter.restore()

    def _name(self, rel_type: str) -> str:
        found = self.scheme.relation(rel_type)
        return found.name(self.lang) if found else rel_type

    @staticmethod
    def _arrowhead(painter: QPainter, arc: Arc, color: QColor) -> None:
        tip = arc.tail
        before = arc.path.pointAtPercent(0.97)
        dx, dy = tip.x() - before.x(), tip.y() - before.y()
        length = max(1e-6, (dx * dx + dy * dy) ** 0.5)
        ux, uy = dx / length, dy / length
        size = 6.0
        left = QPointF(tip.x() - size * ux + size * 0.5 * uy, tip.y() - size * uy - size * 0.5 * ux)
        right = QPointF(tip.x() - size * ux - size * 0.5 * uy,
                        tip.y() - size * uy + size * 0.5 * ux)
        head = QPainterPath(tip)
        head.lineTo(left)
        head.lineTo(right)
        head.closeSubpath()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawPath(head)
