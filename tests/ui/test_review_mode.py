"""Review mode details a reviewer relies on: only the compared annotators' spans are shown,
Shift+N goes back, a model's predictions are a layer to review, the export dialog offers
gold, and review mode off shows everything again."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.review.disagreements import GOLD
from tests.ui.test_review_walkthrough import amal_work, basel_work, label
from tests.unit.test_cli import run

pytestmark = pytest.mark.qt


@pytest.fixture
def review_db(tmp_path: Path) -> Path:
    label(tmp_path / "amal.db", "amal", amal_work)
    label(tmp_path / "basel.db", "basel", basel_work)
    for who in ("amal", "basel"):
        assert run("merge", str(tmp_path / f"{who}.db"), "--db",
                   str(tmp_path / "review.db"))[0] == 0
    return tmp_path / "review.db"


def test_only_the_compared_annotators_and_back(open_window, settings, qtbot: QtBot,
                                               review_db: Path) -> None:
    settings.annotator = "rania"
    window = open_window(review_db)
    everyone = {s.annotator for s in window.session.spans.values()}
    assert everyone == {"amal", "basel"}
    panel = window.review_panel
    basel = next(i for i in range(panel.annotators.count())
                 if panel.annotators.item(i).text() == "basel")
    panel.annotators.item(basel).setCheckState(Qt.CheckState.Unchecked)
    panel.toggle.setChecked(True)
    assert {s.annotator for s in window.session.visible_spans()} == {"amal"}
    assert {p.span.annotator for p in window.view.index.overlapping(0, 10**6)} == {"amal"}
    assert window.session.review.doc.units == ()  # one annotator: nothing to disagree on
    assert window.view.painter.disputed == set()
    panel.annotators.item(basel).setCheckState(Qt.CheckState.Checked)
    # the spans of open disagreements are framed: both claims, not Blinken (agreed)
    framed = {window.session.spans[i].label for i in window.view.painter.disputed}
    assert framed == {"CLAIM"} and len(window.view.painter.disputed) == 2
    qtbot.keyClick(window.view, Qt.Key.Key_N)
    qtbot.keyClick(window.view, Qt.Key.Key_N)
    assert window.session.review.index == 1
    qtbot.keyClick(window.view, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    assert window.session.review.index == 0
    panel.toggle.setChecked(False)
    assert window.session.review is None and window.view.painter.disputed == set()
    assert len(window.view.index.overlapping(0, 10**6)) == len(window.session.spans)
    assert not window.review_panel.actions["review_accept"].isEnabled()


def test_a_models_predictions_are_a_layer_to_review(open_window, settings, qtbot: QtBot,
                                                    review_db: Path, tmp_path: Path) -> None:
    from annotator.project import Project

    project = Project.open(review_db, "x")
    doc = project.documents()[2]  # "قال المبعوث غير بيدرسن …"
    text = project.document(doc.id).text
    project.close()
    start = text.index("سوريا")
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text(json.dumps({"text": text, "label": [[start, start + 5, "ACTOR"]]},
                                      ensure_ascii=False) + "\n", encoding="utf-8")
    code, _out, err = run("import", str(predictions), "--format", "doccano",
                          "--doccano-offsets", "codepoints", "--annotator", "model",
                          "--db", str(review_db))
    assert code == 0, err
    settings.annotator = "rania"
    window = open_window(review_db)
    window.documents.choose(doc.id)
    panel = window.review_panel
    assert "model" in panel.chosen()
    panel.toggle.setChecked(True)
    unit = next(u for u in window.session.review.doc.units if u.holders == ("model",))
    window.session.review.index = window.session.review.doc.units.index(unit) - 1
    window.session.step_unit(1, open_only=False)
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    gold = [s for s in window.project.spans(doc.id) if s.annotator == GOLD]
    assert [(s.start, s.end, s.label) for s in gold] == [(start, start + 5, "ACTOR")]
    # then edited like any span: shrink its end by a character
    window.session.select(gold[0].id)
    qtbot.keyClick(window.view, Qt.Key.Key_Left if window.view.is_right_to_left_at(start)
                   else Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    edited = window.project.span(gold[0].id)
    assert edited.annotator == GOLD and (edited.start, edited.end) != (start, start + 5)


def test_the_export_dialog_offers_gold(open_window, settings, review_db: Path) -> None:
    from annotator.review.gold import accept_agreements, review

    settings.annotator = "rania"
    window = open_window(review_db)
    dialog = window.transfer.export_dialog("en")
    assert dialog.annotator.findData(GOLD) == -1  # no gold yet: not offered
    doc = review(window.project, window.doc.id)
    accept_agreements(window.project, doc)
    dialog = window.transfer.export_dialog("en")
    dialog.annotator.setCurrentIndex(dialog.annotator.findData(GOLD))
    dialog.out.setText(str(review_db.parent / "gold.jsonl"))
    options = dialog.options()
    assert options.gold and options.annotator is None


def test_review_keys_on_a_file_with_nothing_to_review(open_window, qtbot: QtBot) -> None:
    """No colleague's work at all: every review key answers with a sentence."""
    window = open_window()
    panel = window.review_panel
    assert panel.chosen() == ()
    qtbot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert window.session.review is not None
    assert panel.summary.text() == "Nothing to compare in this document."
    qtbot.keyClick(window.view, Qt.Key.Key_N)
    assert "No open disagreement after this document" in window.statusBar().currentMessage()
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    assert "Press N to go to a disagreement first" in window.statusBar().currentMessage()
    for key in (Qt.Key.Key_R, Qt.Key.Key_G):
        qtbot.keyClick(window.view, key)
    qtbot.keyClick(window.view, Qt.Key.Key_F8)
    assert panel.feedback_list.count() == 1  # "Nothing: no comment on your work…"
    panel.comment.setText("   ")
    qtbot.keyClick(panel.comment, Qt.Key.Key_Return)
    assert panel.threads.count() == 0
    qtbot.mouseClick(panel.agreement_button, Qt.MouseButton.LeftButton)
    dialog = window.agreement_dialog
    dialog.wait()
    qtbot.waitUntil(lambda: "at least two annotators" in dialog.summary.text(), timeout=10_000)
    dialog.close()


