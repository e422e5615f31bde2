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
# What a spreadsheet may take as the start of a formula, in ASCII and in full width.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d",
                   "\uff20", "\u2212", "\ufe62", "\ufe63", "\ufe66")
# Blanks and invisible characters a spreadsheet skips before looking at the first one.
_INVISIBLE = ("\u0020\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
              "\u2008\u2009\u200a\u202f\u205f\u3000\u200b\u200c\u200d\u2060\ufeff"
              "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068"
              "\u2069\u180e\u00ad")
# Control characters other than tab and line ends: shown as nothing, or worse.
_CONTROLS = {c: None for c in range(0x20) if chr(c) not in "\t\n\r"} | {0x7f: None}


def inert(cell: object) -> str:
    """A cell no spreadsheet runs as a formula: control characters (NUL among them)
    removed, and a leading apostrophe where the text starts like a formula after blanks
    and invisible marks (full-width ＝ ＋ － ＠ included). For every column."""
    text = str(cell).translate(_CONTROLS)
    if text.lstrip(_INVISIBLE).startswith(_FORMULA_STARTS):
        return "'" + text
    return text


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
            self._csv.writerow([inert(cell) for cell in (
                doc.id, doc.title, doc.source, doc.status, s.id, s.label, s.start, s.end,
                doc.text[s.start:s.end], attrs, s.note or "", s.annotator)])

    def close(self) -> list[str]:
        self._file.close()
        return []
