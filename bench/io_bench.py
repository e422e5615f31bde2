"""Import and export throughput against bare sqlite3 in the same run, and memory as the
input grows.

    .venv/bin/python bench/io_bench.py            # 100,000 articles, 1,000,000 spans
    .venv/bin/python bench/io_bench.py --quick    # a tenth of that

Articles of about 300 words are built from the real COVID-19 news texts in
../shared/corpora (each made unique by its number). Baselines: for import, parsing the same
JSON lines and inserting with plain `sqlite3.executemany` into the same tables; for export,
plain `sqlite3` reads of the same rows and `json.dumps` of the same objects.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.io.exporter import ExportOptions, export
from annotator.io.importer import ImportOptions, import_paths
from annotator.project import Project
from annotator.storage import open_database
from annotator.text import clean_text

SHARED = Path(os.environ.get("ANNOTATOR_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SPANS_PER_DOC = 10


def bodies() -> list[str]:
    folder = SHARED / "corpora" / "covid_propaganda_ar" / "articles"
    if not folder.is_dir():
        sys.exit(f"needs the shared corpora at {folder}")
    return [clean_text(p.read_text(encoding="utf-8")).text for p in sorted(folder.rglob("*.txt"))]


def write_corpus(path: Path, n: int) -> int:
    texts = bodies()
    size = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            text = f"{texts[i % len(texts)]}\n\n({i})"
            line = json.dumps({"text": text, "title": f"article {i}", "source": "bench"},
                              ensure_ascii=False) + "\n"
            size += len(line.encode())
            out.write(line)
    return size


def baseline_import(corpus: Path, db: Path, searchable: bool = False) -> float:
    """Plain inserts; with `searchable`, also a bare FTS5 index over the raw text in the
    same transaction (what any import that keeps a search index in step pays)."""
    open_database(db).close()  # the same schema, by the same migrations
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA synchronous=FULL")
    if searchable:
        conn.execute("CREATE VIRTUAL TABLE bare USING fts5(text, content='', "
                     "tokenize='unicode61 remove_diacritics 0')")
    t0 = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    rows, now = [], "2026-01-01T00:00:00+00:00"
    with corpus.open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            text = obj["text"]
            rows.append((str(uuid.uuid4()), hashlib.sha256(text.encode()).hexdigest(), text,
                         obj["title"], obj["source"], "{}", now, now))
            if len(rows) == 500:
                conn.executemany("INSERT INTO documents (id, sha256, text, title, source, meta,"
                                 " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)", rows)
                rows = []
    if rows:
        conn.executemany("INSERT INTO documents (id, sha256, text, title, source, meta,"
                         " created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)", rows)
    if searchable:
        conn.execute("INSERT INTO bare (rowid, text) SELECT rowid, text FROM documents")
    conn.execute("COMMIT")
    conn.close()
    return time.perf_counter() - t0


def our_import(corpus: Path, db: Path) -> float:
    project = Project.open(db, "bench")
    t0 = time.perf_counter()
    report = import_paths(project, [corpus], ImportOptions(format="jsonl"))
    elapsed = time.perf_counter() - t0
    project.close()
    assert report.documents > 0
    return elapsed


def add_spans(db: Path) -> int:
    """SPANS_PER_DOC spans on every document, inserted raw (this is set-up, not measured)."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN")
    docs = conn.execute("SELECT id, text FROM documents").fetchall()
    now = "2026-01-01T00:00:00+00:00"
    rows = []
    for doc_id, text in docs:
        for k in range(SPANS_PER_DOC):
            start = (k * 97) % max(1, len(text) - 20)
            rows.append((str(uuid.uuid4()), doc_id, start, start + 12, "ACTOR",
                         '{"type": "person"}', "bench", now, now))
    conn.executemany('INSERT INTO spans (id, doc_id, start, "end", label, attributes, '
                     "annotator, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)", rows)
    conn.execute("COMMIT")
    conn.close()
    return len(rows)


def baseline_export(db: Path, out: Path) -> float:
    """The same file as ours, written by plain reads and json.dumps (the bench database has
    no links or document labels, so those lists are empty here)."""
    conn = sqlite3.connect(db)
    t0 = time.perf_counter()
    # The same efficient plan as ours: documents outside, each one's spans by index.
    spans = conn.execute('SELECT s.doc_id, s.id, s.start, s."end", s.label, s.attributes, '
                         "s.note, s.annotator, s.created_at, s.updated_at FROM documents d "
                         "CROSS JOIN spans s ON s.doc_id = d.id "
                         'ORDER BY d.rowid, s.start, s."end", s.label, s.id')
    pending = next(spans, None)
    with out.open("w", encoding="utf-8", newline="\n") as fh:
        for (doc_id, title, source, url, published, language, status, text, sha, meta, who,
             created, updated) in conn.execute(
                "SELECT id, title, source, url, published, language, status, text, sha256, "
                "meta, annotator, created_at, updated_at FROM documents ORDER BY rowid"):
            mine = []
            while pending is not None and pending[0] == doc_id:
                _, sid, s, e, label, attrs, note, by, s_created, s_updated = pending
                mine.append({"id": sid, "start": s, "end": e, "label": label,
                             "text": text[s:e], "attributes": json.loads(attrs), "note": note,
                             "annotator": by, "created_at": s_created,
                             "updated_at": s_updated})
                pending = next(spans, None)
            fh.write(json.dumps({"id": doc_id, "title": title, "source": source, "url": url,
                                 "published": published, "language": language,
                                 "status": status, "text": text, "sha256": sha,
                                 "meta": json.loads(meta), "annotator": who,
                                 "created_at": created, "updated_at": updated,
                                 "spans": mine, "relations": [], "doc_labels": []},
                                ensure_ascii=False) + "\n")
    conn.close()
    return time.perf_counter() - t0


