"""Label all matches: what each hit would become, shown before anything is written."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.project import Project
from annotator.search.corpus import Hit

NEW, DUPLICATE, OVERLAPS = "new", "duplicate", "overlaps"


@dataclass(frozen=True)
class Planned:
    hit: Hit
    mark: str  # NEW; DUPLICATE: your span of this label is already there (left alone);
    #            OVERLAPS: another span covers part of it (labelled all the same)
    overlapping: tuple[str, ...] = ()  # the labels it overlaps


def plan(project: Project, hits: list[Hit], label: str) -> list[Planned]:
    spans_of: dict[str, list] = {}
    out = []
    for hit in hits:
        spans = spans_of.setdefault(hit.doc_id, project.spans(hit.doc_id))
        if any(s.start == hit.start and s.end == hit.end and s.label == label
               and s.annotator == project.annotator for s in spans):
            out.append(Planned(hit, DUPLICATE))
            continue
        over = tuple(sorted({s.label for s in spans if s.start < hit.end and hit.start < s.end}))
        out.append(Planned(hit, OVERLAPS if over else NEW, over))
    return out


def apply(project: Project, planned: list[Planned], label: str):
    """Write the hits that are not duplicates, as one undo step."""
    places = [(p.hit.doc_id, p.hit.start, p.hit.end) for p in planned if p.mark != DUPLICATE]
    return project.add_spans(places, label)
