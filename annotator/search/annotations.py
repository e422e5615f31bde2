"""Search the annotations: spans by label, attribute value, annotator, document status and
their own text, linked (or not) to other spans, inside documents that match a text query.

Every STANCE with value "rejects_normalization" held by an actor whose text matches
"الولايات المتحدة" is

    AnnotationQuery(label="STANCE", value="rejects_normalization", link_type="HELD_BY",
                    linked_label="ACTOR", linked_text="الولايات المتحدة")

Texts are matched as the corpus search matches them (harakat, hamza seats, tatweel, digits,
ة/ه and the prefixes setting), against the span's own code points.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from annotator.errors import AnnotatorError
from annotator.search.corpus import (
    DEFAULT_OPTIONS,
    Hit,
    Query,
    ensure_index,
    query_matcher,
    text_matcher,
)
from annotator.search.folding import FoldOptions
from annotator.storage import span_search
from annotator.storage.database import Database


@dataclass(frozen=True)
class AnnotationQuery:
    label: str | None = None
    attribute: str | None = None  # attribute id; with `value`, that attribute's value
    value: str | None = None  # a value of any attribute (or of `attribute`)
    annotator: str | None = None
    status: str | None = None  # the document's status: new, in_progress, done
    text: str = ""  # the span's own text matches this query
    link_type: str | None = None  # linked, either way, by this type of link...
    linked_label: str | None = None  # ...to a span with this label...
    linked_text: str = ""  # ...whose text matches this query
    documents: str = ""  # the span's document matches this corpus query

    def is_empty(self) -> bool:
        return self == AnnotationQuery()


@dataclass(frozen=True)
class SpanHit(Hit):
    """A span found: where it is (as a text hit) and what it is."""

    span_id: str = ""
    label: str = ""
    attributes: dict[str, object] = field(default_factory=dict)
    annotator: str = ""


@dataclass
class SpanSearchResult:
    hits: list[SpanHit] = field(default_factory=list)
    documents: int = 0  # documents with a hit (up to where the limit stopped the search)
    truncated: bool = False


def search_spans(db: Database, query: AnnotationQuery, options: FoldOptions = DEFAULT_OPTIONS,
                 *, limit: int | None = None) -> SpanSearchResult:
    sql_filter, doc_matches = _prepare(db, query, options)
    result, seen = SpanSearchResult(), set()
    with db.snapshot() as conn:
        for row in span_search.spans(conn, sql_filter):
            span_id, doc_id, title, published, start, end, label, attrs, who, text, \
                before, after = row
            if not doc_matches(conn, doc_id):
                continue
            seen.add(doc_id)
            result.hits.append(SpanHit(
                doc_id, title, published, start, end,
                ("…" if start > span_search.SNIPPET else "") + before, text, after,
                span_id=span_id, label=label, attributes=json.loads(attrs), annotator=who))
            if limit is not None and len(result.hits) > limit:
                result.truncated = True
                del result.hits[limit:]
                break
    result.documents = len({h.doc_id for h in result.hits}) if result.truncated else len(seen)
    return result


def matching_documents(db: Database, query: AnnotationQuery,
                       options: FoldOptions = DEFAULT_OPTIONS) -> list[str]:
    """Every document with a span that matches (for the document list's filter)."""
    sql_filter, doc_matches = _prepare(db, query, options)
    with db.snapshot() as conn:
        return [doc_id for doc_id in span_search.documents_with_spans(conn, sql_filter)
                if doc_matches(conn, doc_id)]


def _prepare(db: Database, query: AnnotationQuery, options: FoldOptions):
    if query.is_empty():
        raise AnnotatorError("say what to look for: a label, a value, an annotator, a "
                             "status, a text, a link or a text the article contains")
    documents = Query.parse(query.documents) if query.documents.strip() else None
    if documents is not None:
        ensure_index(db)
    sql_filter = span_search.SpanFilter(
        label=query.label or None, attribute=query.attribute or None,
        value=query.value or None, annotator=query.annotator,
        status=query.status or None, link_type=query.link_type or None,
        linked_label=query.linked_label or None,
        text=text_matcher(query.text, options) if query.text.strip() else None,
        linked_text=text_matcher(query.linked_text, options)
        if query.linked_text.strip() else None,
        documents_match=documents.match_expression(options) if documents else None)
    return sql_filter, _document_checker(documents, options)


def _document_checker(documents: Query | None, options: FoldOptions):
    """The index only narrows: each document it names is checked against its stored text,
    once."""
    if documents is None:
        return lambda _conn, _doc_id: True
    checked: dict[str, bool] = {}
    matches = query_matcher(documents, options)

    def check(conn, doc_id: str) -> bool:
        if doc_id not in checked:
            checked[doc_id] = matches(span_search.document_text(conn, doc_id))
        return checked[doc_id]

    return check
