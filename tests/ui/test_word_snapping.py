"""Selections take whole words: a drag that starts or ends a letter off, or Shift+arrows,
extend to the word's edges; Alt keeps character precision, and so does the setting; one
key trims an attached prefix (ب و ف ل ك, or ال) from a span."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from annotator.text import snap_to_words, trim_prefix
from tests.ui.conftest import point_of, select_text

pytestmark = pytest.mark.qt


def drag(window, qtbot: QtBot, first: int, last: int,
         modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press inside character `first`, release inside character `last` (code points)."""
    viewport = window.view.viewport()
    a, b = point_of(window, first), point_of(window, last)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(viewport, b)
    qtbot.mouseMove(viewport, b + QPoint(-1, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, pos=b + QPoint(-1, 0))


def test_a_drag_that_starts_mid_word_takes_the_whole_words(open_window, qtbot: QtBot) -> None:
    window = open_window()
    text = window.doc.text
    phrase = "دعم الولايات"
    start = text.index("دعم الولايات")
    # From the middle of دعم to the middle of الولايات: a pixel-off drag.
    drag(window, qtbot, start + 1, start + len(phrase) - 3)
    qtbot.keyClick(window.view, Qt.Key.Key_2)
    (span,) = window.project.spans(window.doc.id)
    assert text[span.start:span.end].startswith("دعم الولايات")


def test_alt_keeps_character_precision(open_window, qtbot: QtBot) -> None:
    window = open_window()
    text = window.doc.text
    start = text.index("بلينكن")
    drag(window, qtbot, start + 1, start + 4, Qt.KeyboardModifier.AltModifier)
    rng = window.view.selected_range()
    assert rng is not None and text[rng[0]:rng[1]] != "بلينكن"


def test_the_setting_turns_snapping_off(open_window, qtbot: QtBot) -> None:
    window = open_window()
    window.actions["word_snap"].trigger()
    assert window.settings.word_snap is False and window.view.word_snap is False
    text = window.doc.text
    start = text.index("بلينكن")
    drag(window, qtbot, start + 1, start + 4)
    rng = window.view.selected_range()
    assert rng is not None and text[rng[0]:rng[1]] != "بلينكن"


def test_shift_arrows_extend_by_whole_words(open_window, qtbot: QtBot) -> None:
    window = open_window()
    text = window.doc.text
    start = text.index("أنتوني بلينكن")
    select_text(window, start + 2, start + 2)
    qtbot.keyClick(window.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    rng = window.view.selected_range()
    assert rng is not None and text[rng[0]:rng[1]] == "أنتوني"


def test_one_key_trims_an_attached_prefix(open_window, qtbot: QtBot) -> None:
    window = open_window()
    text = window.doc.text
    start = text.index("الولايات المتحدة")
    select_text(window, start, start + len("الولايات"))
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    qtbot.keyClick(window.view, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    span = window.project.span(window.selected)
    assert text[span.start:span.end] == "ولايات"


@pytest.mark.parametrize("word, after", [("بالولايات", "الولايات"), ("الولايات", "ولايات"),
                                         ("وقال", "قال"), ("من", None), ("ال", None)])
def test_trim_prefix_rules(word: str, after: str | None) -> None:
    text = f"نص {word} هنا"
    start = text.index(word)
    new = trim_prefix(text, start, start + len(word))
    assert (text[new:start + len(word)] if new is not None else None) == after


def test_snap_to_words_keeps_harakat_and_drops_punctuation() -> None:
    text = "قالَ الوزيرُ، بالولايات."
    start = text.index("زير")
    s, e = snap_to_words(text, start, text.index("بالو") + 2)
    assert text[s:e] == "الوزيرُ، بالولايات"
