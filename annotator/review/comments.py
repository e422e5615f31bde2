"""Comment threads on a span, a link or a document, which can be resolved, and what an
annotator finds after merging a reviewer's file back: the comments on their own work and
where gold differs from it.

A thread is the comments with the same target (a span or link id; empty for the document),
oldest first. Resolving a thread marks each of its comments resolved; a reply reopens it.
Comments are records like spans: they merge, and a stale edit is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.errors import ValidationError
from annotator.model import Changes, new_id
from annotator.project import Project
from annotator.review.disagreements import GOLD, units
from annotator.review.gold import adjudicated_documents
from annotator.storage import review_store

MAX_BODY = 10_000


@dataclass(frozen=True)
class Comment:
    id: str
    doc_id: str
    target: str
    body: str
    resolved: bool
    annotator: str
    created_at: str


@dataclass(frozen=True)
class Thread:
    doc_id: str
    target: str  # a span or link id; "" for the document
    comments: tuple[Comment, ...]

    @property
    def resolved(self) -> bool:
        return all(c.resolved for c in self.comments)


def add(project: Project, doc_id: str, target: str, body: str) -> Changes:
    text = body.strip()
    if not text:
        raise ValidationError("a comment needs some text")
    if len(text) > MAX_BODY:
        raise ValidationError(f"a comment holds at most {MAX_BODY:,} characters")
    project.document(doc_id)  # refuses a document that is not there
    row = {"id": new_id(), "doc_id": doc_id, "target": target, "body": text, "resolved": 0,
           "annotator": project.annotator}
    return project.put_records("Add comment", [("comments", row)])


def resolve(project: Project, thread: Thread) -> Changes:
    rows = [("comments", {**_row(c), "resolved": 1}) for c in thread.comments if not c.resolved]
    return project.put_records("Resolve comment thread", rows)


def threads(project: Project, doc_id: str) -> list[Thread]:
    with project.database.snapshot() as conn:
        rows = review_store.comments(conn, doc_id)
    by_target: dict[str, list[Comment]] = {}
    for row in rows:
        by_target.setdefault(row[2], []).append(Comment(*row[:3], row[3], bool(row[4]),
                                                        row[5], row[6]))
    return [Thread(doc_id, target, tuple(cs)) for target, cs in by_target.items()]


def _row(c: Comment) -> dict:
    return {"id": c.id, "doc_id": c.doc_id, "target": c.target, "body": c.body,
            "resolved": int(c.resolved), "annotator": c.annotator}


@dataclass(frozen=True)
class Feedback:
    """One thing for an annotator to look at: a comment thread on their work, or a place
    where gold differs from what they did."""

    doc_id: str
    title: str
    start: int  # where in the text (-1: the document)
    kind: str  # "comment" or "gold differs"
    text: str


def feedback(project: Project, annotator: str) -> list[Feedback]:
    """The open comment threads on `annotator`'s records (or on documents they annotated),
    and every difference between their work and gold in the adjudicated documents."""
    out: list[Feedback] = []
    db = project.database
    adjudicated = adjudicated_documents(db)
    with db.snapshot() as conn:
        mine = review_store.record_places(conn, annotator)  # id -> (doc, start)
        docs_mine = {doc for doc, _start in mine.values()}
        for doc_id, target, body, who, resolved in review_store.all_comments(conn):
            if resolved or who == annotator:
                continue
            if target in mine or (target == "" and doc_id in docs_mine):
                start = mine[target][1] if target in mine else -1
                out.append(Feedback(doc_id, "", start, "comment", f"{who}: {body}"))
        for doc_id in sorted(adjudicated & docs_mine):
            spans = list(review_store.spans(conn, [annotator, GOLD], doc_id))
            links = list(review_store.relations(conn, [annotator, GOLD], doc_id))
            labels = list(review_store.doc_labels(conn, [annotator, GOLD], doc_id))
            for unit in units(doc_id, [annotator, GOLD], spans, links, labels):
                whose = "only in gold" if unit.holders == (GOLD,) else "not in gold"
                out.append(Feedback(doc_id, "", unit.start, "gold differs",
                                    f"{unit.what}: {whose}" if unit.kind != "attributes"
                                    else f"{unit.what}: gold has other attributes"))
        titles = review_store.titles(conn, sorted({f.doc_id for f in out}))
    return [Feedback(f.doc_id, titles.get(f.doc_id, ""), f.start, f.kind, f.text)
            for f in sorted(out, key=lambda f: (f.doc_id, f.start))]
