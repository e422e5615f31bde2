"""Where annotators disagree in a document: the units a reviewer settles one by one.

A unit is a span (its place and label), a link (its type and the places and labels of its
two ends) or a document field, that some of the compared annotators have and others do
not, or have differently:

- "only": a span only some of them have;
- "label": the same text with another label;
- "boundaries": an overlapping span with the same label and other boundaries;
- "attributes": the same span with other attribute values;
- "link": a link only some of them have;
- "field": a document field with different values (or missing for some).

The gold layer is the records of the annotator GOLD. Each unit has a twin id there,
derived from what the unit is (not from whose record it was), so that accepting either of
two identical spans gives the same gold span and two reviewers' decisions merge: a live
twin is an accepted unit, a deleted twin a rejected one, no twin an open one.
"""

from __future__ import annotations

import json
import uuid
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

GOLD = "gold"
_NAMESPACE = uuid.UUID("5b0e0c9e-2f0a-4c55-9a51-6f1d0c6e7a10")

SpanRow = tuple  # (doc id, start, end, label, attributes JSON, annotator, span id)
LinkRow = tuple  # (doc id, type, annotator, hs, he, hl, ts, te, tl, link id)
LabelRow = tuple  # (doc id, field, value, annotator, label id)


def gold_id(doc_id: str, *key: object) -> str:
    """The id of a unit's twin in the gold layer."""
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(map(str, (doc_id, *key)))))


@dataclass(frozen=True)
class Unit:
    kind: str  # only, label, boundaries, attributes, link, field
    doc_id: str
    start: int  # where it is in the text (-1 for a document field)
    end: int
    what: str  # the label, the link type or the field
    holders: tuple[str, ...]  # who has it (for "attributes": everyone, differently)
    records: dict[str, str] = field(compare=False, hash=False)  # annotator -> record id
    key: tuple = ()  # what the unit is, from which its gold twin's id derives
    table: str = "spans"

    @cached_property
    def gold(self) -> str:
        """The twin's id in the gold layer (a hash: computed when first asked)."""
        return gold_id(self.doc_id, *self.key)


def units(doc_id: str, annotators: Sequence[str], spans: Iterable[SpanRow],
          links: Iterable[LinkRow] = (), labels: Iterable[LabelRow] = ()) -> list[Unit]:
    """The disagreements among `annotators` in one document's records, in the order of the
    text, then the document fields. Gold is compared only when it is named."""
    who = list(annotators)
    out: list[Unit] = []
    by_place: dict[tuple[int, int, str], dict[str, tuple[str, str]]] = defaultdict(dict)
    for _doc, start, end, label, attrs, annotator, span_id in spans:
        if annotator in who:
            by_place[(start, end, label)][annotator] = (attrs, span_id)
    everyone = set(who)
    places = sorted(by_place)
    starts = [p[0] for p in places]
    longest = max((e - s for s, e, _l in places), default=0)
    for (start, end, label) in places:
        held = by_place[(start, end, label)]
        holders = tuple(a for a in who if a in held)
        records = {a: held[a][1] for a in holders}
        twin = (start, end, label)
        if set(holders) != everyone:
            # Only places that start less than the longest span before this one can
            # overlap it: a window of the sorted places, not all of them.
            near = places[bisect_left(starts, start - longest):bisect_left(starts, end)]
            kind = _kind(start, end, label, holders, near, by_place)
            out.append(Unit(kind, doc_id, start, end, label, holders, records, twin))
        elif len({held[a][0] for a in holders}) > 1 and \
                len({_canonical(held[a][0]) for a in holders}) > 1:
            out.append(Unit("attributes", doc_id, start, end, label, holders, records, twin))
    by_link: dict[tuple, dict[str, str]] = defaultdict(dict)
    for _doc, rtype, annotator, hs, he, hl, ts, te, tl, link_id in links:
        if annotator in who:
            by_link[(rtype, hs, he, hl, ts, te, tl)][annotator] = link_id
    for key, held in sorted(by_link.items()):
        holders = tuple(a for a in who if a in held)
        if set(holders) != everyone:
            out.append(Unit("link", doc_id, min(key[1], key[4]), max(key[2], key[5]), key[0],
                            holders, dict(held), ("link", *key), "relations"))
    out.sort(key=lambda u: (u.start, u.end, u.what, u.kind))
    values: dict[str, dict[str, tuple[str, str]]] = defaultdict(dict)
    for _doc, field_id, value, annotator, label_id in labels:
        if annotator in who:
            values[field_id][annotator] = (value, label_id)
    for field_id, given in sorted(values.items()):
        if set(given) != everyone or len({v for v, _ in given.values()}) > 1:
            out.append(Unit("field", doc_id, -1, -1, field_id,
                            tuple(a for a in who if a in given),
                            {a: given[a][1] for a in given}, ("field", field_id),
                            "doc_labels"))
    return out


def _kind(start: int, end: int, label: str, holders: tuple[str, ...],
          near: Iterable[tuple[int, int, str]],
          by_place: dict[tuple[int, int, str], dict[str, tuple[str, str]]]) -> str:
    others = set()
    for s, e, lab in near:
        if (s, e, lab) != (start, end, label) and s < end and start < e:
            others.update((a, s == start and e == end, lab == label)
                          for a in by_place[(s, e, lab)] if a not in holders)
    if any(same_place for _a, same_place, _same_label in others):
        return "label"
    if any(same_label for _a, _same_place, same_label in others):
        return "boundaries"
    return "only"


def _canonical(attributes: str | dict) -> str:
    """Attributes as one comparable string (the database stores them canonical already;
    records read through the project come as dicts)."""
    if isinstance(attributes, str):
        attributes = json.loads(attributes)
    return json.dumps(attributes, sort_keys=True, ensure_ascii=False)
