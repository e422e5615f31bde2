"""Links are drawn in the article: each arc's ends lie over its two spans, in right-to-left
text, on one line and across lines; arcs can be turned off."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

pytestmark = pytest.mark.qt


def span_box(window, span_id: str) -> tuple[float, float, float, float]:
    """(left, right, top, bottom) of a span's first line, from Qt's cursor geometry."""
    placed = window.view.index.get(span_id)
    cursor = QTextCursor(window.view.document())
    cursor.setPosition(placed.start)
    a = window.view.cursorRect(cursor)
    cursor.setPosition(placed.end)
    b = window.view.cursorRect(cursor)
    if abs(a.top() - b.top()) > a.height() / 2:  # goes on: its first line ends at the edge
        cursor.setPosition(placed.start)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfLine)
        b = window.view.cursorRect(cursor)
    return min(a.left(), b.left()), max(a.right(), b.right()), a.top(), a.bottom()


def over(point, box) -> bool:
    left, right, top, bottom = box
    return left - 1 <= point.x() <= right + 1 and top - 1 <= point.y() <= bottom


def labelled(window):
    text = window.doc.text
    p, doc = window.project, window.doc.id

    def span(phrase: str, label: str, after: str = "") -> str:
        at = text.index(phrase, text.index(after) if after else 0)
        return p.add_span(doc, at, at + len(phrase), label).created

    blinken = span("أنتوني بلينكن", "ACTOR")
    claim = span("الحل الوحيد لإنهاء الصراع في سوريا", "CLAIM")  # the next line
    usa = span("الولايات المتحدة", "ACTOR", after="وأوضح")
    stance = span("لا تدعم تطبيع العلاقات", "STANCE", after="وأوضح")
    for rel, head, tail in (("SAID_BY", claim, blinken), ("HELD_BY", stance, usa)):
        p.add_relation(rel, head, tail)
    window.document_panel.refresh()
    window.session.open(doc)
    return blinken, claim, usa, stance


def test_arc_ends_lie_over_their_spans_on_one_line_and_across_lines(open_window,
                                                                    qtbot: QtBot) -> None:
    window = open_window()
    blinken, claim, usa, stance = labelled(window)
    qtbot.wait(20)
    arcs = {a.relation.type: a for a in window.view.arcs.arcs(
        window.view, window.session.relations, window.view.index)}
    held, said = arcs["HELD_BY"], arcs["SAID_BY"]
    assert over(held.head, span_box(window, stance)) and over(held.tail, span_box(window, usa))
    assert over(said.head, span_box(window, claim)) and over(said.tail, span_box(window, blinken))
    # right to left: the stance is to the left of the United States, which it follows
    assert held.head.x() < held.tail.x()
    assert said.head.y() > said.tail.y()  # across lines: from the second line up to the first
    assert held.apex.y() < min(held.head.y(), held.tail.y())  # the arc rises above the text


def test_arcs_can_be_turned_off_and_stay_off(open_window, qtbot: QtBot) -> None:
    window = open_window()
    labelled(window)
    assert window.view.arcs.visible
    window.actions["show_links"].trigger()
    assert not window.view.arcs.visible and window.settings.show_links is False
    window.close()
    assert not open_window().view.arcs.visible


def test_the_links_tab_is_a_table_and_a_double_click_goes_to_the_link(open_window,
                                                                      qtbot: QtBot) -> None:
    window = open_window()
    _blinken, claim, usa, _stance = labelled(window)
    table = window.relations
    assert table.rowCount() == 2 and table.columnCount() == 3
    rows = {(table.item(r, 0).text(), table.item(r, 1).text(), table.item(r, 2).text())
            for r in range(2)}
    assert ("الحل الوحيد لإنهاء الصراع في سوريا", "Said by", "أنتوني بلينكن") in rows
    table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert [table.item(r, 1).text() for r in range(2)] == ["Held by", "Said by"]
    window.select_span(usa)
    table.itemDoubleClicked.emit(table.item(1, 0))  # Said by
    assert window.selected == claim and window.view.painter.flashing == claim
