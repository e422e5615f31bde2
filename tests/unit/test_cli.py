"""The command line: version, stats, exit codes, help with examples for every command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator import __version__
from annotator.cli import main


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    code, out, _ = run("--version")
    assert code == 0 and __version__ in out


def test_stats_json_on_a_new_database(tmp_path: Path) -> None:
    code, out, _ = run("stats", "--db", str(tmp_path / "n.db"), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["documents"] == 0 and data["spans"] == 0 and data["status"] == {}


def test_stats_on_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    bad = tmp_path / "notes.db"
    bad.write_text("hello")
    code, _, err = run("stats", "--db", str(bad))
    assert code == 1 and "notes.db: not an annotator database" in err
    assert bad.read_text() == "hello"


def test_usage_errors_exit_2() -> None:
    assert run("stats", "--bogus")[0] == 2
    assert run("no-such-command")[0] == 2


@pytest.mark.parametrize("command", sorted(main.commands))
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
