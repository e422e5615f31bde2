"""Plain records that importers produce and exporters consume: no ids required, no Qt.

Provenance (`Provenance`) is optional: a file of this tool's own carries it, so that a
colleague's labels keep their author, their times and the revision they were edited from;
other formats leave it empty and the import fills it in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Provenance:
    created_at: str | None = None
    updated_at: str | None = None
    updated_by: str | None = None
    base: str = ""  # the revision this version was edited from
    deleted: bool = False  # a tombstone: the record was deleted


@dataclass
class SpanRecord:
    start: int
    end: int
    label: str
    attributes: dict[str, Any] = field(default_factory=dict)
    note: str | None = None
    annotator: str | None = None
    key: str | None = None  # the span's id in the file, for relations and round trips
    text: str | None = None  # the text the file says the span covers, checked on import
    provenance: Provenance = field(default_factory=Provenance)


@dataclass
class RelationRecord:
    type: str
    head: str  # SpanRecord.key
    tail: str
    annotator: str | None = None
    key: str | None = None
    provenance: Provenance = field(default_factory=Provenance)


@dataclass
class DocLabelRecord:
    field: str
    value: str
    annotator: str | None = None
    key: str | None = None
    provenance: Provenance = field(default_factory=Provenance)


@dataclass
class ReviewRecord:
    """A reviewer's decision or a comment, as this tool's own JSON lines carry them."""

    table: str  # "decisions" or "comments"
    key: str  # its id
    values: dict[str, Any]  # decisions: verdict; comments: target, body, resolved
    annotator: str | None = None
    provenance: Provenance = field(default_factory=Provenance)


@dataclass
class DocumentRecord:
    text: str
    where: str  # "file:line", for messages
    title: str = ""
    source: str = ""
    url: str | None = None
    published: str | None = None
    language: str | None = None  # None: not given, so the import guesses it by script
    meta: dict[str, Any] = field(default_factory=dict)
    status: str | None = None
    key: str | None = None  # the document's id in the file
    spans: list[SpanRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)
    doc_labels: list[DocLabelRecord] = field(default_factory=list)
    review: list[ReviewRecord] = field(default_factory=list)
    offsets: str = "codepoints"  # or "utf16": how the file counts span offsets
    annotator: str | None = None
    provenance: Provenance = field(default_factory=Provenance)
