"""`annotator search`: hits as code points of the stored text, JSON, and sentences for
what it cannot do."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from annotator.seeds import open_project
from tests.unit.test_cli import run


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "team.db"
    project = open_project(path, "amal", with_seeds=True)
    project.add_document("🇸🇾 وقالت وبالولايات المتحدةُ إن للولايات حقا", title="ثان")
    project.close()
    return path


def rows_digest(path: Path) -> str:
    import sqlite3
    conn = sqlite3.connect(path)
    rows = [r for t in ("documents", "spans", "relations", "doc_labels")
            for r in conn.execute(f"SELECT * FROM {t} ORDER BY id")]
    conn.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_search_prints_each_hit_with_offsets_and_a_snippet(db: Path) -> None:
    code, out, err = run("search", "انتوني بلينكن", "--db", str(db))
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 5 and "5 hits in 1 documents" in err
    doc_id, title, where, snippet = lines[0].split("\t")
    start, end = map(int, where.split("-"))
    assert title.startswith("بلينكن: أمريكا")
    assert "[أنتوني] بلينكن" in snippet
    project = open_project(db, "amal")
    assert project.document(doc_id).text[start:end] == "أنتوني"
    project.close()


def test_search_json_prefixes_limit(db: Path) -> None:
    code, out, _ = run("search", '"الولايات المتحدة"', "--prefixes", "--json", "--db", str(db))
    result = json.loads(out)
    assert code == 0 and result["documents"] == 2
    assert {h["text"] for h in result["hits"]} == {"الولايات المتحدة", "الولايات المتحدةُ"}
    code, out, _ = run("search", "بلينكن", "--limit", "2", "--json", "--db", str(db))
    result = json.loads(out)
    assert len(result["hits"]) == 2 and result["truncated"] is True


def test_search_label_filter(db: Path) -> None:
    code, out, _ = run("search", "بلينكن", "--label", "ACTOR", "--db", str(db))
    assert code == 0 and out == ""


@pytest.mark.parametrize("query", ["ًٌٍ", '""', "   "])
def test_a_query_with_nothing_to_find_is_a_sentence(db: Path, query: str) -> None:
    before = rows_digest(db)
    code, out, err = run("search", query, "--db", str(db))
    assert code == 1 and "at least one word" in err and "Traceback" not in err + out
    assert rows_digest(db) == before


def test_search_refuses_a_missing_database(tmp_path: Path) -> None:
    code, _, err = run("search", "بلينكن", "--db", str(tmp_path / "none.db"))
    assert code == 1 and "no such database" in err
    assert not (tmp_path / "none.db").exists()


def test_a_query_starting_with_an_exclusion_after_double_dash(db: Path) -> None:
    code, out, err = run("search", "--db", str(db), "--prefixes", "--", "-بلينكن الولايات")
    assert code == 0 and "2 hits in 1 documents" in err
    assert {line.split("\t")[1] for line in out.splitlines()} == {"ثان"}


def test_spans_finds_the_example_of_the_issue(db: Path) -> None:
    project = open_project(db, "amal")
    doc = project.documents()[1].id
    text = project.document(doc).text
    us = project.add_span(doc, text.index("وبالولايات") + 2, text.index("إن") - 1,
                          "ACTOR").created
    stance = project.add_span(doc, text.index("حقا"), text.index("حقا") + 3, "STANCE",
                              attributes={"value": "rejects_normalization"}).created
    project.add_relation("HELD_BY", stance, us)
    project.close()
    before = rows_digest(db)
    code, out, err = run("spans", "--db", str(db), "--label", "STANCE",
                         "--attr", "value=rejects_normalization", "--link-type", "HELD_BY",
                         "--linked-label", "ACTOR", "--linked-text", "الولايات المتحدة",
                         "--json")
    result = json.loads(out)
    assert code == 0 and [s["span_id"] for s in result["spans"]] == [stance]
    assert result["spans"][0]["text"] == "حقا" and result["spans"][0]["annotator"] == "amal"
    code, out, err = run("spans", "--db", str(db), "--text", "الولايات المتحده",
                         "--in", "للولايات")
    assert code == 0 and "1 spans in 1 documents" in err
    _doc, _title, _where, label, who, snippet = out.splitlines()[0].split("\t")
    assert label == "ACTOR" and who == "amal" and "[الولايات المتحدةُ]" in snippet
    code, out, err = run("spans", "--db", str(db), "--linked-text", "روسيا")
    assert code == 0 and out == "" and "0 spans in 0 documents" in err
    assert rows_digest(db) == before


@pytest.mark.parametrize("args, message", [
    ([], "say what to look for"),
    (["--text", "-روسيا"], "at least one word"),
    (["--status", "finished"], "Invalid value for '--status'"),
])
def test_spans_bad_queries_are_sentences(db: Path, args: list[str], message: str) -> None:
    before = rows_digest(db)
    code, out, err = run("spans", "--db", str(db), *args)
    assert code != 0 and message in err and "Traceback" not in out + err
    assert rows_digest(db) == before


def test_search_after_an_upgrade_builds_the_index_first(db: Path) -> None:
    from tests.unit.search.test_index_upkeep import as_before_the_index

    as_before_the_index(db)
    code, _out, err = run("search", "بلينكن", "--db", str(db))
    assert code == 0 and "building the search index" in err and "4 hits" in err
    code, _out, err = run("search", "بلينكن", "--db", str(db))
    assert code == 0 and "building" not in err


def test_spans_attr_forms(db: Path) -> None:
    project = open_project(db, "amal")
    doc = project.documents()[1].id
    project.add_span(doc, 3, 8, "STANCE", attributes={"value": "neutral"})
    project.close()
    for attr in ("neutral", "value=neutral", "=neutral"):
        code, out, err = run("spans", "--db", str(db), "--attr", attr, "--json")
        assert code == 0 and len(json.loads(out)["spans"]) == 1, (attr, err)
    for attr in ("type=neutral", "value=neu=tral"):
        code, out, err = run("spans", "--db", str(db), "--attr", attr, "--json")
        assert code == 0 and json.loads(out)["spans"] == [], attr
