"""brat standoff in: a folder of .txt/.ann pairs. Text-bound annotations (T), relations
(R), binary and valued attributes of spans (A) and notes (#) are read; events (E),
equivalences (*) and normalisations (N) have no place here and are reported, not dropped
silently; a discontinuous span is an error."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from annotator.errors import InputError
from annotator.io.encoding import read_text
from annotator.model import ExportDoc
from annotator.records import DocumentRecord, RelationRecord, SpanRecord


def ann_pairs(path: Path) -> list[tuple[Path, Path]]:
    if path.is_dir():
        anns = sorted(path.rglob("*.ann"))
    else:
        anns = [path.with_suffix(".ann")]
    pairs = [(a.with_suffix(".txt"), a) for a in anns]
    for txt, ann in pairs:
        if not txt.is_file():
            raise InputError(f"{ann}: has no text file beside it ({txt.name})")
        if not ann.is_file():
            raise InputError(f"{txt}: has no annotation file beside it ({ann.name})")
    if not pairs:
        raise InputError(f"{path}: no brat .ann files in the folder")
    return pairs


def brat_record(txt: Path, ann: Path, encoding: str, warnings: list[str]) -> DocumentRecord:
    text = read_text(txt, encoding)
    rec = DocumentRecord(text=text, where=str(ann), title=txt.stem, meta={"file": txt.name})
    spans: dict[str, SpanRecord] = {}
    skipped: dict[str, list[str]] = {}
    # An empty .ann is an unlabelled document (brat writes one for every new text).
    standoff = read_text(ann, encoding) if ann.read_bytes().strip() else ""
    seen: set[str] = set()
    # Lines end at LF only: U+2028, U+0085 and the like are text inside a span's line.
    for n, line in enumerate(standoff.split("\n"), 1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        where = f"{ann}:{n}"
        ident, _, rest = line.partition("\t")
        kind = ident[:1]
        if kind in ("T", "R", "E", "A", "M", "N") and ident in seen:
            raise InputError(f"{where}: {ident} is defined twice; each brat id must be "
                             "unique in its file")
        seen.add(ident)
        if kind == "T":
            head, _, covered = rest.partition("\t")
            label, _, ranges = head.partition(" ")
            try:
                pieces = [tuple(int(x) for x in r.split()) for r in ranges.split(";")]
                if any(len(p) != 2 for p in pieces):
                    raise ValueError
            except ValueError:
                raise InputError(f"{where}: {ident} needs 'LABEL START END'") from None
            start, end = pieces[0][0], pieces[-1][1]
            pairs = list(pairwise(pieces))
            if any(a[1] > b[0] or text[a[1]:b[0]].strip() for a, b in pairs):
                raise InputError(f"{where}: {ident} is a discontinuous span ({ranges}); "
                                 "only contiguous spans can be stored: split it in brat first")
            # Fragments split only at line ends are one span drawn on several lines.
            spans[ident] = SpanRecord(start, end, label, key=ident,
                                      text=covered if len(pieces) == 1 else None)
            rec.spans.append(spans[ident])
        elif kind == "R":
            parts = rest.split("\t")[0].split()
            try:
                rtype, arg1, arg2 = parts[0], parts[1].split(":", 1)[1], parts[2].split(":", 1)[1]
            except IndexError:
                raise InputError(f"{where}: {ident} needs 'TYPE Arg1:T1 Arg2:T2'") from None
            rec.relations.append(RelationRecord(rtype, arg1, arg2, key=ident))
        elif kind in ("A", "M"):
            parts = rest.split()
            target = parts[1] if len(parts) > 1 else ""
            if target not in spans:
                skipped.setdefault("attributes of events or relations", []).append(ident)
                continue
            spans[target].attributes[parts[0]] = parts[2] if len(parts) > 2 else "true"
        elif kind == "#":
            head, _, note = rest.partition("\t")
            target = head.split()[-1] if head.split() else ""
            if target in spans:
                spans[target].note = note
            else:
                skipped.setdefault("notes on events or relations", []).append(ident)
        elif kind == "E":
            skipped.setdefault("events", []).append(ident)
        elif kind == "*":
            skipped.setdefault("equivalences", []).append(rest.split("\t")[0])
        elif kind == "N":
            skipped.setdefault("normalisations", []).append(ident)
        else:
            raise InputError(f"{where}: unknown brat annotation {ident!r}")
    for what, ids in skipped.items():
        warnings.append(f"{ann}: skipped {len(ids)} {what} ({', '.join(ids[:5])}"
                        f"{', ...' if len(ids) > 5 else ''}); this tool stores spans, "
                        "relations and span attributes")
    return rec


def brat_name(label: str) -> str:
    """brat type names cannot hold spaces."""
    return "_".join(label.split()) or "_"


class BratWriter:
    """A brat standoff folder: NNNNN.txt and NNNNN.ann per document, and an
    annotation.conf declaring the types used, so brat opens the folder as it is. A span
    that crosses a line end is written as fragments split at the line ends (brat draws
    spans line by line); reading merges them back."""

    suffix = ""

    def __init__(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        self._dir = path
        self._n = 0
        self._entities: set[str] = set()
        self._relations: dict[str, tuple[set[str], set[str]]] = {}
        self._attributes: dict[str, tuple[set[str], set[str]]] = {}

    def write(self, ed: ExportDoc) -> None:
        self._n += 1
        stem = f"{self._n:05d}"
        text = ed.document.text
        (self._dir / f"{stem}.txt").write_text(text, encoding="utf-8", newline="")
        lines, tid = [], {}
        for n, s in enumerate(ed.spans, 1):
            tid[s.id] = f"T{n}"
            label = brat_name(s.label)
            self._entities.add(label)
            pieces = _fragments(text, s.start, s.end)
            ranges = ";".join(f"{a} {b}" for a, b in pieces)
            lines.append(f"T{n}\t{label} {ranges}\t{' '.join(text[a:b] for a, b in pieces)}")
        attr_n = note_n = 0
        for s in ed.spans:
            for key, value in s.attributes.items():
                attr_n += 1
                name = brat_name(key)
                targets, values = self._attributes.setdefault(name, (set(), set()))
                targets.add(brat_name(s.label))
                values.add(brat_name(str(value)))
                lines.append(f"A{attr_n}\t{name} {tid[s.id]} {brat_name(str(value))}")
            if s.note:
                note_n += 1
                lines.append(f"#{note_n}\tAnnotatorNotes {tid[s.id]}\t"
                             f"{' '.join(s.note.split())}")
        labels = {s.id: brat_name(s.label) for s in ed.spans}
        for n, r in enumerate(ed.relations, 1):
            name = brat_name(r.type)
            heads, tails = self._relations.setdefault(name, (set(), set()))
            heads.add(labels[r.head])
            tails.add(labels[r.tail])
            lines.append(f"R{n}\t{name} Arg1:{tid[r.head]} Arg2:{tid[r.tail]}\t")
        (self._dir / f"{stem}.ann").write_text("\n".join(lines) + ("\n" if lines else ""),
                                               encoding="utf-8", newline="\n")

    def close(self) -> list[str]:
        conf = ["[entities]", *sorted(self._entities), "", "[relations]"]
        conf += [f"{name}\tArg1:{'|'.join(sorted(h))}, Arg2:{'|'.join(sorted(t))}"
                 for name, (h, t) in sorted(self._relations.items())]
        conf += ["<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>", "",
                 "[events]", "", "[attributes]"]
        conf += [f"{name}\tArg:{'|'.join(sorted(t))}, Value:{'|'.join(sorted(v))}"
                 for name, (t, v) in sorted(self._attributes.items())]
        (self._dir / "annotation.conf").write_text("\n".join(conf) + "\n", encoding="utf-8")
        return []


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, a = [], start
    while (nl := text.find("\n", a, end)) >= 0:
        if nl > a:
            out.append((a, nl))
        a = nl + 1
    if a < end:
        out.append((a, end))
    return out
