"""Bad input: a clear message naming file and line, exit status 1, nothing stored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.project import Project
from tests.helpers.cli import fingerprint, run

ARTICLE = "قال وزير الخارجية إن الحل الوحيد هو القرار 2254"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "team.db"
    project = Project.open(path, "amal")
    doc = project.add_document("نص موجود من قبل").created
    project.add_span(doc, 0, 2, "ACTOR")
    project.close()
    return path


def good_line(n: int) -> str:
    return json.dumps({"text": f"{ARTICLE} رقم {n}", "title": f"خبر {n}"}, ensure_ascii=False)


def write_jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def expect_refusal(db: Path, target: Path, message: str, *extra: str) -> str:
    before = fingerprint(db)
    code, _, err = run("import", target, "--db", db, *extra)
    assert code == 1, err
    assert message in err, err
    assert "nothing" in err  # the message says nothing was stored
    assert fingerprint(db) == before
    return err


def test_malformed_json_line_names_the_line(db: Path, tmp_path: Path) -> None:
    lines = [good_line(n) for n in range(16)] + ['{"text": "نص", "title": ']
    expect_refusal(db, write_jsonl(tmp_path / "articles.jsonl", lines), "articles.jsonl:17:")


def test_offset_past_the_end(db: Path, tmp_path: Path) -> None:
    text = "ب" * 398
    lines = [good_line(n) for n in range(16)] + [json.dumps(
        {"text": text, "spans": [{"start": 10, "end": 412, "label": "ACTOR"}]})]
    expect_refusal(db, write_jsonl(tmp_path / "articles.jsonl", lines),
                   "articles.jsonl:17: span end 412 is past the end of the text "
                   "(398 characters)")


def test_span_text_that_does_not_match_its_offsets(db: Path, tmp_path: Path) -> None:
    line = json.dumps({"text": ARTICLE, "spans": [
        {"start": 0, "end": 3, "label": "ACTOR", "text": "وزير"}]}, ensure_ascii=False)
    expect_refusal(db, write_jsonl(tmp_path / "a.jsonl", [line]),
                   "a.jsonl:1: span [0, 3) should read 'وزير' but the text there is 'قال'")


def test_unknown_label(db: Path, tmp_path: Path) -> None:
    line = json.dumps({"text": ARTICLE, "spans": [{"start": 0, "end": 3, "label": "PERSON"}]})
    err = expect_refusal(db, write_jsonl(tmp_path / "a.jsonl", [line]),
                         "a.jsonl:1: unknown label 'PERSON'")
    assert "--add-labels" in err


def test_relation_to_a_missing_span(db: Path, tmp_path: Path) -> None:
    line = json.dumps({"text": ARTICLE, "spans": [
        {"id": "s1", "start": 0, "end": 3, "label": "CLAIM"}],
        "relations": [{"type": "SAID_BY", "head": "s1", "tail": "s9"}]})
    expect_refusal(db, write_jsonl(tmp_path / "a.jsonl", [line]), "points to span 's9'")


@pytest.mark.parametrize("content, message", [
    (b"", "the file is empty"),
    (b"   \n\n  ", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    ("Un résumé du café, été 2023.\n".encode("latin-1") * 20,
     "neither UTF-8 nor legacy Arabic"),
])
def test_empty_and_binary_files(db: Path, tmp_path: Path, content: bytes, message: str) -> None:
    target = tmp_path / "input.jsonl"
    target.write_bytes(content)
    expect_refusal(db, target, message)


def test_folder_with_nothing_importable(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4")
    expect_refusal(db, folder, "no .txt files")


def test_missing_file(db: Path, tmp_path: Path) -> None:
    before = fingerprint(db)
    code, _, err = run("import", tmp_path / "nope.jsonl", "--db", db)
    assert code == 1 and "no such file" in err and fingerprint(db) == before


def test_file_cut_short_while_being_read(db: Path, tmp_path: Path) -> None:
    target = write_jsonl(tmp_path / "big.jsonl", [good_line(n) for n in range(3000)])
    project = Project.open(db, "amal")
    before = fingerprint(db)
    from annotator.errors import InputError
    from annotator.io.importer import ImportOptions, import_paths

    def truncate_midway(_name: str, count: int) -> None:
        if count == 10:
            with target.open("r+b") as fh:
                fh.truncate(fh.seek(0, 2) // 2)

    with pytest.raises(InputError, match="changed while it was being read"):
        import_paths(project, [target], ImportOptions(), progress=truncate_midway)
    project.close()
    assert fingerprint(db) == before


def test_hostile_json_nesting_and_nul(db: Path, tmp_path: Path) -> None:
    expect_refusal(db, write_jsonl(tmp_path / "deep.jsonl", ["[" * 100000 + "]" * 100000]),
                   "deep.jsonl:1:")
    line = json.dumps({"text": "نص\u0000مخفي"})
    expect_refusal(db, write_jsonl(tmp_path / "nul.jsonl", [line]), "NUL")


def test_a_bad_file_after_good_ones_keeps_the_good_ones(db: Path, tmp_path: Path) -> None:
    good = write_jsonl(tmp_path / "good.jsonl", [good_line(1), good_line(2)])
    bad = write_jsonl(tmp_path / "bad.jsonl", [good_line(3), "not json"])
    code, _, err = run("import", good, bad, "--db", db)
    assert code == 1 and "bad.jsonl:2:" in err and "1 earlier file(s) were imported" in err
    project = Project.open(db, "amal")
    titles = {d.title for d in project.documents()}
    project.close()
    assert {"خبر 1", "خبر 2"} <= titles and "خبر 3" not in titles


def test_pretty_printed_json_gets_a_hint(db: Path, shared: Path) -> None:
    target = shared / "fixtures" / "doccano" / "export_relation_extraction_pretty.jsonl"
    expect_refusal(db, target, "pretty-printed JSON?")


def test_discontinuous_brat_span_is_refused(db: Path, tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("Google and then Larry Page", encoding="utf-8")
    (tmp_path / "doc.ann").write_text("T1\tPerson 0 6;16 21\tGoogle Larry\n", encoding="utf-8")
    expect_refusal(db, tmp_path / "doc.ann", "doc.ann:1: T1 is a discontinuous span",
                   "--add-labels")


def test_usage_errors_exit_2(db: Path, tmp_path: Path) -> None:
    assert run("import", "--db", db)[0] == 2  # no path
    assert run("import", tmp_path, "--format", "excel", "--db", db)[0] == 2


def test_an_id_used_twice_is_refused(db: Path, tmp_path: Path) -> None:
    span_id = "0b8e2c7a-5d4f-4e3b-8a19-2f6d7c5e4a31"
    lines = [json.dumps({"text": f"{ARTICLE} {n}", "spans": [
        {"id": span_id, "start": 0, "end": 3, "label": "ACTOR"}]}, ensure_ascii=False)
        for n in range(2)]
    expect_refusal(db, write_jsonl(tmp_path / "ids.jsonl", lines), "already used")


def test_a_span_that_cuts_a_letter_from_its_harakat_is_widened_and_reported(
        tmp_path: Path) -> None:
    text = "قالَ الرئيسُ 👨‍👩‍👧 اليوم"
    cut = text.index("الرئيسُ") + len("الرئيس")  # before the damma
    family = text.index("👨")
    source = tmp_path / "cut.jsonl"
    source.write_text(json.dumps({"text": text, "spans": [
        {"start": text.index("الرئيس"), "end": cut, "label": "ACTOR"},
        {"start": family, "end": family + 2, "label": "ACTOR"}]},
        ensure_ascii=False) + "\n", encoding="utf-8")
    db = tmp_path / "cut.db"
    code, _, err = run("import", source, "--db", db)
    assert code == 0 and err.count("cut a letter from its marks") == 2, err
    project = Project.open(db, "x")
    (doc,) = project.documents()
    assert sorted(text[s.start:s.end] for s in project.spans(doc.id)) == [
        "الرئيسُ", "👨‍👩‍👧"]
    project.close()
