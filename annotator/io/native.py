"""The native JSON lines export (DESIGN.md), one document per line, and its writer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from annotator.model import ExportDoc


def native_object(ed: ExportDoc) -> dict[str, Any]:
    doc, text = ed.document, ed.document.text
    return {
        "id": doc.id, "title": doc.title, "source": doc.source, "url": doc.url,
        "published": doc.published, "language": doc.language, "status": doc.status,
        "text": text, "sha256": doc.sha256, "meta": dict(doc.meta),
        "spans": [{"id": s.id, "start": s.start, "end": s.end, "label": s.label,
                   "text": text[s.start:s.end], "attributes": s.attributes,
                   "note": s.note, "annotator": s.annotator} for s in ed.spans],
        "relations": [{"id": r.id, "type": r.type, "head": r.head, "tail": r.tail,
                       "annotator": r.annotator} for r in ed.relations],
        "doc_labels": [{"field": x.field, "value": x.value, "annotator": x.annotator}
                       for x in ed.doc_labels],
    }


class NativeWriter:
    suffix = ".jsonl"

    def __init__(self, path: Path) -> None:
        self._out: TextIO = path.open("w", encoding="utf-8", newline="\n")

    def write(self, ed: ExportDoc) -> None:
        self._out.write(json.dumps(native_object(ed), ensure_ascii=False) + "\n")

    def close(self) -> list[str]:
        self._out.close()
        return []
