"""Search every article from the window: hits listed, one opened with its hit selected,
a label key labels it (offsets right after an emoji)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.qt
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def run_search(window, qtbot: QtBot, query: str) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_F, CTRL_SHIFT)
    panel = window.search_panel
    assert window.tabs.currentWidget() is panel and panel.query.hasFocus()
    panel.query.setText(query)
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    # Enter returns at once: the search (and the index build) runs in a worker thread and
    # its result arrives through the event loop.
    assert panel.summary.text() == "Searching…"
    qtbot.waitUntil(lambda: "hits in" in panel.summary.text(), timeout=10_000)


def test_search_lists_hits_and_opens_one_for_a_label_key(open_window, qtbot: QtBot) -> None:
    window = open_window()
    seed = window.doc.id
    second = window.project.add_document("🇸🇾👨‍👩‍👧 وقال أنتوني بلينكـــن إن الهدنة صامدة",
                                         title="ثان").created
    window.document_panel.refresh()
    window.documents.choose(seed)
    run_search(window, qtbot, "انتوني بلينكن")
    panel = window.search_panel
    assert panel.summary.text() == "7 hits in 2 articles"
    assert panel.results.rowCount() == 7
    row = next(r for r in range(7) if panel.hits[r].doc_id == second
               and panel.hits[r].text == "بلينكـــن")
    assert panel.results.item(row, 0).text() == "ثان"
    assert "[بلينكـــن]" in panel.results.item(row, 2).text()
    panel.open_hit(row)
    assert window.doc.id == second
    text = window.doc.text
    rng = window.view.selected_range()
    assert text[rng[0]:rng[1]] == "بلينكـــن"
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    [span] = window.project.spans(second)
    assert (span.start, span.end) == (text.index("بلينكـــن"), text.index("بلينكـــن") + 9)


def test_a_query_with_nothing_to_find_says_so(open_window, qtbot: QtBot) -> None:
    window = open_window()
    qtbot.keyClick(window.view, Qt.Key.Key_F, CTRL_SHIFT)
    panel = window.search_panel
    panel.query.setText("ًٌٍ")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "at least one word" in panel.summary.text(), timeout=10_000)
    assert panel.results.rowCount() == 0


def test_a_hit_hidden_by_the_list_filter_is_explained(open_window, qtbot: QtBot) -> None:
    window = open_window()
    seed = window.doc.id
    other = window.project.add_document("بلينكن في عمان", title="new one").created
    window.project.set_status(seed, "done")
    window.document_panel.refresh()
    window.documents.choose(seed)
    run_search(window, qtbot, "بلينكن")
    box = window.document_panel.status_box
    box.setCurrentIndex(box.findData("done"))  # the new article leaves the list
    box.activated.emit(box.currentIndex())  # as the analyst's choice does
    row = next(r for r, h in enumerate(window.search_panel.hits) if h.doc_id == other)
    window.search_panel.open_hit(row)
    assert window.doc.id == seed
    assert "hidden by the list's filters" in window.statusBar().currentMessage()
