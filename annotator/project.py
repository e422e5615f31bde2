"""The facade: every mutation goes through Project, runs as one transaction, returns what
changed, and can be undone and redone."""

from __future__ import annotations

import getpass
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from annotator import validate
from annotator.bulk_import import BulkImport, ImportReport
from annotator.document_filter import EVERY_DOCUMENT, DocumentFilter
from annotator.errors import ConcurrentEditError, InputError, NotFoundError, ValidationError
from annotator.export_stream import TRACKED_AT, export_stream
from annotator.model import (
    STATUSES,
    Changes,
    DocLabel,
    Document,
    DocumentSummary,
    ExportDoc,
    Relation,
    Span,
    SpanId,
    from_values,
    now_iso,
)
from annotator.record_rows import doc_label_of, document_of, relation_of, span_of
from annotator.records import DocumentRecord
from annotator.resources import default_scheme_path
from annotator.review.merge import merge_source
from annotator.review.report import MergeReport
from annotator.review.scheme_merge import merge_schemes
from annotator.revisions import CONTENT
from annotator.scheme import Scheme, parse_scheme
from annotator.storage import Database, copy_for_reading, document_list, merge_store, open_database
from annotator.storage import repository as repo
from annotator.text import clean_text
from annotator.transaction import KINDS, Step, Tx, changes_of, stale_message

UNDO_LIMIT = 1000
_UNSET: Any = object()


