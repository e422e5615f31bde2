"""The three tables people read (documents, spans, links), with readable values: label,
attribute, link type, field and status names in the chosen language, one column per
attribute and per document field. Shared by the CSV and the workbook exports."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from annotator.model import ExportDoc
from annotator.scheme import Scheme

TABLES = ("spans", "links", "documents")
_STATUS = {"en": {"new": "new", "in_progress": "in progress", "done": "done"},
           "ar": {"new": "جديد", "in_progress": "قيد العمل", "done": "منجز"}}
_HEAD = {
    "en": {"document_id": "document id", "title": "title", "source": "source",
           "published": "published", "language": "language", "status": "status",
           "span_id": "span id", "label": "label", "start": "start", "end": "end",
           "text": "text", "note": "note", "annotator": "annotator", "link_id": "link id",
           "type": "link", "head": "from", "head_label": "from label", "tail": "to",
           "tail_label": "to label", "spans": "spans", "links": "links"},
    "ar": {"document_id": "معرّف المستند", "title": "العنوان", "source": "المصدر",
           "published": "تاريخ النشر", "language": "اللغة", "status": "الحالة",
           "span_id": "معرّف الوسم", "label": "الوسم", "start": "البداية", "end": "النهاية",
           "text": "النص", "note": "ملاحظة", "annotator": "المُوسِّم", "link_id": "معرّف الرابط",
           "type": "الرابط", "head": "من", "head_label": "وسم البداية", "tail": "إلى",
           "tail_label": "وسم النهاية", "spans": "الوسوم", "links": "الروابط"},
}


class TableBuilder:
    """Rows of one table for each exported document; `header` names the columns."""

    def __init__(self, table: str, scheme: Scheme, lang: str = "en") -> None:
        self.table, self.scheme, self.lang = table, scheme, lang if lang in _HEAD else "en"
        names = _HEAD[self.lang]
        self._attrs = list(dict.fromkeys(
            (a.id, a.name_ar if self.lang == "ar" else a.name_en)
            for lab in scheme.span_labels for a in lab.attributes))
        # What a reader looks for first; the ids, for joining the sheets, last.
        keys = {"spans": ["title", "label", "text"],
                "links": ["title", "type", "head", "head_label", "tail", "tail_label",
                          "annotator", "link_id", "document_id"],
                "documents": ["title", "source", "published", "language", "status", "spans",
                              "links"]}[table]
        self.header = [names[k] for k in keys]
        if table == "spans":
            self.header += [name for _, name in self._attrs]
            self.header += [names[k] for k in ("note", "annotator", "start", "end", "span_id",
                                               "document_id")]
        if table == "documents":
            self.header += [f"{f.name(self.lang)} ({names['annotator']})"
                            for f in scheme.doc_fields]
            self.header.append(names["document_id"])

    def _label(self, label_id: str) -> str:
        label = self.scheme.label(label_id)
        return label.name(self.lang) if label else label_id

    def _choice(self, label_id: str, attr_id: str, value: Any) -> str:
        label = self.scheme.label(label_id)
        attr = label.attribute(attr_id) if label else None
        choice = attr.choice(str(value)) if attr else None
        return choice.name(self.lang) if choice else str(value)

    def rows(self, ed: ExportDoc) -> Iterator[list[object]]:
        doc, text = ed.document, ed.document.text
        if self.table == "spans":
            for s in ed.spans:
                attrs = [self._choice(s.label, a, s.attributes[a]) if a in s.attributes else ""
                         for a, _ in self._attrs]
                yield [doc.title, self._label(s.label), text[s.start:s.end], *attrs,
                       s.note or "", s.annotator, s.start, s.end, s.id, doc.id]
        elif self.table == "links":
            spans = {s.id: s for s in ed.spans}
            for r in ed.relations:
                rtype = self.scheme.relation(r.type)
                head, tail = spans[r.head], spans[r.tail]
                yield [doc.title, rtype.name(self.lang) if rtype else r.type,
                       text[head.start:head.end], self._label(head.label),
                       text[tail.start:tail.end], self._label(tail.label), r.annotator,
                       r.id, doc.id]
        else:
            values = []
            for f in self.scheme.doc_fields:
                chosen = [(x.annotator, next((c.name(self.lang) for c in f.choices
                                              if c.id == x.value), x.value))
                          for x in ed.doc_labels if x.field == f.id]
                values.append("; ".join(f"{v} ({who})" for who, v in chosen))
            yield [doc.title, doc.source, doc.published or "", doc.language,
                   _STATUS[self.lang].get(doc.status, doc.status), len(ed.spans),
                   len(ed.relations), *values, doc.id]
