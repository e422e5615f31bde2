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
