"""Files written by doccano, brat and Label Studio import with all their spans, and
exporting back to the same format gives the same spans."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.io.brat import ann_pairs
from annotator.io.exporter import ExportOptions, export
from annotator.io.importer import ImportOptions, import_paths
from annotator.project import Project

DOCCANO = ["export_sequence_labeling.jsonl", "import_relation_extraction.jsonl",
           "test_relation_extraction.jsonl", "test_sequence_labeling_overlapping.jsonl",
           "export_text_classification.jsonl"]
LABEL_STUDIO = ["editor_example_named_entity_annotation.json",
                "editor_example_named_entity_tasks.json", "legacy_v0_completions_348.json",
                "editor_example_sentiment_annotation.json"]


def spans_in(project: Project) -> list[tuple[str, int, int, str]]:
    out = []
    for ed in project.export_documents():
        out += [(ed.document.text, s.start, s.end, s.label) for s in ed.spans]
    return sorted(out)


def links_in(project: Project) -> list[tuple[str, str, str]]:
    out = []
    for ed in project.export_documents():
        text = {s.id: ed.document.text[s.start:s.end] for s in ed.spans}
        out += [(r.type, text[r.head], text[r.tail]) for r in ed.relations]
    return sorted(out)


def import_into(path: Path, source: Path, fmt: str = "auto") -> Project:
    project = Project.open(path, "tester")
    import_paths(project, [source], ImportOptions(format=fmt, add_labels=True))
    return project


def round_trip(tmp_path: Path, source: Path, fmt: str) -> None:
    first = import_into(tmp_path / "first.db", source, fmt)
    out = tmp_path / ("exported" if fmt == "brat" else f"exported.{fmt}")
    export(first, ExportOptions(fmt, out))
    second = import_into(tmp_path / "second.db", out, fmt)
    assert spans_in(second) == spans_in(first)
    assert links_in(second) == links_in(first)
    first.close()
    second.close()


@pytest.mark.parametrize("name", DOCCANO)
def test_doccano_files_import_every_span(tmp_path: Path, shared: Path, name: str) -> None:
    source = shared / "fixtures" / "doccano" / name
    expected = 0
    for line in source.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        expected += len(obj.get("entities") or [])
        expected += sum(isinstance(x, list) for x in obj.get("label") or [])
    project = import_into(tmp_path / "d.db", source)
    assert project.counts()["spans"] == expected
    project.close()
    round_trip(tmp_path, source, "doccano")


@pytest.mark.parametrize("name", LABEL_STUDIO)
def test_label_studio_files_import_every_span(tmp_path: Path, shared: Path, name: str) -> None:
    source = shared / "fixtures" / "label_studio" / name
    if not source.exists():
        pytest.skip(f"{name} is not in this copy of the fixtures")
    data = json.loads(source.read_text(encoding="utf-8"))
    tasks = data if isinstance(data, list) else [data]
    expected = sum(len(r["value"]["labels"]) for t in tasks
                   for key in ("annotations", "completions", "predictions")
                   for a in t.get(key) or [] for r in a.get("result") or []
                   if "labels" in r.get("value", {}))
    project = import_into(tmp_path / "ls.db", source)
    assert project.counts()["spans"] == expected
    project.close()
    round_trip(tmp_path, source, "labelstudio")


def test_label_studio_choices_become_document_labels(tmp_path: Path, shared: Path) -> None:
    source = shared / "fixtures" / "label_studio" / "editor_example_sentiment_annotation.json"
    if not source.exists():
        pytest.skip("the sentiment example is not in this copy of the fixtures")
    project = import_into(tmp_path / "ls.db", source)
    assert project.counts()["doc_labels"] >= 1
    project.close()


@pytest.mark.parametrize("folder", ["news_tutorial", "conll2002_es"])
def test_brat_folders_import_every_text_bound_span(tmp_path: Path, shared: Path,
                                                   folder: str) -> None:
    source = shared / "fixtures" / "brat" / folder
    expected = sum(1 for _, ann in ann_pairs(source)
                   for line in ann.read_text(encoding="utf-8").splitlines()
                   if line.startswith("T"))
    project = import_into(tmp_path / "b.db", source)
    assert project.counts()["spans"] == expected
    project.close()
    round_trip(tmp_path, source, "brat")


def test_brat_events_and_equivalences_are_reported(tmp_path: Path, shared: Path) -> None:
    project = Project.open(tmp_path / "b.db", "tester")
    report = import_paths(project, [shared / "fixtures" / "brat" / "news_tutorial"],
                          ImportOptions(add_labels=True))
    project.close()
    assert any("skipped 4 events" in w for w in report.warnings)
    assert any("equivalences (Alias T3 T4 T5)" in w for w in report.warnings)
    assert "label 'Person'" in report.scheme_additions


def test_brat_notes_and_attributes_are_kept(tmp_path: Path, shared: Path) -> None:
    project = import_into(tmp_path / "b.db", shared / "fixtures" / "brat" / "news_tutorial")
    spans = [s for ed in project.export_documents() for s in ed.spans]
    assert any(s.note == "Should fictional places be annotated?" for s in spans)
    assert any(s.attributes == {"Individual": "true"} for s in spans)
    project.close()
