"""Export a project in any supported format, every span checked against its text first;
optionally split by document into train, dev and test sets, reproducibly."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from annotator.errors import AnnotatorError
from annotator.formats import EXPORT_FORMATS
from annotator.io.brat import BratWriter
from annotator.io.conll import ConllWriter
from annotator.io.doccano import DoccanoWriter
from annotator.io.labelstudio import LabelStudioWriter
from annotator.io.native import NativeWriter
from annotator.io.spreadsheet import CsvWriter
from annotator.model import ExportDoc
from annotator.project import Project
from annotator.review.disagreements import GOLD
from annotator.scheme import Scheme
from annotator.text import sha256_of

FORMATS = EXPORT_FORMATS
SPLITS = ("train", "dev", "test")


class ExportError(AnnotatorError):
    """An export that would be wrong: nothing was written."""


class Writer(Protocol):
    suffix: str

    def write(self, ed: ExportDoc) -> None: ...

    def close(self) -> list[str]: ...


@dataclass
class ExportOptions:
    format: str
    out: Path
    statuses: list[str] | None = None
    annotator: str | None = None
    labels: list[str] | None = None
    split: tuple[float, float, float] | None = None
    seed: int = 0
    doccano_offsets: str = "utf16"
    doccano_overlaps: str = "keep"
    table: str = "spans"  # csv: spans, links or documents
    lang: str = "en"  # csv, xlsx: names of labels, values and columns
    gold: bool = False  # the gold layer of the adjudicated documents
    include_unadjudicated: bool = False  # with gold: every document


@dataclass
class ExportReport:
    documents: int = 0
    spans: int = 0
    relations: int = 0
    files: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    per_split: dict[str, int] = field(default_factory=dict)
    left_out: int = 0  # with gold: documents not yet adjudicated


def _writer(fmt: str, path: Path, options: ExportOptions, scheme: Scheme) -> Writer:
    if fmt == "doccano":
        return DoccanoWriter(path, options.doccano_offsets, options.doccano_overlaps)
    if fmt == "csv":
        return CsvWriter(path, scheme, options.table, options.lang)
    if fmt == "xlsx":
        from annotator.io.workbook import WorkbookWriter

        return WorkbookWriter(path, scheme, options.lang)
    return {"jsonl": NativeWriter, "labelstudio": LabelStudioWriter,
            "brat": BratWriter, "conll": ConllWriter}[fmt](path)


def split_of(doc_id: str, seed: int, split: tuple[float, float, float]) -> str:
    """The set a document goes to: fixed by its id and the seed, not by export order."""
    digest = hashlib.sha256(f"{seed}:{doc_id}".encode()).digest()
    x = int.from_bytes(digest[:8], "big") / 2**64
    train, dev, _ = split
    return "train" if x < train else "dev" if x < train + dev else "test"


def check(ed: ExportDoc) -> None:
    doc = ed.document
    if sha256_of(doc.text) != doc.sha256:
        raise ExportError(f"document {doc.id}: its text no longer matches its sha256; "
                          "the database is damaged")
    for s in ed.spans:
        if not 0 <= s.start < s.end <= len(doc.text):
            raise ExportError(f"document {doc.id}: span {s.id} [{s.start}, {s.end}) is not "
                              f"inside the text ({len(doc.text)} characters)")


def export(project: Project, options: ExportOptions,
           progress: Callable[[int], None] | None = None) -> ExportReport:
    """Write the export into a temporary place and move it into `out` only when every
    document has passed its checks: a failed export leaves nothing half-written."""
    if options.format not in FORMATS:
        raise ExportError(f"unknown format {options.format!r}; use one of {', '.join(FORMATS)}")
    if options.split is not None and (len(options.split) != 3 or min(options.split) < 0
                                      or abs(sum(options.split) - 1) > 1e-6):
        raise ExportError(f"the split {options.split} must be three fractions adding up to 1")
    out = options.out
    as_folder = options.format == "brat" or options.split is not None
    _refuse_database(out, project)
    if as_folder and out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise ExportError(f"{out}: exists and is not an empty folder")
    if not as_folder and out.is_dir():
        raise ExportError(f"{out}: is a folder; name the file to write, e.g. "
                          f"{out / ('export' + _suffix(options.format))}")
    if not out.parent.is_dir():
        raise ExportError(f"{out.parent}: no such folder")
    _remove_abandoned_staging(out.parent)
    report = ExportReport()
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".export-{os.getpid()}-", dir=out.parent))
    except OSError as exc:
        raise ExportError(f"{out.parent}: cannot write there ({exc.strerror}); "
                          "nothing was written") from None
    writers: dict[str, Writer] = {}
    try:

        def writer_for(name: str) -> Writer:
            if name not in writers:
                suffix = "" if options.format == "brat" else _suffix(options.format)
                target = staging / (f"{name}{suffix}" if options.split else "export")
                writers[name] = _writer(options.format, target, options, project.scheme)
            return writers[name]

        adjudicated = None
        if options.gold and not options.include_unadjudicated:
            from annotator.review.gold import adjudicated_documents

            adjudicated = adjudicated_documents(project.database)
        annotator = GOLD if options.gold else options.annotator
        for ed in project.export_documents(statuses=options.statuses,
                                           annotator=annotator, labels=options.labels,
                                           with_deleted=options.format == "jsonl"):
            if adjudicated is not None and ed.document.id not in adjudicated:
                report.left_out += 1
                continue
            check(ed)
            name = split_of(ed.document.id, options.seed, options.split) if options.split \
                else "all"
            writer_for(name).write(ed)
            report.documents += 1
            report.spans += len(ed.spans)
            report.relations += len(ed.relations)
            report.per_split[name] = report.per_split.get(name, 0) + 1
            if progress is not None:
                progress(report.documents)
        if report.left_out:
            report.warnings.append(f"left out {report.left_out} documents not yet "
                                   "adjudicated (--include-unadjudicated exports them too)")
        if not writers:
            writer_for("all" if not options.split else "train")
        for w in writers.values():
            report.warnings += w.close()
        writers.clear()
        _move_into_place(staging, out, options, report)
    except OSError as exc:  # the disk filled up, the folder became read-only...
        raise ExportError(f"{out}: could not be written ({exc.strerror or exc}); nothing "
                          "was written and an earlier file there is unchanged") from None
    finally:
        for w in writers.values():  # a failed export's files, closed before they go
            with contextlib.suppress(Exception):
                w.close()
        shutil.rmtree(staging, ignore_errors=True)
    return report


def _refuse_database(out: Path, project: Project) -> None:
    """No export ever writes onto a database: the open one, its journal, or another."""
    target = out.resolve()
    db = project.path.resolve()
    if target in (db, Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}-journal")):
        raise ExportError(f"{out}: is the database being exported; choose another file")
    if out.is_file():
        with out.open("rb") as fh:
            if fh.read(16) == b"SQLite format 3\x00":
                raise ExportError(f"{out}: is a database file; an export never writes over "
                                  "one. Choose another file")


def _remove_abandoned_staging(folder: Path) -> None:
    """Staging folders of exports that were killed (their process is gone)."""
    for staged in folder.glob(".export-*-*"):
        try:
            pid = int(staged.name.split("-")[1])
        except (IndexError, ValueError):
            continue
        if pid == os.getpid() or not staged.is_dir():
            continue
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(staged, ignore_errors=True)
        except OSError:
            continue


def _suffix(fmt: str) -> str:
    return {"jsonl": ".jsonl", "csv": ".csv", "doccano": ".jsonl", "labelstudio": ".json",
            "conll": ".conll", "xlsx": ".xlsx"}[fmt]


def _move_into_place(staging: Path, out: Path, options: ExportOptions,
                     report: ExportReport) -> None:
    if options.split is None and options.format != "brat":
        os.replace(staging / "export", out)
        report.files.append(str(out))
        return
    source = staging / "export" if options.split is None else staging
    out.mkdir(exist_ok=True)  # absent or empty, checked before writing
    for child in sorted(source.iterdir()):
        os.replace(child, out / child.name)
        report.files.append(str(out / child.name))
