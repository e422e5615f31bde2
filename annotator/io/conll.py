"""CoNLL out: one token and its BIO tag per line, a blank line between paragraphs, and a
`-DOCSTART-` line before each document (what standard NER CoNLL readers, spaCy's
`convert -c ner` among them, take as a document break; `#` lines would be read as tokens).
Documents come in the order of the JSON lines export.

A span that crosses a paragraph break is written as two entities, the part after the break
starting again with B- (a reader cannot continue an entity across a blank line), and is
reported.

Tokens are words (letters with their harakat, digits, joined by ZWNJ/ZWJ) or single
grapheme clusters of anything else, so an emoji or a flag is one token. Arabic clitics stay
on their word (بالولايات is one token), so a span that starts or ends inside a token cannot
be written: it is reported, as is a span that overlaps one already written.
"""

from __future__ import annotations

from pathlib import Path

import regex

from annotator.model import ExportDoc

_TOKEN = regex.compile(r"\w+(?:[\u200c\u200d]\w+)*|(?:(?!\s)\X)")


def tokens(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


class ConllWriter:
    suffix = ".conll"

    def __init__(self, path: Path) -> None:
        self._out = path.open("w", encoding="utf-8", newline="\n")
        self._warnings: list[str] = []

    def write(self, ed: ExportDoc) -> None:
        text = ed.document.text
        toks = tokens(text)
        starts = {a: i for i, (a, _) in enumerate(toks)}
        ends = {b: i for i, (_, b) in enumerate(toks)}
        tags = ["O"] * len(toks)
        breaks = [False] * len(toks)  # a paragraph break before this token
        previous_end = 0
        for i, (a, _b) in enumerate(toks):
            breaks[i] = "\n" in text[previous_end:a] and i > 0
            previous_end = _b
        # Longest first, so that a nested span is the one reported, not its container.
        for s in sorted(ed.spans, key=lambda s: (s.start, -(s.end - s.start))):
            first, last = starts.get(s.start), ends.get(s.end)
            quote = f"{ed.document.id} [{s.start}, {s.end}) {s.label} «{text[s.start:s.end]}»"
            if first is None or last is None:
                self._warnings.append(f"{quote}: does not start and end on token boundaries")
            elif any(t != "O" for t in tags[first:last + 1]):
                self._warnings.append(f"{quote}: overlaps a span already written")
            else:
                tags[first] = f"B-{s.label}"
                for i in range(first + 1, last + 1):
                    tags[i] = f"{'B' if breaks[i] else 'I'}-{s.label}"
                if any(breaks[first + 1:last + 1]):
                    self._warnings.append(f"{quote}: crosses a paragraph break; written as "
                                          "one entity per paragraph")
        self._out.write("-DOCSTART-\tO\n\n")
        for (a, b), tag, new_paragraph in zip(toks, tags, breaks, strict=True):
            if new_paragraph:
                self._out.write("\n")
            self._out.write(f"{''.join(text[a:b].split())}\t{tag}\n")
        self._out.write("\n")

    def close(self) -> list[str]:
        self._out.close()
        return self._warnings
