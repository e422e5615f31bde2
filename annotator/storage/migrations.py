"""The schema, versioned: each migration is one function, applied in order, never edited.

A database's version is the number of migrations applied to it. Add a new function at the
end for every schema change; tests/unit/storage/test_migrations.py upgrades from each
earlier version.
"""

from __future__ import annotations

from functools import lru_cache

from sqlite_utils import Database as SqliteUtilsDatabase
from sqlite_utils import Migrations

from annotator.storage.schema_names import APPLICATION_ID, MIGRATION_SET  # noqa: F401

migrations = Migrations(MIGRATION_SET)

# A document's text and its hash never change once stored (DESIGN.md, contract 1).
_TEXT_IS_IMMUTABLE = """CREATE TRIGGER documents_text_is_immutable
    BEFORE UPDATE OF text, sha256 ON documents
    WHEN NEW.text IS NOT OLD.text OR NEW.sha256 IS NOT OLD.sha256
    BEGIN SELECT RAISE(ABORT, 'document text is immutable'); END"""

_PROVENANCE = """
    annotator TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1))
"""


@migrations(name="0001_initial")
def initial(db: SqliteUtilsDatabase) -> None:
    statements = [
        f"""CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL UNIQUE,
            text TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            url TEXT,
            published TEXT,
            language TEXT NOT NULL DEFAULT '',
            meta TEXT NOT NULL DEFAULT '{{}}',
            status TEXT NOT NULL DEFAULT 'new'
                CHECK (status IN ('new', 'in_progress', 'done')),
            {_PROVENANCE})""",
        _TEXT_IS_IMMUTABLE,
        f"""CREATE TABLE spans (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id),
            start INTEGER NOT NULL CHECK (start >= 0),
            "end" INTEGER NOT NULL CHECK ("end" > start),
            label TEXT NOT NULL,
            attributes TEXT NOT NULL DEFAULT '{{}}',
            note TEXT,
            {_PROVENANCE})""",
        "CREATE INDEX spans_by_doc ON spans(doc_id, deleted)",
        f"""CREATE TABLE relations (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id),
            type TEXT NOT NULL,
            head TEXT NOT NULL REFERENCES spans(id),
            tail TEXT NOT NULL REFERENCES spans(id),
            {_PROVENANCE})""",
        "CREATE INDEX relations_by_doc ON relations(doc_id, deleted)",
        "CREATE INDEX relations_by_head ON relations(head)",
        "CREATE INDEX relations_by_tail ON relations(tail)",
        f"""CREATE TABLE doc_labels (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id),
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            {_PROVENANCE},
            UNIQUE (doc_id, field, annotator))""",
        """CREATE TABLE schemes (
            version INTEGER PRIMARY KEY AUTOINCREMENT,
            scheme_id TEXT NOT NULL,
            toml TEXT NOT NULL,
            created_at TEXT NOT NULL)""",
    ]
    for sql in statements:
        db.execute(sql)



@migrations(name="0002_merge_history")
def merge_history(db: SqliteUtilsDatabase) -> None:
    """Records carry the revision they were edited from (`base`) and who last changed them
    (`updated_by`, for "changed by … at …" when a window's copy is stale). Superseded
    versions are kept in `history`, so that a merge knows what each side has seen and a
    losing version can be restored. A deleted document label no longer blocks its field."""
    statements = [
        *(f"ALTER TABLE {t} ADD COLUMN {c} TEXT NOT NULL DEFAULT ''"
          for t in ("documents", "spans", "relations") for c in ("base", "updated_by")),
        f"""CREATE TABLE doc_labels_new (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id),
            field TEXT NOT NULL,
            value TEXT NOT NULL,
            {_PROVENANCE},
            base TEXT NOT NULL DEFAULT '',
            updated_by TEXT NOT NULL DEFAULT '')""",
        "INSERT INTO doc_labels_new (id, doc_id, field, value, annotator, created_at, "
        "updated_at, deleted) SELECT id, doc_id, field, value, annotator, created_at, "
        "updated_at, deleted FROM doc_labels",
        "DROP TABLE doc_labels",
        "ALTER TABLE doc_labels_new RENAME TO doc_labels",
        "CREATE INDEX doc_labels_by_doc ON doc_labels(doc_id, deleted)",
        "CREATE UNIQUE INDEX doc_labels_one_live ON doc_labels(doc_id, field, annotator) "
        "WHERE deleted = 0",
        """CREATE TABLE history (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            tbl TEXT NOT NULL,
            record_id TEXT NOT NULL,
            rev TEXT NOT NULL,
            row TEXT NOT NULL,
            reason TEXT NOT NULL CHECK (reason IN ('edit', 'merge', 'conflict')),
            replaced_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '')""",
        "CREATE INDEX history_by_record ON history(record_id)",
    ]
    for sql in statements:
        db.execute(sql)



@migrations(name="0003_document_list_index")
def document_list_index(db: SqliteUtilsDatabase) -> None:
    """The document list sorts, filters and counts from this covering index alone, so that
    it never reads a document's text (a table scan would read every article)."""
    db.execute("CREATE INDEX documents_list ON documents(deleted, status, source, published, "
               "title)")



