"""The documents of an export, streamed from one snapshot: each document with its rows,
grouped from one ordered query per table (a million spans never sit in memory at once)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import fields, replace
from typing import Any

from annotator.model import DocLabel, Document, ExportDoc, Relation, Span, from_values
from annotator.record_rows import document_of
from annotator.storage import repository as repo

REVIEW_TABLES = ("decisions", "comments")


def export_stream(conn: sqlite3.Connection, statuses: list[str] | None,
                  annotator: str | None, labels: list[str] | None,
                  with_deleted: bool) -> Iterator[ExportDoc]:
    """Inside a read snapshot of `conn`: see Project.export_documents."""
    doc_where, ann_where, doc_params, ann_params = repo.export_filters(
        statuses, annotator, with_deleted)
    review_tables = REVIEW_TABLES if with_deleted else ()
    groups = {table: _GroupedRows(repo.iter_export_rows(conn, table, doc_where, ann_where,
                                                     doc_params + ann_params))
              for table in ("spans", "relations", "doc_labels", *review_tables)}
    for row in repo.iter_export_documents(conn, doc_where, doc_params):
        doc_id = row["id"]
        rows = {t: g.take(doc_id) for t, g in groups.items()}
        review = {t: [dict(zip(repo.COLUMNS[t], r, strict=True)) for r in rows.pop(t)]
                  for t in review_tables}
        if labels is not None:
            rows["spans"] = [t for t in rows["spans"] if t[4] in labels]  # 4: label
            kept = {t[0] for t in rows["spans"]}
            rows["relations"] = [t for t in rows["relations"]
                                 if t[3] in kept and t[4] in kept]  # head, tail
        ed = _export_doc(document_of(row), rows, row if with_deleted else None)
        if any(review.values()):
            ed = replace(ed, review={t: x for t, x in review.items() if x})
        yield ed


class _GroupedRows:
    """Walks rows ordered by document, handing out each document's rows in turn."""

    def __init__(self, rows: Iterator[tuple[Any, ...]]) -> None:
        self._rows = rows
        self._next = next(rows, None)

    def take(self, doc_id: str) -> list[tuple[Any, ...]]:
        out = []
        while self._next is not None and self._next[1] == doc_id:  # 1: doc_id
            out.append(self._next)
            self._next = next(self._rows, None)
        return out


_MODELS: dict[str, Any] = {"spans": Span, "relations": Relation, "doc_labels": DocLabel}
TRACKED_AT = {t: len(fields(m)) for t, m in _MODELS.items()}  # where `deleted` is


def _export_doc(document: Document, rows: dict[str, list[tuple[Any, ...]]],
                doc_row: repo.Row | None) -> ExportDoc:
    """Tuples in repo.COLUMNS order: the model's fields, then deleted, base, updated_by
    (from_values ignores what follows the model's fields)."""
    live: dict[str, list[Any]] = {}
    dead: dict[str, list[Any]] = {}
    tracking: dict[str, tuple[str, str]] = {}
    for table, tuples in rows.items():
        at, model = TRACKED_AT[table], _MODELS[table]
        if doc_row is None or not any(t[at] or t[at + 1] or t[at + 2] for t in tuples):
            # No tombstone and nothing edited: one pass (the common case of a big export).
            live[table] = [from_values(model, t) for t in tuples]
            continue
        live[table] = [from_values(model, t) for t in tuples if not t[at]]
        dead[table] = [from_values(model, t) for t in tuples if t[at]]
        tracking.update((t[0], (t[at + 1], t[at + 2])) for t in tuples if t[at + 1] or t[at + 2])
    if doc_row is not None and (doc_row["base"] or doc_row["updated_by"]):
        tracking[document.id] = (doc_row["base"], doc_row["updated_by"])
    return ExportDoc(document, live["spans"], live["relations"], live["doc_labels"],
                     {t: x for t, x in dead.items() if x}, tracking)
