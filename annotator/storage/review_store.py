"""The SQL of a review: every live record of some annotators, read as plain tuples for the
agreement statistics and the disagreement finder (300,000 spans in well under a second)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence


def _narrowed(annotators: Sequence[str] | None, doc_id: str | None,
              prefix: str = "") -> tuple[str, list[object]]:
    """The conditions (and parameters) for some annotators' records, in one document."""
    sql, params = "", []
    if annotators is not None:
        sql += f" AND {prefix}annotator IN ({', '.join('?' * len(annotators))})"
        params += list(annotators)
    if doc_id is not None:
        sql += f" AND {prefix}doc_id = ?"
        params.append(doc_id)
    return sql, params


def spans(conn: sqlite3.Connection, annotators: Sequence[str] | None = None,
          doc_id: str | None = None) -> Iterator[tuple]:
    """(doc id, start, end, label, attributes JSON, annotator, span id), by document."""
    where, params = _narrowed(annotators, doc_id)
    yield from conn.execute(
        f'SELECT doc_id, start, "end", label, attributes, annotator, id FROM spans '
        f"WHERE deleted = 0{where} ORDER BY doc_id, start, \"end\"", params)


def relations(conn: sqlite3.Connection, annotators: Sequence[str] | None = None,
              doc_id: str | None = None) -> Iterator[tuple]:
    """(doc id, type, annotator, head start, head end, head label, tail start, tail end,
    tail label, link id) of live links between live spans."""
    where, params = _narrowed(annotators, doc_id, "r.")
    yield from conn.execute(
        'SELECT r.doc_id, r.type, r.annotator, h.start, h."end", h.label, t.start, t."end", '
        "t.label, r.id FROM relations r JOIN spans h ON h.id = r.head JOIN spans t "
        f"ON t.id = r.tail WHERE r.deleted = 0 AND h.deleted = 0 AND t.deleted = 0{where} "
        "ORDER BY r.doc_id", params)


def doc_labels(conn: sqlite3.Connection, annotators: Sequence[str] | None = None,
               doc_id: str | None = None) -> Iterator[tuple]:
    """(doc id, field, value, annotator, label id) of live document labels."""
    where, params = _narrowed(annotators, doc_id)
    yield from conn.execute(
        f"SELECT doc_id, field, value, annotator, id FROM doc_labels WHERE deleted = 0"
        f"{where} ORDER BY doc_id", params)


def titles(conn: sqlite3.Connection, doc_ids: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    ids = list(doc_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        out.update(conn.execute(
            "SELECT id, CASE WHEN title = '' THEN substr(text, 1, 60) ELSE title END "
            f"FROM documents WHERE id IN ({', '.join('?' * len(chunk))})", chunk).fetchall())
    return out


def decisions(conn: sqlite3.Connection, doc_id: str) -> dict[str, bool]:
    """A document's live review decisions: unit (gold twin) id -> accepted."""
    return {i: verdict == "accepted" for i, verdict in conn.execute(
        "SELECT id, verdict FROM decisions WHERE doc_id = ? AND deleted = 0", [doc_id])}


def decision_times(conn: sqlite3.Connection, doc_id: str) -> dict[str, str]:
    """Every review decision of a document, deleted ones too: id -> updated_at."""
    return dict(conn.execute("SELECT id, updated_at FROM decisions WHERE doc_id = ?",
                             [doc_id]).fetchall())


def decided_by_document(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """Every document's decided units."""
    out: dict[str, set[str]] = {}
    for doc_id, unit in conn.execute("SELECT doc_id, id FROM decisions WHERE deleted = 0"):
        out.setdefault(doc_id, set()).add(unit)
    return out


def comments(conn: sqlite3.Connection, doc_id: str) -> list[tuple]:
    """(id, doc id, target, body, resolved, annotator, created_at) of a document's live
    comments, oldest first."""
    return conn.execute("SELECT id, doc_id, target, body, resolved, annotator, created_at "
                        "FROM comments WHERE doc_id = ? AND deleted = 0 "
                        "ORDER BY created_at, id", [doc_id]).fetchall()


def all_comments(conn: sqlite3.Connection) -> list[tuple]:
    """(doc id, target, body, annotator, resolved) of every live comment."""
    return conn.execute("SELECT doc_id, target, body, annotator, resolved FROM comments "
                        "WHERE deleted = 0 ORDER BY doc_id, created_at").fetchall()


def record_places(conn: sqlite3.Connection, annotator: str) -> dict[str, tuple[str, int]]:
    """Where each live span and link of `annotator` is: id -> (doc id, start)."""
    out = {i: (doc, start) for i, doc, start in conn.execute(
        "SELECT id, doc_id, start FROM spans WHERE annotator = ? AND deleted = 0",
        [annotator])}
    out.update((i, (doc, start)) for i, doc, start in conn.execute(
        "SELECT r.id, r.doc_id, h.start FROM relations r JOIN spans h ON h.id = r.head "
        "WHERE r.annotator = ? AND r.deleted = 0", [annotator]))
    return out


def shared_documents(conn: sqlite3.Connection, annotators: Sequence[str]) -> dict[int, str]:
    """rowid -> id of the live documents in which at least two of `annotators` have a live
    span or document label: the only ones where they can disagree."""
    marks = ", ".join("?" * len(annotators))
    return dict(conn.execute(
        "SELECT d.rowid, d.id FROM documents d JOIN ("
        f" SELECT doc_id FROM (SELECT doc_id, annotator FROM spans WHERE deleted = 0 "
        f"  AND annotator IN ({marks}) UNION SELECT doc_id, annotator FROM doc_labels "
        f"  WHERE deleted = 0 AND annotator IN ({marks})) GROUP BY doc_id "
        " HAVING count(*) >= 2) s ON s.doc_id = d.id WHERE d.deleted = 0",
        [*annotators, *annotators]).fetchall())
