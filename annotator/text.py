"""Text cleaning at import, code point <-> UTF-16 offsets, grapheme snapping, search folding.

Offsets everywhere in the project are Unicode code points of the stored text (0-based, end
exclusive). Qt counts UTF-16 code units; `to_utf16` / `from_utf16` are the only conversion
between the two and are used only at the Qt boundary.
"""

from __future__ import annotations

import bisect
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from annotator.errors import TextError

_BOM = "\ufeff"
_GRAPHEME = regex.compile(r"\X")
_CRLF = re.compile("\r\n")
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


@dataclass(frozen=True)
class CleanedText:
    text: str
    sha256: str
    notes: tuple[str, ...]  # what cleaning changed, for the import report


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def clean_text(raw: str, *, where: str = "text") -> CleanedText:
    """Clean text once, before it is stored: strip a BOM, normalise line ends.

    NUL characters and lone surrogates are refused: they cannot round-trip through UTF-8
    files or Qt, and silently replacing them would move every later offset.
    """
    notes: list[str] = []
    if raw.startswith(_BOM):
        raw = raw[1:]
        notes.append("removed a byte order mark")
    nul = raw.find("\x00")
    if nul >= 0:
        line = raw.count("\n", 0, nul) + 1
        raise TextError(f"{where}: line {line}: contains a NUL character (binary data?)")
    if "\r" in raw:
        raw = raw.replace("\r\n", "\n").replace("\r", "\n")
        notes.append("converted CRLF/CR line ends to LF")
    if not raw or raw.isspace():  # not strip(): that would copy every article once more
        raise TextError(f"{where}: the text is empty")
    try:
        encoded = raw.encode("utf-8")  # fails exactly on lone surrogates
    except UnicodeEncodeError as exc:
        line = raw.count("\n", 0, exc.start) + 1
        raise TextError(f"{where}: line {line}: contains a lone surrogate "
                        f"U+{ord(raw[exc.start]):04X} (broken UTF-16 data)") from None
    return CleanedText(raw, hashlib.sha256(encoded).hexdigest(), tuple(notes))


def clean_text_mapping(raw: str, *, where: str = "text") -> tuple[CleanedText, OffsetShift]:
    """clean_text, plus the function that moves an offset in `raw` to the cleaned text, for
    files whose span offsets count the BOM or both characters of CRLF."""
    removed = [0] if raw.startswith(_BOM) else []
    if "\r" in raw:
        removed += [m.start() for m in _CRLF.finditer(raw)]
    return clean_text(raw, where=where), OffsetShift(removed)


class OffsetShift:
    def __init__(self, removed: list[int]) -> None:
        self._removed = removed

    def __call__(self, pos: int) -> int:
        return pos - bisect.bisect_left(self._removed, pos)


# --- code points <-> UTF-16 -------------------------------------------------------------


class Utf16Map:
    """Converts offsets of one text; O(log n) per call once built (O(n) to build)."""

    def __init__(self, text: str) -> None:
        # Code point positions of the characters that take two UTF-16 units.
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._length = len(text)
        # The UTF-16 position of each astral character's first unit.
        self._astral_u16 = [cp + k for k, cp in enumerate(self._astral)]

    @property
    def identity(self) -> bool:
        """True when the text has no character beyond the BMP: both counts agree."""
        return not self._astral

    def to_utf16(self, cp: int) -> int:
        if not 0 <= cp <= self._length:
            raise ValueError(f"offset {cp} is outside the text (0..{self._length})")
        return cp + bisect.bisect_left(self._astral, cp)

    def from_utf16(self, u16: int) -> int:
        """A position inside a surrogate pair rounds down to the start of that character."""
        if not 0 <= u16 <= self._length + len(self._astral):
            raise ValueError(f"UTF-16 position {u16} is outside the text")
        before = bisect.bisect_left(self._astral_u16, u16)
        if before and self._astral_u16[before - 1] == u16 - 1:
            return self._astral[before - 1]  # u16 points at a low surrogate
        return u16 - before


@lru_cache(maxsize=8)
def utf16_map(text: str) -> Utf16Map:
    return Utf16Map(text)


def to_utf16(text: str, cp: int) -> int:
    """Code point offset -> Qt (UTF-16) position."""
    return utf16_map(text).to_utf16(cp)


def from_utf16(text: str, u16: int) -> int:
    """Qt (UTF-16) position -> code point offset."""
    return utf16_map(text).from_utf16(u16)


