"""The window on a file that others write to: it shows their changes within a second,
never overwrites them, and merges a colleague's file from File > Merge."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.project import Project
from tests.ui.test_editing import label_word

pytestmark = pytest.mark.qt


def other_window(window) -> Project:
    """A second writer on the same file (a script, or a second window)."""
    return Project.open(window.project.path, "basel")


def test_documents_and_labels_committed_elsewhere_appear_keeping_the_selection(
        open_window, qtbot: QtBot) -> None:
    window = open_window()
    actor = label_word(window, qtbot, "بلينكن", Qt.Key.Key_1)
    doc = window.doc.id
    text = window.doc.text
    other = other_window(window)
    try:
        start = text.index("الولايات المتحدة")
        theirs = other.add_span(doc, start, start + len("الولايات المتحدة"), "ACTOR").created
        other.add_document("خبر من سكربت الاستيراد", title="من سكربت")
        qtbot.waitUntil(lambda: window.view.index.get(theirs) is not None, timeout=3000)
    finally:
        other.close()
    assert window.selected == actor and window.doc.id == doc
    assert window.span_table.source_model.rowCount() == 2
    assert window.documents.source_model.rowCount() == 2
    titles = {window.documents.source_model.doc_at(r).title for r in range(2)}
    assert "من سكربت" in titles


def test_a_link_in_progress_survives_a_refresh(open_window, qtbot: QtBot) -> None:
    window = open_window()
    label_word(window, qtbot, "بلينكن", Qt.Key.Key_1)
    claim = label_word(window, qtbot, "الحل الوحيد", Qt.Key.Key_2)
    qtbot.keyClick(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.pending is not None
    other = other_window(window)
    try:
        other.set_doc_label(window.doc.id, "relevance", "relevant")
        qtbot.waitUntil(lambda: window.watcher.check() is False and window.pending is not None
                        and "relevant" in str(window.project.doc_labels(window.doc.id)),
                        timeout=3000)
    finally:
        other.close()
    assert window.pending is not None and window.pending.head.id == claim


def test_an_edit_of_a_span_another_writer_changed_is_refused_and_shown(
        open_window, qtbot: QtBot) -> None:
    window = open_window()
    actor = label_word(window, qtbot, "بلينكن", Qt.Key.Key_1)
    window.watcher._timer.stop()  # the refresh must come from the refusal itself
    other = other_window(window)
    try:
        other.spans(window.doc.id)
        other.update_span(actor, label="CLAIM")
    finally:
        other.close()
    with qtbot.waitSignal(window.runner.refused) as refused:
        qtbot.keyClick(window.view, Qt.Key.Key_3)  # relabel the selected span
    assert "basel changed this span at" in refused.args[0]
    assert window.view.index.get(actor).span.label == "CLAIM"  # the current state
    assert window.project.span(actor).label == "CLAIM"
    assert window.project.undo_text == "Add ACTOR span"


def test_undo_refused_after_another_writer_deleted_the_span(open_window, qtbot) -> None:
    window = open_window()
    actor = label_word(window, qtbot, "بلينكن", Qt.Key.Key_1)
    other = other_window(window)
    try:
        other.delete_span(actor)
    finally:
        other.close()
    with qtbot.waitSignal(window.runner.refused) as refused:
        qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "basel deleted this span" in refused.args[0]
    assert window.view.index.get(actor) is None


def test_file_merge_brings_in_a_colleagues_labels(open_window, qtbot: QtBot,
                                                  tmp_path: Path) -> None:
    window = open_window()
    doc = window.doc.id
    colleague = tmp_path / "basel.db"
    source, target = sqlite3.connect(window.project.path), sqlite3.connect(colleague)
    source.backup(target)  # the open file's last commits are still in its -wal
    source.close()
    target.close()
    other = Project.open(colleague, "basel")
    text = other.document(doc).text
    start = text.index("الولايات المتحدة")
    theirs = other.add_span(doc, start, start + len("الولايات المتحدة"), "ACTOR").created
    other.close()
    window.merge_file(colleague)
    qtbot.waitUntil(lambda: not window.transfer.busy, timeout=20000)
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.objectName() == "merge_report")
    assert "spans: 1 added" in box.text()
    box.close()
    assert window.view.index.get(theirs) is not None
    assert window.project.span(theirs).annotator == "basel"
