"""Spelling variants: what each query must and must not find, and where the hit lands."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.search.folding import FoldOptions, find_all, fold, fold_query

ARTICLE = ("🇸🇾👨‍👩‍👧 قال وزير الخارجية الأمريكي أَنْتُونِي بلينكـــن، إنّ الولاياتُ المتحدة "
           "وبالولايات وللولايات تدعم القرار ٢٢٥٤ في مدرسـةٌ على الحدود UN Blinken.")
PREFIXES = FoldOptions(prefixes=True)
NO_TA_MARBUTA = FoldOptions(ta_marbuta=False)
DEFAULT = FoldOptions()


def hits(query: str, options: FoldOptions = DEFAULT) -> list[str]:
    return [ARTICLE[s:e] for s, e in find_all(ARTICLE, query, options)]


@pytest.mark.parametrize(("query", "options", "found"), [
    ("انتوني", FoldOptions(), ["أَنْتُونِي"]),              # harakat and hamza in the text
    ("أَنتوني", FoldOptions(), ["أَنْتُونِي"]),             # harakat in the query
    ("بلينكن", FoldOptions(), ["بلينكـــن"]),              # tatweel
    ("انتوني بلينكن", FoldOptions(), ["أَنْتُونِي بلينكـــن"]),  # a phrase
    ("ان", FoldOptions(), ["إنّ"]),                        # shadda kept on the hit
    ("علي", FoldOptions(), ["على"]),                       # ى and ي
    ("2254", FoldOptions(), ["٢٢٥٤"]),                     # Eastern Arabic digits
    ("٢٢٥٤", FoldOptions(), ["٢٢٥٤"]),
    ("مدرسه", FoldOptions(), ["مدرسـةٌ"]),                 # ة and ه, on by default
    ("مدرسه", NO_TA_MARBUTA, []),
    ("مدرسة", NO_TA_MARBUTA, ["مدرسـةٌ"]),
    ("الولايات", FoldOptions(), ["الولاياتُ"]),            # prefixes off: whole words only
    ("الولايات", PREFIXES, ["الولاياتُ", "الولايات", "لولايات"]),  # وب+ال, و+ل+ل
    ("ولايات", FoldOptions(), []),
    ("blinken", FoldOptions(), ["Blinken"]),              # Latin, any case
    ("un", FoldOptions(), ["UN"]),
    ("وزير الداخلية", FoldOptions(), []),
    ("   ", FoldOptions(), []),
])
def test_spelling_variants(query: str, options: FoldOptions, found: list[str]) -> None:
    assert hits(query, options) == found


def test_offsets_are_code_points_of_the_original_text_after_emoji() -> None:
    (start, end), = find_all(ARTICLE, "بلينكن")
    assert ARTICLE.index("بلينكـــن") == start
    assert ARTICLE[start:end] == "بلينكـــن"


def test_fold_keeps_where_each_character_came_from() -> None:
    folded = fold("أَحْمَـد")
    assert folded.text == "احمد"
    assert [("أَحْمَـد")[i] for i in folded.origin] == ["أ", "ح", "م", "د"]


def test_a_query_is_folded_into_single_spaced_words() -> None:
    assert fold_query("  الأُمَم \n المتحدة ") == "الامم المتحده"


arabic = st.text(alphabet=st.sampled_from(list("ابتكلمنهويأإآىةؤئ ـًٌٍَُِّْ٢٥,.🙂")), max_size=60)


@given(text=arabic, word=st.text(alphabet=st.sampled_from(list("ابتكلمنيةأ")), min_size=1,
                                 max_size=5))
@settings(max_examples=300, deadline=None)
def test_every_hit_folds_to_the_query(text: str, word: str) -> None:
    for options in (FoldOptions(), PREFIXES):
        for start, end in find_all(text, word, options):
            hit, wanted = fold(text[start:end], options).text, fold_query(word, options)
            # ل before ال drops the alef: للولايات holds الولايات as لولايات
            assert hit == wanted or (options.prefixes and wanted.startswith("ال")
                                     and hit == "ل" + wanted[2:])
            assert 0 <= start < end <= len(text)


@given(text=st.text(alphabet=st.sampled_from(list("ابأإةىـًٌَُِّْٰ٢۵ßAée\u0301🙂 ")), max_size=40))
@settings(max_examples=300, deadline=None)
def test_the_fast_fold_agrees_with_folding_each_character(text: str) -> None:
    from annotator.search.folding import fold_text
    folded = fold(text)
    assert folded.text == "".join(fold_text(ch) for ch in text)
    assert len(folded.origin) == len(folded.text)
    for k, i in enumerate(folded.origin):
        assert folded.text[k] in fold_text(text[i])
