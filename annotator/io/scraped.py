"""Recognise a scraped news article: headline (with a site suffix), source, body, related links.

The layout, as the scraper writes it (see seeds/):

    <headline> - <site name>
    <headline again>
    <outlet name>
    <body paragraphs...>
    مقالات ذات صلة
    <related headline>...

Only the body is annotatable; the rest becomes the document's title, source and metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

RELATED_MARKERS = ("مقالات ذات صلة", "اقرأ أيضا", "اقرأ أيضاً", "Related articles")
_SUFFIX_SEPARATORS = (" - ", " | ", " – ", " — ")
_SENTENCE_END = re.compile(r"[.!?؟،,:؛]\s*$")


@dataclass(frozen=True)
class ScrapedArticle:
    title: str
    source: str
    body: str
    meta: dict[str, object] = field(default_factory=dict)


def _blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _looks_like_source(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 5 and not _SENTENCE_END.search(line)


def parse_scraped(text: str) -> ScrapedArticle:
    """Split cleaned text (LF line ends) into title, source, body and related links.

    Text that does not have the layout comes back whole as the body, with an empty title.
    """
    lines = _blocks(text)
    if len(lines) < 2:
        return ScrapedArticle("", "", text.strip())
    meta: dict[str, object] = {}
    first = text[lines[0][0]:lines[0][1]].strip()
    title, i = first, 1
    second = text[lines[1][0]:lines[1][1]].strip()
    for sep in _SUFFIX_SEPARATORS:
        if first.startswith(second + sep):
            title, i = second, 2
            meta["site"] = first[len(second) + len(sep):].strip()
            break
    else:
        if second == first:
            i = 2
    source = ""
    if i < len(lines) - 1:
        candidate = text[lines[i][0]:lines[i][1]].strip()
        if _looks_like_source(candidate):
            source, i = candidate, i + 1
    if i >= len(lines):
        return ScrapedArticle("", "", text.strip())
    body_start = lines[i][0]
    body_end = len(text)
    for n in range(i, len(lines)):
        line = text[lines[n][0]:lines[n][1]].strip()
        if line in RELATED_MARKERS:
            body_end = lines[n][0]
            meta["related"] = [text[a:b].strip() for a, b in lines[n + 1:]]
            break
    body = text[body_start:body_end].rstrip()
    if not body:
        return ScrapedArticle("", "", text.strip())
    return ScrapedArticle(title, source, body, meta)
