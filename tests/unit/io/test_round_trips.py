"""Every export that can be read loads back into this tool with no flags and gives the same
spans and links: a hostile document (emoji, a ZWJ family, a flag, harakat, line and
paragraph separators, a tab, formula-looking text, overlapping and nested spans, a link
between two annotators' spans) through jsonl, doccano, Label Studio and brat."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.project import Project
from tests.helpers.cli import run

TEXT = ("=SUM(A1) قالَ الوزيرُ 👨‍👩‍👧 أنتوني بلينكن\u2028في بيان 🇸🇾\u0085اليوم:\t"
        "إنّ الولايات المتحدة لا تدعم التطبيع مع نظام الأسد 😀 +قرار 2254")


def find(word: str) -> tuple[int, int]:
    at = TEXT.index(word)
    return at, at + len(word)


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.db"
    amal = Project.open(path, "amal")
    doc = amal.add_document(TEXT, title="+بيان").created
    blinken = amal.add_span(doc, *find("أنتوني بلينكن"), "ACTOR").created
    amal.add_span(doc, *find("👨‍👩‍👧"), "ACTOR")
    amal.add_span(doc, *find("قالَ الوزيرُ"), "CLAIM")
    amal.close()
    basel = Project.open(path, "basel")
    usa = basel.add_span(doc, *find("الولايات المتحدة"), "ACTOR").created
    stance = basel.add_span(doc, *find("الولايات المتحدة لا تدعم التطبيع"), "STANCE").created
    assad = basel.add_span(doc, *find("نظام الأسد"), "ACTOR").created
    basel.add_relation("HELD_BY", stance, usa)
    basel.add_relation("TOWARD", stance, assad)
    claim = basel.add_span(doc, *find("+قرار 2254"), "CLAIM").created
    basel.add_relation("SAID_BY", claim, blinken)  # basel's link to amal's span
    basel.close()
    return path


def contents(db: Path) -> tuple[str, list, list]:
    project = Project.open(db, "reader")
    (doc,) = project.documents()
    text = project.document(doc.id).text
    spans = {s.id: (s.start, s.end, s.label) for s in project.spans(doc.id)}
    links = sorted((r.type, spans[r.head], spans[r.tail]) for r in project.relations(doc.id))
    project.close()
    return text, sorted(spans.values()), links


@pytest.mark.parametrize("fmt, name", [("jsonl", "x.jsonl"), ("doccano", "x.jsonl"),
                                       ("labelstudio", "x.json"), ("brat", "x")])
def test_an_export_loads_back_with_the_same_spans_and_links(hostile: Path, tmp_path: Path,
                                                            fmt: str, name: str) -> None:
    out = tmp_path / name
    code, _, err = run("export", "--format", fmt, "--out", out, "--db", hostile)
    assert code == 0, err
    back = tmp_path / f"back-{fmt}.db"
    code, _, err = run("import", out, "--db", back)  # no flags
    assert code == 0, err
    assert contents(back) == contents(hostile)


def test_csv_and_conll_are_one_way_and_say_so(hostile: Path, tmp_path: Path) -> None:
    conll = tmp_path / "x.conll"
    assert run("export", "--format", "conll", "--out", conll, "--db", hostile)[0] == 0
    code, _, err = run("import", conll, "--db", tmp_path / "c.db")
    assert code == 1 and "CoNLL is an export format" in err
