"""Fixtures for driving the real window: isolated settings, a window on a fresh database."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from annotator.project import Project
from annotator.seeds import open_project
from annotator.text import to_utf16
from annotator.ui.app import Workbench, install_language, load_fonts
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture(autouse=True)
def _english(qapp) -> None:
    """Each test starts in English, whatever language the one before it chose."""
    install_language(qapp, "en")


@pytest.fixture
def settings() -> Settings:
    s = Settings()
    s.annotator = "amal"
    s.language = "en"
    return s


@pytest.fixture
def open_window(qtbot: QtBot, qapp, settings: Settings, tmp_path: Path
                ) -> Iterator[Callable[..., MainWindow]]:
    load_fonts()
    opened: list[tuple[Workbench, Project]] = []

    def _open(path: Path | None = None, lang: str = "en") -> MainWindow:
        project = open_project(path or tmp_path / "work.db", settings.annotator,
                               with_seeds=True)
        bench = Workbench(qapp, project, settings)
        window = bench.show(lang)
        # Not qtbot.addWidget: a window rebuilt (a new language, a grown scheme) is deleted
        # by the Workbench, and the fixture closes the current one itself.
        qtbot.waitExposed(window)
        with qtbot.waitActive(window):
            window.activateWindow()
        opened.append((bench, project))
        return window

    yield _open
    for bench, project in opened:
        if bench.window is not None:
            bench.window.close()
        project.close()
    qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def select_text(window: MainWindow, start: int, end: int) -> None:
    """Select code point range [start, end) through the widget's own cursor."""
    text = window.doc.text  # type: ignore[union-attr]
    cursor = window.view.textCursor()
    cursor.setPosition(to_utf16(text, start))
    cursor.setPosition(to_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)


def point_of(window: MainWindow, cp: int) -> QPoint:
    """The viewport point just inside the character at code point cp (RTL aware)."""
    view = window.view
    text = window.doc.text  # type: ignore[union-attr]
    cursor = QTextCursor(view.document())
    cursor.setPosition(to_utf16(text, cp))
    here = view.cursorRect(cursor)
    cursor.setPosition(to_utf16(text, cp + 1))
    after = view.cursorRect(cursor)
    return QPoint((here.center().x() + after.center().x()) // 2, here.center().y())
