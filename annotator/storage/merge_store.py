"""The SQL of a merge: incoming records are read from an attached database (or from the
temporary `incoming_*` tables an import fills) and compared with, or copied into, `main`.

New records are copied set-wise (INSERT … SELECT); only records present on both sides
with a difference come back to Python to be decided one by one.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from annotator.revisions import CONTENT, PREFERENCE
from annotator.storage.repository import (
    COLUMNS,
    JSON_COLUMNS,
    Row,
    _decoder,
    _json_reader,
    _quoted,
    put_row,
)

TABLES = ("documents", "spans", "relations", "doc_labels", "decisions", "comments")


@dataclass(frozen=True)
class Source:
    """Where incoming records are: a qualified table name per table, and the history."""

    name: str  # the file, for the report
    tables: dict[str, str]
    history: str | None

    @classmethod
    def attached(cls, name: str, schema: str = "other", history: bool = True) -> Source:
        return cls(name, {t: f"{schema}.{t}" for t in TABLES},
                   f"{schema}.history" if history else None)

    @classmethod
    def incoming(cls, name: str) -> Source:
        return cls(name, {t: f"temp.incoming_{t}" for t in TABLES}, None)


def latest_scheme_of(conn: sqlite3.Connection, schema: str = "other") -> str | None:
    row = conn.execute(f"SELECT toml FROM {schema}.schemes ORDER BY version DESC "
                       "LIMIT 1").fetchone()
    return row[0] if row else None


def prepare_incoming(conn: sqlite3.Connection) -> None:
    """Empty temporary tables shaped like the annotation tables (no constraints: they
    hold a file's records only until they are merged)."""
    for t in TABLES:
        conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS incoming_{t} AS "
                     f"SELECT * FROM main.{t} WHERE 0")
        conn.execute(f"DELETE FROM temp.incoming_{t}")


# --- documents -------------------------------------------------------------------------


def document_matches(conn: sqlite3.Connection, src: Source) -> list[tuple[Any, ...]]:
    """(incoming id, sha256, text length, local id with that id, its sha256, local id with
    that sha256) for every incoming document."""
    return conn.execute(
        f"SELECT o.id, o.sha256, length(o.text), l1.id, l1.sha256, l2.id "
        f"FROM {src.tables['documents']} o "
        "LEFT JOIN main.documents l1 ON l1.id = o.id "
        "LEFT JOIN main.documents l2 ON l2.sha256 = o.sha256").fetchall()


def write_document_map(conn: sqlite3.Connection,
                       rows: Iterable[tuple[str, str, int, int]]) -> None:
    """(incoming id, local id, new?, text length): which local document each incoming
    one is; documents that may not be merged are left out, and with them their records."""
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS merge_map (src_id TEXT PRIMARY KEY, "
                 "local_id TEXT, is_new INTEGER, len INTEGER)")
    conn.execute("DELETE FROM temp.merge_map")
    # An article listed twice in one file is one document: one row of the map.
    conn.executemany("INSERT OR IGNORE INTO temp.merge_map VALUES (?, ?, ?, ?)", rows)


def insert_new_documents(conn: sqlite3.Connection, src: Source) -> int:
    cols = _quoted(COLUMNS["documents"])
    cur = conn.execute(
        f"INSERT OR IGNORE INTO main.documents ({cols}) "
        f"SELECT {_quoted(COLUMNS['documents'], 'o.')} "
        f"FROM {src.tables['documents']} o JOIN temp.merge_map m ON m.src_id = o.id "
        "WHERE m.is_new")
    return cur.rowcount


# --- annotation records ----------------------------------------------------------------


def incoming_count(conn: sqlite3.Connection, src: Source, table: str) -> int:
    if table == "documents":
        return int(conn.execute("SELECT count(*) FROM temp.merge_map").fetchone()[0])
    return int(conn.execute(
        f"SELECT count(*) FROM {src.tables[table]} x JOIN temp.merge_map m "
        "ON m.src_id = x.doc_id").fetchone()[0])


