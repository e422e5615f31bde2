"""Row access: whole-row reads and upserts of the annotation tables, and list queries.

Rows are plain dicts here; annotator/project.py turns them into model records. Nothing is
ever DELETEd: a deletion is an upsert with deleted = 1 (a tombstone), so it can travel in
a merge and be undone.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from typing import Any

Row = dict[str, Any]

# Each table's columns: the model's fields in order, then what the model does not carry.
_TRACKING = ("deleted", "base", "updated_by")
COLUMNS: dict[str, tuple[str, ...]] = {
    "documents": ("id", "sha256", "text", "title", "source", "url", "published", "language",
                  "meta", "status", "annotator", "created_at", "updated_at", *_TRACKING),
    "spans": ("id", "doc_id", "start", "end", "label", "attributes", "note", "annotator",
              "created_at", "updated_at", *_TRACKING),
    "relations": ("id", "doc_id", "type", "head", "tail", "annotator", "created_at",
                  "updated_at", *_TRACKING),
    "doc_labels": ("id", "doc_id", "field", "value", "annotator", "created_at", "updated_at",
                   *_TRACKING),
    "decisions": ("id", "doc_id", "verdict", "annotator", "created_at", "updated_at",
                  *_TRACKING),
    "comments": ("id", "doc_id", "target", "body", "resolved", "annotator", "created_at",
                 "updated_at", *_TRACKING),
}
JSON_COLUMNS = frozenset(("meta", "attributes"))


def _quoted(columns: Iterable[str], prefix: str = "") -> str:
    return ", ".join(f'{prefix}"{c}"' for c in columns)


def _encode(row: Row) -> Row:
    return {k: json.dumps(v, ensure_ascii=False, sort_keys=True) if k in JSON_COLUMNS else v
            for k, v in row.items()}


def _json_reader() -> Callable[[str], Any]:
    """json.loads that parses each distinct text once: attribute objects repeat
    ({"type": "person"} on thousands of spans). Rows are read-only, so sharing is safe."""
    parsed: dict[str, Any] = {}

    def read(text: str) -> Any:
        value = parsed.get(text)
        if value is None:
            value = json.loads(text)
            if len(parsed) < 10_000:
                parsed[text] = value
        return value

    return read


def _decoder(cursor: sqlite3.Cursor) -> Callable[[tuple[Any, ...]], Row]:
    """Rows of one query as dicts (JSON columns parsed); the names are looked up once."""
    names = [d[0] for d in cursor.description]
    json_keys = [k for k in names if k in JSON_COLUMNS]
    read = _json_reader()

    def decode(values: tuple[Any, ...]) -> Row:
        row = dict(zip(names, values, strict=True))
        for key in json_keys:
            row[key] = read(row[key])
        return row

    return decode


def _rows(conn: sqlite3.Connection, sql: str, params: Iterable[Any] = ()) -> list[Row]:
    cur = conn.execute(sql, tuple(params))
    return list(map(_decoder(cur), cur.fetchall()))


def get_row(conn: sqlite3.Connection, table: str, row_id: str) -> Row | None:
    rows = _rows(conn, f"SELECT {_quoted(COLUMNS[table])} FROM {table} WHERE id = ?", [row_id])
    return rows[0] if rows else None


def _insert(table: str, into: str | None = None) -> str:
    cols = COLUMNS[table]
    return (f"INSERT INTO {into or table} ({_quoted(cols)}) "
            f"VALUES ({', '.join('?' * len(cols))})")


def _values(table: str, row: Row) -> list[Any]:
    encoded = _encode(row)
    return [encoded[c] for c in COLUMNS[table]]


def put_row(conn: sqlite3.Connection, table: str, row: Row) -> None:
    """Insert the row, or overwrite every column of the row with that id."""
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in COLUMNS[table] if c != "id")
    conn.execute(f"{_insert(table)} ON CONFLICT(id) DO UPDATE SET {updates}",
                 _values(table, row))


def put_rows(conn: sqlite3.Connection, table: str, rows: Iterable[Row],
             into: str | None = None) -> None:
    """Bulk insert of new rows (import); fails on an existing id. `into` names another
    table of the same shape (the temporary tables of records waiting to be merged)."""
    conn.executemany(_insert(table, into), (_values(table, r) for r in rows))


# --- queries ---------------------------------------------------------------------------


def live_rows_of_doc(conn: sqlite3.Connection, table: str, doc_id: str) -> list[Row]:
    order = '"start", "end", created_at' if table == "spans" else "created_at"
    return _rows(conn, f"SELECT {_quoted(COLUMNS[table])} FROM {table} "
                       f"WHERE doc_id = ? AND deleted = 0 ORDER BY {order}", [doc_id])


def live_tuples_of_doc(conn: sqlite3.Connection, table: str,
                       doc_id: str) -> list[tuple[Any, ...]]:
    """The live rows of a document as tuples in COLUMNS order, JSON parsed: a long
    article's 2,000 spans cost a fraction of dicts."""
    order = '"start", "end", created_at' if table == "spans" else "created_at"
    cur = conn.execute(f"SELECT {_quoted(COLUMNS[table])} FROM {table} "
                       f"WHERE doc_id = ? AND deleted = 0 ORDER BY {order}", [doc_id])
    at = [i for i, c in enumerate(COLUMNS[table]) if c in JSON_COLUMNS]
    rows = cur.fetchall()
    if not at:
        return rows
    (i,) = at
    read = _json_reader()
    return [(*r[:i], read(r[i]), *r[i + 1:]) for r in rows]


