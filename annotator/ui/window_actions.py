"""Every command of the window as a QAction with its shortcut, grouped by menu.

Built as data so that the Help dialog lists exactly what exists.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QMainWindow, QToolBar, QWidget

from annotator.scheme import Scheme

CONTEXT = "MainWindow"


@dataclass(frozen=True)
class ActionSpec:
    key: str  # a stable name, used by tests and the Help dialog
    text: str
    shortcut: str | QKeySequence.StandardKey | None
    menu: str  # File, Edit, Label, Link, Document, View, Settings, Help


def _spec(key: str, text: str, shortcut: str | None, menu: str) -> ActionSpec:
    return ActionSpec(key, QCoreApplication.translate(CONTEXT, text), shortcut, menu)


# Source texts for lupdate; translated when the window is built.
FIXED = [
    ("undo", QT_TRANSLATE_NOOP(CONTEXT, "Undo"), "Ctrl+Z", "Edit"),
    ("redo", QT_TRANSLATE_NOOP(CONTEXT, "Redo"), "Ctrl+Shift+Z", "Edit"),
    ("delete_span", QT_TRANSLATE_NOOP(CONTEXT, "Delete span"), "Del", "Edit"),
    ("start_earlier", QT_TRANSLATE_NOOP(CONTEXT, "Move start one character left"),
     "Alt+Left", "Edit"),
    ("start_later", QT_TRANSLATE_NOOP(CONTEXT, "Move start one character right"),
     "Alt+Right", "Edit"),
    ("end_earlier", QT_TRANSLATE_NOOP(CONTEXT, "Move end one character left"),
     "Alt+Shift+Left", "Edit"),
    ("end_later", QT_TRANSLATE_NOOP(CONTEXT, "Move end one character right"),
     "Alt+Shift+Right", "Edit"),
    ("pick_next", QT_TRANSLATE_NOOP(CONTEXT, "Next candidate span (while linking)"),
     "Tab", "Link"),
    ("pick_previous", QT_TRANSLATE_NOOP(CONTEXT, "Previous candidate span (while linking)"),
     "Shift+Tab", "Link"),
    ("pick_confirm", QT_TRANSLATE_NOOP(CONTEXT, "Link to the candidate span"), "Return",
     "Link"),
    ("pick_cancel", QT_TRANSLATE_NOOP(CONTEXT, "Cancel linking"), "Esc", "Link"),
    ("link_proposed", QT_TRANSLATE_NOOP(CONTEXT, "Link to the nearest possible span"),
     "Ctrl+L", "Link"),
    ("edit_attributes", QT_TRANSLATE_NOOP(CONTEXT, "Set the span's attributes (digits)"),
     "F2", "Edit"),
    ("next_not_done", QT_TRANSLATE_NOOP(CONTEXT, "Next document not done"),
     "Ctrl+Shift+PgDown", "Document"),
    ("next_document", QT_TRANSLATE_NOOP(CONTEXT, "Next document"), "Ctrl+PgDown",
     "Document"),
    ("previous_document", QT_TRANSLATE_NOOP(CONTEXT, "Previous document"), "Ctrl+PgUp",
     "Document"),
    ("mark_done", QT_TRANSLATE_NOOP(CONTEXT, "Mark document done"), "Ctrl+D", "Document"),
    ("done_and_next", QT_TRANSLATE_NOOP(CONTEXT, "Mark done and open the next"),
     "Ctrl+Return", "Document"),
    ("show_links", QT_TRANSLATE_NOOP(CONTEXT, "Show links in the article"), "Ctrl+Shift+L",
     "View"),
    ("find", QT_TRANSLATE_NOOP(CONTEXT, "Find in the article…"), "Ctrl+F", "Edit"),
    ("search", QT_TRANSLATE_NOOP(CONTEXT, "Search every article…"), "Ctrl+Shift+F", "Edit"),
    ("search_spans", QT_TRANSLATE_NOOP(CONTEXT, "Search the annotations…"), "Ctrl+Shift+A",
     "Edit"),
    ("zoom_in", QT_TRANSLATE_NOOP(CONTEXT, "Zoom in"), "Ctrl+=", "View"),
    ("zoom_out", QT_TRANSLATE_NOOP(CONTEXT, "Zoom out"), "Ctrl+-", "View"),
    ("annotator_name", QT_TRANSLATE_NOOP(CONTEXT, "Annotator name…"), None, "Settings"),
    ("word_snap", QT_TRANSLATE_NOOP(CONTEXT, "Selections take whole words"), None, "Settings"),
    ("trim_prefix", QT_TRANSLATE_NOOP(CONTEXT, "Trim a prefix (ال, ب, و, ف, ل, ك) from the span"),
     "Alt+T", "Edit"),
    ("shortcuts", QT_TRANSLATE_NOOP(CONTEXT, "Keyboard shortcuts"), "F1", "Help"),
    ("about", QT_TRANSLATE_NOOP(CONTEXT, "About annotator"), None, "Help"),
    ("import", QT_TRANSLATE_NOOP(CONTEXT, "Import…"), "Ctrl+I", "File"),
    ("merge", QT_TRANSLATE_NOOP(CONTEXT, "Merge a colleague's work…"), "Ctrl+Shift+M", "File"),
    ("export", QT_TRANSLATE_NOOP(CONTEXT, "Export…"), "Ctrl+E", "File"),
    ("quit", QT_TRANSLATE_NOOP(CONTEXT, "Quit"), "Ctrl+Q", "File"),
]


def fixed_actions() -> list[ActionSpec]:
    specs = [_spec(*row) for row in FIXED]
    # Language names are written in their own language, never translated.
    specs += [ActionSpec("language_ar", "العربية", None, "Settings"),
              ActionSpec("language_en", "English", None, "Settings")]
    return specs


def scheme_actions(scheme: Scheme, lang: str) -> list[ActionSpec]:
    specs = [ActionSpec(f"label:{x.id}", x.name(lang), x.key, "Label")
             for x in scheme.span_labels]
    specs += [ActionSpec(f"link:{x.id}", x.name(lang) + "…", x.key, "Link")
              for x in scheme.relations]
    # Document fields: Alt+1, Alt+2… then a digit for the value.
    specs += [ActionSpec(f"field:{x.id}", x.name(lang) + "…", f"Alt+{n + 1}", "Document")
              for n, x in enumerate(scheme.doc_fields[:9])]
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


def color_icon(color: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def build_palette(window: QMainWindow, specs: list[ActionSpec], actions: dict[str, QAction],
                  scheme: Scheme) -> QToolBar:
    """The toolbar of label and link keys, each with its colour and its key."""
    palette = QToolBar(QCoreApplication.translate(CONTEXT, "Labels"))
    palette.setObjectName("palette")
    for prefix in ("label:", "link:"):
        for spec in specs:
            if spec.key.startswith(prefix):
                palette.addAction(actions[spec.key])
        palette.addSeparator()
    for spec in specs:
        label = scheme.label(spec.key[6:]) if spec.key.startswith("label:") else None
        if label is not None:
            actions[spec.key].setIcon(color_icon(label.color))
    palette.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    for action in palette.actions():
        if not action.isSeparator():
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setIconText(f"{action.text()}  {key}")
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, palette)
    return palette
