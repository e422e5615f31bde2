"""Storing imported records: every offset, label and link checked, one transaction per file.

Used through Project.import_records. New documents are written in batches with
executemany, so a large import runs near the speed of raw SQLite inserts. Records of a
document the database already has (the same id, or the same text) are not skipped: they
wait in temporary tables and are merged record by record at the end (review/merge.py),
so that importing a colleague's export brings in their labels.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from annotator import scheme_edit, validate
from annotator.errors import InputError, ValidationError
from annotator.model import STATUSES, now_iso
from annotator.records import DocumentRecord, Provenance, SpanRecord
from annotator.review.merge import merge_source
from annotator.review.report import MergeReport
from annotator.scheme import Scheme
from annotator.storage import merge_store
from annotator.storage import repository as repo
from annotator.text import (
    CleanedText,
    OffsetShift,
    Utf16Map,
    clean_text_mapping,
    language_by_script,
)

BATCH = 500
RECENT_TEXTS = 20_000
# Ids for records that a file gives without a UUID: derived from what they say, so that
# importing the same file twice finds the same records instead of doubling them.
_NAMESPACE = uuid.UUID("6f1c7a52-5d0e-4f63-9a53-0c3f0d2b8e11")


@dataclass
class ImportReport:
    documents: int = 0
    duplicates: int = 0  # documents already in the database, whose records were merged
    spans: int = 0
    relations: int = 0
    doc_labels: int = 0
    cleaned: int = 0  # documents whose text import had to clean (BOM, CRLF)
    warnings: list[str] = field(default_factory=list)
    scheme_additions: list[str] = field(default_factory=list)
    merged: MergeReport | None = None

    def merge(self, other: ImportReport) -> None:
        for name in ("documents", "duplicates", "spans", "relations", "doc_labels", "cleaned"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.warnings += other.warnings
        self.scheme_additions += other.scheme_additions
        if other.merged is not None:
            if self.merged is None:
                self.merged = MergeReport(other.merged.source)
            self.merged.add(other.merged)


def _uuid_or(key: str | None, name: Callable[[], str]) -> str:
    """The file's id when it is a UUID (a round trip keeps ids), else one derived from
    `name()`. An id used twice is caught by the database's primary keys."""
    if key:
        try:
            return str(uuid.UUID(str(key)))
        except ValueError:
            pass
    return str(uuid.uuid5(_NAMESPACE, name()))


