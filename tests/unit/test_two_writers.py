"""Two windows (two Projects) on one file: no action of one ever overwrites, reverts or
brings back what the other changed since it last saw it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.errors import ConcurrentEditError
from annotator.project import Project
from tests.helpers.exchange import TEXT, find

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def windows(tmp_path: Path):
    path = tmp_path / "shared.db"
    first = Project.open(path, "amal")
    doc = first.add_document(TEXT).created
    actor = first.add_span(doc, *find(TEXT, "أنتوني بلينكن"), "ACTOR").created
    claim = first.add_span(doc, *find(TEXT, "الحل الوحيد"), "CLAIM").created
    first.clear_history()
    second = Project.open(path, "basel")
    ids = {"doc": doc, "actor": actor, "claim": claim}
    yield first, second, ids
    first.close()
    second.close()


Ids = dict[str, str]
Action = Callable[[Project, Ids], object]

# What window one does (an undoable action), and what window two then does to the same
# records; `state` reads what must survive.
KINDS: dict[str, tuple[Action, Action, Callable[[Project, Ids], object]]] = {
    "label": (lambda p, i: p.update_span(i["claim"], label="STANCE"),
              lambda p, i: p.update_span(i["claim"], note="basel's note"),
              lambda p, i: p.span(i["claim"]).note),
    "attributes": (lambda p, i: p.update_span(i["actor"], attributes={"type": "person"}),
                   lambda p, i: p.update_span(i["actor"], attributes={"type": "state"}),
                   lambda p, i: p.span(i["actor"]).attributes),
    "note": (lambda p, i: p.update_span(i["actor"], note="amal"),
             lambda p, i: p.delete_span(i["actor"]),
             lambda p, i: [s.id for s in p.spans(i["doc"])]),
    "boundary": (lambda p, i: p.update_span(i["claim"], end=find(TEXT, "الحل")[1]),
                 lambda p, i: p.update_span(i["claim"], label="ACTOR"),
                 lambda p, i: p.span(i["claim"]).label),
    "add span": (lambda p, i: i.__setitem__("new", p.add_span(
                     i["doc"], *find(TEXT, "الولايات المتحدة"), "ACTOR").created),
                 lambda p, i: p.update_span(i["new"], note="basel keeps it"),
                 lambda p, i: p.span(i["new"]).note),
    "delete span": (lambda p, i: p.delete_span(i["claim"]),
                    lambda p, i: None,  # set below: the other window cannot see it
                    lambda p, i: None),
    "add link": (lambda p, i: i.__setitem__("link", p.add_relation(
                     "SAID_BY", i["claim"], i["actor"]).created),
                 lambda p, i: p.delete_relation(i["link"]),
                 lambda p, i: p.relations(i["doc"])),
    "document label": (lambda p, i: p.set_doc_label(i["doc"], "stance", "neutral"),
                       lambda p, i: p.set_status(i["doc"], "done"),
                       lambda p, i: p.document(i["doc"]).status),
    "status": (lambda p, i: p.set_status(i["doc"], "done"),
               lambda p, i: p.set_status(i["doc"], "new"),
               lambda p, i: p.document(i["doc"]).status),
}
INTERFERING = [k for k in KINDS if k not in ("delete span", "document label")]


@pytest.mark.parametrize("kind", INTERFERING)
def test_undo_never_reverts_what_the_other_window_changed_since(windows, kind: str) -> None:
    one, two, ids = windows
    do, interfere, state = KINDS[kind]
    do(one, ids)
    interfere(two, ids)
    kept = state(two, ids)
    with pytest.raises(ConcurrentEditError, match="basel"):
        one.undo()
    assert state(one, ids) == kept
    assert one.undo_text is None  # the step can never apply cleanly; it is dropped


# After undoing an addition, the record is deleted: the other window cannot edit it.
REDO_INTERFERING = [k for k in INTERFERING if not k.startswith("add ")]


@pytest.mark.parametrize("kind", REDO_INTERFERING)
def test_redo_never_overwrites_what_the_other_window_changed_since(windows, kind: str) -> None:
    one, two, ids = windows
    do, interfere, state = KINDS[kind]
    do(one, ids)
    one.undo()
    interfere(two, ids)
    kept = state(two, ids)
    with pytest.raises(ConcurrentEditError):
        one.redo()
    assert state(one, ids) == kept


def test_undo_never_brings_back_a_span_the_other_window_deleted(windows) -> None:
    one, two, ids = windows
    one.update_span(ids["actor"], note="amal")
    two.delete_span(ids["actor"])
    with pytest.raises(ConcurrentEditError, match="basel deleted this span"):
        one.undo()
    assert ids["actor"] not in {s.id for s in one.spans(ids["doc"])}


def test_undo_of_a_delete_does_not_revive_over_the_other_windows_revival(windows) -> None:
    one, two, ids = windows
    link = one.add_relation("SAID_BY", ids["claim"], ids["actor"]).created
    one.delete_span(ids["actor"])  # takes the link with it
    two.undo()  # nothing of basel's to undo
    one.undo()
    assert {r.id for r in one.relations(ids["doc"])} == {link}


@pytest.mark.parametrize("kind", ["label", "attributes", "note", "boundary", "delete"])
def test_an_edit_of_a_record_changed_since_it_was_read_is_refused(windows, kind) -> None:
    one, two, ids = windows
    one.spans(ids["doc"])  # what window one shows
    two.update_span(ids["actor"], note="basel's note")
    edit = {"label": lambda: one.update_span(ids["actor"], label="CLAIM"),
            "attributes": lambda: one.update_span(ids["actor"], attributes={"type": "state"}),
            "note": lambda: one.update_span(ids["actor"], note="amal's"),
            "boundary": lambda: one.update_span(ids["actor"], start=0),
            "delete": lambda: one.delete_span(ids["actor"])}[kind]
    with pytest.raises(ConcurrentEditError, match="basel changed this span at"):
        edit()
    assert one.span(ids["actor"]).note == "basel's note"
    edit()  # having now seen the current state, the same action goes through


def test_status_and_document_labels_changed_elsewhere_are_not_overwritten(windows) -> None:
    one, two, ids = windows
    one.document(ids["doc"])
    one.doc_labels(ids["doc"])
    two.set_status(ids["doc"], "done")
    with pytest.raises(ConcurrentEditError):
        one.set_status(ids["doc"], "new")
    assert one.document(ids["doc"]).status == "done"
    two.annotator = "amal"  # the same analyst in a second window
    two.set_doc_label(ids["doc"], "stance", "neutral")
    with pytest.raises(ConcurrentEditError):
        one.set_doc_label(ids["doc"], "stance", "conditional")


def test_growing_the_scheme_never_drops_a_label_another_window_added(windows,
                                                                    tmp_path: Path) -> None:
    from annotator.records import DocumentRecord, SpanRecord

    one, two, ids = windows
    two.import_records([DocumentRecord("نص أول للتجربة", "a", spans=[
        SpanRecord(0, 2, "EVENT")])], add_labels=True)
    one.import_records([DocumentRecord("نص ثان للتجربة", "b", spans=[
        SpanRecord(0, 2, "PLACE")])], add_labels=True)
    fresh = Project.open(one.path, "x")
    assert fresh.scheme.label("EVENT") and fresh.scheme.label("PLACE")
    fresh.close()
    # and an action in the window with the older copy picks up the newer scheme
    assert two.add_span(ids["doc"], *find(TEXT, "القرار"), "PLACE").scheme


UNDOER = """
import sys
from annotator.project import Project
from annotator.errors import ConcurrentEditError
p = Project.open(sys.argv[1], "process")
p.spans(sys.argv[2])
p.update_span(sys.argv[3], note="from the process")
print("edited", flush=True)
sys.stdin.readline()
try:
    p.undo()
    print("undone")
except ConcurrentEditError as exc:
    print("refused:", exc)
"""


def test_two_processes_undo_never_reverts_the_other(windows) -> None:
    one, _, ids = windows
    child = subprocess.Popen([sys.executable, "-c", UNDOER, str(one.path), ids["doc"],
                              ids["actor"]], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True, cwd=REPO)
    assert child.stdout is not None and child.stdin is not None
    assert child.stdout.readline().strip() == "edited"
    one.spans(ids["doc"])
    one.update_span(ids["actor"], note="from the window")
    out, _ = child.communicate("go\n", timeout=60)
    assert out.startswith("refused: Undo Edit note: amal changed this span"), out
    assert one.span(ids["actor"]).note == "from the window"
