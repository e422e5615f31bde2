"""What the analyst waits for in the real window, at 1,000 and at 100,000 articles.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/window_bench.py          # 1k and 100k
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/window_bench.py --quick  # 1k and 10k

Databases are built from the real news texts in ../shared/corpora (and kept in
/tmp/annotator-window-bench between runs); each holds one 50,000-character article with
2,000 overlapping spans. Measured through the real window (Workbench, MainWindow, every
view), with events processed and the whole window repainted:

- start to first paint: a fresh process opens the window on the database, until the
  article has painted; against the same with a database of one article; peak memory;
- label key: a word selected, `1` pressed, until the span is stored (committed) and every
  widget has repainted; at each size;
- switch to the 2,000-span article, until painted; against a bare QTextEdit of the same
  size showing the same text;
- scroll the long article by a page, until repainted; against the bare QTextEdit.

Each side alternates with its baseline in one run; medians with the spread (min-max).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SHARED = Path(os.environ.get("ANNOTATOR_SHARED", ROOT.parent / "shared"))
CACHE = Path("/tmp/annotator-window-bench")
CHARS, SPANS = 50_000, 2_000


def texts() -> list[str]:
    from annotator.text import clean_text

    folder = SHARED / "corpora" / "covid_propaganda_ar" / "articles"
    if not folder.is_dir():
        sys.exit(f"needs the shared corpora at {folder}")
    return [clean_text(p.read_text(encoding="utf-8")).text for p in sorted(folder.rglob("*.txt"))]


def long_article(bodies: list[str]) -> str:
    parts, total = [], 0
    for body in bodies:
        parts.append(body)
        total += len(body) + 2
        if total >= CHARS:
            break
    return "\n\n".join(parts)[:CHARS].rstrip()


def build(n: int) -> Path:
    """A database of n articles, the first of them the long one with 2,000 spans."""
    import random

    from annotator.project import Project
    from annotator.records import DocumentRecord, SpanRecord
    from annotator.text import snap_span

    path = CACHE / f"bench-{n}.db"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    bodies = texts()
    text = long_article(bodies)
    rng = random.Random(7)
    spans, seen = [], set()
    while len(spans) < SPANS:
        start = rng.randrange(0, len(text) - 60)
        rng_ = snap_span(text, start, start + rng.randint(3, 60))
        label = rng.choice(["ACTOR", "CLAIM", "STANCE"])
        if rng_ is None or (rng_, label) in seen:
            continue
        seen.add((rng_, label))
        spans.append(SpanRecord(rng_[0], rng_[1], label))
    tmp = path.with_suffix(".building")
    project = Project.open(tmp, "bench")
    records = [DocumentRecord(text, "long", title="المقال الطويل", spans=spans)]
    records += (DocumentRecord(f"{bodies[i % len(bodies)]}\n\n({i})", str(i),
                               title=f"خبر رقم {i}", source="bench") for i in range(1, n))
    project.import_records(records)
    project.close()
    tmp.rename(path)
    return path


def up_to_date(db: Path) -> None:
    """A cached database brought to the current schema with its search index built, once,
    before anything is timed: otherwise the first start would time an upgrade, and every
    window would build the index in the background while it is measured."""
    from annotator.project import Project
    from annotator.search.corpus import ensure_index

    project = Project.open(db, "bench")
    try:
        ensure_index(project.database)
    finally:
        project.close()


STARTER = """
import os, sys, time
t0 = time.perf_counter()
sys.path.insert(0, sys.argv[2])
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication
import tempfile
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
from annotator.project import Project
from annotator.ui.app import Workbench, load_fonts
from annotator.ui.settings import Settings
app = QApplication([])
load_fonts()
settings = Settings(); settings.annotator = "bench"
project = Project.open(sys.argv[1], "bench")
window = Workbench(app, project, settings).show("en")
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and window.session.doc is not None:
            QTimer.singleShot(0, app.quit)
        return False
