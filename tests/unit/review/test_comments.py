"""Comment threads: add, reply, resolve, a reply reopens; they travel with merge; after
merging the reviewer's file back, an annotator sees the comments on their work and the
places where gold differs from it."""

from __future__ import annotations

import shutil
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
