"""Merging a colleague's database: every kind of record, new, unchanged, edited on one
side or both, deleted; idempotence; schemes; files that must be refused."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.errors import AnnotatorError
from annotator.io.merging import merge_path
from annotator.project import Project
from annotator.storage import migrations as schema
from annotator.storage import open_database
from tests.helpers.cli import fingerprint, run
from tests.helpers.exchange import OTHER_TEXT, TEXT, file_digest, find, live_records, shared_start


@pytest.fixture
def pair(tmp_path: Path):
    a_path, b_path, doc = shared_start(tmp_path)
    a, b = Project.open(a_path, "amal"), Project.open(b_path, "basel")
    yield a, b, doc
    a.close()
    b.close()


def merge(into: Project, other: Project):
    return merge_path(into, other.path)


def test_new_records_of_every_kind_are_added_with_their_author(pair) -> None:
    a, b, doc = pair
    usa = b.add_span(doc, *find(TEXT, "الولايات المتحدة"), "ACTOR").created
    stance = b.add_span(doc, *find(TEXT, "لا تدعم تطبيع العلاقات"), "STANCE",
                        attributes={"value": "rejects_normalization"}).created
    b.add_relation("HELD_BY", stance, usa)
    b.set_doc_label(doc, "stance", "rejects_normalization")
    other_doc = b.add_document(OTHER_TEXT, title="ثان").created
    report = merge(a, b)
    c = report.counts
    assert (c["spans"].added, c["relations"].added, c["doc_labels"].added,
            c["documents"].added) == (2, 1, 1, 1)
    assert c["spans"].unchanged == 1 and c["documents"].unchanged == 1
    assert {s.annotator for s in a.spans(doc)} == {"amal", "basel"}
    assert a.document(other_doc).title == "ثان"
    assert live_records(a) == live_records(b)


def test_merging_twice_changes_nothing(pair) -> None:
    a, b, doc = pair
    b.add_span(doc, *find(TEXT, "الولايات المتحدة"), "ACTOR")
    b.delete_span(b.spans(doc)[0].id)
    merge(a, b)
    before = fingerprint(a.path)
    again = merge(a, b)
    assert not again.changed and not again.conflicts
    assert fingerprint(a.path) == before


def test_an_edit_on_one_side_is_an_update_not_a_conflict(pair) -> None:
    a, b, doc = pair
    blinken = a.spans(doc)[0].id
    b.update_span(blinken, attributes={"type": "person"})
    report = merge(a, b)
    assert report.counts["spans"].updated == 1 and not report.conflicts
    assert a.span(blinken).attributes == {"type": "person"}
    # and back: the other side sees our version as its own older one
    assert merge(b, a).counts["spans"].unchanged == 1


def test_edits_on_both_sides_are_a_conflict_the_later_wins_the_loser_is_kept(pair) -> None:
    a, b, doc = pair
    blinken = a.spans(doc)[0].id
    a.update_span(blinken, note="رأي أمل")
    b.update_span(blinken, note="رأي باسل")  # later
    report = merge(a, b)
    (conflict,) = report.conflicts
    assert conflict.kept["note"] == "رأي باسل" and conflict.lost["note"] == "رأي أمل"
    assert a.span(blinken).note == "رأي باسل"
    lost = [h for h in a.history(blinken) if h["reason"] == "conflict"]
    assert lost[-1]["row"]["note"] == "رأي أمل"
    restored = a.restore_version(lost[-1]["seq"])
    assert a.span(blinken).note == "رأي أمل" and restored.spans == {blinken}
    a.undo()
    assert a.span(blinken).note == "رأي باسل"
    # the other side converges on the same decision, and reports it too
    back = merge(b, a)
    assert back.counts["spans"].conflicts == 1 or back.counts["spans"].unchanged == 1
    assert live_records(a) == live_records(b)


def test_a_deletion_travels_and_takes_its_links(pair) -> None:
    a, b, doc = pair
    blinken = a.spans(doc)[0].id
    claim = a.add_span(doc, *find(TEXT, "الحل الوحيد"), "CLAIM").created
    a.add_relation("SAID_BY", claim, blinken)
    merge(b, a)
    b.delete_span(blinken)
    report = merge(a, b)
    assert report.counts["spans"].updated == 1 and report.counts["relations"].updated == 1
    assert [s.id for s in a.spans(doc)] == [claim] and a.relations(doc) == []


def test_a_link_to_a_span_deleted_on_the_other_side_is_removed_and_reported(pair) -> None:
    a, b, doc = pair
    blinken = a.spans(doc)[0].id
    claim = a.add_span(doc, *find(TEXT, "الحل الوحيد"), "CLAIM").created
    a.add_relation("SAID_BY", claim, blinken)
    b.delete_span(blinken)
    report = merge(a, b)
    assert len(report.removed_links) == 1 and "deleted by basel" in report.removed_links[0]
    assert a.relations(doc) == []
    merge(b, a)
    assert live_records(a) == live_records(b)


def test_document_labels_and_status_merge(pair) -> None:
    a, b, doc = pair
    a.set_doc_label(doc, "stance", "rejects_normalization")
    b.set_doc_label(doc, "stance", "neutral")
    b.set_status(doc, "done")
    report = merge(a, b)
    assert report.counts["doc_labels"].added == 1
    assert {(x.annotator, x.value) for x in a.doc_labels(doc)} == {
        ("amal", "rejects_normalization"), ("basel", "neutral")}
    assert a.document(doc).status == "done"


def test_the_same_field_set_on_two_copies_by_one_annotator_keeps_one_value(pair) -> None:
    a, b, doc = pair
    b.annotator = "amal"  # the same analyst on a second machine
    a.set_doc_label(doc, "stance", "rejects_normalization")
    b.set_doc_label(doc, "stance", "neutral")  # later
    report = merge(a, b)
    assert report.counts["doc_labels"].conflicts == 1
    assert [x.value for x in a.doc_labels(doc)] == ["neutral"]
    merge(b, a)
    assert live_records(a) == live_records(b)


def test_same_id_with_another_text_is_a_conflict_and_not_merged(tmp_path: Path) -> None:
    a = Project.open(tmp_path / "a.db", "amal")
    b = Project.open(tmp_path / "b.db", "basel")
    doc = a.add_document(TEXT).created
    conn = sqlite3.connect(tmp_path / "c.db")
    conn.close()
    b.import_records([_record(doc, OTHER_TEXT)])
    b.add_span(doc, 0, 3, "ACTOR")
    report = merge(a, b)
    assert len(report.document_conflicts) == 1 and doc in report.document_conflicts[0]
    assert a.spans(doc) == [] and a.document(doc).text == TEXT
    a.close()
    b.close()


def _record(doc_id: str, text: str):
    from annotator.records import DocumentRecord

    return DocumentRecord(text=text, where="test", key=doc_id)


def test_schemes_are_unioned_and_differences_reported(pair, tmp_path: Path) -> None:
    a, b, _doc = pair
    line = {"text": OTHER_TEXT, "spans": [
        {"start": 0, "end": 3, "label": "EVENT", "attributes": {}},
        {"start": 4, "end": 7, "label": "ACTOR", "attributes": {"type": "militia"}}]}
    source = tmp_path / "grow.jsonl"
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    b.import_records(__import__("annotator.io.jsonl", fromlist=["x"]).read_jsonl(source),
                     add_labels=True)
    report = merge(a, b)
    assert a.scheme.label("EVENT") is not None
    assert a.scheme.label("ACTOR").attribute("type").choice("militia") is not None
    assert any("EVENT" in x for x in report.scheme_additions)
    assert any("ACTOR.type" in x for x in report.scheme_conflicts)
    assert len(a.documents()) == 2


def test_the_other_file_is_never_changed(pair) -> None:
    a, b, doc = pair
    b.add_span(doc, *find(TEXT, "الولايات المتحدة"), "ACTOR")
    b.close()
    before = file_digest(b.path)
    merge(a, b)
    assert file_digest(b.path) == before
    b.__init__(open_database(b.path), "basel")  # reopen for the fixture's close


def test_a_file_from_an_older_schema_merges_and_stays_as_it_was(tmp_path: Path) -> None:
    old = tmp_path / "old.db"
    open_database(old, stop_before=schema.known_names()[1]).close()
    conn = sqlite3.connect(old)
    now = "2026-01-01T00:00:00.000000+00:00"
    toml = (Path(__file__).resolve().parents[3] / "resources" / "schemes" /
            "media_monitoring.toml").read_text(encoding="utf-8")
    conn.execute("INSERT INTO schemes (scheme_id, toml, created_at) VALUES (?, ?, ?)",
                 ["media_monitoring", toml, now])
    import hashlib
    sha = hashlib.sha256(TEXT.encode()).hexdigest()
    conn.execute("INSERT INTO documents (id, sha256, text, created_at, updated_at) "
                 "VALUES ('d1', ?, ?, ?, ?)", [sha, TEXT, now, now])
    conn.execute("INSERT INTO spans (id, doc_id, start, \"end\", label, annotator, created_at, "
                 "updated_at) VALUES ('s1', 'd1', 28, 41, 'ACTOR', 'old', ?, ?)", [now, now])
    conn.commit()
    conn.close()
    before = file_digest(old)
    project = Project.open(tmp_path / "new.db", "amal")
    report = merge_path(project, old)
    assert report.counts["spans"].added == 1 and project.spans("d1")[0].annotator == "old"
    assert file_digest(old) == before
    project.close()


@pytest.mark.parametrize("case", ["not sqlite", "other program", "newer", "folder", "missing"])
def test_files_that_are_not_mergeable_are_refused_and_nothing_changes(
        tmp_path: Path, case: str) -> None:
    other = tmp_path / "other.db"
    if case == "not sqlite":
        other.write_text("title,text\nأ,ب\n", encoding="utf-8")
    elif case == "other program":
        conn = sqlite3.connect(other)
        conn.execute("CREATE TABLE notes (x)")
        conn.commit()
        conn.close()
    elif case == "newer":
        Project.open(other, "x").close()
        conn = sqlite3.connect(other)
        conn.execute("PRAGMA user_version = 99")
        conn.commit()
        conn.close()
    elif case == "folder":
        other.mkdir()
    target = tmp_path / "mine.db"
    Project.open(target, "amal").close()
    before = fingerprint(target)
    other_before = file_digest(other) if other.is_file() else None
    code, _, err = run("merge", other, "--db", target)
    assert code == 1 and "Traceback" not in err and str(other) in err, err
    assert fingerprint(target) == before
    if other_before is not None:
        assert file_digest(other) == other_before


def test_a_read_only_file_merges(pair) -> None:
    a, b, doc = pair
    b.add_span(doc, *find(TEXT, "الولايات المتحدة"), "ACTOR")
    b.close()
    b.path.chmod(0o444)
    try:
        assert merge_path(a, b.path).counts["spans"].added == 1
    finally:
        b.path.chmod(0o644)
    b.__init__(open_database(b.path), "basel")


LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
if sys.argv[2] == "exclusive":  # no other process may even read the file
    conn.execute("PRAGMA locking_mode=EXCLUSIVE")
    conn.execute("UPDATE documents SET title = title")
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE documents SET title = 'half-written'")
print("locked", flush=True)
time.sleep(20)
"""


