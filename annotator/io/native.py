"""The native JSON lines export (DESIGN.md), one document per line, and its writer.

Complete, so that a colleague's file merges without loss: every record carries its id,
annotator and times; a record's base revision and last editor are written where set;
deleted records travel under "deleted" so that a deletion reaches the other copy.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any, TextIO

from annotator.model import DocLabel, ExportDoc, Relation, Span


def _tracked(obj: dict[str, Any], record_id: str,
             tracking: Mapping[str, tuple[str, str]]) -> dict[str, Any]:
    if not tracking:  # most documents: nothing was ever edited after it was made
        return obj
    base, updated_by = tracking.get(record_id, ("", ""))
    if base:
        obj["base"] = base
    if updated_by and updated_by != obj.get("annotator"):
        obj["updated_by"] = updated_by
    return obj


def _span(s: Span, text: str, tracking: Mapping[str, tuple[str, str]]) -> dict[str, Any]:
    return _tracked({"id": s.id, "start": s.start, "end": s.end, "label": s.label,
                     "text": text[s.start:s.end], "attributes": s.attributes, "note": s.note,
                     "annotator": s.annotator, "created_at": s.created_at,
                     "updated_at": s.updated_at}, s.id, tracking)


def _relation(r: Relation, tracking: Mapping[str, tuple[str, str]]) -> dict[str, Any]:
    return _tracked({"id": r.id, "type": r.type, "head": r.head, "tail": r.tail,
                     "annotator": r.annotator, "created_at": r.created_at,
                     "updated_at": r.updated_at}, r.id, tracking)


def _doc_label(x: DocLabel, tracking: Mapping[str, tuple[str, str]]) -> dict[str, Any]:
    return _tracked({"id": x.id, "field": x.field, "value": x.value, "annotator": x.annotator,
                     "created_at": x.created_at, "updated_at": x.updated_at}, x.id, tracking)


def native_object(ed: ExportDoc) -> dict[str, Any]:
    doc, text, tr = ed.document, ed.document.text, ed.tracking
    obj = _tracked({
        "id": doc.id, "title": doc.title, "source": doc.source, "url": doc.url,
        "published": doc.published, "language": doc.language, "status": doc.status,
        "text": text, "sha256": doc.sha256, "meta": dict(doc.meta),
        "annotator": doc.annotator, "created_at": doc.created_at, "updated_at": doc.updated_at,
        "spans": [_span(s, text, tr) for s in ed.spans],
        "relations": [_relation(r, tr) for r in ed.relations],
        "doc_labels": [_doc_label(x, tr) for x in ed.doc_labels],
    }, doc.id, tr)
    if ed.tombstones:
        dead: dict[str, list[dict[str, Any]]] = {}
        for s in ed.tombstones.get("spans", []):
            dead.setdefault("spans", []).append(_span(s, text, tr))  # type: ignore[arg-type]
        for r in ed.tombstones.get("relations", []):
            dead.setdefault("relations", []).append(_relation(r, tr))  # type: ignore[arg-type]
        for x in ed.tombstones.get("doc_labels", []):
            dead.setdefault("doc_labels", []).append(_doc_label(x, tr))  # type: ignore[arg-type]
        obj["deleted"] = dead
    for table, rows in ed.review.items():  # a reviewer's decisions and comments
        for row in rows:
            out = {k: v for k, v in row.items() if k not in ("doc_id", "deleted") and
                   (v or k not in ("base", "updated_by"))}
            if table == "comments":
                out["resolved"] = bool(out["resolved"])
            target = obj.setdefault("deleted", {}) if row["deleted"] else obj
            target.setdefault(table, []).append(out)
    return obj


class NativeWriter:
    suffix = ".jsonl"

    def __init__(self, path: Path) -> None:
        self._out: TextIO = path.open("w", encoding="utf-8", newline="\n")

    def write(self, ed: ExportDoc) -> None:
        self._out.write(json.dumps(native_object(ed), ensure_ascii=False) + "\n")

    def close(self) -> list[str]:
        self._out.close()
        return []
