"""First run: a new database starts with the seed articles, so there is something to label."""

from __future__ import annotations

from pathlib import Path

from annotator.io.scraped import parse_scraped
from annotator.paths import default_database_path
from annotator.project import Project
from annotator.resources import seed_paths
from annotator.text import clean_text


def load_seeds(project: Project) -> int:
    """Add every seed article (skipping ones already there); returns how many were added."""
    added = 0
    for path in seed_paths():
        cleaned = clean_text(path.read_text(encoding="utf-8"), where=str(path))
        article = parse_scraped(cleaned.text)
        changes = project.add_document(
            article.body, title=article.title, source=article.source, language="ar",
            meta={**article.meta, "file": path.name}, where=str(path))
        added += not changes.empty
    return added


def open_project(path: Path | None = None, annotator: str | None = None, *,
                 with_seeds: bool | None = None) -> Project:
    """Open `path` (default: the per-user database). A newly created per-user database gets
    the seed articles, so that a new user has something to label; a file named explicitly
    starts empty (it is usually a team's dataset) unless `with_seeds` says otherwise."""
    default = default_database_path()
    path = path or default
    if path == default:
        path.parent.mkdir(parents=True, exist_ok=True)
    is_new = not path.exists() or path.stat().st_size == 0
    project = Project.open(path, annotator)
    if is_new and (with_seeds if with_seeds is not None else path == default):
        load_seeds(project)
        project.clear_history()
    return project
