"""Search across the corpus: the index narrows, the stored text decides.

A query holds words, "quoted phrases" and -exclusions (a word or a phrase). Every word and
phrase must be found in a document for it to match, and no exclusion. Hits are code points
of the stored text, found by the same matching as Find in the article.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from annotator.errors import AnnotatorError, StorageError
from annotator.search.folding import (
    FoldOptions,
    find_all,
    fold,
    fold_for_index,
    fold_query,
    fold_text,
    query_pattern,
)
from annotator.storage import search_index
from annotator.storage.database import Database

BATCH = 5_000  # articles per step of an index build: about 1 s of write lock each
DEFAULT_OPTIONS = FoldOptions()
WAIT_FOR_WRITER_S = 0.5  # then search with the index as it is
SNIPPET = 40  # characters each side of a hit

_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
_WORD = re.compile(r"\w+")
_BLANKS = re.compile(r"\s+")


def prefixed(word: str) -> list[str]:
    """The forms a folded word takes with an attached prefix (و ف, then ب ك ل, then ال;
    ل + ال is written لل), itself first: the index is asked for any of them."""
    forms = [word]
    for conj in ("", "و", "ف"):
        for prep in ("", "ب", "ك", "ل"):
            if conj or prep:
                forms.append(conj + prep + word)
            if not word.startswith("ال"):
                forms.append(conj + prep + "ال" + word)
        if word.startswith("ال") and len(word) > 2:
            forms.append(conj + "لل" + word[2:])
    return list(dict.fromkeys(forms))


def _fts_string(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


@dataclass(frozen=True)
class Query:
    terms: tuple[str, ...]  # words and phrases that must be found
    excluded: tuple[str, ...] = ()

    @classmethod
    def parse(cls, text: str) -> Query:
        terms, excluded = [], []
        for m in _TERM.finditer(text):
            minus, phrase = (m.group(1), m.group(2)) if m.group(2) is not None \
                else (m.group(3), m.group(4))
            if not fold_query(phrase):
                continue  # only harakat, tatweel or blanks: nothing to look for
            (excluded if minus else terms).append(phrase)
        if not terms:
            raise AnnotatorError("a search needs at least one word to find (an exclusion "
                                 "such as -word only narrows one)")
        return cls(tuple(terms), tuple(excluded))

    def match_expression(self, options: FoldOptions) -> str | None:
        """The FTS5 query that finds every document that can match (and some that do not).
        None when no term has a letter or digit for the index to look up."""
        parts = []
        for term in self.terms:
            words = [w for w in fold_for_index(" ".join(fold_query(term).split())).split()
                     if _WORD.search(w)]
            if not words:
                continue
            if options.prefixes:
                parts += [" OR ".join(_fts_string(f) for f in prefixed(w)) for w in words]
            else:
                parts.append(_fts_string(" ".join(words)))  # a phrase of one or more words
        return " AND ".join(f"({p})" for p in parts) or None


@dataclass(frozen=True)
class Hit:
    doc_id: str
    title: str
    published: str | None
    start: int
    end: int
    before: str
    text: str
    after: str

    @property
    def snippet(self) -> str:
        return f"{self.before}[{self.text}]{self.after}"


@dataclass
class SearchResult:
    hits: list[Hit] = field(default_factory=list)
    documents: int = 0  # documents that match (up to where the limit stopped the search)
    truncated: bool = False


def _snippet_part(text: str) -> str:
    return _BLANKS.sub(" ", text)  # one line, the spaces around the hit kept


def hits_in(doc_id: str, title: str, published: str | None, text: str, query: Query,
            options: FoldOptions) -> list[Hit]:
    """The hits of a document that matches `query`, or none."""
    folded = fold(text, options)  # once, for every term
    if any(find_all(text, term, options, folded) for term in query.excluded):
        return []
    found: set[tuple[int, int]] = set()
    for term in query.terms:
        term_hits = find_all(text, term, options, folded)
        if not term_hits:
            return []
        found.update(term_hits)
    out = []
    for start, end in sorted(found):
        before = text[max(0, start - SNIPPET):start]
        after = text[end:end + SNIPPET]
        out.append(Hit(doc_id, title, published, start, end,
                       ("…" if start > SNIPPET else "") + _snippet_part(before),
                       text[start:end],
                       _snippet_part(after) + ("…" if end + SNIPPET < len(text) else "")))
    return out


def text_matcher(text: str, options: FoldOptions) -> Callable[[str], bool]:
    return query_matcher(Query.parse(text), options)


def query_matcher(query: Query, options: FoldOptions) -> Callable[[str], bool]:
    """True for a text that holds every word and "phrase" of the query and no -exclusion."""
    wanted = [query_pattern(t, options) for t in query.terms]
    unwanted = [query_pattern(t, options) for t in query.excluded]

    def matches(candidate: str) -> bool:
        folded = fold_text(candidate, options)  # the text alone: no origin map
        return all(p is not None and p.search(folded) for p in wanted) and not any(
            p is not None and p.search(folded) for p in unwanted)

    return matches


def has_index(db: Database) -> bool:
    with db.snapshot() as conn:
        return search_index.exists(conn)


def ensure_index(db: Database, progress: Callable[[int, int], None] | None = None) -> bool:
    """Build the corpus index if this database has none yet (one upgraded from an older
    version), a short write transaction per 5,000 articles, calling `progress(done,
    total)` after each; after that every write keeps it in step by itself. An exception
    from `progress` stops the build, to resume next time. False when the file cannot be
    written now (read-only, or another process holds the write lock for long): the search
    then reads every document, and the index is built next time."""
    if has_index(db):  # no write lock is taken
        return True
    with db.snapshot() as conn:
        total, done = search_index.to_build(conn), 0
    waited = db.busy_timeout()
    db.set_busy_timeout(min(waited, WAIT_FOR_WRITER_S))
    try:
        complete = False
        while not complete:
            with db.write() as conn:
                added, complete = search_index.build_step(conn, BATCH)
            done += added
            if progress:
                progress(done, max(total, done))
    except StorageError:
        return False
    finally:
        db.set_busy_timeout(waited)
    return True


def search(db: Database, text: str, options: FoldOptions = DEFAULT_OPTIONS, *,
           label: str | None = None, limit: int | None = None) -> SearchResult:
    query = Query.parse(text)
    ensure_index(db)
    result = SearchResult()
    with db.snapshot() as conn:
        for doc_id, title, published, body in search_index.candidates(
                conn, query.match_expression(options)):
            hits = hits_in(doc_id, title, published, body, query, options)
            if hits and label is not None:
                spans = search_index.spans_with_label(conn, doc_id, label)
                hits = [h for h in hits if any(s <= h.start and h.end <= e for s, e in spans)]
            if not hits:
                continue
            result.documents += 1
            result.hits.extend(hits)
            if limit is not None and len(result.hits) >= limit:
                result.truncated = len(result.hits) > limit
                del result.hits[limit:]
                break
    return result


def matching_documents(db: Database, text: str, options: FoldOptions = DEFAULT_OPTIONS
                       ) -> list[str]:
    """Every document that matches `text` (for the document list's filter): the index
    narrows, each candidate's stored text decides; no hits are collected."""
    query = Query.parse(text)
    ensure_index(db)
    matches = query_matcher(query, options)
    with db.snapshot() as conn:
        return [doc_id for doc_id, _t, _p, body in search_index.candidates(
            conn, query.match_expression(options)) if matches(body)]
