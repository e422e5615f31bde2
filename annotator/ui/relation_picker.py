"""Linking by keyboard or mouse: after a relation key, pick the other span.

Tab and Shift+Tab step through the spans the relation may point to, Enter links, Esc
cancels; a click on a span links to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.model import Span
from annotator.scheme import RelationType


@dataclass
class PendingRelation:
    relation: RelationType
    head: Span
    candidates: list[Span]
    index: int = -1

    @classmethod
    def start(cls, relation: RelationType, head: Span, spans: list[Span]) -> PendingRelation:
        tails = [s for s in spans if s.label in relation.tails and s.id != head.id]
        tails.sort(key=lambda s: abs(s.start - head.start))  # nearest first
        return cls(relation, head, tails)

    def step(self, delta: int) -> Span | None:
        if not self.candidates:
            return None
        self.index = (self.index + delta) % len(self.candidates)
        return self.candidates[self.index]

    @property
    def current(self) -> Span | None:
        return self.candidates[self.index] if 0 <= self.index < len(self.candidates) else None
