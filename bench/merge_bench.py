"""Merging colleagues' databases, against a bare INSERT … SELECT from each attached file,
in the same run, alternating; and the peak memory of each side.

    .venv/bin/python bench/merge_bench.py            # 20 files, 1,000,000 spans in all
    .venv/bin/python bench/merge_bench.py --quick    # 20 files, 100,000 spans

Twenty colleagues labelled the same 1,000 articles (real COVID-19 news texts from
../shared/corpora), each with their own spans, links and document labels: every file
holds the articles and 1/20 of the spans. The app merges the twenty files one after the
other into an empty database with `annotator merge`'s code path (copy, upgrade check,
scheme union, record-by-record decisions); the baseline attaches each file and copies its
rows with INSERT … SELECT (documents with INSERT OR IGNORE), with no checks at all. Each
side runs in its own process, so that its peak memory is its own.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.io_bench import bodies

FILES = 20
DOCS = 1000


def build(folder: Path, spans_total: int) -> list[Path]:
    from annotator.project import Project
    from annotator.records import DocLabelRecord, DocumentRecord, RelationRecord, SpanRecord

    texts = bodies()
    doc_ids = [str(uuid.UUID(int=i + 1)) for i in range(DOCS)]
    per_doc = spans_total // (FILES * DOCS)
    paths = []
    for k in range(FILES):
        path = folder / f"colleague{k:02}.db"
        project = Project.open(path, f"analyst{k:02}")
        records = []
        for i, doc_id in enumerate(doc_ids):
            text = f"{texts[i % len(texts)]}\n\n({i})"
            rec = DocumentRecord(text=text, where=f"doc {i}", key=doc_id, title=f"article {i}")
            for j in range(per_doc):
                start = (j * 9 + k) % (len(text) - 20)
                rec.spans.append(SpanRecord(start, start + 5, ("ACTOR", "CLAIM")[j % 2],
                                            key=f"s{j}"))
            rec.relations += [RelationRecord("SAID_BY", f"s{j + 1}", f"s{j}")
                              for j in range(0, per_doc - 1, 10)]
            rec.doc_labels.append(DocLabelRecord("relevance", "relevant"))
            records.append(rec)
        project.import_records(records)
        project.close()
        paths.append(path)
    return paths


APP = """
import sys, time, resource
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from annotator.project import Project
target, files = Path(sys.argv[2]), [Path(p) for p in sys.argv[3:]]
project = Project.open(target, "reviewer")
t0 = time.perf_counter()
for f in files:
    project.merge_database(f)
elapsed = time.perf_counter() - t0
spans = project.counts()["spans"]
project.close()
print(elapsed, spans, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

BASELINE = """
import sys, time, sqlite3, resource
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from annotator.storage import open_database
from annotator.storage.repository import COLUMNS
target, files = Path(sys.argv[2]), sys.argv[3:]
open_database(target).close()  # the same schema, by the same migrations
conn = sqlite3.connect(target, isolation_level=None)
conn.execute("PRAGMA synchronous=FULL")
conn.execute("PRAGMA foreign_keys=ON")
t0 = time.perf_counter()
for f in files:
    conn.execute("ATTACH DATABASE ? AS other", [f])
    conn.execute("BEGIN IMMEDIATE")
    for table in ("documents", "spans", "relations", "doc_labels"):
        cols = ", ".join(f'"{c}"' for c in COLUMNS[table])
        verb = "INSERT OR IGNORE" if table == "documents" else "INSERT"
        conn.execute(f"{verb} INTO main.{table} ({cols}) SELECT {cols} FROM other.{table} x "
                     f"WHERE NOT EXISTS (SELECT 1 FROM main.{table} l WHERE l.id = x.id)")
    conn.execute("COMMIT")
    conn.execute("DETACH DATABASE other")
elapsed = time.perf_counter() - t0
spans = conn.execute("SELECT count(*) FROM spans").fetchone()[0]
print(elapsed, spans, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run(script: str, folder: Path, files: list[Path], name: str) -> tuple[float, int, int]:
    target = folder / f"{name}-{time.monotonic_ns()}.db"
    repo = str(Path(__file__).resolve().parents[1])
    out = subprocess.run([sys.executable, "-c", script, repo, str(target), *map(str, files)],
                         capture_output=True, text=True)
    if out.returncode:
        sys.exit(f"{name} failed:\n{out.stderr}")
    out = out.stdout.split()
    for extra in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        extra.unlink(missing_ok=True)
    return float(out[0]), int(out[1]), int(out[2])  # ru_maxrss: KiB on Linux


def main() -> None:
    quick = "--quick" in sys.argv
    spans_total = 100_000 if quick else 1_000_000
    rounds = 3
    with tempfile.TemporaryDirectory(prefix="merge-bench-") as tmp:
        folder = Path(tmp)
        t0 = time.perf_counter()
        files = build(folder, spans_total)
        print(f"built {FILES} files, {spans_total:,} spans, in {time.perf_counter() - t0:.0f} s")
        app, base = [], []
        for _ in range(rounds):  # alternate, so that both sides see the same machine
            app.append(run(APP, folder, files, "app"))
            base.append(run(BASELINE, folder, files, "base"))
        assert {a[1] for a in app} == {b[1] for b in base} == {spans_total}, (app, base)
        a_times, b_times = [a[0] for a in app], [b[0] for b in base]
        ratios = [b / a for a, b in zip(a_times, b_times, strict=True)]
        result = {
            "files": FILES, "spans": spans_total,
            "app_s": statistics.median(a_times), "app_s_all": a_times,
            "baseline_s": statistics.median(b_times), "baseline_s_all": b_times,
            "ratio": statistics.median(ratios), "ratio_all": ratios,
            "app_peak_mib": max(a[2] for a in app) / 1024,
            "baseline_peak_mib": max(b[2] for b in base) / 1024,
            "spans_per_s": spans_total / statistics.median(a_times),
        }
        print(json.dumps(result, indent=1))
        print(f"merge {FILES} files, {spans_total:,} spans: {result['app_s']:.2f} s "
              f"(baseline {result['baseline_s']:.2f} s), ratio {result['ratio']:.2f}x "
              f"(target at least 0.5x; runs {', '.join(f'{r:.2f}' for r in ratios)}), "
              f"peak {result['app_peak_mib']:.0f} MiB vs {result['baseline_peak_mib']:.0f} MiB")


if __name__ == "__main__":
    del resource
    main()
