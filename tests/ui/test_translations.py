"""The Arabic interface: every string translated, the .qm current, the window mirrored."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from annotator.ui.main_window import MainWindow
from tests.conftest import REPO

pytestmark = pytest.mark.qt
TS = REPO / "resources" / "translations" / "annotator_ar.ts"
QM = REPO / "resources" / "translations" / "annotator_ar.qm"
TOOLS = Path(sys.executable).parent


def tool(name: str) -> str:
    found = shutil.which(name, path=str(TOOLS)) or shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed next to this Python")
    return found


def test_every_interface_string_has_an_arabic_translation(tmp_path: Path) -> None:
    ts = tmp_path / "check.ts"
    shutil.copy(TS, ts)
    sources = sorted(str(p) for p in (REPO / "annotator" / "ui").glob("*.py"))
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources,
                    "-ts", str(ts)], check=True, capture_output=True)
    text = ts.read_text(encoding="utf-8")
    assert 'type="unfinished"' not in text, "run packaging/update_translations.sh, translate"
    assert text.count("<message>") >= 40


def test_the_compiled_translation_is_current(tmp_path: Path) -> None:
    qm = tmp_path / "check.qm"
    subprocess.run([tool("pyside6-lrelease"), str(TS), "-qm", str(qm)], check=True,
                   capture_output=True)
    assert qm.read_bytes() == QM.read_bytes(), "run packaging/update_translations.sh"


def test_arabic_window_is_mirrored_and_translated(open_window, qtbot: QtBot) -> None:
    window = open_window(lang="ar")
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    titles = [m.title() for m in window.menus.values()]
    assert "&ملف" in titles and "&File" not in titles
    assert window.tabs.tabText(0) == "الوسوم"
    assert window.actions["label:ACTOR"].text() == "فاعل"
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # nothing selected
    assert "حدّد نصًا أولًا" in window.statusBar().currentMessage()
    # The splitter mirrors: the document list sits on the right in Arabic.
    assert window.documents.mapTo(window, window.documents.rect().topLeft()).x() > \
        window.view.mapTo(window, window.view.rect().topLeft()).x()


def test_switching_language_rebuilds_the_window(open_window, qtbot: QtBot) -> None:
    window = open_window(lang="en")
    doc_id = window.doc.id
    window.actions["language_ar"].trigger()
    shown = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, MainWindow) and w.isVisible()]
    assert len(shown) == 1 and shown[0] is not window
    assert shown[0].layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert shown[0].doc.id == doc_id  # the same document stays open
    assert window.settings.language == "ar"
