"""`annotator export --gold`: the adjudicated layer in every format, what was left out said,
and the round trip: the gold file imports back with its gold spans, with no flags."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.formats import EXPORT_FORMATS
from annotator.project import Project
from annotator.review.disagreements import GOLD
from annotator.review.gold import accept_agreements, decide, review
from tests.unit.test_cli import run


def adjudicate(path: Path, doc_id: str) -> None:
    reviewer = Project.open(path, "rania")
    doc = review(reviewer, doc_id)
    for unit in doc.open_units:
        decide(reviewer, unit, unit.holders[0])
    accept_agreements(reviewer, review(reviewer, doc_id))
    assert review(reviewer, doc_id).adjudicated
    reviewer.close()


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_every_format_exports_the_gold_of_adjudicated_documents(team, tmp_path: Path,
                                                                fmt: str) -> None:
    path, docs = team
    adjudicate(path, docs[0])
    out = tmp_path / ("gold" if fmt == "brat" else f"gold.{fmt}")
    code, stdout, err = run("export", "--db", str(path), "--format", fmt, "--out", str(out),
                            "--gold")
    assert code == 0, err
    assert "exported 1 documents" in stdout
    assert "left out 3 documents not yet adjudicated" in err
    code, stdout, err = run("export", "--db", str(path), "--format", fmt, "--out",
                            str(tmp_path / ("all" if fmt == "brat" else f"all.{fmt}")),
                            "--gold", "--include-unadjudicated")
    assert code == 0 and "exported 4 documents" in stdout and "left out" not in err


def test_the_gold_file_loads_back(team, tmp_path: Path) -> None:
    path, docs = team
    adjudicate(path, docs[0])
    out = tmp_path / "gold.jsonl"
    assert run("export", "--db", str(path), "--format", "jsonl", "--out", str(out),
               "--gold")[0] == 0
    [line] = out.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert {s["annotator"] for s in record["spans"]} == {GOLD}
    assert len(record["spans"]) == 2 and len(record["relations"]) == 1
    code, _out, err = run("import", str(out), "--db", str(tmp_path / "fresh.db"))
    assert code == 0, err
    fresh = Project.open(tmp_path / "fresh.db", "x")
    [doc] = fresh.documents()
    assert sorted(s.label for s in fresh.spans(doc.id)) == ["ACTOR", "STANCE"]
    assert {s.annotator for s in fresh.spans(doc.id)} == {GOLD}
    fresh.close()


def test_gold_flags_that_do_not_go_together(team, tmp_path: Path) -> None:
    path, _docs = team
    code, _o, err = run("export", "--db", str(path), "--format", "jsonl", "--out",
                        str(tmp_path / "x.jsonl"), "--gold", "--annotator", "amal")
    assert code == 2 and "leave out --annotator" in err
    code, _o, err = run("export", "--db", str(path), "--format", "jsonl", "--out",
                        str(tmp_path / "x.jsonl"), "--include-unadjudicated")
    assert code == 2 and "goes with --gold" in err
    assert not (tmp_path / "x.jsonl").exists()
