"""Rows of the storage layer as the frozen records of the model."""

from __future__ import annotations

from annotator.model import DocLabel, Document, DocumentId, Relation, Span
from annotator.storage import repository as repo


def document_of(r: repo.Row) -> Document:
    return Document(DocumentId(r["id"]), r["text"], r["sha256"], r["title"], r["source"],
                    r["url"], r["published"], r["language"], r["meta"], r["status"],
                    r["annotator"], r["created_at"], r["updated_at"])


def span_of(r: repo.Row) -> Span:
    return Span(r["id"], r["doc_id"], r["start"], r["end"], r["label"], r["attributes"],
                r["note"], r["annotator"], r["created_at"], r["updated_at"])


def relation_of(r: repo.Row) -> Relation:
    return Relation(r["id"], r["doc_id"], r["type"], r["head"], r["tail"], r["annotator"],
                    r["created_at"], r["updated_at"])


def doc_label_of(r: repo.Row) -> DocLabel:
    return DocLabel(r["id"], r["doc_id"], r["field"], r["value"], r["annotator"],
                    r["created_at"], r["updated_at"])
