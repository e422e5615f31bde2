"""The corpus search index: an FTS5 table over each document's folded text.

Document texts never change and documents are never DELETEd (a deletion is a tombstone,
which the search skips), so the index only ever grows, by rowid. Every write transaction
indexes the documents it added before it commits (`follow`, called by `Database.write`):
imports and merges keep the index in step in the same transaction, and a rollback takes
both back. The table exists only when it is complete: a new database gets it empty, and an
upgraded one gets it from `build_step` (with progress) the first time it is needed. It holds
no text of its own (contentless), only the folded words. Hits are always checked against
the stored text, so the index can only narrow a search, never place a hit. A migration
that rebuilds `documents` must drop both tables (rowids change).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from annotator.search.folding import fold_for_index

TABLE = "doc_search"
FOLD_FUNCTION = "annotator_fold"
STAGING = "doc_search_build"
# The texts are folded already (marks gone, case folded, letters unified): the tokenizer
# only splits words; removing diacritics again would cost a quarter of the build.
_CREATE = ("CREATE VIRTUAL TABLE IF NOT EXISTS {table} USING fts5(folded, content='', "
           "tokenize='unicode61 remove_diacritics 0')")


def exists(conn: sqlite3.Connection, table: str = TABLE) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [table]).fetchone() \
        is not None


def register_fold(conn: sqlite3.Connection) -> None:
    """Every connection that writes documents folds them the same way."""
    conn.create_function(FOLD_FUNCTION, 1, fold_for_index, deterministic=True)


def follow(conn: sqlite3.Connection) -> int:
    """Inside a write transaction: index the documents it added. Two lookups when there
    are none. Returns how many were indexed."""
    if not exists(conn):
        return 0
    upto = indexed_up_to(conn)
    newest = conn.execute("SELECT coalesce(max(rowid), 0) FROM documents").fetchone()[0]
    return add_range(conn, upto + 1, newest) if newest > upto else 0


def build_step(conn: sqlite3.Connection, batch: int = 1_000) -> tuple[int, bool]:
    """Inside a write transaction: one step of building the index of a database that has
    none (one upgraded from an older version). The documents go, `batch` at most per step,
    into a staging table that no write follows; the step that finds nothing left renames
    it to the index, so the index appears complete, in one commit. Short steps keep the
    write lock free for an analyst's labels; a cancelled build resumes where it stopped.
    Returns (documents indexed by this step, whether the index is now complete)."""
    if exists(conn):
        return 0, True
    conn.execute(_CREATE.format(table=STAGING))
    done = 0
    bounds = rowid_bounds_after(conn, indexed_up_to(conn, STAGING))
    while bounds is not None and done < batch:
        high = bounds[0] + batch - 1
        done += add_range(conn, bounds[0], high, STAGING)
        bounds = rowid_bounds_after(conn, high)
    if bounds is None:
        conn.execute(f"ALTER TABLE {STAGING} RENAME TO {TABLE}")
    return done, bounds is None


def to_build(conn: sqlite3.Connection) -> int:
    """How many documents the build still has to index."""
    staged = indexed_up_to(conn, STAGING) if exists(conn, STAGING) else 0
    return count_after(conn, staged)


def indexed_up_to(conn: sqlite3.Connection, table: str = TABLE) -> int:
    return conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]


def rowid_bounds_after(conn: sqlite3.Connection, rowid: int) -> tuple[int, int] | None:
    low, high = conn.execute("SELECT min(rowid), max(rowid) FROM documents WHERE rowid > ?",
                             [rowid]).fetchone()
    return None if low is None else (low, high)


def add_range(conn: sqlite3.Connection, low: int, high: int, table: str = TABLE) -> int:
    """Index the documents with rowids in [low, high], folded in SQL by the registered
    function (the texts never cross into Python rows). Returns how many."""
    cur = conn.execute(f"INSERT INTO {table} (rowid, folded) SELECT rowid, "
                       f"{FOLD_FUNCTION}(text) FROM documents WHERE rowid BETWEEN ? AND ?",
                       [low, high])
    return cur.rowcount


def count_after(conn: sqlite3.Connection, rowid: int) -> int:
    return conn.execute("SELECT count(*) FROM documents WHERE rowid > ?", [rowid]).fetchone()[0]


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
