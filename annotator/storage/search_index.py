"""The corpus search index: an FTS5 table over each document's folded text.

Document texts never change, so the index only ever grows: it catches up with the
documents added since it last ran (by rowid) before each search, in one write
transaction. It holds no text of its own (contentless), only the folded words. Hits are
always checked against the stored text, so the index can only narrow a search, never
place a hit. A migration
that rebuilds `documents` must drop this table (rowids change); it is rebuilt by itself.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

TABLE = "doc_search"
_CREATE = (f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5(folded, content='', "
           "tokenize='unicode61 remove_diacritics 2')")


def exists(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [TABLE]).fetchone() \
        is not None


def create(conn: sqlite3.Connection) -> None:
    conn.execute(_CREATE)


def indexed_up_to(conn: sqlite3.Connection) -> int:
    return conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {TABLE}").fetchone()[0]


def rowid_bounds_after(conn: sqlite3.Connection, rowid: int) -> tuple[int, int] | None:
    low, high = conn.execute("SELECT min(rowid), max(rowid) FROM documents WHERE rowid > ?",
                             [rowid]).fetchone()
    return None if low is None else (low, high)


def add_range(conn: sqlite3.Connection, low: int, high: int,
              fold: Callable[[str], str]) -> int:
    """Index the documents with rowids in [low, high], folded by `fold`, in SQL (the
    texts never cross into Python rows). Returns how many."""
    conn.create_function("annotator_fold", 1, fold, deterministic=True)
    cur = conn.execute(f"INSERT INTO {TABLE} (rowid, folded) SELECT rowid, "
                       "annotator_fold(text) FROM documents WHERE rowid BETWEEN ? AND ?",
                       [low, high])
    return cur.rowcount


def count_after(conn: sqlite3.Connection, rowid: int) -> int:
    return conn.execute("SELECT count(*) FROM documents WHERE rowid > ?", [rowid]).fetchone()[0]


def drop(conn: sqlite3.Connection) -> None:
    conn.execute(f"DROP TABLE IF EXISTS {TABLE}")


def candidates(conn: sqlite3.Connection, match: str | None
               ) -> Iterator[tuple[str, str, str | None, str]]:
    """(id, title, published, text) of live documents that may match, in import order:
    those the index names, then those added since it was last brought up to date. Every
    live document when there is no index or `match` is None (nothing it can look up).
    Lazy, and driven by the index: a search that stops at its limit reads no further."""
    columns = "d.id, d.title, d.published, d.text"
    if match is None or not exists(conn):
        yield from conn.execute(f"SELECT {columns} FROM documents d WHERE d.deleted = 0 "
                                "ORDER BY d.rowid")
        return
    upto = indexed_up_to(conn)
    yield from conn.execute(
        f"SELECT {columns} FROM {TABLE} s CROSS JOIN documents d ON d.rowid = s.rowid "
        f"WHERE {TABLE} MATCH ? AND d.deleted = 0 ORDER BY s.rowid", [match])
    yield from conn.execute(f"SELECT {columns} FROM documents d WHERE d.rowid > ? "
                            "AND d.deleted = 0 ORDER BY d.rowid", [upto])


def spans_with_label(conn: sqlite3.Connection, doc_id: str, label: str
                     ) -> list[tuple[int, int]]:
    return conn.execute('SELECT start, "end" FROM spans WHERE doc_id = ? AND label = ? '
                        "AND deleted = 0", [doc_id, label]).fetchall()