def record_times(conn: sqlite3.Connection, doc_id: str) -> list[tuple[str, str, str, int]]:
    """(table, id, updated_at, deleted) of a document and of every record in it."""
    out = conn.execute("SELECT 'documents', id, updated_at, deleted FROM documents "
                       "WHERE id = ?", [doc_id]).fetchall()
    for table in ("spans", "relations", "doc_labels", "decisions", "comments"):
        out += conn.execute(f"SELECT '{table}', id, updated_at, deleted FROM {table} "
                            "WHERE doc_id = ?", [doc_id]).fetchall()
    return out


def live_relations_touching(conn: sqlite3.Connection, span_id: str) -> list[Row]:
    return _rows(conn, f"SELECT {_quoted(COLUMNS['relations'])} FROM relations "
                       "WHERE (head = ? OR tail = ?) AND deleted = 0", [span_id, span_id])


def live_span_exists(conn: sqlite3.Connection, doc_id: str, start: int, end: int, label: str,
                     annotator: str) -> bool:
    return conn.execute(
        'SELECT 1 FROM spans WHERE doc_id = ? AND start = ? AND "end" = ? AND label = ? '
        "AND annotator = ? AND deleted = 0 LIMIT 1",
        [doc_id, start, end, label, annotator]).fetchone() is not None


def doc_label_row(conn: sqlite3.Connection, doc_id: str, field: str,
                  annotator: str) -> Row | None:
    """The annotator's label of this field: the live one, else the last deleted one."""
    rows = _rows(conn, f"SELECT {_quoted(COLUMNS['doc_labels'])} FROM doc_labels "
                       "WHERE doc_id = ? AND field = ? AND annotator = ? "
                       "ORDER BY deleted, updated_at DESC LIMIT 1", [doc_id, field, annotator])
    return rows[0] if rows else None


