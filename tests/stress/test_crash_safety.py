"""Never lose work: SIGKILL at random moments, and two writers on one file."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.project import Project
from tests.helpers import crash

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
@pytest.mark.parametrize("trial", range(20))
def test_sigkill_at_a_random_moment_loses_nothing_returned(tmp_path: Path, trial: int) -> None:
    done = crash.one_trial(tmp_path / "crash.db", random.Random(trial))
    assert done >= 0


def test_expected_state_model_matches_a_run_that_was_not_killed(tmp_path: Path) -> None:
    # Guards the trials' oracle: the same script, run to completion in process.
    path = tmp_path / "model.db"
    project = Project.open(path, "p")
    doc = project.add_document(crash.TEXT).created
    project.close()
    crash.run_child(str(path), doc, limit=37)
    project = Project.open(path, "p")
    assert crash.actual_state(project, doc) == crash.expected_state(37)
    assert crash.actual_state(project, doc) != crash.expected_state(36)
    project.close()


WRITER = """
import sys
from annotator.project import Project
p = Project.open(sys.argv[1], sys.argv[2])
for i in range(int(sys.argv[4])):
    p.add_span(sys.argv[3], i, i + 2, "ACTOR", note=sys.argv[2])
print("ok")
"""


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    project = Project.open(path, "setup")
    doc = project.add_document("ابتثجحخدذرزسشصضطظعغفقكلمنهوي" * 20).created
    project.close()
    n = 300
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), name, doc, str(n)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                cwd=REPO) for name in ("amal", "basel")]
    results = [w.communicate(timeout=300) for w in writers]
    for w, (out, err) in zip(writers, results, strict=True):
        assert w.returncode == 0 and out.strip() == "ok", err
        assert "locked" not in err
    project = Project.open(path, "check")
    notes = [s.note for s in project.spans(doc)]
    assert notes.count("amal") == n and notes.count("basel") == n
    assert project.database.integrity_ok()
    project.close()
