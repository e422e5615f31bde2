"""What a merge did: counts of each kind of record, and a line for everything not taken."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

KINDS = ("documents", "spans", "relations", "doc_labels", "decisions", "comments")


@dataclass
class KindCounts:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0


@dataclass
class Conflict:
    """The same record edited on both sides: which version was kept, which one lost (the
    loser stays in the record's history and can be restored)."""

    kind: str
    id: str
    document: str
    kept: dict[str, Any]
    lost: dict[str, Any]
    decided: str  # "here", or the file where it was decided earlier

    def line(self) -> str:
        kept_by = self.kept.get("updated_by") or self.kept.get("annotator")
        lost_by = self.lost.get("updated_by") or self.lost.get("annotator")
        shown = ("label", "start", "end", "type", "field", "value", "status", "title")
        what = " ".join(str(self.kept[k]) for k in shown if k in self.kept)
        differs = [k for k in ("label", "start", "end", "attributes", "note", "value",
                               "status", "title", "source", "meta", "deleted")
                   if k in self.kept and self.kept[k] != self.lost.get(k)]

        def values(row: dict[str, Any]) -> str:
            return ", ".join("deleted" if k == "deleted" and row[k] else f"{k} {row[k]!r}"
                             for k in differs if k != "deleted" or row[k])

        decided = "" if self.decided == "here" else f", as decided in {self.decided}"
        return (f"{self.kind[:-1].replace('_', ' ')} {what} ({self.id[:8]}…): kept "
                f"{kept_by}'s version of {self.kept['updated_at'][:16].replace('T', ' ')} "
                f"({values(self.kept) or 'deleted'}) over {lost_by}'s of "
                f"{self.lost['updated_at'][:16].replace('T', ' ')} "
                f"({values(self.lost) or 'deleted'}){decided}; "
                "`annotator conflicts` can restore it")


@dataclass
class MergeReport:
    source: str
    counts: dict[str, KindCounts] = field(
        default_factory=lambda: {k: KindCounts() for k in KINDS})
    conflicts: list[Conflict] = field(default_factory=list)
    document_conflicts: list[str] = field(default_factory=list)
    removed_links: list[str] = field(default_factory=list)
    scheme_additions: list[str] = field(default_factory=list)
    scheme_conflicts: list[str] = field(default_factory=list)

    def add(self, other: MergeReport) -> None:
        for kind in KINDS:
            mine, theirs = self.counts[kind], other.counts[kind]
            for name in ("added", "updated", "unchanged", "conflicts"):
                setattr(mine, name, getattr(mine, name) + getattr(theirs, name))
        self.conflicts += other.conflicts
        self.document_conflicts += other.document_conflicts
        self.removed_links += other.removed_links
        self.scheme_additions += other.scheme_additions
        self.scheme_conflicts += other.scheme_conflicts

    @property
    def changed(self) -> bool:
        return any(c.added or c.updated for c in self.counts.values()) \
            or bool(self.scheme_additions or self.removed_links)

    def lines(self, limit: int | None = None) -> list[str]:
        """The report for a person: one line of counts per kind, then every exception (the
        first `limit` of each sort; `annotator conflicts` lists all the lost versions)."""
        names = {"documents": "documents", "spans": "spans", "relations": "links",
                 "doc_labels": "document labels", "decisions": "review decisions",
                 "comments": "comments"}
        out = [f"{names[k]}: {c.added} added, {c.updated} updated, {c.unchanged} unchanged, "
               f"{c.conflicts} conflicts" for k, c in self.counts.items()
               if k not in ("decisions", "comments") or c.added or c.updated or c.conflicts]
        for prefix, items in (("conflict", [c.line() for c in self.conflicts]),
                              ("not merged", self.document_conflicts),
                              ("link removed", self.removed_links),
                              ("added to the scheme", self.scheme_additions),
                              ("scheme differs", self.scheme_conflicts)):
            shown = items if limit is None else items[:limit]
            out += [f"{prefix}: {x}" for x in shown]
            if len(items) > len(shown):
                out.append(f"…and {len(items) - len(shown)} more ({prefix}); the --json "
                           "report has them all")
        return out

    def as_json(self) -> dict[str, Any]:
        return asdict(self)