class BulkImport:
    def __init__(self, conn: sqlite3.Connection, scheme: Scheme, annotator: str,
                 add_labels: bool, source: str = "import") -> None:
        self.conn = conn
        self.scheme = scheme
        self.annotator = annotator
        self.add_labels = add_labels
        self.source = source
        self.report = ImportReport()
        self.now = now_iso()
        # Records wait in batches: their duplicates are looked up in the database with one
        # query per batch (by the sha256 index), so memory stays flat however large the
        # file is.
        self._pending: list[tuple[DocumentRecord, CleanedText, OffsetShift]] = []
        self._rows: dict[str, list[repo.Row]] = {t: [] for t in repo.COLUMNS}
        self._merge_rows: dict[str, list[repo.Row]] = {t: [] for t in repo.COLUMNS}
        self._merging = False
        self.keep_duplicates = False
        # sha256 -> where the file first gives that text, and its other fields (a digest)
        # The last texts the file gave, with where and a digest of their other fields, to
        # tell a repeated row from a copy. Bounded, so that memory stays flat: a repeat
        # further back is compared with the stored document instead.
        self._in_file: OrderedDict[str, tuple[str, int]] = OrderedDict()
        self._where: dict[str, str] = {}  # document id -> where the file gives it

    def add(self, rec: DocumentRecord) -> None:
        cleaned, shift = clean_text_mapping(rec.text, where=rec.where)
        self._pending.append((rec, cleaned, shift))
        if len(self._pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Store the waiting records (new documents), set aside those to merge, and write."""
        shas = repo.existing_shas(self.conn, [c.sha256 for _, c, _ in self._pending])
        ids = repo.existing_ids(self.conn, [k for r, _, _ in self._pending
                                            if (k := _uuid_key(r.key))])
        in_batch: set[str] = set()
        for rec, cleaned, shift in self._pending:
            doc_id = _uuid_key(rec.key)
            if doc_id in ids and ids[doc_id] != cleaned.sha256:
                raise InputError(f"{rec.where}: document {doc_id} has a different text in "
                                 "this database (the same id, another article)")
            sha = cleaned.sha256
            earlier = self._in_file.get(sha)
            fields = _digest(rec)
            if earlier is None and (sha in shas or sha in in_batch):
                earlier = self._earlier_in_this_import(sha)
            if sha in in_batch:  # write the first one: a repeat merges into it
                self._write(self._rows, None)
                shas |= in_batch
                in_batch.clear()
            try:
                differs = earlier is not None and earlier[1] != fields and (
                    earlier[1] != -1 or bool(self._differences(sha, rec)))
                if differs:
                    if self.keep_duplicates:  # a document of its own, the same text
                        self._store(rec, cleaned, shift, self._rows, existing=False,
                                    fresh_id=True)
                        continue
                    assert earlier is not None
                    self.report.warnings.append(
                        f"{rec.where}: repeats the text of {earlier[0]} with other values "
                        f"({', '.join(self._differences(sha, rec) or ['labels'])}); its "
                        "labels were merged into that document, whose values were kept "
                        "(import with --keep-duplicates to make it a document of its own)")
                # Earlier batches are in the database already; this one's are not yet.
                if sha in shas or doc_id in ids:
                    self.report.duplicates += 1
                    self._store(rec, cleaned, shift, self._merge_rows, existing=True)
                    continue
                in_batch.add(sha)
                self._in_file[sha] = (rec.where, fields)
                if len(self._in_file) > RECENT_TEXTS:
                    self._in_file.popitem(last=False)
                self._store(rec, cleaned, shift, self._rows, existing=False)
            except UnicodeEncodeError:  # a lone surrogate reached a hash or an id
                raise _broken_error(rec) from None
        self._pending = []
        self._write(self._rows, None)
        if any(self._merge_rows.values()):
            if not self._merging:
                merge_store.prepare_incoming(self.conn)
                self._merging = True
            self._write(self._merge_rows, "temp.incoming_{}")

    def _write(self, rows: dict[str, list[repo.Row]], into: str | None) -> None:
        try:
            for table in repo.COLUMNS:  # documents first: the others point to them
                if rows[table]:
                    repo.put_rows(self.conn, table, rows[table],
                                  into.format(table) if into else None)
                    rows[table] = []
        except sqlite3.IntegrityError as exc:
            raise InputError(f"an id in the file is already used in this database ({exc})") \
                from None
        except UnicodeEncodeError:
            # JSON's \ud800 escapes decode to lone surrogates, which SQLite cannot store:
            # only now, on the rare file that has one, look for where it is.
            raise self._broken_error(rows) from None
        self._where.clear()

    def _broken_error(self, rows: dict[str, list[repo.Row]]) -> InputError:
        names = {"title": "title", "source": "source", "url": "url", "published": "date",
                 "language": "language", "meta": "metadata", "annotator": "annotator",
                 "label": "label", "note": "note", "attributes": "attributes",
                 "type": "link type", "field": "document field", "value": "value"}
        for table in ("documents", "spans", "relations", "doc_labels"):
            for row in rows[table]:
                for column, value in row.items():
                    if _broken(value):
                        doc = row["id"] if table == "documents" else row["doc_id"]
                        where = self._where.get(doc, "the file")
                        what = names.get(column, column)
                        if table != "documents":
                            what = f"{table[:-1].replace('_', ' ')} {what}"
                        return InputError(f"{where}: the {what} holds a broken character (a "
                                          "lone UTF-16 surrogate, such as \\ud800); fix it "
                                          "in the file")
        return InputError("the file holds a broken character (a lone UTF-16 surrogate)")

    def _earlier_in_this_import(self, sha: str) -> tuple[str, int] | None:
        """A document with this text that this import wrote (its creation time is this
        import's): ("an earlier row", a digest no row has), so that it is compared."""
        first = repo.document_by_sha(self.conn, sha)
        if first is None or first["created_at"] != self.now:
            return None
        return ("an earlier row", -1)

    def _differences(self, sha: str, rec: DocumentRecord) -> list[str]:
        """Which fields of a repeated row differ from the first row with that text."""
        first = repo.document_by_sha(self.conn, sha)
        if first is None:
            return ["other columns"]
        names = [name for name, mine, theirs in (
            ("title", rec.title, first["title"]), ("source", rec.source, first["source"]),
            ("url", rec.url, first["url"]), ("date", rec.published, first["published"]))
            if (mine or None) != (theirs or None)]
        meta, known = rec.meta, first["meta"]
        names += [k for k in sorted(set(meta) | set(known)) if meta.get(k) != known.get(k)]
        return names

    def finish(self) -> None:
        """Write what waits, then merge the records of documents that were already here."""
        self.flush()
        if self._merging:
            self.report.merged = merge_source(self.conn, merge_store.Source.incoming(
                self.source), self.now)

    def _store(self, rec: DocumentRecord, cleaned: CleanedText, shift: OffsetShift,
               out: dict[str, list[repo.Row]], *, existing: bool,
               fresh_id: bool = False) -> None:
        self.report.cleaned += bool(cleaned.notes)
        sha = cleaned.sha256
        # A document the file gives no UUID gets one from its text's hash: the same article
        # imported again is the same id (and it is far cheaper than hashing a name again).
        doc_id = str(uuid.uuid4()) if fresh_id else (
            _uuid_key(rec.key) or str(uuid.UUID(hex=sha[:32], version=5)))
        to_cp = Utf16Map(rec.text) if rec.offsets == "utf16" else None
        span_ids: dict[str, tuple[str, str]] = {}  # file key -> (id, label)
        spans: dict[str, repo.Row] = {}
        said_before: dict[str, int] = {}
        for n, span in enumerate(rec.spans):
            start, end = self._offsets(rec, span, to_cp)
            self._check_label(rec, span)
            start, end = shift(start), shift(end)
            if start >= end:
                raise InputError(f"{rec.where}: span [{start}, {end}) is empty once line "
                                 "ends are normalised")
            annotator = span.annotator or self.annotator
            attributes = dict(span.attributes)
            said = _name("span", doc_id, start, end, span.label, annotator, attributes,
                         span.note)
            # The same span listed twice (two doccano users) is kept twice, as the file says.
            repeat = said_before.get(said, 0)
            said_before[said] = repeat + 1
            span_id = _uuid_or(span.key, lambda said=said, repeat=repeat: f"{said}#{repeat}")
            span_ids[span.key if span.key is not None else f"#{n}"] = (span_id, span.label)
            spans[span_id] = self._row(annotator, span.provenance, id=span_id, doc_id=doc_id,
                                       start=start, end=end, label=span.label,
                                       attributes=attributes, note=span.note or None)
        relations = [self._relation(rec, r, span_ids, doc_id) for r in rec.relations]
        labels = {}
        for lab in rec.doc_labels:
            self._check_doc_label(rec, lab.field, lab.value)
            annotator = lab.annotator or self.annotator
            label_id = _uuid_or(lab.key, lambda f=lab.field, a=annotator:
                                _name("label", doc_id, f, a))
            labels[label_id] = self._row(annotator, lab.provenance, id=label_id,
                                         doc_id=doc_id, field=lab.field, value=lab.value)
        live_spans = any(not s["deleted"] for s in spans.values())
        status = rec.status if rec.status in STATUSES else \
            ("in_progress" if live_spans else "new")
        doc = self._row(rec.annotator, rec.provenance, id=doc_id, sha256=sha,
                        text=cleaned.text, title=rec.title, source=rec.source, url=rec.url,
                        published=rec.published,
                        language=rec.language if rec.language is not None
                        else language_by_script(cleaned.text),
                        meta=rec.meta,
                        status=status)
        if existing and rec.provenance.updated_at is None:
            # A file that does not say when its document fields were set (any format but
            # our own) brings labels, not a new status or title: merge against ours.
            here = repo.document_by_sha(self.conn, sha)
            if here is not None:
                doc = {**here, "id": doc_id}
        out["documents"].append(doc)
        self._where[doc_id] = rec.where
        out["spans"] += spans.values()
        out["relations"] += relations
        out["doc_labels"] += labels.values()
        for review in rec.review:  # a reviewer's decisions and comments (our own files)
            out[review.table].append(self._row(review.annotator, review.provenance,
                                               id=review.key, doc_id=doc_id, **review.values))
        if not existing:
            self.report.documents += 1
            self.report.spans += len(spans)
            self.report.relations += len(relations)
            self.report.doc_labels += len(labels)

    def _row(self, annotator: str | None, prov: Provenance, **values: object) -> repo.Row:
        return {"annotator": annotator or self.annotator,
                "created_at": prov.created_at or self.now,
                "updated_at": prov.updated_at or prov.created_at or self.now,
                "deleted": int(prov.deleted), "base": prov.base or "",
                "updated_by": prov.updated_by or "", **values}

    def _offsets(self, rec: DocumentRecord, span: SpanRecord,
                 u16: Utf16Map | None) -> tuple[int, int]:
        start, end = span.start, span.end
        if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) \
                or isinstance(end, bool):
            raise InputError(f"{rec.where}: span offsets must be whole numbers, "
                             f"not {start!r} and {end!r}")
        if u16 is not None and 0 <= start < end:
            units = u16.to_utf16(len(rec.text))
            if end > units:
                raise InputError(f"{rec.where}: span end {end} is past the end of the text "
                                 f"({units} UTF-16 units)")
            cp_start, cp_end = u16.from_utf16(start), u16.from_utf16(end)
            if u16.to_utf16(cp_start) != start or u16.to_utf16(cp_end) != end:
                raise InputError(f"{rec.where}: span [{start}, {end}) cuts an emoji or other "
                                 "character in half (UTF-16 offsets)")
            start, end = cp_start, cp_end
        try:
            # The facade's own check: one rule for every way a span gets in.
            validate.span_range(rec.text, start, end, snap=False)
        except ValidationError as exc:
            raise InputError(f"{rec.where}: {exc}") from None
        if span.text is not None and rec.text[start:end] != span.text:
            raise InputError(f"{rec.where}: span [{start}, {end}) should read {span.text!r} "
                             f"but the text there is {rec.text[start:end]!r}")
        whole = validate.whole_clusters(rec.text, start, end)
        if whole != (start, end):
            self.report.warnings.append(
                f"{rec.where}: span {span.label} [{start}, {end}) cut a letter from its "
                f"marks or an emoji in half; stored as [{whole[0]}, {whole[1]})")
        return whole

    def _check_label(self, rec: DocumentRecord, span: SpanRecord) -> None:
        if self.scheme.label(span.label) is None:
            self._need(rec, f"label {span.label!r}")
            self.scheme = scheme_edit.add_label(self.scheme, span.label)
        lab = self.scheme.label(span.label)
        for key, value in span.attributes.items():
            attr = lab.attribute(key) if lab else None
            if attr is None or attr.choice(str(value)) is None:
                self._need(rec, f"attribute {span.label}.{key} = {value!r}")
                self.scheme = scheme_edit.add_attribute_value(self.scheme, span.label, key,
                                                              str(value))
                lab = self.scheme.label(span.label)

    def _relation(self, rec: DocumentRecord, rel, span_ids: dict[str, tuple[str, str]],
                  doc_id: str) -> repo.Row:
        ends = []
        for end in (rel.head, rel.tail):
            if end not in span_ids:
                raise InputError(f"{rec.where}: relation {rel.type} points to span {end!r}, "
                                 "which the document does not have")
            ends.append(span_ids[end])
        (head, head_label), (tail, tail_label) = ends
        problem = validate.relation_ends(self.scheme, rel.type, head_label, tail_label)
        if problem is not None:
            self._need(rec, f"relation {rel.type} from {head_label} to {tail_label}")
            self.scheme = scheme_edit.allow_relation(self.scheme, rel.type, head_label,
                                                     tail_label)
        annotator = rel.annotator or self.annotator
        rel_id = _uuid_or(rel.key, lambda: _name("link", head, tail, rel.type, annotator))
        return self._row(annotator, rel.provenance, id=rel_id, doc_id=doc_id, type=rel.type,
                         head=head, tail=tail)

    def _check_doc_label(self, rec: DocumentRecord, field_id: str, value: str) -> None:
        try:
            validate.doc_field_value(self.scheme, field_id, value)
        except ValidationError:
            self._need(rec, f"document field {field_id} = {value!r}")
            self.scheme = scheme_edit.add_doc_value(self.scheme, field_id, value)

    def _need(self, rec: DocumentRecord, what: str) -> None:
        if not self.add_labels:
            raise InputError(f"{rec.where}: unknown {what}: the scheme does not have it "
                             "(import with --add-labels to add it to the scheme)")
        self.report.scheme_additions.append(what)


def _broken(value: object) -> bool:
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return True
        return False
    if isinstance(value, dict):
        return any(_broken(k) or _broken(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_broken(v) for v in value)
    return False


def _broken_error(rec: DocumentRecord) -> InputError:
    """The message for a record with a lone surrogate (JSON's \\ud800 decodes to one, and
    neither SQLite nor a hash can take it), naming the field."""
    fields: list[tuple[str, object]] = [
        (name, getattr(rec, name)) for name in ("title", "source", "url", "published",
                                                 "language", "key", "annotator")]
    fields.append(("metadata", rec.meta))
    fields += [(f"span {s.label!r}", [s.label, s.note, s.annotator, s.key, s.attributes])
               for s in rec.spans]
    fields += [(f"link {r.type!r}", [r.type, r.annotator, r.key, r.head, r.tail])
               for r in rec.relations]
    fields += [(f"document label {x.field!r}", [x.field, x.value, x.annotator, x.key])
               for x in rec.doc_labels]
    what = next((name for name, value in fields if _broken(value)), "record")
    return InputError(f"{rec.where}: the {what} holds a broken character (a lone UTF-16 "
                      "surrogate, such as \\ud800); fix it in the file")


def _digest(rec: DocumentRecord) -> int:
    """What a row says besides its text, cheaply, to tell a repeated row from a copy."""
    meta = json.dumps(rec.meta, ensure_ascii=False, sort_keys=True, default=str) \
        if rec.meta else ""
    return hash((rec.title, rec.source, rec.url, rec.published, meta,
                 tuple((x.field, x.value) for x in rec.doc_labels)))


def _uuid_key(key: str | None) -> str | None:
    if not key:
        return None
    try:
        return str(uuid.UUID(str(key)))
    except ValueError:
        return None


def _name(*parts: object) -> str:
    return json.dumps(parts, ensure_ascii=False, sort_keys=True, default=str)
