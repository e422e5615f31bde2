"""Notices what other processes commit to the open database (a script's import, a second
window) by polling SQLite's PRAGMA data_version, which changes only for their commits."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.project import Project

POLL_MS = 500


class FileWatcher(QObject):
    changed_elsewhere = Signal()

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self._version = project.database.data_version()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(POLL_MS)

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> bool:
        """Emit `changed_elsewhere` if another connection committed since the last check."""
        try:
            version = self.project.database.data_version()
        except Exception:  # the file is gone or the project closed: nothing to follow
            self._timer.stop()
            return False
        if version == self._version:
            return False
        self._version = version
        self.changed_elsewhere.emit()
        return True
