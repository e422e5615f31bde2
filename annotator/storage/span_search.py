"""Searching the annotations in SQL: spans by label, attribute value, annotator, document
status and link, narrowed by the corpus index when a text query comes with them. Matching
a span's text the Arabic-aware way is a Python function the caller passes in; SQLite calls
it on the span's text only (code points: `substr` counts characters, as our offsets do)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from annotator.storage import search_index

Matcher = Callable[[str], bool]
SNIPPET = 40

_SPAN_TEXT = 'substr(d.text, {s}.start + 1, {s}."end" - {s}.start)'
_MATCHES_SPAN, _MATCHES_LINKED = "annotator_span_matches", "annotator_linked_matches"


@dataclass(frozen=True)
class SpanFilter:
    label: str | None = None
    attribute: str | None = None  # an attribute id, or None for any attribute
    value: str | None = None  # an attribute's value (a choice id or free text)
    annotator: str | None = None
    status: str | None = None  # the document's status
    link_type: str | None = None  # linked (either way) by a link of this type...
    linked_label: str | None = None  # ...to a span with this label...
    text: Matcher | None = None  # the span's own text
    linked_text: Matcher | None = None  # ...whose text matches
    documents_match: str | None = None  # an FTS5 expression the document's index must match

    @property
    def needs_link(self) -> bool:
        return bool(self.link_type or self.linked_label or self.linked_text)


def spans(conn: sqlite3.Connection, f: SpanFilter) -> Iterator[tuple]:
    """(span id, doc id, title, published, start, end, label, attributes JSON, annotator,
    span text, text before, text after) of the live spans that pass, in corpus order, lazily:
    a caller that stops at a limit reads no further."""
    where, params = _where(conn, f)
    yield from conn.execute(
        f"SELECT s.id, s.doc_id, d.title, d.published, s.start, s.\"end\", s.label, "
        f"s.attributes, s.annotator, {_SPAN_TEXT.format(s='s')}, "
        f"substr(d.text, max(1, s.start + 1 - {SNIPPET}), min({SNIPPET}, s.start)), "
        f"substr(d.text, s.\"end\" + 1, {SNIPPET}) "
        f"FROM spans s JOIN documents d ON d.id = s.doc_id WHERE {where} "
        "ORDER BY d.rowid, s.start, s.\"end\", s.id", params)


def documents_with_spans(conn: sqlite3.Connection, f: SpanFilter) -> Iterator[str]:
    """The ids of the documents with a span that passes, in corpus order."""
    where, params = _where(conn, f)
    for doc_id, _rowid in conn.execute(
            f"SELECT DISTINCT s.doc_id, d.rowid FROM spans s JOIN documents d ON "
            f"d.id = s.doc_id WHERE {where} ORDER BY d.rowid", params):
        yield doc_id


def _where(conn: sqlite3.Connection, f: SpanFilter) -> tuple[str, list[object]]:
    where, params = ["s.deleted = 0", "d.deleted = 0"], []
    for clause, value in (("s.label = ?", f.label), ("s.annotator = ?", f.annotator),
                          ("d.status = ?", f.status)):
        if value is not None:
            where.append(clause)
            params.append(value)
    if f.value is not None:
        key = "AND a.key = ? " if f.attribute else ""
        where.append(f"EXISTS (SELECT 1 FROM json_each(s.attributes) a WHERE a.value = ? {key})")
        params += [f.value, f.attribute] if f.attribute else [f.value]
    elif f.attribute is not None:
        where.append("EXISTS (SELECT 1 FROM json_each(s.attributes) a WHERE a.key = ?)")
        params.append(f.attribute)
    if f.text is not None:
        conn.create_function(_MATCHES_SPAN, 1, f.text)
        where.append(f"{_MATCHES_SPAN}({_SPAN_TEXT.format(s='s')})")
    if f.needs_link:
        where.append(_linked(conn, f, params))
    if f.documents_match is not None and search_index.exists(conn):
        where.append(f"(d.rowid IN (SELECT rowid FROM {search_index.TABLE} WHERE "
                     f"{search_index.TABLE} MATCH ?) OR d.rowid > ?)")
        params += [f.documents_match, search_index.indexed_up_to(conn)]
    return " AND ".join(where), params


def _linked(conn: sqlite3.Connection, f: SpanFilter, params: list[object]) -> str:
    """The EXISTS clause: a live link of either direction to a live span that passes."""
    inner = ["r.deleted = 0", "o.deleted = 0"]
    if f.link_type is not None:
        inner.append("r.type = ?")
        params.append(f.link_type)
    if f.linked_label is not None:
        inner.append("o.label = ?")
        params.append(f.linked_label)
    if f.linked_text is not None:
        conn.create_function(_MATCHES_LINKED, 1, f.linked_text)
        inner.append(f"{_MATCHES_LINKED}({_SPAN_TEXT.format(s='o')})")
    ends = ("SELECT r.type, r.deleted, r.tail AS other FROM relations r WHERE r.head = s.id "
            "UNION ALL SELECT r.type, r.deleted, r.head FROM relations r WHERE r.tail = s.id")
    return (f"EXISTS (SELECT 1 FROM ({ends}) r JOIN spans o ON o.id = r.other "
            f"WHERE {' AND '.join(inner)})")


def document_text(conn: sqlite3.Connection, doc_id: str) -> str:
    return conn.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()[0]