def spans_outside_text(conn: sqlite3.Connection, src: Source) -> list[tuple[Any, ...]]:
    return conn.execute(
        f'SELECT x.id, x.start, x."end", m.len FROM {src.tables["spans"]} x '
        'JOIN temp.merge_map m ON m.src_id = x.doc_id WHERE x."end" > m.len OR x.start < 0 '
        'OR x.start >= x."end" LIMIT 5').fetchall()


def links_without_spans(conn: sqlite3.Connection, src: Source) -> list[tuple[Any, ...]]:
    """Incoming links whose spans are in neither file (a damaged source)."""
    return conn.execute(
        f"SELECT x.id, x.head, x.tail FROM {src.tables['relations']} x "
        "JOIN temp.merge_map m ON m.src_id = x.doc_id "
        "WHERE NOT EXISTS (SELECT 1 FROM main.spans s WHERE s.id = x.head) "
        "OR NOT EXISTS (SELECT 1 FROM main.spans s WHERE s.id = x.tail) LIMIT 5").fetchall()


def insert_new(conn: sqlite3.Connection, src: Source, table: str,
               skip: Iterable[str] = ()) -> int:
    """Copy the incoming records whose id is new here, into their local document."""
    cols = COLUMNS[table]
    picked = ", ".join("m.local_id" if c == "doc_id" else f'x."{c}"' for c in cols)
    skipped = list(skip)
    extra = f" AND x.id NOT IN ({', '.join('?' * len(skipped))})" if skipped else ""
    # OR IGNORE: a record listed twice in the incoming rows (the same article twice in a
    # file, so the same derived ids) is one record.
    cur = conn.execute(
        f"INSERT OR IGNORE INTO main.{table} ({_quoted(cols)}) SELECT {picked} "
        f"FROM {src.tables[table]} x JOIN temp.merge_map m ON m.src_id = x.doc_id "
        f"WHERE NOT EXISTS (SELECT 1 FROM main.{table} l WHERE l.id = x.id){extra}", skipped)
    return cur.rowcount


def _needs_a_decision(table: str) -> str:
    """Pairs that differ in content, or say the same but the incoming row is the one every
    copy keeps: the only pairs Python has to look at."""
    content = " OR ".join(f'x."{c}" IS NOT l."{c}"' for c in CONTENT[table])
    keys, order = PREFERENCE[table]
    mine = ", ".join(f'x."{k}"' for k in keys)
    theirs = ", ".join(f'l."{k}"' for k in keys)
    return f"({content}) OR (({mine}) {order} ({theirs}))"


def _pair_columns(table: str) -> tuple[str, ...]:
    # A document's text is the same on both sides (that is how it matched): not read twice.
    return tuple(c for c in COLUMNS[table] if c != "text")


def differing_pairs(conn: sqlite3.Connection, src: Source,
                    table: str) -> list[tuple[Row, Row]]:
    """(incoming, local) for records on both sides that need a decision (documents
    without their text)."""
    cols = _pair_columns(table)
    if table == "documents":
        join = (f"FROM {src.tables[table]} x JOIN temp.merge_map m ON m.src_id = x.id "
                "AND NOT m.is_new JOIN main.documents l ON l.id = m.local_id")
    else:
        join = (f"FROM {src.tables[table]} x JOIN temp.merge_map m ON m.src_id = x.doc_id "
                f"JOIN main.{table} l ON l.id = x.id")
    cur = conn.execute(f"SELECT {_quoted(cols, 'x.')}, {_quoted(cols, 'l.')} {join} "
                       f"WHERE {_needs_a_decision(table)}")
    return _split(cur, cols, cols)


def live_label_collisions(conn: sqlite3.Connection, src: Source) -> list[tuple[Row, Row]]:
    """(incoming, local) document labels new here that would be a second live value of
    the same field by the same annotator."""
    cols = COLUMNS["doc_labels"]
    cur = conn.execute(
        f"SELECT {_quoted(cols, 'x.')}, {_quoted(cols, 'l.')} "
        f"FROM {src.tables['doc_labels']} x JOIN temp.merge_map m ON m.src_id = x.doc_id "
        "JOIN main.doc_labels l ON l.doc_id = m.local_id AND l.field = x.field "
        "AND l.annotator = x.annotator AND l.deleted = 0 AND l.id != x.id "
        "WHERE x.deleted = 0 AND NOT EXISTS (SELECT 1 FROM main.doc_labels y "
        "WHERE y.id = x.id)")
    return _split_pairs(cur, "doc_labels")


