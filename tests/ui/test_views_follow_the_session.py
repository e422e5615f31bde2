"""Views follow the session: a change made through the core and announced once updates
every view, with no window in between; the document list reads pages, not everything, and
a change to one document is one changed row."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from annotator.project import Project
from annotator.records import DocumentRecord
from annotator.session import Session
from annotator.ui.article_header import ArticleHeader
from annotator.ui.article_view import ArticleView
from annotator.ui.doc_label_panel import DocLabelPanel
from annotator.ui.document_list import DocumentPanel, status_name
from annotator.ui.relation_panel import RelationPanel
from annotator.ui.span_editor import SpanEditor
from annotator.ui.span_table import SpanTable
from tests.helpers.exchange import TEXT, find

pytestmark = pytest.mark.qt


@pytest.fixture
def many(tmp_path: Path) -> Project:
    project = Project.open(tmp_path / "many.db", "amal")
    project.import_records([DocumentRecord(f"{TEXT} [{i}]", str(i), title=f"خبر {i}")
                            for i in range(1500)])
    yield project
    project.close()


def test_every_view_follows_an_announced_change_without_a_window(many: Project,
                                                                 qtbot: QtBot) -> None:
    session = Session(many)
    scheme = many.scheme
    host = QWidget()
    qtbot.addWidget(host)
    views = {"list": DocumentPanel(session, host), "article": ArticleView(scheme, host,
                                                                         session=session),
             "header": ArticleHeader(session, host),
             "table": SpanTable(session, scheme, "en", host),
             "links": RelationPanel(session, scheme, "en", host),
             "editor": SpanEditor(session, scheme, "en", host),
             "fields": DocLabelPanel(session, scheme, "en", host)}
    doc = many.list_summaries(many.list_order()[:1])[0].id
    session.open(doc)
    assert views["header"].title_label.text() == "خبر 0"
    claim = many.add_span(doc, *find(TEXT, "الحل الوحيد"), "CLAIM")
    session.announce(claim)
    actor = many.add_span(doc, *find(TEXT, "أنتوني بلينكن"), "ACTOR")
    session.announce(actor)
    session.select(claim.created)
    session.announce(many.add_relation("SAID_BY", claim.created, actor.created))
    session.announce(many.set_doc_label(doc, "relevance", "relevant"))
    session.announce(many.set_status(doc, "done"))
    assert len(views["article"].index) == 2
    assert views["table"].source_model.rowCount() == 2
    assert views["links"].count() == 1
    assert views["editor"].links.count() == 1 and "الحل الوحيد" in views["editor"].heading.text()
    assert views["fields"].boxes["relevance"].currentData() == "relevant"
    done = status_name("done")  # in the interface's language
    assert done in views["header"].source_label.text()
    model = views["list"].list.source_model
    row = model.row_of(doc)
    assert model.index(row, 3).data() == 2 and model.index(row, 2).data() == done
    session.announce(many.undo())  # the status again
    assert done not in views["header"].source_label.text()


def test_a_change_to_one_document_is_one_changed_row(many: Project, qtbot: QtBot) -> None:
    session = Session(many)
    panel = DocumentPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    model = panel.list.source_model
    assert model.rowCount() == 1500
    doc = model.doc_at(3).id
    session.open(doc)
    changed: list[tuple[int, int]] = []
    resets: list[bool] = []
    model.dataChanged.connect(lambda a, b, _roles=(): changed.append((a.row(), b.row())))
    model.modelReset.connect(lambda: resets.append(True))
    session.announce(many.add_span(doc, *find(TEXT, "أنتوني بلينكن"), "ACTOR"))
    assert changed == [(3, 3)] and resets == []
    assert model.index(3, 3).data() == 1


def test_the_list_reads_only_the_pages_it_shows(many: Project, qtbot: QtBot,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[int] = []
    original = Project.list_summaries

    def counting(self: Project, rowids: list[int]):
        asked.append(len(rowids))
        return original(self, rowids)

    monkeypatch.setattr(Project, "list_summaries", counting)
    session = Session(many)
    panel = DocumentPanel(session)
    qtbot.addWidget(panel)
    panel.resize(400, 600)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: sum(asked) > 0)
    assert sum(asked) <= 200  # a page or two of 1,500
    panel.list.scrollToBottom()
    qtbot.wait(50)
    assert sum(asked) <= 400
    assert "1,500 of 1,500 documents shown" in panel.counts.text()


def test_sorting_and_filtering_happen_in_sql(many: Project, qtbot: QtBot) -> None:
    doc = many.list_summaries(many.list_order()[5:6])[0].id
    many.set_status(doc, "done")
    session = Session(many)
    panel = DocumentPanel(session)
    qtbot.addWidget(panel)
    panel.status_box.setCurrentIndex(panel.status_box.findData("done"))
    panel.status_box.activated.emit(panel.status_box.currentIndex())
    model = panel.list.source_model
    assert model.rowCount() == 1 and model.doc_at(0).id == doc
    assert "1 of 1,500 documents shown" in panel.counts.text()
    panel.status_box.setCurrentIndex(0)
    panel.status_box.activated.emit(0)
    panel.list.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert model.doc_at(0).title == "خبر 999"  # titles sorted as text, descending


@pytest.mark.parametrize("title, rtl", [("بلينكن: أمريكا تدعم القرار 2254", True),
                                         ("In an exclusive interview, the minister", False),
                                         ("2254 القرار", True), ("Reuters: «بيان»", False)])
def test_titles_are_laid_out_and_cut_in_their_own_direction(qapp, title: str,
                                                            rtl: bool) -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QStyleOptionViewItem

    from annotator.ui.document_list import TitleDelegate

    model = QStandardItemModel()
    model.appendRow(QStandardItem(title))
    option = QStyleOptionViewItem()
    TitleDelegate().initStyleOption(option, model.index(0, 0))
    assert option.direction == (Qt.LayoutDirection.RightToLeft if rtl
                                else Qt.LayoutDirection.LeftToRight)
    assert option.textElideMode == Qt.TextElideMode.ElideRight  # its own end


def test_no_module_of_the_window_grows_past_400_lines() -> None:
    import annotator.ui

    folder = Path(annotator.ui.__file__).parent
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines())
             for p in folder.glob("*.py")}
    assert max(sizes.values()) <= 400, sizes
