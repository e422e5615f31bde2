"""Checks a mutation must pass before it is written: offsets, labels, attributes, relations."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from annotator.errors import ValidationError
from annotator.scheme import Scheme, SpanLabel
from annotator.text import snap_span, widen_to_clusters

NOTE_LIMIT = 10_000


def span_range(text: str, start: int, end: int, *, snap: bool) -> tuple[int, int]:
    if not isinstance(start, int) or not isinstance(end, int):
        raise ValidationError("span offsets must be whole numbers")
    if start < 0 or start >= end:
        raise ValidationError(f"span [{start}, {end}) is empty or negative")
    if end > len(text):
        raise ValidationError(f"span end {end} is past the end of the text "
                              f"({len(text)} characters)")
    if not snap:
        return start, end
    snapped = snap_span(text, start, end)
    if snapped is None:
        raise ValidationError("the selection holds only whitespace")
    return snapped


def whole_clusters(text: str, start: int, end: int) -> tuple[int, int]:
    """An imported span's range, widened where it cuts a letter from its harakat or an
    emoji sequence in half (the importer reports every span it widens)."""
    return widen_to_clusters(text, start, end)


def label(scheme: Scheme, label_id: str) -> SpanLabel:
    found = scheme.label(label_id)
    if found is None:
        known = ", ".join(x.id for x in scheme.span_labels)
        raise ValidationError(f"unknown label {label_id!r}; the scheme has {known}")
    return found


def attributes(lab: SpanLabel, values: Mapping[str, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for key, value in values.items():
        attr = lab.attribute(key)
        if attr is None:
            raise ValidationError(f"label {lab.id} has no attribute {key!r}")
        if value is None:
            continue
        if attr.choice(str(value)) is None:
            choices = ", ".join(c.id for c in attr.choices)
            raise ValidationError(f"{value!r} is not a choice of {lab.id}.{key} ({choices})")
        out[key] = str(value)
    return out


def note(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if len(value) > NOTE_LIMIT or "\x00" in value:
        raise ValidationError(f"a note must be text under {NOTE_LIMIT} characters")
    return value


def relation(scheme: Scheme, rel_type: str, head: Mapping[str, Any], tail: Mapping[str, Any],
             existing: list[Mapping[str, Any]]) -> None:
    rt = scheme.relation(rel_type)
    if rt is None:
        known = ", ".join(x.id for x in scheme.relations)
        raise ValidationError(f"unknown relation {rel_type!r}; the scheme has {known}")
    if head["id"] == tail["id"]:
        raise ValidationError(f"{rel_type} needs two different spans")
    if head["doc_id"] != tail["doc_id"]:
        raise ValidationError(f"{rel_type} must link spans of the same document")
    problem = relation_ends(scheme, rel_type, head["label"], tail["label"])
    if problem is not None:
        raise ValidationError(problem)
    if any(r["type"] == rel_type and r["head"] == head["id"] and r["tail"] == tail["id"]
           for r in existing):
        raise ValidationError(f"these spans are already linked by {rel_type}")


def relation_ends(scheme: Scheme, rel_type: str, head_label: str,
                  tail_label: str) -> str | None:
    """Why the scheme does not allow this link between these labels, or None."""
    rt = scheme.relation(rel_type)
    if rt is None:
        known = ", ".join(x.id for x in scheme.relations)
        return f"unknown relation {rel_type!r}; the scheme has {known}"
    if head_label not in rt.heads:
        return f"{rel_type} must start at {' or '.join(rt.heads)}, not {head_label}"
    if tail_label not in rt.tails:
        return f"{rel_type} must point to {' or '.join(rt.tails)}, not {tail_label}"
    return None


def label_change_keeps_relations(scheme: Scheme, new_label: str, span_id: str,
                                 relations: list[Mapping[str, Any]]) -> None:
    for rel in relations:
        rt = scheme.relation(rel["type"])
        if rt is None:
            continue
        if rel["head"] == span_id and new_label not in rt.heads:
            raise ValidationError(f"the span starts a {rt.id} relation, which needs "
                                  f"{' or '.join(rt.heads)}; delete the relation first")
        if rel["tail"] == span_id and new_label not in rt.tails:
            raise ValidationError(f"the span ends a {rt.id} relation, which needs "
                                  f"{' or '.join(rt.tails)}; delete the relation first")


def doc_field_value(scheme: Scheme, field_id: str, value: str) -> None:
    field = scheme.doc_field(field_id)
    if field is None:
        raise ValidationError(f"unknown document field {field_id!r}")
    if not any(c.id == value for c in field.choices):
        choices = ", ".join(c.id for c in field.choices)
        raise ValidationError(f"{value!r} is not a choice of {field_id} ({choices})")
