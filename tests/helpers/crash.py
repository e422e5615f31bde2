"""Kill-at-random-moment trials: a child applies scripted actions, the parent SIGKILLs it.

The script is deterministic, so the parent can compute the state after any number of
completed actions and compare it with what the reopened database holds.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from annotator.project import Project

TEXT = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" * 200  # no whitespace: every range is a valid span


def span_range(i: int) -> tuple[int, int]:
    start = (i * 7) % (len(TEXT) - 10)
    return start, start + 5


def run_child(path: str, doc_id: str, limit: int = 1_000_000) -> None:
    """Runs in the child process; prints `done i` after each action returns."""
    project = Project.open(path, "crash-child")
    ids: dict[str, str] = {}
    print("ready", flush=True)
    for i in range(limit):
        r, m = divmod(i, 4)
        if m == 0:
            ids[f"c{i}"] = project.add_span(doc_id, *span_range(i), "CLAIM", note=f"c{i}").created
        elif m == 1:
            ids[f"a{i}"] = project.add_span(doc_id, *span_range(i), "ACTOR", note=f"a{i}").created
        elif m == 2:
            project.add_relation("SAID_BY", ids[f"c{i - 2}"], ids[f"a{i - 1}"])
        elif r % 3 == 0:
            project.delete_span(ids[f"a{i - 2}"])  # tombstones the relation too
        elif r % 3 == 1:
            project.update_span(ids[f"a{i - 2}"], attributes={"type": "person"})
        else:
            project.undo()  # takes back the relation added at m == 2
        print(f"done {i}", flush=True)
    project.close()


def expected_state(k: int) -> tuple[dict[str, dict], set[tuple[str, str]]]:
    spans: dict[str, dict] = {}
    rels: set[tuple[str, str]] = set()
    for i in range(k):
        r, m = divmod(i, 4)
        if m == 0:
            spans[f"c{i}"] = {}
        elif m == 1:
            spans[f"a{i}"] = {}
        elif m == 2:
            rels.add((f"c{i - 2}", f"a{i - 1}"))
        elif r % 3 == 0:
            del spans[f"a{i - 2}"]
            rels.discard((f"c{i - 3}", f"a{i - 2}"))
        elif r % 3 == 1:
            spans[f"a{i - 2}"] = {"type": "person"}
        else:
            rels.discard((f"c{i - 3}", f"a{i - 2}"))
    return spans, rels


def actual_state(project: Project, doc_id: str) -> tuple[dict[str, dict], set[tuple[str, str]]]:
    spans = {s.id: s for s in project.spans(doc_id)}
    by_note = {s.note: dict(s.attributes) for s in spans.values()}
    rels = set()
    for r in project.relations(doc_id):
        assert r.head in spans and r.tail in spans, "a live relation points to a deleted span"
        rels.add((spans[r.head].note, spans[r.tail].note))
    return by_note, rels


def one_trial(path: Path, rng: random.Random) -> int:
    """One child, killed at a random moment; returns how many actions it completed."""
    project = Project.open(path, "parent")
    doc_id = project.add_document(TEXT).created
    project.close()
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; from tests.helpers.crash import run_child; "
         "run_child(sys.argv[1], sys.argv[2])", str(path), doc_id],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[2])
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(iter(child.stdout.readline, "")))
    reader.start()
    deadline = time.monotonic() + 60
    while "ready\n" not in lines and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.005)
    time.sleep(rng.uniform(0.0, 0.4))
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    reader.join()
    child.stdout.close()
    assert "ready\n" in lines, "the child never started"
    done = sum(1 for line in lines if line.startswith("done "))
    reopened = Project.open(path, "parent")
    try:
        assert reopened.database.integrity_ok()
        actual = actual_state(reopened, doc_id)
        assert actual in (expected_state(done), expected_state(done + 1)), (
            f"after {done} completed actions the database holds {actual}")
    finally:
        reopened.close()
    return done
