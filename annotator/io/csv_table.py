"""CSV and TSV in: one document per row, the text from one column, the rest as metadata.

Tab-separated files are read without quote handling: news text is full of stray double
quotes (the FIGNEWS files among them) and a quoting parser would glue rows together.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Iterator
from pathlib import Path

from annotator.errors import InputError
from annotator.io.encoding import open_text
from annotator.records import DocumentRecord

TEXT_COLUMNS = ("text", "body", "content", "article", "post", "tweet", "sentence")
TITLE_COLUMNS = ("title", "headline")
SAMPLE_LINES = 50

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # articles can exceed the 128 KiB default


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in ("\t", ",", ";", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _pick(columns: list[str], wanted: str | None, names: tuple[str, ...],
          _sample: list[list[str]], where: str) -> int | None:
    lowered = [c.strip().lower() for c in columns]
    if wanted is not None:
        if wanted.strip().lower() not in lowered:
            raise InputError(f"{where}: no column {wanted!r}; the columns are "
                             f"{', '.join(columns)}")
        return lowered.index(wanted.strip().lower())
    for name in names:
        if name in lowered:
            return lowered.index(name)
    return None


def read_csv(path: Path, encoding: str = "auto", text_column: str | None = None,
             quoting: str = "auto") -> Iterator[DocumentRecord]:
    with open_text(path, encoding) as stream:
        header_line = stream.readline()
        delimiter = _delimiter(header_line)
        no_quotes = quoting == "none" or (quoting == "auto" and delimiter == "\t")
        header = next(csv.reader([header_line], delimiter=delimiter,
                                 quoting=csv.QUOTE_NONE if no_quotes else csv.QUOTE_MINIMAL))
        if len(header) < 1 or not any(h.strip() for h in header):
            raise InputError(f"{path}:1: no header row")
        reader = csv.reader(stream, delimiter=delimiter,
                            quoting=csv.QUOTE_NONE if no_quotes else csv.QUOTE_MINIMAL)
        numbered = ((reader.line_num + 1, row) for row in reader)  # +1: the header line
        sample: list[tuple[int, list[str]]] = []
        for item in numbered:
            sample.append(item)
            if len(sample) >= SAMPLE_LINES:
                break
        rows = [row for _, row in sample]
        text_at = _pick(header, text_column, TEXT_COLUMNS, rows, f"{path}:1")
        if text_at is None:  # the column with the longest values
            widths = [sum(len(r[i]) for r in rows if i < len(r)) for i in range(len(header))]
            text_at = widths.index(max(widths))
        title_at = _pick(header, None, TITLE_COLUMNS, rows, f"{path}:1")

        def records(source: Iterator[tuple[int, list[str]]]) -> Iterator[DocumentRecord]:
            for line, row in source:
                if not any(cell.strip() for cell in row):
                    continue
                where = f"{path}:{line}"
                if len(row) != len(header):
                    raise InputError(f"{where}: {len(row)} fields where the header has "
                                     f"{len(header)} (delimiter {delimiter!r})")
                meta = {header[i].strip() or f"column{i + 1}": row[i] for i in range(len(row))
                        if i not in (text_at, title_at)}
                yield DocumentRecord(text=row[text_at], where=where,
                                     title=row[title_at] if title_at is not None else "",
                                     meta=meta)

        try:
            yield from records(iter(sample))
            yield from records(numbered)
        except csv.Error as exc:
            raise InputError(f"{path}:{reader.line_num}: {exc}") from None
