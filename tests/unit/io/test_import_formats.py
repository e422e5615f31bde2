"""Importing real corpora, legacy encodings and CSV quirks; labels through the facade;
every export format verified span by span."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from annotator.io.exporter import FORMATS, ExportOptions, export
from annotator.io.importer import ImportOptions, import_paths
from annotator.project import Project
from tests.helpers.cli import run

ARABIC = "أكد وزير الخارجية الأمريكي أن الولايات المتحدة لا تدعم التطبيع مع نظام الأسد."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1256", "iso8859-6"])
def test_text_files_in_every_arabic_encoding(tmp_path: Path, encoding: str) -> None:
    source = tmp_path / f"article-{encoding}.txt"
    source.write_bytes(f"العنوان\r\n\r\n{ARABIC}\r\n".encode(encoding))
    project = Project.open(tmp_path / "e.db", "x")
    import_paths(project, [source], ImportOptions())
    [ed] = list(project.export_documents())
    project.close()
    assert ed.document.text == ARABIC and ed.document.title == "العنوان"


def test_encoding_can_be_forced(tmp_path: Path) -> None:
    source = tmp_path / "latin.txt"
    source.write_bytes("Un résumé du café.".encode("latin-1"))
    assert run("import", source, "--db", tmp_path / "a.db")[0] == 1
    code, _, err = run("import", source, "--db", tmp_path / "a.db", "--encoding", "latin-1")
    assert code == 0, err
    assert run("import", source, "--db", tmp_path / "a.db", "--encoding", "klingon")[0] == 1


def test_fignews_tsv_with_stray_quotes_imports_every_row(tmp_path: Path, shared: Path) -> None:
    source = shared / "corpora" / "fignews2024" / "FIGNEWS-2024-TEXT-IAA.tsv"
    project = Project.open(tmp_path / "f.db", "x")
    report = import_paths(project, [source], ImportOptions(text_column="Text"))
    assert report.documents + report.duplicates == 1500
    docs = list(project.export_documents())
    assert any("\u200f" in d.document.text or "\u200e" in d.document.text for d in docs)
    assert any(ord(ch) > 0xFFFF for d in docs for ch in d.document.text)  # emoji
    assert any("\u05d0" <= ch <= "\u05ea" for d in docs for ch in d.document.text)  # Hebrew
    assert docs[0].document.meta["Source Language"] == "Arabic"
    project.close()


def test_csv_text_column_and_metadata(tmp_path: Path, shared: Path) -> None:
    source = shared / "corpora" / "ans" / "stance" / "dev.csv"
    code, _, err = run("import", source, "--db", tmp_path / "a.db", "--text-column", "s1")
    assert code == 0, err
    project = Project.open(tmp_path / "a.db", "x")
    ed = next(project.export_documents())
    assert set(ed.document.meta) == {"s2", "stance"}
    project.close()
    code, _, err = run("import", source, "--db", tmp_path / "b.db", "--text-column", "body")
    assert code == 1 and "no column 'body'" in err


def test_csv_row_with_the_wrong_number_of_fields(tmp_path: Path) -> None:
    source = tmp_path / "rows.csv"
    source.write_text("title,text\nأ,نص أول\nب,نص ثان,زائد\n", encoding="utf-8")
    code, _, err = run("import", source, "--db", tmp_path / "c.db")
    assert code == 1 and "rows.csv:3: 3 fields where the header has 2" in err


def test_covid_articles_folder(tmp_path: Path, shared: Path) -> None:
    folder = shared / "corpora" / "covid_propaganda_ar" / "articles"
    code, out, err = run("import", folder, "--db", tmp_path / "c.db")
    assert code == 0, err
    assert "imported 43 documents" in out
    project = Project.open(tmp_path / "c.db", "x")
    docs = list(project.export_documents())
    assert all("\r" not in d.document.text for d in docs)
    assert all(d.document.title for d in docs)
    project.close()


def test_annotators_come_from_the_file_or_the_option(tmp_path: Path, shared: Path) -> None:
    source = shared / "fixtures" / "doccano" / "export_sequence_labeling.jsonl"
    code, _, err = run("import", source, "--db", tmp_path / "d.db", "--annotator", "salma",
                       "--add-labels")
    assert code == 0, err
    project = Project.open(tmp_path / "d.db", "x")
    assert {s.annotator for ed in project.export_documents() for s in ed.spans} == {"salma"}
    project.close()


def label_some(project: Project) -> int:
    """Through the facade: the first word of each post, and the word after its first emoji."""
    made = 0
    for ed in list(project.export_documents()):
        text = ed.document.text
        words = text.split()
        if words:
            start = text.index(words[0])
            project.add_span(ed.document.id, start, start + len(words[0]), "ACTOR")
            made += 1
        emoji = next((i for i, ch in enumerate(text) if ord(ch) > 0xFFFF), None)
        rest = text[emoji + 1:].split() if emoji is not None else []
        if rest and any(ch.isalpha() for ch in rest[0]):
            start = text.index(rest[0], emoji + 1)
            try:
                project.add_span(ed.document.id, start, start + len(rest[0]), "CLAIM")
                made += 1
            except Exception:
                pass
    return made


@pytest.mark.slow
def test_real_posts_survive_labelling_and_every_export(tmp_path: Path, shared: Path) -> None:
    source = shared / "corpora" / "fignews2024" / "FIGNEWS-2024-TEXT-IAA.tsv"
    project = Project.open(tmp_path / "r.db", "x")
    import_paths(project, [source], ImportOptions(text_column="Text"))
    made = label_some(project)
    assert made > 1500
    expected = sorted((ed.document.text, ed.document.text[s.start:s.end])
                      for ed in project.export_documents() for s in ed.spans)
    for fmt in FORMATS:
        out = tmp_path / f"out-{fmt}"
        report = export(project, ExportOptions(fmt, out))
        assert report.spans == made
        if fmt in ("jsonl", "doccano", "labelstudio", "brat"):
            back = Project.open(tmp_path / f"back-{fmt}.db", "x")
            import_paths(back, [out], ImportOptions(format=fmt))
            got = sorted((ed.document.text, ed.document.text[s.start:s.end])
                         for ed in back.export_documents() for s in ed.spans)
            back.close()
            assert got == expected, fmt
        elif fmt == "csv":
            with out.open(encoding="utf-8-sig", newline="") as fh:
                texts = sorted(r["text"].removeprefix("'") if r["text"].startswith("'")
                               else r["text"] for r in csv.DictReader(fh))
            assert texts == sorted(t for _, t in expected)
        else:
            assert out.stat().st_size > 0
    project.close()


def test_a_native_file_with_ids_keeps_them(tmp_path: Path) -> None:
    source = tmp_path / "n.jsonl"
    doc_id, span_id = "6f1f5c4e-0d0a-4f8e-9a57-3c8a1e7d2b10", "0b8e2c7a-5d4f-4e3b-8a19-2f6d7c5e4a31"
    source.write_text(json.dumps({"id": doc_id, "text": ARABIC, "spans": [
        {"id": span_id, "start": 4, "end": 8, "label": "ACTOR", "annotator": "amal"}]},
        ensure_ascii=False) + "\n", encoding="utf-8")
    project = Project.open(tmp_path / "i.db", "x")
    import_paths(project, [source], ImportOptions())
    assert project.document(doc_id).text == ARABIC
    assert project.span(span_id).annotator == "amal"
    project.close()