spy = FirstPaint()
window.view.viewport().installEventFilter(spy)
app.exec()
elapsed = time.perf_counter() - t0
hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM"))
print(elapsed, hwm // 1024)
"""


def start_to_paint(db: Path) -> tuple[float, int]:
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", STARTER, str(db), str(ROOT)],
                         capture_output=True, text=True, check=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    wall = time.perf_counter() - t0
    _, mib = out.stdout.split()
    return wall, int(mib)


def cli_times(db: Path, rounds: int = 7) -> dict[str, list[float]]:
    """The command line, as a script runs it: a new process each time, alternating."""
    command = str(Path(sys.executable).parent / "annotator")
    runs = {"bare": [sys.executable, "-c", "pass"], "version": [command, "--version"],
            "stats": [command, "stats", "--db", str(db), "--json"]}
    out: dict[str, list[float]] = {k: [] for k in runs}
    for _ in range(rounds):
        for key, argv in runs.items():
            t0 = time.perf_counter()
            subprocess.run(argv, check=True, capture_output=True)
            out[key].append(time.perf_counter() - t0)
    return out


def spread(values: list[float], scale: float = 1000.0, unit: str = "ms") -> str:
    return (f"{statistics.median(values) * scale:.1f} {unit} "
            f"({min(values) * scale:.1f}-{max(values) * scale:.1f})")


def in_window(db: Path, rounds: int) -> dict[str, list[float]]:
    """Label key, switch and scroll in the real window, each against its baseline."""
    import tempfile

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QTextEdit

    from annotator.project import Project
    from annotator.text import to_utf16
    from annotator.ui.app import Workbench, load_fonts
    from annotator.ui.article_view import arabic_font
    from annotator.ui.settings import Settings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    app = QApplication.instance() or QApplication([])
    load_fonts()
    settings = Settings()
    settings.annotator = "bench"
    project = Project.open(db, "bench")
    window = Workbench(app, project, settings).show("en")
    window.resize(1400, 900)
    app.processEvents()
    order = project.list_order()
    long_id, short_id = (s.id for s in project.list_summaries(order[:2]))
    long_text = project.document(long_id).text
    bare = QTextEdit()
    bare.setReadOnly(True)
    bare.setFont(arabic_font(15))
    bare.resize(window.view.size())
    bare.show()
    out: dict[str, list[float]] = {k: [] for k in (
        "label", "switch", "switch_bare", "scroll", "scroll_bare")}

    def settle(widget) -> None:
        app.processEvents()
        widget.repaint()

    def laid_out(widget: QTextEdit) -> None:
        app.processEvents()
        document = widget.document()
        document.documentLayout().blockBoundingRect(document.lastBlock())
        widget.viewport().repaint()

    for _ in range(rounds):
        # label key on an ordinary article
        window.documents.choose(short_id)
        settle(window)
        text = window.session.doc.text
        word = text.split()[5]
        start = text.index(word)
        cursor = window.view.textCursor()
        cursor.setPosition(to_utf16(text, start))
        cursor.setPosition(to_utf16(text, start + len(word)), cursor.MoveMode.KeepAnchor)
        window.view.setTextCursor(cursor)
        window.view.setFocus()
        t0 = time.perf_counter()
        QTest.keyClick(window.view, Qt.Key.Key_1)
        settle(window)
        out["label"].append(time.perf_counter() - t0)
        window.commands.undo()
        settle(window)
        # switch to the long article, and the bare widget showing the same text
        # (processEvents lays out and paints whatever changed in the window: the list,
        # the table, the panels; then the article is laid out to its end and repainted,
        # as the bare widget is.)
        t0 = time.perf_counter()
        window.documents.choose(long_id)
        laid_out(window.view)
        out["switch"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        bare.setPlainText(long_text)
        laid_out(bare)
        out["switch_bare"].append(time.perf_counter() - t0)
        # scroll a page, both
        for widget, key in ((window.view, "scroll"), (bare, "scroll_bare")):
            bar = widget.verticalScrollBar()
            t0 = time.perf_counter()
            bar.setValue((bar.value() + widget.viewport().height()) % max(1, bar.maximum()))
            app.processEvents()
            widget.viewport().repaint()
            out[key].append(time.perf_counter() - t0)
    window.close()
    bare.close()
    project.close()
    return out


def main() -> None:
    quick = "--quick" in sys.argv
    if "--in-window" in sys.argv:  # one size, in a fresh process
        db = Path(sys.argv[sys.argv.index("--in-window") + 1])
        print(json.dumps(in_window(db, 15)))
        return
    big = 10_000 if quick else 100_000
    sizes = {1: build(1), 1000: build(1000), big: build(big)}
    for db in sizes.values():
        up_to_date(db)
    starts: dict[int, list[tuple[float, int]]] = {n: [] for n in sizes}
    for _ in range(5):  # alternate the sizes
        for n, db in sizes.items():
            starts[n].append(start_to_paint(db))
    results = {}
    for n in (1000, big):
        raw = subprocess.run([sys.executable, __file__, "--in-window", str(sizes[n])],
                             capture_output=True, text=True, check=True).stdout
        results[n] = json.loads(raw.strip().splitlines()[-1])
    summary = {"start_s": {n: statistics.median(t for t, _ in v) for n, v in starts.items()},
               "start_mib": {n: max(m for _, m in v) for n, v in starts.items()},
               "in_window": {n: {k: statistics.median(v) for k, v in r.items()}
                             for n, r in results.items()}}
    print(json.dumps(summary, indent=1))
    one, many = starts[1], starts[big]
    print(f"start to first paint: {spread([t for t, _ in one], 1, 's')} with 1 article, "
          f"{spread([t for t, _ in many], 1, 's')} with {big:,}: ratio "
          f"{statistics.median(t for t, _ in many) / statistics.median(t for t, _ in one):.2f}x"
          f" (target <= 1.3x); peak {max(m for _, m in one)} MiB vs "
          f"{max(m for _, m in many)} MiB (target <= +100 MiB)")
    for n, r in results.items():
        print(f"{n:>7,} articles: label key {spread(r['label'])} (target < 16 ms); "
              f"switch to the 2,000-span article {spread(r['switch'])} vs bare "
              f"{spread(r['switch_bare'])} = "
              f"{statistics.median(r['switch']) / statistics.median(r['switch_bare']):.2f}x "
              f"(target <= 2x); scroll {spread(r['scroll'])} vs bare "
              f"{spread(r['scroll_bare'])}")
    cli = cli_times(sizes[big])
    print(f"annotator --version {spread(cli['version'])} (target < 250 ms; python -c pass "
          f"{spread(cli['bare'])}); annotator stats at {big:,} articles "
          f"{spread(cli['stats'])} (target < 300 ms)")
    label_1k = statistics.median(results[1000]["label"])
    label_big = statistics.median(results[big]["label"])
    print(f"label key at {big:,} / at 1,000: {label_big / label_1k:.2f}x (target <= 1.2x)")


if __name__ == "__main__":
    main()
