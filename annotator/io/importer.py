"""Import files and folders of any supported format into a project, one file at a time,
each file all or nothing."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from annotator.bulk_import import ImportReport
from annotator.errors import AnnotatorError, InputError
from annotator.formats import IMPORT_FORMATS
from annotator.io import brat, csv_table, doccano, jsonl, labelstudio, txt
from annotator.io.encoding import open_text
from annotator.project import Project
from annotator.records import DocumentRecord

FORMATS = IMPORT_FORMATS


@dataclass
class ImportOptions:
    format: str = "auto"
    encoding: str = "auto"
    annotator: str | None = None
    add_labels: bool = False
    text_column: str | None = None
    doccano_offsets: str = "utf16"  # doccano's web UI counts UTF-16 code units
    keep_duplicates: bool = False  # rows repeating a text with other values: own documents
    source_from_folder: bool = False  # txt: an article with no outlet takes its folder's name
    roles: dict[str, str] | None = None  # csv: the column for title, id, source, date ("" none)


@dataclass
class ImportUnit:
    """What one all-or-nothing transaction stores: a file, or a brat .txt/.ann pair."""

    name: str
    records: Callable[[], Iterator[DocumentRecord]]
    # This tool's own export: its labels were valid where it came from, so the scheme
    # grows with what it uses (reported), and it imports into any database with no flags.
    own_export: bool = False


def is_own_export(path: Path, encoding: str) -> bool:
    try:
        first = json.loads(_first_line(path, encoding))
    except (json.JSONDecodeError, RecursionError):
        return False
    return isinstance(first, dict) and isinstance(first.get("sha256"), str) \
        and isinstance(first.get("spans"), list)


def _first_line(path: Path, encoding: str) -> str:
    with open_text(path, encoding) as stream:
        for line in stream:
            if line.strip():
                return line.strip()
    return ""


def detect_format(path: Path, encoding: str = "auto") -> str:
    if path.is_dir():
        return "brat" if any(path.rglob("*.ann")) else "txt"
    suffix = path.suffix.lower()
    if suffix == ".ann" or (suffix == ".txt" and path.with_suffix(".ann").is_file()):
        return "brat"
    if suffix in (".csv", ".tsv", ".tab"):
        return "csv"
    if suffix == ".txt":
        return "txt"
    if suffix in (".conll", ".conllu", ".bio"):
        raise InputError(f"{path}: CoNLL files cannot be imported (the text and its spacing "
                         "are lost in them); CoNLL is an export format here")
    first = _first_line(path, encoding)
    lines_suffix = suffix in (".jsonl", ".ndjson", ".jsonlines")
    if suffix == ".json" or (first.startswith("[") and not lines_suffix):
        return "labelstudio"
    if first == "{":
        return "jsonl"  # pretty-printed JSON: the JSON lines reader explains the problem
    if first.startswith("{") or lines_suffix:
        try:
            obj = json.loads(first)
        except (json.JSONDecodeError, RecursionError):
            return "jsonl"  # the reader reports the broken line
        return "doccano" if isinstance(obj, dict) and doccano.looks_like_doccano(obj) \
            else "jsonl"
    return "txt"


def plan(path: Path, options: ImportOptions, warnings: list[str]) -> list[ImportUnit]:
    if not path.exists():
        raise InputError(f"{path}: no such file or folder")
    if not path.is_dir() and not path.is_file():
        raise InputError(f"{path}: is not a regular file (a pipe, a socket or a device); "
                         "save what it gives to a file and import that")
    fmt = options.format if options.format != "auto" else detect_format(path, options.encoding)
    enc = options.encoding
    if fmt == "brat":
        return [ImportUnit(str(ann), lambda t=t, a=ann: iter([brat.brat_record(t, a, enc,
                                                                                warnings)]))
                for t, ann in brat.ann_pairs(path)]
    if fmt == "txt":
        return [ImportUnit(str(f), lambda f=f: iter([txt.read_txt(
                    f, enc, source_from_folder=options.source_from_folder)]))
                for f in txt.txt_files(path)]
    if path.is_dir():
        raise InputError(f"{path}: is a folder; {fmt} imports a file")
    if fmt == "jsonl":
        return [ImportUnit(str(path), lambda: jsonl.read_jsonl(path, enc),
                           own_export=is_own_export(path, enc))]
    readers: dict[str, Callable[[], Iterator[DocumentRecord]]] = {
        "csv": lambda: csv_table.read_csv(path, enc, options.text_column,
                                          roles=options.roles),
        "doccano": lambda: doccano.read_doccano(path, enc, options.doccano_offsets),
        "labelstudio": lambda: labelstudio.read_labelstudio(path, enc, warnings),
    }
    if fmt not in readers:
        raise InputError(f"{path}: unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    return [ImportUnit(str(path), readers[fmt])]


def import_paths(project: Project, paths: list[Path], options: ImportOptions,
                 progress: Callable[[str, int], None] | None = None) -> ImportReport:
    """Import every path in order. A bad file raises InputError and stores nothing of
    itself; files before it stay imported (the message says how many)."""
    report = ImportReport()
    units = []
    try:
        for path in paths:
            units += plan(Path(path), options, report.warnings)
    except InputError as exc:
        raise InputError(f"{exc} (nothing was stored)") from None
    for n, unit in enumerate(units):
        def tick(count: int, name: str = unit.name) -> None:
            if progress is not None:
                progress(name, count)
        try:
            got = project.import_records(unit.records(), annotator=options.annotator,
                                         add_labels=options.add_labels or unit.own_export,
                                         keep_duplicates=options.keep_duplicates,
                                         progress=tick)
        except AnnotatorError as exc:  # bad input, bad text, or a failed write
            done = f"; {n} earlier file(s) were imported" if n else ""
            raise type(exc)(f"{exc} (nothing from this file was stored{done})") from None
        if got.documents == 0 and got.duplicates == 0:
            raise InputError(f"{unit.name}: holds no documents (nothing was stored)")
        report.merge(got)
    return report
