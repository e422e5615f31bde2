"""The bundle is the app: run from a clean environment (no virtual environment, no
PYTHONPATH, a new HOME), its one executable answers --version, imports, exports and opens
the window. Runs only where `bash packaging/build.sh` has built dist/annotator."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

EXE = REPO / "dist" / "annotator" / ("annotator.exe" if sys.platform == "win32" else "annotator")

pytestmark = pytest.mark.skipif(not EXE.is_file(),
                                reason="no bundle: run `bash packaging/build.sh` first")


@pytest.fixture
def clean_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    (home / ".config" / "annotator").mkdir(parents=True)
    # The name an analyst gives on first start, so that the window does not ask.
    (home / ".config" / "annotator" / "annotator.ini").write_text(
        "[General]\nannotator=bundle-tester\nlanguage=en\n", encoding="utf-8")
    env = {"HOME": str(home), "PATH": os.defpath, "LANG": "C.UTF-8",
           "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(home / ".config"),
           "XDG_DATA_HOME": str(home / ".local" / "share")}
    for keep in ("SYSTEMROOT", "TEMP", "TMP", "APPDATA", "USERPROFILE"):  # Windows needs
        if keep in os.environ:
            env[keep] = os.environ[keep]
    return env


def bundle(env: dict[str, str], *args: str | Path, timeout: float = 120
           ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(EXE), *map(str, args)], env=env, capture_output=True,
                          text=True, timeout=timeout, cwd=env["HOME"])


def test_version(clean_env: dict[str, str]) -> None:
    from annotator import __version__

    result = bundle(clean_env, "--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_import_the_seed_and_export_jsonl(clean_env: dict[str, str], tmp_path: Path) -> None:
    db = tmp_path / "team.db"
    result = bundle(clean_env, "import", REPO / "seeds", "--db", db, "--annotator", "amal")
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out.jsonl"
    result = bundle(clean_env, "export", "--format", "jsonl", "--out", out, "--db", db)
    assert result.returncode == 0, result.stderr
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert "بلينكن" in json.loads(line)["text"]
    stats = json.loads(bundle(clean_env, "stats", "--db", db, "--json").stdout)
    assert stats["documents"] == 1
    # the search and the review are in the bundle too
    found = json.loads(bundle(clean_env, "search", "بلينكن", "--db", db, "--json").stdout)
    assert found["documents"] == 1 and found["hits"]
    result = bundle(clean_env, "agreement", "--db", db)
    assert result.returncode == 1 and "at least two annotators" in result.stderr


def test_import_a_fignews_sample(clean_env: dict[str, str], tmp_path: Path,
                                 shared: Path) -> None:
    source = shared / "corpora" / "fignews2024" / "FIGNEWS-2024-TEXT-IAA.tsv"
    db = tmp_path / "fignews.db"
    result = bundle(clean_env, "import", source, "--db", db)
    assert result.returncode == 0, result.stderr
    assert json.loads(bundle(clean_env, "stats", "--db", db, "--json").stdout)["documents"] > 0


def test_the_window_opens_and_paints(clean_env: dict[str, str], tmp_path: Path) -> None:
    env = {**clean_env, "ANNOTATOR_QUIT_AFTER_FIRST_PAINT": "1"}
    result = bundle(env, timeout=60)  # the per-user database, made with the seed article
    assert result.returncode == 0, result.stderr
    assert "annotator: first paint" in result.stderr and "Traceback" not in result.stderr
    data = Path(env["XDG_DATA_HOME"]) / "annotator" / "annotator.db"
    assert data.is_file()  # where the README says the per-user database lives
