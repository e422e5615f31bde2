"""Search the annotations and filter the document list from the window: the example of
issue 10 found and opened on its span; a search's articles become the list, with counts
that follow; the annotator filter; an upgraded database gets its index in the background."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.project import Project
from annotator.search.corpus import has_index

pytestmark = pytest.mark.qt
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
TEXT = "قالت الولاياتُ المتحدةُ إنها ترفض التطبيع، بينما رحبت روسيا به."


def labelled(path: Path) -> dict[str, str]:
    """Two colleagues' spans in one file: the US holds a rejecting stance (amal); Russia
    holds a supporting one (basel)."""
    ids = {}
    amal = Project.open(path, "amal")
    doc = amal.add_document(TEXT, title="خبر").created
    ids["doc"] = doc
    us = amal.add_span(doc, 5, 23, "ACTOR").created
    ids["stance"] = amal.add_span(doc, TEXT.index("ترفض"), TEXT.index("،"), "STANCE",
                                  attributes={"value": "rejects_normalization"}).created
    amal.add_relation("HELD_BY", ids["stance"], us)
    amal.close()
    basel = Project.open(path, "basel")
    ru = basel.add_span(doc, TEXT.index("روسيا"), TEXT.index("روسيا") + 5, "ACTOR").created
    other = basel.add_span(doc, TEXT.index("رحبت"), TEXT.index("رحبت") + 4, "STANCE",
                           attributes={"value": "supports_normalization"}).created
    basel.add_relation("HELD_BY", other, ru)
    basel.close()
    return ids


def choose(box, data) -> None:
    assert box.findData(data) > 0, data
    box.setCurrentIndex(box.findData(data))
    box.activated.emit(box.currentIndex())


def test_find_the_example_and_open_it_on_its_span(open_window, qtbot: QtBot,
                                                  tmp_path: Path) -> None:
    path = tmp_path / "work.db"
    window = open_window(path)
    ids = labelled(path)
    window.refresh_from_file()
    qtbot.keyClick(window.view, Qt.Key.Key_A, CTRL_SHIFT)
    panel = window.annotation_search
    assert window.tabs.currentWidget() is panel
    assert panel.annotator_box.findData("basel") > 0  # colleagues are offered
    choose(panel.label_box, "STANCE")
    choose(panel.value_box, "value=rejects_normalization")
    choose(panel.link_box, "HELD_BY")
    choose(panel.linked_label_box, "ACTOR")
    panel.linked_text.insert("الولايات المتحده")  # without harakat, ه for ة
    qtbot.mouseClick(panel.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "spans in" in panel.summary.text(), timeout=10_000)
    assert panel.summary.text() == "1 spans in 1 articles"
    assert panel.results.item(0, 1).text() == "Stance"
    assert "[ترفض التطبيع]" in panel.results.item(0, 2).text()
    assert panel.results.item(0, 3).text() == "amal"
    panel.open_hit(0)
    assert window.doc.id == ids["doc"] and window.session.selected == ids["stance"]
    assert "Rejects normalization" in panel.describe() and "«الولايات المتحده»" in \
        panel.describe()


def test_a_search_becomes_the_document_list(open_window, qtbot: QtBot,
                                            tmp_path: Path) -> None:
    path = tmp_path / "work.db"
    window = open_window(path)
    ids = labelled(path)
    window.project.add_document("خبر آخر عن الطقس", title="other")
    window.refresh_from_file()
    panel, docs = window.annotation_search, window.document_panel
    assert window.documents.source_model.rowCount() == 3
    window.tabs.setCurrentWidget(panel)
    choose(panel.annotator_box, "basel")
    qtbot.mouseClick(panel.to_list, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.documents.source_model.rowCount() == 1, timeout=10_000)
    assert window.documents.source_model.doc_at(0).id == ids["doc"]
    assert docs.found.isVisibleTo(docs) and "Only the 1 articles found by: basel" in \
        docs.found.text()
    assert docs.counts.text().startswith("1 of 3 documents shown")
    docs.wait_for_counts()
    qtbot.waitUntil(lambda: "basel: 0 of 1 done" in docs.counts.text())
    assert "amal: 0 of 1 done" in docs.counts.text()
    qtbot.mouseClick(docs.clear_found, Qt.MouseButton.LeftButton)
    assert window.documents.source_model.rowCount() == 3
    assert not docs.found.isVisibleTo(docs)
    # the text search does the same
    window.search_panel.query.setText("الطقس")
    qtbot.mouseClick(window.search_panel.to_list, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.documents.source_model.rowCount() == 1, timeout=10_000)
    assert window.documents.source_model.doc_at(0).title == "other"
    assert "«الطقس»" in docs.found.text()


def test_the_annotator_filter_and_its_counts(open_window, tmp_path: Path) -> None:
    path = tmp_path / "work.db"
    window = open_window(path)
    labelled(path)
    window.refresh_from_file()
    docs = window.document_panel
    assert docs.annotator_box.findData("amal") > 0 and docs.annotator_box.findData("basel") > 0
    choose(docs.annotator_box, "basel")
    assert window.session.document_filter.annotator == "basel"
    assert window.documents.source_model.rowCount() == 1  # not the seed
    choose(docs.status_box, "done")
    assert window.documents.source_model.rowCount() == 0
    assert docs.counts.text().startswith("0 of 2 documents shown")


def test_an_upgraded_database_gets_its_index_in_the_background(
        open_window, qtbot: QtBot, tmp_path: Path) -> None:
    from tests.unit.search.test_index_upkeep import as_before_the_index

    path = tmp_path / "old.db"
    Project.open(path, "amal").close()
    labelled(path)
    as_before_the_index(path)
    window = open_window(path)
    qtbot.waitUntil(lambda: "search index is ready" in window.statusBar().currentMessage(),
                    timeout=10_000)
    assert has_index(window.project.database)
