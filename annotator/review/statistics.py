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
    return _total(reference, predicted, exact=True)


def overlap_match(reference: Places, predicted: Places) -> Match:
    """Spans match when they share a document, a label and at least one code point. A
    span that overlaps several of the other side's spans counts once: recall counts the
    reference spans overlapped by some prediction, precision the predictions that overlap
    some reference span."""
    return _total(reference, predicted, exact=False)


def key_match(reference: Sequence[tuple[int, int]], predicted: Sequence[tuple[int, int]]
              ) -> tuple[int, int, int, int, int]:
    """For the spans of one document and label: (reference spans, predicted spans,
    exact matches, reference spans overlapped, predictions overlapping), each span
    counted once."""
    ref, pred = set(reference), set(predicted)
    if not ref or not pred:
        return len(ref), len(pred), 0, 0, 0
    ref_sweep, pred_sweep = _Sweep(ref), _Sweep(pred)
    return (len(ref), len(pred), len(ref & pred),
            sum(pred_sweep.overlaps(s, e) for s, e in ref),
            sum(ref_sweep.overlaps(s, e) for s, e in pred))


def _total(reference: Places, predicted: Places, exact: bool) -> Match:
    n_ref = n_pred = both = found = correct = 0
    for key in set(reference) | set(predicted):
        r, p, b, f, c = key_match(reference.get(key, ()), predicted.get(key, ()))
        n_ref, n_pred, both, found, correct = (n_ref + r, n_pred + p, both + b,
                                               found + f, correct + c)
    return Match(n_ref, n_pred, both, both) if exact else Match(n_ref, n_pred, found, correct)


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
