"""The first start on Linux names every missing system library, and the commands that
install them, before Qt aborts with its own (misleading) message."""

from __future__ import annotations

import sys

import pytest

from annotator import desktop_check
from tests.helpers.cli import run

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")


def test_every_missing_library_is_named_with_its_packages(monkeypatch) -> None:
    gone = {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}
    monkeypatch.setattr(desktop_check, "_loads", lambda name: name not in gone)
    problem = desktop_check.window_problem({"DISPLAY": ":0"})
    assert problem is not None
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in problem
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in problem
    assert "sudo dnf install xcb-util-wm xcb-util-keysyms" in problem
    assert "libxcb-cursor" not in problem  # present: not named, unlike Qt's own message


def test_no_display_is_said_plainly(monkeypatch) -> None:
    assert "DISPLAY is not set" in desktop_check.window_problem({})
    assert desktop_check.window_problem({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_all_present_means_no_problem(monkeypatch) -> None:
    monkeypatch.setattr(desktop_check, "_loads", lambda name: True)
    assert desktop_check.window_problem({"DISPLAY": ":0"}) is None


def test_the_window_command_stops_with_the_message(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.setattr(desktop_check, "_loads", lambda name: name != "libxcb-cursor.so.0")
    code, _, err = run("--db", tmp_path / "w.db")
    assert code == 1 and "libxcb-cursor.so.0" in err and "libxcb-cursor0" in err
    assert not (tmp_path / "w.db").exists()


def test_the_readme_lists_every_system_package_the_check_knows() -> None:
    from tests.conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    debian = next(line for line in readme.splitlines() if line.startswith("  Debian, Ubuntu:"))
    fedora = next(line for line in readme.splitlines() if line.startswith("  Fedora:"))
    for _, deb, fed in desktop_check.XCB_LIBRARIES:
        assert f" {deb}" in debian and f" {fed}" in fedora, (deb, fed)
