"""Search the annotations: label, attribute value, annotator, status, span text (matched the
Arabic-aware way), links, and a text query on the document, alone and combined. Every
query is compared with a plain loop over every record (the oracle)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from annotator.errors import AnnotatorError
from annotator.project import Project
from annotator.search.annotations import AnnotationQuery, matching_documents, search_spans
from annotator.search.corpus import DEFAULT_OPTIONS, text_matcher
from annotator.search.folding import FoldOptions

US = "الولاياتُ المتحدةُ"
TEXT_A = (f"قالت {US} إنها ترفض التطبيع، ورأت روسيا أن القرار ٢٢٥٤ ملزم. 🇸🇾"
          " وقال بلينكن "
          "إن الحل سياسي.")
TEXT_B = "أعلنت روسيا دعمها للتطبيع مع دمشق، بينما رفضت الولايات المتحدة ذلك."
TEXT_C = "خبر لا علاقة له: الطقس في عمان معتدل، والمدرسة مغلقة."


def at(text: str, word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return start, start + len(word)


@pytest.fixture
def corpus(tmp_path: Path) -> tuple[Project, dict[str, str]]:
    path = tmp_path / "team.db"
    amal = Project.open(path, "amal")
    a = amal.add_document(TEXT_A, title="A").created
    b = amal.add_document(TEXT_B, title="B").created
    c = amal.add_document(TEXT_C, title="C").created
    ids: dict[str, str] = {"a": a, "b": b, "c": c}
    ids["us_a"] = amal.add_span(a, *at(TEXT_A, US), "ACTOR", attributes={"type": "state"}).created
    ids["ru_a"] = amal.add_span(a, *at(TEXT_A, "روسيا"), "ACTOR",
                                attributes={"type": "state"}).created
    ids["stance_a"] = amal.add_span(a, *at(TEXT_A, "ترفض التطبيع"), "STANCE",
                                    attributes={"value": "rejects_normalization"}).created
    amal.add_relation("HELD_BY", ids["stance_a"], ids["us_a"])
    ids["toward_a"] = amal.add_span(a, *at(TEXT_A, "القرار ٢٢٥٤"), "STANCE",
                                    attributes={"value": "rejects_normalization"}).created
    amal.add_relation("TOWARD", ids["toward_a"], ids["us_a"])  # toward, not held by
    gone = amal.add_span(a, *at(TEXT_A, "بلينكن"), "ACTOR").created
    amal.delete_span(gone)
    amal.set_status(a, "done")
    amal.close()
    basel = Project.open(path, "basel")
    ids["ru_b"] = basel.add_span(b, *at(TEXT_B, "روسيا"), "ACTOR",
                                 attributes={"type": "state"}).created
    ids["stance_b"] = basel.add_span(b, *at(TEXT_B, "دعمها للتطبيع"), "STANCE",
                                     attributes={"value": "supports_normalization"}).created
    basel.add_relation("HELD_BY", ids["stance_b"], ids["ru_b"])
    ids["us_b"] = basel.add_span(b, *at(TEXT_B, "الولايات المتحدة"), "ACTOR").created
    ids["reject_b"] = basel.add_span(b, *at(TEXT_B, "رفضت"), "STANCE",
                                     attributes={"value": "rejects_normalization"}).created
    link = basel.add_relation("HELD_BY", ids["reject_b"], ids["us_b"]).created
    basel.delete_relation(link)  # a deleted link holds nothing
    ids["school_c"] = basel.add_span(c, *at(TEXT_C, "المدرسة"), "CLAIM",
                                     attributes={"certainty": "reported"}).created
    yield basel, ids
    basel.close()


def oracle(project: Project, q: AnnotationQuery, options: FoldOptions) -> list[str]:
    """A loop over every live span, its document and its live links."""
    out = []
    for summary in project.documents():
        doc = project.document(summary.id)
        if q.status and summary.status != q.status:
            continue
        if q.documents and not text_matcher(q.documents, options)(doc.text):
            continue
        spans = {s.id: s for s in project.spans(doc.id)}
        links = project.relations(doc.id)
        for s in sorted(spans.values(), key=lambda s: (s.start, s.end, s.id)):
            attrs = dict(s.attributes)
            if (q.label and s.label != q.label) or (q.annotator and s.annotator != q.annotator):
                continue
            if q.value and (attrs.get(q.attribute) != q.value if q.attribute
                            else q.value not in attrs.values()):
                continue
            if q.text and not text_matcher(q.text, options)(doc.text[s.start:s.end]):
                continue
            if q.link_type or q.linked_label or q.linked_text:
                others = [spans.get(r.tail if r.head == s.id else r.head) for r in links
                          if s.id in (r.head, r.tail)
                          and (not q.link_type or r.type == q.link_type)]
                if not any(o is not None and (not q.linked_label or o.label == q.linked_label)
                           and (not q.linked_text or text_matcher(q.linked_text, options)(
                               doc.text[o.start:o.end])) for o in others):
                    continue
            out.append(s.id)
    return out


def found(project: Project, q: AnnotationQuery,
          options: FoldOptions = DEFAULT_OPTIONS) -> list[str]:
    ids = [h.span_id for h in search_spans(project.database, q, options).hits]
    assert ids == oracle(project, q, options)
    return ids


def test_the_example_of_the_issue(corpus) -> None:
    project, ids = corpus
    q = AnnotationQuery(label="STANCE", value="rejects_normalization", link_type="HELD_BY",
                        linked_label="ACTOR", linked_text="الولايات المتحدة")
    assert found(project, q) == [ids["stance_a"]]  # not TOWARD, not the deleted link
    hit = search_spans(project.database, q).hits[0]
    assert TEXT_A[hit.start:hit.end] == hit.text == "ترفض التطبيع"
    assert hit.annotator == "amal" and hit.title == "A"


def test_each_criterion_alone(corpus) -> None:
    project, ids = corpus
    assert found(project, AnnotationQuery(label="ACTOR")) == [
        ids["us_a"], ids["ru_a"], ids["ru_b"], ids["us_b"]]  # the deleted span is not
    assert found(project, AnnotationQuery(value="state")) == [
        ids["us_a"], ids["ru_a"], ids["ru_b"]]
    assert found(project, AnnotationQuery(attribute="certainty", value="reported")) == [
        ids["school_c"]]
    assert found(project, AnnotationQuery(attribute="type", value="reported")) == []
    assert len(found(project, AnnotationQuery(annotator="basel"))) == 5
    assert found(project, AnnotationQuery(status="done")) == [  # in the order of the text
        ids["us_a"], ids["stance_a"], ids["ru_a"], ids["toward_a"]]
    # the span's text, matched without its harakat, with ة and ه and with Eastern digits
    assert found(project, AnnotationQuery(text="الولايات المتحده")) == [ids["us_a"], ids["us_b"]]
    assert found(project, AnnotationQuery(text="المدرسه")) == [ids["school_c"]]
    assert found(project, AnnotationQuery(text="2254")) == [ids["toward_a"]]
    assert found(project, AnnotationQuery(text="مدرسه"), FoldOptions(prefixes=True)) == [
        ids["school_c"]]
    assert found(project, AnnotationQuery(text="المدرسه"), FoldOptions(ta_marbuta=False)) == []


def test_combined_with_a_text_query_on_the_document(corpus) -> None:
    project, ids = corpus
    assert found(project, AnnotationQuery(label="ACTOR", documents="بلينكن")) == [
        ids["us_a"], ids["ru_a"]]
    assert found(project, AnnotationQuery(label="ACTOR", documents="روسيا -بلينكن")) == [
        ids["ru_b"], ids["us_b"]]
    assert found(project, AnnotationQuery(documents="معتدل")) == [ids["school_c"]]


def test_every_combination_agrees_with_the_oracle(corpus) -> None:
    project, _ids = corpus
    choices = {
        "label": [None, "ACTOR", "STANCE"], "value": [None, "state", "rejects_normalization"],
        "annotator": [None, "amal"], "text": ["", "روسيا", "-روسيا التطبيع"],
        "link_type": [None, "HELD_BY"], "linked_text": ["", "روسيا"],
        "documents": ["", "دمشق"],
    }
    for values in itertools.product(*choices.values()):
        q = AnnotationQuery(**dict(zip(choices, values, strict=True)))
        if not q.is_empty():
            found(project, q)


def test_limit_and_bad_queries(corpus) -> None:
    project, _ids = corpus
    result = search_spans(project.database, AnnotationQuery(label="ACTOR"), limit=2)
    assert len(result.hits) == 2 and result.truncated and result.documents == 1
    with pytest.raises(AnnotatorError, match="say what to look for"):
        search_spans(project.database, AnnotationQuery())
    with pytest.raises(AnnotatorError, match="at least one word"):
        search_spans(project.database, AnnotationQuery(text="-روسيا"))
    assert found(project, AnnotationQuery(label="NO_SUCH")) == []
    assert found(project, AnnotationQuery(text="'; DROP TABLE spans; --")) == []
    assert found(project, AnnotationQuery(label="ACTOR"))  # nothing was harmed


def test_matching_documents_for_the_list(corpus) -> None:
    project, ids = corpus
    q = AnnotationQuery(label="STANCE", value="rejects_normalization")
    assert matching_documents(project.database, q) == [ids["a"], ids["b"]]
    q = AnnotationQuery(label="STANCE", documents="دمشق")
    assert matching_documents(project.database, q) == [ids["b"]]
