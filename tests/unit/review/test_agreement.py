"""Agreement over a real database: two colleagues label the same articles differently; the
report's numbers are checked against scikit-learn and set arithmetic on the same data,
the disagreements per document counted by hand, and bad input gets sentences."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import warnings
from pathlib import Path

import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.errors import InputError
from annotator.project import Project
from annotator.review.agreement import agreement
from tests.unit.test_cli import run


def digest(path: Path) -> str:
    conn = sqlite3.connect(path)
    rows = [r for t in ("documents", "spans", "relations", "doc_labels")
            for r in conn.execute(f"SELECT * FROM {t} ORDER BY id")]
    conn.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def score(report, what: str, match: str):
    return next(s for s in report.spans if s.what == what and s.match == match)


def test_the_numbers(team) -> None:
    path, docs = team
    project = Project.open(path, "reviewer")
    report = agreement(project.database, ["amal", "basel"])
    assert report.documents == 3  # the fourth has amal's work only
    [stance] = [f for f in report.fields if f.field == "stance"]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = cohen_kappa_score(["rejects_normalization", "supports_normalization",
                                      "neutral"], ["rejects_normalization", "neutral",
                                                   "neutral"])
    assert abs(stance.kappa["amal / basel"] - expected) <= 1e-9
    # spans, exact: amal has {US, stance, Russia, France, Pedersen} on the three shared
    # documents (the fourth is not shared); basel matches US and the stance span.
    actor = score(report, "ACTOR", "exact")
    assert (actor.reference_count, actor.predicted_count) == (4, 2)
    assert actor.precision == 0.5 and actor.recall == 0.25
    everything = score(report, "*", "exact")
    assert (everything.reference_count, everything.predicted_count) == (5, 5)
    assert everything.f1 == pytest.approx(2 * 2 / (5 + 5), abs=1e-9)
    overlap = score(report, "ACTOR", "overlap")  # Russia overlaps "Russia supports"
    assert overlap.recall == 2 / 4 and overlap.precision == 2 / 2
    [held] = [s for s in report.links if s.what == "HELD_BY"]
    assert held.f1 == 1.0
    by_doc = {doc: n for doc, _title, n in report.disagreements}
    # d0: stance attributes, field? no (same value) -> 1; d1: Russia boundaries (2 places),
    # France label (2 places), stance field -> 5; d2: Pedersen only amal, claim only basel
    assert by_doc == {docs[0]: 1, docs[1]: 5, docs[2]: 2}
    assert report.disagreements[0][0] == docs[1]
    assert report.against_gold == []
    project.close()


def test_bad_input_is_a_sentence(team, tmp_path: Path) -> None:
    path, _docs = team
    project = Project.open(path, "reviewer")
    with pytest.raises(InputError, match="no annotations by nobody"):
        agreement(project.database, ["amal", "nobody"])
    with pytest.raises(InputError, match="at least two annotators"):
        agreement(project.database, ["amal"])
    project.close()
    lonely = Project.open(tmp_path / "lonely.db", "amal")
    a = lonely.add_document("نص أول", title="a").created
    b = lonely.add_document("نص ثان", title="b").created
    lonely.add_span(a, 0, 2, "ACTOR")
    lonely.close()
    other = Project.open(tmp_path / "lonely.db", "basel")
    other.add_span(b, 0, 2, "ACTOR")
    with pytest.raises(InputError, match="no document in common"):
        agreement(other.database)
    other.close()


def test_the_command(team) -> None:
    path, _docs = team
    before = digest(path)
    code, out, err = run("agreement", "--db", str(path))
    assert code == 0, err
    assert "agreement of amal, basel over 3 documents" in out
    assert "stance" in out and "alpha" in out and "HELD_BY" in out
    code, out, _ = run("agreement", "--db", str(path), "--json", "--labels", "ACTOR")
    report = json.loads(out)
    assert {s["what"] for s in report["spans"]} == {"ACTOR", "*"}
    code, out, err = run("agreement", "--db", str(path), "--annotators", "amal,zed")
    assert code == 1 and "no annotations by zed" in err and "Traceback" not in err
    code, out, err = run("agreement", "--db", str(path), "--annotators", ",")
    assert code == 2 and "Traceback" not in err
    assert digest(path) == before


@pytest.mark.parametrize("command", [["agreement"], ["spans", "--label", "ACTOR"],
                                     ["search", "بلينكن"]])
def test_new_commands_refuse_missing_and_foreign_files(tmp_path: Path,
                                                       command: list[str]) -> None:
    missing = tmp_path / "none.db"
    code, _out, err = run(*command, "--db", str(missing))
    assert code == 1 and "no such database" in err and not missing.exists()
    foreign = tmp_path / "notes.db"
    foreign.write_bytes(b"just some text, not a database\n" * 10)
    code, out, err = run(*command, "--db", str(foreign))
    assert code == 1 and "not an SQLite file" in err and "Traceback" not in out + err
    assert foreign.read_bytes() == b"just some text, not a database\n" * 10


def test_a_huge_span_query_is_answered(team) -> None:
    path, _docs = team
    before = digest(path)
    words = " ".join(f"كلمة{n}" for n in range(20_000))  # 20,000 words, about 200 kB
    code, _out, err = run("spans", "--db", str(path), "--text", words, "--in", words)
    assert code == 0 and "0 spans in 0 documents" in err, err
    assert digest(path) == before
