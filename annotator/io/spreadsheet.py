"""Spreadsheets people read: CSV (one table: spans, links or documents) and an xlsx workbook
with the three, safe to open in Excel and LibreOffice. CSV is UTF-8 with a BOM (Excel shows
Arabic only then). In both, no cell can run as a formula."""

from __future__ import annotations

import csv
from pathlib import Path

from annotator.io.tables import TABLES, TableBuilder
from annotator.model import ExportDoc
from annotator.scheme import Scheme

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


def clean(cell: object) -> str:
    return str(cell).translate(_CONTROLS)


def looks_like_formula(text: str) -> bool:
    return text.lstrip(_INVISIBLE).startswith(_FORMULA_STARTS)


def inert(cell: object) -> str:
    """A cell no spreadsheet runs as a formula: control characters (NUL among them)
    removed, and a leading apostrophe where the text starts like a formula after blanks
    and invisible marks (full-width ＝ ＋ － ＠ included). For every column."""
    text = clean(cell)
    return "'" + text if looks_like_formula(text) else text


class CsvWriter:
    suffix = ".csv"

    def __init__(self, path: Path, scheme: Scheme, table: str = "spans",
                 lang: str = "en") -> None:
        self._table = TableBuilder(table if table in TABLES else "spans", scheme, lang)
        self._file = path.open("w", encoding="utf-8-sig", newline="")
        self._csv = csv.writer(self._file, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        self._csv.writerow([inert(h) for h in self._table.header])

    def write(self, ed: ExportDoc) -> None:
        for row in self._table.rows(ed):
            self._csv.writerow([inert(cell) for cell in row])

    def close(self) -> list[str]:
        self._file.close()
        return []
