"""Storing imported records: every offset, label and link checked, one transaction per file.

Used through Project.import_records. Rows are written in batches with executemany, so a
large import runs near the speed of raw SQLite inserts.
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from annotator import scheme_edit
from annotator.errors import InputError
from annotator.io.records import DocumentRecord, SpanRecord
from annotator.model import STATUSES, now_iso
from annotator.scheme import Scheme
from annotator.storage import repository as repo
from annotator.text import CleanedText, OffsetShift, Utf16Map, clean_text_mapping

BATCH = 500


@dataclass
class ImportReport:
    documents: int = 0
    duplicates: int = 0
    spans: int = 0
    relations: int = 0
    doc_labels: int = 0
    cleaned: int = 0  # documents whose text import had to clean (BOM, CRLF)
    warnings: list[str] = field(default_factory=list)
    scheme_additions: list[str] = field(default_factory=list)

    def merge(self, other: ImportReport) -> None:
        for name in ("documents", "duplicates", "spans", "relations", "doc_labels", "cleaned"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.warnings += other.warnings
        self.scheme_additions += other.scheme_additions


def _uuid_or_new(key: str | None) -> str:
    """The file's id when it is a UUID (a round trip keeps ids), else a new one. An id
    used twice is caught by the database's primary keys when the batch is written."""
    if key:
        try:
            return str(uuid.UUID(str(key)))
        except ValueError:
            pass
    return str(uuid.uuid4())