def existing_ids(conn: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    """Which of these document ids the database holds, with their text's sha256."""
    found: dict[str, str] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        found.update(conn.execute(
            f"SELECT id, sha256 FROM documents WHERE id IN ({', '.join('?' * len(chunk))})",
            chunk).fetchall())
    return found


def existing_shas(conn: sqlite3.Connection, shas: list[str]) -> set[str]:
    """Which of these text hashes the database already holds (live or deleted)."""
    found: set[str] = set()
    for i in range(0, len(shas), 500):  # below SQLite's limit on bound parameters
        chunk = shas[i:i + 500]
        found.update(r[0] for r in conn.execute(
            f"SELECT sha256 FROM documents WHERE sha256 IN ({', '.join('?' * len(chunk))})",
            chunk))
    return found


def document_by_sha(conn: sqlite3.Connection, sha256: str) -> Row | None:
    rows = _rows(conn, f"SELECT {_quoted(COLUMNS['documents'])} FROM documents "
                       "WHERE sha256 = ?", [sha256])
    return rows[0] if rows else None


def document_summaries(conn: sqlite3.Connection) -> list[Row]:
    """Every listed document in arrival order (for scripts and tests; the window pages)."""
    rowids = [r for (r,) in conn.execute("SELECT rowid FROM documents WHERE deleted = 0 "
                                         "ORDER BY rowid")]
    return list_rows(conn, rowids, ordered=True)


def document_summary(conn: sqlite3.Connection, doc_id: str) -> Row | None:
    rowid = rowid_of(conn, doc_id)
    rows = list_rows(conn, [rowid]) if rowid is not None else []
    return rows[0] if rows else None


# --- the document list: summaries by page (the order: storage/document_list.py) ---

def list_rows(conn: sqlite3.Connection, rowids: list[int], ordered: bool = False) -> list[Row]:
    """Summaries of live documents (the rows on screen): no text, but the first words of
    an untitled one, and the span count. In the order of `rowids` if `ordered`."""
    out: list[Row] = []
    for i in range(0, len(rowids), 500):
        chunk = rowids[i:i + 500]
        out += _rows(conn, "SELECT d.id, d.title, d.source, d.status, d.published, "
                           "(SELECT count(*) FROM spans s WHERE s.doc_id = d.id "
                           "AND s.deleted = 0) AS span_count, d.created_at, CASE WHEN "
                           "d.title = '' THEN substr(d.text, 1, 80) ELSE '' END AS preview, "
                           "d.rowid AS rowid FROM documents d WHERE d.deleted = 0 AND "
                           f"d.rowid IN ({', '.join('?' * len(chunk))})", chunk)
    if ordered:
        place = {r: n for n, r in enumerate(rowids)}
        out.sort(key=lambda row: place[row["rowid"]])
    return out


def rowid_of(conn: sqlite3.Connection, doc_id: str) -> int | None:
    row = conn.execute("SELECT rowid FROM documents WHERE id = ?", [doc_id]).fetchone()
    return row[0] if row else None


def list_sources(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute(
        "SELECT DISTINCT source FROM documents WHERE deleted = 0 AND source != '' "
        "ORDER BY source COLLATE NOCASE")]


def latest_scheme(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT toml FROM schemes ORDER BY version DESC LIMIT 1").fetchone()
    return row[0] if row else None


def scheme_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT coalesce(max(version), 0) FROM schemes").fetchone()[0])


# --- history: superseded versions of records ------------------------------------------

HistoryEntry = tuple[str, str, str, Row, str, str, str, str]
"""(table, record id, rev, row, reason, replaced_by, recorded_at, source)"""


def add_history(conn: sqlite3.Connection, entries: Iterable[HistoryEntry]) -> None:
    conn.executemany(
        "INSERT INTO history (tbl, record_id, rev, row, reason, replaced_by, recorded_at, "
        "source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        ((t, i, r, json.dumps(row, ensure_ascii=False, sort_keys=True), reason, by, at, src)
         for t, i, r, row, reason, by, at, src in entries))


def history_revs(conn: sqlite3.Connection, record_id: str,
                 schema: str = "main") -> dict[str, str]:
    """Every revision of the record this file has seen and replaced, with the reason."""
    return dict(conn.execute(f"SELECT rev, reason FROM {schema}.history WHERE record_id = ?",
                             [record_id]).fetchall())


def history_of(conn: sqlite3.Connection, record_id: str) -> list[Row]:
    cur = conn.execute("SELECT seq, tbl, rev, row, reason, replaced_by, recorded_at, source "
                       "FROM history WHERE record_id = ? ORDER BY seq", [record_id])
    names = [d[0] for d in cur.description]
    return [{**dict(zip(names, r, strict=True)), "row": json.loads(r[3])} for r in cur]


def conflicts(conn: sqlite3.Connection, limit: int = 1000) -> list[Row]:
    """The losing versions of merge conflicts, newest first."""
    cur = conn.execute("SELECT seq, tbl, record_id, rev, row, replaced_by, recorded_at, source "
                       "FROM history WHERE reason = 'conflict' ORDER BY seq DESC LIMIT ?",
                       [limit])
    names = [d[0] for d in cur.description]
    return [{**dict(zip(names, r, strict=True)), "row": json.loads(r[4])} for r in cur]


def history_entry(conn: sqlite3.Connection, seq: int) -> Row | None:
    cur = conn.execute("SELECT seq, tbl, record_id, rev, row, reason FROM history "
                       "WHERE seq = ?", [seq])
    r = cur.fetchone()
    if r is None:
        return None
    return {"seq": r[0], "tbl": r[1], "record_id": r[2], "rev": r[3],
            "row": json.loads(r[4]), "reason": r[5]}


def add_scheme(conn: sqlite3.Connection, scheme_id: str, toml: str, created_at: str) -> None:
    conn.execute("INSERT INTO schemes (scheme_id, toml, created_at) VALUES (?, ?, ?)",
                 [scheme_id, toml, created_at])


def annotators(conn: sqlite3.Connection) -> list[str]:
    """Everyone with a live span or document label. One index seek per annotator (a skip
    scan by recursion) rather than a read of every span."""
    found: set[str] = set()
    for table in ("spans", "doc_labels"):
        live = f"FROM {table} WHERE deleted = 0"
        found.update(r[0] for r in conn.execute(
            f"WITH RECURSIVE a(name) AS (SELECT min(annotator) {live} UNION ALL "
            f"SELECT (SELECT min(annotator) {live} AND annotator > a.name) FROM a "
            "WHERE a.name IS NOT NULL) SELECT name FROM a WHERE name IS NOT NULL"))
    return sorted(found)


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t} WHERE deleted = 0").fetchone()[0]
            for t in COLUMNS}


