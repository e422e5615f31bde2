"""Growing a scheme with what an imported file uses, and writing a scheme back as TOML."""

from __future__ import annotations

import json
from dataclasses import replace

from annotator.scheme import (
    Attribute,
    Choice,
    DocField,
    RelationType,
    Scheme,
    SpanLabel,
    parse_scheme,
)

# Tableau 10, after the three the default scheme uses.
NEW_LABEL_COLORS = ("#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
                    "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5")


def _s(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string


def _choices(choices: tuple[Choice, ...], indent: str) -> str:
    rows = [f"{indent}  {{ id = {_s(c.id)}, en = {_s(c.en)}, ar = {_s(c.ar)} }}," for c in choices]
    return "choices = [\n" + "\n".join(rows) + f"\n{indent}]"


def scheme_to_toml(scheme: Scheme) -> str:
    out = [f"id = {_s(scheme.id)}", f"name_en = {_s(scheme.name_en)}",
           f"name_ar = {_s(scheme.name_ar)}", ""]
    for lab in scheme.span_labels:
        out += ["[[span_labels]]", f"id = {_s(lab.id)}", f"name_en = {_s(lab.name_en)}",
                f"name_ar = {_s(lab.name_ar)}", f"color = {_s(lab.color)}",
                f"key = {_s(lab.key)}", ""]
        for attr in lab.attributes:
            out += ["  [[span_labels.attributes]]", f"  id = {_s(attr.id)}",
                    f"  name_en = {_s(attr.name_en)}", f"  name_ar = {_s(attr.name_ar)}",
                    "  " + _choices(attr.choices, "  "), ""]
    for rel in scheme.relations:
        out += ["[[relations]]", f"id = {_s(rel.id)}", f"name_en = {_s(rel.name_en)}",
                f"name_ar = {_s(rel.name_ar)}", f"key = {_s(rel.key)}",
                f"heads = [{', '.join(_s(h) for h in rel.heads)}]",
                f"tails = [{', '.join(_s(t) for t in rel.tails)}]", ""]
    for fld in scheme.doc_fields:
        out += ["[[doc_fields]]", f"id = {_s(fld.id)}", f"name_en = {_s(fld.name_en)}",
                f"name_ar = {_s(fld.name_ar)}", _choices(fld.choices, ""), ""]
    return "\n".join(out)


def _with_source(scheme: Scheme) -> Scheme:
    # Round-trip through TOML so that the stored text always matches the object.
    return parse_scheme(scheme_to_toml(scheme), "extended scheme")


def scheme_with(scheme: Scheme, labels: tuple[SpanLabel, ...],
                relations: tuple[RelationType, ...], fields: tuple[DocField, ...]) -> Scheme:
    return _with_source(replace(scheme, span_labels=labels, relations=relations,
                                doc_fields=fields))


def add_label(scheme: Scheme, label_id: str) -> Scheme:
    color = NEW_LABEL_COLORS[(len(scheme.span_labels) - 3) % len(NEW_LABEL_COLORS)]
    new = SpanLabel(label_id, label_id, label_id, color, "", ())
    return _with_source(replace(scheme, span_labels=(*scheme.span_labels, new)))


def add_attribute_value(scheme: Scheme, label_id: str, attr_id: str, value: str) -> Scheme:
    labels = []
    for lab in scheme.span_labels:
        if lab.id == label_id:
            attr = lab.attribute(attr_id) or Attribute(attr_id, attr_id, attr_id, ())
            if attr.choice(value) is None:
                attr = replace(attr, choices=(*attr.choices, Choice(value, value, value)))
            others = tuple(a for a in lab.attributes if a.id != attr_id)
            lab = replace(lab, attributes=(*others, attr))
        labels.append(lab)
    return _with_source(replace(scheme, span_labels=tuple(labels)))


def allow_relation(scheme: Scheme, rel_id: str, head: str, tail: str) -> Scheme:
    found = scheme.relation(rel_id) or RelationType(rel_id, rel_id, rel_id, "", (), ())
    found = replace(found, heads=found.heads + ((head,) if head not in found.heads else ()),
                    tails=found.tails + ((tail,) if tail not in found.tails else ()))
    others = tuple(r for r in scheme.relations if r.id != rel_id)
    return _with_source(replace(scheme, relations=(*others, found)))


def add_doc_value(scheme: Scheme, field_id: str, value: str) -> Scheme:
    found = scheme.doc_field(field_id) or DocField(field_id, field_id, field_id, ())
    if not any(c.id == value for c in found.choices):
        found = replace(found, choices=(*found.choices, Choice(value, value, value)))
    others = tuple(f for f in scheme.doc_fields if f.id != field_id)
    return _with_source(replace(scheme, doc_fields=(*others, found)))
