"""An Arabic paragraph that opens with a flag or a Latin acronym stays right to left."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from tests.ui.conftest import point_of

pytestmark = pytest.mark.qt


@pytest.mark.parametrize("opening", ["🇸🇾 ", "UN: ", "2024 "])
def test_arabic_paragraph_after_a_flag_or_latin_is_right_aligned(open_window, qtbot: QtBot,
                                                                  opening: str) -> None:
    window = open_window()
    text = opening + "وقال أنتوني بلينكن إن الهدنة صامدة\nEnglish paragraph stays left"
    doc = window.project.add_document(text, title="t").created
    window.document_panel.refresh()
    window.documents.choose(doc)
    first = window.view.document().begin()
    assert first.textDirection() == Qt.LayoutDirection.RightToLeft
    assert first.next().textDirection() == Qt.LayoutDirection.LeftToRight
    width = window.view.viewport().width()
    arabic = point_of(window, text.index("وقال"))
    assert arabic.x() > width * 0.6  # the paragraph begins at the right edge
    english = point_of(window, text.index("English"))
    assert english.x() < width * 0.4