class Project:
    """An open annotator database with its scheme, the current annotator and undo history."""

    def __init__(self, db: Database, annotator: str) -> None:
        self._db = db
        self.annotator = annotator
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._seen: dict[str, str] = {}  # id -> updated_at as last read or written here
        self._written: dict[str, str] = {}  # id -> updated_at as last written here
        # document id -> ids of the live document labels this project last read there, so
        # that a value another window set meanwhile is not silently replaced
        self._seen_labels: dict[str, set[str]] = {}
        if repo.latest_scheme(db.conn) is None:
            # A new file gets the default scheme, so that the file describes itself.
            default = parse_scheme(default_scheme_path().read_text(encoding="utf-8"),
                                   str(default_scheme_path()))
            with db.write() as conn:
                if repo.latest_scheme(conn) is None:  # another process may have won
                    repo.add_scheme(conn, default.id, default.source, now_iso())
        self._scheme_version = -1
        self._refresh_scheme(db.conn)

    @classmethod
    def open(cls, path: Path | str, annotator: str | None = None) -> Project:
        return cls(open_database(path), annotator if annotator is not None else _os_user())

    @property
    def path(self) -> Path:
        return self._db.path

    @property
    def scheme(self) -> Scheme:
        return self._scheme

    def _refresh_scheme(self, conn: Any) -> bool:
        """Read the stored scheme again if another writer changed it; True if it did."""
        version = repo.scheme_version(conn)
        if version == self._scheme_version:
            return False
        stored = repo.latest_scheme(conn)
        assert stored is not None
        self._scheme = parse_scheme(stored, f"{self._db.path} (stored scheme)")
        self._scheme_version = version
        return True

    def reload_scheme(self) -> bool:
        """Pick up a scheme that another process stored; True if it changed."""
        return self._refresh_scheme(self._db.conn)

    def _wrote(self, step: Step) -> None:
        for ch in step.changes:
            self._seen[ch.after["id"]] = self._written[ch.after["id"]] = ch.after["updated_at"]
            if ch.table == "doc_labels" and ch.after["doc_id"] in self._seen_labels:
                self._seen_labels[ch.after["doc_id"]].add(ch.after["id"])

    def _saw(self, rows: Iterable[repo.Row]) -> None:
        for row in rows:
            self._seen[row["id"]] = row["updated_at"]

    @property
    def database(self) -> Database:
        return self._db

    def close(self) -> None:
        self._db.close()

    # --- reads ------------------------------------------------------------------------

    def documents(self) -> list[DocumentSummary]:
        return [DocumentSummary(**r) for r in repo.document_summaries(self._db.conn)]

    def document(self, doc_id: str) -> Document:
        row = repo.get_row(self._db.conn, "documents", doc_id)
        if row is None or row["deleted"]:
            raise NotFoundError(f"no document with id {doc_id}")
        self._saw([row])
        return document_of(row)

    def spans(self, doc_id: str) -> list[Span]:
        rows = repo.live_tuples_of_doc(self._db.conn, "spans", doc_id)
        at = TRACKED_AT["spans"] - 1  # updated_at, just before `deleted`
        self._seen.update((r[0], r[at]) for r in rows)
        return [from_values(Span, r) for r in rows]

    def _live(self, doc_id: str, table: str) -> list[repo.Row]:
        rows = repo.live_rows_of_doc(self._db.conn, table, doc_id)
        self._saw(rows)
        return rows

    def span(self, span_id: str) -> Span:
        row = repo.get_row(self._db.conn, "spans", span_id)
        if row is None or row["deleted"]:
            raise NotFoundError(f"no span with id {span_id}")
        self._saw([row])
        return span_of(row)

    def span_states(self, span_ids: Iterable[str]) -> dict[str, Span | None]:
        """Each id's span, or None where it is deleted: what a view needs after Changes."""
        out: dict[str, Span | None] = {}
        for span_id in span_ids:
            row = repo.get_row(self._db.conn, "spans", span_id)
            if row:
                self._saw([row])
            out[span_id] = span_of(row) if row and not row["deleted"] else None
        return out

    def document_summary(self, doc_id: str) -> DocumentSummary | None:
        row = repo.document_summary(self._db.conn, doc_id)
        return DocumentSummary(**row) if row else None

    def relations(self, doc_id: str) -> list[Relation]:
        return [relation_of(r) for r in self._live(doc_id, "relations")]

    def doc_labels(self, doc_id: str) -> list[DocLabel]:
        rows = self._live(doc_id, "doc_labels")
        self._seen_labels[doc_id] = {r["id"] for r in rows}
        return [doc_label_of(r) for r in rows]

    def export_documents(self, *, statuses: list[str] | None = None,
                         annotator: str | None = None,
                         labels: list[str] | None = None,
                         with_deleted: bool = False) -> Iterator[ExportDoc]:
        """Documents in import order with their live annotations, streamed (a million
        spans never sit in memory at once), from one consistent snapshot of the file.
        `with_deleted` adds the tombstones, each record's revision tracking, and the
        review's decisions and comments."""
        with self._db.snapshot() as conn:
            yield from export_stream(conn, statuses, annotator, labels, with_deleted)

    def annotators(self) -> list[str]:
        return repo.annotators(self._db.conn)

    def list_order(self, f: DocumentFilter = EVERY_DOCUMENT, *, order: str = "added",
                   descending: bool = False) -> list[int]:
        """The listed documents' rowids, filtered and sorted in SQL (no text is read)."""
        return document_list.rowids(self._db.conn, f, order, descending)

    def annotator_progress(self, f: DocumentFilter = EVERY_DOCUMENT
                           ) -> dict[str, tuple[int, int]]:
        """For each annotator: (documents `f` lists that they annotated, how many are done).
        Reads every span's (annotator, document) pair: 0.1 s per 300,000 spans."""
        return document_list.annotator_progress(self._db.conn, f)

    def list_summaries(self, rowids: list[int]) -> list[DocumentSummary]:
        """The rows of the document list for these rowids, in that order (deleted ones
        are left out)."""
        return [DocumentSummary(**r) for r in repo.list_rows(self._db.conn, rowids,
                                                              ordered=True)]

    def rowid_of(self, doc_id: str) -> int | None:
        return repo.rowid_of(self._db.conn, doc_id)

    def sources(self) -> list[str]:
        return repo.list_sources(self._db.conn)

    def counts(self) -> dict[str, int]:
        return repo.counts(self._db.conn)

    def status_counts(self, f: DocumentFilter = EVERY_DOCUMENT) -> dict[str, int]:
        """How many documents `f` lists have each status, from one SQL aggregate."""
        return document_list.status_counts(self._db.conn, f)

    # --- mutations --------------------------------------------------------------------

    def add_document(self, text: str, *, title: str = "", source: str = "",
                     url: str | None = None, published: str | None = None,
                     language: str = "", meta: Mapping[str, Any] | None = None,
                     where: str = "text") -> Changes:
        """Store a new document. The same text (after cleaning) is stored once: adding it
        again changes nothing and returns the existing id in `created`."""
        cleaned = clean_text(text, where=where)

        def op(tx: Tx) -> None:
            existing = repo.document_by_sha(tx.conn, cleaned.sha256)
            if existing and not existing["deleted"]:
                tx.created = existing["id"]
                return
            if existing:  # re-importing a deleted document brings it back
                tx.put("documents", {**existing, "deleted": 0})
                tx.created = existing["id"]
                return
            tx.new_row("documents", sha256=cleaned.sha256, text=cleaned.text, title=title,
                       source=source, url=url, published=published, language=language,
                       meta=dict(meta or {}), status="new")

        return self._run(f"Add document {title or ''}".strip(), op)

    def add_span(self, doc_id: str, start: int, end: int, label: str, *,
                 attributes: Mapping[str, Any] | None = None, note: str | None = None,
                 snap: bool = True) -> Changes:
        def op(tx: Tx) -> None:
            doc = tx.get("documents", doc_id)
            s, e = validate.span_range(doc["text"], start, end, snap=snap)
            lab = validate.label(self._scheme, label)
            attrs = validate.attributes(lab, attributes or {})
            if repo.live_span_exists(tx.conn, doc_id, s, e, label, self.annotator):
                raise ValidationError(f"this text already has your {label} span")
            tx.new_row("spans", doc_id=doc_id, start=s, end=e, label=label, attributes=attrs,
                       note=validate.note(note))
            span_id = tx.created
            if doc["status"] == "new":
                tx.put("documents", {**doc, "status": "in_progress"})
            tx.created = span_id

        return self._run(f"Add {label} span", op)

    def add_spans(self, places: Sequence[tuple[str, int, int]], label: str, *,
                  attributes: Mapping[str, Any] | None = None) -> Changes:
        """One span of `label` on each (doc_id, start, end), as one step (one undo takes
        them all back). A place that already has your span of that label is left as it
        is; anything else invalid refuses the whole batch and writes nothing."""
        def op(tx: Tx) -> None:
            lab = validate.label(self._scheme, label)
            attrs = validate.attributes(lab, attributes or {})
            for doc_id, start, end in places:
                doc = tx.get("documents", doc_id)
                s, e = validate.span_range(doc["text"], start, end, snap=True)
                if repo.live_span_exists(tx.conn, doc_id, s, e, label, self.annotator):
                    continue
                tx.new_row("spans", doc_id=doc_id, start=s, end=e, label=label,
                           attributes=attrs, note=None)
                if doc["status"] == "new":
                    tx.put("documents", {**doc, "status": "in_progress"})

        return self._run(f"Label {len(places)} matches {label}", op)

    def update_span(self, span_id: str, *, label: str = _UNSET,
                    attributes: Mapping[str, Any] = _UNSET, note: str | None = _UNSET,
                    start: int | None = None, end: int | None = None) -> Changes:
        def op(tx: Tx) -> None:
            row = dict(tx.get("spans", span_id, mine=True))
            if label is not _UNSET and label != row["label"]:
                lab = validate.label(self._scheme, label)
                validate.label_change_keeps_relations(
                    self._scheme, label, span_id, repo.live_relations_touching(tx.conn, span_id))
                row["label"] = label
                row["attributes"] = {k: v for k, v in row["attributes"].items()
                                     if lab.attribute(k)}
            if attributes is not _UNSET:
                lab = validate.label(self._scheme, row["label"])
                row["attributes"] = validate.attributes(lab, attributes)
            if note is not _UNSET:
                row["note"] = validate.note(note)
            if start is not None or end is not None:
                text = tx.get("documents", row["doc_id"])["text"]
                row["start"], row["end"] = validate.span_range(
                    text, row["start"] if start is None else start,
                    row["end"] if end is None else end, snap=True)
            tx.put("spans", row)

        return self._run(_describe_update(label, attributes, note, start, end), op)

    def delete_span(self, span_id: str) -> Changes:
        def op(tx: Tx) -> None:
            row = tx.get("spans", span_id, mine=True)
            for rel in repo.live_relations_touching(tx.conn, span_id):
                tx.put("relations", {**rel, "deleted": 1})
            tx.put("spans", {**row, "deleted": 1})

        return self._run("Delete span", op)

    def add_relation(self, rel_type: str, head: SpanId | str, tail: SpanId | str) -> Changes:
        def op(tx: Tx) -> None:
            h, t = tx.get("spans", head), tx.get("spans", tail)
            validate.relation(self._scheme, rel_type, h, t,
                              repo.live_relations_touching(tx.conn, head))
            tx.new_row("relations", doc_id=h["doc_id"], type=rel_type, head=head, tail=tail)

        return self._run(f"Add {rel_type} relation", op)

    def delete_relation(self, relation_id: str) -> Changes:
        def op(tx: Tx) -> None:
            tx.put("relations", {**tx.get("relations", relation_id, mine=True), "deleted": 1})

        return self._run("Delete relation", op)

    def set_doc_label(self, doc_id: str, field_id: str, value: str | None) -> Changes:
        """Set (or with None, clear) the current annotator's value of a document field."""
        def op(tx: Tx) -> None:
            tx.get("documents", doc_id)
            if value is not None:
                validate.doc_field_value(self._scheme, field_id, value)
            row = repo.doc_label_row(tx.conn, doc_id, field_id, self.annotator)
            if row is not None:
                tx.expect("doc_labels", row, self._seen.get(row["id"]))
                shown = self._seen_labels.get(doc_id)
                if shown is not None and not row["deleted"] and row["id"] not in shown:
                    raise ConcurrentEditError(stale_message("doc_labels", row))
            if value is None:
                if row and not row["deleted"]:
                    tx.put("doc_labels", {**row, "deleted": 1})
            elif row and not row["deleted"]:
                tx.put("doc_labels", {**row, "value": value})
            else:
                tx.new_row("doc_labels", doc_id=doc_id, field=field_id, value=value)

        return self._run(f"Set {field_id}", op)

    def remember_seen(self, versions: Mapping[str, str]) -> None:
        """Records read outside this class (record id -> updated_at), so that a write over
        one that changed since is refused like any other."""
        self._seen.update(versions)

    def put_records(self, description: str, rows: Sequence[tuple[str, dict[str, Any]]],
                    expect: Sequence[tuple[str, str]] = ()) -> Changes:
        """Write whole records with the ids and annotator they carry (a reviewer's gold
        decisions, review/gold.py), as one undo step. Each (table, id) in `expect` must be
        as this project last read it: a record a merge or a colleague changed since is
        refused with who changed it and when."""
        def op(tx: Tx) -> None:
            for table, record_id in expect:
                row = repo.get_row(tx.conn, table, record_id)
                if row is None:
                    raise NotFoundError(f"no {KINDS[table]} with id {record_id}")
                tx.expect(table, row, self._seen.get(record_id))
                if row["deleted"]:
                    raise ConcurrentEditError(stale_message(table, row))
            for table, values in rows:
                before = repo.get_row(tx.conn, table, values["id"])
                if before is not None:
                    seen = self._seen.get(values["id"])
                    if seen is None and table == "decisions":
                        # Decided by someone else after this project last read the
                        # document's decisions (it read them all): not overwritten.
                        raise ConcurrentEditError(stale_message(table, before))
                    tx.expect(table, before, seen)
                tx.put(table, {"created_at": before["created_at"] if before else tx.now,
                               "deleted": 0, **values})

        return self._run(description, op)

    def set_status(self, doc_id: str, status: str) -> Changes:
        if status not in STATUSES:
            raise ValidationError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")

        def op(tx: Tx) -> None:
            row = tx.get("documents", doc_id, mine=True)
            if row["status"] != status:
                tx.put("documents", {**row, "status": status})

        return self._run(f"Mark {status.replace('_', ' ')}", op)

    def set_scheme(self, toml: str, where: str = "scheme") -> Changes:
        """Replace the scheme. Old versions stay in the file; spans whose label the new
        scheme lacks stay readable and keep their label."""
        scheme = parse_scheme(toml, where)
        with self._db.write() as conn:
            repo.add_scheme(conn, scheme.id, toml, now_iso())
            self._scheme, self._scheme_version = scheme, repo.scheme_version(conn)
        return Changes("Change scheme", scheme=True)

    def import_records(self, records: Iterable[DocumentRecord], *, annotator: str | None = None,
                       add_labels: bool = False, keep_duplicates: bool = False,
                       progress: Callable[[int], None] | None = None) -> ImportReport:
        """Store imported documents with their annotations, all or nothing: any bad record
        (or an exception from `progress`, such as a cancel) leaves the database as it was.
        Imports are not undo steps."""
        with self._db.writer_note(f"import by {annotator or self.annotator}"), \
                self._db.write() as conn:
            # The stored scheme, read in this transaction: never a copy another writer has
            # grown since.
            self._refresh_scheme(conn)
            bulk = BulkImport(conn, self._scheme, annotator or self.annotator, add_labels)
            bulk.keep_duplicates = keep_duplicates
            for n, record in enumerate(records, 1):
                bulk.add(record)
                if progress is not None:
                    progress(n)
            bulk.finish()
            if bulk.scheme is not self._scheme:
                repo.add_scheme(conn, bulk.scheme.id, bulk.scheme.source, now_iso())
                self._scheme, self._scheme_version = bulk.scheme, repo.scheme_version(conn)
        return bulk.report

    def merge_database(self, other: Path | str) -> MergeReport:
        """Merge another annotator database into this one, all or nothing. The other file
        is only read (through a private copy, upgraded there if it is older)."""
        other = Path(other)
        if other.resolve() == self.path.resolve():
            raise InputError(f"{other}: is this database itself; nothing to merge")
        with tempfile.TemporaryDirectory(prefix="annotator-merge-") as folder:
            copy = copy_for_reading(other, Path(folder))
            with self._db.attached(copy, "other"), \
                    self._db.writer_note(f"merge of {other.name}"), self._db.write() as conn:
                self._refresh_scheme(conn)
                theirs = merge_store.latest_scheme_of(conn)
                schemes = merge_schemes(self._scheme, parse_scheme(
                    theirs, f"{other} (stored scheme)")) if theirs else None
                if schemes is not None and schemes.scheme is not self._scheme:
                    repo.add_scheme(conn, schemes.scheme.id, schemes.scheme.source,
                                    now_iso())
                report = merge_source(conn, merge_store.Source.attached(str(other)),
                                      now_iso())
                if schemes is not None:
                    report.scheme_additions += schemes.additions
                    report.scheme_conflicts += schemes.conflicts
        self._refresh_scheme(self._db.conn)
        return report

    def external_changes(self, doc_id: str | None) -> Changes:
        """What other writers changed in this document since this project last read or
        wrote it (for a window to refresh its views). Reading it marks it seen."""
        if doc_id is None:
            return Changes("Changed elsewhere")
        ids: dict[str, set[str]] = {t: set() for t in repo.COLUMNS}
        for table, row_id, updated_at, deleted in repo.record_times(self._db.conn, doc_id):
            seen = self._seen.get(row_id)
            if (seen is not None and seen != updated_at) or (seen is None and not deleted):
                ids[table].add(row_id)
        return Changes("Changed elsewhere", frozenset(ids["documents"]),
                       frozenset(ids["spans"]), frozenset(ids["relations"]),
                       frozenset(ids["doc_labels"]))

    def history(self, record_id: str) -> list[dict[str, Any]]:
        """Every version of a record that was replaced: by an edit, a merge, or a merge
        conflict it lost; oldest first, each with its `seq` for `restore_version`."""
        return repo.history_of(self._db.conn, record_id)

    def conflicts(self, limit: int = 1000) -> list[dict[str, Any]]:
        """Versions that lost a merge conflict, newest first."""
        return repo.conflicts(self._db.conn, limit)

    def restore_version(self, seq: int) -> Changes:
        """Bring back a replaced version of a record (an undoable edit like any other)."""
        def op(tx: Tx) -> None:
            entry = repo.history_entry(tx.conn, seq)
            if entry is None:
                raise NotFoundError(f"no replaced version number {seq}")
            table, old = entry["tbl"], entry["row"]
            current = tx.get(table, entry["record_id"], mine=True) if not old["deleted"] \
                else repo.get_row(tx.conn, table, entry["record_id"])
            assert current is not None
            if table == "spans" and not old["deleted"]:
                validate.span_range(tx.get("documents", current["doc_id"])["text"],
                                    old["start"], old["end"], snap=False)
            tx.put(table, {**current, **{k: old[k] for k in CONTENT[table]}})

        return self._run("Restore an earlier version", op)

    # --- undo ---------------------------------------------------------------------------

    @property
    def undo_text(self) -> str | None:
        return self._undo[-1].description if self._undo else None

    @property
    def redo_text(self) -> str | None:
        return self._redo[-1].description if self._redo else None

    def clear_history(self) -> None:
        self._undo.clear()
        self._redo.clear()

    def undo(self) -> Changes | None:
        return self._replay(self._undo, self._redo, "Undo")

    def redo(self) -> Changes | None:
        return self._replay(self._redo, self._undo, "Redo")

    def _replay(self, source: list[Step], target: list[Step], verb: str) -> Changes | None:
        """Write back the state before `source`'s last step, but only over rows that are
        still exactly as that step left them. If another writer changed or deleted one
        since, nothing is written, the step is dropped (it can never apply cleanly), and
        the error says who changed what and when."""
        if not source:
            return None
        step = source[-1]
        try:
            with self._db.write() as conn:
                self._refresh_scheme(conn)
                tx = Tx(conn, now_iso(), self.annotator, self._seen)
                for ch in reversed(step.changes):
                    current = repo.get_row(conn, ch.table, ch.after["id"])
                    assert current is not None  # rows are never removed, only tombstoned
                    # Still as this project last wrote it? Otherwise another writer changed
                    # it since, and writing the old version back would revert their edit.
                    tx.expect(ch.table, current, self._written.get(current["id"]))
                    # A row the step created is undone by a tombstone, so that the undo
                    # travels in a merge like any other deletion.
                    old = ch.before if ch.before is not None else {**ch.after, "deleted": 1}
                    tx.put(ch.table, old)
        except ConcurrentEditError as exc:
            source.pop()
            raise ConcurrentEditError(f"{verb} {step.description}: {exc}") from None
        source.pop()
        done = Step(step.description, tuple(tx.changes))
        target.append(done)
        self._wrote(done)
        return changes_of(done, f"{verb} {step.description}")

    def _run(self, description: str, op: Callable[[Tx], None]) -> Changes:
        with self._db.write() as conn:
            scheme_changed = self._refresh_scheme(conn)
            tx = Tx(conn, now_iso(), self.annotator, self._seen)
            op(tx)
        step = Step(description, tuple(tx.changes))
        self._wrote(step)
        if step.changes:
            self._undo.append(step)
            del self._undo[:-UNDO_LIMIT]
            self._redo.clear()
        return changes_of(step, description, created=tx.created, scheme=scheme_changed)


def _describe_update(label: Any, attributes: Any, note: Any, start: Any, end: Any) -> str:
    if label is not _UNSET:
        return f"Change label to {label}"
    if start is not None or end is not None:
        return "Move span boundary"
    if attributes is not _UNSET:
        return "Edit attributes"
    return "Edit note" if note is not _UNSET else "Edit span"


def _os_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name in the environment (some service accounts)
        return "annotator"
