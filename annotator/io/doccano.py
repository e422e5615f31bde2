"""doccano JSONL in: sequence labelling (`"label": [[start, end, "TAG"], ...]`) and relation
extraction (`entities` / `relations`). doccano's web UI counts offsets in UTF-16 code units
(DESIGN.md), so offsets are read as UTF-16 unless told otherwise; on text without emoji the
two agree."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.errors import InputError
from annotator.io.jsonl import iter_json_lines
from annotator.model import ExportDoc, Span
from annotator.records import DocLabelRecord, DocumentRecord, RelationRecord, SpanRecord
from annotator.text import Utf16Map

TEXT_KEYS = ("text", "data", "column_data")
LABEL_KEYS = ("label", "labels", "column_label")


def looks_like_doccano(obj: dict[str, Any]) -> bool:
    if "entities" in obj:
        return True
    labels = next((obj[k] for k in LABEL_KEYS if k in obj), None)
    return isinstance(labels, list) and "spans" not in obj


def doccano_record(obj: dict[str, Any], where: str, offsets: str) -> DocumentRecord:
    key = next((k for k in TEXT_KEYS if isinstance(obj.get(k), str)), None)
    if key is None:
        raise InputError(f"{where}: no 'text' in the record")
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    rec = DocumentRecord(text=obj[key], where=where, meta=dict(meta), offsets=offsets,
                         key=None)
    if "id" in obj:
        rec.meta["doccano_id"] = obj["id"]
    rec.title = str(rec.meta.pop("title", obj.get("title") or ""))
    extra = {k: v for k, v in obj.items() if k not in (*TEXT_KEYS, *LABEL_KEYS, "id", "meta",
                                                      "entities", "relations", "Comments",
                                                      "title", "document_id")}
    rec.meta.update(extra)
    for n, ent in enumerate(obj.get("entities") or []):
        if not isinstance(ent, dict) or not {"start_offset", "end_offset", "label"} <= ent.keys():
            raise InputError(f"{where}: entity #{n + 1} needs start_offset, end_offset, label")
        rec.spans.append(SpanRecord(ent["start_offset"], ent["end_offset"], str(ent["label"]),
                                    key=str(ent.get("id", f"e{n}"))))
    for n, rel in enumerate(obj.get("relations") or []):
        if not isinstance(rel, dict) or not {"from_id", "to_id", "type"} <= rel.keys():
            raise InputError(f"{where}: relation #{n + 1} needs from_id, to_id and type")
        rec.relations.append(RelationRecord(str(rel["type"]), str(rel["from_id"]),
                                            str(rel["to_id"])))
    labels = next((obj[k] for k in LABEL_KEYS if k in obj), [])
    if not isinstance(labels, list):
        raise InputError(f"{where}: 'label' must be a list")
    for n, item in enumerate(labels):
        if isinstance(item, list) and len(item) == 3:
            rec.spans.append(SpanRecord(item[0], item[1], str(item[2]), key=f"l{n}"))
        elif isinstance(item, str):  # text classification: a document label
            rec.doc_labels.append(DocLabelRecord("label", item))
        else:
            raise InputError(f"{where}: label #{n + 1} must be [start, end, \"TAG\"] "
                             "or a category name")
    if isinstance(obj.get("Comments"), list) and obj["Comments"]:
        rec.meta["doccano_comments"] = obj["Comments"]
    return rec


def read_doccano(path: Path, encoding: str = "auto",
                 offsets: str = "utf16") -> Iterator[DocumentRecord]:
    for where, obj in iter_json_lines(path, encoding):
        yield doccano_record(obj, where, offsets)


OVERLAPS = ("keep", "drop-nested", "split-documents")


def _layers(spans: list[Span]) -> list[list[Span]]:
    """Spans in layers with no overlap inside a layer (each on the lowest free layer,
    longest first at equal starts)."""
    layers: list[list[Span]] = []
    ends: list[int] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        at = next((i for i, end in enumerate(ends) if end <= span.start), None)
        if at is None:
            layers.append([])
            ends.append(0)
            at = len(layers) - 1
        layers[at].append(span)
        ends[at] = span.end
    return layers


class DoccanoWriter:
    """doccano's relation-extraction JSONL (entities and relations). Offsets are UTF-16
    code units by default, which is what doccano's web UI places; the file starts with a
    UTF-8 BOM, without which doccano's import reads UTF-8 Arabic as Thai (DESIGN.md).

    A doccano project with default settings refuses overlapping or nested spans (it drops
    them, then fails on the links to them). `overlaps` chooses: keep them (and warn:
    the project needs "Allow overlapping entity"), drop the nested ones (the longest
    span of each overlapping group stays), or split a document into one line per layer
    of spans that do not overlap (ids `N`, `N.2`, `N.3`…; a link across layers is left
    out, and counted)."""

    suffix = ".jsonl"

    def __init__(self, path: Path, offsets: str = "utf16", overlaps: str = "keep") -> None:
        self._out = path.open("w", encoding="utf-8-sig", newline="\n")
        self._utf16 = offsets == "utf16"
        self._overlaps = overlaps
        self._n = 0
        self._overlapping_docs = 0
        self._dropped_spans = 0
        self._dropped_links = 0

    def write(self, ed: ExportDoc) -> None:
        self._n += 1
        layers = _layers(list(ed.spans))
        if len(layers) > 1:
            self._overlapping_docs += 1
        written: set[str] = set()
        if self._overlaps == "keep" or len(layers) <= 1:
            written |= self._line(ed, list(ed.spans), self._n)
        elif self._overlaps == "drop-nested":
            self._dropped_spans += sum(len(layer) for layer in layers[1:])
            written |= self._line(ed, layers[0], self._n)
        else:
            for k, layer in enumerate(layers, 1):
                written |= self._line(ed, layer, self._n if k == 1 else f"{self._n}.{k}")
        self._dropped_links += len(ed.relations) - len(written)

    def _line(self, ed: ExportDoc, spans: list[Span], line_id: object) -> set[str]:
        """Write one line; returns the ids of the links it holds."""
        text = ed.document.text
        conv = Utf16Map(text).to_utf16 if self._utf16 else (lambda x: x)
        spans = sorted(spans, key=lambda s: (s.start, s.end, s.id))
        ids = {s.id: n for n, s in enumerate(spans)}
        relations = [r for r in ed.relations if r.head in ids and r.tail in ids]
        obj = {"id": line_id, "text": text,
               "entities": [{"id": ids[s.id], "label": s.label, "start_offset": conv(s.start),
                             "end_offset": conv(s.end)} for s in spans],
               "relations": [{"id": n, "from_id": ids[r.head], "to_id": ids[r.tail],
                              "type": r.type} for n, r in enumerate(relations)],
               "document_id": ed.document.id, "title": ed.document.title}
        self._out.write(json.dumps(obj, ensure_ascii=False) + "\n")
        return {r.id for r in relations}

    def close(self) -> list[str]:
        self._out.close()
        notes = []
        if self._overlapping_docs and self._overlaps == "keep":
            notes.append(f"{self._overlapping_docs} document(s) have overlapping or nested "
                         "spans: doccano imports them only into a project with \"Allow "
                         "overlapping entity\" checked in its settings (or export with "
                         "--doccano-overlaps drop-nested or split-documents)")
        if self._dropped_spans or self._dropped_links:
            notes.append(f"--doccano-overlaps {self._overlaps}: left out "
                         f"{self._dropped_spans} nested span(s) and {self._dropped_links} "
                         "link(s) that joined spans no longer on one line")
        return notes