class BulkImport:
    def __init__(self, conn: sqlite3.Connection, scheme: Scheme, annotator: str,
                 add_labels: bool) -> None:
        self.conn = conn
        self.scheme = scheme
        self.annotator = annotator
        self.add_labels = add_labels
        self.report = ImportReport()
        self.now = now_iso()
        # Records wait in batches: their duplicates are looked up in the database with one
        # query per batch (by the sha256 index), so memory stays flat however large the
        # file is.
        self._pending: list[tuple[DocumentRecord, CleanedText, OffsetShift]] = []
        self._rows: dict[str, list[repo.Row]] = {t: [] for t in repo.COLUMNS}

    def add(self, rec: DocumentRecord) -> None:
        cleaned, shift = clean_text_mapping(rec.text, where=rec.where)
        self._pending.append((rec, cleaned, shift))
        if len(self._pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        """Store the waiting records (skipping articles already present) and write."""
        present = repo.existing_shas(self.conn, [c.sha256 for _, c, _ in self._pending])
        for rec, cleaned, shift in self._pending:
            if cleaned.sha256 in present:
                self.report.duplicates += 1
                continue
            present.add(cleaned.sha256)  # the same article twice in one batch
            self._store(rec, cleaned, shift)
        self._pending = []
        try:
            for table in ("documents", "spans", "relations", "doc_labels"):
                if self._rows[table]:
                    repo.put_rows(self.conn, table, self._rows[table])
                    self._rows[table] = []
        except sqlite3.IntegrityError as exc:
            raise InputError(f"an id in the file is already used in this database ({exc})") \
                from None

    def _store(self, rec: DocumentRecord, cleaned: CleanedText, shift: OffsetShift) -> None:
        self.report.cleaned += bool(cleaned.notes)
        doc_id = _uuid_or_new(rec.key)
        to_cp = Utf16Map(rec.text).from_utf16 if rec.offsets == "utf16" else None
        span_ids: dict[str, tuple[str, str]] = {}  # file key -> (id, label)
        spans = []
        for n, span in enumerate(rec.spans):
            start, end = self._offsets(rec, span, to_cp)
            self._check_label(rec, span)
            span_id = _uuid_or_new(span.key)
            span_ids[span.key if span.key is not None else f"#{n}"] = (span_id, span.label)
            spans.append(self._row(span.annotator, id=span_id,
                                   doc_id=doc_id, start=shift(start), end=shift(end),
                                   label=span.label, attributes=dict(span.attributes),
                                   note=span.note or None))
        for row in spans:
            if row["start"] >= row["end"]:
                raise InputError(f"{rec.where}: span [{row['start']}, {row['end']}) is empty "
                                 "once line ends are normalised")
        relations = [self._relation(rec, r, span_ids, doc_id) for r in rec.relations]
        labels = {}
        for lab in rec.doc_labels:
            self._check_doc_label(rec, lab.field, lab.value)
            annotator = lab.annotator or self.annotator
            labels[(lab.field, annotator)] = self._row(
                annotator, id=str(uuid.uuid4()), doc_id=doc_id, field=lab.field, value=lab.value)
        status = rec.status if rec.status in STATUSES else ("in_progress" if spans else "new")
        self._rows["documents"].append(self._row(
            None, id=doc_id, sha256=cleaned.sha256, text=cleaned.text, title=rec.title,
            source=rec.source, url=rec.url, published=rec.published, language=rec.language,
            meta=rec.meta, status=status))
        self._rows["spans"] += spans
        self._rows["relations"] += relations
        self._rows["doc_labels"] += labels.values()
        self.report.documents += 1
        self.report.spans += len(spans)
        self.report.relations += len(relations)
        self.report.doc_labels += len(labels)

    def _row(self, annotator: str | None, **values: object) -> repo.Row:
        return {"annotator": annotator or self.annotator, "created_at": self.now,
                "updated_at": self.now, "deleted": 0, **values}

    def _offsets(self, rec: DocumentRecord, span: SpanRecord,
                 to_cp: Callable[[int], int] | None) -> tuple[int, int]:
        start, end = span.start, span.end
        if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
            raise InputError(f"{rec.where}: span offsets must be whole numbers, "
                             f"not {start!r} and {end!r}")
        if to_cp is not None:
            cp_start, cp_end = to_cp(start), to_cp(end)
            u16 = Utf16Map(rec.text)
            if u16.to_utf16(cp_start) != start or u16.to_utf16(cp_end) != end:
                raise InputError(f"{rec.where}: span [{start}, {end}) cuts an emoji or other "
                                 "character in half (UTF-16 offsets)")
            start, end = cp_start, cp_end
        if start < 0 or start >= end:
            raise InputError(f"{rec.where}: span [{start}, {end}) is empty or negative")
        if end > len(rec.text):
            raise InputError(f"{rec.where}: span end {end} is past the end of the text "
                             f"({len(rec.text)} characters)")
        if span.text is not None and rec.text[start:end] != span.text:
            raise InputError(f"{rec.where}: span [{start}, {end}) should read {span.text!r} "
                             f"but the text there is {rec.text[start:end]!r}")
        return start, end

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
        rtype = self.scheme.relation(rel.type)
        if rtype is None or head_label not in rtype.heads or tail_label not in rtype.tails:
            self._need(rec, f"relation {rel.type} from {head_label} to {tail_label}")
            self.scheme = scheme_edit.allow_relation(self.scheme, rel.type, head_label,
                                                     tail_label)
        rel_id = _uuid_or_new(rel.key)
        return self._row(rel.annotator, id=rel_id, doc_id=doc_id, type=rel.type, head=head,
                         tail=tail)

    def _check_doc_label(self, rec: DocumentRecord, field_id: str, value: str) -> None:
        fld = self.scheme.doc_field(field_id)
        if fld is None or not any(c.id == value for c in fld.choices):
            self._need(rec, f"document field {field_id} = {value!r}")
            self.scheme = scheme_edit.add_doc_value(self.scheme, field_id, value)

    def _need(self, rec: DocumentRecord, what: str) -> None:
        if not self.add_labels:
            raise InputError(f"{rec.where}: unknown {what}: the scheme does not have it "
                             "(import with --add-labels to add it to the scheme)")
        self.report.scheme_additions.append(what)
