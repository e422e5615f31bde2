"""Readers never wait for a writer: opening, stats, export and window reads work while
another process holds the write lock (a long import or merge), as WAL allows."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.errors import StorageError
from annotator.project import Project
from tests.helpers.cli import run
from tests.helpers.exchange import TEXT, find

HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE documents SET title = 'being imported'")
print("writing", flush=True)
time.sleep(30)
"""


@pytest.fixture
def busy_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Path, str]]:
    path = tmp_path / "team.db"
    project = Project.open(path, "amal")
    doc = project.add_document(TEXT, title="بلينكن").created
    project.add_span(doc, *find(TEXT, "أنتوني بلينكن"), "ACTOR")
    project.close()
    # Any wait for the lock would now fail at once instead of passing slowly.
    monkeypatch.setattr("annotator.storage.database.BUSY_TIMEOUT_S", 0.05)
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(path)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "writing"
    yield path, doc
    holder.kill()
    holder.wait()
    holder.stdout.close()


def test_opening_and_reading_while_another_process_writes(busy_file) -> None:
    path, doc = busy_file
    project = Project.open(path, "basel")
    assert [s.label for s in project.spans(doc)] == ["ACTOR"]
    assert project.document(doc).title == "بلينكن"  # the last committed state
    assert len(project.documents()) == 1
    project.close()


def test_stats_and_export_while_another_process_writes(busy_file, tmp_path: Path) -> None:
    path, _ = busy_file
    code, out, err = run("stats", "--db", path, "--json")
    assert code == 0, err
    assert json.loads(out)["spans"] == 1
    code, _, err = run("export", "--format", "jsonl", "--out", tmp_path / "x.jsonl", "--db", path)
    assert code == 0, err


def test_a_writer_that_cannot_get_the_lock_says_so_and_changes_nothing(busy_file) -> None:
    path, doc = busy_file
    project = Project.open(path, "basel")
    with pytest.raises(StorageError, match="another program"):
        project.add_span(doc, *find(TEXT, "الولايات المتحدة"), "ACTOR")
    assert project.undo_text is None
    project.close()


def test_a_long_writer_says_what_it_is_while_it_writes(tmp_path: Path) -> None:
    path = tmp_path / "team.db"
    writer, reader = Project.open(path, "salma"), Project.open(path, "basel")
    assert reader.database.current_writer() is None
    with writer.database.writer_note("import by salma"):
        assert "import by salma (process" in (reader.database.current_writer() or "")
    assert reader.database.current_writer() is None
    writer.close()
    reader.close()
