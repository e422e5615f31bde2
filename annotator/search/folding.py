"""Fold Arabic text for matching and find a query in it, with offsets in the original text.

A searcher types without harakat, hamza seats or tatweel and with either kind of digit;
the article has them. Both sides are folded the same way, character by character, and each
folded character remembers the code point it came from, so a hit lands exactly on the
original text: `text[start:end]` is the matched word with its own harakat.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_LETTERS = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ؤ": "و", "ئ": "ي"}
_DIGITS = {chr(0x0660 + d): str(d) for d in range(10)} | {chr(0x06F0 + d): str(d)
                                                          for d in range(10)}
TATWEEL = "ـ"
# Attached before a word: a conjunction (و ف), then a preposition (ب ك ل), then the article.
_PREFIX = "(?:[وف]?[بكل]?(?:ال)?)"


@dataclass(frozen=True)
class FoldOptions:
    ta_marbuta: bool = True   # ة matches ه (on by default; a setting turns it off)
    prefixes: bool = False    # a word may carry و ف ب ك ل ال in front of it


@dataclass(frozen=True)
class Folded:
    text: str
    origin: tuple[int, ...]  # folded index -> code point in the original text


def _folds_away(ch: str) -> bool:
    return ch == TATWEEL or unicodedata.category(ch) == "Mn"  # harakat, shadda, small alef


def fold_char(ch: str, options: FoldOptions) -> str:
    if _folds_away(ch):
        return ""
    if ch == "ة":
        return "ه" if options.ta_marbuta else ch
    return _LETTERS.get(ch) or _DIGITS.get(ch) or ch.casefold()


def fold(text: str, options: FoldOptions = FoldOptions()) -> Folded:
    out: list[str] = []
    origin: list[int] = []
    for i, ch in enumerate(text):
        folded = fold_char(ch, options)
        out.append(folded)
        origin.extend([i] * len(folded))
    return Folded("".join(out), tuple(origin))


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


def find_all(text: str, query: str, options: FoldOptions = FoldOptions()) -> list[tuple[int, int]]:
    """Every hit of `query` in `text`, as code-point [start, end) of the original text,
    the end taking in the last letter's harakat."""
    pattern = query_pattern(query, options)
    if pattern is None:
        return []
    folded = fold(text, options)
    hits = []
    for m in pattern.finditer(folded.text):
        group = next(g for g in range(1, (pattern.groups or 0) + 1) if m.group(g) is not None)
        start = folded.origin[m.start(group)]
        end = folded.origin[m.end(group) - 1] + 1
        while end < len(text) and _folds_away(text[end]):
            end += 1
        hits.append((start, end))
    return hits
