"""Issue 9's walk-through, end to end, in the real window and on the command line:

1. amal and basel label the seed article and two more, differently, each in their own
   database file;
2. rania merges both, turns review mode on, steps through the disagreements with N,
   accepts (A) and rejects (R), accepts the agreements (G), comments, reads the agreement
   dashboard and `annotator agreement`, and exports gold;
3. amal merges rania's file back and finds the comment and the differences from gold in
   her feedback list (F8 goes to each).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from annotator.review.disagreements import GOLD
from annotator.seeds import open_project
from tests.unit.test_cli import run

pytestmark = pytest.mark.qt
MORE = ["أعلنت روسيا دعمها للتطبيع مع دمشق، بينما رفضت فرنسا ذلك.",
        "قال المبعوث غير بيدرسن إن الحل في سوريا سياسي."]


def label(path: Path, who: str, work) -> None:
    project = open_project(path, who, with_seeds=True)
    docs = [project.documents()[0].id]
    docs += [project.add_document(t, title=f"خبر {n}").created for n, t in enumerate(MORE)]
    texts = [project.document(d).text for d in docs]
    work(project, docs, texts)
    project.close()


def at(text: str, word: str) -> tuple[int, int]:
    return text.index(word), text.index(word) + len(word)


def amal_work(p, docs, texts) -> None:
    seed, ru, ped = texts
    blinken = p.add_span(docs[0], *at(seed, "بلينكن"), "ACTOR").created
    claim = p.add_span(docs[0], *at(seed, "دعم الولايات المتحدة"), "CLAIM").created
    p.add_relation("SAID_BY", claim, blinken)
    p.add_span(docs[1], *at(ru, "روسيا"), "ACTOR")
    p.add_span(docs[1], *at(ru, "فرنسا"), "ACTOR")
    p.add_span(docs[2], *at(ped, "بيدرسن"), "ACTOR")
    p.set_doc_label(docs[1], "stance", "supports_normalization")


def basel_work(p, docs, texts) -> None:
    seed, ru, ped = texts
    blinken = p.add_span(docs[0], *at(seed, "بلينكن"), "ACTOR").created
    claim = p.add_span(docs[0], *at(seed, "دعم الولايات المتحدة لتطبيق"), "CLAIM").created  # longer
    p.add_relation("SAID_BY", claim, blinken)
    p.add_span(docs[1], *at(ru, "روسيا دعمها"), "ACTOR")
    p.add_span(docs[1], *at(ru, "فرنسا"), "CLAIM")
    p.add_span(docs[2], *at(ped, "غير بيدرسن"), "ACTOR")
    p.set_doc_label(docs[1], "stance", "neutral")


def test_two_annotators_a_reviewer_and_back(open_window, settings, qtbot: QtBot,
                                            tmp_path: Path) -> None:
    amal_db, basel_db, review_db = (tmp_path / f"{n}.db" for n in ("amal", "basel", "rania"))
    label(amal_db, "amal", amal_work)
    label(basel_db, "basel", basel_work)
    for source in (amal_db, basel_db):
        code, _out, err = run("merge", str(source), "--db", str(review_db))
        assert code == 0, err

    # --- the reviewer, in the window -----------------------------------------------------
    settings.annotator = "rania"
    window = open_window(review_db)
    panel = window.review_panel
    assert panel.chosen() == ("amal", "basel")
    qtbot.keyClick(window.view, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    assert window.session.review is not None and window.tabs.currentWidget() is panel
    seed = window.doc.id
    state = window.session.review
    # the claims' boundaries differ, and so do the links that start from them
    assert sorted(u.kind for u in state.doc.units) == ["boundaries", "boundaries", "link",
                                                       "link"]
    assert state.doc.open_agreements == 1  # Blinken
    # Each annotator's spans are told apart: underlines in their colours, gold dashed
    assert set(window.view.painter.annotator_colors) == {"amal", "basel", GOLD}
    # a comment on amal's claim, before deciding
    claim = next(s for s in window.session.spans.values()
                 if s.annotator == "amal" and s.label == "CLAIM")
    window.session.select(claim.id)
    panel.comment.setText("good: only the verb phrase")
    qtbot.keyClick(panel.comment, Qt.Key.Key_Return)
    assert panel.threads.count() == 1 and "rania: good" in panel.threads.item(0).text()
    qtbot.keyClick(window.view, Qt.Key.Key_N)
    unit = window.session.review.unit
    assert unit.kind == "link" and unit.holders == ("amal",)
    qtbot.keyClick(window.view, Qt.Key.Key_A)  # amal's link, and with it her claim
    unit = window.session.review.unit
    assert unit.kind == "link" and unit.holders == ("basel",)  # A moved on by itself
    qtbot.keyClick(window.view, Qt.Key.Key_R)
    assert window.session.review.unit.holders == ("basel",)  # basel's longer claim
    qtbot.keyClick(window.view, Qt.Key.Key_G)  # Blinken
    assert window.session.review.doc.open_agreements == 0
    qtbot.keyClick(window.view, Qt.Key.Key_R)  # rejected: the next document follows
    assert window.doc.id != seed and window.session.review.unit is not None
    window.documents.choose(seed)
    assert window.session.review.doc.adjudicated
    window.documents.step(1)
    while window.session.review.doc.open_units:
        qtbot.keyClick(window.view, Qt.Key.Key_A)
        if window.session.review.unit is None:
            window.session.step_unit(1)
    qtbot.keyClick(window.view, Qt.Key.Key_G)
    assert window.session.review.doc.adjudicated
    # the dashboard
    qtbot.mouseClick(panel.agreement_button, Qt.MouseButton.LeftButton)
    dialog = window.agreement_dialog
    dialog.wait()
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=10_000)
    assert dialog.tables["spans"].rowCount() > 0 and dialog.chart.bars
    assert dialog.tables["documents"].rowCount() == 3
    assert dialog.tables["gold"].rowCount() > 0
    dialog.close()
    window.close()

    # --- the numbers and the gold export on the command line ------------------------------
    code, out, err = run("agreement", "--db", str(review_db), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["annotators"] == ["amal", "basel"] and report["documents"] == 3
    assert report["against_gold"]
    code, out, err = run("export", "--db", str(review_db), "--format", "jsonl", "--out",
                         str(tmp_path / "gold.jsonl"), "--gold")
    assert code == 0 and "exported 3 documents" in out and "left out" not in err

    # --- amal merges the reviewer's file back ---------------------------------------------
    code, _out, err = run("merge", str(review_db), "--db", str(amal_db))
    assert code == 0, err
    settings.annotator = "amal"
    window = open_window(amal_db)
    panel = window.review_panel
    qtbot.mouseClick(panel.feedback_button, Qt.MouseButton.LeftButton)
    texts = [f.text for f in panel.feedback]
    assert "rania: good: only the verb phrase" in texts
    assert any("not in gold" in t or "only in gold" in t for t in texts)
    qtbot.keyClick(window.view, Qt.Key.Key_F8)
    first = panel.feedback[0]
    assert window.doc.id == first.doc_id
