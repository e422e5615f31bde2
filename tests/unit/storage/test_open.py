"""Opening the database: pragmas, and files we must refuse without touching them."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from annotator.errors import DatabaseOpenError, StorageError
from annotator.storage import migrations as schema
from annotator.storage import open_database


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_uses_wal_full_sync_foreign_keys_and_busy_timeout(db_path: Path) -> None:
    db = open_database(db_path)
    pragma = lambda name: db.conn.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "wal"
    assert pragma("synchronous") == 2  # FULL
    assert pragma("foreign_keys") == 1
    assert pragma("busy_timeout") >= 5000
    assert pragma("application_id") == schema.APPLICATION_ID
    assert db.schema_version() == schema.current_version()
    db.close()


def test_reopening_changes_nothing(db_path: Path) -> None:
    open_database(db_path).close()
    before = sqlite3.connect(db_path).execute("SELECT count(*) FROM _sqlite_migrations").fetchone()
    open_database(db_path).close()
    after = sqlite3.connect(db_path).execute("SELECT count(*) FROM _sqlite_migrations").fetchone()
    assert before == after


def test_empty_file_becomes_a_database(db_path: Path) -> None:
    db_path.write_bytes(b"")
    db = open_database(db_path)
    assert db.schema_version() == schema.current_version()
    db.close()


@pytest.mark.parametrize("content, message", [
    (b"not a database at all\n" * 10, "not an SQLite file"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not an SQLite file"),
    (b"SQLite format 3\x00" + b"\xff" * 200, "SQLite|damaged|cannot be read"),
])
def test_non_database_files_are_refused_untouched(tmp_path: Path, content: bytes,
                                                  message: str) -> None:
    path = tmp_path / "x.db"
    path.write_bytes(content)
    with pytest.raises(DatabaseOpenError, match=message):
        open_database(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.db"]


def test_sqlite_file_of_another_program_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (n INTEGER)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(DatabaseOpenError, match="another program"):
        open_database(path)
    assert digest(path) == before


def test_database_of_a_newer_version_is_refused_untouched(db_path: Path) -> None:
    db = open_database(db_path)
    with db.write() as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('annotator', '9999_from_the_future', 'x')")
        conn.execute(f"PRAGMA user_version={schema.current_version() + 1}")
    db.close()
    before = digest(db_path)
    with pytest.raises(DatabaseOpenError, match="newer version"):
        open_database(db_path)
    assert digest(db_path) == before


def test_read_only_file_is_refused_untouched(db_path: Path) -> None:
    open_database(db_path).close()
    before = digest(db_path)
    db_path.chmod(0o444)
    try:
        with pytest.raises(DatabaseOpenError, match="read-only"):
            open_database(db_path)
        assert digest(db_path) == before
    finally:
        db_path.chmod(0o644)


def test_folder_and_missing_parent_are_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseOpenError, match="is a folder"):
        open_database(tmp_path)
    with pytest.raises(DatabaseOpenError, match="does not exist"):
        open_database(tmp_path / "nope" / "x.db")


def test_failed_write_rolls_back_everything(db_path: Path) -> None:
    db = open_database(db_path)
    with pytest.raises(sqlite3.IntegrityError):
        with db.write() as conn:
            conn.execute("INSERT INTO schemes (scheme_id, toml, created_at) VALUES ('a','b','c')")
            conn.execute("INSERT INTO spans (id, doc_id, start, \"end\", label, created_at, "
                         "updated_at) VALUES ('s', 'no-such-doc', 0, 1, 'X', 'n', 'n')")
    assert db.conn.execute("SELECT count(*) FROM schemes").fetchone()[0] == 0
    assert not db.conn.in_transaction
    db.close()


def test_document_text_cannot_change_once_stored(db_path: Path) -> None:
    db = open_database(db_path)
    with db.write() as conn:
        conn.execute("INSERT INTO documents (id, sha256, text, created_at, updated_at) "
                     "VALUES ('d', 'h', 'نص', 'n', 'n')")
    with pytest.raises(sqlite3.IntegrityError, match="immutable"):
        with db.write() as conn:
            conn.execute("UPDATE documents SET text = 'نص آخر' WHERE id = 'd'")
    assert db.conn.execute("SELECT text FROM documents").fetchone()[0] == "نص"
    db.close()


def test_locked_database_gives_a_known_error(db_path: Path) -> None:
    db = open_database(db_path)
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    db.conn.execute("PRAGMA busy_timeout=50")
    try:
        with pytest.raises(StorageError, match="locked"):
            with db.write():
                pass
    finally:
        other.execute("ROLLBACK")
        other.close()
        db.close()
