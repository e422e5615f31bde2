"""Plain text in: one article per file, a scraped article's title, source and related-links
tail recognised (see scraped.py); a folder imports every .txt file in it."""

from __future__ import annotations

from pathlib import Path

from annotator.errors import InputError
from annotator.io.encoding import read_text
from annotator.io.scraped import parse_scraped
from annotator.records import DocumentRecord
from annotator.text import clean_text


def txt_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*.txt") if p.is_file())
        if not files:
            raise InputError(f"{path}: the folder has no .txt files to import")
        return files
    return [path]


def read_txt(path: Path, encoding: str = "auto",
             source_from_folder: bool = False) -> DocumentRecord:
    """One article; with `source_from_folder`, an article that names no outlet takes the
    name of its folder as its source (archives sorted by outlet: aljazeera/, bbc/…)."""
    raw = read_text(path, encoding)
    article = parse_scraped(clean_text(raw, where=str(path)).text)
    meta: dict[str, object] = {**article.meta, "file": path.name}
    source = article.source or (path.parent.name if source_from_folder else "")
    return DocumentRecord(text=article.body, where=str(path),
                          title=article.title or path.stem, source=source, meta=meta)
