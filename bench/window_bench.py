"""Window speed on a long article: open and paint, add one span, repaint on scroll.

A 50,000-character Arabic article (real COVID-19 news texts from ../shared/corpora, joined)
with 2,000 overlapping spans. Every figure is compared with a bare QTextEdit doing the same
in the same run, so the ratios hold on a busy machine.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/window_bench.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QTextEdit

from annotator.errors import ValidationError
from annotator.project import Project
from annotator.text import clean_text, snap_span
from annotator.ui.app import Workbench, load_fonts
from annotator.ui.article_view import arabic_font
from annotator.ui.settings import Settings

SHARED = Path(os.environ.get("ANNOTATOR_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CHARS, SPANS, REPEATS = 50_000, 2_000, 7


def long_article() -> str:
    folder = SHARED / "corpora" / "covid_propaganda_ar" / "articles"
    if not folder.is_dir():
        sys.exit(f"needs the shared corpora at {folder}")
    parts, total = [], 0
    for path in sorted(folder.rglob("*.txt")):
        body = clean_text(path.read_text(encoding="utf-8")).text
        parts.append(body)
        total += len(body) + 2
        if total >= CHARS:
            break
    return "\n\n".join(parts)[:CHARS].rstrip()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def timed(fn, repeats: int = REPEATS) -> float:
    runs = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs)


def main() -> None:
    text = long_article()
    rng = random.Random(7)
    tmp = tempfile.TemporaryDirectory()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp.name)
    app = QApplication(sys.argv)
    load_fonts()
    db = Path(tmp.name) / "bench.db"
    project = Project.open(db, "bench")
    doc = project.add_document(text, title="long").created
    labels = ["ACTOR", "CLAIM", "STANCE"]
    made = 0
    while made < SPANS:
        start = rng.randrange(0, len(text) - 60)
        rng_ = snap_span(text, start, start + rng.randint(3, 60))
        if rng_ is None:
            continue
        try:
            project.add_span(doc, *rng_, rng.choice(labels), snap=False)
            made += 1
        except ValidationError:  # an identical random span: draw again
            continue
    project.close()
    settings = Settings()
    settings.annotator = "bench"
    project = Project.open(db, "bench")
    window = Workbench(app, project, settings).show("en")
    window.resize(1400, 900)
    app.processEvents()
    view = window.view
    document = project.document(doc)
    spans = project.spans(doc)

    bare = QTextEdit()
    bare.setReadOnly(True)
    bare.setFont(arabic_font(15))
    bare.resize(view.size())
    bare.show()

    def laid_out(widget: QTextEdit) -> None:
        # QTextEdit lays out lazily; both sides pay for the whole layout here.
        doc_ = widget.document()
        doc_.documentLayout().blockBoundingRect(doc_.lastBlock())
        widget.viewport().repaint()

    def bare_open() -> None:
        bare.setPlainText(text)
        laid_out(bare)

    def our_open() -> None:
        view.show_document(document, spans)
        laid_out(view)

    t_bare, t_open = timed(bare_open), timed(our_open)

    def scroll(widget: QTextEdit) -> None:
        bar = widget.verticalScrollBar()
        bar.setValue((bar.value() + widget.viewport().height()) % max(1, bar.maximum()))
        widget.viewport().repaint()

    app.processEvents()  # let both widgets size their scroll bars to the laid-out text
    assert bare.verticalScrollBar().maximum() > 0 and view.verticalScrollBar().maximum() > 0
    t_bare_scroll = timed(lambda: scroll(bare), 40)
    t_scroll = timed(lambda: scroll(view), 40)

    window.documents.choose(doc)
    add_times = []
    for _ in range(40):
        start = rng.randrange(0, len(text) - 40)
        rng_ = snap_span(text, start, start + 12)
        if rng_ is None:
            continue
        cursor = view.textCursor()
        cursor.setPosition(rng_[0])
        cursor.setPosition(rng_[1], cursor.MoveMode.KeepAnchor)  # no astral chars here
        view.setTextCursor(cursor)
        t0 = time.perf_counter()
        window.apply_label("ACTOR")
        view.viewport().repaint()
        add_times.append(time.perf_counter() - t0)
    t_add = statistics.median(add_times)

    print(f"article: {len(text):,} characters, {len(spans):,} overlapping spans "
          f"(up to {view.index.max_level() + 1} underline levels)")
    print(f"open and paint:   {ms(t_open)}  vs bare QTextEdit.setPlainText {ms(t_bare)}  "
          f"ratio {t_open / t_bare:.2f}x  (target <= 2x)")
    print(f"add one span:     {ms(t_add)} median of {len(add_times)}, committed to disk and "
          f"repainted  (target <= 16 ms)")
    print(f"repaint on scroll: {ms(t_scroll)}  vs bare {ms(t_bare_scroll)}  "
          f"ratio {t_scroll / t_bare_scroll:.2f}x")
    window.close()
    project.close()


if __name__ == "__main__":
    main()
