"""Which documents the list shows: status, source, publication dates, an annotator's
presence, and the documents a search found (a text query or an annotation query)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DocumentFilter:
    status: str | None = None
    source: str | None = None
    published_from: str | None = None
    published_to: str | None = None
    annotator: str | None = None  # documents with a live span or document label by them
    doc_ids: frozenset[str] | None = None  # only these (what a search found)
    query: str = ""  # what found `doc_ids`, for the list to say

    @property
    def narrows(self) -> bool:
        return self != EVERY_DOCUMENT


EVERY_DOCUMENT = DocumentFilter()
