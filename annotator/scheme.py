"""The label scheme: span labels, relation types and document fields, read from TOML."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.errors import SchemeError

# Ids are what files call their labels: any short text without control characters.
_ID = re.compile(r"^[^\x00-\x1f\x7f]{1,64}$")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


@dataclass(frozen=True)
class Choice:
    id: str
    en: str
    ar: str

    def name(self, lang: str) -> str:
        return self.ar if lang == "ar" else self.en


@dataclass(frozen=True)
class Attribute:
    id: str
    name_en: str
    name_ar: str
    choices: tuple[Choice, ...]

    def choice(self, choice_id: str) -> Choice | None:
        return next((c for c in self.choices if c.id == choice_id), None)


@dataclass(frozen=True)
class SpanLabel:
    id: str
    name_en: str
    name_ar: str
    color: str
    key: str
    attributes: tuple[Attribute, ...]

    def name(self, lang: str) -> str:
        return self.name_ar if lang == "ar" else self.name_en

    def attribute(self, attr_id: str) -> Attribute | None:
        return next((a for a in self.attributes if a.id == attr_id), None)


@dataclass(frozen=True)
class RelationType:
    id: str
    name_en: str
    name_ar: str
    key: str
    heads: tuple[str, ...]
    tails: tuple[str, ...]

    def name(self, lang: str) -> str:
        return self.name_ar if lang == "ar" else self.name_en


@dataclass(frozen=True)
class DocField:
    id: str
    name_en: str
    name_ar: str
    choices: tuple[Choice, ...]

    def name(self, lang: str) -> str:
        return self.name_ar if lang == "ar" else self.name_en


@dataclass(frozen=True)
class Scheme:
    id: str
    name_en: str
    name_ar: str
    span_labels: tuple[SpanLabel, ...]
    relations: tuple[RelationType, ...]
    doc_fields: tuple[DocField, ...]
    source: str  # the TOML text, stored in the database as is

    def label(self, label_id: str) -> SpanLabel | None:
        return next((x for x in self.span_labels if x.id == label_id), None)

    def relation(self, rel_id: str) -> RelationType | None:
        return next((x for x in self.relations if x.id == rel_id), None)

    def doc_field(self, field_id: str) -> DocField | None:
        return next((x for x in self.doc_fields if x.id == field_id), None)


class _Reader:
    """Builds a Scheme from parsed TOML; errors name the line of the offending table."""

    def __init__(self, source: str, where: str) -> None:
        self.lines = source.splitlines()
        self.where = where

    def line_of(self, table: str, index: int) -> int | None:
        header = re.compile(r"^\s*\[\[\s*" + re.escape(table) + r"\s*\]\]")
        hits = [n for n, line in enumerate(self.lines, 1) if header.match(line)]
        return hits[index] if index < len(hits) else None

    def fail(self, message: str, table: str | None = None, index: int = 0) -> SchemeError:
        line = self.line_of(table, index) if table else None
        prefix = f"{self.where}:{line}" if line else self.where
        return SchemeError(f"{prefix}: {message}")

    def text(self, data: dict[str, Any], key: str, ctx: str, table: str | None,
             index: int, default: str | None = None) -> str:
        value = data.get(key, default)
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"{ctx}: '{key}' must be a non-empty string", table, index)
        return value

    def ident(self, data: dict[str, Any], ctx: str, table: str | None, index: int) -> str:
        value = self.text(data, "id", ctx, table, index)
        if not _ID.match(value):
            raise self.fail(f"{ctx}: id {value!r} must be 1 to 64 printable characters",
                            table, index)
        return value

    def choices(self, raw: Any, ctx: str, table: str, index: int) -> tuple[Choice, ...]:
        if not isinstance(raw, list) or not raw:
            raise self.fail(f"{ctx}: 'choices' must be a non-empty list", table, index)
        out: list[Choice] = []
        for item in raw:
            if isinstance(item, str):
                item = {"id": item}
            if not isinstance(item, dict):
                raise self.fail(f"{ctx}: each choice must be a string or a table", table, index)
            cid = self.ident(item, f"{ctx} choice", table, index)
            en = str(item.get("en", cid))
            out.append(Choice(cid, en, str(item.get("ar", en))))
        dup = _first_duplicate(c.id for c in out)
        if dup:
            raise self.fail(f"{ctx}: choice {dup!r} appears twice", table, index)
        return tuple(out)


def _first_duplicate(items: Any) -> str | None:
    seen: set[str] = set()
    for item in items:
        if item in seen:
            return item
        seen.add(item)
    return None


def parse_scheme(source: str, where: str = "scheme") -> Scheme:
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        # tomllib says "... (at line 12, column 5)"; keep that, prefixed with the file.
        raise SchemeError(f"{where}: {exc}") from None
    r = _Reader(source, where)
    labels: list[SpanLabel] = []
    for i, raw in enumerate(_tables(data, "span_labels", r)):
        ctx = f"span label #{i + 1}"
        lid = r.ident(raw, ctx, "span_labels", i)
        ctx = f"span label {lid}"
        color = r.text(raw, "color", ctx, "span_labels", i)
        if not _COLOR.match(color):
            raise r.fail(f"{ctx}: color {color!r} must look like #1f77b4", "span_labels", i)
        attrs = []
        for raw_attr in raw.get("attributes", []):
            aid = r.ident(raw_attr, f"{ctx} attribute", "span_labels", i)
            attrs.append(Attribute(
                aid, str(raw_attr.get("name_en", aid)), str(raw_attr.get("name_ar", aid)),
                r.choices(raw_attr.get("choices"), f"{ctx} attribute {aid}", "span_labels", i)))
        labels.append(SpanLabel(
            lid, r.text(raw, "name_en", ctx, "span_labels", i, lid),
            r.text(raw, "name_ar", ctx, "span_labels", i, lid), color.lower(),
            _key(raw), tuple(attrs)))
    if not labels:
        raise r.fail("the scheme defines no [[span_labels]]")
    dup = _first_duplicate(x.id for x in labels)
    if dup:
        raise r.fail(f"span label id {dup!r} is defined twice")
    label_ids = {x.id for x in labels}
    relations: list[RelationType] = []
    for i, raw in enumerate(_tables(data, "relations", r)):
        rid = r.ident(raw, f"relation #{i + 1}", "relations", i)
        ctx = f"relation {rid}"
        ends = {}
        for end in ("heads", "tails"):
            value = raw.get(end)
            if not (isinstance(value, list) and value and all(isinstance(v, str) for v in value)):
                raise r.fail(f"{ctx}: '{end}' must be a non-empty list of label ids",
                             "relations", i)
            unknown = [v for v in value if v not in label_ids]
            if unknown:
                raise r.fail(f"{ctx}: '{end}' names unknown label {unknown[0]!r}", "relations", i)
            ends[end] = tuple(value)
        relations.append(RelationType(
            rid, r.text(raw, "name_en", ctx, "relations", i, rid),
            r.text(raw, "name_ar", ctx, "relations", i, rid),
            _key(raw), ends["heads"], ends["tails"]))
    fields: list[DocField] = []
    for i, raw in enumerate(_tables(data, "doc_fields", r)):
        fid = r.ident(raw, f"document field #{i + 1}", "doc_fields", i)
        ctx = f"document field {fid}"
        fields.append(DocField(
            fid, r.text(raw, "name_en", ctx, "doc_fields", i, fid),
            r.text(raw, "name_ar", ctx, "doc_fields", i, fid),
            r.choices(raw.get("choices"), ctx, "doc_fields", i)))
    for kind, ids in (("relation", [x.id for x in relations]),
                      ("document field", [x.id for x in fields])):
        dup = _first_duplicate(ids)
        if dup:
            raise r.fail(f"{kind} id {dup!r} is defined twice")
    keys = [x.key.lower() for x in (*labels, *relations) if x.key]
    dup_key = _first_duplicate(keys)
    if dup_key:
        raise r.fail(f"shortcut key {dup_key!r} is used twice")
    sid = str(data.get("id", "scheme"))
    return Scheme(sid, str(data.get("name_en", sid)), str(data.get("name_ar", sid)),
                  tuple(labels), tuple(relations), tuple(fields), source)


def _key(raw: dict[str, Any]) -> str:
    """A shortcut key; labels added by an import may have none."""
    value = raw.get("key", "")
    return value.strip() if isinstance(value, str) else ""


def _tables(data: dict[str, Any], key: str, r: _Reader) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise r.fail(f"'{key}' must be written as [[{key}]] tables")
    return value


def load_scheme(path: Path) -> Scheme:
    try:
        source = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SchemeError(f"{path}: cannot read the scheme: {exc}") from None
    return parse_scheme(source, str(path))
