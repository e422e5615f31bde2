"""Starting the window: fonts, language, the annotator's name, the database, the window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTimer,
    QtMsgType,
    QTranslator,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from annotator.errors import AnnotatorError
from annotator.project import Project
from annotator.resources import data_dir
from annotator.seeds import open_project
from annotator.ui import error_dialog
from annotator.ui.about_dialog import app_icon
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings


def load_fonts() -> None:
    for font in sorted((data_dir("resources") / "fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(font))


class Workbench:
    """Owns the project and the window; rebuilds the window when the language changes."""

    def __init__(self, app: QApplication, project: Project, settings: Settings) -> None:
        self.app = app
        self.project = project
        self.settings = settings
        self.window: MainWindow | None = None

    def show(self, lang: str | None = None) -> MainWindow:
        lang = lang or self.settings.language
        install_language(self.app, lang)
        old = self.window
        if old is not None:
            old.close()
            old.deleteLater()
        self.window = MainWindow(self.project, self.settings, lang)
        self.window.language_requested.connect(self.switch_language)
        self.window.rebuild_requested.connect(lambda: self.show(lang))
        self.window.show()
        return self.window

    def switch_language(self, lang: str) -> None:
        self.settings.language = lang
        self.show(lang)


_INSTALLED: list[QTranslator] = []  # the application's translators, whoever installed them


def install_language(app: QApplication, lang: str,
                     installed: list[QTranslator] = _INSTALLED) -> None:
    for translator in installed:
        app.removeTranslator(translator)
    installed.clear()
    if lang == "ar":
        ours = QTranslator(app)
        if ours.load(str(data_dir("resources") / "translations" / "annotator_ar.qm")):
            installed.append(ours)
        qt_own = QTranslator(app)
        if qt_own.load(QLocale(QLocale.Language.Arabic), "qtbase", "_",
                       QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            installed.append(qt_own)
        for translator in installed:
            app.installTranslator(translator)
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if lang == "ar"
                           else Qt.LayoutDirection.LeftToRight)


def ask_name(settings: Settings) -> str:
    name = settings.annotator
    while not name:
        name, ok = QInputDialog.getText(
            None, "annotator", "Your name, stored with every label you make:\n"
            "اسمك، يُحفظ مع كل وسم تضعه:")
        if not ok:
            return ""
        name = name.strip()
    settings.annotator = name
    return name


_QUIET = ("OpenType support missing",)  # Qt's font chatter, once per glyph run


def _qt_messages(kind: QtMsgType, _context: object, message: str) -> None:
    if not any(noise in message for noise in _QUIET):
        sys.stderr.write(f"{message}\n")


def run(db_path: Path | None) -> int:
    qInstallMessageHandler(_qt_messages)
    app = QApplication.instance() or QApplication(sys.argv)
    app.setWindowIcon(app_icon())
    app.setApplicationName("annotator")
    error_dialog.install()
    load_fonts()
    settings = Settings()
    name = ask_name(settings)
    if not name:
        return 0
    try:
        project = open_project(db_path, name)
    except AnnotatorError as exc:
        QMessageBox.critical(None, "annotator", str(exc))
        return 1
    bench = Workbench(app, project, settings)
    window = bench.show()
    if os.environ.get("ANNOTATOR_QUIT_AFTER_FIRST_PAINT"):
        # For checks of an installed bundle and start-up benchmarks: the window opens,
        # paints its article once, says so, and closes.
        spy = _FirstPaint(window.view.viewport(), app)
        window.view.viewport().installEventFilter(spy)
    code = app.exec()
    project.close()
    return code


class _FirstPaint(QObject):
    def __init__(self, viewport: QObject, app: QApplication) -> None:
        super().__init__(viewport)
        self._app = app

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            sys.stderr.write("annotator: first paint\n")
            QTimer.singleShot(0, self._app.quit)
        return False
