"""The gold layer: accept, reject, accept the agreements, a stale decision refused, undo as
one step, two reviewers' decisions merging, and which documents are adjudicated."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotator.errors import ConcurrentEditError, ValidationError
from annotator.project import Project
from annotator.review.disagreements import GOLD
from annotator.review.gold import accept_agreements, adjudicated_documents, decide, review


def gold_spans(project: Project, doc: str) -> list[tuple[int, int, str, dict]]:
    return sorted((s.start, s.end, s.label, dict(s.attributes)) for s in project.spans(doc)
                  if s.annotator == GOLD)


def test_accept_reject_and_adjudicate(team) -> None:
    path, docs = team
    reviewer = Project.open(path, "rania")
    doc = review(reviewer, docs[1])
    assert doc.annotators == ("amal", "basel")
    kinds = sorted(u.kind for u in doc.units)
    assert kinds == ["boundaries", "boundaries", "field", "label", "label"]
    assert not doc.adjudicated and doc.open_agreements == 0
    russia = [u for u in doc.units if u.kind == "boundaries"]
    decide(reviewer, russia[0], russia[0].holders[0])  # accept amal's "روسيا"
    decide(reviewer, russia[1], None)  # reject basel's "روسيا دعمها"
    doc = review(reviewer, docs[1])
    assert len(doc.open_units) == 3
    for unit in doc.open_units:
        decide(reviewer, unit, unit.holders[0] if unit.kind != "label" or
               unit.what == "ACTOR" else None)
    doc = review(reviewer, docs[1])
    assert doc.open_units == [] and doc.adjudicated
    text = reviewer.document(docs[1]).text
    assert [text[s:e] for s, e, _l, _a in gold_spans(reviewer, docs[1])] == ["روسيا", "فرنسا"]
    gold_value = [d.value for d in reviewer.doc_labels(docs[1]) if d.annotator == GOLD]
    assert gold_value == ["supports_normalization"]  # amal's, the first holder
    assert docs[1] in adjudicated_documents(reviewer.database)
    assert docs[0] not in adjudicated_documents(reviewer.database)
    reviewer.close()


def test_agreements_in_one_step_and_undo(team) -> None:
    path, docs = team
    reviewer = Project.open(path, "rania")
    doc = review(reviewer, docs[0])
    # US actor, the HELD_BY link and the stance field agree; the stance span's value not
    assert doc.open_agreements == 3 and [u.kind for u in doc.units] == ["attributes"]
    accept_agreements(reviewer, doc)
    doc = review(reviewer, docs[0])
    assert doc.open_agreements == 1  # the link waits: its stance end is still disputed
    [unit] = doc.open_units
    decide(reviewer, unit, "basel")
    accept_agreements(reviewer, review(reviewer, docs[0]))
    links = [r for r in reviewer.relations(docs[0]) if r.annotator == GOLD]
    assert len(links) == 1
    # the link kept the reviewer's choice for its end: basel's attributes, not amal's
    assert gold_spans(reviewer, docs[0])[1][3] == {"value": "conditional"}
    assert review(reviewer, docs[0]).adjudicated
    reviewer.undo()  # the link, as one step
    reviewer.undo()  # the decision
    assert len(review(reviewer, docs[0]).open_units) == 1
    reviewer.undo()  # the first agreements, as one step
    assert review(reviewer, docs[0]).open_agreements == 3
    assert gold_spans(reviewer, docs[0]) == []
    reviewer.close()


def test_a_decision_on_a_record_changed_since_is_refused(team) -> None:
    path, docs = team
    reviewer = Project.open(path, "rania")
    doc = review(reviewer, docs[2])  # the reviewer sees amal's Pedersen span
    unit = next(u for u in doc.units if u.holders == ("amal",))
    amal = Project.open(path, "amal")  # meanwhile a merge (or amal) changes it
    amal.update_span(unit.records["amal"], attributes={"type": "person"})
    amal.close()
    with pytest.raises(ConcurrentEditError, match="amal changed this span"):
        decide(reviewer, unit, "amal")
    assert gold_spans(reviewer, docs[2]) == []
    with pytest.raises(ValidationError, match="basel has no record here"):
        decide(reviewer, unit, "basel")
    doc = review(reviewer, docs[2])  # seen again: now it can be decided
    decide(reviewer, next(u for u in doc.units if u.holders == ("amal",)), "amal")
    assert gold_spans(reviewer, docs[2])[0][3] == {"type": "person"}
    reviewer.close()


def test_two_reviewers_decisions_merge(team, tmp_path: Path) -> None:
    path, docs = team
    copy = tmp_path / "copy.db"
    shutil.copy(path, copy)
    first, second = Project.open(path, "rania"), Project.open(copy, "sami")
    for project in (first, second):
        doc = review(project, docs[0])
        accept_agreements(project, doc)  # the same decisions: the same gold records
    decide(second, review(second, docs[0]).open_units[0], "amal")
    accept_agreements(second, review(second, docs[0]))
    second.close()
    report = first.merge_database(copy)
    assert report.conflicts == []
    assert review(first, docs[0]).adjudicated
    first.close()


def test_open_units_counts_as_the_review_does(team) -> None:
    from annotator.review.gold import open_units

    path, docs = team
    reviewer = Project.open(path, "rania")
    for doc_id in docs:
        assert open_units(reviewer.database, doc_id, ["amal", "basel"]) == \
            len(review(reviewer, doc_id, ["amal", "basel"]).open_units)
    assert open_units(reviewer.database, docs[3], ["amal", "basel"]) == 0  # amal's only
    doc = review(reviewer, docs[2])
    decide(reviewer, doc.units[0], None)
    assert open_units(reviewer.database, docs[2], ["amal", "basel"]) == len(doc.units) - 1
    reviewer.close()


def test_shared_documents_are_where_two_worked(team) -> None:
    from annotator.review.gold import shared_documents

    path, docs = team
    reviewer = Project.open(path, "rania")
    shared = shared_documents(reviewer.database, ["amal", "basel", GOLD])
    assert sorted(shared.values()) == sorted(docs[:3])  # the fourth is amal's alone
    assert all(reviewer.rowid_of(d) == r for r, d in shared.items())
    assert shared_documents(reviewer.database, ["amal"]) == {}
    reviewer.close()


def test_a_decision_taken_meanwhile_is_not_overwritten(team) -> None:
    path, docs = team
    first, second = Project.open(path, "rania"), Project.open(path, "sami")
    unit = review(first, docs[2]).units[0]
    seen_by_sami = review(second, docs[2]).units[0]  # undecided when sami looked
    decide(first, unit, None)  # rania rejects
    with pytest.raises(ConcurrentEditError, match="rania changed this review decision"):
        decide(second, seen_by_sami, unit.holders[0])
    assert review(first, docs[2]).decided[unit.gold] is False  # rania's stands


def test_an_undo_over_a_colleagues_later_decision_is_refused(team) -> None:
    path, docs = team
    first, second = Project.open(path, "rania"), Project.open(path, "sami")
    unit = review(first, docs[2]).units[0]
    decide(first, unit, None)  # rania rejects
    decide(second, review(second, docs[2]).units[0], unit.holders[0])  # sami, having seen it
    with pytest.raises(ConcurrentEditError, match="sami changed this review decision"):
        first.undo()
    assert review(first, docs[2]).decided[unit.gold] is True  # sami's decision stands
    first.close()
    second.close()
