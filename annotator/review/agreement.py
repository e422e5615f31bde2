"""Agreement between annotators, over the documents they both annotated.

- document fields: Cohen's kappa for each pair (documents where both gave a value);
  Krippendorff's alpha, nominal, over every chosen annotator (missing values allowed);
- spans: precision, recall and F1 for each pair and label, exact and overlap matching
  (statistics.py says what matches); the first of a pair is the reference;
- links: the same per link type, a link matching when its type and both ends (place and
  label) are equal;
- per document: how many disagreements (disagreements.py), most first;
- against gold, once gold exists: every annotator as the prediction, gold the reference,
  over the documents that have gold.

A document counts as annotated by someone who has a live span, link or document label in
it. Pair averages are plain means over the pairs where the value is defined.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from functools import cached_property
from itertools import combinations
from statistics import fmean

from annotator.errors import InputError
from annotator.review import statistics as st
from annotator.review.disagreements import GOLD, units
from annotator.storage import review_store
from annotator.storage.database import Database


@dataclass
class PairScore:
    reference: str
    prediction: str
    what: str  # a label, a link type, or "*" for all of them
    match: str  # exact or overlap
    reference_count: int
    predicted_count: int
    precision: float | None
    recall: float | None
    f1: float | None


@dataclass
class FieldAgreement:
    field: str
    alpha: float | None  # Krippendorff, nominal, every chosen annotator
    documents: int  # documents with at least two values
    kappa: dict[str, float | None] = field(default_factory=dict)  # "A / B" -> kappa


@dataclass
class AgreementReport:
    annotators: list[str]
    documents: int  # documents annotated by at least two of them
    fields: list[FieldAgreement] = field(default_factory=list)
    spans: list[PairScore] = field(default_factory=list)
    links: list[PairScore] = field(default_factory=list)
    disagreements: list[tuple[str, str, int]] = field(default_factory=list)  # id, title, n
    against_gold: list[PairScore] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    def mean_f1(self, what: str = "*", match: str = "exact") -> float | None:
        values = [s.f1 for s in self.spans if s.what == what and s.match == match
                  and s.f1 is not None]
        return fmean(values) if values else None


@dataclass
class _Layer:
    """One annotator's live records, by document."""

    spans: dict[str, list[tuple]] = field(default_factory=lambda: defaultdict(list))
    links: dict[str, list[tuple]] = field(default_factory=lambda: defaultdict(list))
    labels: dict[str, list[tuple]] = field(default_factory=lambda: defaultdict(list))

    @cached_property
    def documents(self) -> set[str]:
        """(Read once the layer is loaded.)"""
        return set(self.spans) | set(self.links) | set(self.labels)


def _layers(db: Database, annotators: Sequence[str] | None) -> dict[str, _Layer]:
    layers: dict[str, _Layer] = defaultdict(_Layer)
    with db.snapshot() as conn:
        for row in review_store.spans(conn, annotators):
            layers[row[5]].spans[row[0]].append(row)
        for row in review_store.relations(conn, annotators):
            layers[row[2]].links[row[0]].append(row)
        for row in review_store.doc_labels(conn, annotators):
            layers[row[3]].labels[row[0]].append(row)
    return layers


def agreement(db: Database, annotators: Sequence[str] | None = None,
              labels: Sequence[str] | None = None) -> AgreementReport:
    """Every statistic for `annotators` (everyone but gold when None)."""
    layers = _layers(db, None if annotators is None else [*annotators, GOLD])
    gold = layers.pop(GOLD, None)
    chosen = list(annotators) if annotators is not None else sorted(layers)
    unknown = [a for a in chosen if a not in layers]
    if unknown:
        raise InputError(f"no annotations by {', '.join(unknown)} in this database "
                         f"(annotators here: {', '.join(sorted(layers)) or 'none'})")
    if len(chosen) < 2:
        raise InputError("agreement needs at least two annotators; this database has "
                         f"{', '.join(chosen) or 'none'}")
    shared = [d for d in set().union(*(layers[a].documents for a in chosen))
              if sum(d in layers[a].documents for a in chosen) >= 2]
    if not shared:
        raise InputError(f"{', '.join(chosen)} have no document in common: each document "
                         "was annotated by one of them only, so there is nothing to compare")
    report = AgreementReport(chosen, len(shared))
    report.fields = _fields(layers, chosen)
    for a, b in combinations(chosen, 2):
        docs = layers[a].documents & layers[b].documents
        report.spans += _span_scores(layers[a], layers[b], a, b, docs, labels)
        report.links += _link_scores(layers[a], layers[b], a, b, docs)
    report.disagreements = _per_document(db, layers, chosen, shared)
    if gold is not None:
        for a in chosen:
            docs = gold.documents & layers[a].documents
            if docs:
                report.against_gold += _span_scores(gold, layers[a], GOLD, a, docs, labels)
    return report


