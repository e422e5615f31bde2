"""File > Import and File > Export in the window, dropping files, Cancel, and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.ui.background import BackgroundTask
from annotator.ui.export_dialog import ExportDialog
from annotator.ui.import_dialog import ImportDialog
from tests.helpers.cli import fingerprint

pytestmark = pytest.mark.qt


def jsonl(path: Path, n: int, label: str = "ACTOR") -> Path:
    lines = [json.dumps({"text": f"قال المتحدث رقم {i} إن الحل سياسي", "title": f"خبر {i}",
                         "spans": [{"start": 0, "end": 3, "label": label}]},
                        ensure_ascii=False) for i in range(n)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def open_dialog(window, qtbot: QtBot, cls):
    dialog = window.findChild(cls)
    qtbot.waitUntil(lambda: window.findChild(cls) is not None and window.findChild(cls).isVisible())
    return window.findChild(cls) or dialog


def finish(window, qtbot: QtBot) -> None:
    """Imports, exports and merges run in the background: wait for the one running."""
    qtbot.waitUntil(lambda: not window.transfer.busy, timeout=20000)


def visible_box(name: str) -> QMessageBox:
    return next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.objectName() == name and w.isVisible())


def test_import_through_the_menu(open_window, qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window()
    source = jsonl(tmp_path / "in.jsonl", 5)
    qtbot.keyClick(window.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(window, qtbot, ImportDialog)
    assert not dialog.ok.isEnabled()  # nothing chosen yet
    dialog.add_path(source)
    dialog.ok.click()
    finish(window, qtbot)
    assert len(window.project.documents()) == 6
    assert window.documents.source_model.rowCount() == 6
    assert "Imported 5 documents (5 spans" in visible_box("import_report").text()


def test_dropping_files_opens_the_import(open_window, qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window()
    source = jsonl(tmp_path / "dropped.jsonl", 2)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    event = QDropEvent(QPoint(50, 50).toPointF(), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    dialog = open_dialog(window, qtbot, ImportDialog)
    assert dialog.chosen_paths() == [source]
    dialog.ok.click()
    finish(window, qtbot)
    assert len(window.project.documents()) == 3


def test_a_bad_file_is_explained_and_changes_nothing(open_window, qtbot: QtBot,
                                                     tmp_path: Path) -> None:
    window = open_window()
    source = jsonl(tmp_path / "bad.jsonl", 3, label="PERSON")
    before = fingerprint(tmp_path / "work.db")
    window.import_files([source])
    dialog = open_dialog(window, qtbot, ImportDialog)
    dialog.ok.click()
    finish(window, qtbot)
    box = visible_box("task_error")
    assert "bad.jsonl:1: unknown label 'PERSON'" in box.text()
    box.close()
    assert fingerprint(tmp_path / "work.db") == before
    assert window.documents.source_model.rowCount() == 1


def test_adding_labels_rebuilds_the_palette(open_window, qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window()
    source = jsonl(tmp_path / "new.jsonl", 2, label="PERSON")
    window.import_files([source])
    dialog = open_dialog(window, qtbot, ImportDialog)
    dialog.add_labels.setChecked(True)
    dialog.ok.click()
    finish(window, qtbot)
    current = next(w for w in QApplication.topLevelWidgets()
                   if w.__class__.__name__ == "MainWindow" and w.isVisible())
    assert "label:PERSON" in current.actions


@pytest.mark.parametrize("at", [50, 200, 400])
def test_cancel_rolls_back_the_file(open_window, qtbot: QtBot, tmp_path: Path,
                                    monkeypatch: pytest.MonkeyPatch, at: int) -> None:
    window = open_window()
    source = jsonl(tmp_path / "many.jsonl", 400)
    before = fingerprint(tmp_path / "work.db")
    original = BackgroundTask._tick

    def press_cancel_midway(self, count: int, name: str = "") -> None:
        if count == at:
            self.cancel()  # what the Cancel button does, from the worker's side
        original(self, count, name)

    monkeypatch.setattr(BackgroundTask, "_tick", press_cancel_midway)
    window.import_files([source])
    open_dialog(window, qtbot, ImportDialog).ok.click()
    finish(window, qtbot)
    assert fingerprint(tmp_path / "work.db") == before
    assert "Cancelled" in window.statusBar().currentMessage()


def test_export_through_the_menu(open_window, qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window()
    text = window.doc.text
    start = text.index("بلينكن")
    window.project.add_span(window.doc.id, start, start + 6, "ACTOR")
    qtbot.keyClick(window.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = open_dialog(window, qtbot, ExportDialog)
    dialog.format.setCurrentText("jsonl")
    out = tmp_path / "out.jsonl"
    dialog.out.setText(str(out))
    dialog.ok.click()
    finish(window, qtbot)
    [line] = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["spans"][0]["text"] == "بلينكن"
    assert "Exported 1 documents" in visible_box("export_report").text()


def test_export_with_filters_and_split(open_window, qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window()
    window.export_documents()
    dialog = open_dialog(window, qtbot, ExportDialog)
    dialog.labels["CLAIM"].setChecked(False)
    dialog.split.setChecked(True)
    options = dialog.options()
    assert options.labels == ["ACTOR", "STANCE"] and options.split == (0.8, 0.1, 0.1)
    dialog.out.setText(str(tmp_path / "sets"))
    dialog.ok.click()
    finish(window, qtbot)
    assert {p.suffix for p in (tmp_path / "sets").iterdir()} == {".jsonl"}


def test_the_window_stays_usable_and_a_second_import_waits_its_turn(
        open_window, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    window = open_window()
    release = threading.Event()
    original = BackgroundTask._tick

    def slow(self, count: int, name: str = "") -> None:
        release.wait(10)  # the import is still reading its file
        original(self, count, name)

    monkeypatch.setattr(BackgroundTask, "_tick", slow)
    window.import_files([jsonl(tmp_path / "first.jsonl", 3)])
    open_dialog(window, qtbot, ImportDialog).ok.click()
    assert window.transfer.busy and window.transfer.progress.isVisible()
    assert not window.actions["import"].isEnabled() and not window.actions["merge"].isEnabled()
    assert window.actions["label:ACTOR"].isEnabled()  # the rest of the window works
    window.merge_file(tmp_path / "other.db")  # a second task is refused, not queued
    assert "Another import, export or merge is running" in window.statusBar().currentMessage()
    window.transfer.progress.cancel.click()  # the Cancel button, in the status bar
    release.set()
    finish(window, qtbot)
    assert "Cancelled" in window.statusBar().currentMessage()
    assert len(window.project.documents()) == 1 and window.actions["import"].isEnabled()


def test_the_import_preview_shows_the_file_and_its_roles_change_the_result(
        open_window, qtbot: QtBot, tmp_path: Path) -> None:
    source = tmp_path / "desk.csv"
    source.write_text("headline,body,outlet,when,ref\n"
                      "بيان الوزارة,قال الوزير اليوم إن الحل سياسي في سوريا,الجزيرة,2024-01-05,a1\n"
                      "خبر ثان,أكد المتحدث أن الاجتماع سيعقد غدا في عمان,بلدي,2024-01-06,a2\n",
                      encoding="utf-8")
    window = open_window()
    window.import_files([source])
    dialog = open_dialog(window, qtbot, ImportDialog)
    preview = dialog.preview
    assert "csv" in preview.summary.text() and "2 documents" in preview.summary.text()
    assert preview.rows.item(0, 0).text() == "بيان الوزارة"
    roles = preview.roles
    assert roles["text"].currentData() == "body" and roles["title"].currentData() == "headline"
    assert roles["source"].currentData() == "outlet"  # found by its name
    assert roles["date"].currentData() == ""  # "when" is not a name it knows
    for role, column in (("date", "when"), ("title", "")):
        box = roles[role]
        box.setCurrentIndex(box.findData(column))
        box.activated.emit(box.currentIndex())
    assert preview.rows.item(0, 0).text() == ""  # no title column any more
    dialog.ok.click()
    finish(window, qtbot)
    docs = {window.project.document(d.id).source: window.project.document(d.id)
            for d in window.project.documents() if d.source}
    assert docs["الجزيرة"].published == "2024-01-05" and docs["الجزيرة"].title == ""
    assert docs["الجزيرة"].meta == {"ref": "a1", "headline": "بيان الوزارة"}
