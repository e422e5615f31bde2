"""Relations, attributes, notes, boundaries, undo and redo, documents: through the window."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from annotator.errors import StorageError
from annotator.ui.shortcuts_dialog import ShortcutsDialog
from tests.ui.conftest import point_of, select_text

pytestmark = pytest.mark.qt


def label_word(window, qtbot: QtBot, word: str, key: Qt.Key, occurrence: int = 0) -> str:
    text = window.doc.text
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(word, start + 1)
    select_text(window, start, start + len(word))
    qtbot.keyClick(window.view, key)
    return window.selected


def click_span_text(window, qtbot: QtBot, cp: int) -> None:
    viewport = window.view.viewport()
    point = point_of(window, cp)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)


def test_link_a_claim_to_its_actor_by_mouse(open_window, qtbot: QtBot) -> None:
    window = open_window()
    actor = label_word(window, qtbot, "أنتوني بلينكن", Qt.Key.Key_1)
    claim = label_word(window, qtbot, "الحل الوحيد لإنهاء الصراع في سوريا", Qt.Key.Key_2)
    assert window.selected == claim
    qtbot.keyClick(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)  # SAID_BY
    assert window.pending is not None
    click_span_text(window, qtbot, window.doc.text.index("بلينكن"))
    [rel] = window.project.relations(window.doc.id)
    assert (rel.type, rel.head, rel.tail) == ("SAID_BY", claim, actor)
    assert window.pending is None
    assert window.relations.count() == 1
    assert window.editor.links.count() == 1  # the claim's editor lists its actor


def test_link_by_keyboard_with_tab_and_enter(open_window, qtbot: QtBot) -> None:
    window = open_window()
    usa = label_word(window, qtbot, "الولايات المتحدة", Qt.Key.Key_1, occurrence=1)
    assad = label_word(window, qtbot, "نظام الأسد", Qt.Key.Key_1)
    stance = label_word(window, qtbot, "لا تدعم تطبيع العلاقات", Qt.Key.Key_3)
    qtbot.keyClick(window.view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # HELD_BY
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    candidate = window.pending.current
    assert candidate is not None and candidate.id in (usa, assad)
    while window.pending.current.id != usa:
        qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    window.select_span(stance)
    qtbot.keyClick(window.view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # TOWARD
    while window.pending.current is None or window.pending.current.id != assad:
        qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    rels = {(r.type, r.head, r.tail) for r in window.project.relations(window.doc.id)}
    assert rels == {("HELD_BY", stance, usa), ("TOWARD", stance, assad)}


def test_invalid_link_is_refused_with_a_reason(open_window, qtbot: QtBot) -> None:
    window = open_window()
    actor = label_word(window, qtbot, "بلينكن", Qt.Key.Key_1)
    other = label_word(window, qtbot, "الصفدي", Qt.Key.Key_1)
    window.select_span(actor)
    qtbot.keyClick(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.pending is None
    assert "must start at CLAIM, not ACTOR" in window.statusBar().currentMessage()
    claim = label_word(window, qtbot, "الحل الوحيد", Qt.Key.Key_2)
    qtbot.keyClick(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    # A claim is not an actor: clicking the claim itself is refused by the facade.
    click_span_text(window, qtbot, window.doc.text.index("الحل الوحيد") + 2)
    assert "two different spans" in window.statusBar().currentMessage()
    assert window.project.relations(window.doc.id) == []
    assert {actor, other, claim} == {s.id for s in window.project.spans(window.doc.id)}


def test_escape_cancels_linking(open_window, qtbot: QtBot) -> None:
    window = open_window()
    label_word(window, qtbot, "الحل الوحيد", Qt.Key.Key_2)
    qtbot.keyClick(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.pending is None and not window.actions["pick_confirm"].isEnabled()


def test_edit_attributes_note_and_label_in_the_panel(open_window, qtbot: QtBot) -> None:
    window = open_window()
    span_id = label_word(window, qtbot, "الولايات المتحدة لا تدعم تطبيع العلاقات", Qt.Key.Key_3)
    box = window.editor.attribute_box("value")
    box.setCurrentIndex(box.findData("rejects_normalization"))
    box.activated.emit(box.currentIndex())
    assert window.project.span(span_id).attributes == {"value": "rejects_normalization"}
    window.editor.note_edit.setFocus()
    window.editor.note_edit.setText("موقف واشنطن")
    qtbot.keyClick(window.editor.note_edit, Qt.Key.Key_Return)
    assert window.project.span(span_id).note == "موقف واشنطن"
    label_box = window.editor.label_box
    label_box.setCurrentIndex(label_box.findData("CLAIM"))
    label_box.activated.emit(label_box.currentIndex())
    assert window.project.span(span_id).label == "CLAIM"
    row = window.span_table.source_model.row_of(span_id)
    assert window.span_table.source_model.index(row, 0).data() == "Claim"
    assert window.actions["undo"].text() == "Undo Change label to CLAIM"


def test_label_key_on_a_selected_span_changes_its_label(open_window, qtbot: QtBot) -> None:
    window = open_window()
    span_id = label_word(window, qtbot, "واشنطن", Qt.Key.Key_2)
    window.view.setTextCursor(window.view.textCursor())  # no text selection, span selected
    cursor = window.view.textCursor()
    cursor.clearSelection()
    window.view.setTextCursor(cursor)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)  # no certainty for this claim
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert window.project.span(span_id).label == "ACTOR"


def test_move_boundaries_by_keyboard(open_window, qtbot: QtBot) -> None:
    window = open_window()
    text = window.doc.text
    span_id = label_word(window, qtbot, "بلينكن", Qt.Key.Key_1)  # in "أنتوني بلينكن،"
    # Right to left: Alt+Right moves the start back toward أنتوني (earlier in reading).
    qtbot.keyClick(window.view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    span = window.project.span(span_id)
    assert text[span.start:span.end] == "ي بلينكن"
    # Alt+Shift+Right moves the end back: one letter less.
    qtbot.keyClick(window.view, Qt.Key.Key_Right,
                   Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    span = window.project.span(span_id)
    assert text[span.start:span.end] == "ي بلينك"


def test_delete_key_deletes_the_selected_span_and_its_links(open_window, qtbot: QtBot) -> None:
    window = open_window()
    actor = label_word(window, qtbot, "بلينكن", Qt.Key.Key_1)
    claim = label_word(window, qtbot, "الحل الوحيد", Qt.Key.Key_2)
    window.project.add_relation("SAID_BY", claim, actor)
    window.select_span(actor)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert [s.id for s in window.project.spans(window.doc.id)] == [claim]
    assert window.project.relations(window.doc.id) == []
    assert window.view.index.get(actor) is None
    assert window.span_table.source_model.rowCount() == 1


def test_click_selects_and_clicking_again_cycles_overlaps(open_window, qtbot: QtBot) -> None:
    window = open_window()
    outer = label_word(window, qtbot, "الولايات المتحدة لا تدعم", Qt.Key.Key_3)
    inner = label_word(window, qtbot, "الولايات المتحدة", Qt.Key.Key_1, occurrence=1)
    cursor = window.view.textCursor()
    cursor.clearSelection()
    window.view.setTextCursor(cursor)
    cp = window.doc.text.index("المتحدة لا تدعم") + 2
    seen = []
    for _ in range(3):
        click_span_text(window, qtbot, cp)
        seen.append(window.selected)
    assert seen == [inner, outer, inner]
    row = window.span_table.currentIndex()
    assert row.isValid()


def test_selecting_in_the_table_scrolls_to_and_flashes_the_span(open_window, qtbot: QtBot) -> None:
    window = open_window()
    far = label_word(window, qtbot, "اللجنة الدستورية", Qt.Key.Key_1)
    label_word(window, qtbot, "بلينكن", Qt.Key.Key_1)
    window.view.verticalScrollBar().setValue(0)
    table = window.span_table
    table.setCurrentIndex(table.source_model.index(table.source_model.row_of(far), 1))
    assert window.selected == far
    assert window.view.painter.flashing == far
    assert window.view.verticalScrollBar().value() > 0


def test_undo_and_redo_by_keyboard_name_the_action(open_window, qtbot: QtBot) -> None:
    window = open_window()
    label_word(window, qtbot, "بلينكن", Qt.Key.Key_1)
    assert window.actions["undo"].text() == "Undo Add ACTOR span"
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.spans(window.doc.id) == [] and len(window.view.index) == 0
    assert window.actions["redo"].text() == "Redo Add ACTOR span"
    qtbot.keyClick(window.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(window.project.spans(window.doc.id)) == 1 and len(window.view.index) == 1
    assert window.span_table.source_model.rowCount() == 1


def test_document_fields_panel(open_window, qtbot: QtBot) -> None:
    window = open_window()
    box = window.doc_fields.boxes["stance"]
    box.setCurrentIndex(box.findData("rejects_normalization"))
    box.activated.emit(box.currentIndex())
    [label] = window.project.doc_labels(window.doc.id)
    assert (label.field, label.value, label.annotator) == ("stance", "rejects_normalization",
                                                           "amal")
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.doc_labels(window.doc.id) == []
    assert box.currentData() == ""


def test_documents_next_previous_and_done(open_window, qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window()
    second = window.project.add_document("خبر ثان عن الاجتماع", title="الثاني").created
    window.document_panel.refresh()
    window.documents.choose(window.project.documents()[0].id)
    first = window.doc.id
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.id == second
    qtbot.keyClick(window.view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.doc.id == first
    qtbot.keyClick(window.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.project.document(first).status == "done"
    assert window.doc.id == second
    model = window.documents.source_model
    assert model.index(model.row_of(first), 2).data() == "done"


def test_failed_write_is_shown_and_nothing_is_half_applied(open_window, qtbot: QtBot,
                                                          monkeypatch) -> None:
    window = open_window()
    label_word(window, qtbot, "بلينكن", Qt.Key.Key_1)

    def disk_full(*_args, **_kwargs):
        raise StorageError(f"{window.project.path}: the disk is full; nothing was written")

    monkeypatch.setattr(window.project, "add_span", disk_full)
    with qtbot.waitSignal(window.runner.failed) as failed:
        label_word(window, qtbot, "الصفدي", Qt.Key.Key_1)
    assert "disk is full" in failed.args[0]
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.isVisible())
    assert "not saved" in box.text()
    box.close()
    assert len(window.project.spans(window.doc.id)) == 1
    assert len(window.view.index) == 1 and window.span_table.source_model.rowCount() == 1


def test_a_change_made_while_another_program_writes_waits_and_is_kept(
        open_window, qtbot: QtBot, tmp_path: Path) -> None:
    window = open_window()
    blocker = sqlite3.connect(tmp_path / "work.db", isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with qtbot.waitSignal(window.runner.waiting) as waiting:
            label_word(window, qtbot, "بلينكن", Qt.Key.Key_1)
        assert "Waiting for another program" in waiting.args[0]
        assert "Waiting" in window.waiting_label.text()
        label_word(window, qtbot, "الصفدي", Qt.Key.Key_1)  # queues behind the first
        assert window.runner.queued == 2 and window.project.spans(window.doc.id) == []
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    qtbot.waitUntil(lambda: window.runner.queued == 0, timeout=5000)
    assert len(window.project.spans(window.doc.id)) == 2
    assert len(window.view.index) == 2 and window.waiting_label.text() == ""


def test_help_lists_every_shortcut(open_window, qtbot: QtBot) -> None:
    window = open_window()
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    listed = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    with_keys = {a.text().replace("&", "") for a in window.actions.values()
                 if not a.shortcut().isEmpty()}
    assert with_keys <= listed and len(with_keys) >= 20
    dialog.close()


def test_models_pass_the_model_tester(open_window, qtbot: QtBot, qtmodeltester) -> None:
    window = open_window()
    label_word(window, qtbot, "بلينكن", Qt.Key.Key_1)
    qtmodeltester.check(window.span_table.source_model)
    qtmodeltester.check(window.documents.source_model)


def test_hovering_a_span_shows_its_details(open_window, qtbot: QtBot) -> None:
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    window = open_window()
    span_id = label_word(window, qtbot, "بلينكن", Qt.Key.Key_1)
    window.project.update_span(span_id, attributes={"type": "person"}, note="وزير الخارجية")
    window.session.announce(window.project.update_span(span_id, note="وزير الخارجية الأمريكي"))
    point = point_of(window, window.doc.text.index("بلينكن") + 2)
    viewport = window.view.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, point, viewport.mapToGlobal(point))
    QApplication.sendEvent(viewport, event)
    text = QToolTip.text()
    assert "Actor" in text and "Person" in text and "by amal" in text
    assert "وزير الخارجية الأمريكي" in text
    QToolTip.hideText()


def test_a_link_is_deleted_from_the_links_tab(open_window, qtbot: QtBot) -> None:
    window = open_window()
    actor = label_word(window, qtbot, "بلينكن", Qt.Key.Key_1)
    claim = label_word(window, qtbot, "الحل الوحيد", Qt.Key.Key_2)
    window.session.announce(window.project.add_relation("SAID_BY", claim, actor))
    assert window.relations.count() == 1
    window.tabs.setCurrentWidget(window.relations)
    window.relations.setFocus()
    window.relations.setCurrentRow(0)
    assert window.selected == claim  # choosing a link selects its head span
    qtbot.keyClick(window.relations, Qt.Key.Key_Delete)
    assert window.project.relations(window.doc.id) == [] and window.relations.count() == 0
    assert len(window.project.spans(window.doc.id)) == 2  # the spans stay


def test_del_in_the_document_list_deletes_nothing(open_window, qtbot: QtBot) -> None:
    window = open_window()
    label_word(window, qtbot, "بلينكن", Qt.Key.Key_1)
    window.documents.setFocus()
    qtbot.keyClick(window.documents, Qt.Key.Key_Delete)
    assert len(window.project.spans(window.doc.id)) == 1
