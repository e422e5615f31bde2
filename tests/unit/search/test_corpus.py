"""Search across the corpus: the index only narrows, so an indexed search must equal a
scan of every document; it follows imports, merges, undo and an upgrade by itself."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.errors import AnnotatorError
from annotator.project import Project
from annotator.search.corpus import Query, hits_in, prefixed, search
from annotator.search.folding import FoldOptions
from annotator.seeds import open_project

DOCS = [
    "🇸🇾👨‍👩‍👧 وقالت وبالولايات المتحدةُ إن للولايات حقا في القرار ٢٢٥٤.",
    "أَنْتُونِي بلينكـــن يلتقي الصفدي في عمّان، والمدرسة مغلقة. UN Blinken said.",
    "لا شيء هنا عن الموضوع سوى كلمة المدرسه بلا نقطتين",
    "فالسلام والسلام للسلام، وبالسلام كالسلام",
]
QUERIES = ["بلينكن", "انتوني بلينكن", '"الولايات المتحدة"', "الولايات", "2254", "مدرسة",
           "المدرسه", "السلام", "سلام", "blinken", "un", "الصفدي -بلينكن", '"في عمان"',
           "عمان", "القرار", "ولايات", "-الموضوع المدرسه", '"الولايات"', "ؤ", "—"]
ALL_OPTIONS = [FoldOptions(), FoldOptions(prefixes=True), FoldOptions(ta_marbuta=False),
               FoldOptions(ta_marbuta=False, prefixes=True)]


@pytest.fixture
def project(tmp_path: Path) -> Project:
    p = open_project(tmp_path / "work.db", "amal", with_seeds=True)
    for n, text in enumerate(DOCS):
        p.add_document(text, title=f"doc {n}")
    yield p
    p.close()


def scan(project: Project, query: str, options: FoldOptions) -> list[tuple[str, int, int]]:
    """The oracle: every live document read, no index."""
    q = Query.parse(query)
    out = []
    for summary in project.documents():
        doc = project.document(summary.id)
        out += [(h.doc_id, h.start, h.end) for h in hits_in(doc.id, doc.title, None, doc.text,
                                                              q, options)]
    return out


def found(project: Project, query: str, options: FoldOptions = ALL_OPTIONS[0],
          **kwargs) -> list[tuple[str, int, int]]:
    return [(h.doc_id, h.start, h.end) for h in search(project.database, query, options,
                                                        **kwargs).hits]


@pytest.mark.parametrize("options", ALL_OPTIONS)
@pytest.mark.parametrize("query", QUERIES)
def test_indexed_search_equals_reading_every_document(project: Project, query: str,
                                                       options: FoldOptions) -> None:
    assert sorted(found(project, query, options)) == sorted(scan(project, query, options))


def test_hits_land_on_the_stored_text_with_its_harakat(project: Project) -> None:
    result = search(project.database, "انتوني بلينكن")
    texts = {h.text for h in result.hits}
    assert texts == {"أَنْتُونِي", "بلينكـــن", "أنتوني", "بلينكن"}
    for h in result.hits:
        assert project.document(h.doc_id).text[h.start:h.end] == h.text
        assert f"[{h.text}]" in h.snippet
    assert result.documents == 2


def test_phrase_exclusion_and_prefixes(project: Project) -> None:
    seed, first = project.documents()[0].id, project.documents()[1].id
    phrase = {d for d, _, _ in found(project, '"الولايات المتحدة"')}
    assert phrase == {seed}  # وبالولايات needs the prefixes setting
    with_prefixes = {d for d, _, _ in found(project, '"الولايات المتحدة"',
                                            FoldOptions(prefixes=True))}
    assert with_prefixes == {seed, first}
    assert {d for d, _, _ in found(project, "الولايات -بلينكن", FoldOptions(prefixes=True))} \
        == {first}


def test_label_and_limit(project: Project) -> None:
    seed = project.documents()[0]
    text = project.document(seed.id).text
    start = text.index("بلينكن")
    project.add_span(seed.id, start, start + 6, "ACTOR")
    assert found(project, "بلينكن", label="ACTOR") == [(seed.id, start, start + 6)]
    assert found(project, "بلينكن", label="CLAIM") == []
    result = search(project.database, "بلينكن", limit=2)
    assert len(result.hits) == 2 and result.truncated


def test_a_writer_holding_the_lock_does_not_stop_a_search(project: Project) -> None:
    search(project.database, "بلينكن")  # the index is up to date
    new = project.add_document("خبر عن بيدرسن", title="late").created
    writer = sqlite3.connect(project.path, isolation_level=None, timeout=0)
    writer.execute("BEGIN IMMEDIATE")  # a long import elsewhere
    try:
        assert [d for d, _, _ in found(project, "بيدرسن")] == [new]  # read, not indexed
        assert len(found(project, "بلينكن")) == 5
    finally:
        writer.execute("ROLLBACK")
        writer.close()


@pytest.mark.parametrize("query", ["", "   ", "-بلينكن", "ًٌٍ", "ـــ", '""', '-"a b"'])
def test_a_query_with_nothing_to_find_is_refused(project: Project, query: str) -> None:
    with pytest.raises(AnnotatorError, match="at least one word"):
        search(project.database, query)


def test_hostile_queries_answer(project: Project) -> None:
    for query in ['"', 'a"b', "(*)", "NEAR(a b)", "a OR b", "x" * 5_000, "{folded}:x",
                  '"unterminated phrase']:
        try:  # no FTS syntax error reaches anyone: hits, or the sentence
            search(project.database, query)
        except AnnotatorError as exc:
            assert query.strip('"') == "" and "at least one word" in str(exc)


def test_the_index_is_asked_for_every_prefixed_form() -> None:
    forms = prefixed("الولايات")
    assert forms[0] == "الولايات"
    for form in ("والولايات", "بالولايات", "وبالولايات", "فللولايات", "للولايات",
                 "كالولايات"):
        assert form in forms
    assert "والسلام" in prefixed("سلام") and "وسلام" in prefixed("سلام")
    assert len(forms) == len(set(forms))


def test_matching_documents_agrees_with_the_search(project: Project) -> None:
    from annotator.search.corpus import matching_documents

    for query in QUERIES:
        for options in ALL_OPTIONS:
            try:
                wanted = list(dict.fromkeys(d for d, _, _ in scan(project, query, options)))
            except AnnotatorError:
                with pytest.raises(AnnotatorError):
                    matching_documents(project.database, query, options)
                continue
            assert matching_documents(project.database, query, options) == wanted, query
