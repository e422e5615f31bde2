"""Reading text files whose encoding nobody wrote down: UTF-8 (BOM or not), UTF-16 with a
BOM, and the legacy Arabic code pages Windows-1256 and ISO-8859-6."""

from __future__ import annotations

import codecs
import io
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from annotator.errors import InputError

SAMPLE_BYTES = 256 * 1024
LINE_LIMIT = 64 * 2**20  # characters: no line of news (or of JSON lines) is longer
TEXT_FILE_LIMIT = 64 * 2**20  # bytes: one article file
ARABIC_CODEPAGES = ("cp1256", "iso8859-6")


def _arabic_ratio(text: str) -> float:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum("\u0600" <= ch <= "\u06ff" for ch in letters) / len(letters)


def detect_encoding(sample: bytes, where: str) -> str:
    """Strict UTF-8 first; then the Arabic code page whose decoding reads most Arabic."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in sample:
        raise InputError(f"{where}: looks like a binary file (it contains NUL bytes)")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    best, best_ratio = None, 0.0
    for name in ARABIC_CODEPAGES:
        try:
            ratio = _arabic_ratio(sample.decode(name))
        except UnicodeDecodeError:
            continue
        if ratio > best_ratio:
            best, best_ratio = name, ratio
    if best is None or best_ratio < 0.3:
        raise InputError(f"{where}: the text is neither UTF-8 nor legacy Arabic "
                         "(Windows-1256, ISO-8859-6); pass --encoding NAME")
    return best


@contextmanager
def open_text(path: Path, encoding: str = "auto") -> Iterator[TextIO]:
    """A text stream over the file, decoded strictly; newlines are left as they are."""
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    with raw:
        try:
            sample = raw.read(SAMPLE_BYTES)
            raw.seek(0)
        except OSError as exc:
            raise InputError(f"{path}: cannot be read: {exc.strerror or exc}") from None
        if not sample.strip():
            raise InputError(f"{path}: the file is empty")
        if encoding == "auto":
            encoding = detect_encoding(sample, str(path))
        else:
            try:
                codecs.lookup(encoding)
            except LookupError:
                raise InputError(f"{path}: unknown encoding {encoding!r}") from None
        size = path.stat().st_size
        stream = io.TextIOWrapper(raw, encoding=encoding, errors="strict", newline="")
        try:
            yield stream
            if not stream.read(1) and raw.tell() != size:
                raise _changed(path, raw.tell(), size)
        except UnicodeDecodeError:
            if os.fstat(raw.fileno()).st_size != size:
                raise _changed(path, raw.tell(), size) from None
            offset, line = _first_bad_byte(path, encoding)
            raise InputError(f"{path}:{line}: is not valid {encoding} at byte {offset:,} "
                             "(counting from 0); pass --encoding NAME if the file has "
                             "another encoding") from None
        except UnicodeError as exc:  # utf-16 without its byte order mark, and the like
            raise InputError(f"{path}: cannot be read as {encoding} ({exc}); try "
                             "--encoding auto") from None
        except OSError as exc:
            raise InputError(f"{path}: stopped being readable: {exc.strerror or exc}") from None
        finally:
            stream.detach()


def _first_bad_byte(path: Path, encoding: str) -> tuple[int, int]:
    """The true byte offset of the first undecodable byte, and its line (1-based)."""
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    offset, line = 0, 1
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                # The decoder may hold back a few bytes of an unfinished character from
                # the chunk before: its error positions count in buffered + chunk.
                held = len(exc.object) - len(chunk)
                at = offset + exc.start - held
                with path.open("rb") as again:
                    line += again.read(at).count(b"\n")
                return at, line
            offset += len(chunk)
    return offset, line


def _changed(path: Path, read: int, size: int) -> InputError:
    # Read to the end, yet not as many bytes as the file had: it was cut short (or
    # rewritten) while we read, and what we got is not the whole file.
    return InputError(f"{path}: changed while it was being read ({read} of {size} bytes)")


def read_text(path: Path, encoding: str = "auto") -> str:
    """A whole (article) file; a runaway file is refused before it fills the memory."""
    if path.is_file() and path.stat().st_size > TEXT_FILE_LIMIT:
        raise InputError(f"{path}: is {path.stat().st_size / 2**20:,.0f} MiB, too large for "
                         f"one article (the limit is {TEXT_FILE_LIMIT // 2**20} MiB)")
    with open_text(path, encoding) as stream:
        text = stream.read(TEXT_FILE_LIMIT + 1)
        if len(text) > TEXT_FILE_LIMIT:
            raise InputError(f"{path}: is too large for one article (the limit is "
                             f"{TEXT_FILE_LIMIT // 2**20} MiB)")
        return text


def bounded_lines(stream: TextIO, path: Path) -> Iterator[str]:
    """The lines of a stream, each read with a bound: a file with no line ends (or a
    device that never ends) is refused instead of filling the memory."""
    n = 0
    while line := stream.readline(LINE_LIMIT + 1):
        n += 1
        if len(line) > LINE_LIMIT:
            raise InputError(f"{path}:{n}: the line is longer than {LINE_LIMIT // 2**20} MiB "
                             "characters; is this the right file?")
        yield line
