"""`annotator merge`: bring in a colleague's work from their database or their native
JSON lines export."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.errors import InputError
from annotator.io.jsonl import read_jsonl
from annotator.project import Project
from annotator.review.report import MergeReport

_SQLITE_HEADER = b"SQLite format 3\x00"


def merge_path(project: Project, path: Path,
               progress: Callable[[int], None] | None = None) -> MergeReport:
    """Merge an annotator database or a native JSONL export into the project, all or
    nothing. Labels and link types the other side's scheme has are added to ours."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder; merge takes an annotator database or a "
                         ".jsonl export")
    with path.open("rb") as fh:
        header = fh.read(len(_SQLITE_HEADER))
    if header == _SQLITE_HEADER:
        return project.merge_database(path)
    report = project.import_records(read_jsonl(path), add_labels=True, progress=progress)
    merged = report.merged or MergeReport(str(path))
    merged.source = str(path)
    counts = merged.counts
    counts["documents"].added += report.documents
    counts["spans"].added += report.spans
    counts["relations"].added += report.relations
    counts["doc_labels"].added += report.doc_labels
    merged.scheme_additions += sorted(set(report.scheme_additions))
    return merged