# --- export: documents in import order (rowid), each table's rows grouped by document


def export_filters(statuses: list[str] | None, annotator: str | None,
                   with_deleted: bool = False) -> tuple[str, str, list[object], list[object]]:
    """WHERE clauses (and parameters) for documents and for their annotations."""
    doc_where, doc_params = "d.deleted = 0", []
    if statuses:
        doc_where += f" AND d.status IN ({', '.join('?' * len(statuses))})"
        doc_params += statuses
    ann_where, ann_params = "1" if with_deleted else "x.deleted = 0", []
    if annotator is not None:
        ann_where += " AND x.annotator = ?"
        ann_params.append(annotator)
    return doc_where, ann_where, doc_params, ann_params


def iter_export_documents(conn: sqlite3.Connection, doc_where: str,
                          doc_params: list[object]) -> Iterator[Row]:
    cur = conn.execute(f"SELECT {_quoted(COLUMNS['documents'], 'd.')} "
                       f"FROM documents d WHERE {doc_where} ORDER BY d.rowid",
                       doc_params)
    decode = _decoder(cur)
    for values in cur:
        yield decode(values)


def iter_export_rows(conn: sqlite3.Connection, table: str, doc_where: str, ann_where: str,
                     params: list[object], extra: str = "") -> Iterator[tuple[Any, ...]]:
    """Rows as tuples in COLUMNS order (JSON columns parsed): a million of them is the
    normal case here, and tuples cost a fraction of dicts."""
    order = {"spans": 'x.start, x."end", x.label, x.id', "relations": "x.type, x.id",
             "doc_labels": "x.field, x.annotator, x.id", "decisions": "x.id",
             "comments": "x.created_at, x.id"}[table]
    cols = COLUMNS[table]
    cur = conn.execute(
        # Documents drive the loop (CROSS JOIN keeps them outside) so that each one's rows
        # come from the by-document index and only they are sorted: 2-3x faster than
        # sorting the whole table.
        f"SELECT {_quoted(cols, 'x.')} FROM documents d "
        f"CROSS JOIN {table} x ON x.doc_id = d.id WHERE {doc_where} AND {ann_where} {extra} "
        f"ORDER BY d.rowid, {order}", params)
    json_at = [i for i, c in enumerate(cols) if c in JSON_COLUMNS]
    if not json_at:
        yield from cur
        return
    (at,) = json_at
    read = _json_reader()
    for values in cur:
        yield (*values[:at], read(values[at]), *values[at + 1:])
