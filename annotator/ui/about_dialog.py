"""Help > About: the app's name, version and icon, and the licences of what it carries."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from annotator import __version__
from annotator.resources import data_dir

# What the app and its bundle carry, and under which licence.
LICENCES = (
    ("annotator", "GPL-3.0-or-later", "this application"),
    ("Noto Naskh Arabic", "SIL Open Font License 1.1", "the Arabic font"),
    ("Qt 6 and PySide6", "LGPL-3.0", "the window toolkit"),
    ("Python", "PSF License", "the language the app runs on"),
    ("SQLite", "public domain", "the database file"),
    ("pyarabic", "GPL-3.0", "Arabic text handling"),
    ("sqlite-utils", "Apache-2.0", "schema migrations"),
    ("regex", "Apache-2.0", "grapheme clusters"),
    ("click", "BSD-3-Clause", "the command line"),
)


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (64, 256):
        icon.addFile(str(data_dir("resources") / "icons" / f"annotator-{size}.png"))
    return icon


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(self.tr("About annotator"))
        logo = QLabel()
        logo.setPixmap(QPixmap(str(data_dir("resources") / "icons" / "annotator-64.png")))
        title = QLabel(f"<h2>annotator {__version__}</h2>")
        title.setObjectName("about_title")
        blurb = QLabel(self.tr("Label stance, actors and claims in Arabic news. Your work "
                               "stays in one file on this computer."))
        blurb.setWordWrap(True)
        self.licences = QTextBrowser()
        self.licences.setObjectName("licences")
        rows = "".join(f"<tr><td><b>{name}</b></td><td>{licence}</td><td>{what}</td></tr>"
                       for name, licence, what in LICENCES)
        self.licences.setHtml(f"<table cellpadding='3'>{rows}</table>")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (logo, title, blurb, self.licences, buttons):
            layout.addWidget(widget)
        logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.resize(460, 420)
