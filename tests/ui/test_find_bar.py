"""Find in the article (Ctrl+F): spelling variants found, hits walked with Enter, and the
current hit labelled by a label key, with offsets right after an emoji."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.qt
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


def find(window, qtbot: QtBot, query: str) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_F, CTRL)
    assert window.find_bar.isVisible() and window.find_bar.query.hasFocus()
    window.find_bar.query.clear()
    if query.isascii():
        qtbot.keyClicks(window.find_bar.query, query)  # key by key, through the shortcuts
    else:  # QTest types ASCII only: insert as an input method would
        window.find_bar.query.insert(query)


def selected_text(window) -> str:
    rng = window.view.selected_range()
    return window.doc.text[rng[0]:rng[1]] if rng else ""


def test_find_walks_every_hit_and_a_label_key_labels_it(open_window, qtbot: QtBot) -> None:
    window = open_window()
    text = window.doc.text
    # The oracle: the word بلينكن standing alone (the seed article writes it bare).
    expected = [m.start() for m in re.finditer(r"(?<!\w)بلينكن(?!\w)", text)]
    assert len(expected) >= 3
    find(window, qtbot, "بلينكن")
    bar = window.find_bar
    assert [s for s, _ in bar.hits] == expected
    assert bar.count.text() == f"1 of {len(expected)}"
    assert selected_text(window) == "بلينكن"
    assert window.view.textCursor().selectionStart() > 0
    assert len(window.view.extraSelections()) == len(expected)  # every hit tinted
    qtbot.keyClick(bar.query, Qt.Key.Key_Return)
    assert bar.count.text() == f"2 of {len(expected)}"
    qtbot.keyClick(bar.query, Qt.Key.Key_Return, SHIFT)
    qtbot.keyClick(bar.query, Qt.Key.Key_Return, SHIFT)  # round the beginning
    assert bar.count.text() == f"{len(expected)} of {len(expected)}"
    assert window.project.spans(window.doc.id) == []  # typing labelled nothing
    qtbot.keyClick(bar.query, Qt.Key.Key_Escape)
    assert not bar.isVisible() and window.view.extraSelections() == []
    assert window.view.hasFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    [span] = window.project.spans(window.doc.id)
    assert (span.start, span.label) == (expected[-1], "ACTOR")


def test_spelling_variants_and_digits_typed_in_the_query(open_window, qtbot: QtBot) -> None:
    window = open_window()
    find(window, qtbot, "انتوني بلينكن")  # no hamza: the article writes أنتوني
    assert selected_text(window) == "أنتوني بلينكن"
    find(window, qtbot, "الخارجيه")  # ه for ة, while the box is ticked
    assert selected_text(window) == "الخارجية"
    window.find_bar.ta_marbuta.setChecked(False)
    assert window.find_bar.hits == [] and window.find_bar.count.text() == "no hits"
    window.find_bar.ta_marbuta.setChecked(True)
    find(window, qtbot, "٢٢٥٤")  # Eastern digits find 2254
    assert selected_text(window) == "2254"
    find(window, qtbot, "2254")  # the digit keys are typed, not taken as label keys
    assert window.find_bar.query.text() == "2254"
    assert selected_text(window) == "2254"
    assert window.project.spans(window.doc.id) == []


def test_prefixes_setting_and_the_next_document(open_window, qtbot: QtBot) -> None:
    window = open_window()
    second = window.project.add_document("🇸🇾👨‍👩‍👧 وقالت وبالولايات المتحدةُ إن للولايات حقا",
                                         title="ثان").created
    window.document_panel.refresh()
    find(window, qtbot, "الولايات")
    before = len(window.find_bar.hits)
    window.documents.choose(second)  # the bar searches the newly opened article
    assert window.find_bar.hits == []
    assert window.find_bar.count.text() == "no hits"
    window.find_bar.prefixes.setChecked(True)
    text = window.doc.text
    assert [text[s:e] for s, e in window.find_bar.hits] == ["الولايات", "لولايات"]
    assert before > 0
    qtbot.keyClick(window.find_bar.query, Qt.Key.Key_Escape)
    qtbot.keyClick(window.view, Qt.Key.Key_1)  # the first hit stays selected: after the emoji
    [span] = window.project.spans(second)
    assert text[span.start:span.end] == "الولايات"
    assert span.start == text.index("وبالولايات") + 2


@pytest.mark.parametrize("query", ["", "   ", "ًٌٍَُِّْ", "ـــ", "(*[", "ب" * 20_000])
def test_hostile_queries_find_nothing_and_store_nothing(open_window, qtbot: QtBot,
                                                        query: str) -> None:
    window = open_window()
    qtbot.keyClick(window.view, Qt.Key.Key_F, CTRL)
    window.find_bar.query.setText(query)
    assert window.find_bar.hits == []
    assert window.find_bar.count.text() in ("", "no hits")
    qtbot.keyClick(window.find_bar.query, Qt.Key.Key_Return)
    assert window.project.spans(window.doc.id) == []
