"""Opening the SQLite file safely, and the write transaction every mutation runs in."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from annotator.errors import DatabaseOpenError, LockedError, StorageError
from annotator.storage import schema_names as schema
from annotator.storage import search_index

BUSY_TIMEOUT_S = 10.0
OTHER_TIMEOUT_S = 10.0  # how long a merge waits for another program to release the other file
_SQLITE_HEADER = b"SQLite format 3\x00"

# Messages SQLite gives for failures that are the environment's, not a bug of ours.
_KNOWN_FAILURES = {
    "database or disk is full": "the disk is full; nothing was written",
    "disk i/o error": "the disk reported an I/O error; nothing was written",
    "database is locked": "another program holds the database locked; nothing was written",
    "attempt to write a readonly database": "the database file is read-only",
    "unable to open database file": "the database file cannot be opened (moved or deleted?)",
    "database disk image is malformed": "the database file is damaged",
    "file is not a database": "the file is not an SQLite database",
}


def known_error(exc: sqlite3.Error, path: Path | str) -> StorageError | None:
    """Translate an SQLite failure a user can act on into a StorageError; None for bugs."""
    text = str(exc).lower()
    for needle, message in _KNOWN_FAILURES.items():
        if needle in text:
            kind = LockedError if needle == "database is locked" else StorageError
            return kind(f"{path}: {message}")
    return None


class Database:
    """One open annotator database. Reads run in autocommit; writes in `write()`."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One BEGIN IMMEDIATE transaction: all of it is committed, or none of it."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise known_error(exc, self.path) or exc from None
        try:
            yield self.conn
            search_index.follow(self.conn)  # documents added are searchable on commit
            self.conn.execute("COMMIT")
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise known_error(exc, self.path) or exc from None
            raise

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction: every query inside sees the same state of the file."""
        self.conn.execute("BEGIN DEFERRED")
        try:
            yield self.conn
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    @contextmanager
    def attached(self, path: Path, schema: str) -> Iterator[None]:
        """Another database file attached read-only under `schema`, for one merge."""
        self.conn.execute(f"ATTACH DATABASE ? AS {schema}", [path.resolve().as_uri() + "?mode=ro"])
        try:
            yield
        finally:
            self.conn.execute(f"DETACH DATABASE {schema}")

    def data_version(self) -> int:
        """Changes when another connection commits (SQLite's PRAGMA data_version)."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def busy_timeout(self) -> float:
        return int(self.conn.execute("PRAGMA busy_timeout").fetchone()[0]) / 1000

    def set_busy_timeout(self, seconds: float) -> None:
        """How long a write waits for another writer before LockedError (a window keeps
        this short and retries, so that it never freezes)."""
        self.conn.execute(f"PRAGMA busy_timeout={int(seconds * 1000)}")

    @contextmanager
    def writer_note(self, what: str) -> Iterator[None]:
        """While a long write runs, a note beside the file says what it is, so that a
        window waiting for the lock can tell the analyst what it waits for."""
        note = Path(f"{self.path}-writer.json")
        try:
            note.write_text(json.dumps({"what": what, "pid": os.getpid(), "since":
                                        datetime.now(UTC).isoformat(timespec="seconds")},
                                       ensure_ascii=False), encoding="utf-8")
        except OSError:
            pass  # the note is a courtesy; the write itself decides
        try:
            yield
        finally:
            note.unlink(missing_ok=True)

    def current_writer(self) -> str | None:
        """What another process is writing now, from its note, if it left one."""
        try:
            note = json.loads(Path(f"{self.path}-writer.json").read_text(encoding="utf-8"))
            os.kill(int(note["pid"]), 0)  # the process is still there
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return f"{note['what']} (process {note['pid']}, since {note['since'][11:16]} UTC)"

    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    def integrity_ok(self) -> bool:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def close(self) -> None:
        self.conn.close()


def _check_file(path: Path) -> None:
    """Refuse, before SQLite writes anything, files we must not touch."""
    if path.is_dir():
        raise DatabaseOpenError(f"{path}: is a folder, not a database file")
    if not path.exists():
        if not path.parent.is_dir():
            raise DatabaseOpenError(f"{path}: the folder {path.parent} does not exist")
        if not os.access(path.parent, os.W_OK):
            raise DatabaseOpenError(f"{path}: cannot create the database: folder is read-only")
        return
    # Mode bits as well as access(): root may write anything, yet a file the user marked
    # read-only must stay as it is.
    mode = path.stat().st_mode
    if not os.access(path, os.W_OK) or not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise DatabaseOpenError(f"{path}: the file is read-only; open a writable copy")
    if not os.access(path.parent, os.W_OK):
        raise DatabaseOpenError(f"{path}: its folder is read-only (SQLite needs to write a "
                                "journal beside the file)")
    if path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        header = fh.read(len(_SQLITE_HEADER))
    if header != _SQLITE_HEADER:
        raise DatabaseOpenError(f"{path}: not an annotator database (not an SQLite file)")
    _check_contents(path)


def _check_contents(path: Path, shown: Path | None = None) -> None:
    """Refuse SQLite files that are not ours or are newer; messages name `shown`."""
    uri = path.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            applied: list[str] = []
            if schema.MIGRATIONS_TABLE in tables:
                applied = [r[0] for r in conn.execute(
                    f"SELECT name FROM {schema.MIGRATIONS_TABLE} "
                    "WHERE migration_set = ?", [schema.MIGRATION_SET])]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        err = known_error(exc, shown or path)
        raise DatabaseOpenError(str(err) if err else f"{path}: cannot be read: {exc}") from None
    path = shown or path
    if app_id not in (0, schema.APPLICATION_ID) or (app_id == 0 and tables):
        raise DatabaseOpenError(f"{path}: is an SQLite file of another program, "
                                "not an annotator database")
    unknown = set(applied) - set(schema.NAMES)
    if version > schema.CURRENT_VERSION or unknown:
        raise DatabaseOpenError(
            f"{path}: was written by a newer version of the annotator (schema {version}, "
            f"this version knows up to {schema.CURRENT_VERSION}); update the app")


def copy_for_reading(path: Path, folder: Path) -> Path:
    """A private copy of another annotator database, upgraded to the current schema, to
    read a colleague's work from. The original is only read: a file nobody has open (no
    `-wal` beside it) is copied byte for byte, so that SQLite never creates anything
    beside it; one that is open elsewhere is read through a read-only connection."""
    if not path.exists():
        raise DatabaseOpenError(f"{path}: no such file")
    if path.is_dir():
        raise DatabaseOpenError(f"{path}: is a folder, not a database file")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(_SQLITE_HEADER))
    except OSError as exc:
        raise DatabaseOpenError(f"{path}: cannot be read ({exc.strerror})") from None
    if header != _SQLITE_HEADER:
        raise DatabaseOpenError(f"{path}: not an annotator database (not an SQLite file)")
    copy = folder / "other.db"
    try:
        if Path(f"{path}-wal").exists():
            source = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True,
                                     timeout=OTHER_TIMEOUT_S)
            target = sqlite3.connect(copy)
            try:
                # backup() itself retries a locked file for ever; a query gives up after
                # the timeout, with "database is locked".
                source.execute("SELECT count(*) FROM sqlite_master").fetchone()
                source.backup(target)
            finally:
                target.close()
                source.close()
        else:
            shutil.copyfile(path, copy)
            if Path(f"{path}-wal").exists():  # someone opened it while we copied
                copy.unlink()
                return copy_for_reading(path, folder)
    except sqlite3.Error as exc:
        if "locked" in str(exc):
            raise DatabaseOpenError(f"{path}: another program holds it locked while it "
                                    "writes; try again when it has finished (nothing was "
                                    "merged)") from None
        err = known_error(exc, path)
        raise DatabaseOpenError(str(err) if err else f"{path}: cannot be read: {exc}") from None
    except OSError as exc:
        raise DatabaseOpenError(f"{path}: cannot be copied to read ({exc.strerror})") from None
    _check_contents(copy, shown=path)
    open_database(copy).close()  # brings an older schema up to date, in the copy only
    return copy


