"""Comment threads: add, reply, resolve, a reply reopens; they travel with merge; after
merging the reviewer's file back, an annotator sees the comments on their work and the
places where gold differs from it."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from annotator.errors import NotFoundError, ValidationError
from annotator.project import Project
from annotator.review import comments
from annotator.review.gold import accept_agreements, decide, review


def test_threads_resolve_and_reopen(team) -> None:
    path, docs = team
    rania = Project.open(path, "rania")
    span = next(s for s in rania.spans(docs[2]) if s.annotator == "amal")
    comments.add(rania, docs[2], span.id, "بيدرسن ليس فاعلًا هنا؟")
    comments.add(rania, docs[2], "", "the whole article is off topic")
    [on_span] = [t for t in comments.threads(rania, docs[2]) if t.target == span.id]
    assert not on_span.resolved and on_span.comments[0].annotator == "rania"
    comments.resolve(rania, on_span)
    [on_span] = [t for t in comments.threads(rania, docs[2]) if t.target == span.id]
    assert on_span.resolved
    comments.add(rania, docs[2], span.id, "reopened")
    [on_span] = [t for t in comments.threads(rania, docs[2]) if t.target == span.id]
    assert not on_span.resolved and len(on_span.comments) == 2
    rania.undo()  # the reply, as one step
    [on_span] = [t for t in comments.threads(rania, docs[2]) if t.target == span.id]
    assert on_span.resolved
    with pytest.raises(ValidationError, match="needs some text"):
        comments.add(rania, docs[2], "", "   ")
    with pytest.raises(ValidationError, match="at most"):
        comments.add(rania, docs[2], "", "x" * 10_001)
    with pytest.raises(NotFoundError):
        comments.add(rania, "no-such-document", "", "hello")
    rania.close()


def test_the_round_trip_of_review(team, tmp_path: Path) -> None:
    """amal and basel send their files; the reviewer merges, decides and comments; amal
    merges the reviewer's file back and sees the comments and the differences."""
    path, docs = team
    reviewer_db = tmp_path / "review.db"
    shutil.copy(path, reviewer_db)
    reviewer = Project.open(reviewer_db, "rania")
    for doc_id in docs[:3]:
        doc = review(reviewer, doc_id)
        for unit in doc.open_units:
            # gold takes basel's side wherever basel has something
            decide(reviewer, unit, "basel" if "basel" in unit.holders else None)
        accept_agreements(reviewer, review(reviewer, doc_id))
    pedersen = next(s for s in reviewer.spans(docs[2]) if s.annotator == "amal")
    comments.add(reviewer, docs[2], pedersen.id, "بيدرسن ليس فاعلًا هنا")
    reviewer.close()
    amal = Project.open(path, "amal")
    assert comments.feedback(amal, "amal") == []
    report = amal.merge_database(reviewer_db)
    assert report.counts["comments"].added == 1 and report.counts["decisions"].added > 0
    items = comments.feedback(amal, "amal")
    kinds = [(f.doc_id, f.kind) for f in items]
    assert (docs[2], "comment") in kinds
    said = next(f for f in items if f.kind == "comment")
    assert said.text == "rania: بيدرسن ليس فاعلًا هنا" and said.title == "d2"
    assert said.start == amal.document(docs[2]).text.index("بيدرسن")
    differs = [f for f in items if f.kind == "gold differs"]
    assert {f.doc_id for f in differs} == {docs[0], docs[1], docs[2]}
    assert any("not in gold" in f.text for f in differs)
    assert any("gold has other attributes" in f.text for f in differs)
    assert comments.feedback(amal, "basel") == [] or all(
        f.kind == "gold differs" for f in comments.feedback(amal, "basel"))
    amal.close()


def test_decisions_and_comments_travel_in_jsonl(team, tmp_path: Path) -> None:
    """The native JSON lines carry them: an export loads back with no flags (byte for
    byte the same export again), and merging the file brings them to a colleague."""
    from tests.unit.test_cli import run

    path, docs = team
    reviewer = Project.open(path, "rania")
    doc = review(reviewer, docs[1])
    decide(reviewer, doc.units[0], doc.units[0].holders[0])
    decide(reviewer, doc.units[1], None)
    comments.add(reviewer, docs[1], "", "on the whole document")
    thread = comments.threads(reviewer, docs[1])[0]
    comments.resolve(reviewer, thread)
    reviewer.undo()  # unresolved again: an edit with a base
    reviewer.close()
    out = tmp_path / "review.jsonl"
    assert run("export", "--db", str(path), "--format", "jsonl", "--out", str(out))[0] == 0
    line = next(json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()
                if json.loads(x)["id"] == docs[1])
    assert {d["verdict"] for d in line["decisions"]} == {"accepted", "rejected"}
    assert line["comments"][0]["body"] == "on the whole document"
    assert line["comments"][0]["resolved"] is False and line["comments"][0]["base"]
    fresh = tmp_path / "fresh.db"
    code, _o, err = run("import", str(out), "--db", str(fresh))
    assert code == 0, err
    again = tmp_path / "again.jsonl"
    assert run("export", "--db", str(fresh), "--format", "jsonl", "--out", str(again))[0] == 0
    assert again.read_bytes() == out.read_bytes()
    project = Project.open(fresh, "x")
    assert review(project, docs[1]).decided == review(Project.open(path, "y"), docs[1]).decided
    project.close()
    # amal's own copy from before the review: merging the JSONL brings the review in
    amal_copy = tmp_path / "amal.db"
    shutil.copy(path, amal_copy)
    conn = sqlite3.connect(amal_copy)
    conn.execute("DELETE FROM comments")
    conn.execute("DELETE FROM decisions")
    conn.commit()
    conn.close()
    code, out_text, err = run("merge", str(out), "--db", str(amal_copy), "--json")
    assert code == 0, err
    report = json.loads(out_text)
    assert report["counts"]["comments"]["added"] == 1
    assert report["counts"]["decisions"]["added"] == 2


@pytest.mark.parametrize("bad, message", [
    ({"decisions": [{"id": "x", "verdict": "maybe"}]}, "verdict (accepted or rejected)"),
    ({"comments": [{"id": "x"}]}, "each comment needs an id and a body"),
    ({"comments": "nope"}, "'comments' must be a list"),
])
def test_broken_review_records_in_jsonl_are_sentences(tmp_path: Path, bad, message) -> None:
    from tests.unit.test_cli import run

    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps({"text": "نص", **bad}) + "\n", encoding="utf-8")
    code, _out, err = run("import", str(path), "--db", str(tmp_path / "x.db"))
    assert code == 1 and message in err and "Traceback" not in err
