"""The errors the core raises for bad input, each with a message fit to show a user."""

from __future__ import annotations


class AnnotatorError(Exception):
    """Base of every error that is the user's input or environment, not a bug."""


class TextError(AnnotatorError):
    """Text that cannot be stored (NUL, lone surrogates, empty)."""


class SchemeError(AnnotatorError):
    """A label scheme file that is malformed or inconsistent."""


class ValidationError(AnnotatorError):
    """A mutation the scheme or the document does not allow (bad offsets, unknown label...)."""


class NotFoundError(AnnotatorError):
    """A document, span or relation id that does not exist (or was deleted)."""


class StorageError(AnnotatorError):
    """A known storage failure (disk full, file locked or read-only, not our file...)."""


class LockedError(StorageError):
    """Another process holds the write lock (a long import or merge): try again later."""


class DatabaseOpenError(StorageError):
    """The file cannot be opened as an annotator database; it was left untouched."""


class InputError(AnnotatorError):
    """A file to import that is broken, empty, binary or inconsistent; nothing was stored."""


class CancelledError(AnnotatorError):
    """The user cancelled a long task; what it had started was rolled back."""


class ConcurrentEditError(AnnotatorError):
    """Another writer changed or deleted the record after this window last saw it; the
    action was refused so that their edit is not overwritten."""
