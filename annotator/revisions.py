"""Revisions: what a record's content is, as a short hash, so that two copies of a record
can be compared, and the versions each side has seen can be told apart in a merge."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

# What a record says. Not its id, not its document (a record never moves), not its times
# (the same edit made twice is the same content).
# A document's annotator is who imported it: the same article imported by two colleagues
# is the same document, not a conflict.
CONTENT: dict[str, tuple[str, ...]] = {
    "documents": ("title", "source", "url", "published", "language", "meta", "status",
                  "deleted"),
    "spans": ("start", "end", "label", "attributes", "note", "annotator", "deleted"),
    "relations": ("type", "head", "tail", "annotator", "deleted"),
    "doc_labels": ("field", "value", "annotator", "deleted"),
    "decisions": ("verdict", "deleted"),  # two reviewers who decide alike agree
    "comments": ("target", "body", "resolved", "annotator", "deleted"),
}


def rev(table: str, row: Mapping[str, Any]) -> str:
    """The revision of a row: a hash of its content fields and of its base, the revision
    it was edited from. Like a commit id, it names a version with its whole past, so that
    a record edited back to an earlier content (A, B, A) is still a new version, while
    the same edit made on two copies from the same version is the same revision."""
    values = [row[f] for f in CONTENT[table]]
    blob = json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"{table}\x1f{row['base']}\x1f{blob}".encode()).hexdigest()[:24]


# Of two rows with the same content, the one every copy keeps: the first import of a
# document; for other records, the latest time of an edit that was made on both sides.
PREFERENCE: dict[str, tuple[tuple[str, ...], str]] = {
    "documents": (("created_at", "annotator", "updated_at", "base", "updated_by"), "<"),
    **{t: (("updated_at", "base", "updated_by"), ">")
       for t in ("spans", "relations", "doc_labels", "decisions", "comments")},
}


def preferred(table: str, a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether every copy should keep `a` rather than `b`, which says the same."""
    keys, order = PREFERENCE[table]
    left, right = tuple(a[k] for k in keys), tuple(b[k] for k in keys)
    return left < right if order == "<" else left > right


def same_content(table: str, a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    return all(a[f] == b[f] for f in CONTENT[table])


def later(table: str, a: Mapping[str, Any], b: Mapping[str, Any]) -> bool:
    """Whether `a` is the later edit. Ties of time are broken by revision, so that every
    copy of a database decides the same way and two merged copies converge."""
    return (a["updated_at"], rev(table, a)) > (b["updated_at"], rev(table, b))
