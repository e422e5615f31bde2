"""What a careless hand or a hostile file does: each case ends in a sentence naming the
file and the line (never a traceback), and the database is unchanged."""

from __future__ import annotations

import errno
import itertools
import json
import os
import sqlite3
from pathlib import Path

import pytest

from annotator.project import Project
from tests.helpers.cli import fingerprint, run


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "team.db"
    project = Project.open(path, "amal")
    project.add_document("نص موجود قبل كل شيء في قاعدة البيانات", title="موجود")
    project.close()
    return path


def refused(db: Path, *args: str | Path) -> str:
    """Run a command that must be refused: exit 1, a sentence, the database unchanged (the
    digest of every row, and SQLite's own integrity check)."""
    before = fingerprint(db)
    code, _, err = run(*args, "--db", db)
    assert code == 1, err
    assert "Traceback" not in err and "unexpected error" not in err, err
    assert fingerprint(db) == before
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    return err


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_an_unclosed_quote_is_reported_where_it_opens(db: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "unclosed.csv", 'title,text\nأ,"بيان الوزارة الأول\n'
                   "ب,بيان ثان عن الاجتماع اليوم\nج,بيان ثالث عن الاجتماع اليوم\n")
    err = refused(db, "import", source)
    assert "unclosed.csv:2: a quote opens on this line and never closes" in err


def test_quotes_that_close_on_a_later_line_are_fine(db: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "ok.csv", 'title,text\nأ,"بيان ""مقتبس"" الوزارة\n'
                   'على سطرين كامل"\nب,بيان ثان عن الاجتماع اليوم\n')
    assert run("import", source, "--db", db)[0] == 0


def test_a_table_without_a_text_column_is_refused_with_its_columns(db: Path,
                                                                   tmp_path: Path) -> None:
    source = write(tmp_path / "counts.tsv", "batch\tid\tUnbiased\tPropaganda\n"
                   + "".join(f"B01\t{i}\t{i % 7}\t{i % 3}\n" for i in range(30)))
    err = refused(db, "import", source)
    assert "counts.tsv:1: no column holds text" in err
    assert "batch, id, Unbiased, Propaganda" in err and "--text-column" in err


@pytest.mark.parametrize("offsets, message", [
    ([0, 99], "span end 99 is past the end of the text (13 UTF-16 units)"),
    ([-3, 2], "span [-3, 2) is empty or negative"),
])
def test_doccano_offsets_outside_the_text(db: Path, tmp_path: Path, offsets: list[int],
                                          message: str) -> None:
    source = write(tmp_path / "d.jsonl", json.dumps(
        {"text": "مرحبا بالعالم", "label": [[*offsets, "ACTOR"]]}, ensure_ascii=False) + "\n")
    assert f"d.jsonl:1: {message}" in refused(db, "import", source, "--format", "doccano")


@pytest.mark.parametrize("record, field", [
    ({"text": "مرحبا", "title": "\ud800x"}, "title"),
    ({"text": "مرحبا", "meta": {"k": "\ud800"}}, "metadata"),
    ({"text": "مرحبا", "spans": [{"start": 0, "end": 2, "label": "ACTOR", "note": "\ud800"}]},
     "span 'ACTOR'"),
    ({"text": "مرحبا", "spans": [{"start": 0, "end": 2, "label": "\ud800"}]}, "span"),
])
def test_a_lone_surrogate_anywhere_is_named(db: Path, tmp_path: Path, record: dict,
                                            field: str) -> None:
    source = tmp_path / "s.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")  # \ud800 stays escaped
    err = refused(db, "import", source, "--add-labels")
    assert f"s.jsonl:1: the {field}" in err and "lone UTF-16 surrogate" in err


def test_utf16_asked_for_a_file_that_is_not(db: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "plain.txt", "نص عادي بترميز UTF-8\n")
    err = refused(db, "import", source, "--encoding", "utf-16")
    assert "plain.txt" in err and "utf-16" in err
    source = write(tmp_path / "latin.txt", "hello world\n")
    assert "latin.txt: cannot be read as utf-16" in refused(db, "import", source,
                                                          "--encoding", "utf-16")


