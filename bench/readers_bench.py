"""Readers never wait for a writer: while `annotator import` writes 100,000 articles into a
database, `annotator stats` and a window's read of an article answer as they do when
nothing writes.

    .venv/bin/python bench/readers_bench.py            # 100,000 articles imported
    .venv/bin/python bench/readers_bench.py --quick    # 10,000

The database starts with 1,000 labelled articles. During the import (a separate process,
the real command), this process repeatedly times `annotator stats` (a separate process,
the real command) and a window's read: opening the file and reading an article with its
spans, links and document labels (Project.open, document, spans, relations, doc_labels).
The same reads are timed again once the import has finished: the baseline.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.project import Project
from annotator.records import DocumentRecord, SpanRecord
from bench.io_bench import bodies, write_corpus

BIN = Path(sys.executable).parent / "annotator"


def stats_time(db: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run([str(BIN), "stats", "--db", str(db), "--json"], check=True,
                   capture_output=True)
    return time.perf_counter() - t0


def window_read(db: Path, doc: str) -> float:
    t0 = time.perf_counter()
    project = Project.open(db, "reader")
    project.document(doc)
    project.spans(doc)
    project.relations(doc)
    project.doc_labels(doc)
    project.close()
    return time.perf_counter() - t0


def main() -> None:
    n = 10_000 if "--quick" in sys.argv else 100_000
    with tempfile.TemporaryDirectory(prefix="readers-bench-") as tmp:
        folder = Path(tmp)
        db = folder / "team.db"
        project = Project.open(db, "amal")
        texts = bodies()
        records = [DocumentRecord(text=f"{texts[i % len(texts)]}\n\n[{i}]", where=str(i),
                                  spans=[SpanRecord(j * 20, j * 20 + 6, "ACTOR")
                                         for j in range(20)]) for i in range(1000)]
        project.import_records(records)
        doc = project.documents()[500].id
        project.close()
        corpus = folder / "corpus.jsonl"
        write_corpus(corpus, n)
        importer = subprocess.Popen([str(BIN), "import", str(corpus), "--db", str(db)],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        t0 = time.perf_counter()
        during: dict[str, list[float]] = {"stats": [], "window": []}
        time.sleep(1.0)  # the import holds the write lock from here on
        while importer.poll() is None:
            during["stats"].append(stats_time(db))
            during["window"].append(window_read(db, doc))
            time.sleep(0.2)
        import_s = time.perf_counter() - t0
        _out, err = importer.communicate()
        assert importer.returncode == 0, err
        after = {"stats": [stats_time(db) for _ in range(5)],
                 "window": [window_read(db, doc) for _ in range(5)]}
        result = {"imported": n, "import_s": import_s, "samples_during": len(during["stats"])}
        for key in ("stats", "window"):
            result[f"{key}_during_median_s"] = statistics.median(during[key])
            result[f"{key}_during_max_s"] = max(during[key])
            result[f"{key}_after_median_s"] = statistics.median(after[key])
        print(json.dumps(result, indent=1))
        print(f"while importing {n:,} articles ({import_s:.1f} s): stats "
              f"{result['stats_during_median_s']:.2f} s median, "
              f"{result['stats_during_max_s']:.2f} s max (after: "
              f"{result['stats_after_median_s']:.2f} s); window read "
              f"{result['window_during_median_s'] * 1000:.0f} ms median, "
              f"{result['window_during_max_s'] * 1000:.0f} ms max (after: "
              f"{result['window_after_median_s'] * 1000:.0f} ms); target under 1 s")


if __name__ == "__main__":
    main()