def our_export(db: Path, out: Path) -> float:
    project = Project.open(db, "bench")
    t0 = time.perf_counter()
    export(project, ExportOptions("jsonl", out))
    elapsed = time.perf_counter() - t0
    project.close()
    return elapsed


def peak_memory_of_import(n: int, tmp: Path) -> int:
    """Peak resident memory (MiB) of a fresh process importing n articles."""
    corpus = tmp / f"mem-{n}.jsonl"
    write_corpus(corpus, n)
    script = ("import sys; sys.path.insert(0, sys.argv[3]);"
              "from annotator.project import Project;"
              "from annotator.io.importer import ImportOptions, import_paths;"
              "p = Project.open(sys.argv[2], 'm');"
              "import_paths(p, [sys.argv[1]], ImportOptions(format='jsonl')); p.close();"
              # VmHWM, not ru_maxrss: Linux carries the parent's ru_maxrss across exec.
              "print(next(int(l.split()[1]) for l in open('/proc/self/status')"
              " if l.startswith('VmHWM')) // 1024)")
    out = subprocess.run([sys.executable, "-c", script, str(corpus), str(tmp / f"mem-{n}.db"),
                          str(Path(__file__).resolve().parents[1])],
                         capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


def main() -> None:
    n = 10_000 if "--quick" in sys.argv else 100_000
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus = tmp / "corpus.jsonl"
        size = write_corpus(corpus, n)
        # Each side twice, alternating, best of two: fsync times wander on a shared disk.
        runs = [(baseline_import(corpus, tmp / f"base{k}.db"),
                 baseline_import(corpus, tmp / f"fts{k}.db", searchable=True),
                 our_import(corpus, tmp / f"ours{k}.db")) for k in (1, 2)]
        t_base, t_fts = min(b for b, _, _ in runs), min(f for _, f, _ in runs)
        t_ours = min(o for _, _, o in runs)
        print(f"import {n:,} articles ({size / 2**20:,.0f} MiB of JSON lines):")
        print(f"  annotator import   {n / t_ours:8,.0f} articles/s  ({t_ours:.1f} s), "
              "its search index built in the same transaction")
        print(f"  bare executemany   {n / t_base:8,.0f} articles/s  ({t_base:.1f} s)")
        print(f"  bare + bare FTS5   {n / t_fts:8,.0f} articles/s  ({t_fts:.1f} s)")
        print(f"  ratio {t_base / t_ours:.2f}x of bare inserts (target >= 0.7x); each run: "
              + ", ".join(f"{b / o:.2f}x" for b, _, o in runs))
        print(f"  ratio {t_fts / t_ours:.2f}x of bare inserts with a bare FTS5 index; each "
              "run: " + ", ".join(f"{f / o:.2f}x" for _, f, o in runs))
        spans = add_spans(tmp / "ours1.db")
        runs = [(baseline_export(tmp / "ours1.db", tmp / "base.jsonl"),
                 our_export(tmp / "ours1.db", tmp / "ours.jsonl")) for _ in (1, 2)]
        t_base, t_ours = min(b for b, _ in runs), min(o for _, o in runs)
        same = (tmp / "ours.jsonl").read_bytes() == (tmp / "base.jsonl").read_bytes()
        assert same, "the baseline must write the same file, or the ratio means nothing"
        print(f"export {spans:,} spans on {n:,} articles as JSON lines:")
        print(f"  annotator export   {spans / t_ours:8,.0f} spans/s  ({t_ours:.1f} s)")
        print(f"  bare reads + dumps {spans / t_base:8,.0f} spans/s  ({t_base:.1f} s)")
        print(f"  ratio {t_base / t_ours:.2f}x of the baseline (target >= 0.7x); each run: "
              + ", ".join(f"{b / o:.2f}x" for b, o in runs))
        small, large = n // 10, n
        m_small, m_large = peak_memory_of_import(small, tmp), peak_memory_of_import(large, tmp)
        print(f"peak memory importing {small:,} articles: {m_small} MiB; {large:,}: {m_large} MiB"
              f" ({m_large / m_small:.2f}x for {large // small}x the input)")


if __name__ == "__main__":
    main()
