"""Starting, closing and reopening: nothing to save, everything restored."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QLabel
from pytestqt.qtbot import QtBot

from annotator.ui.app import ask_name
from annotator.ui.settings import Settings
from tests.ui.conftest import select_text

pytestmark = pytest.mark.qt


def answer_next_dialog(text: str | None) -> None:
    """Type into the next modal QInputDialog and accept it (None: cancel)."""
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(20, answer)
            return
        if text is None:
            dialog.reject()
        else:
            dialog.setTextValue(text)
            dialog.accept()
    QTimer.singleShot(20, answer)


def test_close_and_reopen_keeps_everything(open_window, qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window()
    text = window.doc.text
    second = window.project.add_document("خبر ثان", title="ثان").created
    window.document_panel.refresh()
    start = text.find("بلينكن")
    select_text(window, start, start + 6)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    actor = window.selected
    start = text.find("الحل الوحيد")
    select_text(window, start, start + len("الحل الوحيد"))
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    qtbot.keyClick(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    window.on_span_clicked(actor)
    first = window.doc.id
    expected = (window.project.spans(first), window.project.relations(first))
    window.resize(780, 700)  # inside the offscreen screen, which restoreGeometry clamps to
    qtbot.wait(10)
    window.splitter.setSizes([200, 380, 190])
    sizes, size = window.splitter.sizes(), window.size()
    window.documents.choose(second)
    window.documents.choose(first)
    window.close()  # no question asked: everything is committed already
    assert not window.isVisible()

    again = open_window()
    assert again.doc.id == first  # the last open document
    assert (again.project.spans(first), again.project.relations(first)) == expected
    assert len(again.view.index) == 2 and again.relations.count() == 1
    assert again.size() == size and again.splitter.sizes() == sizes


def test_last_document_is_restored(open_window, tmp_path: Path) -> None:
    window = open_window()
    second = window.project.add_document("خبر ثان", title="ثان").created
    window.document_panel.refresh()
    window.documents.choose(second)
    window.close()
    assert open_window().doc.id == second


def test_first_run_asks_for_the_annotator_name(qapp) -> None:
    settings = Settings()
    settings.annotator = ""
    answer_next_dialog("  سلمى  ")
    assert ask_name(settings) == "سلمى"
    assert Settings().annotator == "سلمى"
    assert ask_name(Settings()) == "سلمى"  # remembered: no second question


def test_cancelling_the_name_question_starts_nothing(qapp) -> None:
    settings = Settings()
    settings.annotator = ""
    answer_next_dialog(None)
    assert ask_name(settings) == ""


def test_annotator_name_can_be_changed(open_window, qtbot: QtBot) -> None:
    window = open_window()
    answer_next_dialog("basel")
    qtbot.mouseClick(window.annotator_button, Qt.MouseButton.LeftButton)
    assert "basel" in window.annotator_button.text()
    assert window.project.annotator == "basel" and Settings().annotator == "basel"
    with qtbot.waitActive(window):
        window.activateWindow()
    text = window.doc.text
    start = text.find("بلينكن")
    select_text(window, start, start + 6)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert window.project.span(window.selected).annotator == "basel"


def test_zoom_is_remembered(open_window, qtbot: QtBot) -> None:
    window = open_window()
    size = window.view.font().pointSizeF()
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.font().pointSizeF() > size
    window.close()
    assert open_window().view.font().pointSizeF() > size


def test_an_empty_database_opens_and_labelling_keys_do_nothing(open_window, qtbot: QtBot,
                                                               tmp_path: Path) -> None:
    from annotator.project import Project

    Project.open(tmp_path / "empty.db", "amal").close()  # exists: no seed
    window = open_window(tmp_path / "empty.db")
    assert window.doc is None and window.documents.source_model.rowCount() == 0
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.project.counts()["spans"] == 0


def test_a_file_that_is_not_a_database_is_explained(qapp, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    from annotator.ui.app import run

    Settings().annotator = "amal"
    bad = tmp_path / "notes.db"
    bad.write_text("my notes")
    seen: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, close_box)
            return
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(20, close_box)
    assert run(bad) == 1
    assert "not an annotator database" in seen[0]
    assert bad.read_text() == "my notes"


def test_the_window_shows_its_name_version_icon_and_licences(open_window, qtbot) -> None:
    from annotator import __version__
    from annotator.ui.about_dialog import AboutDialog

    window = open_window()
    assert window.windowTitle().startswith(f"annotator {__version__}")
    assert not window.windowIcon().isNull()
    window.actions["about"].trigger()
    dialog = window.findChild(AboutDialog)
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    text = dialog.licences.toPlainText()
    for licence in ("GPL-3.0-or-later", "SIL Open Font License", "LGPL-3.0", "PSF"):
        assert licence in text
    assert __version__ in dialog.findChild(QLabel, "about_title").text()
    dialog.close()
