"""The agreement statistics, as their textbooks define them (tests compare each with
scikit-learn's `cohen_kappa_score`, the `krippendorff` package and plain set arithmetic).

Undefined values are None, never a division by zero: kappa when both annotators used one
and the same category only (expected agreement 1), alpha when no unit has two values or
only one category occurs, precision with nothing predicted, recall with nothing to find.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass


def cohen_kappa(a: Sequence[Hashable], b: Sequence[Hashable]) -> float | None:
    """Cohen's kappa of two annotators' categories for the same items, in order."""
    n = len(a)
    if n == 0 or n != len(b):
        return None
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    count_a, count_b = Counter(a), Counter(b)
    expected = sum(count_a[c] * count_b[c] for c in count_a) / (n * n)
    if expected == 1:
        return None
    return (observed - expected) / (1 - expected)


def krippendorff_alpha_nominal(units: Iterable[Sequence[Hashable | None]]) -> float | None:
    """Krippendorff's alpha for nominal data: each unit lists the values the annotators
    gave it (None where one gave none). Units with fewer than two values are not pairable
    and are left out, as the coefficient defines."""
    coincidences: Counter[tuple[Hashable, Hashable]] = Counter()
    for unit in units:
        values = [v for v in unit if v is not None]
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        for c, nc in counts.items():
            for k, nk in counts.items():
                pairs = nc * (nc - 1) if c == k else nc * nk
                if pairs:
                    coincidences[(c, k)] += pairs / (m - 1)
    n_c: Counter[Hashable] = Counter()
    for (c, _k), value in coincidences.items():
        n_c[c] += value
    n = sum(n_c.values())
    if n <= 1:
        return None
    observed = sum(v for (c, k), v in coincidences.items() if c != k)
    expected = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k) / (n - 1)
    if expected == 0:
        return None
    return 1 - observed / expected


@dataclass(frozen=True)
class Match:
    """How far one annotator's spans (the prediction) match another's (the reference)."""

    reference: int  # spans of the reference
    predicted: int  # spans of the prediction
    found: int  # reference spans matched by a prediction
    correct: int  # predicted spans that match a reference span

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.found / self.reference if self.reference else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return 0.0 if (self.reference or self.predicted) else None
        return 2 * p * r / (p + r) if p + r else 0.0


Places = Mapping[Hashable, Sequence[tuple[int, int]]]  # (document, label) -> [(start, end)]


def exact_match(reference: Places, predicted: Places) -> Match:
    """Spans match when document, label, start and end are all equal."""
    ref = {(key, s, e) for key, spans in reference.items() for s, e in spans}
    pred = {(key, s, e) for key, spans in predicted.items() for s, e in spans}
    both = len(ref & pred)
    return Match(len(ref), len(pred), both, both)


def overlap_match(reference: Places, predicted: Places) -> Match:
    """Spans match when they share a document, a label and at least one code point. A
    span that overlaps several of the other side's spans counts once: recall counts the
    reference spans overlapped by some prediction, precision the predictions that overlap
    some reference span."""
    ref = {(key, s, e) for key, spans in reference.items() for s, e in spans}
    pred = {(key, s, e) for key, spans in predicted.items() for s, e in spans}
    ref_index = {key: _Sweep(spans) for key, spans in reference.items()}
    pred_index = {key: _Sweep(spans) for key, spans in predicted.items()}
    found = sum(key in pred_index and pred_index[key].overlaps(s, e) for key, s, e in ref)
    correct = sum(key in ref_index and ref_index[key].overlaps(s, e) for key, s, e in pred)
    return Match(len(ref), len(pred), found, correct)


class _Sweep:
    """Spans sorted by start with the running maximum of their ends: whether a range
    overlaps any of them is one binary search."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _e in ordered]
        self.max_end: list[int] = []
        top = -1
        for _s, e in ordered:
            top = max(top, e)
            self.max_end.append(top)

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self.starts, end)  # the spans that start before `end`
        return before > 0 and self.max_end[before - 1] > start