@migrations(name="0004_same_text_documents")
def same_text_documents(db: SqliteUtilsDatabase) -> None:
    """Two documents may hold the same text (`import --keep-duplicates`: rows of a table
    that repeat a text with other columns). The sha256 stays indexed, no longer unique.
    SQLite cannot drop a constraint: the table is rebuilt, with its trigger and indexes."""
    columns = ", ".join(f'"{c}"' for c in (
        "id", "sha256", "text", "title", "source", "url", "published", "language", "meta",
        "status", "annotator", "created_at", "updated_at", "deleted", "base", "updated_by"))
    statements = [
        f"""CREATE TABLE documents_new (
            id TEXT PRIMARY KEY,
            sha256 TEXT NOT NULL,
            text TEXT NOT NULL,
            title TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            url TEXT,
            published TEXT,
            language TEXT NOT NULL DEFAULT '',
            meta TEXT NOT NULL DEFAULT '{{}}',
            status TEXT NOT NULL DEFAULT 'new'
                CHECK (status IN ('new', 'in_progress', 'done')),
            {_PROVENANCE},
            base TEXT NOT NULL DEFAULT '',
            updated_by TEXT NOT NULL DEFAULT '')""",
        f"INSERT INTO documents_new (rowid, {columns}) SELECT rowid, {columns} FROM documents",
        "DROP TABLE documents",
        "ALTER TABLE documents_new RENAME TO documents",
        "CREATE INDEX documents_by_sha ON documents(sha256)",
        "CREATE INDEX documents_list ON documents(deleted, status, source, published, title)",
        _TEXT_IS_IMMUTABLE,
    ]
    for sql in statements:
        db.execute(sql)


@migrations(name="0005_search_index")
def search_index(db: SqliteUtilsDatabase) -> None:
    """The corpus search index (storage/search_index.py) follows every write from now on.
    A new database gets it empty here; a database that already holds documents gets it
    built after opening, with progress (folding 100,000 articles takes seconds, too long
    to hide in an upgrade). An index made lazily by an earlier build is dropped and
    rebuilt the same way, so that a half-followed index never survives."""
    db.execute("DROP TABLE IF EXISTS doc_search")
    db.execute("DROP TABLE IF EXISTS doc_search_build")
    if db.execute("SELECT count(*) FROM documents").fetchone()[0] == 0:
        db.execute("CREATE VIRTUAL TABLE doc_search USING fts5(folded, content='', "
                   "tokenize='unicode61 remove_diacritics 0')")


@migrations(name="0006_by_annotator")
def by_annotator(db: SqliteUtilsDatabase) -> None:
    """Whose work is where: the document list's annotator filter and progress counts, and
    the review's layers, read these covering indexes instead of every span."""
    db.execute("CREATE INDEX spans_by_annotator ON spans(annotator, doc_id) WHERE deleted = 0")
    db.execute("CREATE INDEX doc_labels_by_annotator ON doc_labels(annotator, doc_id) "
               "WHERE deleted = 0")


@migrations(name="0007_documents_live")
def documents_live(db: SqliteUtilsDatabase) -> None:
    """The live documents in arrival order, as a narrow index: the whole list (100,000
    rowids) and the documents a search or an annotator picked are read from it without a
    sort and without the wide list index."""
    db.execute("CREATE INDEX documents_live ON documents(deleted)")


@migrations(name="0008_review")
def review(db: SqliteUtilsDatabase) -> None:
    """A reviewer's decisions (review/gold.py: a unit of disagreement accepted into gold or
    rejected; its id is the unit's gold twin id) and comment threads on a span, a link or a
    document (`target` empty). Both merge like every other record."""
    statements = [
        f"""CREATE TABLE decisions (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id),
            verdict TEXT NOT NULL CHECK (verdict IN ('accepted', 'rejected')),
            {_PROVENANCE},
            base TEXT NOT NULL DEFAULT '',
            updated_by TEXT NOT NULL DEFAULT '')""",
        "CREATE INDEX decisions_by_doc ON decisions(doc_id, deleted)",
        f"""CREATE TABLE comments (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id),
            target TEXT NOT NULL DEFAULT '',
            body TEXT NOT NULL,
            resolved INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
            {_PROVENANCE},
            base TEXT NOT NULL DEFAULT '',
            updated_by TEXT NOT NULL DEFAULT '')""",
        "CREATE INDEX comments_by_doc ON comments(doc_id, deleted)",
        "CREATE INDEX comments_by_annotator ON comments(annotator, doc_id) WHERE deleted = 0",
    ]
    for sql in statements:
        db.execute(sql)


@lru_cache(maxsize=1)
def _names() -> tuple[str, ...]:
    # pending() on an empty in-memory database lists every migration, in order.
    return tuple(m.name for m in migrations.pending(SqliteUtilsDatabase(memory=True)))


def known_names() -> list[str]:
    return list(_names())


def current_version() -> int:
    return len(known_names())
