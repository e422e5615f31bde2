"""The label scheme: the default file, and malformed files named by line and problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.errors import SchemeError
from annotator.resources import default_scheme_path
from annotator.scheme import load_scheme, parse_scheme

DEFAULT = default_scheme_path().read_text(encoding="utf-8")


def test_default_scheme_has_the_media_monitoring_labels() -> None:
    scheme = load_scheme(default_scheme_path())
    assert [x.id for x in scheme.span_labels] == ["ACTOR", "CLAIM", "STANCE"]
    assert scheme.label("ACTOR").attribute("type").choice("armed_group") is not None
    assert scheme.label("STANCE").attribute("value").choice("rejects_normalization").ar
    said_by = scheme.relation("SAID_BY")
    assert said_by.heads == ("CLAIM",) and said_by.tails == ("ACTOR",)
    assert scheme.relation("TOWARD").heads == ("STANCE",)
    assert {f.id for f in scheme.doc_fields} == {"stance", "relevance"}
    for label in scheme.span_labels:
        assert label.name_ar and label.name_en and label.color.startswith("#") and label.key


@pytest.mark.parametrize("old, new, message", [
    ('color = "#ff7f0e"', 'color = "orange"', r":29: span label CLAIM: color 'orange'"),
    ('heads = ["CLAIM"]', 'heads = ["CLAIMS"]', r":64: relation SAID_BY: 'heads' names unknown"),
    ('key = "2"', 'key = "1"', r"shortcut key '1' is used twice"),
    ('id = "CLAIM"', 'id = "ACTOR"', r"span label id 'ACTOR' is defined twice"),
    ('id = "STANCE"', 'id = "ST\\tANCE"', r":46: span label #3: id 'ST\\tANCE' must be 1 to 64"),
    ('{ id = "denied", en = "Denied", ar = "منفي" },', '{ id = "asserted" },',
     r"choice 'asserted' appears twice"),
    ('choices = [\n  { id = "relevant"', 'choices = []\nold = [\n  { id = "relevant"',
     r":100: document field relevance: 'choices' must be a non-empty list"),
])
def test_semantic_errors_name_line_and_problem(old: str, new: str, message: str) -> None:
    assert old in DEFAULT
    with pytest.raises(SchemeError, match=message):
        parse_scheme(DEFAULT.replace(old, new, 1), "team.toml")


def test_toml_syntax_error_names_file_and_line() -> None:
    broken = DEFAULT.replace('key = "3"', 'key = "3', 1)
    with pytest.raises(SchemeError, match=r"^team.toml: .*line 51"):
        parse_scheme(broken, "team.toml")


@pytest.mark.parametrize("source", ["", "x = 1", "span_labels = 3", "[[span_labels]]\nid='A'"])
def test_empty_or_incomplete_schemes_are_refused(source: str) -> None:
    with pytest.raises(SchemeError):
        parse_scheme(source, "s.toml")


def test_unreadable_scheme_file(tmp_path: Path) -> None:
    bad = tmp_path / "bin.toml"
    bad.write_bytes(b"\xff\xfe\x00binary")
    with pytest.raises(SchemeError, match=r"bin\.toml: cannot read"):
        load_scheme(bad)