def _locker(path: Path, mode: str) -> subprocess.Popen:
    locker = subprocess.Popen([sys.executable, "-c", LOCKER, str(path), mode],
                              stdout=subprocess.PIPE, text=True)
    assert locker.stdout is not None and locker.stdout.readline().strip() == "locked"
    return locker


def _stop(locker: subprocess.Popen) -> None:
    locker.kill()
    locker.wait()
    assert locker.stdout is not None
    locker.stdout.close()


def test_a_file_being_written_merges_its_committed_state_without_waiting(pair) -> None:
    a, b, doc = pair
    b.add_span(doc, *find(TEXT, "الولايات المتحدة"), "ACTOR")
    b.close()
    locker = _locker(b.path, "wal")
    try:
        report = merge_path(a, b.path)
    finally:
        _stop(locker)
    assert report.counts["spans"].added == 1
    assert a.document(doc).title == "بلينكن"  # not the uncommitted title
    b.__init__(open_database(b.path), "basel")


def test_a_file_locked_by_a_writer_is_refused_with_a_message(pair, monkeypatch) -> None:
    a, b, _doc = pair
    b.close()
    monkeypatch.setattr("annotator.storage.database.OTHER_TIMEOUT_S", 0.2)
    locker = _locker(b.path, "exclusive")
    try:
        before = fingerprint(a.path)
        with pytest.raises(AnnotatorError, match="locked"):
            merge_path(a, b.path)
        assert fingerprint(a.path) == before
    finally:
        _stop(locker)
    b.__init__(open_database(b.path), "basel")


