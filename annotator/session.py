"""What the window shows, as one Qt-free state that views subscribe to: the open document
with its spans, links and document labels, the selected span, and a link in progress.

The window's widgets never tell each other what changed. A change the core returns is
announced once, through `Session.announce`, with who started it; the session reads what
changed once, and every view that subscribed updates itself from the `Update`
(napari's event model, Anki's operation hooks).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from annotator.document_filter import EVERY_DOCUMENT, DocumentFilter
from annotator.model import Changes, DocLabel, Document, Relation, Span
from annotator.project import Project
from annotator.review.disagreements import GOLD, Unit
from annotator.scheme import RelationType

if TYPE_CHECKING:
    from annotator.review.gold import DocumentReview


class Event:
    """A list of callbacks, called in the order they connected."""

    def __init__(self) -> None:
        self._callbacks: list[Callable[..., Any]] = []

    def connect(self, callback: Callable[..., Any]) -> None:
        self._callbacks.append(callback)

    def disconnect(self, callback: Callable[..., Any]) -> None:
        self._callbacks.remove(callback)

    def emit(self, *args: Any) -> None:
        for callback in list(self._callbacks):
            callback(*args)


@dataclass
class PendingLink:
    """A link being made: after a link key, pick the other span (Tab steps through the
    spans the link may point to, nearest first; Enter or a click links)."""

    relation: RelationType
    head: Span
    candidates: list[Span]
    index: int = -1

    @classmethod
    def start(cls, relation: RelationType, head: Span, spans: list[Span]) -> PendingLink:
        tails = [s for s in spans if s.label in relation.tails and s.id != head.id]
        tails.sort(key=lambda s: abs(s.start - head.start))
        return cls(relation, head, tails)

    def step(self, delta: int) -> Span | None:
        if not self.candidates:
            return None
        self.index = (self.index + delta) % len(self.candidates)
        return self.candidates[self.index]

    @property
    def current(self) -> Span | None:
        return self.candidates[self.index] if 0 <= self.index < len(self.candidates) else None


@dataclass
class ReviewState:
    """Review mode: whose work is compared, the open document's disagreements and gold
    decisions (review/gold.py), and the disagreement the reviewer is on."""

    annotators: tuple[str, ...]
    doc: DocumentReview | None = None
    index: int = -1

    @property
    def unit(self) -> Unit | None:
        units = self.doc.units if self.doc else ()
        return units[self.index] if 0 <= self.index < len(units) else None


@dataclass(frozen=True)
class Update:
    """One announced change, with what it changed already read for the views."""

    changes: Changes
    origin: str  # "window" (this window's action) or "elsewhere" (another program)
    upserted: list[Span] = field(default_factory=list)  # spans of the open document
    removed: list[str] = field(default_factory=list)
    relations_changed: bool = False
    doc_labels_changed: bool = False
    document_changed: bool = False  # the open document's own fields (status, title)


class Session:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.doc: Document | None = None
        self.spans: dict[str, Span] = {}
        self.relations: list[Relation] = []
        self.doc_labels: list[DocLabel] = []
        self.selected: str | None = None
        self.pending: PendingLink | None = None
        self.document_filter: DocumentFilter = EVERY_DOCUMENT  # what the list shows
        self.document_opened = Event()  # (session)
        self.selection_changed = Event()  # (span id or None, flash)
        self.pending_changed = Event()  # (PendingLink or None)
        self.changed = Event()  # (Update)
        self.message = Event()  # (text): something the analyst should read
        self.filter_changed = Event()  # (DocumentFilter)
        self.review: ReviewState | None = None  # review mode, when on
        self.review_changed = Event()  # (ReviewState or None)

    def set_document_filter(self, new: DocumentFilter) -> None:
        """Which documents the list shows: its own filters, or what a search found."""
        if new != self.document_filter:
            self.document_filter = new
            self.filter_changed.emit(new)

    # --- the open document ---------------------------------------------------------------

    def open(self, doc_id: str | None) -> None:
        self.pending = None
        self.selected = None
        if self.review is not None:
            self.review.index = -1
        if doc_id is None:
            self.doc, self.spans, self.relations, self.doc_labels = None, {}, [], []
        else:
            self.doc = self.project.document(doc_id)
            self.spans = {s.id: s for s in self.project.spans(doc_id)}
            self.relations = self.project.relations(doc_id)
            self.doc_labels = self.project.doc_labels(doc_id)
        self.document_opened.emit(self)
        self.pending_changed.emit(None)
        self.selection_changed.emit(None, False)
        if self.review is not None:
            self.refresh_review(keep_unit=False)

    def is_visible(self, span: Span) -> bool:
        """Whether the article shows this span (see visible_spans)."""
        return self.review is None or span.annotator in (*self.review.annotators, GOLD)

    def visible_spans(self) -> list[Span]:
        """The spans the article shows: all of them, or in review mode those of the
        compared annotators and gold."""
        return [s for s in self.spans.values() if self.is_visible(s)]

    # --- review mode ---------------------------------------------------------------------

    def start_review(self, annotators: tuple[str, ...]) -> None:
        self.review = ReviewState(annotators)
        self.refresh_review()

    def stop_review(self) -> None:
        self.review = None
        self.review_changed.emit(None)

    def refresh_review(self, keep_unit: bool = True) -> None:
        """Read the open document's disagreements again (after a decision, a merge)."""
        if self.review is None:
            return
        from annotator.review.gold import review

        state = self.review
        current = state.unit.gold if keep_unit and state.unit is not None else None
        # The records the session holds are current (every change was announced): they are
        # not read again.
        state.doc = review(self.project, self.doc.id, state.annotators,
                           (list(self.spans.values()), self.relations, self.doc_labels)) \
            if self.doc is not None and state.annotators else None
        units = state.doc.units if state.doc else ()
        state.index = next((i for i, u in enumerate(units) if u.gold == current), -1)
        self.review_changed.emit(state)

    def step_unit(self, delta: int, *, open_only: bool = True) -> bool:
        """Select the next (+1) or previous (-1) disagreement in this document; False at
        the end (the caller moves to another document)."""
        state = self.review
        if state is None or state.doc is None:
            return False
        units = state.doc.units
        k = state.index
        while True:
            k += delta
            if not 0 <= k < len(units):
                return False
            if not open_only or units[k].gold not in state.doc.decided:
                state.index = k
                unit = units[k]
                first = next(iter(unit.records.values()))
                if unit.table == "relations":  # a link is shown by the span it starts from
                    first = next((r.head for r in self.relations if r.id == first), first)
                if first in self.spans:
                    self.select(first, flash=True)
                self.review_changed.emit(state)
                return True

    def span_text(self, span_id: str) -> str:
        span = self.spans.get(span_id)
        return span.text_in(self.doc.text) if span and self.doc else "?"

    def links_of(self, span_id: str) -> list[Relation]:
        return [r for r in self.relations if span_id in (r.head, r.tail)]

    # --- selection and linking -----------------------------------------------------------

    def select(self, span_id: str | None, *, flash: bool = False) -> None:
        if span_id is not None and span_id not in self.spans:
            span_id = None
        self.selected = span_id
        self.selection_changed.emit(span_id, flash)

    def start_link(self, relation: RelationType, head_id: str) -> PendingLink:
        self.pending = PendingLink.start(relation, self.spans[head_id],
                                         sorted(self.spans.values(), key=lambda s: s.start))
        self.pending_changed.emit(self.pending)
        return self.pending

    def cancel_link(self) -> None:
        if self.pending is not None:
            self.pending = None
            self.pending_changed.emit(None)

    # --- changes -----------------------------------------------------------------------

    def announce(self, changes: Changes, origin: str = "window") -> Update:
        """Read what `changes` touched in the open document once, update the state, and
        tell every subscriber."""
        doc = self.doc
        upserted: list[Span] = []
        removed: list[str] = []
        if doc is not None and changes.spans:
            for span_id, span in self.project.span_states(changes.spans).items():
                if span is not None and span.doc_id == doc.id:
                    self.spans[span_id] = span
                    upserted.append(span)
                elif span_id in self.spans:
                    del self.spans[span_id]
                    removed.append(span_id)
        relations_changed = doc is not None and bool(changes.relations or removed)
        if relations_changed:
            self.relations = self.project.relations(doc.id)  # type: ignore[union-attr]
        labels_changed = doc is not None and bool(changes.doc_labels)
        if labels_changed:
            self.doc_labels = self.project.doc_labels(doc.id)  # type: ignore[union-attr]
        document_changed = doc is not None and doc.id in changes.documents
        if document_changed:
            self.doc = self.project.document(doc.id)  # type: ignore[union-attr]
        update = Update(changes, origin, upserted, removed, relations_changed,
                        labels_changed, document_changed)
        if self.pending is not None and self.pending.head.id in removed:
            self.pending = None
            self.pending_changed.emit(None)
        if self.selected in removed:
            self.selected = None
        self.changed.emit(update)
        if self.selected is None and removed:
            self.selection_changed.emit(None, False)
        if self.review is not None:
            self.refresh_review()  # a decision, an edit, a merge: disagreements again
        return update

    def refresh_from_file(self) -> Update | None:
        """Announce what other programs committed to the open document."""
        if self.doc is None:
            return None
        if self.project.document_summary(self.doc.id) is None:  # deleted elsewhere
            self.open(None)
            return None
        changes = self.project.external_changes(self.doc.id)
        return None if changes.empty else self.announce(changes, "elsewhere")
