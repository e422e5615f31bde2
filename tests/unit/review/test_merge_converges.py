"""Random edits on two copies of a database, merged both ways: both end with the same
live records (hypothesis)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.errors import AnnotatorError
from annotator.io.merging import merge_path
from annotator.project import Project
from tests.helpers.exchange import TEXT, live_records, shared_start

WORDS = [(i, i + 4) for i in range(0, 100, 6)]  # start, end of word-ish ranges
OPS = st.tuples(st.sampled_from(["add", "note", "attr", "delete", "link", "label", "status",
                                 "undo", "redo", "relabel"]),
                st.integers(0, 50), st.integers(0, 50))


def apply(project: Project, doc: str, ops: list[tuple[str, int, int]]) -> None:
    for op, x, y in ops:
        spans = project.spans(doc)
        pick = spans[x % len(spans)].id if spans else None
        try:
            if op == "add":
                start, end = WORDS[x % len(WORDS)]
                project.add_span(doc, start, end, ["ACTOR", "CLAIM", "STANCE"][y % 3])
            elif op == "note" and pick:
                project.update_span(pick, note=f"n{y}")
            elif op == "attr" and pick and spans[x % len(spans)].label == "ACTOR":
                project.update_span(pick, attributes={"type": ["person", "state"][y % 2]})
            elif op == "relabel" and pick:
                project.update_span(pick, label=["ACTOR", "CLAIM"][y % 2])
            elif op == "delete" and pick:
                project.delete_span(pick)
            elif op == "link" and len(spans) > 1:
                project.add_relation("SAID_BY", spans[x % len(spans)].id,
                                     spans[y % len(spans)].id)
            elif op == "label":
                project.set_doc_label(doc, "stance", ["neutral", "conditional", None][y % 3])
            elif op == "status":
                project.set_status(doc, ["new", "in_progress", "done"][y % 3])
            elif op == "undo":
                project.undo()
            elif op == "redo":
                project.redo()
        except AnnotatorError:
            pass  # refused edits (a bad link, a duplicate span) change nothing


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(OPS, max_size=12), st.lists(OPS, max_size=12), st.booleans())
def test_two_copies_edited_at_random_converge_after_merging_both_ways(
        ops_a: list, ops_b: list, a_first: bool) -> None:
    assert TEXT
    with tempfile.TemporaryDirectory() as folder:
        a_path, b_path, doc = shared_start(Path(folder))
        a, b = Project.open(a_path, "amal"), Project.open(b_path, "basel")
        try:
            first, second = (a, b) if a_first else (b, a)
            apply(first, doc, ops_a)
            apply(second, doc, ops_b)
            merge_path(a, b_path)
            merge_path(b, a_path)
            assert live_records(a) == live_records(b)
            # and a second round changes nothing on either side
            assert not merge_path(a, b_path).changed
            assert not merge_path(b, a_path).changed
            assert a.database.integrity_ok() and b.database.integrity_ok()
        finally:
            a.close()
            b.close()
    shutil.rmtree(folder, ignore_errors=True)