# --- grapheme snapping --------------------------------------------------------------------

# Invisible marks that must not start or end a span: they are not part of a word.
_EDGE_MARKS = {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u061c", "\u2066",
               "\u2067", "\u2068", "\u2069", "\u202a", "\u202b", "\u202c", "\u202d",
               "\u202e", "\ufeff"}


def _is_edge_blank(cluster: str) -> bool:
    return cluster.isspace() or all(ch in _EDGE_MARKS for ch in cluster)


_EXTENDERS = {"Mn", "Me", "Mc", "Cf", "Sk"}  # may continue the cluster before them


def _safe_start(text: str, pos: int) -> int:
    """A position at or before `pos` that is surely a cluster boundary.

    LF always is (UAX #29 GB4/GB5); so is a position after a space whose character neither
    extends nor joins (a space followed by a combining mark is one cluster, GB9).
    """
    floor = text.rfind("\n", 0, pos) + 1
    p = pos
    while p > floor:
        if text[p - 1].isspace() and unicodedata.category(text[p]) not in _EXTENDERS \
                and text[p] not in "\u200c\u200d":
            return p
        p -= 1
    return floor


def grapheme_bounds(text: str, pos: int) -> tuple[int, int]:
    """The cluster [start, end) that contains code point `pos`."""
    for m in _GRAPHEME.finditer(text, _safe_start(text, pos)):
        if m.end() > pos:
            return m.start(), m.end()
    return pos, min(pos + 1, len(text))


def may_split_cluster(text: str, pos: int) -> bool:
    """A cheap test that `pos` could fall inside a grapheme cluster: the character at it
    extends or joins (a haraka, ZWJ, a variation selector, a skin tone), or the one
    before it is a joiner or a regional indicator. False means surely a boundary."""
    if pos <= 0 or pos >= len(text):
        return False
    ch, before = text[pos], text[pos - 1]
    return (unicodedata.category(ch) in _EXTENDERS or ch in "\u200c\u200d"
            or before == "\u200d" or "\U0001f1e6" <= before <= "\U0001f1ff")


def widen_to_clusters(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to whole grapheme clusters (no trimming)."""
    if may_split_cluster(text, start):
        start = grapheme_bounds(text, start)[0]
    if may_split_cluster(text, end):
        end = grapheme_bounds(text, end - 1)[1]
    return start, end


def snap_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Widen [start, end) to whole grapheme clusters and trim blanks at both edges.

    Returns None when nothing but whitespace (or invisible marks) is selected.
    """
    start, end = sorted((max(0, start), min(len(text), end)))
    if start == end:
        return None
    start = grapheme_bounds(text, start)[0]
    end = grapheme_bounds(text, end - 1)[1]
    while start < end:
        a, b = grapheme_bounds(text, start)
        if not _is_edge_blank(text[a:b]):
            break
        start = b
    while end > start:
        a, b = grapheme_bounds(text, end - 1)
        if not _is_edge_blank(text[a:b]):
            break
        end = a
    return (start, end) if start < end else None


# --- Arabic folding for search --------------------------------------------------------------

_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                       "ؤ": "و", "ئ": "ي", "ـ": None})


def fold_arabic(text: str) -> str:
    """Fold text for search: no harakat or tatweel, one alef, ya and ta marbuta forms.

    Unlike pyarabic's normalize_hamza (which turns أ into ء), hamza seats fold to their
    carrier letter, which is what a searcher typing without hamza expects.
    """
    from pyarabic import araby

    text = unicodedata.normalize("NFC", text)
    text = araby.strip_tashkeel(text)
    return text.translate(_FOLD).casefold()


def move_boundary(text: str, pos: int, *, forward: bool, grow: bool) -> int:
    """Move a span boundary by one grapheme cluster in logical order.

    A growing move (start earlier, end later) first crosses any whitespace, so that it
    reaches the neighbouring word instead of stopping on a blank that snapping would trim.
    """
    n = len(text)
    if forward:
        if grow:
            while pos < n and text[pos].isspace():
                pos += 1
        return grapheme_bounds(text, pos)[1] if pos < n else n
    if grow:
        while pos > 0 and text[pos - 1].isspace():
            pos -= 1
    return grapheme_bounds(text, pos - 1)[0] if pos > 0 else 0


