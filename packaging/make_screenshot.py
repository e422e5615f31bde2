"""Label the seed article through the facade, open the real window and save a screenshot.

Run under a screen (xvfb-run works):  xvfb-run -s "-screen 0 1600x1000x24" \
    .venv/bin/python packaging/make_screenshot.py docs/screenshot.png [ar|en]
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from annotator.seeds import open_project
from annotator.ui.app import Workbench, load_fonts
from annotator.ui.settings import Settings


def label_seed(db: Path) -> str:
    project = open_project(db, "amal", with_seeds=True)
    doc = project.documents()[0].id
    text = project.document(doc).text

    def span(phrase: str, label: str, after: str = "", **attrs: str) -> str:
        start = text.index(phrase, text.index(after) if after else 0)
        return project.add_span(doc, start, start + len(phrase), label, attributes=attrs).created

    blinken = span("أنتوني بلينكن", "ACTOR", type="person")
    claim = span("القرار الأممي 2254، باعتباره الحل الوحيد لإنهاء الصراع في سوريا", "CLAIM",
                 certainty="asserted")
    usa = span("الولايات المتحدة", "ACTOR", after="وأوضح", type="state")
    stance = span("الولايات المتحدة لا تدعم تطبيع العلاقات مع نظام الأسد", "STANCE",
                  after="وأوضح", value="rejects_normalization")
    assad = span("نظام الأسد", "ACTOR", after="وأوضح", type="government_body")
    span("أيمن الصفدي", "ACTOR", type="person")
    project.add_relation("SAID_BY", claim, blinken)
    project.add_relation("HELD_BY", stance, usa)
    project.add_relation("TOWARD", stance, assad)
    project.set_doc_label(doc, "stance", "rejects_normalization")
    project.close()
    return stance


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.png")
    lang = sys.argv[2] if len(sys.argv) > 2 else "en"
    with tempfile.TemporaryDirectory() as tmp:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        app = QApplication(sys.argv)
        load_fonts()
        db = Path(tmp) / "demo.db"
        stance = label_seed(db)
        settings = Settings()
        settings.annotator = "amal"
        project = open_project(db, "amal")
        window = Workbench(app, project, settings).show(lang)
        window.resize(1500, 900)
        window.select_span(stance)
        for _ in range(20):
            app.processEvents()
        window.grab().save(str(out))
        window.close()
        project.close()
    print(f"saved {out}")


if __name__ == "__main__":
    main()
