"""Every agreement statistic against an established implementation, to 1e-9: scikit-learn's
`cohen_kappa_score`, the `krippendorff` package, and plain set arithmetic for F1. Random
data (hypothesis) and the awkward cases by name: missing values, one category only, a
single item, an annotator with no spans, a span overlapping several of the other side's."""

from __future__ import annotations

import math
import warnings

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs
from sklearn.metrics import cohen_kappa_score

from annotator.review.statistics import (
    cohen_kappa,
    exact_match,
    krippendorff_alpha_nominal,
    overlap_match,
)

CATEGORIES = ["rejects", "supports", "neutral", "conditional"]


def sklearn_kappa(a, b) -> float | None:
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "a single label was found": kappa is undefined
        value = cohen_kappa_score(a, b)
    return None if math.isnan(value) else float(value)


def package_alpha(units: list[list[str | None]]) -> float | None:
    domain = sorted({v for u in units for v in u if v is not None})
    codes = {v: k for k, v in enumerate(domain)}
    data = np.array([[np.nan if v is None else codes[v] for v in u] for u in units],
                    dtype=float).T  # annotators x units
    try:
        with np.errstate(all="ignore"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            value = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal",
                                       value_domain=list(range(len(domain))))
    except (ValueError, ZeroDivisionError):
        return None
    return None if math.isnan(value) else float(value)


def close(ours: float | None, theirs: float | None) -> bool:
    if ours is None or theirs is None:
        return ours is None and theirs is None
    return abs(ours - theirs) <= 1e-9


@settings(max_examples=300, deadline=None)
@given(hs.lists(hs.tuples(hs.sampled_from(CATEGORIES), hs.sampled_from(CATEGORIES)),
                min_size=1, max_size=40))
def test_kappa_equals_scikit_learn(pairs) -> None:
    a, b = [x for x, _ in pairs], [y for _, y in pairs]
    assert close(cohen_kappa(a, b), sklearn_kappa(a, b))


@pytest.mark.parametrize("a, b", [
    (["rejects"], ["rejects"]),  # a single item
    (["rejects"] * 5, ["rejects"] * 5),  # one category only: undefined
    (["rejects"] * 5, ["supports"] * 5),
    (["rejects", "supports"], ["supports", "rejects"]),
])
def test_kappa_awkward_cases(a, b) -> None:
    assert close(cohen_kappa(a, b), sklearn_kappa(a, b))
    assert cohen_kappa([], []) is None


units_strategy = hs.lists(
    hs.lists(hs.one_of(hs.none(), hs.sampled_from(CATEGORIES[:3])), min_size=3, max_size=3),
    min_size=1, max_size=30)


@settings(max_examples=300, deadline=None)
@given(units_strategy)
def test_alpha_equals_the_krippendorff_package(units) -> None:
    assert close(krippendorff_alpha_nominal(units), package_alpha(units))


@pytest.mark.parametrize("units", [
    [["rejects", None, "rejects"], ["supports", "supports", None]],  # missing values
    [["rejects", "rejects", "rejects"]] * 4,  # one category only: undefined
    [["rejects", None, None]],  # nothing pairable
    [["rejects", "supports", None]],  # a single unit
    [["rejects", "supports", "neutral"], ["neutral", "neutral", "neutral"]],
])
def test_alpha_awkward_cases(units) -> None:
    assert close(krippendorff_alpha_nominal(units), package_alpha(units))


def set_f1(ref: set, pred: set) -> tuple:
    both = len(ref & pred)
    p = both / len(pred) if pred else None
    r = both / len(ref) if ref else None
    f = 2 * both / (len(ref) + len(pred)) if ref or pred else None
    return p, r, f


spans_strategy = hs.dictionaries(
    hs.tuples(hs.sampled_from(["d1", "d2"]), hs.sampled_from(["ACTOR", "CLAIM"])),
    hs.lists(hs.tuples(hs.integers(0, 30), hs.integers(1, 8)).map(lambda t: (t[0], t[0] + t[1])),
             max_size=8, unique=True), max_size=4)


@settings(max_examples=300, deadline=None)
@given(spans_strategy, spans_strategy)
def test_exact_f1_equals_set_arithmetic(ref, pred) -> None:
    m = exact_match(ref, pred)
    expected = set_f1({(k, s, e) for k, v in ref.items() for s, e in v},
                      {(k, s, e) for k, v in pred.items() for s, e in v})
    for ours, theirs in zip((m.precision, m.recall, m.f1), expected, strict=True):
        assert close(ours, theirs)


@settings(max_examples=300, deadline=None)
@given(spans_strategy, spans_strategy)
def test_overlap_counts_equal_a_pairwise_check(ref, pred) -> None:
    m = overlap_match(ref, pred)

    def overlapped(key, s, e, other):
        return any(s < oe and os < e for os, oe in other.get(key, ()))

    ref_set = {(k, s, e) for k, v in ref.items() for s, e in v}
    pred_set = {(k, s, e) for k, v in pred.items() for s, e in v}
    found = sum(overlapped(k, s, e, pred) for k, s, e in ref_set)
    correct = sum(overlapped(k, s, e, ref) for k, s, e in pred_set)
    assert (m.found, m.correct, m.reference, m.predicted) == (
        found, correct, len(ref_set), len(pred_set))
    p = correct / len(pred_set) if pred_set else None
    r = found / len(ref_set) if ref_set else None
    assert close(m.precision, p) and close(m.recall, r)
    if p is not None and r is not None:
        assert close(m.f1, 2 * p * r / (p + r) if p + r else 0.0)


def test_one_span_overlapping_several() -> None:
    ref = {("d", "ACTOR"): [(0, 20)]}
    pred = {("d", "ACTOR"): [(0, 5), (10, 15), (30, 35)]}
    m = overlap_match(ref, pred)
    assert (m.recall, m.precision) == (1.0, 2 / 3)
    assert exact_match(ref, pred).f1 == 0.0


def test_an_annotator_with_no_spans() -> None:
    ref = {("d", "ACTOR"): [(0, 5)]}
    m = exact_match(ref, {})
    assert (m.precision, m.recall, m.f1) == (None, 0.0, 0.0)
    m = exact_match({}, {})
    assert (m.precision, m.recall, m.f1) == (None, None, None)