def test_a_bad_byte_deep_in_a_file_is_placed_exactly(db: Path, tmp_path: Path) -> None:
    source = tmp_path / "bad.txt"
    head = "سطر عربي\n".encode() * 40_000
    source.write_bytes(head + b"\xff oops\n")
    err = refused(db, "import", source, "--format", "txt", "--encoding", "utf-8")
    assert f"bad.txt:40001: is not valid utf-8 at byte {len(head):,}" in err


def test_export_never_writes_onto_a_database(db: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    Project.open(other, "x").close()
    before = other.read_bytes()
    for target, message in ((db, "is the database being exported"),
                            (Path(f"{db}-wal"), "is the database being exported"),
                            (other, "is a database file")):
        err = refused(db, "export", "--format", "jsonl", "--out", target)
        assert message in err
    assert other.read_bytes() == before


def test_export_to_a_folder_or_from_a_missing_database(db: Path, tmp_path: Path) -> None:
    (tmp_path / "outdir").mkdir()
    assert "is a folder; name the file" in refused(
        db, "export", "--format", "jsonl", "--out", tmp_path / "outdir")
    code, _, err = run("export", "--format", "jsonl", "--out", tmp_path / "x.jsonl",
                       "--db", tmp_path / "typo.db")
    assert code == 1 and "typo.db: no such database" in err
    assert not (tmp_path / "typo.db").exists() and not (tmp_path / "x.jsonl").exists()


def test_a_read_only_folder_and_a_full_disk_are_sentences(db: Path, tmp_path: Path,
                                                          monkeypatch) -> None:
    import tempfile

    out = tmp_path / "kept.jsonl"
    out.write_text("an earlier export\n", encoding="utf-8")

    def read_only(*_args, **_kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", read_only)
    assert "cannot write there (Permission denied)" in refused(
        db, "export", "--format", "jsonl", "--out", out)
    monkeypatch.undo()

    from annotator.io import native

    def full(self, _ed):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(native.NativeWriter, "write", full)
    assert "could not be written (No space left on device)" in refused(
        db, "export", "--format", "jsonl", "--out", out)
    assert out.read_text(encoding="utf-8") == "an earlier export\n"
    assert [p.name for p in tmp_path.glob(".export-*")] == []


def test_staging_left_by_a_killed_export_is_removed(db: Path, tmp_path: Path) -> None:
    dead = tmp_path / ".export-999999-abc"  # no process has this number
    dead.mkdir()
    (dead / "export").write_text("half", encoding="utf-8")
    mine = tmp_path / f".export-{os.getppid()}-xyz"  # a live process's: left alone
    mine.mkdir()
    assert run("export", "--format", "jsonl", "--out", tmp_path / "e.jsonl", "--db", db)[0] == 0
    assert not dead.exists() and mine.exists()


def test_a_label_studio_label_given_as_a_string_is_one_label(db: Path, tmp_path: Path) -> None:
    source = tmp_path / "ls.json"
    source.write_text(json.dumps([{"data": {"text": "قال الوزير اليوم"}, "annotations": [
        {"result": [{"id": "r1", "type": "labels", "from_name": "label", "to_name": "text",
                     "value": {"start": 0, "end": 3, "labels": "ACTOR"}}]}]}],
        ensure_ascii=False), encoding="utf-8")
    code, out, err = run("import", source, "--db", db, "--add-labels")
    assert code == 0, err
    assert "added to the scheme" not in out  # not A, C, T, O, R
    project = Project.open(db, "x")
    doc = next(d for d in project.documents() if d.title != "موجود")
    assert [s.label for s in project.spans(doc.id)] == ["ACTOR"]
    project.close()


def test_pipes_and_devices_are_refused_and_never_read(db: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    assert "is not a regular file" in refused(db, "import", fifo)
    assert "is not a regular file" in refused(db, "import", "/dev/zero", "--format", "txt")


def test_a_line_without_end_is_refused_with_a_limit(db: Path, tmp_path: Path,
                                                    monkeypatch) -> None:
    monkeypatch.setattr("annotator.io.encoding.LINE_LIMIT", 1000)
    source = write(tmp_path / "long.jsonl", json.dumps({"text": "ن" * 5000}) + "\n")
    assert "long.jsonl:1: the line is longer than" in refused(db, "import", source)


@pytest.mark.parametrize("cell, expected", [
    ("=1+1", "'=1+1"), ("＝HYPERLINK(\"x\")", "'＝HYPERLINK(\"x\")"), ("＋٢", "'＋٢"),
    ("－1", "'－1"), ("＠SUM", "'＠SUM"), ("\u00a0=1", "'\u00a0=1"), ("\u3000+1", "'\u3000+1"),
    ("\u200b@x", "'\u200b@x"), ("\u2060-1", "'\u2060-1"), ("\u200f=1", "'\u200f=1"),
    ("a\x00b", "ab"), ("\x00=1", "'=1"), ("نص عادي", "نص عادي"), ("2254", "2254"),
])
def test_every_spreadsheet_trigger_is_made_inert(cell: str, expected: str) -> None:
    from annotator.io.spreadsheet import inert

    assert inert(cell) == expected


def test_no_csv_column_can_run_as_a_formula(tmp_path: Path) -> None:
    import csv

    path = tmp_path / "f.db"
    project = Project.open(path, "=HYPERLINK(\"http://x\")")
    doc = project.add_document("＝SUM(1) نص عن الاجتماع", title="\u3000+cmd",
                               source="@source").created
    project.add_span(doc, 0, 6, "ACTOR", note="-note")
    project.close()
    out = tmp_path / "f.csv"
    assert run("export", "--format", "csv", "--out", out, "--db", path)[0] == 0
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    for cell in rows[1]:
        stripped = cell.lstrip(" \u3000")
        assert not stripped.startswith(("=", "+", "-", "@", "＝")), cell
        assert "\x00" not in cell


def test_brat_empty_annotations_line_separators_and_duplicate_ids(db: Path,
                                                                 tmp_path: Path) -> None:
    folder = tmp_path / "brat"
    folder.mkdir()
    text = "قال الوزير\u2028في بيان\u0085اليوم إن الحل سياسي"
    (folder / "a.txt").write_text(text, encoding="utf-8")
    start = text.index("الوزير")
    (folder / "a.ann").write_text(f"T1\tACTOR {start} {start + 12}\t{text[start:start + 12]}\n",
                                  encoding="utf-8")
    (folder / "b.txt").write_text("نص بلا وسوم بعد", encoding="utf-8")
    (folder / "b.ann").write_text("", encoding="utf-8")  # brat's file for an unlabelled text
    code, _, err = run("import", folder, "--db", db)
    assert code == 0, err
    out = tmp_path / "again"
    assert run("export", "--format", "brat", "--out", out, "--db", db)[0] == 0
    back = tmp_path / "back.db"
    code, _, err = run("import", out, "--db", back)
    assert code == 0, err
    project = Project.open(back, "x")
    texts = [project.spans(d.id) and project.document(d.id).text for d in project.documents()]
    spans = [s for d in project.documents() for s in project.spans(d.id)]
    project.close()
    assert text in texts and len(spans) == 1  # the separators came back, and the span
    dup = tmp_path / "dup"
    dup.mkdir()
    (dup / "c.txt").write_text("الوزير والرئيس", encoding="utf-8")
    (dup / "c.ann").write_text("T1\tACTOR 0 6\tالوزير\nT1\tACTOR 7 14\tوالرئيس\n",
                               encoding="utf-8")
    assert "c.ann:2: T1 is defined twice" in refused(db, "import", dup)


def test_conll_is_what_ner_readers_take(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    project = Project.open(path, "amal")
    text = "قال الوزير أنتوني\n\nبلينكن اليوم إن الحل سياسي"
    doc = project.add_document(text).created
    project.add_span(doc, text.index("أنتوني"), text.index("بلينكن") + 6, "ACTOR")
    project.add_document("خبر ثان بلا وسوم")
    project.close()
    out = tmp_path / "c.conll"
    code, _, err = run("export", "--format", "conll", "--out", out, "--db", path)
    assert code == 0 and "crosses a paragraph break" in err
    lines = out.read_text(encoding="utf-8").split("\n")
    assert not any(line.startswith("#") for line in lines)
    assert lines.count("-DOCSTART-\tO") == 2
    rows = [line.split("\t") for line in lines if line and not line.startswith("-DOCSTART-")]
    assert all(len(row) == 2 for row in rows)
    assert ["أنتوني", "B-ACTOR"] in rows and ["بلينكن", "B-ACTOR"] in rows  # split at the break


@pytest.fixture
def nested(tmp_path: Path) -> Path:
    path = tmp_path / "nested.db"
    project = Project.open(path, "amal")
    text = "أكد أنتوني بلينكن أن الولايات المتحدة لا تدعم التطبيع مع نظام الأسد"
    doc = project.add_document(text).created
    find = lambda w: (text.index(w), text.index(w) + len(w))  # noqa: E731
    usa = project.add_span(doc, *find("الولايات المتحدة"), "ACTOR").created
    stance = project.add_span(doc, *find("الولايات المتحدة لا تدعم التطبيع"), "STANCE").created
    assad = project.add_span(doc, *find("نظام الأسد"), "ACTOR").created
    project.add_relation("HELD_BY", stance, usa)  # the nested span is in the link
    project.add_relation("TOWARD", stance, assad)
    project.close()
    return path


def doccano_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8-sig").splitlines()]


def test_doccano_overlaps_are_kept_with_a_warning_naming_the_setting(nested: Path,
                                                                     tmp_path: Path) -> None:
    out = tmp_path / "keep.jsonl"
    code, _, err = run("export", "--format", "doccano", "--out", out, "--db", nested)
    assert code == 0 and "Allow overlapping entity" in err and "1 document(s)" in err
    (line,) = doccano_lines(out)
    assert len(line["entities"]) == 3 and len(line["relations"]) == 2
    back = tmp_path / "back.db"
    assert run("import", out, "--db", back)[0] == 0  # and this tool loads it back as is
    project = Project.open(back, "x")
    (doc,) = project.documents()
    assert len(project.spans(doc.id)) == 3 and len(project.relations(doc.id)) == 2
    project.close()


@pytest.mark.parametrize("mode, lines, entities, links", [
    ("drop-nested", 1, [2], 1), ("split-documents", 2, [2, 1], 1)])
def test_doccano_overlaps_dropped_or_split_for_a_default_project(
        nested: Path, tmp_path: Path, mode: str, lines: int, entities: list[int],
        links: int) -> None:
    out = tmp_path / f"{mode}.jsonl"
    code, _, err = run("export", "--format", "doccano", "--out", out, "--db", nested,
                       "--doccano-overlaps", mode)
    assert code == 0 and f"--doccano-overlaps {mode}: left out" in err
    got = doccano_lines(out)
    assert len(got) == lines and [len(g["entities"]) for g in got] == entities
    for g in got:  # what a default doccano project accepts: no overlap inside a line
        spans = sorted((e["start_offset"], e["end_offset"]) for e in g["entities"])
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    assert sum(len(g["relations"]) for g in got) == links


def test_a_cross_annotator_link_survives_label_studio(tmp_path: Path) -> None:
    path = tmp_path / "ls.db"
    amal = Project.open(path, "amal")
    text = "أكد بلينكن أن القرار 2254 هو الحل الوحيد"
    doc = amal.add_document(text).created
    claim = amal.add_span(doc, text.index("القرار"), len(text), "CLAIM").created
    amal.close()
    basel = Project.open(path, "basel")
    actor = basel.add_span(doc, text.index("بلينكن"), text.index("بلينكن") + 6, "ACTOR").created
    basel.add_relation("SAID_BY", claim, actor)
    basel.close()
    out = tmp_path / "ls.json"
    code, _, err = run("export", "--format", "labelstudio", "--out", out, "--db", path)
    assert code == 0 and "1 link(s) join spans of two annotators" in err
    (task,) = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(a["annotator"] for a in task["annotations"]) == ["amal", "basel"]
    for annotation in task["annotations"]:  # every link's ends are regions of its annotation
        regions = {r["id"] for r in annotation["result"] if r["type"] == "labels"}
        for r in annotation["result"]:
            if r["type"] == "relation":
                assert {r["from_id"], r["to_id"]} <= regions
    back = tmp_path / "back.db"
    code, _, err = run("import", out, "--db", back)
    assert code == 0, err
    project = Project.open(back, "x")
    (d,) = project.documents()
    spans = {s.id: s for s in project.spans(d.id)}
    (rel,) = project.relations(d.id)
    project.close()
    assert set(spans) == {claim, actor}  # no second span from the copy
    assert (spans[claim].annotator, spans[actor].annotator) == ("amal", "basel")
    assert (rel.head, rel.tail, rel.annotator) == (claim, actor, "basel")


def test_rows_repeating_a_text_with_other_values_are_reported_or_kept(db: Path,
                                                                      tmp_path: Path) -> None:
    source = write(tmp_path / "pairs.csv", "s1,s2,stance\n"
                   "الدولار يرتفع اليوم في الأسواق,الذهب يستقر,agree\n"
                   "الدولار يرتفع اليوم في الأسواق,الدولار يهبط,disagree\n"
                   "الدولار يرتفع اليوم في الأسواق,الذهب يستقر,agree\n")  # a true copy
    code, _, err = run("import", source, "--db", db)
    assert code == 0, err
    assert "pairs.csv:3: repeats the text of" in err and "pairs.csv:2" in err
    assert "(s2, stance)" in err and "--keep-duplicates" in err
    assert "pairs.csv:4" not in err  # the same row twice is only a copy
    kept = tmp_path / "kept.db"
    code, _, err = run("import", source, "--db", kept, "--keep-duplicates")
    assert code == 0, err
    project = Project.open(kept, "x")
    stances = sorted(project.document(d.id).meta["stance"] for d in project.documents())
    project.close()
    assert stances == ["agree", "disagree"]  # nothing lost: one document each


def test_the_ans_stance_file_keeps_every_row(tmp_path: Path, shared: Path) -> None:
    source = shared / "corpora" / "ans" / "stance" / "dev.csv"
    rows = len(source.read_text(encoding="utf-8").splitlines()) - 1
    db = tmp_path / "ans.db"
    code, _, err = run("import", source, "--db", db, "--keep-duplicates")
    assert code == 0, err
    copies = rows - len({line for line in source.read_text(encoding="utf-8").splitlines()[1:]})
    project = Project.open(db, "x")
    assert len(project.documents()) == rows - copies
    project.close()


def test_the_fignews_summary_file_is_refused_not_imported(db: Path, shared: Path) -> None:
    source = shared / "corpora" / "fignews2024" / "FIGNEWS-2024-ALL-CLEAN-FLAT.tsv"
    err = refused(db, "import", source)
    assert "no column holds text" in err and "source_language" in err


def test_a_runaway_article_file_is_refused(db: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("annotator.io.encoding.TEXT_FILE_LIMIT", 1000)
    source = write(tmp_path / "huge.txt", "كلمة " * 400)
    assert "huge.txt: is" in refused(db, "import", source, "--format", "txt")


def test_a_repeat_far_down_a_long_file_is_still_told_from_a_copy(db: Path, tmp_path: Path,
                                                                 monkeypatch) -> None:
    monkeypatch.setattr("annotator.bulk_import.RECENT_TEXTS", 2)  # remembered: two texts
    rows = ["s1,s2", "الدولار يرتفع اليوم في الأسواق,الذهب يستقر"]
    rows += [f"خبر رقم {i} عن الاجتماع اليوم,ب" for i in range(5)]
    rows += ["الدولار يرتفع اليوم في الأسواق,الذهب يستقر",  # a copy: nothing to say
             "الدولار يرتفع اليوم في الأسواق,الدولار يهبط"]  # other values: reported
    source = write(tmp_path / "long.csv", "\n".join(rows) + "\n")
    code, _, err = run("import", source, "--db", db)
    assert code == 0, err
    assert "long.csv:9: repeats the text of an earlier row with other values (s2)" in err
    assert "long.csv:8" not in err
