"""The document list in SQL: which documents a filter lets through, in what order, and
their progress counts. The order and the counts come from covering indexes (no text is
read); the documents a search found go to a temporary table, filled again only when the
search changes."""

from __future__ import annotations

import sqlite3

from annotator.document_filter import EVERY_DOCUMENT, DocumentFilter

ORDER_KEYS: dict[str, str | None] = {
    "added": None,
    "title": "title COLLATE NOCASE",
    "source": "source COLLATE NOCASE",
    "status": "status",
    "published": "published",
    "spans": "(SELECT count(*) FROM spans s WHERE s.doc_id = documents.id AND s.deleted = 0)",
}
_ONLY = "temp.list_only"
# The rowids of the documents someone annotated (a live span or document label of theirs),
# found through the id index, so that the list's covering index is never left for the
# table (whose rows hold the texts).
_BY_ANNOTATOR = ("SELECT d2.rowid FROM documents d2 WHERE d2.id IN ("
                 "SELECT doc_id FROM spans WHERE annotator = ? AND deleted = 0 UNION "
                 "SELECT doc_id FROM doc_labels WHERE annotator = ? AND deleted = 0)")


def where(conn: sqlite3.Connection, f: DocumentFilter) -> tuple[str, list[object]]:
    """The WHERE clause over `documents` (unaliased) that lets the filter's documents in."""
    clauses, params = ["deleted = 0"], []
    for clause, value in (("status = ?", f.status), ("source = ?", f.source),
                          ("published >= ?", f.published_from),
                          ("published <= ?", f.published_to)):
        if value:
            clauses.append(clause)
            params.append(value)
    if f.annotator is not None:
        _fill_by_annotator(conn, f.annotator)
        clauses.append("documents.rowid IN (SELECT r FROM temp.list_by_annotator)")
    if f.doc_ids is not None:
        _fill_only(conn, f.doc_ids)
        clauses.append(f"documents.rowid IN (SELECT r FROM {_ONLY})")
    return " AND ".join(clauses), params


def rowids(conn: sqlite3.Connection, f: DocumentFilter, order: str = "added",
           descending: bool = False) -> list[int]:
    """The rowids of the listed documents in order (100,000 of them is a small list)."""
    sql, params = where(conn, f)
    way = "DESC" if descending else "ASC"
    key = ORDER_KEYS[order]
    picked = _picked_only(f)
    if picked is not None and key is None:
        # Only a picked set, in arrival order: its own table is that list already, less
        # the documents deleted since (a handful, from the narrow index).
        cur = conn.execute(f"SELECT r FROM {picked} WHERE r NOT IN (SELECT rowid FROM "
                           "documents INDEXED BY documents_live WHERE deleted = 1) "
                           f"ORDER BY r {way}")
        return [r for (r,) in cur.fetchall()]
    order_sql = f"{key} {way}, rowid {way}" if key else f"rowid {way}"
    # Filters on a listed column read the wide index; the whole list, or a picked set of
    # documents, the narrow one (already in arrival order). SQLite's planner cannot tell.
    by_columns = any((f.status, f.source, f.published_from, f.published_to)) or key
    index = "documents_list" if by_columns else "documents_live"
    cur = conn.execute(f"SELECT rowid FROM documents INDEXED BY {index} WHERE {sql} "
                       f"ORDER BY {order_sql}", params)
    return [r for (r,) in cur.fetchall()]


def status_counts(conn: sqlite3.Connection, f: DocumentFilter = EVERY_DOCUMENT
                  ) -> dict[str, int]:
    """How many listed documents have each status (from the covering index)."""
    sql, params = where(conn, f)
    return dict(conn.execute(f"SELECT status, count(*) FROM documents WHERE {sql} "
                             "GROUP BY status ORDER BY status", params).fetchall())


def annotator_progress(conn: sqlite3.Connection, f: DocumentFilter = EVERY_DOCUMENT
                       ) -> dict[str, tuple[int, int]]:
    """For each annotator, how many listed documents they annotated (a live span or
    document label) and how many of those are done. It reads every live span's
    (annotator, document) pair from an index: about 0.1 s per 300,000 spans, so the window
    asks for it off the GUI thread."""
    sql, params = where(conn, f)
    rows = conn.execute(
        "SELECT a.annotator, count(*), total(documents.status = 'done') FROM "
        "(SELECT annotator, doc_id FROM spans WHERE deleted = 0 UNION "
        " SELECT annotator, doc_id FROM doc_labels WHERE deleted = 0) a "
        f"JOIN documents ON documents.id = a.doc_id WHERE {sql} "
        "GROUP BY a.annotator ORDER BY a.annotator", params).fetchall()
    return {who: (n, int(done)) for who, n, done in rows}


def _picked_only(f: DocumentFilter) -> str | None:
    """The temporary table of a filter that is nothing but a picked set of documents."""
    if any((f.status, f.source, f.published_from, f.published_to)):
        return None
    if f.doc_ids is not None and f.annotator is None:
        return _ONLY
    if f.annotator is not None and f.doc_ids is None:
        return "temp.list_by_annotator"
    return None


def _fill_by_annotator(conn: sqlite3.Connection, annotator: str) -> None:
    """The rowids of the documents `annotator` worked on, read once and kept until the
    file changes (a write here or by another program): the list and each of its counts
    then ask a small table instead of reading the annotator's spans again."""
    version = conn.execute("PRAGMA data_version").fetchone()[0]
    key = f"{annotator}\x1f{version}\x1f{conn.total_changes}"
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS list_by_annotator (r INTEGER PRIMARY KEY)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS list_by_annotator_key (k TEXT)")
    if conn.execute("SELECT k FROM temp.list_by_annotator_key").fetchone() == (key,):
        return
    conn.execute("DELETE FROM temp.list_by_annotator")
    conn.execute(f"INSERT INTO temp.list_by_annotator (r) {_BY_ANNOTATOR}",
                 [annotator, annotator])
    conn.execute("DELETE FROM temp.list_by_annotator_key")
    # total_changes counts these temp writes too: the key is taken after them.
    key = f"{annotator}\x1f{version}\x1f{conn.total_changes + 1}"
    conn.execute("INSERT INTO temp.list_by_annotator_key VALUES (?)", [key])


def _fill_only(conn: sqlite3.Connection, ids: frozenset[str]) -> None:
    key = f"{hash(ids)}:{len(ids)}"
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS list_only (r INTEGER PRIMARY KEY)")
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS list_only_key (k TEXT)")
    if conn.execute("SELECT k FROM temp.list_only_key").fetchone() == (key,):
        return
    conn.execute(f"DELETE FROM {_ONLY}")
    conn.executemany(f"INSERT OR IGNORE INTO {_ONLY} (r) SELECT rowid FROM documents "
                     "WHERE id = ?", ((i,) for i in ids))
    conn.execute("DELETE FROM temp.list_only_key")
    conn.execute("INSERT INTO temp.list_only_key VALUES (?)", [key])