def live_label_with_key(conn: sqlite3.Connection, row: Row) -> Row | None:
    cols = COLUMNS["doc_labels"]
    cur = conn.execute(f"SELECT {_quoted(cols)} FROM main.doc_labels WHERE doc_id = ? AND "
                       "field = ? AND annotator = ? AND deleted = 0 AND id != ?",
                       [row["doc_id"], row["field"], row["annotator"], row["id"]])
    decode = _decoder(cur)
    found = cur.fetchone()
    return decode(found) if found else None


def broken_links(conn: sqlite3.Connection, src: Source,
                 dead_here: Iterable[str]) -> list[tuple[Row, Row]]:
    """(link, deleted span) for live links left pointing at a deleted span by this merge:
    links that came in, and links of spans that the merge deleted (those the other file
    deleted, and `dead_here`, those deleted by a decision)."""
    rel, span = COLUMNS["relations"], COLUMNS["spans"]
    dead = list(dead_here)
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS merge_dead (id TEXT PRIMARY KEY)")
    conn.execute("DELETE FROM temp.merge_dead")
    conn.executemany("INSERT OR IGNORE INTO temp.merge_dead VALUES (?)", [(d,) for d in dead])
    conn.execute(f"INSERT OR IGNORE INTO temp.merge_dead SELECT x.id FROM {src.tables['spans']} "
                 "x JOIN temp.merge_map m ON m.src_id = x.doc_id WHERE x.deleted = 1")
    cur = conn.execute(
        f"SELECT DISTINCT {_quoted(rel, 'r.')}, {_quoted(span, 's.')} FROM ("
        f"  SELECT r.id FROM {src.tables['relations']} x "
        "   JOIN temp.merge_map m ON m.src_id = x.doc_id JOIN main.relations r ON r.id = x.id"
        "   UNION SELECT r.id FROM temp.merge_dead d JOIN main.relations r ON r.head = d.id"
        "   UNION SELECT r.id FROM temp.merge_dead d JOIN main.relations r ON r.tail = d.id"
        ") c JOIN main.relations r ON r.id = c.id "
        "JOIN main.spans s ON s.id IN (r.head, r.tail) AND s.deleted = 1 WHERE r.deleted = 0")
    return _split(cur, rel, span)


def _split_pairs(cur: sqlite3.Cursor, table: str) -> list[tuple[Row, Row]]:
    return _split(cur, COLUMNS[table], COLUMNS[table])


def _split(cur: sqlite3.Cursor, first: tuple[str, ...],
           second: tuple[str, ...]) -> list[tuple[Row, Row]]:
    """Rows of a query that selects two records side by side, as two dicts."""
    read = _json_reader()
    n = len(first)
    out = []
    for values in cur.fetchall():
        a = dict(zip(first, values[:n], strict=True))
        b = dict(zip(second, values[n:], strict=True))
        for row in (a, b):
            for key in JSON_COLUMNS.intersection(row):
                row[key] = read(row[key])
        out.append((a, b))
    return out


def write(conn: sqlite3.Connection, table: str, row: Row) -> None:
    """Insert or overwrite a record; a document's text and sha256 are never written."""
    if table != "documents":
        put_row(conn, table, row)
        return
    cols = [c for c in _pair_columns("documents") if c not in ("id", "sha256")]
    values = [json.dumps(row[c], ensure_ascii=False, sort_keys=True) if c in JSON_COLUMNS
              else row[c] for c in cols]
    assignments = ", ".join(f'"{c}" = ?' for c in cols)
    conn.execute(f"UPDATE main.documents SET {assignments} WHERE id = ?", [*values, row["id"]])
