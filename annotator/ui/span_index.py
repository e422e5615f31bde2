"""Spans of one document arranged for drawing: Qt (UTF-16) ranges, per-paragraph lookup and
an underline level for each span so that overlapping labels never share a line."""

from __future__ import annotations

import bisect
import heapq
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
    def __init__(self, offsets: Utf16Map, spans: Iterable[Span] = ()) -> None:
        self._map = offsets
        self._placed: dict[str, PlacedSpan] = {}
        self._sorted: list[PlacedSpan] = []
        self._starts: list[int] = []
        self._max_len = 0
        self.reset(spans)

    def reset(self, spans: Iterable[Span]) -> None:
        # Interval colouring in one sweep: each span takes the lowest level free at its
        # start; longer spans first at equal starts, so nested ones sit above.
        if self._map.identity:  # no emoji or other astral character: offsets agree
            ranges = sorted((s.start, -s.end, i, s) for i, s in enumerate(spans))
        else:
            to_utf16 = self._map.to_utf16
            ranges = sorted((to_utf16(s.start), -to_utf16(s.end), i, s)
                            for i, s in enumerate(spans))
        active: list[tuple[int, int]] = []  # (end, level) of spans still open
        free: list[int] = []
        placed: list[PlacedSpan] = []
        for start, neg_end, _, span in ranges:
            while active and active[0][0] <= start:
                heapq.heappush(free, heapq.heappop(active)[1])
            level = heapq.heappop(free) if free else len(active)
            heapq.heappush(active, (-neg_end, level))
            placed.append(PlacedSpan(span, start, -neg_end, level))
        self._sorted = placed
        self._starts = [p.start for p in placed]
        self._placed = {p.span.id: p for p in placed}
        self._max_len = max((p.end - p.start for p in placed), default=0)

    def upsert(self, span: Span) -> None:
        """Add or move one span. Others keep their levels, so nothing else redraws; the
        new span takes the lowest level that no span it overlaps uses."""
        self.remove(span.id)
        u_start, u_end = self._map.to_utf16(span.start), self._map.to_utf16(span.end)
        used = {p.level for p in self.overlapping(u_start, u_end)}
        level = next(i for i in range(len(used) + 1) if i not in used)
        placed = PlacedSpan(span, u_start, u_end, level)
        self._placed[span.id] = placed
        at = bisect.bisect_right(self._starts, u_start)
        self._starts.insert(at, u_start)
        self._sorted.insert(at, placed)
        self._max_len = max(self._max_len, u_end - u_start)

    def remove(self, span_id: str) -> PlacedSpan | None:
        gone = self._placed.pop(span_id, None)
        if gone:
            at = self._sorted.index(gone)
            del self._sorted[at]
            del self._starts[at]
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
