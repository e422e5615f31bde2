"""The document list's filters (status, source, dates, annotator, what a search found) and
its progress counts, compared with a loop over every document for every combination."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from annotator.document_filter import DocumentFilter
from annotator.project import Project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    path = tmp_path / "team.db"
    amal = Project.open(path, "amal")
    docs = []
    for n in range(12):
        docs.append(amal.add_document(f"خبر رقم {n} عن دمشق", title=f"t{n}",
                                      source=("sana", "bbc", "")[n % 3],
                                      published=f"2024-0{1 + n % 6}-1{n % 10}").created)
    for n, doc in enumerate(docs):
        if n % 2:
            amal.add_span(doc, 0, 3, "ACTOR")
        amal.set_status(doc, ("new", "in_progress", "done", "done")[n % 4])
    amal.set_status(docs[0], "done")
    amal.close()
    basel = Project.open(path, "basel")
    for doc in docs[::3]:
        basel.set_doc_label(doc, "relevance", "relevant")
    gone = basel.add_span(docs[4], 0, 3, "ACTOR").created
    basel.delete_span(gone)  # a deleted span is no sign of work
    yield basel
    basel.close()


def oracle(project: Project, f: DocumentFilter) -> list[str]:
    out = []
    for s in project.documents():
        doc = project.document(s.id)
        who = {sp.annotator for sp in project.spans(s.id)} | {
            dl.annotator for dl in project.doc_labels(s.id)}
        if (f.status and doc.status != f.status) or (f.source and doc.source != f.source) \
                or (f.published_from and (doc.published or "") < f.published_from) \
                or (f.published_to and (doc.published or "") > f.published_to) \
                or (f.annotator is not None and f.annotator not in who) \
                or (f.doc_ids is not None and doc.id not in f.doc_ids):
            continue
        out.append(doc.id)
    return out


def listed(project: Project, f: DocumentFilter) -> list[str]:
    return [d.id for d in project.list_summaries(project.list_order(f))]


def test_every_combination_agrees_with_the_oracle(project: Project) -> None:
    ids = [d.id for d in project.documents()]
    for status, source, dates, annotator, only in itertools.product(
            [None, "done", "new"], [None, "sana"], [(None, None), ("2024-02", "2024-04-99")],
            [None, "amal", "basel", "nobody"], [None, frozenset(ids[:5]), frozenset()]):
        f = DocumentFilter(status, source, *dates, annotator=annotator, doc_ids=only)
        wanted = oracle(project, f)
        assert listed(project, f) == wanted, f
        assert sum(project.status_counts(f).values()) == len(wanted)
        progress = project.annotator_progress(f)
        for who in ("amal", "basel"):
            theirs = [d for d in wanted if d in oracle(project, DocumentFilter(annotator=who))]
            done = [d for d in theirs if project.document(d).status == "done"]
            assert progress.get(who, (0, 0)) == (len(theirs), len(done)), (f, who)


def test_the_found_set_is_read_again_when_it_changes(project: Project) -> None:
    ids = [d.id for d in project.documents()]
    assert listed(project, DocumentFilter(doc_ids=frozenset(ids[:2]))) == ids[:2]
    assert listed(project, DocumentFilter(doc_ids=frozenset(ids[5:6]))) == ids[5:6]
    assert listed(project, DocumentFilter(doc_ids=frozenset(["no-such-id", ids[7]]))) \
        == ids[7:8]


def test_counts_of_the_whole_list(project: Project) -> None:
    from collections import Counter

    assert project.status_counts() == Counter(d.status for d in project.documents())
    progress = project.annotator_progress()
    assert set(progress) == {"amal", "basel"} == set(project.annotators())
    assert progress["amal"][0] == 6 and progress["basel"][0] == 4


def test_the_annotator_filter_follows_writes_here_and_elsewhere(project: Project) -> None:
    only_basel = DocumentFilter(annotator="basel")
    before = listed(project, only_basel)
    ids = [d.id for d in project.documents()]
    fresh = [d for d in ids if d not in before]
    project.add_span(fresh[0], 0, 3, "CLAIM")  # this connection writes
    assert listed(project, only_basel) == oracle(project, only_basel)
    other = Project.open(project.path, "basel")
    other.add_span(fresh[1], 0, 3, "CLAIM")  # another program writes
    other.close()
    assert listed(project, only_basel) == oracle(project, only_basel)
    assert set(before) < set(listed(project, only_basel))


def test_a_deleted_document_leaves_a_found_set_and_an_annotators_list(project: Project) -> None:
    doc = project.add_document("خبر سيُحذف", title="gone").created
    project.add_span(doc, 0, 3, "ACTOR")  # basel's
    found = DocumentFilter(doc_ids=frozenset([doc, project.documents()[0].id]))
    theirs = DocumentFilter(annotator="basel")
    assert doc in listed(project, found) and doc in listed(project, theirs)
    project.undo()
    project.undo()  # the document goes (a tombstone)
    for f in (found, theirs, DocumentFilter(doc_ids=found.doc_ids, annotator="basel")):
        assert doc not in listed(project, f)
        assert listed(project, f) == oracle(project, f)
        assert project.list_order(f, descending=True) == project.list_order(f)[::-1]
