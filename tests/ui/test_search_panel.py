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


def answer_confirmation(accept: bool, seen: list[str]) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text() + "\n" + box.informativeText() + "\n" + box.detailedText())
        box.done(QMessageBox.StandardButton.Ok if accept else QMessageBox.StandardButton.Cancel)
    QTimer.singleShot(20, answer)


def test_label_all_matches_confirmed_then_undone_in_one_step(open_window,
                                                             qtbot: QtBot) -> None:
    window = open_window()
    seed = window.doc.id
    second = window.project.add_document("🇸🇾 وقال بلينكـــن إن الهدنة صامدة",
                                         title="ثان").created
    window.document_panel.refresh()
    window.documents.choose(seed)
    text = window.doc.text
    first = text.index("بلينكن")
    window.runner.run(lambda p: p.add_span(seed, first - 7, first + 6, "CLAIM"))  # overlaps
    run_search(window, qtbot, "بلينكن")
    panel = window.search_panel
    panel.label_box.setCurrentIndex(panel.label_box.findData("ACTOR"))
    seen: list[str] = []
    answer_confirmation(False, seen)  # cancelled: nothing written
    qtbot.mouseClick(panel.label_button, Qt.MouseButton.LeftButton)
    assert seen and "Label 5 hits Actor?" in seen[0] and "1 overlap" in seen[0]
    assert "⚠" in seen[0]
    assert [s.label for s in window.project.spans(seed)] == ["CLAIM"]
    answer_confirmation(True, seen)
    qtbot.mouseClick(panel.label_button, Qt.MouseButton.LeftButton)
    actors = [s for d in (seed, second) for s in window.project.spans(d) if s.label == "ACTOR"]
    assert len(actors) == 5
    assert "Labelled 5 matches Actor" in window.statusBar().currentMessage()
    # The open article's table follows: its 4 new Actor spans and the Claim.
    assert window.span_table.source_model.rowCount() == 5
    assert window.actions["undo"].isEnabled()
    window.actions["undo"].trigger()  # Edit > Undo
    assert [s.label for d in (seed, second) for s in window.project.spans(d)] == ["CLAIM"]
