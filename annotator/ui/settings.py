"""Per-user window settings (QSettings): annotator name, language, layout, last document."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings

ORGANISATION = "annotator"
APPLICATION = "annotator"


class Settings:
    def __init__(self) -> None:
        self._s = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                            ORGANISATION, APPLICATION)

    def _str(self, key: str, default: str = "") -> str:
        value = self._s.value(key, default)
        return str(value) if value is not None else default

    @property
    def annotator(self) -> str:
        return self._str("annotator")

    @annotator.setter
    def annotator(self, name: str) -> None:
        self._s.setValue("annotator", name)

    @property
    def language(self) -> str:
        """'ar' or 'en'; by default the system locale's."""
        chosen = self._str("language")
        if chosen in ("ar", "en"):
            return chosen
        return "ar" if QLocale.system().language() == QLocale.Language.Arabic else "en"

    @language.setter
    def language(self, lang: str) -> None:
        self._s.setValue("language", lang)

    def blob(self, key: str) -> QByteArray | None:
        value = self._s.value(key)
        return value if isinstance(value, QByteArray) else None

    def set_blob(self, key: str, value: QByteArray) -> None:
        self._s.setValue(key, value)

    def last_document(self, db: Path) -> str:
        return self._str(f"last_document/{_key(db)}")

    def set_last_document(self, db: Path, doc_id: str) -> None:
        self._s.setValue(f"last_document/{_key(db)}", doc_id)

    @property
    def zoom(self) -> int:
        try:
            return int(self._str("zoom", "0"))
        except ValueError:
            return 0

    @zoom.setter
    def zoom(self, steps: int) -> None:
        self._s.setValue("zoom", steps)

    @property
    def word_snap(self) -> bool:
        """Whether drags and Shift+arrows take whole words (the default)."""
        return self._str("word_snap", "true") != "false"

    @word_snap.setter
    def word_snap(self, on: bool) -> None:
        self._s.setValue("word_snap", "true" if on else "false")

    @property
    def show_links(self) -> bool:
        """Whether links are drawn as arcs in the article (the default)."""
        return self._str("show_links", "true") != "false"

    @show_links.setter
    def show_links(self, on: bool) -> None:
        self._s.setValue("show_links", "true" if on else "false")

    def sync(self) -> None:
        self._s.sync()


def _key(db: Path) -> str:
    # QSettings keys treat / and \ as groups; keep one flat key per database file.
    return str(db.resolve()).replace("/", "|").replace("\\", "|")
