"""Label all matches: planned with duplicates and overlaps marked, written as one step,
undone as one step, refused whole on a bad label."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import AnnotatorError
from annotator.search.corpus import search
from annotator.search.label_all import DUPLICATE, NEW, OVERLAPS, apply, plan
from annotator.seeds import open_project


@pytest.fixture
def project(tmp_path: Path):
    p = open_project(tmp_path / "work.db", "amal", with_seeds=True)
    p.add_document("🇸🇾 وقال أنتوني بلينكـــن إن الهدنة صامدة", title="ثان")
    yield p
    p.close()


def test_every_mention_of_blinken_labelled_in_one_step(project) -> None:
    hits = search(project.database, "بلينكن").hits
    seed = project.documents()[0].id
    text = project.document(seed).text
    first = text.index("بلينكن")
    project.add_span(seed, first, first + 6, "ACTOR")            # already labelled
    claim = text.index("أنتوني بلينكن")
    project.add_span(seed, claim, claim + 13, "CLAIM")           # overlaps the first hit
    planned = plan(project, hits, "ACTOR")
    assert [p.mark for p in planned].count(DUPLICATE) == 1
    assert planned[0].mark == DUPLICATE
    assert all(p.mark in (NEW, OVERLAPS) for p in planned[1:])
    before = {d.id: len(project.spans(d.id)) for d in project.documents()}
    changes = apply(project, planned, "ACTOR")
    assert len(changes.spans) == len(hits) - 1
    for hit in hits:
        doc = project.document(hit.doc_id)
        assert any(s.label == "ACTOR" and doc.text[s.start:s.end] == hit.text
                   for s in project.spans(hit.doc_id))
    project.undo()  # one step takes them all back
    assert {d.id: len(project.spans(d.id)) for d in project.documents()} == before
    project.redo()
    assert sum(len(project.spans(d.id)) for d in project.documents()) == \
        sum(before.values()) + len(hits) - 1


def test_a_bad_label_writes_nothing(project) -> None:
    hits = search(project.database, "بلينكن").hits
    with pytest.raises(AnnotatorError):
        apply(project, plan(project, hits, "NO_SUCH"), "NO_SUCH")
    assert all(project.spans(d.id) == [] for d in project.documents())
