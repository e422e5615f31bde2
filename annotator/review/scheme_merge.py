"""Merging two label schemes by name: labels, attributes, values and link types are
unioned; a same-named entry that means something different is reported."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from annotator.scheme import Choice, DocField, RelationType, Scheme, SpanLabel
from annotator.scheme_edit import scheme_with


@dataclass
class SchemeMerge:
    scheme: Scheme
    additions: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)


def _choices(mine: tuple[Choice, ...], theirs: tuple[Choice, ...], what: str,
             out: SchemeMerge) -> tuple[Choice, ...]:
    known = {c.id for c in mine}
    new = tuple(c for c in theirs if c.id not in known)
    if new:
        out.additions.append(f"{what} = {', '.join(c.id for c in new)}")
        if mine and theirs:
            out.conflicts.append(f"{what} has other values there ({', '.join(c.id for c in new)})"
                                 "; both sets are kept")
    return mine + new


def _attributes(mine: SpanLabel, theirs: SpanLabel, out: SchemeMerge) -> SpanLabel:
    attrs = list(mine.attributes)
    for attr in theirs.attributes:
        have = mine.attribute(attr.id)
        if have is None:
            attrs.append(attr)
            out.additions.append(f"attribute {mine.id}.{attr.id}")
            continue
        merged = _choices(have.choices, attr.choices, f"{mine.id}.{attr.id}", out)
        attrs[attrs.index(have)] = replace(have, choices=merged)
    return replace(mine, attributes=tuple(attrs))


def _relation(mine: RelationType, theirs: RelationType, out: SchemeMerge) -> RelationType:
    heads = mine.heads + tuple(h for h in theirs.heads if h not in mine.heads)
    tails = mine.tails + tuple(t for t in theirs.tails if t not in mine.tails)
    if (heads, tails) != (mine.heads, mine.tails):
        out.conflicts.append(f"link {mine.id} joins other labels there "
                             f"({' / '.join(theirs.heads)} -> {' / '.join(theirs.tails)}); "
                             "both are allowed now")
        out.additions.append(f"link {mine.id} from {' / '.join(heads)} to {' / '.join(tails)}")
    return replace(mine, heads=heads, tails=tails)


def merge_schemes(mine: Scheme, theirs: Scheme) -> SchemeMerge:
    """The union of two schemes; `scheme` is `mine` itself when nothing was added."""
    out = SchemeMerge(mine)
    used_keys = {x.key for x in mine.span_labels} | {x.key for x in mine.relations}
    labels = list(mine.span_labels)
    for lab in theirs.span_labels:
        have = mine.label(lab.id)
        if have is None:
            key = lab.key if lab.key not in used_keys else ""  # never two labels on a key
            labels.append(replace(lab, key=key))
            used_keys.add(key)
            out.additions.append(f"label {lab.id}")
        else:
            labels[labels.index(have)] = _attributes(have, lab, out)
    relations = list(mine.relations)
    for rel in theirs.relations:
        have = mine.relation(rel.id)
        if have is None:
            key = rel.key if rel.key not in used_keys else ""
            relations.append(replace(rel, key=key))
            used_keys.add(key)
            out.additions.append(f"link {rel.id}")
        else:
            relations[relations.index(have)] = _relation(have, rel, out)
    fields: list[DocField] = list(mine.doc_fields)
    for fld in theirs.doc_fields:
        have = mine.doc_field(fld.id)
        if have is None:
            fields.append(fld)
            out.additions.append(f"document field {fld.id}")
        else:
            fields[fields.index(have)] = replace(
                have, choices=_choices(have.choices, fld.choices, f"field {fld.id}", out))
    if out.additions:
        out.scheme = scheme_with(mine, tuple(labels), tuple(relations), tuple(fields))
    return out

