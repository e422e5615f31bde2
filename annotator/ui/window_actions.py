"""Every command of the window as a QAction with its shortcut, grouped by menu.

Built as data so that the Help dialog lists exactly what exists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from annotator.scheme import Scheme


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


@dataclass(frozen=True)
class ActionSpec:
    key: str  # a stable name, used by tests and the Help dialog
    text: str
    shortcut: str | QKeySequence.StandardKey | None
    menu: str  # File, Edit, Label, Link, Document, View, Settings, Help


def fixed_actions() -> list[ActionSpec]:
    return [
        ActionSpec("undo", tr("Undo"), "Ctrl+Z", "Edit"),
        ActionSpec("redo", tr("Redo"), "Ctrl+Shift+Z", "Edit"),
        ActionSpec("delete_span", tr("Delete span"), "Del", "Edit"),
        ActionSpec("start_earlier", tr("Move start one character left"), "Alt+Left", "Edit"),
        ActionSpec("start_later", tr("Move start one character right"), "Alt+Right", "Edit"),
        ActionSpec("end_earlier", tr("Move end one character left"), "Alt+Shift+Left", "Edit"),
        ActionSpec("end_later", tr("Move end one character right"), "Alt+Shift+Right", "Edit"),
        ActionSpec("pick_next", tr("Next candidate span (while linking)"), "Tab", "Link"),
        ActionSpec("pick_previous", tr("Previous candidate span (while linking)"), "Shift+Tab",
                   "Link"),
        ActionSpec("pick_confirm", tr("Link to the candidate span"), "Return", "Link"),
        ActionSpec("pick_cancel", tr("Cancel linking"), "Esc", "Link"),
        ActionSpec("next_document", tr("Next document"), "Ctrl+PgDown", "Document"),
        ActionSpec("previous_document", tr("Previous document"), "Ctrl+PgUp", "Document"),
        ActionSpec("mark_done", tr("Mark document done"), "Ctrl+D", "Document"),
        ActionSpec("done_and_next", tr("Mark done and open the next"), "Ctrl+Return", "Document"),
        ActionSpec("zoom_in", tr("Zoom in"), "Ctrl+=", "View"),
        ActionSpec("zoom_out", tr("Zoom out"), "Ctrl+-", "View"),
        ActionSpec("annotator_name", tr("Annotator name…"), None, "Settings"),
        ActionSpec("language_ar", "العربية", None, "Settings"),
        ActionSpec("language_en", "English", None, "Settings"),
        ActionSpec("shortcuts", tr("Keyboard shortcuts"), "F1", "Help"),
        ActionSpec("quit", tr("Quit"), "Ctrl+Q", "File"),
    ]


def scheme_actions(scheme: Scheme, lang: str) -> list[ActionSpec]:
    specs = [ActionSpec(f"label:{x.id}", x.name(lang), x.key, "Label")
             for x in scheme.span_labels]
    specs += [ActionSpec(f"link:{x.id}", x.name(lang) + "…", x.key, "Link")
              for x in scheme.relations]
    return specs


def build_actions(parent: QWidget, specs: list[ActionSpec],
                  handlers: dict[str, Callable[[], None]]) -> dict[str, QAction]:
    actions: dict[str, QAction] = {}
    for spec in specs:
        action = QAction(spec.text, parent)
        action.setObjectName(spec.key)
        if spec.shortcut:
            action.setShortcut(QKeySequence(spec.shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setData(spec.menu)
        handler = handlers[spec.key]
        action.triggered.connect(lambda _checked=False, run=handler: run())
        parent.addAction(action)
        actions[spec.key] = action
    return actions
