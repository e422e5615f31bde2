"""Merging another copy's records into this database, record by record.

Documents match by id, else by the sha256 of their text; every other record matches by
its UUID. For a record present on both sides with a difference:

- the same content (only times differ): kept, with the later time, so both copies agree;
- this side has already seen the incoming version and moved on (it is in the record's
  history, or is the base this version was edited from): kept;
- the incoming version was edited from this side's version: taken (an update);
- otherwise both sides edited it: the later edit wins, ties broken by revision so that
  every copy decides alike, the loser goes to the record's history, and the report lists
  the conflict with both versions.

Deletions are tombstones and merge like any edit. A link left pointing at a deleted span
is deleted too, the same way on every copy, and reported.
"""

from __future__ import annotations

import sqlite3

from annotator.errors import InputError
from annotator.review.report import Conflict, MergeReport
from annotator.revisions import later, preferred, rev, same_content
from annotator.storage import merge_store as store
from annotator.storage import repository as repo


def tombstone(table: str, row: repo.Row) -> repo.Row:
    """The deleted version of a row, the same on every copy that derives it."""
    return {**row, "deleted": 1, "base": rev(table, row)}


class _Merger:
    def __init__(self, conn: sqlite3.Connection, src: store.Source, now: str) -> None:
        self.conn = conn
        self.src = src
        self.now = now
        self.report = MergeReport(src.name)
        self._dead_spans: set[str] = set()  # spans a decision here deleted

    # --- writing, with the replaced version kept --------------------------------------

    def _history(self, table: str, old: repo.Row, new: repo.Row, reason: str) -> None:
        repo.add_history(self.conn, [(table, old["id"], rev(table, old), old, reason,
                                      rev(table, new), self.now, self.src.name)])

    def _write(self, table: str, new: repo.Row, old: repo.Row | None, reason: str) -> None:
        if table == "doc_labels" and not new["deleted"]:
            self._settle_label_key(new)
        if old is not None and not same_content(table, old, new):
            self._history(table, old, new, reason)
        if table == "spans" and new["deleted"]:
            self._dead_spans.add(new["id"])
        store.write(self.conn, table, new)

    def _settle_label_key(self, incoming: repo.Row) -> None:
        """Only one live value of a field per annotator: a second one (made on another
        copy) is a conflict, settled like any other."""
        local = store.live_label_with_key(self.conn, incoming)
        if local is None:
            return
        if later("doc_labels", incoming, local):
            self._history("doc_labels", local, incoming, "conflict")
            store.write(self.conn, "doc_labels", tombstone("doc_labels", local))
            self._conflict("doc_labels", incoming, local)
        else:
            raise _LostToLocal(local)

    def _conflict(self, table: str, kept: repo.Row, lost: repo.Row,
                  decided: str = "here") -> None:
        self.report.counts[table].conflicts += 1
        self.report.conflicts.append(Conflict(table, kept["id"], kept.get("doc_id", kept["id"]),
                                              kept, lost, decided))

    # --- deciding one record -------------------------------------------------------------

    def resolve(self, table: str, inc: repo.Row, loc: repo.Row) -> None:
        counts = self.report.counts[table]
        src_id = inc["id"]
        inc = {**inc, "doc_id": loc["doc_id"]} if "doc_id" in loc else \
            {**inc, "id": loc["id"], "sha256": loc["sha256"]}
        if same_content(table, inc, loc):
            # The same article imported twice, or the same edit made on both sides: every
            # copy settles on the same row, with no conflict.
            if preferred(table, inc, loc):
                store.write(self.conn, table, inc)
            counts.unchanged += 1
            return
        inc_rev, loc_rev = rev(table, inc), rev(table, loc)
        seen_here = repo.history_revs(self.conn, loc["id"])
        if inc_rev == loc["base"] or inc_rev in seen_here:
            counts.unchanged += 1  # an older version of ours
            return
        seen_there = (repo.history_revs(self.conn, src_id, self.src.history.split(".")[0])
                      if self.src.history else {})
        try:
            if loc_rev == inc["base"] or loc_rev in seen_there:
                self._write(table, inc, loc, "merge")
                if seen_there.get(loc_rev) == "conflict":
                    self._conflict(table, inc, loc, decided=self.src.name)
                else:
                    counts.updated += 1
                return
            if later(table, inc, loc):
                self._write(table, inc, loc, "conflict")
                self._conflict(table, inc, loc)
            else:
                self._history(table, inc, loc, "conflict")
                self._conflict(table, loc, inc)
        except _LostToLocal as lost:
            # Reviving this label would make a second live value of its field, and the
            # other one is later: this one stays deleted, and its version goes to history.
            self._history(table, inc, lost.winner, "conflict")
            self._conflict(table, lost.winner, inc)

    # --- the whole merge -----------------------------------------------------------------

    def run(self) -> MergeReport:
        self._map_documents()
        counts = self.report.counts
        totals = {t: store.incoming_count(self.conn, self.src, t) for t in store.TABLES}
        counts["documents"].added = store.insert_new_documents(self.conn, self.src)
        self._resolve_pairs("documents")
        bad = store.spans_outside_text(self.conn, self.src)
        if bad:
            span_id, start, end, length = bad[0]
            raise InputError(f"{self.src.name}: span {span_id} [{start}, {end}) is not "
                             f"inside its document's text ({length} characters); the file "
                             "is damaged, nothing was merged")
        self._resolve_pairs("spans")
        counts["spans"].added = store.insert_new(self.conn, self.src, "spans")
        missing = store.links_without_spans(self.conn, self.src)
        if missing:
            raise InputError(f"{self.src.name}: link {missing[0][0]} points to a span that "
                             "neither file has; the file is damaged, nothing was merged")
        self._resolve_pairs("relations")
        counts["relations"].added = store.insert_new(self.conn, self.src, "relations")
        self._resolve_pairs("doc_labels")
        lost = []
        for inc, loc in store.live_label_collisions(self.conn, self.src):
            if later("doc_labels", inc, loc):
                continue  # inserted below; its insert tombstones the local one
            lost.append(inc["id"])
            self._history("doc_labels", inc, loc, "conflict")
            store.write(self.conn, "doc_labels", {**tombstone("doc_labels", inc),
                                                  "doc_id": loc["doc_id"]})
            self._conflict("doc_labels", loc, inc)
        for inc, loc in store.live_label_collisions(self.conn, self.src):
            self._write("doc_labels", {**inc, "doc_id": loc["doc_id"]}, None, "merge")
            counts["doc_labels"].added += 1
            lost.append(inc["id"])
        counts["doc_labels"].added += store.insert_new(self.conn, self.src, "doc_labels",
                                                       skip=lost)
        for table in ("decisions", "comments"):  # records of a review: no rule of their own
            self._resolve_pairs(table)
            counts[table].added = store.insert_new(self.conn, self.src, table)
        self._cut_broken_links()
        for table, total in totals.items():
            c = counts[table]
            c.unchanged = max(0, total - c.added - c.updated - c.conflicts)
        return self.report

    def _map_documents(self) -> None:
        mapping = []
        for src_id, sha, length, by_id, by_id_sha, by_sha in \
                store.document_matches(self.conn, self.src):
            if by_id is not None and by_id_sha != sha:
                self.report.document_conflicts.append(
                    f"{self.src.name}: document {src_id} has a different text in this "
                    "database (the same id, another article); it and its labels were not "
                    "merged")
                continue
            local = by_id or by_sha
            mapping.append((src_id, local or src_id, local is None, length))
        store.write_document_map(self.conn, mapping)

    def _resolve_pairs(self, table: str) -> None:
        for inc, loc in store.differing_pairs(self.conn, self.src, table):
            self.resolve(table, inc, loc)

    def _cut_broken_links(self) -> None:
        for link, span in store.broken_links(self.conn, self.src, self._dead_spans):
            dead = tombstone("relations", link)
            # Derived from the two rows alone, so every copy writes the same tombstone.
            if span["updated_at"] > link["updated_at"]:
                dead["updated_at"] = span["updated_at"]
                dead["updated_by"] = span["updated_by"] or span["annotator"]
            self._history("relations", link, dead, "merge")
            store.write(self.conn, "relations", dead)
            self.report.removed_links.append(
                f"{link['type']} link {link['id']}: its span {span['id']} was deleted by "
                f"{span['updated_by'] or span['annotator']}")


class _LostToLocal(Exception):  # noqa: N818 - control flow inside the merger, never raised out
    def __init__(self, winner: repo.Row) -> None:
        super().__init__()
        self.winner = winner


def merge_source(conn: sqlite3.Connection, src: store.Source, now: str) -> MergeReport:
    """Merge every record of `src` into the open write transaction of `conn`."""
    return _Merger(conn, src, now).run()

