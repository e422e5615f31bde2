"""Two colleagues who labelled the same four articles differently (the fourth by amal
alone): what the agreement, gold and review tests start from."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.project import Project

TEXTS = ["قالت الولايات المتحدة إنها ترفض التطبيع مع دمشق.",
         "أعلنت روسيا دعمها للتطبيع، بينما رفضت فرنسا ذلك.",
         "قال بيدرسن إن الحل سياسي في سوريا.",
         "خبر لا يهم إلا أمل."]


def at(text: str, word: str) -> tuple[int, int]:
    return text.index(word), text.index(word) + len(word)


@pytest.fixture
def team(tmp_path: Path) -> tuple[Path, list[str]]:
    path = tmp_path / "team.db"
    amal = Project.open(path, "amal")
    docs = [amal.add_document(t, title=f"d{n}").created for n, t in enumerate(TEXTS)]
    t0, t1, t2, t3 = TEXTS
    us = amal.add_span(docs[0], *at(t0, "الولايات المتحدة"), "ACTOR").created
    st = amal.add_span(docs[0], *at(t0, "ترفض التطبيع"), "STANCE",
                       attributes={"value": "rejects_normalization"}).created
    amal.add_relation("HELD_BY", st, us)
    amal.add_span(docs[1], *at(t1, "روسيا"), "ACTOR")
    amal.add_span(docs[1], *at(t1, "فرنسا"), "ACTOR")
    amal.add_span(docs[2], *at(t2, "بيدرسن"), "ACTOR")
    amal.add_span(docs[3], *at(t3, "أمل"), "ACTOR")  # only amal labels the fourth
    for doc, value in zip(docs[:3], ["rejects_normalization", "supports_normalization",
                                     "neutral"], strict=True):
        amal.set_doc_label(doc, "stance", value)
    amal.close()
    basel = Project.open(path, "basel")
    us = basel.add_span(docs[0], *at(t0, "الولايات المتحدة"), "ACTOR").created
    st = basel.add_span(docs[0], *at(t0, "ترفض التطبيع"), "STANCE",
                        attributes={"value": "conditional"}).created  # other attribute
    basel.add_relation("HELD_BY", st, us)
    basel.add_span(docs[1], *at(t1, "روسيا دعمها"), "ACTOR")  # other boundaries
    basel.add_span(docs[1], *at(t1, "فرنسا"), "CLAIM")  # other label
    basel.add_span(docs[2], *at(t2, "الحل سياسي"), "CLAIM")  # only basel
    for doc, value in zip(docs[:3], ["rejects_normalization", "neutral", "neutral"],
                          strict=True):
        basel.set_doc_label(doc, "stance", value)
    basel.close()
    return path, docs


