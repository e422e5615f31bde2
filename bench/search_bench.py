"""Search across 100,000 articles (issue 10's figures).

    .venv/bin/python bench/search_bench.py          # 100,000 articles
    .venv/bin/python bench/search_bench.py --quick  # 10,000

The database is the window benchmark's (real news texts from ../shared/corpora, cached in
/tmp/annotator-window-bench), copied so that the index is built fresh. Measured:

- the index build (`annotator.search.corpus.ensure_index`, folding every text in Python)
  against a bare FTS5 index over the unfolded text (`INSERT … SELECT` in SQL) in the same
  run, each on its own copy, alternating, best of two; the size each adds to the file;
- search latency (`annotator.search.corpus.search`, limit 50 as the command line) over 50
  fixed queries: words frequent and rare, spelled with and without hamza, harakat and
  tatweel, phrases, exclusions and the prefixes setting; p50 and p95 over 3 rounds.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from window_bench import build  # noqa: E402

from annotator.search.corpus import ensure_index, search  # noqa: E402
from annotator.search.folding import FoldOptions  # noqa: E402
from annotator.storage import open_database  # noqa: E402

PLAIN, PREFIXES = FoldOptions(), FoldOptions(prefixes=True)
WORD_RANKS = [3, 8, 15, 30, 60, 100, 200, 350, 600, 1000, 1600, 2500, 4000, 6000, 9000,
              13000, 18000, 25000, 35000, 50000]
ABSENT = ["زيلينسكيات", "qwertyuiop", "بيدرسنوف", "٩٩٩٩٩٩"]


def queries_from(db: Path) -> list[tuple[str, FoldOptions]]:
    """50 queries drawn the same way from the corpus each run: words at fixed frequency
    ranks (frequent to rare), frequent phrases, respellings (no hamza, harakat, tatweel),
    exclusions, the prefixes setting, and words that are nowhere."""
    conn = sqlite3.connect(db)
    texts = [t for (t,) in conn.execute("SELECT text FROM documents ORDER BY rowid LIMIT 3000")]
    conn.close()
    words: Counter[str] = Counter()
    pairs: Counter[str] = Counter()
    for text in texts:
        tokens = re.findall(r"[\u0621-\u064A]{3,}", text)
        words.update(tokens)
        pairs.update(f"{x} {y}" for x, y in pairwise(tokens))
    ranked = [w for w, _ in words.most_common()]
    chosen = [ranked[min(r, len(ranked) - 1)] for r in WORD_RANKS]
    out = [(w, PLAIN) for w in chosen]
    out += [(f'"{p}"', PLAIN) for p, _ in pairs.most_common(40)[::5]]  # 8 phrases
    hamza = [w for w in ranked[:3000] if "أ" in w or "إ" in w][:2]
    out += [(w.replace("أ", "ا").replace("إ", "ا"), PLAIN) for w in hamza]
    out += [(w[0] + "َ" + w[1:], PLAIN) for w in chosen[4:6]]  # a fatha after the first letter
    out += [(w[:2] + "ـــ" + w[2:], PLAIN) for w in chosen[6:8]]  # tatweel
    out += [(f"{chosen[k]} -{chosen[k + 6]}", PLAIN) for k in range(6)]
    al = [w for w in ranked[20:4000] if w.startswith("ال")][::100][:6]
    out += [(w, PREFIXES) for w in al]
    out += [(w, PLAIN) for w in ABSENT]
    assert len(out) == 50, len(out)
    return out


def fts_baseline(db: Path) -> float:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA synchronous=FULL")
    t0 = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("CREATE VIRTUAL TABLE bare USING fts5(text, content='', "
                 "tokenize='unicode61 remove_diacritics 0')")
    conn.execute("INSERT INTO bare (rowid, text) SELECT rowid, text FROM documents")
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - t0
    conn.close()
    return elapsed


def our_build(db: Path) -> float:
    """As an upgraded database gets its index: the copy's own index is dropped first."""
    database = open_database(db)
    with database.write() as conn:
        conn.execute("DROP TABLE IF EXISTS doc_search")
        conn.execute("DROP TABLE IF EXISTS doc_search_build")
    t0 = time.perf_counter()
    assert ensure_index(database)
    elapsed = time.perf_counter() - t0
    database.close()
    return elapsed


def index_size(db: Path, table: str) -> int:
    """Bytes of the FTS5 index's segments (its `_data` shadow table)."""
    conn = sqlite3.connect(db)
    size = conn.execute(f"SELECT sum(length(block)) FROM {table}_data").fetchone()[0]
    conn.close()
    return int(size)


def main() -> None:
    n = 10_000 if "--quick" in sys.argv else 100_000
    source = build(n)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        runs = []
        for k in (1, 2):
            copies = {side: tmp / f"{side}{k}.db" for side in ("bare", "ours")}
            for copy in copies.values():
                shutil.copy(source, copy)
            bare_t, ours_t = fts_baseline(copies["bare"]), our_build(copies["ours"])
            runs.append((bare_t, ours_t, index_size(copies["bare"], "bare"),
                         index_size(copies["ours"], "doc_search")))
            if k == 1:
                (tmp / "bare1.db").unlink()
            else:
                copies["bare"].unlink()
        bare_t = min(r[0] for r in runs)
        ours_t = min(r[1] for r in runs)
        print(f"index {n:,} articles: annotator {ours_t:.1f} s, bare FTS5 {bare_t:.1f} s = "
              f"{ours_t / bare_t:.2f}x (target <= 2x); runs "
              + ", ".join(f"{o / b:.2f}x" for b, o, _, _ in runs))
        print(f"index size: annotator {runs[0][3] / 2**20:,.0f} MiB, bare FTS5 "
              f"{runs[0][2] / 2**20:,.0f} MiB = {runs[0][3] / runs[0][2]:.2f}x")
        queries = queries_from(source)
        database = open_database(tmp / "ours1.db")
        times: dict[str, list[float]] = {q: [] for q, _ in queries}
        hits: dict[str, int] = {}
        for _ in range(3):
            for query, options in queries:
                t0 = time.perf_counter()
                result = search(database, query, options, limit=50)
                times[query].append(time.perf_counter() - t0)
                hits[query] = len(result.hits)
        database.close()
        each = sorted(statistics.median(v) for v in times.values())
        p50 = statistics.median(each) * 1000
        p95 = each[int(len(each) * 0.95) - 1] * 1000
        slowest = max(times, key=lambda q: statistics.median(times[q]))
        print(f"search latency over {len(queries)} queries (limit 50): p50 {p50:.1f} ms, "
              f"p95 {p95:.1f} ms (target < 50 ms), max {each[-1] * 1000:.1f} ms "
              f"({slowest!r}); queries with no hit: "
              f"{sum(1 for v in hits.values() if v == 0)}")


if __name__ == "__main__":
    main()
