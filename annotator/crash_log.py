"""Unexpected errors (bugs) are written, with their traceback, to a log file in the user's
data folder; the user sees one sentence and the log's path, never a traceback."""

from __future__ import annotations

import traceback
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from annotator import __version__
from annotator.paths import user_data_dir

LOG_LIMIT = 1_000_000  # bytes; an older log is moved aside, one generation kept


def log_path() -> Path:
    return user_data_dir() / "annotator.log"


def record(exc_type: type[BaseException], exc: BaseException,
           tb: TracebackType | None, where: str) -> tuple[Path | None, str]:
    """Append the error to the log; returns the log's path (None if it could not be
    written) and the traceback text."""
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size > LOG_LIMIT:
            path.replace(path.with_suffix(".log.1"))
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {datetime.now(UTC).isoformat(timespec='seconds')} annotator "
                     f"{__version__} ({where})\n{details}\n")
    except OSError:
        return None, details
    return path, details


def summary(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}"[:300] if text else type(exc).__name__
