"""The review's figures (issue 9).

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/review_bench.py          # 10,000 docs
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/review_bench.py --quick  # 1,000

1. Agreement over 10,000 articles (real news texts, the window benchmark's database) with
   three annotators and 300,000 spans (10 per article each; the second and third keep
   most of the first one's spans, move some boundaries, relabel some, drop some, add
   their own) and a document field each: `annotator agreement --json`, a new process as a
   script runs it, against a bare process that reads the same rows into Python lists;
   time and peak memory, alternating, medians with the spread.
2. The next disagreement in the real window, on the 50,000-character article with 2,000
   spans per annotator (6,000 spans): the N key until the span is selected and the window
   has repainted; against selecting a span without review mode (the same repaint).
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from window_bench import build  # noqa: E402

ANNOTATORS = ("amal", "basel", "chadi")
LABELS = ("ACTOR", "CLAIM", "STANCE")
VALUES = ("rejects_normalization", "supports_normalization", "neutral", "conditional")

BARE = """
import sqlite3, sys, time
t0 = time.perf_counter()
conn = sqlite3.connect(sys.argv[1])
spans = conn.execute('SELECT doc_id, start, "end", label, attributes, annotator, id FROM spans '
                     'WHERE deleted = 0 ORDER BY doc_id, start, "end"').fetchall()
