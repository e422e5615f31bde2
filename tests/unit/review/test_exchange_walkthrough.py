"""The walk-through of issue "Many hands": two analysts label the seed article and corpus
articles in two files, exchange the files both ways, and end with the same annotations,
each with its author."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.project import Project
from tests.helpers.cli import run


def annotations(db: Path) -> list[tuple]:
    """Every live annotation keyed by its article's text hash (each analyst imported the
    articles on their own, so the documents' ids differ; their texts do not)."""
    project = Project.open(db, "reader")
    out = []
    for ed in project.export_documents():
        sha = ed.document.sha256
        out.append((sha, "status", ed.document.status))
        out += [(sha, "span", s.id, s.start, s.end, s.label,
                 json.dumps(s.attributes, sort_keys=True), s.note, s.annotator)
                for s in ed.spans]
        out += [(sha, "link", r.id, r.type, r.head, r.tail, r.annotator) for r in ed.relations]
        out += [(sha, "label", x.field, x.value, x.annotator) for x in ed.doc_labels]
    project.close()
    return sorted(out)


def label(db: Path, name: str, phrases: list[tuple[str, str]], done: bool) -> None:
    project = Project.open(db, name)
    for summary in project.documents():
        doc = project.document(summary.id)
        spans = {}
        for phrase, lab in phrases:
            at = doc.text.find(phrase)
            if at >= 0:
                spans[lab] = project.add_span(doc.id, at, at + len(phrase), lab).created
        if "CLAIM" in spans and "ACTOR" in spans:
            project.add_relation("SAID_BY", spans["CLAIM"], spans["ACTOR"])
        project.set_doc_label(doc.id, "relevance", "relevant")
        if done:
            project.set_status(doc.id, "done")
    project.close()


def test_two_analysts_exchange_files_both_ways_and_agree(tmp_path: Path, shared: Path) -> None:
    articles = sorted((shared / "corpora" / "covid_propaganda_ar" / "articles").rglob("*.txt"))
    sources = [shared / "seeds" / "000_0e0998142872af74.txt", *articles[:3]]
    amal, basel = tmp_path / "amal.db", tmp_path / "basel.db"
    for db, name in ((amal, "amal"), (basel, "basel")):
        for source in reversed(sources) if name == "basel" else sources:
            code, _, err = run("import", source, "--db", db, "--annotator", name)
            assert code == 0, err
    label(amal, "amal", [("أنتوني بلينكن", "ACTOR"), ("الحل الوحيد", "CLAIM"),
                         ("كورونا", "ACTOR")], done=True)
    label(basel, "basel", [("الولايات المتحدة", "ACTOR"), ("فيروس", "CLAIM"),
                           ("منظمة الصحة العالمية", "ACTOR")], done=False)
    code, out, err = run("merge", basel, "--db", amal, "--json")
    assert code == 0, err
    assert json.loads(out)["counts"]["documents"]["added"] == 0  # matched by their text
    code, _, err = run("merge", amal, "--db", basel)
    assert code == 0, err
    mine, theirs = annotations(amal), annotations(basel)
    assert mine == theirs
    authors = {row[-1] for row in mine if row[1] == "span"}
    assert authors == {"amal", "basel"}
    # the seed article carries both analysts' labels and both document labels
    assert sum(1 for row in mine if row[1] == "label") == 2 * len(sources)
