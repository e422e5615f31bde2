"""The keyboard does everything: attribute values by digits after a label key, any
attribute by F2, document fields by Alt+digit, a claim labelled and linked to its speaker
in two keys after the selection, and the next document not done."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import select_text

pytestmark = pytest.mark.qt


def select_word(window, word: str) -> None:
    start = window.doc.text.index(word)
    select_text(window, start, start + len(word))


def test_a_digit_after_the_label_key_sets_the_first_attribute(open_window,
                                                              qtbot: QtBot) -> None:
    window = open_window()
    select_word(window, "أنتوني بلينكن")
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # Actor
    assert "Type: 1 Person · 2 State" in window.statusBar().currentMessage()
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # State, not a second Actor span
    (span,) = window.project.spans(window.doc.id)
    assert span.label == "ACTOR" and dict(span.attributes) == {"type": "state"}
    select_word(window, "الولايات المتحدة لا تدعم تطبيع العلاقات")
    qtbot.keyClick(window.view, Qt.Key.Key_3)  # Stance
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)  # skip the value
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # a label key again (relabels the span)
    labels = sorted(s.label for s in window.project.spans(window.doc.id))
    assert labels == ["ACTOR", "ACTOR"]


def test_f2_sets_every_attribute_of_the_selected_span_by_digits(open_window,
                                                               qtbot: QtBot) -> None:
    window = open_window()
    select_word(window, "الحل الوحيد")
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    qtbot.keyClick(window.view, Qt.Key.Key_3)  # Certainty: Denied
    assert dict(window.project.span(window.selected).attributes) == {"certainty": "denied"}


def test_a_claim_and_its_speaker_in_two_keys_after_the_selection(open_window,
                                                                 qtbot: QtBot) -> None:
    window = open_window()
    select_word(window, "أنتوني بلينكن")
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    select_word(window, "الحل الوحيد")
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # 1: Claim (its certainty is offered)
    qtbot.keyClick(window.view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # 2: link
    (link,) = window.project.relations(window.doc.id)
    spans = {s.id: s for s in window.project.spans(window.doc.id)}
    assert link.type == "SAID_BY"
    assert window.doc.text[spans[link.tail].start:spans[link.tail].end] == "أنتوني بلينكن"
    assert "Said by" in window.statusBar().currentMessage()


def test_document_fields_by_alt_and_a_digit(open_window, qtbot: QtBot) -> None:
    window = open_window()
    qtbot.keyClick(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # stance
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # Rejects normalization
    qtbot.keyClick(window.view, Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)  # relevance
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # Relevant
    values = {(x.field, x.value) for x in window.project.doc_labels(window.doc.id)}
    assert values == {("stance", "rejects_normalization"), ("relevance", "relevant")}
    assert window.doc_fields.boxes["relevance"].currentData() == "relevant"


def test_the_next_document_not_done(open_window, qtbot: QtBot) -> None:
    window = open_window()
    first = window.doc.id
    second = window.project.add_document("خبر ثان عن الاجتماع", title="ثان").created
    third = window.project.add_document("خبر ثالث عن الاجتماع", title="ثالث").created
    window.project.set_status(second, "done")
    window.document_panel.refresh()
    window.documents.choose(first)
    qtbot.keyClick(window.view, Qt.Key.Key_PageDown,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.doc.id == third


def test_help_lists_the_new_keys(open_window, qtbot: QtBot) -> None:
    from annotator.ui.shortcuts_dialog import ShortcutsDialog

    window = open_window()
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    listed = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert {"Link to the nearest possible span", "Next document not done",
            "Set the span's attributes (digits)", "Overall stance…", "Next disagreement",
            "Accept into gold", "Review colleagues' work"} <= listed


def test_the_seed_article_labelled_from_the_keyboard(open_window, qtbot: QtBot) -> None:
    """Actors, a claim and a stance with their attributes and links, the document fields
    and done: every step a key, the selections made where the keyboard cannot."""
    window = open_window()
    text = window.doc.text
    view = window.view

    def label(phrase: str, key: Qt.Key, value: Qt.Key | None, after: str = "") -> str:
        start = text.index(phrase, text.index(after) if after else 0)
        select_text(window, start, start + len(phrase))
        qtbot.keyClick(view, key)
        qtbot.keyClick(view, value if value is not None else Qt.Key.Key_Escape)
        return window.selected

    blinken = label("أنتوني بلينكن", Qt.Key.Key_1, Qt.Key.Key_1)  # Actor, Person
    label("القرار الأممي 2254، باعتباره الحل الوحيد لإنهاء الصراع في سوريا", Qt.Key.Key_2,
          None)
    qtbot.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Said by Blinken
    usa = label("الولايات المتحدة", Qt.Key.Key_1, Qt.Key.Key_2, after="وأوضح")  # State
    assad = label("نظام الأسد", Qt.Key.Key_1, Qt.Key.Key_3, after="وأوضح")  # Gov. body
    stance = label("الولايات المتحدة لا تدعم تطبيع العلاقات مع نظام الأسد", Qt.Key.Key_3,
                   Qt.Key.Key_1, after="وأوضح")  # Rejects normalization
    qtbot.keyClick(view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)  # Held by (nearest)
    qtbot.keyClick(view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)  # Toward…
    while (window.pending and window.pending.current is None) or (
            window.pending and window.pending.current.id != assad):
        qtbot.keyClick(view, Qt.Key.Key_Tab)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # overall stance
    qtbot.keyClick(view, Qt.Key.Key_1)
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # done
    p = window.project
    first = next(d for d in p.documents() if d.title.startswith("بلينكن"))
    spans = {s.id: s for s in p.spans(first.id)}
    links = {(r.type, r.head, r.tail) for r in p.relations(first.id)}
    claim = next(s.id for s in spans.values() if s.label == "CLAIM")
    assert dict(spans[blinken].attributes) == {"type": "person"}
    assert dict(spans[usa].attributes) == {"type": "state"}
    assert dict(spans[assad].attributes) == {"type": "government_body"}
    assert dict(spans[stance].attributes) == {"value": "rejects_normalization"}
    assert links == {("SAID_BY", claim, blinken), ("HELD_BY", stance, usa),
                     ("TOWARD", stance, assad)}
    assert [(x.field, x.value) for x in p.doc_labels(first.id)] == [
        ("stance", "rejects_normalization")]
    assert p.document(first.id).status == "done"