def open_database(path: Path | str, *, stop_before: str | None = None) -> Database:
    """Open or create an annotator database, upgrading its schema if it is older.

    `stop_before` names a migration to stop at; tests use it to build old versions.
    """
    path = Path(path)
    _check_file(path)
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    except sqlite3.Error as exc:
        raise DatabaseOpenError(str(known_error(exc, path) or f"{path}: {exc}")) from None
    try:
        mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
        if mode != "wal":
            raise DatabaseOpenError(f"{path}: cannot switch to WAL mode (got {mode})")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
        search_index.register_fold(conn)
        db = Database(conn, path)
        _migrate(db, stop_before)
    except sqlite3.Error as exc:
        conn.close()
        raise DatabaseOpenError(str(known_error(exc, path) or f"{path}: {exc}")) from None
    except BaseException:
        conn.close()
        raise
    return db


def _migrate(db: Database, stop_before: str | None) -> None:
    if stop_before is None and db.schema_version() == schema.CURRENT_VERSION:
        # Up to date (the version counts our migrations, whose names _check_contents has
        # checked): opening takes no lock, so readers never wait for a long writer, and
        # the migrations (sqlite-utils) are not even imported.
        return
    from sqlite_utils import Database as SqliteUtilsDatabase

    from annotator.storage import migrations

    utils_db = SqliteUtilsDatabase(db.conn, recursive_triggers=False, execute_plugins=False)
    if not migrations.migrations.pending(utils_db) and db.schema_version() > 0:
        return
    # A migration may rebuild a table that others point to (SQLite's "12-step" ALTER):
    # foreign keys are off while it runs (the pragma cannot change inside a transaction)
    # and checked as a whole before the upgrade commits.
    db.conn.execute("PRAGMA foreign_keys=OFF")
    try:
        with db.write() as conn:
            if migrations.migrations.pending(utils_db):
                # Inside our BEGIN IMMEDIATE, sqlite-utils nests each migration in a
                # savepoint, so the whole upgrade commits or rolls back as one.
                migrations.migrations.apply(utils_db, stop_before=stop_before)
                applied = len(migrations.migrations.applied(utils_db))
                conn.execute(f"PRAGMA user_version={applied}")
                conn.execute(f"PRAGMA application_id={schema.APPLICATION_ID}")
                broken = conn.execute("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseOpenError(f"{db.path}: the upgrade would break "
                                            f"{len(broken)} link(s) between records; "
                                            "nothing was changed")
    finally:
        db.conn.execute("PRAGMA foreign_keys=ON")
