"""Fold Arabic text for matching and find a query in it, with offsets in the original text.

A searcher types without harakat, hamza seats or tatweel and with either kind of digit;
the article has them. Both sides are folded the same way, character by character, and each
folded character remembers the code point it came from, so a hit lands exactly on the
original text: `text[start:end]` is the matched word with its own harakat.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

_LETTERS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ؤ": "و", "ئ": "ي"}
_DIGITS = {chr(0x0660 + d): str(d) for d in range(10)} | {chr(0x06F0 + d): str(d)
                                                          for d in range(10)}
TATWEEL = "ـ"
# Marks that fold away: combining accents, Hebrew points, harakat, shadda, small alef,
# Quranic marks. Everything else folds one character to one (then case-folded).
_MARK_RANGES = [(0x0300, 0x036F), (0x0591, 0x05C7), (0x0610, 0x061A), (0x064B, 0x065F),
                (0x0670, 0x0670), (0x06D6, 0x06ED), (0x08D3, 0x08FF), (0xFE20, 0xFE2F)]
_MARKS = "".join(chr(cp) for lo, hi in _MARK_RANGES for cp in range(lo, hi + 1)
                 if unicodedata.category(chr(cp)) == "Mn") + TATWEEL
_FOLDS_AWAY = re.compile(f"[{re.escape(_MARKS)}]")
# Attached before a word: a conjunction (و ف), then a preposition (ب ك ل), then the article.
_PREFIX = "(?:[وف]?[بكل]?(?:ال)?)"


def _replacements(ta_marbuta: bool) -> list[tuple[str, str]]:
    pairs = list((_LETTERS | _DIGITS).items())
    return [*pairs, ("ة", "ه")] if ta_marbuta else pairs


# No replacement gives a character another one replaces, so their order does not matter.
_REPLACEMENTS = {True: _replacements(True), False: _replacements(False)}


@dataclass(frozen=True)
class FoldOptions:
    ta_marbuta: bool = True   # ة matches ه (on by default; a setting turns it off)
    prefixes: bool = False    # a word may carry و ف ب ك ل ال in front of it


_INDEX_OPTIONS = FoldOptions(ta_marbuta=True)

@dataclass(frozen=True)
class Folded:
    text: str
    origin: Sequence[int]  # folded index -> code point in the original text


def fold_text(text: str, options: FoldOptions = FoldOptions()) -> str:
    """The folded text alone, for the index: marks dropped by one regex, then a
    str.replace per letter present (six times faster than str.translate on Arabic)."""
    text = _FOLDS_AWAY.sub("", text)
    for old, new in _REPLACEMENTS[options.ta_marbuta]:
        if old in text:
            text = text.replace(old, new)
    return text.casefold()


def fold_for_index(text: str) -> str:
    """What the corpus index holds: the widest folding (ة with ه), so that any search
    options can ask it and then be stricter against the stored text."""
    return fold_text(text, _INDEX_OPTIONS)


def fold(text: str, options: FoldOptions = FoldOptions()) -> Folded:
    folded = fold_text(text, options)
    removed = [m.start() for m in _FOLDS_AWAY.finditer(text)]
    if len(folded) == len(text) - len(removed):  # one to one (the usual case)
        if not removed:
            return Folded(folded, range(len(text)))
        gone = set(removed)
        return Folded(folded, [i for i in range(len(text)) if i not in gone])
    origin: list[int] = []  # a case fold that grew a character (ß -> ss): slow path
    for i, ch in enumerate(text):
        origin.extend([i] * len(fold_text(ch, options)))
    return Folded(folded, origin)


def fold_query(query: str, options: FoldOptions = FoldOptions()) -> str:
    """The query folded, its words separated by single spaces."""
    return " ".join(fold(query, options).text.split())


def query_pattern(query: str, options: FoldOptions = FoldOptions()) -> re.Pattern[str] | None:
    """A pattern over folded text for the whole words of `query` (None for a blank query).
    With prefixes on, the hit itself excludes the prefix; ل before ال drops the alef
    (للولايات is ل + الولايات), so that form is matched too."""
    words = fold_query(query, options).split()
    if not words:
        return None
    body = r"\s+".join(re.escape(w) for w in words)
    if not options.prefixes:
        return re.compile(rf"(?<!\w)({body})(?!\w)")
    alternatives = [rf"(?<!\w){_PREFIX}({body})"]
    if words[0].startswith("ال") and len(words[0]) > 2:
        rest = r"\s+".join([re.escape(words[0][2:]), *(re.escape(w) for w in words[1:])])
        alternatives.append(rf"(?<!\w)[وف]?ل(ل{rest})")
    return re.compile("(?:" + "|".join(alternatives) + r")(?!\w)")


def find_all(text: str, query: str, options: FoldOptions = FoldOptions(),
             folded: Folded | None = None) -> list[tuple[int, int]]:
    """Every hit of `query` in `text`, as code-point [start, end) of the original text,
    the end taking in the last letter's harakat. `folded`: `fold(text, options)`, when the
    caller looks for several queries in one text."""
    pattern = query_pattern(query, options)
    if pattern is None:
        return []
    folded = folded if folded is not None else fold(text, options)
    hits = []
    for m in pattern.finditer(folded.text):
        group = next(g for g in range(1, (pattern.groups or 0) + 1) if m.group(g) is not None)
        start = folded.origin[m.start(group)]
        end = folded.origin[m.end(group) - 1] + 1
        while end < len(text) and text[end] in _MARKS:
            end += 1
        hits.append((start, end))
    return hits
