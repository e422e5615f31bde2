"""The gold layer: a reviewer's decisions, and the records of the annotator GOLD.

Accepting a unit writes a decision (its id is the unit's twin id, disagreements.gold_id)
and the twin, a gold record with the content of the chosen annotator's record; rejecting
writes the decision and takes a twin accepted earlier out of gold. Undo takes a decision
back (the unit is open again). Decisions and gold records merge like any record: two
reviewers who accept the same span write the same records. A document is adjudicated when
every span, link and field value that its annotators gave has a decision: agreements too
("accept the agreements" decides those at once), so that gold is complete. Decisions
check that the record decided on is as the reviewer last saw it (a merge may have changed
it since): otherwise they are refused.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.errors import ValidationError
from annotator.model import Changes, DocLabel, Relation, Span
from annotator.project import Project
from annotator.review.disagreements import GOLD, Unit, gold_id, units
from annotator.storage import repository as repo
from annotator.storage import review_store
from annotator.storage.database import Database


@dataclass(frozen=True)
class DocumentReview:
    """One document as the reviewer sees it: the annotators compared, their disagreements,
    and which items gold has decided."""

    doc_id: str
    annotators: tuple[str, ...]
    units: tuple[Unit, ...]
    decided: dict[str, bool]  # twin id -> accepted (False: rejected)
    agreements: tuple[tuple[str, str, dict], ...]  # (table, twin id, record) all agree on

    @property
    def open_units(self) -> list[Unit]:
        return [u for u in self.units if u.gold not in self.decided]

    @property
    def open_agreements(self) -> int:
        return sum(twin not in self.decided for _t, twin, _r in self.agreements)

    @property
    def adjudicated(self) -> bool:
        return bool(self.decided) and not self.open_units and not self.open_agreements


def review(project: Project, doc_id: str, annotators: Sequence[str] | None = None,
           records: tuple[Sequence[Span], Sequence[Relation], Sequence[DocLabel]] | None = None
           ) -> DocumentReview:
    """Find a document's disagreements among `annotators` (default: everyone but gold who
    annotated it). Its records are read (and marked seen, for the staleness checks), or
    given by a caller that holds them read already (the window's session)."""
    spans, links, labels = records if records is not None else (
        project.spans(doc_id), project.relations(doc_id), project.doc_labels(doc_id))
    present = sorted({r.annotator for r in (*spans, *links, *labels)} - {GOLD})
    who = tuple(a for a in (annotators or present) if a in present)
    span_rows = [(doc_id, s.start, s.end, s.label,
                  json.dumps(dict(s.attributes), sort_keys=True, ensure_ascii=False),
                  s.annotator, s.id) for s in spans]
    by_id = {s.id: s for s in spans}
    link_rows = [(doc_id, r.type, r.annotator, by_id[r.head].start, by_id[r.head].end,
                  by_id[r.head].label, by_id[r.tail].start, by_id[r.tail].end,
                  by_id[r.tail].label, r.id) for r in links
                 if r.head in by_id and r.tail in by_id]
    label_rows = [(doc_id, d.field, d.value, d.annotator, d.id) for d in labels]
    with project.database.snapshot() as conn:
        decided = review_store.decisions(conn, doc_id)
        project.remember_seen(review_store.decision_times(conn, doc_id))
    found = units(doc_id, who, span_rows, link_rows, label_rows)
    disputed = {u.gold for u in found}
    agreements = [(t, twin, rec) for t, twin, rec in
                  _items(doc_id, who, span_rows, link_rows, label_rows) if twin not in disputed]
    return DocumentReview(doc_id, who, tuple(found), decided, tuple(agreements))


def _items(doc_id: str, who: Sequence[str], span_rows, link_rows, label_rows):
    """(table, twin id, a record) for every distinct item the annotators gave."""
    seen: dict[str, tuple[str, str, dict]] = {}
    for _d, start, end, label, _attrs, annotator, span_id in span_rows:
        if annotator in who:
            twin = gold_id(doc_id, start, end, label)
            seen.setdefault(twin, ("spans", twin, {"id": span_id}))
    for row in link_rows:
        if row[2] in who:
            twin = gold_id(doc_id, "link", row[1], *row[3:9])
            ends = (gold_id(doc_id, *row[3:6]), gold_id(doc_id, *row[6:9]))
            seen.setdefault(twin, ("relations", twin, {"id": row[9], "ends": ends}))
    values: dict[str, set[str]] = defaultdict(set)
    first: dict[str, str] = {}
    for _d, field_id, value, annotator, label_id in label_rows:
        if annotator in who:
            values[field_id].add(value)
            first.setdefault(field_id, label_id)
    for field_id, given in values.items():
        if len(given) == 1:
            twin = gold_id(doc_id, "field", field_id)
            seen.setdefault(twin, ("doc_labels", twin, {"id": first[field_id]}))
    return list(seen.values())


# --- decisions ----------------------------------------------------------------------------


def decide(project: Project, unit: Unit, accept_from: str | None) -> Changes:
    """Accept `accept_from`'s version of the unit into gold, or reject the unit (None)."""
    if accept_from is not None and accept_from not in unit.records:
        raise ValidationError(f"{accept_from} has no record here to accept; "
                              f"{', '.join(unit.records)} do")
    source = unit.records[accept_from] if accept_from else next(iter(unit.records.values()))
    rows, expect = _twin_rows(project, unit.table, unit.gold, source, accept_from is not None)
    verb = "Accept" if accept_from else "Reject"
    whose = f" ({accept_from}'s)" if accept_from else ""
    return project.put_records(f"{verb} {unit.what}{whose}", rows, expect)


def accept_agreements(project: Project, doc: DocumentReview) -> Changes:
    """Every item all the compared annotators agree on goes into gold, in one step."""
    rows: list[tuple[str, dict]] = []
    expect: list[tuple[str, str]] = []
    disputed = {u.gold for u in doc.open_units}
    for table, twin, record in doc.agreements:
        if set(record.get("ends", ())) & disputed:
            continue  # a link whose end is still disputed waits for that decision
        if twin not in doc.decided:
            more_rows, more_expect = _twin_rows(project, table, twin, record["id"], True)
            rows += [r for r in more_rows if r[1]["id"] not in {x[1]["id"] for x in rows}]
            expect += more_expect
    return project.put_records(f"Accept {len(rows)} agreements", rows, expect)


def _twin_rows(project: Project, table: str, twin: str, source_id: str, accept: bool
               ) -> tuple[list[tuple[str, dict]], list[tuple[str, str]]]:
    """The decision and the gold records it writes; the record decided on, to check."""
    expect = [(table, source_id)]
    with project.database.snapshot() as conn:
        source = repo.get_row(conn, table, source_id)
        earlier = repo.get_row(conn, table, twin)
    if source is None:
        raise ValidationError(f"the record {source_id} is gone; reopen the document")
    decision = ("decisions", {"id": twin, "doc_id": source["doc_id"],
                              "annotator": project.annotator,
                              "verdict": "accepted" if accept else "rejected"})
    if not accept:  # out of gold, if an earlier decision put it there
        gone = [(table, {**earlier, "deleted": 1})] if earlier and not earlier["deleted"] \
            else []
        return [decision, *gone], expect
    rows, more = _gold_rows(project, table, twin, source)
    return [decision, *rows], expect + more


def _gold_rows(project: Project, table: str, twin: str, source: dict
               ) -> tuple[list[tuple[str, dict]], list[tuple[str, str]]]:
    common = {"id": twin, "doc_id": source["doc_id"], "annotator": GOLD, "deleted": 0}
    if table == "spans":
        return [("spans", {**common, "start": source["start"], "end": source["end"],
                           "label": source["label"], "attributes": source["attributes"],
                           "note": None})], []
    if table == "doc_labels":
        return [("doc_labels", {**common, "field": source["field"],
                                "value": source["value"]})], []
    rows: list[tuple[str, dict]] = []
    ends = {}
    for end in ("head", "tail"):
        with project.database.snapshot() as conn:
            span = repo.get_row(conn, "spans", source[end])
            ends[end] = gold_id(source["doc_id"], span["start"], span["end"], span["label"])
            decided = repo.get_row(conn, "spans", ends[end])
            verdict = review_store.decisions(conn, source["doc_id"]).get(ends[end])
        if verdict is False:
            raise ValidationError(f"the {span['label']} span at the link's {end} was "
                                  "rejected; accept it first, then the link")
        if decided is not None and not decided["deleted"]:
            continue  # in gold as the reviewer decided it: kept
        # A gold link needs its two ends in gold: each is decided with it.
        rows.append(("decisions", {"id": ends[end], "doc_id": source["doc_id"],
                                   "annotator": project.annotator, "verdict": "accepted"}))
        rows.append(("spans", {**common, "id": ends[end], "start": span["start"],
                               "end": span["end"], "label": span["label"],
                               "attributes": span["attributes"], "note": None}))
    rows.append(("relations", {**common, "type": source["type"], "head": ends["head"],
                               "tail": ends["tail"]}))
    return rows, []


def open_units(db: Database, doc_id: str, annotators: Sequence[str]) -> int:
    """How many disagreements among `annotators` a document has that gold has not decided:
    from its rows alone, without opening it (N looks for the next such document)."""
    with db.snapshot() as conn:
        spans = list(review_store.spans(conn, annotators, doc_id))
        links = list(review_store.relations(conn, annotators, doc_id))
        labels = list(review_store.doc_labels(conn, annotators, doc_id))
        present = {r[5] for r in spans} | {r[2] for r in links} | {r[3] for r in labels}
        who = [a for a in annotators if a in present and a != GOLD]
        if len(who) < 2:  # as the Review tab counts: among those who annotated it
            return 0
        found = units(doc_id, who, spans, links, labels)
        decided = review_store.decisions(conn, doc_id)
    return sum(u.gold not in decided for u in found)


def shared_documents(db: Database, annotators: Sequence[str]) -> dict[int, str]:
    """rowid -> id of the documents where at least two of them worked."""
    with db.snapshot() as conn:
        return review_store.shared_documents(conn, [a for a in annotators if a != GOLD])


# --- the whole corpus ---------------------------------------------------------------------


def adjudicated_documents(db: Database) -> set[str]:
    """Documents whose every item (span, link, field value of anyone but gold) has a gold
    decision, and that have at least one."""
    needed: dict[str, set[str]] = defaultdict(set)
    with db.snapshot() as conn:
        for doc, start, end, label, _a, who, _id in review_store.spans(conn):
            if who != GOLD:
                needed[doc].add(gold_id(doc, start, end, label))
        for row in review_store.relations(conn):
            if row[2] != GOLD:
                needed[row[0]].add(gold_id(row[0], "link", row[1], *row[3:9]))
        for doc, field_id, _v, who, _id in review_store.doc_labels(conn):
            if who != GOLD:
                needed[doc].add(gold_id(doc, "field", field_id))
        decided = review_store.decided_by_document(conn)
    return {doc for doc, twins in needed.items() if twins <= decided.get(doc, set())} | {
        doc for doc in decided if doc not in needed}
