"""Text cleaning, code point <-> UTF-16 offsets, grapheme snapping, Arabic folding."""

from __future__ import annotations

import pytest

from annotator.errors import TextError
from annotator.text import (
    clean_text,
    fold_arabic,
    from_utf16,
    grapheme_bounds,
    is_right_to_left,
    sha256_of,
    snap_span,
    to_utf16,
    trim_punctuation,
)
from tests.helpers.texts import FAMILY, FLAG_SY, HARD_TEXT, HEART, TASHKEEL


def utf16_len(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def test_clean_strips_bom_and_normalises_line_ends() -> None:
    cleaned = clean_text("\ufeffأ\r\nب\rج\n")
    assert cleaned.text == "أ\nب\nج\n"
    assert cleaned.sha256 == sha256_of("أ\nب\nج\n")
    assert len(cleaned.notes) == 2


@pytest.mark.parametrize("raw, where", [("ab\x00c", "line 1"), ("a\nb\ud800", "line 2")])
def test_clean_refuses_nul_and_lone_surrogates_naming_the_line(raw: str, where: str) -> None:
    with pytest.raises(TextError, match=where):
        clean_text(raw, where="f.txt")


@pytest.mark.parametrize("raw", ["", "   \n\t "])
def test_clean_refuses_empty_text(raw: str) -> None:
    with pytest.raises(TextError, match="empty"):
        clean_text(raw)


def test_utf16_round_trip_for_every_position_of_hard_text() -> None:
    for cp in range(len(HARD_TEXT) + 1):
        u16 = to_utf16(HARD_TEXT, cp)
        assert u16 == utf16_len(HARD_TEXT[:cp])
        assert from_utf16(HARD_TEXT, u16) == cp


def test_word_after_emoji_is_shifted_by_one_in_utf16() -> None:
    text = "😀 بلينكن"
    start = text.find("بلينكن")
    assert start == 2 and to_utf16(text, start) == 3


def test_utf16_position_inside_a_surrogate_pair_rounds_down() -> None:
    text = "a😀b"
    assert from_utf16(text, 2) == 1  # between the two halves of the emoji


def test_offsets_outside_the_text_are_refused() -> None:
    with pytest.raises(ValueError):
        to_utf16("abc", 4)
    with pytest.raises(ValueError):
        from_utf16("a😀", 4)


@pytest.mark.parametrize("cluster", [FAMILY, FLAG_SY, HEART, "بِ", "لَّ"])
def test_snap_never_splits_a_cluster(cluster: str) -> None:
    text = f"x {cluster} y"
    start = text.index(cluster)
    for inner in range(start, start + len(cluster)):
        assert snap_span(text, inner, inner + 1) == (start, start + len(cluster))


def test_snap_keeps_harakat_with_their_letter() -> None:
    word = TASHKEEL.split()[0]  # بِسْمِ
    text = f"{TASHKEEL} end"
    # Selecting just the letters' first code points still takes the marks after them.
    assert snap_span(text, 0, 3) == (0, 4)
    assert snap_span(text, 0, len(word) - 1) == (0, len(word))


def test_lam_alef_word_snaps_whole_and_keeps_its_offsets() -> None:
    # Lam-alef is one glyph but two grapheme clusters (UAX #29); a word selection keeps both.
    text = "قال لا إله إلا الله"
    start = text.index("إلا")
    assert snap_span(text, start - 1, start + 3) == (start, start + 3)
    assert to_utf16(text, start + 3) == start + 3


def test_snap_trims_whitespace_and_bidi_marks() -> None:
    text = "قال \u200fواشنطن\u200e  اليوم"
    start = text.index("واشنطن")
    assert snap_span(text, 3, start + len("واشنطن") + 3) == (start, start + len("واشنطن"))


def test_snap_of_only_blanks_is_none() -> None:
    assert snap_span("a  \u200f  b", 1, 6) is None
    assert snap_span("abc", 2, 2) is None


def test_snap_accepts_a_reversed_range() -> None:
    assert snap_span("abc def", 7, 4) == (4, 7)


def test_grapheme_bounds_at_paragraph_edges() -> None:
    text = "أ\n" + FAMILY
    assert grapheme_bounds(text, 1) == (1, 2)
    assert grapheme_bounds(text, 3) == (2, 2 + len(FAMILY))


def test_fold_arabic_unifies_hamza_seats_harakat_and_tatweel() -> None:
    assert fold_arabic("أَحْمَد") == fold_arabic("احمد")
    assert fold_arabic("إلى") == fold_arabic("الي")
    assert fold_arabic("مدرسـة") == fold_arabic("مدرسه")
    assert "ء" not in fold_arabic("أحمد")  # pyarabic's normalize_hamza would give ءحمد


def test_trim_punctuation_at_the_edges_only() -> None:
    text = "قال «بلينكن،» إن القرار"
    start = text.index("«")
    assert trim_punctuation(text, start, start + 9) == (start + 1, start + 7)
    assert trim_punctuation(text, 0, len(text)) == (0, len(text))
    assert trim_punctuation("a ،،، b", 2, 5) == (2, 5)  # only punctuation: unchanged


@pytest.mark.parametrize(("text", "rtl"), [
    ("بيان الخارجية", True),
    ("«2024» الرياض", True),         # digits and quotes are weak: the first letter decides
    ("UN: بيان", False),
    ("שלום", True),
    ("١٢٣", True),                   # Arabic-Indic digits sit in the Arabic block
    ("2024 - 12", False),            # no letter at all: left to right
    ("", False),
])
def test_right_to_left_is_decided_by_the_first_strong_character(text: str, rtl: bool) -> None:
    assert is_right_to_left(text) is rtl


@pytest.mark.parametrize(("paragraph", "misleads"), [
    ("🇸🇾 وقال الوزير", True),    # regional indicators are strong left to right
    ("UN: بيان الأمم المتحدة", True),   # mostly Arabic: right to left all the same
    ("UN Security Council: بيان", False),  # mostly Latin
    ("2024 وقال", False),          # digits are weak: Unicode already says right to left
    ("«وقال»", False),
    ("English only", False),
    ("", False),
])
def test_misleads_bidi(paragraph: str, misleads: bool) -> None:
    from annotator.text import misleads_bidi
    assert misleads_bidi(paragraph) is misleads
