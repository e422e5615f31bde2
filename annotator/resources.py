"""Where the shipped data lives: label schemes and seed articles, in a wheel or a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    # A wheel carries them inside the package (see pyproject's force-include); a source
    # checkout (and an editable install) has them at the top of the repository.
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"the installation is missing its {name}/ folder")


def default_scheme_path() -> Path:
    return data_dir("resources") / "schemes" / "media_monitoring.toml"


def seed_paths() -> list[Path]:
    return sorted(data_dir("seeds").glob("*.txt"))
