"""What an import would read, before it reads it: the format and encoding found, how many
documents, the first ones, and for a table the column each role takes (the import
dialog shows it, and lets the analyst change the roles)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from pathlib import Path

from annotator.errors import AnnotatorError
from annotator.io.csv_table import csv_layout
from annotator.io.encoding import detect_encoding
from annotator.io.importer import ImportOptions, detect_format, plan

COUNT_LIMIT = 100_000  # beyond this the preview says "100,000 or more"
SHOWN = 5


@dataclass
class Preview:
    format: str = ""
    encoding: str = ""
    documents: int = 0
    more: bool = False  # documents counted up to COUNT_LIMIT only
    first: list[tuple[str, str]] = field(default_factory=list)  # (title, text start)
    columns: list[str] = field(default_factory=list)
    roles: dict[str, str | None] = field(default_factory=dict)
    problem: str | None = None


def preview(path: Path, options: ImportOptions) -> Preview:
    out = Preview()
    try:
        out.format = options.format if options.format != "auto" \
            else detect_format(path, options.encoding)
        if path.is_file():
            with path.open("rb") as fh:
                sample = fh.read(256 * 1024)
            out.encoding = options.encoding if options.encoding != "auto" \
                else detect_encoding(sample, str(path))
        if out.format == "csv" and path.is_file():
            out.columns, out.roles = csv_layout(path, options.encoding, options.text_column,
                                                options.roles)
        warnings: list[str] = []
        records = itertools.chain.from_iterable(
            unit.records() for unit in plan(path, options, warnings))
        for record in itertools.islice(records, COUNT_LIMIT + 1):
            out.documents += 1
            if len(out.first) < SHOWN:
                out.first.append((record.title, " ".join(record.text.split())[:120]))
        if out.documents > COUNT_LIMIT:
            out.documents, out.more = COUNT_LIMIT, True
    except AnnotatorError as exc:
        out.problem = str(exc)
    return out
