"""CSV out, one row per span, safe to open in Excel and LibreOffice: UTF-8 with a BOM (Excel
shows Arabic only then), and every text cell a spreadsheet would run as a formula made inert
with a leading apostrophe."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from annotator.model import ExportDoc

COLUMNS = ("document_id", "title", "source", "status", "span_id", "label", "start", "end",
           "text", "attributes", "note", "annotator")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_INVISIBLE = " \u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"


def inert(cell: str) -> str:
    """Neutralise a cell that starts (after spaces and bidi marks) like a formula."""
    if cell.lstrip(_INVISIBLE).startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell


class CsvWriter:
    suffix = ".csv"

    def __init__(self, path: Path) -> None:
        self._file = path.open("w", encoding="utf-8-sig", newline="")
        self._csv = csv.writer(self._file, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        self._csv.writerow(COLUMNS)

    def write(self, ed: ExportDoc) -> None:
        doc = ed.document
        for s in ed.spans:
            attrs = json.dumps(dict(s.attributes), ensure_ascii=False) if s.attributes else ""
            self._csv.writerow([doc.id, inert(doc.title), inert(doc.source), doc.status, s.id,
                                inert(s.label), s.start, s.end,
                                inert(doc.text[s.start:s.end]), inert(attrs),
                                inert(s.note or ""), inert(s.annotator)])

    def close(self) -> list[str]:
        self._file.close()
        return []