def _fields(layers: dict[str, _Layer], chosen: list[str]) -> list[FieldAgreement]:
    values: dict[str, dict[str, dict[str, str]]] = defaultdict(lambda: defaultdict(dict))
    for a in chosen:
        for doc, rows in layers[a].labels.items():
            for _doc, field_id, value, _who, _id in rows:
                values[field_id][doc][a] = value
    out = []
    for field_id, by_doc in sorted(values.items()):
        units_ = [[given.get(a) for a in chosen] for given in by_doc.values()]
        result = FieldAgreement(field_id, st.krippendorff_alpha_nominal(units_),
                                sum(sum(v is not None for v in u) >= 2 for u in units_))
        for a, b in combinations(chosen, 2):
            both = [(g[a], g[b]) for g in by_doc.values() if a in g and b in g]
            result.kappa[f"{a} / {b}"] = st.cohen_kappa([x for x, _ in both],
                                                        [y for _, y in both])
        out.append(result)
    return out


def _places(layer: _Layer, docs: set[str], labels: Sequence[str] | None
            ) -> dict[tuple[str, str], list[tuple[int, int]]]:
    out: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    for doc in docs:
        for _doc, start, end, label, *_rest in layer.spans.get(doc, ()):
            if labels is None or label in labels:
                out[(doc, label)].append((start, end))
    return out


def _span_scores(ref: _Layer, pred: _Layer, a: str, b: str, docs: set[str],
                 labels: Sequence[str] | None) -> list[PairScore]:
    """One pass over the (document, label) keys: each key's spans are matched once, and
    the counts summed per label and over all labels."""
    ref_places, pred_places = _places(ref, docs, labels), _places(pred, docs, labels)
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for key in set(ref_places) | set(pred_places):
        counts = st.key_match(ref_places.get(key, ()), pred_places.get(key, ()))
        for what in (key[1], "*"):
            total = sums[what]
            for i, value in enumerate(counts):
                total[i] += value
    out = []
    for what in [*sorted(w for w in sums if w != "*"), "*"]:
        n_ref, n_pred, both, found, correct = sums[what]
        for match, m in (("exact", st.Match(n_ref, n_pred, both, both)),
                         ("overlap", st.Match(n_ref, n_pred, found, correct))):
            out.append(PairScore(a, b, what, match, m.reference, m.predicted, m.precision,
                                 m.recall, m.f1))
    return out


def _link_scores(ref: _Layer, pred: _Layer, a: str, b: str,
                 docs: set[str]) -> list[PairScore]:
    def keys(layer: _Layer) -> dict[str, set[tuple]]:
        out: dict[str, set[tuple]] = defaultdict(set)
        for doc in docs:
            for row in layer.links.get(doc, ()):
                out[row[1]].add((doc, *row[3:9]))
        return out

    ref_keys, pred_keys = keys(ref), keys(pred)
    scores = []
    for rtype in sorted(set(ref_keys) | set(pred_keys)):
        r, p = ref_keys.get(rtype, set()), pred_keys.get(rtype, set())
        both = len(r & p)
        m = st.Match(len(r), len(p), both, both)
        scores.append(PairScore(a, b, rtype, "exact", m.reference, m.predicted, m.precision,
                                m.recall, m.f1))
    return scores


def _per_document(db: Database, layers: dict[str, _Layer], chosen: list[str],
                  shared: list[str]) -> list[tuple[str, str, int]]:
    counts = []
    for doc in shared:
        present = [a for a in chosen if doc in layers[a].documents]
        found = units(doc, present,
                      [r for a in present for r in layers[a].spans.get(doc, ())],
                      [r for a in present for r in layers[a].links.get(doc, ())],
                      [r for a in present for r in layers[a].labels.get(doc, ())])
        counts.append((doc, len(found)))
    with db.snapshot() as conn:
        titles = review_store.titles(conn, [d for d, _ in counts])
    counts.sort(key=lambda c: (-c[1], titles.get(c[0], "")))
    return [(doc, titles.get(doc, ""), n) for doc, n in counts]
