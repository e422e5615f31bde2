"""JSON lines in: the native export (spans, relations, labels, ids) and plain records
(`text` plus optional id, title, source, url, published; other fields become metadata)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.errors import InputError
from annotator.io.encoding import bounded_lines, open_text
from annotator.records import (
    DocLabelRecord,
    DocumentRecord,
    Provenance,
    RelationRecord,
    ReviewRecord,
    SpanRecord,
)

KNOWN_FIELDS = frozenset(("id", "title", "source", "url", "published", "language", "text",
                          "sha256", "meta", "status", "spans", "relations", "doc_labels",
                          "annotator", "created_at", "updated_at", "base", "updated_by",
                          "deleted", "decisions", "comments"))


def iter_json_lines(path: Path, encoding: str = "auto") -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, object) for each non-blank line; a line that is not a JSON object fails."""
    with open_text(path, encoding) as stream:
        for n, line in enumerate(bounded_lines(stream, path), 1):
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                obj = json.loads(line)
            except RecursionError:
                raise InputError(f"{where}: the JSON is nested too deeply") from None
            except json.JSONDecodeError as exc:
                hint = " (pretty-printed JSON? JSON lines need one document per line)" \
                    if line.strip() in ("{", "[") else ""
                raise InputError(f"{where}: not valid JSON: {exc.msg}{hint}") from None
            if not isinstance(obj, dict):
                raise InputError(f"{where}: each line must be a JSON object")
            yield where, obj


def _text(obj: dict[str, Any], key: str, where: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str):
        raise InputError(f"{where}: no {key!r} string in the record")
    return value


def _opt(obj: dict[str, Any], key: str) -> str | None:
    value = obj.get(key)
    return None if value is None else str(value)


def _provenance(obj: dict[str, Any], deleted: bool = False) -> Provenance:
    return Provenance(_opt(obj, "created_at"), _opt(obj, "updated_at"), _opt(obj, "updated_by"),
                      str(obj.get("base") or ""), deleted)


def record_from_json(obj: dict[str, Any], where: str) -> DocumentRecord:
    text = _text(obj, "text", where)
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    meta = {**meta, **{k: v for k, v in obj.items() if k not in KNOWN_FIELDS}}
    rec = DocumentRecord(text=text, where=where, title=str(obj.get("title") or ""),
                         source=str(obj.get("source") or ""), url=_opt(obj, "url"),
                         published=_opt(obj, "published"),
                         language=None if obj.get("language") is None
                         else str(obj["language"]), meta=meta,
                         status=_opt(obj, "status"), key=_opt(obj, "id"),
                         annotator=_opt(obj, "annotator"), provenance=_provenance(obj))
    deleted = obj.get("deleted") or {}
    if not isinstance(deleted, dict):
        raise InputError(f"{where}: 'deleted' must be an object of spans, relations, "
                         "doc_labels, decisions and comments")
    for dead, source in ((False, obj), (True, deleted)):
        _read_annotations(rec, source, where, dead)
    return rec


def _read_annotations(rec: DocumentRecord, obj: dict[str, Any], where: str,
                      dead: bool) -> None:
    for span in _list(obj, "spans", where):
        if not isinstance(span, dict) or "start" not in span or "end" not in span \
                or not isinstance(span.get("label"), str):
            raise InputError(f"{where}: each span needs start, end and label")
        attrs = span.get("attributes") or {}
        if not isinstance(attrs, dict):
            raise InputError(f"{where}: span attributes must be an object")
        rec.spans.append(SpanRecord(span["start"], span["end"], span["label"], attrs,
                                    _opt(span, "note"), _opt(span, "annotator"),
                                    _opt(span, "id"), _opt(span, "text"),
                                    _provenance(span, dead)))
    for rel in _list(obj, "relations", where):
        if not isinstance(rel, dict) or not all(isinstance(rel.get(k), str)
                                                for k in ("type", "head", "tail")):
            raise InputError(f"{where}: each relation needs type, head and tail")
        rec.relations.append(RelationRecord(rel["type"], rel["head"], rel["tail"],
                                            _opt(rel, "annotator"), _opt(rel, "id"),
                                            _provenance(rel, dead)))
    for lab in _list(obj, "doc_labels", where):
        if not isinstance(lab, dict) or not all(isinstance(lab.get(k), str)
                                                for k in ("field", "value")):
            raise InputError(f"{where}: each document label needs field and value")
        rec.doc_labels.append(DocLabelRecord(lab["field"], lab["value"], _opt(lab, "annotator"),
                                             _opt(lab, "id"), _provenance(lab, dead)))
    for decision in _list(obj, "decisions", where):
        if not isinstance(decision, dict) or not isinstance(decision.get("id"), str) \
                or decision.get("verdict") not in ("accepted", "rejected"):
            raise InputError(f"{where}: each review decision needs an id and a verdict "
                             "(accepted or rejected)")
        rec.review.append(ReviewRecord("decisions", decision["id"],
                                       {"verdict": decision["verdict"]},
                                       _opt(decision, "annotator"),
                                       _provenance(decision, dead)))
    for comment in _list(obj, "comments", where):
        if not isinstance(comment, dict) or not isinstance(comment.get("id"), str) \
                or not isinstance(comment.get("body"), str) \
                or not isinstance(comment.get("target", ""), str):
            raise InputError(f"{where}: each comment needs an id and a body")
        rec.review.append(ReviewRecord("comments", comment["id"], {
            "target": comment.get("target", ""), "body": comment["body"],
            "resolved": int(bool(comment.get("resolved")))}, _opt(comment, "annotator"),
            _provenance(comment, dead)))


def _list(obj: dict[str, Any], key: str, where: str) -> list[Any]:
    value = obj.get(key) or []
    if not isinstance(value, list):
        raise InputError(f"{where}: {key!r} must be a list")
    return value


def read_jsonl(path: Path, encoding: str = "auto") -> Iterator[DocumentRecord]:
    for where, obj in iter_json_lines(path, encoding):
        yield record_from_json(obj, where)
