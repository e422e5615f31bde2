"""Spreadsheets people read: the workbook's three sheets and the CSV tables, with names in
the chosen language, right to left for Arabic data, and no cell that runs as a formula."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from annotator.project import Project
from tests.helpers.cli import run

TEXT = "أكد أنتوني بلينكن أن الولايات المتحدة لا تدعم التطبيع مع نظام الأسد"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "s.db"
    p = Project.open(path, "amal")
    doc = p.add_document(TEXT, title="=بيان الخارجية", source="بلدي نيوز").created
    find = lambda w: (TEXT.index(w), TEXT.index(w) + len(w))  # noqa: E731
    actor = p.add_span(doc, *find("أنتوني بلينكن"), "ACTOR", attributes={"type": "person"},
                       note="+وزير").created
    usa = p.add_span(doc, *find("الولايات المتحدة"), "ACTOR", attributes={"type": "state"}).created
    stance = p.add_span(doc, *find("لا تدعم التطبيع"), "STANCE",
                        attributes={"value": "rejects_normalization"}).created
    p.add_relation("HELD_BY", stance, usa)
    p.set_doc_label(doc, "stance", "rejects_normalization")
    p.set_status(doc, "done")
    del actor
    p.close()
    return path


def test_the_workbook_has_three_readable_right_to_left_sheets(db: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "book.xlsx"
    code, _, err = run("export", "--format", "xlsx", "--out", out, "--db", db)
    assert code == 0, err
    book = load_workbook(out)
    assert book.sheetnames == ["Documents", "Spans", "Links"]
    for sheet in book.worksheets:
        assert sheet.sheet_view.rightToLeft and sheet.freeze_panes == "A2"
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.value  # nothing runs as a formula
    spans = [[c.value for c in row] for row in book["Spans"].iter_rows()]
    header = spans[0]
    assert {"label", "text", "Type", "Stance", "note", "annotator"} <= set(header)
    blinken = next(r for r in spans if r[header.index("text")] == "أنتوني بلينكن")
    assert blinken[header.index("label")] == "Actor"
    assert blinken[header.index("Type")] == "Person"  # readable, not "person" codes in JSON
    assert blinken[header.index("note")] == "+وزير"  # kept as text
    links = [[c.value for c in row] for row in book["Links"].iter_rows()]
    assert links[1][links[0].index("link")] == "Held by"
    assert links[1][links[0].index("from")] == "لا تدعم التطبيع"
    docs = [[c.value for c in row] for row in book["Documents"].iter_rows()]
    assert docs[1][docs[0].index("status")] == "done"
    assert docs[1][docs[0].index("title")] == "=بيان الخارجية"
    assert any("Rejects normalization (amal)" == v for v in docs[1])
    text_column = book["Spans"].cell(row=1, column=header.index("text") + 1).column_letter
    assert book["Spans"].column_dimensions[text_column].width > 10  # sized to the text


def test_arabic_names_for_an_arabic_desk(db: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "ar.xlsx"
    assert run("export", "--format", "xlsx", "--out", out, "--db", db, "--lang", "ar")[0] == 0
    book = load_workbook(out)
    assert book.sheetnames == ["المستندات", "الوسوم", "الروابط"]
    row = [c.value for c in book["الوسوم"][2]]
    assert "فاعل" in row


@pytest.mark.parametrize("table, expected", [
    ("spans", {"label": "Stance", "Stance": "Rejects normalization"}),
    ("links", {"link": "Held by", "to": "الولايات المتحدة", "to label": "Actor"}),
    ("documents", {"status": "done", "source": "بلدي نيوز"}),
])
def test_csv_tables_with_readable_values(db: Path, tmp_path: Path, table: str,
                                         expected: dict[str, str]) -> None:
    out = tmp_path / f"{table}.csv"
    assert run("export", "--format", "csv", "--table", table, "--out", out, "--db", db)[0] == 0
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert any(all(r.get(k) == v for k, v in expected.items()) for r in rows), rows
    if table == "documents":
        assert rows[0]["title"] == "'=بيان الخارجية"  # inert in a CSV
