"""The xlsx export: one workbook with a sheet each for documents, spans and links. Sheets of
Arabic data read right to left, the header row is frozen, columns are sized to what they
hold, names are in the chosen language, and a text that looks like a formula is stored as
text (marked as Excel marks text typed with a leading apostrophe)."""

from __future__ import annotations

from pathlib import Path

from annotator.io.spreadsheet import clean, looks_like_formula
from annotator.io.tables import TableBuilder
from annotator.model import ExportDoc
from annotator.scheme import Scheme
from annotator.text import is_right_to_left

SHEETS = {"en": {"documents": "Documents", "spans": "Spans", "links": "Links"},
          "ar": {"documents": "المستندات", "spans": "الوسوم", "links": "الروابط"}}
WIDEST = 60  # characters: a long text column wraps instead of running off the screen


class WorkbookWriter:
    suffix = ".xlsx"

    def __init__(self, path: Path, scheme: Scheme, lang: str = "en") -> None:
        from openpyxl import Workbook  # only this export needs it

        self._path = path
        self._book = Workbook(write_only=False)
        self._book.remove(self._book.active)
        lang = lang if lang in SHEETS else "en"
        self._tables = {}
        self._widths: dict[str, list[int]] = {}
        self._rtl = [0, 0]  # documents read right to left, and left to right
        for name in ("documents", "spans", "links"):
            builder = TableBuilder(name, scheme, lang)
            sheet = self._book.create_sheet(SHEETS[lang][name])
            sheet.append([clean(h) for h in builder.header])
            self._tables[name] = (builder, sheet)
            self._widths[name] = [len(h) for h in builder.header]

    def write(self, ed: ExportDoc) -> None:
        self._rtl[0 if is_right_to_left(ed.document.text) else 1] += 1
        for name, (builder, sheet) in self._tables.items():
            widths = self._widths[name]
            for row in builder.rows(ed):
                sheet.append([clean(v) if isinstance(v, str) else v for v in row])
                for cell in sheet[sheet.max_row]:
                    if isinstance(cell.value, str):
                        cell.data_type = "s"  # never a formula, whatever it starts with
                        if looks_like_formula(cell.value):
                            cell.quotePrefix = True
                for i, v in enumerate(row):
                    widths[i] = max(widths[i], min(WIDEST, len(str(v))))

    def close(self) -> list[str]:
        right_to_left = self._rtl[0] >= self._rtl[1]
        for name, (_, sheet) in self._tables.items():
            sheet.freeze_panes = "A2"
            sheet.sheet_view.rightToLeft = right_to_left
            for i, width in enumerate(self._widths[name]):
                letter = sheet.cell(row=1, column=i + 1).column_letter
                sheet.column_dimensions[letter].width = width + 2
        self._book.save(self._path)
        return []
