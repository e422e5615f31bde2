"""Spans of one document arranged for drawing: Qt (UTF-16) ranges, per-paragraph lookup and
an underline level for each span so that overlapping labels never share a line."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.model import Span
from annotator.text import Utf16Map


@dataclass(frozen=True)
class PlacedSpan:
    span: Span
    start: int  # UTF-16, as Qt counts
    end: int
    level: int  # 0 = the underline nearest the text


class SpanIndex:
    def __init__(self, text: str, spans: Iterable[Span] = ()) -> None:
        self._map = Utf16Map(text)
        self._placed: dict[str, PlacedSpan] = {}
        self._sorted: list[PlacedSpan] = []
        self._starts: list[int] = []
        self._max_len = 0
        self.reset(spans)

    def reset(self, spans: Iterable[Span]) -> None:
        self._placed = {}
        for span in spans:
            u_start, u_end = self._map.to_utf16(span.start), self._map.to_utf16(span.end)
            self._placed[span.id] = PlacedSpan(span, u_start, u_end, 0)
        self._relevel()

    def _relevel(self) -> None:
        # Greedy interval colouring: each span takes the lowest level free over its range;
        # longer spans first so that nested short spans sit above their container.
        ordered = sorted(self._placed.values(), key=lambda p: (p.start, -(p.end - p.start)))
        level_ends: list[int] = []
        out = []
        for p in ordered:
            level = next((i for i, end in enumerate(level_ends) if end <= p.start), None)
            if level is None:
                level = len(level_ends)
                level_ends.append(p.end)
            else:
                level_ends[level] = p.end
            out.append(PlacedSpan(p.span, p.start, p.end, level))
        self._placed = {p.span.id: p for p in out}
        self._sorted = out
        self._starts = [p.start for p in out]
        self._max_len = max((p.end - p.start for p in out), default=0)

    def upsert(self, span: Span) -> None:
        u_start, u_end = self._map.to_utf16(span.start), self._map.to_utf16(span.end)
        self._placed[span.id] = PlacedSpan(span, u_start, u_end, 0)
        self._relevel()

    def remove(self, span_id: str) -> PlacedSpan | None:
        gone = self._placed.pop(span_id, None)
        if gone:
            self._relevel()
        return gone

    def get(self, span_id: str) -> PlacedSpan | None:
        return self._placed.get(span_id)

    def __len__(self) -> int:
        return len(self._placed)

    def overlapping(self, start: int, end: int) -> list[PlacedSpan]:
        """Spans that intersect the UTF-16 range [start, end)."""
        lo = bisect.bisect_left(self._starts, start - self._max_len)
        hi = bisect.bisect_left(self._starts, end)
        return [p for p in self._sorted[lo:hi] if p.end > start and p.start < end]

    def at(self, pos: int) -> list[PlacedSpan]:
        """Spans under a UTF-16 position, innermost (shortest) first."""
        hits = self.overlapping(pos, pos + 1)
        return sorted(hits, key=lambda p: (p.end - p.start, p.start))

    def max_level(self) -> int:
        return max((p.level for p in self._sorted), default=-1)
