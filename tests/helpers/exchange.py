"""Two analysts' copies of one database, and what "the same live records" means."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

from annotator.project import Project

TEXT = ("أكد وزير الخارجية الأمريكي، أنتوني بلينكن، دعم القرار 2254 باعتباره الحل الوحيد. "
        "وأوضح أن الولايات المتحدة لا تدعم تطبيع العلاقات مع نظام الأسد. 😀")
OTHER_TEXT = "خبر ثان عن مجلس الأمن والقرار الأممي الجديد بشأن سوريا"


def find(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def shared_start(folder: Path) -> tuple[Path, Path, str]:
    """Amal's and Basel's copies of one database holding the article and Blinken."""
    first = folder / "amal.db"
    project = Project.open(first, "amal")
    doc = project.add_document(TEXT, title="بلينكن").created
    project.add_span(doc, *find(TEXT, "أنتوني بلينكن"), "ACTOR")
    project.close()
    shutil.copy(first, folder / "basel.db")
    return first, folder / "basel.db", doc


def live_records(project: Project) -> list[tuple]:
    """Every live record with its author and times, as comparable tuples."""
    out: list[tuple] = []
    for ed in project.export_documents():
        d = ed.document
        out.append(("doc", d.id, d.title, d.status, d.annotator, d.created_at))
        out += [("span", s.id, s.start, s.end, s.label, tuple(sorted(s.attributes.items())),
                 s.note, s.annotator, s.created_at, s.updated_at) for s in ed.spans]
        out += [("link", r.id, r.type, r.head, r.tail, r.annotator, r.created_at)
                for r in ed.relations]
        out += [("label", x.id, x.field, x.value, x.annotator, x.created_at)
                for x in ed.doc_labels]
    return sorted(out)


def file_digest(path: Path) -> str:
    """The bytes of a file and of anything SQLite keeps beside it."""
    digest = hashlib.sha256(path.read_bytes())
    for extra in (Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        digest.update(str(extra.exists()).encode())
    return digest.hexdigest()
