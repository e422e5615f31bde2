"""Label Studio JSON in: tasks with `annotations[].result[]` (spans as `labels`, links as
`relation`, document labels as `choices`). Offsets are code points, as Label Studio 1.x
places them. Predictions and the 0.x `completions` key are read too: Label Studio itself
drops 0.x completions silently."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.errors import InputError
from annotator.io.encoding import read_text
from annotator.model import ExportDoc
from annotator.records import DocLabelRecord, DocumentRecord, RelationRecord, SpanRecord

COPY_OF = "annotator_copy_of"  # our mark on a region copied for a cross-annotator link


def _key(prefix: str, ident: str) -> str:
    """A region's key in the record: a UUID (this tool's ids) is unique in the whole task,
    anything else only within its annotation."""
    try:
        return str(uuid.UUID(ident))
    except ValueError:
        return prefix + ident


def _who(annotation: dict[str, Any], kind: str) -> str | None:
    if kind == "predictions":
        return f"prediction:{annotation.get('model_version') or 'model'}"
    who = annotation.get("annotator") or annotation.get("completed_by")
    if isinstance(who, dict):
        who = who.get("email") or who.get("id")
    return None if who is None else str(who)


def task_record(task: dict[str, Any], where: str, warnings: list[str]) -> DocumentRecord:
    data = task.get("data")
    if not isinstance(data, dict):
        raise InputError(f"{where}: a task needs a 'data' object")
    text = data.get("text")
    if not isinstance(text, str):
        text = next((v for v in data.values() if isinstance(v, str)), None)
    if text is None:
        raise InputError(f"{where}: the task's data has no text")
    meta = {k: v for k, v in data.items()
            if k not in ("text", "title", "source", "url", "document_id") and v is not text}
    if "id" in task:
        meta["labelstudio_id"] = task["id"]
    rec = DocumentRecord(text=text, where=where, title=str(data.get("title") or ""),
                         source=str(data.get("source") or ""),
                         url=data.get("url") if isinstance(data.get("url"), str) else None,
                         meta=meta)
    skipped: dict[str, int] = {}
    aliases: dict[str, str] = {}
    for kind in ("annotations", "completions", "predictions"):
        for a_n, annotation in enumerate(task.get(kind) or []):
            if not isinstance(annotation, dict) or annotation.get("was_cancelled"):
                continue
            who = _who(annotation, kind)
            prefix = f"{kind}{a_n}:"
            for item in annotation.get("result") or []:
                if isinstance(item, dict) and isinstance(item.get(COPY_OF), str):
                    # A region copied into another annotator's annotation for a link
                    # (Label Studio links only regions of one annotation): the span is
                    # its original, not a new one.
                    aliases[_key(prefix, str(item.get("id")))] = item[COPY_OF]
                    continue
                _read_result(rec, item, prefix, who, where, skipped)
    for rel in rec.relations:
        rel.head, rel.tail = aliases.get(rel.head, rel.head), aliases.get(rel.tail, rel.tail)
    for kind, count in skipped.items():
        warnings.append(f"{where}: skipped {count} result(s) of type {kind!r}")
    return rec


def _read_result(rec: DocumentRecord, item: Any, prefix: str, who: str | None, where: str,
                 skipped: dict[str, int]) -> None:
    if not isinstance(item, dict):
        raise InputError(f"{where}: each result must be an object")
    kind, value = item.get("type"), item.get("value") or {}
    if kind in ("labels", "hypertextlabels") or (kind is None and "labels" in value):
        if not {"start", "end", "labels"} <= value.keys():
            raise InputError(f"{where}: a labels result needs start, end and labels")
        for n, label in enumerate(_names(value["labels"])):
            key = _key(prefix, str(item.get("id", len(rec.spans))))
            rec.spans.append(SpanRecord(value["start"], value["end"], str(label),
                                        annotator=who, key=key if n == 0 else f"{key}#{n}",
                                        text=value.get("text")))
    elif kind == "relation":
        head, tail = _key(prefix, str(item.get("from_id"))), _key(prefix, str(item.get("to_id")))
        if item.get("direction") == "left":
            head, tail = tail, head
        for label in _names(item.get("labels")) or ["related"]:
            rec.relations.append(RelationRecord(str(label), head, tail,
                                                item.get("annotator") or who))
    elif kind == "choices" and "start" in value:  # a per-region choice: an attribute
        span = _region(rec, _key(prefix, str(item.get("id"))), where)
        for choice in _names(value.get("choices")):
            span.attributes[str(item.get("from_name", "choice"))] = str(choice)
    elif kind == "textarea" and "start" in value:  # a per-region text box: the note
        _region(rec, _key(prefix, str(item.get("id"))), where).note = \
            "\n".join(str(t) for t in value.get("text") or [])
    elif kind == "choices":
        for choice in _names(value.get("choices")):
            rec.doc_labels.append(DocLabelRecord(str(item.get("from_name", "choice")),
                                                 str(choice), who))
    else:
        skipped[str(kind)] = skipped.get(str(kind), 0) + 1


def _names(value: Any) -> list[str]:
    """Label Studio gives lists of names; a lone string (hand-written files do that) is one
    name, never a list of its letters."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(x) for x in value] if isinstance(value, list) else [str(value)]


