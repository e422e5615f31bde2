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
from annotator.io.encoding import bounded_lines, open_text
from annotator.records import DocumentRecord

TEXT_COLUMNS = ("text", "body", "content", "article", "post", "tweet", "sentence")
# The other roles a column can play, with the names that give it away.
ROLE_NAMES = {"title": ("title", "headline"), "id": ("id", "doc_id", "document_id"),
              "source": ("source", "outlet", "site", "publisher"),
              "date": ("date", "published", "published_at", "publication_date")}
ROLES = ("text", *ROLE_NAMES)
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


def _looks_like_text(values: list[str]) -> bool:
    """Sentences: most values have letters and several words (not counts or codes)."""
    values = [v for v in values if v.strip()]
    if not values:
        return False
    wordy = sum(1 for v in values if len(v.split()) >= 3 and any(ch.isalpha() for ch in v))
    return wordy >= len(values) / 2


class _Lines:
    """The physical lines the csv reader consumes, kept for the row being read."""

    def __init__(self, stream: Iterator[str]) -> None:
        self._stream = iter(stream)
        self.consumed: list[str] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = next(self._stream)
        self.consumed.append(line)
        return line


def _unclosed_quote(raw: str, delimiter: str) -> bool:
    """Whether a record's raw text leaves a quoted field open (RFC 4180: a quote opens a
    field only at its start; two quotes inside are one)."""
    inside, at_start, i = False, True, 0
    while i < len(raw):
        ch = raw[i]
        if inside:
            if ch == '"':
                if raw[i + 1:i + 2] == '"':
                    i += 1
                else:
                    inside = False
        elif ch == '"' and at_start:
            inside = True
        at_start = not inside and ch in (delimiter, "\n", "\r")
        i += 1
    return inside


def _watch_quotes(rows: Iterator[tuple[int, list[str]]], lines: _Lines, path: Path,
                  delimiter: str, no_quotes: bool) -> Iterator[tuple[int, list[str]]]:
    """Rows as read, but a quote that opens and never closes (which the csv module reads
    to the end of the file, gluing every later row into one field) is an error at the
    line where it opens."""
    for end, row in rows:
        raw = "".join(lines.consumed)
        lines.consumed.clear()
        line = end - max(0, raw.count("\n") - 1)  # where the row starts
        if not no_quotes and raw.count("\n") > 1 and _unclosed_quote(raw, delimiter):
            raise InputError(f"{path}:{line}: a quote opens on this line and never closes; "
                             "the rows after it would have become part of this one. Close "
                             "the quote, or double a quote meant as a character (\"\")")
        yield line, row


def read_csv(path: Path, encoding: str = "auto", text_column: str | None = None,
             quoting: str = "auto",
             roles: dict[str, str] | None = None) -> Iterator[DocumentRecord]:
    """One document per row. `roles` names the column for "title", "id", "source" and
    "date" ("" for none); a role not named is found by the column's name."""
    with open_text(path, encoding) as stream:
        layout = _Layout(path, stream, text_column, roles or {}, quoting)
        yield from layout.records()


def csv_layout(path: Path, encoding: str = "auto", text_column: str | None = None,
               roles: dict[str, str] | None = None) -> tuple[list[str], dict[str, str | None]]:
    """The columns, and the column each role would take (for the import preview)."""
    with open_text(path, encoding) as stream:
        layout = _Layout(path, stream, text_column, roles or {}, "auto")
        return layout.columns, layout.chosen


class _Layout:
    def __init__(self, path: Path, stream, text_column: str | None,
                 roles: dict[str, str], quoting: str) -> None:
        self.path = path
        header_line = stream.readline()
        self.delimiter = delimiter = _delimiter(header_line)
        self.no_quotes = no_quotes = quoting == "none" or (quoting == "auto"
                                                            and delimiter == "\t")
        header = next(csv.reader([header_line], delimiter=delimiter,
                                 quoting=csv.QUOTE_NONE if no_quotes else csv.QUOTE_MINIMAL))
        if len(header) < 1 or not any(h.strip() for h in header):
            raise InputError(f"{path}:1: no header row")
        self.header = header
        self.columns = [h.strip() or f"column{i + 1}" for i, h in enumerate(header)]
        lines = _Lines(bounded_lines(stream, path))
        self.reader = reader = csv.reader(lines, delimiter=delimiter,
                                          quoting=csv.QUOTE_NONE if no_quotes
                                          else csv.QUOTE_MINIMAL)
        self.numbered = _watch_quotes(((reader.line_num + 1, row) for row in reader),
                                      lines, path, delimiter, no_quotes)  # +1: the header
        self.sample: list[tuple[int, list[str]]] = []
        for item in self.numbered:
            self.sample.append(item)
            if len(self.sample) >= SAMPLE_LINES:
                break
        rows = [row for _, row in self.sample]
        text_at = _pick(header, text_column or roles.get("text") or None, TEXT_COLUMNS, rows,
                        f"{path}:1")
        if text_at is None:  # the column with the longest values, if it holds text at all
            widths = [sum(len(r[i]) for r in rows if i < len(r)) for i in range(len(header))]
            text_at = widths.index(max(widths))
            if not _looks_like_text([r[text_at] for r in rows if text_at < len(r)]):
                raise InputError(
                    f"{path}:1: no column holds text (sentences of several words); the "
                    f"columns are {', '.join(h.strip() or '(unnamed)' for h in header)}. "
                    "Name the one to import with --text-column NAME")
        self.at: dict[str, int | None] = {"text": text_at}
        for role, names in ROLE_NAMES.items():
            wanted = roles.get(role)
            self.at[role] = None if wanted == "" else _pick(header, wanted, names, rows,
                                                             f"{path}:1")
        self.chosen = {role: self.columns[i] if i is not None else None
                       for role, i in self.at.items()}

    def records(self) -> Iterator[DocumentRecord]:
        header, at = self.header, self.at
        used = {i for i in at.values() if i is not None}

        def cell(row: list[str], role: str) -> str | None:
            i = at[role]
            return row[i] if i is not None else None

        def records(source: Iterator[tuple[int, list[str]]]) -> Iterator[DocumentRecord]:
            for line, row in source:
                if not any(c.strip() for c in row):
                    continue
                where = f"{self.path}:{line}"
                if len(row) != len(header):
                    raise InputError(f"{where}: {len(row)} fields where the header has "
                                     f"{len(header)} (delimiter {self.delimiter!r})")
                meta = {self.columns[i]: row[i] for i in range(len(row)) if i not in used}
                yield DocumentRecord(text=row[at["text"]], where=where,  # type: ignore[index]
                                     title=cell(row, "title") or "",
                                     source=cell(row, "source") or "",
                                     published=cell(row, "date") or None,
                                     key=cell(row, "id") or None, meta=meta)

        try:
            yield from records(iter(self.sample))
            yield from records(self.numbered)
        except csv.Error as exc:
            raise InputError(f"{self.path}:{self.reader.line_num}: {exc}") from None
