"""Shared fixtures: a fresh project per test, the shared corpora, a headless Qt platform."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before pytest-qt creates a QApplication: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from annotator.project import Project

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ANNOTATOR_SHARED", REPO.parent / "shared"))


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory: pytest.TempPathFactory,
                      monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may touch the real per-user database."""
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(tmp_path_factory.mktemp("userdata")))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "work.db"


@pytest.fixture
def project(db_path: Path) -> Iterator[Project]:
    p = Project.open(db_path, "tester")
    yield p
    p.close()


@pytest.fixture
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"the shared data folder {SHARED} is absent (a fresh clone)")
    return SHARED
