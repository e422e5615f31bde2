"""Driving the real window: select text by cursor, mouse or keyboard, press a label key."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from annotator.project import Project
from tests.helpers.texts import FAMILY, HARD_TEXT
from tests.ui.conftest import point_of, select_text

pytestmark = pytest.mark.qt


def spans_of(window) -> list:
    return window.project.spans(window.doc.id)


def test_window_opens_on_the_seed_article(open_window) -> None:
    window = open_window()
    assert window.doc is not None
    assert window.title_label.text().startswith("بلينكن: أمريكا تدعم")
    assert "بلدي نيوز" in window.source_label.text()
    assert window.view.document().toPlainText().startswith("أكد وزير")
    assert "amal" in window.annotator_button.text()


def test_select_by_cursor_and_press_actor_key(open_window, qtbot: QtBot) -> None:
    window = open_window()
    text = window.doc.text
    start = text.find("بلينكن")
    select_text(window, start - 1, start + len("بلينكن") + 1)  # with the space and comma
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    [span] = spans_of(window)
    assert (span.start, span.end, span.label) == (start, start + 6, "ACTOR")
    assert text[span.start:span.end] == "بلينكن"
    assert span.annotator == "amal"
    assert window.span_table.source_model.rowCount() == 1
    assert window.selected == span.id


def test_select_by_mouse_drag_right_to_left(open_window, qtbot: QtBot) -> None:
    window = open_window()
    text = window.doc.text
    start = text.find("أنتوني بلينكن")
    end = start + len("أنتوني بلينكن")
    viewport = window.view.viewport()
    a, b = point_of(window, start), point_of(window, end - 1)
    assert a.x() > b.x()  # Arabic: the first letter is on the right
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a + QPoint(6, 0))
    qtbot.mouseMove(viewport, b)
    qtbot.mouseMove(viewport, b - QPoint(6, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b - QPoint(6, 0))
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    [span] = spans_of(window)
    assert text[span.start:span.end] == "أنتوني بلينكن"


def test_select_by_dragging_the_other_way(open_window, qtbot: QtBot) -> None:
    window = open_window()
    text = window.doc.text
    start = text.find("الولايات المتحدة")
    end = start + len("الولايات المتحدة")
    viewport = window.view.viewport()
    left_end, right_start = point_of(window, end - 1), point_of(window, start)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=left_end - QPoint(6, 0))
    qtbot.mouseMove(viewport, right_start + QPoint(6, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=right_start + QPoint(6, 0))
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    [span] = spans_of(window)
    assert (text[span.start:span.end], span.label) == ("الولايات المتحدة", "CLAIM")


def test_double_click_a_word(open_window, qtbot: QtBot) -> None:
    window = open_window()
    text = window.doc.text
    start = text.find("الصفدي")
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                      pos=point_of(window, start + 2))
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    [span] = spans_of(window)
    assert text[span.start:span.end] == "الصفدي"


def test_keyboard_selection_with_shift_arrows(open_window, qtbot: QtBot) -> None:
    window = open_window()
    text = window.doc.text
    # The first word, أكد, selected from the start of the text with Shift+Left x3:
    # in a right-to-left paragraph, Left moves forward in reading order.
    window.view.setFocus()
    for _ in range(3):
        qtbot.keyClick(window.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    [span] = spans_of(window)
    assert text[span.start:span.end] == "أكد" and span.label == "STANCE"


def test_palette_click_labels_the_selection(open_window, qtbot: QtBot) -> None:
    window = open_window()
    text = window.doc.text
    start = text.find("واشنطن")
    select_text(window, start, start + len("واشنطن"))
    button = window.palette.widgetForAction(window.actions["label:ACTOR"])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    [span] = spans_of(window)
    assert text[span.start:span.end] == "واشنطن"


@pytest.fixture
def hard_db(tmp_path: Path) -> Path:
    path = tmp_path / "hard.db"
    project = Project.open(path, "amal")
    project.add_document(HARD_TEXT, title="emoji")
    project.close()
    return path


@pytest.mark.parametrize("word", ["بلينكن", "واشنطن", "Blinken", "2254"])
def test_offsets_after_emoji_and_zwj_sequences(open_window, qtbot: QtBot, hard_db: Path,
                                               word: str) -> None:
    window = open_window(hard_db)
    window.documents.choose(next(d.id for d in window.project.documents() if d.title == "emoji"))
    text = window.doc.text
    assert text == HARD_TEXT and FAMILY in text[:text.find("بلينكن")]
    start = text.find(word)
    select_text(window, start, start + len(word))
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    [span] = spans_of(window)
    assert (span.start, span.end) == (start, start + len(word))
    # The highlight sits on the same characters in Qt's own positions.
    placed = window.view.index.get(span.id)
    utf16 = window.view.document().toPlainText().encode("utf-16-le")
    assert utf16[2 * placed.start:2 * placed.end].decode("utf-16-le") == word


def test_mouse_selection_after_emoji(open_window, qtbot: QtBot, hard_db: Path) -> None:
    window = open_window(hard_db)
    window.documents.choose(next(d.id for d in window.project.documents() if d.title == "emoji"))
    text = window.doc.text
    start = text.find("بلينكن")
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                      pos=point_of(window, start + 2))
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    [span] = spans_of(window)
    assert (span.start, span.end) == (start, start + 6)


def test_overlapping_spans_all_stay_visible(open_window, qtbot: QtBot) -> None:
    window = open_window()
    text = window.doc.text
    outer = text.find("الولايات المتحدة لا تدعم تطبيع العلاقات")
    select_text(window, outer, outer + len("الولايات المتحدة لا تدعم تطبيع العلاقات"))
    qtbot.keyClick(window.view, Qt.Key.Key_3)
    select_text(window, outer, outer + len("الولايات المتحدة"))
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    spans = spans_of(window)
    assert len(spans) == 2
    levels = {window.view.index.get(s.id).level for s in spans}
    assert levels == {0, 1}  # two underlines, one per label
    covering = window.view.index.at(window.view.index.get(spans[0].id).start)
    assert {p.span.label for p in covering} == {"ACTOR", "STANCE"}


def test_press_inside_a_selection_keeps_it(open_window, qtbot: QtBot) -> None:
    window = open_window()
    text = window.doc.text
    start = text.find("الحل الوحيد")
    select_text(window, start, start + len("الحل الوحيد"))
    inside = point_of(window, start + 3)
    qtbot.mousePress(window.view.viewport(), Qt.MouseButton.LeftButton, pos=inside)
    qtbot.mouseRelease(window.view.viewport(), Qt.MouseButton.LeftButton, pos=inside)
    assert window.view.textCursor().hasSelection()
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    [span] = spans_of(window)
    assert text[span.start:span.end] == "الحل الوحيد"


def test_whitespace_selection_is_refused_with_a_message(open_window, qtbot: QtBot) -> None:
    window = open_window()
    text = window.doc.text
    blank = text.find("\n\n")
    select_text(window, blank, blank + 2)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert spans_of(window) == []
    assert "whitespace" in window.statusBar().currentMessage()
