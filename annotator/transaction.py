"""One edit of the facade as a transaction: the rows it writes with their previous state
(for undo), the check that a record is still as this project last saw it, and what the
edit changed, for the views."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.errors import ConcurrentEditError, NotFoundError
from annotator.model import Changes, new_id
from annotator.revisions import rev, same_content
from annotator.storage import repository as repo


@dataclass(frozen=True)
class RowChange:
    table: str
    before: repo.Row | None
    after: repo.Row  # exactly as written


@dataclass(frozen=True)
class Step:
    description: str
    changes: tuple[RowChange, ...]


KINDS = {"documents": "document", "spans": "span", "relations": "link",
          "doc_labels": "document label", "decisions": "review decision",
          "comments": "comment"}


def stale_message(table: str, row: repo.Row) -> str:
    """Why a window's copy of a record is out of date: who changed it, and when."""
    who = row.get("updated_by") or row.get("annotator") or "another window"
    when = str(row["updated_at"])[:19].replace("T", " ")
    verb = "deleted" if row["deleted"] else "changed"
    return (f"{who} {verb} this {KINDS[table]} at {when} (UTC), after you last saw it; "
            "the window now shows the current state")


@dataclass
class Tx:
    """The rows one operation writes, with their previous state, for undo."""

    conn: Any
    now: str
    annotator: str
    seen: dict[str, str]  # record id -> updated_at, as this project last read or wrote it
    changes: list[RowChange] = field(default_factory=list)
    created: str | None = None

    def get(self, table: str, row_id: str, *, mine: bool = False) -> repo.Row:
        """A live row. With `mine`, the row this op is about to change: refused if another
        writer changed it after this project last saw it."""
        row = repo.get_row(self.conn, table, row_id)
        if row is None:
            raise NotFoundError(f"no {KINDS[table]} with id {row_id}")
        if mine:
            self.expect(table, row, self.seen.get(row_id))
        if row["deleted"]:
            raise NotFoundError(f"no {KINDS[table]} with id {row_id}")
        return row

    @staticmethod
    def expect(table: str, row: repo.Row, updated_at: str | None) -> None:
        if updated_at is not None and row["updated_at"] != updated_at:
            raise ConcurrentEditError(stale_message(table, row))

    def put(self, table: str, row: repo.Row) -> repo.Row:
        before = repo.get_row(self.conn, table, row["id"])
        after = {"base": "", **row, "updated_at": self.now, "updated_by": self.annotator}
        if before is not None:
            if same_content(table, before, after):
                after["base"] = before["base"]
            else:
                # The version this edit replaces is kept, and named as this one's base, so
                # that a merge can tell an edit of it from an edit made beside it.
                after["base"] = rev(table, before)
                repo.add_history(self.conn, [(table, row["id"], after["base"], before, "edit",
                                              rev(table, after), self.now, "")])
        repo.put_row(self.conn, table, after)
        self.changes.append(RowChange(table, before, after))
        return after

    def new_row(self, table: str, **values: Any) -> repo.Row:
        row = {"id": new_id(), "annotator": self.annotator, "created_at": self.now,
               "updated_at": self.now, "deleted": 0, **values}
        self.put(table, row)
        self.created = row["id"]
        return row


def changes_of(step: Step, description: str, created: str | None = None,
                scheme: bool = False) -> Changes:
    ids: dict[str, set[str]] = {t: set() for t in repo.COLUMNS}
    for ch in step.changes:
        ids[ch.table].add(ch.after["id"])
    return Changes(description, frozenset(ids["documents"]), frozenset(ids["spans"]),
                   frozenset(ids["relations"]), frozenset(ids["doc_labels"]), created, scheme)