def _region(rec: DocumentRecord, key: str, where: str) -> SpanRecord:
    found = next((s for s in rec.spans if s.key == key), None)
    if found is None:
        raise InputError(f"{where}: a per-region result refers to region {key!r}, which "
                         "comes later or not at all")
    return found


def read_labelstudio(path: Path, encoding: str = "auto",
                     warnings: list[str] | None = None) -> Iterator[DocumentRecord]:
    warnings = warnings if warnings is not None else []
    try:
        data = json.loads(read_text(path, encoding))
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise InputError(f"{path}: the JSON is nested too deeply") from None
    tasks = data if isinstance(data, list) else [data]
    if not tasks:
        raise InputError(f"{path}: the file holds no tasks")
    for n, task in enumerate(tasks, 1):
        if not isinstance(task, dict):
            raise InputError(f"{path}: task #{n} is not an object")
        yield task_record(task, f"{path} task #{n}", warnings)


class LabelStudioWriter:
    """A Label Studio JSON import file: one task per document with one annotation per
    annotator. Spans are `labels` regions (offsets in code points, as Label Studio 1.x
    places them), attributes per-region `choices`, notes per-region `textarea`, links
    `relation` results and document fields `choices`."""

    suffix = ".json"

    def __init__(self, path: Path) -> None:
        self._out = path.open("w", encoding="utf-8", newline="\n")
        self._out.write("[")
        self._n = 0
        self._cross = 0

    def write(self, ed: ExportDoc) -> None:
        doc, text = ed.document, ed.document.text
        by_who: dict[str, list[dict[str, Any]]] = {}
        for s in ed.spans:
            region = {"start": s.start, "end": s.end, "text": text[s.start:s.end]}
            results = by_who.setdefault(s.annotator, [])
            results.append({"id": s.id, "from_name": "label", "to_name": "text",
                            "type": "labels", "value": {**region, "labels": [s.label]}})
            for key, value in s.attributes.items():
                results.append({"id": s.id, "from_name": key, "to_name": "text",
                                "type": "choices", "value": {**region, "choices": [value]}})
            if s.note:
                results.append({"id": s.id, "from_name": "note", "to_name": "text",
                                "type": "textarea", "value": {**region, "text": [s.note]}})
        spans = {s.id: s for s in ed.spans}
        copied: set[tuple[str, str]] = set()
        for r in ed.relations:
            # In the annotation of the link's author: Label Studio resolves region ids
            # within one annotation, so a span of another annotator that the link needs is
            # copied in (marked, so that importing the file makes no second span).
            results = by_who.setdefault(r.annotator, [])
            ends = []
            for span_id in (r.head, r.tail):
                span = spans[span_id]
                if span.annotator == r.annotator:
                    ends.append(span_id)
                    continue
                copy_id = f"{span_id}@{r.annotator}"
                if (span_id, r.annotator) not in copied:
                    copied.add((span_id, r.annotator))
                    results.append({"id": copy_id, "from_name": "label", "to_name": "text",
                                    "type": "labels", COPY_OF: span_id,
                                    "value": {"start": span.start, "end": span.end,
                                              "text": text[span.start:span.end],
                                              "labels": [span.label]}})
                ends.append(copy_id)
            if ends != [r.head, r.tail]:
                self._cross += 1
            results.append({"type": "relation", "from_id": ends[0], "to_id": ends[1],
                            "direction": "right", "labels": [r.type],
                            "annotator": r.annotator})
        for x in ed.doc_labels:
            by_who.setdefault(x.annotator, []).append(
                {"id": x.id, "from_name": x.field, "to_name": "text", "type": "choices",
                 "value": {"choices": [x.value]}})
        self._n += 1
        task = {"id": self._n,
                "data": {"text": text, "title": doc.title, "source": doc.source,
                         "document_id": doc.id},
                "annotations": [{"annotator": who, "result": results}
                                for who, results in by_who.items()]}
        self._out.write(("," if self._n > 1 else "") + "\n"
                        + json.dumps(task, ensure_ascii=False))

    def close(self) -> list[str]:
        self._out.write("\n]\n")
        self._out.close()
        if not self._cross:
            return []
        return [f"{self._cross} link(s) join spans of two annotators: each is in its "
                "author's annotation, with copies of the regions it needs (marked "
                f"{COPY_OF}; importing the file back makes no second span)"]
