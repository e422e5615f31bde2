"""Choosing a value from the keyboard: after a label key, the label's first attribute offers
its values on the digit keys (Esc skips); the same for any attribute (F2) and for the
document fields (Alt+1, Alt+2…). While a prompt is open the label keys pause, so that a
digit picks a value and never makes a second span."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

MAX_CHOICES = 9


class ChoicePrompt(QObject):
    def __init__(self, window: QWidget, paused: Callable[[], list[QAction]],
                 show: Callable[[str], None]) -> None:
        super().__init__(window)
        self._paused_actions = paused
        self._show = show
        self._choices: list[str] = []
        self._on_choice: Callable[[str], None] | None = None
        self._paused: list[QAction] = []
        self.digits = []
        for n in range(MAX_CHOICES):
            action = QAction(window)
            action.setObjectName(f"choose_{n + 1}")
            action.setShortcut(QKeySequence(str(n + 1)))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setEnabled(False)
            action.triggered.connect(lambda _c=False, n=n: self._choose(n))
            window.addAction(action)
            self.digits.append(action)
        self.skip = QAction(window)
        self.skip.setObjectName("choose_skip")
        self.skip.setShortcut(QKeySequence("Esc"))
        self.skip.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.skip.setEnabled(False)
        self.skip.triggered.connect(lambda: self.close(self.tr("Skipped")))
        window.addAction(self.skip)

    @property
    def active(self) -> bool:
        return self._on_choice is not None

    def offer(self, title: str, choices: list[tuple[str, str]],
              on_choice: Callable[[str], None]) -> None:
        """Show `title` with numbered choices (id, name); a digit calls `on_choice(id)`."""
        self.close()
        if not choices:
            return
        choices = choices[:MAX_CHOICES]
        self._choices = [cid for cid, _ in choices]
        self._on_choice = on_choice
        self._paused = [a for a in self._paused_actions() if a.isEnabled()]
        for action in self._paused:
            action.setEnabled(False)
        for n, action in enumerate(self.digits):
            action.setEnabled(n < len(choices))
        self.skip.setEnabled(True)
        listed = " · ".join(f"{n + 1} {name}" for n, (_, name) in enumerate(choices))
        self._show(self.tr("{0}: {1} · Esc skips").format(title, listed))

    def _choose(self, n: int) -> None:
        callback, choice = self._on_choice, self._choices[n]
        self.close()
        if callback is not None:
            callback(choice)

    def close(self, message: str | None = None) -> None:
        if not self.active:
            return
        self._on_choice = None
        for action in self.digits:
            action.setEnabled(False)
        self.skip.setEnabled(False)
        for action in self._paused:
            action.setEnabled(True)
        self._paused = []
        self._show(message or "")
