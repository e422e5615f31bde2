"""The README's commands are the ones CI runs, and it documents every CLI command."""

from __future__ import annotations

import re

from annotator.cli import cli
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    commands = re.findall(r"```sh\n(.+?)\n```", README)
    test_cmd = next(c for c in commands if "pytest" in c)
    assert test_cmd in (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert any(c.endswith(".venv/bin/annotator") for c in commands)


def test_readme_mentions_every_cli_command() -> None:
    for name in cli.commands:
        assert f"annotator {name}" in README