def test_merge_command_reports_counts_as_json(pair) -> None:
    a, b, doc = pair
    b.add_span(doc, *find(TEXT, "الولايات المتحدة"), "ACTOR")
    b.close()
    a.close()
    code, out, err = run("merge", b.path, "--db", a.path, "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["counts"]["spans"]["added"] == 1
    assert report["counts"]["spans"]["unchanged"] == 1
    a.__init__(open_database(a.path), "amal")
    b.__init__(open_database(b.path), "basel")


def test_jsonl_exports_exchanged_both_ways_converge(pair, tmp_path: Path) -> None:
    a, b, doc = pair
    blinken = a.spans(doc)[0].id
    a.update_span(blinken, attributes={"type": "person"})
    a.set_doc_label(doc, "relevance", "relevant")
    b.add_span(doc, *find(TEXT, "الولايات المتحدة"), "ACTOR")
    b.delete_span(blinken)
    a.close()
    b.close()
    for src, dst in ((a.path, b.path), (b.path, a.path)):
        out = tmp_path / f"{src.stem}.jsonl"
        assert run("export", "--format", "jsonl", "--out", out, "--db", src)[0] == 0
        code, _, err = run("merge", out, "--db", dst)
        assert code == 0, err
    a.__init__(open_database(a.path), "amal")
    b.__init__(open_database(b.path), "basel")
    assert live_records(a) == live_records(b)
    # Basel deleted Blinken after Amal's edit reached nobody: the later edit (the deletion)
    # wins on both sides, and Amal's version stays in the span's history.
    assert blinken not in {s.id for s in a.spans(doc)}


def test_import_of_a_colleagues_export_merges_instead_of_skipping(pair, tmp_path) -> None:
    a, b, doc = pair
    b.add_span(doc, *find(TEXT, "الولايات المتحدة"), "ACTOR")
    b.set_status(doc, "done")
    b.close()
    out = tmp_path / "basel.jsonl"
    run("export", "--format", "jsonl", "--out", out, "--db", b.path)
    a.close()
    code, text, err = run("import", out, "--db", a.path)
    assert code == 0, err
    a.__init__(open_database(a.path), "amal")
    b.__init__(open_database(b.path), "basel")
    assert len(a.spans(doc)) == 2 and a.document(doc).status == "done"
    assert "merged" in text


def test_a_lost_version_is_listed_and_restored_from_the_command_line(pair) -> None:
    a, b, doc = pair
    blinken = a.spans(doc)[0].id
    a.update_span(blinken, note="رأي أمل")
    b.update_span(blinken, note="رأي باسل")
    merge(a, b)
    a.close()
    code, out, _ = run("conflicts", "--db", a.path, "--json")
    (lost,) = json.loads(out)
    assert code == 0 and lost["row"]["note"] == "رأي أمل" and lost["record_id"] == blinken
    code, out, err = run("restore", str(lost["seq"]), "--db", a.path)
    assert code == 0, err
    code, _, err = run("restore", "999999", "--db", a.path)
    assert code == 1 and "no replaced version" in err
    a.__init__(open_database(a.path), "amal")
    assert a.span(blinken).note == "رأي أمل"


def test_the_same_article_imported_by_two_colleagues_is_one_document(tmp_path: Path) -> None:
    a, b = Project.open(tmp_path / "a.db", "amal"), Project.open(tmp_path / "b.db", "basel")
    mine = a.add_document(TEXT, title="بلينكن").created
    theirs = b.add_document(TEXT.replace("\n", "\r\n"), title="بلينكن").created
    assert mine != theirs
    b.add_span(theirs, *find(TEXT, "أنتوني بلينكن"), "ACTOR")
    report = merge(a, b)
    assert report.counts["documents"].added == 0 and not report.conflicts
    assert len(a.documents()) == 1 and a.spans(mine)[0].annotator == "basel"
    a.close()
    b.close()