labels = conn.execute("SELECT doc_id, field, value, annotator, id FROM doc_labels "
                      "WHERE deleted = 0").fetchall()
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(time.perf_counter() - t0, hwm // 1024)
"""

OURS = """
import sys, time
t0 = time.perf_counter()
sys.path.insert(0, sys.argv[2])
from annotator.cli import main
import contextlib, io
out = io.StringIO()
with contextlib.redirect_stdout(out):
    try:
        main(["agreement", "--db", sys.argv[1], "--json"])
    except SystemExit as exc:
        assert not exc.code, exc.code
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(time.perf_counter() - t0, hwm // 1024)
"""


def three_annotators(path: Path, long_doc_spans: int = 2_000) -> int:
    """Spans and a stance value by three annotators on every article (setup, in SQL)."""
    rng = random.Random(5)
    conn = sqlite3.connect(path)
    docs = conn.execute("SELECT id, length(text) FROM documents").fetchall()
    rows, labels, n = [], [], 0
    for doc_id, length in docs:
        count = long_doc_spans if length > 40_000 else 10
        base = []
        for _ in range(count):
            start = rng.randrange(0, max(1, length - 40))
            base.append((start, start + rng.randint(3, 30), rng.choice(LABELS)))
        value = rng.choice(VALUES)
        for who in ANNOTATORS:
            for start, end, label in base:
                roll = rng.random()
                if who != "amal" and roll < 0.1:
                    continue  # not seen
                if who != "amal" and roll < 0.2:
                    end = min(length, end + rng.randint(1, 5))  # other boundaries
                elif who != "amal" and roll < 0.25:
                    label = rng.choice(LABELS)  # another label
                n += 1
                rows.append((f"{who}-{n}", doc_id, start, end, label, who))
            if who != "amal":  # and one of their own
                start = rng.randrange(0, max(1, length - 40))
                n += 1
                rows.append((f"{who}-{n}", doc_id, start, start + rng.randint(3, 30),
                             rng.choice(LABELS), who))
            labels.append((f"{who}-l-{doc_id}", doc_id, "stance",
                           value if rng.random() < 0.7 else rng.choice(VALUES), who))
    conn.executemany('INSERT OR IGNORE INTO spans (id, doc_id, start, "end", label, '
                     "attributes, annotator, created_at, updated_at) VALUES "
                     "(?, ?, ?, ?, ?, '{}', ?, '2024-01-01', '2024-01-01')", rows)
    conn.executemany("INSERT INTO doc_labels (id, doc_id, field, value, annotator, "
                     "created_at, updated_at) VALUES (?, ?, ?, ?, ?, '2024-01-01', "
                     "'2024-01-01')", labels)
    conn.commit()
    total = conn.execute("SELECT count(*) FROM spans WHERE annotator IN "
                         "('amal', 'basel', 'chadi')").fetchone()[0]
    conn.close()
    return total


def spread(values: list[float], scale: float = 1.0, unit: str = "s") -> str:
    return (f"{statistics.median(values) * scale:.2f} {unit} "
            f"({min(values) * scale:.2f}-{max(values) * scale:.2f})")


def agreement_figures(db: Path, rounds: int = 3) -> None:
    runs: dict[str, list[tuple[float, int]]] = {"bare": [], "ours": []}
    for _ in range(rounds):
        for name, script in (("bare", BARE), ("ours", OURS)):
            t0 = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", script, str(db), str(ROOT)],
                                 capture_output=True, text=True, check=True)
            wall = time.perf_counter() - t0
            _inner, mib = out.stdout.split()
            runs[name].append((wall, int(mib)))
    ours = [t for t, _ in runs["ours"]]
    bare = [t for t, _ in runs["bare"]]
    print(f"agreement (a new process): {spread(ours)} vs bare read {spread(bare)} = "
          f"{statistics.median(ours) / statistics.median(bare):.1f}x; peak memory "
          f"{max(m for _, m in runs['ours'])} MiB vs {max(m for _, m in runs['bare'])} MiB")


def next_disagreement(db: Path, rounds: int = 30) -> None:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from annotator.project import Project
    from annotator.ui.app import Workbench, load_fonts
    from annotator.ui.settings import Settings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      tempfile.mkdtemp())
    app = QApplication.instance() or QApplication([])
    load_fonts()
    settings = Settings()
    settings.annotator = "rania"
    project = Project.open(db, "rania")
    window = Workbench(app, project, settings).show("en")
    window.resize(1400, 900)
    long_id = project.list_summaries(project.list_order()[:1])[0].id
    window.documents.choose(long_id)
    t0 = time.perf_counter()
    window.review_panel.toggle.setChecked(True)
    app.processEvents()
    start = time.perf_counter() - t0
    state = window.session.review
    spans = [s.id for s in window.session.visible_spans()]
    figures: dict[str, list[float]] = {k: [] for k in ("n", "select", "n_full", "select_full")}
    for k in range(rounds):
        for key, full in (("n", False), ("n_full", True)):
            t0 = time.perf_counter()
            QTest.keyClick(window.view, Qt.Key.Key_N)
            window.repaint() if full else app.processEvents()  # what changed, or all
            figures[key].append(time.perf_counter() - t0)
        for key, full in (("select", False), ("select_full", True)):
            t0 = time.perf_counter()
            window.session.select(spans[(k * 7 + full) % len(spans)], flash=True)
            window.repaint() if full else app.processEvents()
            figures[key].append(time.perf_counter() - t0)
    print(f"review mode on for {len(spans):,} spans, {len(state.doc.units):,} disagreements: "
          f"{start * 1000:.0f} ms")
    print(f"next disagreement (N), what changed repainted: {spread(figures['n'], 1000, 'ms')}"
          f" vs selecting a span {spread(figures['select'], 1000, 'ms')}; target under 16 ms")
    print(f"the same with the whole window repainted: {spread(figures['n_full'], 1000, 'ms')}"
          f" vs {spread(figures['select_full'], 1000, 'ms')}")
    window.close()
    project.close()


def main() -> None:
    n = 1_000 if "--quick" in sys.argv else 10_000
    tmp = Path(tempfile.mkdtemp())
    db = tmp / "review.db"
    shutil.copy(build(n), db)
    from annotator.project import Project

    project = Project.open(db, "bench")  # the schema brought up to date
    with project.database.write() as conn:  # the window benchmark's own 2,000 spans go
        conn.execute("DELETE FROM spans")
    project.close()
    spans = three_annotators(db)
    print(f"{n:,} articles, {spans:,} spans by 3 annotators")
    agreement_figures(db)
    next_disagreement(db)
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
