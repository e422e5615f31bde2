"""The command line: version, stats, exit codes, help with examples for every command."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator import __version__
from annotator.cli import cli, main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and __version__ in out


def test_stats_json_on_a_new_database(tmp_path: Path) -> None:
    from annotator.project import Project

    Project.open(tmp_path / "n.db", "x").close()
    code, out, _ = run("stats", "--db", str(tmp_path / "n.db"), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["documents"] == 0 and data["spans"] == 0 and data["status"] == {}


def test_stats_refuses_a_database_that_does_not_exist(tmp_path: Path) -> None:
    code, _, err = run("stats", "--db", str(tmp_path / "typo.db"))
    assert code == 1 and "typo.db: no such database" in err
    assert not (tmp_path / "typo.db").exists()


def test_stats_on_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("hello")
    code, _, err = run("stats", "--db", str(bad))
    assert code == 1 and "notes.db: not an annotator database" in err
    assert bad.read_text() == "hello"


def test_usage_errors_exit_2() -> None:
    assert run("stats", "--bogus")[0] == 2
    assert run("no-such-command")[0] == 2


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0 and "Example" in out and f"annotator {command}" in out


def test_scripts_get_no_progress_noise(tmp_path: Path) -> None:
    source = tmp_path / "many.jsonl"
    source.write_text("".join(json.dumps({"text": f"خبر رقم {n}"}) + "\n" for n in range(450)),
                      encoding="utf-8")
    code, out, err = run("import", str(source), "--db", str(tmp_path / "p.db"))
    assert code == 0 and "imported 450 documents" in out, err
    assert "\r" not in err and err == ""  # not a terminal: quiet


def test_version_and_help_answer_without_loading_the_core() -> None:
    import subprocess
    import sys

    script = ("import sys\nfrom annotator.cli import main\n"
              "for args in (['--version'], ['--help'], ['import', '--help']):\n"
              "    try:\n        main(args)\n    except SystemExit:\n        pass\n"
              "heavy = [m for m in ('annotator.project', 'annotator.io.exporter', "
              "'annotator.storage', 'sqlite_utils', 'PySide6') if m in sys.modules]\n"
              "print('loaded:', heavy)")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         timeout=60).stdout
    assert "loaded: []" in out, out


def test_a_bug_shows_one_line_and_the_log_path_never_a_traceback(
        tmp_path, monkeypatch, capsys) -> None:
    from annotator.project import Project

    db = tmp_path / "x.db"
    Project.open(db, "x").close()

    def broken(_conn):
        raise RuntimeError("a bug deep inside")

    monkeypatch.setattr("annotator.storage.repository.counts", broken)
    with pytest.raises(SystemExit) as exit_:
        main(["stats", "--db", str(db)])
    err = capsys.readouterr().err
    assert exit_.value.code == 1
    assert "unexpected error (RuntimeError: a bug deep inside)" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    log = Path(os.environ["ANNOTATOR_DATA_DIR"]) / "annotator.log"
    assert str(log) in err and "Traceback" in log.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [["conflicts"], ["restore", "1"]])
def test_reading_commands_refuse_a_missing_database(tmp_path: Path, command: list[str]) -> None:
    code, _, err = run(*command, "--db", str(tmp_path / "typo.db"))
    assert code == 1 and "typo.db: no such database" in err
    assert not (tmp_path / "typo.db").exists()