def test_colleagues_merged_in_appear_when_the_tab_is_shown(open_window, settings,
                                                           tmp_path: Path) -> None:
    label(tmp_path / "amal.db", "amal", amal_work)
    label(tmp_path / "basel.db", "basel", basel_work)
    settings.annotator = "rania"
    window = open_window(tmp_path / "amal.db")
    panel = window.review_panel
    assert panel.chosen() == ("amal",)
    assert run("merge", str(tmp_path / "basel.db"), "--db", str(tmp_path / "amal.db"))[0] == 0
    window.refresh_from_file()
    window.tabs.setCurrentWidget(panel)
    assert set(panel.chosen()) == {"amal"}  # a newcomer is offered, not ticked for you
    names = [panel.annotators.item(i).text() for i in range(panel.annotators.count())]
    assert "basel" in names


def test_a_long_search_for_the_next_disagreement_goes_on_in_a_worker(
        open_window, settings, qtbot: QtBot, review_db: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    settings.annotator = "rania"
    window = open_window(review_db)
    panel = window.review_panel
    panel.toggle.setChecked(True)
    seed = window.doc.id
    monkeypatch.setattr("annotator.ui.review_panel.SCAN_BUDGET_S", -1.0)
    assert panel._choose_next_document_with_open_units()
    assert window.doc.id == seed  # nothing opened yet: the worker looks
    assert "Looking for the next open disagreement" in window.statusBar().currentMessage()
    panel.wait()
    qtbot.waitUntil(lambda: window.doc.id != seed, timeout=10_000)
    assert window.session.review.unit is not None
