"""Exports: native round trip, offsets after emoji, spreadsheet safety, filters, splits,
and the loud failure when a span does not match its text."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from annotator.io.exporter import split_of
from annotator.io.importer import ImportOptions, import_paths
from annotator.project import Project
from tests.helpers.cli import fingerprint, run

TEXT = ("😀 قال 👨‍👩‍👧 أنتوني بلينكن إن القرار 2254 هو الحل.\n"
        "وأضاف: «الولايات المتحدة لا تدعم التطبيع»")


def find(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


@pytest.fixture
def labelled(tmp_path: Path) -> Path:
    path = tmp_path / "labelled.db"
    p = Project.open(path, "amal")
    doc = p.add_document(TEXT, title="بلينكن", source="بلدي نيوز", meta={"k": "v"}).created
    actor = p.add_span(doc, *find(TEXT, "أنتوني بلينكن"), "ACTOR",
                       attributes={"type": "person"}, note="=وزير").created
    claim = p.add_span(doc, *find(TEXT, "القرار 2254 هو الحل"), "CLAIM").created
    usa = p.add_span(doc, *find(TEXT, "الولايات المتحدة"), "ACTOR").created
    stance = p.add_span(doc, *find(TEXT, "الولايات المتحدة لا تدعم التطبيع"), "STANCE",
                        attributes={"value": "rejects_normalization"}).created
    p.add_relation("SAID_BY", claim, actor)
    p.add_relation("HELD_BY", stance, usa)
    p.set_doc_label(doc, "stance", "rejects_normalization")
    p.annotator = "basel"
    p.add_span(doc, *find(TEXT, "القرار 2254"), "CLAIM")
    p.add_document("خبر ثان بلا وسوم", title="ثان")
    p.close()
    return path


def test_native_jsonl_round_trip_is_identical(labelled: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    assert run("export", "--format", "jsonl", "--out", first, "--db", labelled)[0] == 0
    assert run("import", first, "--db", tmp_path / "empty.db")[0] == 0
    empty = tmp_path / "empty.db"
    assert run("export", "--format", "jsonl", "--out", second, "--db", empty)[0] == 0
    assert first.read_bytes() == second.read_bytes()
    doc = json.loads(first.read_text(encoding="utf-8").splitlines()[0])
    for span in doc["spans"]:
        assert doc["text"][span["start"]:span["end"]] == span["text"]
    assert {s["annotator"] for s in doc["spans"]} == {"amal", "basel"}
    (label,) = doc["doc_labels"]
    assert {k: label[k] for k in ("field", "value", "annotator")} == {
        "field": "stance", "value": "rejects_normalization", "annotator": "amal"}
    # Provenance travels: ids and times on every record, so that a colleague's copy merges.
    assert all({"id", "created_at", "updated_at"} <= set(r) for r in
               doc["spans"] + doc["relations"] + doc["doc_labels"])


def test_native_jsonl_carries_deletions_and_revisions(labelled: Path, tmp_path: Path) -> None:
    p = Project.open(labelled, "amal")
    doc = p.documents()[0].id
    span = p.spans(doc)[0]
    p.update_span(span.id, note="مراجعة")
    p.delete_span(p.spans(doc)[-1].id)
    p.close()
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    assert run("export", "--format", "jsonl", "--out", first, "--db", labelled)[0] == 0
    line = json.loads(first.read_text(encoding="utf-8").splitlines()[0])
    assert len(line["deleted"]["spans"]) == 1
    edited = next(s for s in line["spans"] if s["id"] == span.id)
    assert edited["note"] == "مراجعة" and edited["base"]
    empty = tmp_path / "empty.db"
    assert run("import", first, "--db", empty)[0] == 0
    assert run("export", "--format", "jsonl", "--out", second, "--db", empty)[0] == 0
    assert first.read_bytes() == second.read_bytes()


def test_doccano_offsets_are_utf16_for_its_web_ui(labelled: Path, tmp_path: Path) -> None:
    out = tmp_path / "d.jsonl"
    run("export", "--format", "doccano", "--out", out, "--db", labelled)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # doccano needs the BOM to read UTF-8 Arabic
    doc = json.loads(raw.decode("utf-8-sig").splitlines()[0])
    utf16 = doc["text"].encode("utf-16-le")
    words = {utf16[2 * e["start_offset"]:2 * e["end_offset"]].decode("utf-16-le")
             for e in doc["entities"]}
    assert "أنتوني بلينكن" in words
    start, _ = find(TEXT, "أنتوني بلينكن")
    assert min(e["start_offset"] for e in doc["entities"]) > start  # shifted by the emoji
    code, _, err = run("import", out, "--db", tmp_path / "back.db")
    assert code == 0, err
    back = Project.open(tmp_path / "back.db", "x")
    ed = next(back.export_documents())
    assert {ed.document.text[s.start:s.end] for s in ed.spans} == words
    back.close()


def test_csv_is_safe_for_excel(labelled: Path, tmp_path: Path) -> None:
    out = tmp_path / "spans.csv"
    run("export", "--format", "csv", "--out", out, "--db", labelled)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines(keepends=True)))
    assert len(rows) == 5
    notes = {r["note"] for r in rows}
    assert "'=وزير" in notes  # a formula is made inert
    assert {r["text"] for r in rows} >= {"أنتوني بلينكن", "الولايات المتحدة"}


@pytest.mark.parametrize("cell, inert", [("=1+1", True), ("+972", True), ("-2", True),
                                         ("@SUM(A1)", True), ("\t=x", True),
                                         ("  =x", True), ("\u200f=x", True),
                                         ("نص عادي", False), ("a=b", False)])
def test_formula_cells_are_neutralised(cell: str, inert: bool) -> None:
    from annotator.io.spreadsheet import inert as neutralise
    assert neutralise(cell).startswith("'") is inert


def test_newlines_inside_cells_are_quoted(tmp_path: Path) -> None:
    db = tmp_path / "n.db"
    p = Project.open(db, "amal")
    doc = p.add_document("سطر أول\nسطر ثان").created
    p.add_span(doc, 0, len("سطر أول\nسطر ثان"), "CLAIM")
    p.close()
    out = tmp_path / "n.csv"
    run("export", "--format", "csv", "--out", out, "--db", db)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["text"] == "سطر أول\nسطر ثان"


def test_filters_by_annotator_status_and_labels(labelled: Path, tmp_path: Path) -> None:
    out = tmp_path / "f.jsonl"
    run("export", "--format", "jsonl", "--out", out, "--db", labelled, "--annotator", "basel")
    docs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [s["annotator"] for s in docs[0]["spans"]] == ["basel"]
    assert docs[0]["relations"] == []
    run("export", "--format", "jsonl", "--out", out, "--db", labelled, "--labels", "ACTOR")
    docs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert {s["label"] for s in docs[0]["spans"]} == {"ACTOR"}
    assert docs[0]["relations"] == []  # a link needs both of its spans
    run("export", "--format", "jsonl", "--out", out, "--db", labelled, "--status", "new")
    docs = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [d["title"] for d in docs] == ["ثان"]


def test_split_is_reproducible_and_by_document(tmp_path: Path) -> None:
    db = tmp_path / "many.db"
    p = Project.open(db, "amal")
    for n in range(200):
        p.add_document(f"خبر رقم {n}")
    p.close()
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    for out, seed in ((a, "7"), (b, "7"), (c, "8")):
        code, _, err = run("export", "--format", "jsonl", "--out", out, "--db", db,
                           "--split", "0.8,0.1,0.1", "--seed", seed)
        assert code == 0, err
    assert sorted(p.name for p in a.iterdir()) == ["dev.jsonl", "test.jsonl", "train.jsonl"]
    for name in ("train.jsonl", "dev.jsonl", "test.jsonl"):
        assert (a / name).read_bytes() == (b / name).read_bytes()
    assert (a / "train.jsonl").read_bytes() != (c / "train.jsonl").read_bytes()
    train = len((a / "train.jsonl").read_text(encoding="utf-8").splitlines())
    assert 130 < train < 190
    assert split_of("x", 7, (1.0, 0.0, 0.0)) == "train"


def test_export_fails_loudly_on_a_span_that_does_not_fit(labelled: Path,
                                                         tmp_path: Path) -> None:
    conn = sqlite3.connect(labelled)
    conn.execute('UPDATE spans SET "end" = 100000 WHERE label = \'CLAIM\'')
    conn.commit()
    conn.close()
    out = tmp_path / "broken.jsonl"
    code, _, err = run("export", "--format", "jsonl", "--out", out, "--db", labelled)
    assert code == 1 and "is not inside the text" in err
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".export")] == []


def test_export_refuses_a_non_empty_folder(labelled: Path, tmp_path: Path) -> None:
    folder = tmp_path / "brat"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine")
    code, _, err = run("export", "--format", "brat", "--out", folder, "--db", labelled)
    assert code == 1 and "not an empty folder" in err
    assert (folder / "keep.txt").read_text() == "mine"


def test_brat_export_splits_multiline_spans_and_reads_them_back(tmp_path: Path) -> None:
    db = tmp_path / "ml.db"
    p = Project.open(db, "amal")
    doc = p.add_document("أول\nثان ثالث").created
    p.add_span(doc, 0, 7, "CLAIM")
    p.close()
    out = tmp_path / "b"
    run("export", "--format", "brat", "--out", out, "--db", db)
    assert "T1\tCLAIM 0 3;4 7\tأول ثان" in (out / "00001.ann").read_text(encoding="utf-8")
    assert "CLAIM" in (out / "annotation.conf").read_text(encoding="utf-8")
    run("import", out, "--db", tmp_path / "back.db")
    back = Project.open(tmp_path / "back.db", "x")
    [ed] = list(back.export_documents())
    assert [(s.start, s.end) for s in ed.spans] == [(0, 7)]
    back.close()


def test_conll_tags_and_reports_what_it_cannot_write(labelled: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.conll"
    code, _, err = run("export", "--format", "conll", "--out", out, "--db", labelled)
    assert code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert "أنتوني\tB-ACTOR" in lines and "بلينكن\tI-ACTOR" in lines
    assert "👨‍👩‍👧\tO" in lines  # one token, the whole ZWJ sequence
    assert "overlaps a span already written" in err


def test_stats_and_import_report_json(labelled: Path) -> None:
    _, out, _ = run("stats", "--db", labelled, "--json")
    data = json.loads(out)
    assert data["documents"] == 2 and data["spans"] == 5 and data["relations"] == 2


def test_export_to_a_missing_folder_is_a_clear_error(labelled: Path, tmp_path: Path) -> None:
    before = fingerprint(labelled)
    code, _, err = run("export", "--format", "csv", "--out", tmp_path / "no" / "x.csv",
                       "--db", labelled)
    assert code == 1 and "no such folder" in err and fingerprint(labelled) == before


def test_import_twice_skips_the_same_articles(labelled: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.jsonl"
    run("export", "--format", "jsonl", "--out", out, "--db", labelled)
    project = Project.open(tmp_path / "t.db", "x")
    first = import_paths(project, [out], ImportOptions())
    again = import_paths(project, [out], ImportOptions())
    project.close()
    assert (first.documents, again.documents, again.duplicates) == (2, 0, 2)


def test_an_export_of_a_grown_scheme_imports_into_an_empty_database_with_no_flags(
        tmp_path: Path) -> None:
    source = tmp_path / "grown.jsonl"
    source.write_text(json.dumps({"text": "نص عن حدث كبير في المدينة", "spans": [
        {"start": 0, "end": 2, "label": "EVENT", "attributes": {"scale": "large"}}]},
        ensure_ascii=False) + "\n", encoding="utf-8")
    grown = tmp_path / "grown.db"
    assert run("import", source, "--db", grown, "--add-labels")[0] == 0
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    assert run("export", "--format", "jsonl", "--out", first, "--db", grown)[0] == 0
    code, _, err = run("import", first, "--db", tmp_path / "empty.db")  # no --add-labels
    assert code == 0, err
    assert run("export", "--format", "jsonl", "--out", second, "--db",
               tmp_path / "empty.db")[0] == 0
    assert first.read_bytes() == second.read_bytes()