def trim_punctuation(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop punctuation (and the blanks it uncovers) from both edges of a selection.

    For sloppy mouse selections and double-clicks, which take "بلينكن،" with its comma.
    A selection of nothing but punctuation is returned as it is.
    """
    s, e = start, end
    while s < e and (unicodedata.category(text[s]).startswith("P") or text[s].isspace()):
        s += 1
    while e > s and (unicodedata.category(text[e - 1]).startswith("P")
                     or text[e - 1].isspace()):
        e -= 1
    if s == e:
        return start, end
    return snap_span(text, s, e) or (start, end)


# --- the language of a text, by its script -------------------------------------------------

_SCRIPTS = (("ar", regex.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"
                                  "\ufb50-\ufdff\ufe70-\ufeff]")),
            ("he", regex.compile("[\u0590-\u05ff\ufb1d-\ufb4f]")),
            ("und-Cyrl", regex.compile("[\u0400-\u04ff]")),
            ("und-Latn", regex.compile("[A-Za-z\u00c0-\u024f]")))


# str.translate with this table drops the Arabic letters: the length lost counts them
# (several times faster than a regular expression on every article of an import).
_NOT_ARABIC_DROPPED = {cp: None for lo, hi in ((0x600, 0x6FF), (0x750, 0x77F), (0x8A0, 0x8FF),
                                               (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))
                       for cp in range(lo, hi + 1)}


def language_by_script(text: str, sample: int = 240) -> str:
    """A language tag from the script most letters are in: "ar" for Arabic script, "he"
    for Hebrew; for Latin or Cyrillic only the script is certain ("und-Latn", BCP 47's
    undetermined language); "" when the text has no letters. Counted by regular
    expressions over the first characters: an import of 100,000 articles calls it for
    each."""
    first = text[:80]
    arabic = len(first) - len(first.translate(_NOT_ARABIC_DROPPED))
    if arabic * 3 >= len(first) > 0:  # the usual case here, in one quick pass
        return "ar"
    head = text[:sample]
    counts = {tag: len(pattern.findall(head)) for tag, pattern in _SCRIPTS}
    best = max(counts, key=lambda tag: counts[tag])
    return best if counts[best] else ""


# --- whole words ----------------------------------------------------------------------------

def _in_word(ch: str) -> bool:
    """Letters, digits, harakat and other marks, tatweel, and the joiners inside a word."""
    return ch.isalnum() or unicodedata.category(ch)[0] == "M" or ch in "\u0640\u200c\u200d"


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to whole words: a drag that starts or ends a letter off takes the
    whole word (بالولايات with its attached prefix included). Punctuation is then trimmed
    as for any selection."""
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    while start > 0 and start < len(text) and _in_word(text[start]) \
            and _in_word(text[start - 1]):
        start -= 1
    while 0 < end < len(text) and _in_word(text[end - 1]) and _in_word(text[end]):
        end += 1
    return trim_punctuation(text, start, end) if start < end else (start, end)


ARTICLE = "ال"
PREFIX_LETTERS = "بوفلك"


def trim_prefix(text: str, start: int, end: int) -> int | None:
    """Where the span would start without its leading prefix: the article ال, else one of
    the attached letters ب و ف ل ك; None when nothing (or too little) would be left."""
    word = text[start:end]
    if word.startswith(ARTICLE) and len(word) > len(ARTICLE) + 1:
        return start + len(ARTICLE)
    if word[:1] in PREFIX_LETTERS and len(word) > 2 and _in_word(word[1]):
        return start + 1
    return None


def is_right_to_left(text: str) -> bool:
    """Whether the first strong character is Arabic or Hebrew (the text's own side)."""
    for ch in text:
        if "\u0590" <= ch <= "\u08ff" or "\ufb1d" <= ch <= "\ufefc":
            return True
        if ch.isalpha():
            return False
    return False


def misleads_bidi(paragraph: str) -> bool:
    """Whether Unicode's rule (the first strong character sets the paragraph's direction)
    would lay out a mostly Arabic paragraph left to right: it opens with a flag (regional
    indicators are strong left-to-right) or a Latin acronym before its Arabic."""
    first = next((k for ch in paragraph
                  if (k := unicodedata.bidirectional(ch)) in ("L", "R", "AL")), None)
    if first != "L":
        return False
    letters = [ch for ch in paragraph if ch.isalpha()]
    arabic = sum(1 for ch in letters if is_right_to_left(ch))
    return arabic > len(letters) - arabic
