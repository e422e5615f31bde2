"""The core never imports Qt: every module outside annotator/ui imports with PySide6 blocked."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import annotator

PACKAGE = Path(annotator.__file__).parent

BLOCKER = """
import importlib, importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
            raise ImportError(f"the core imported {name}")
sys.meta_path.insert(0, Block())
for module in sys.argv[1:]:
    importlib.import_module(module)
print("imported", len(sys.argv) - 1)
"""


def core_modules() -> list[str]:
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        if rel.parts[1:2] == ("ui",):
            continue
        out.append(".".join(rel.parts).removesuffix(".__init__"))
    return out


def test_every_core_module_imports_without_qt() -> None:
    modules = core_modules()
    assert "annotator.project" in modules and "annotator.storage.database" in modules
    assert not any(m.startswith("annotator.ui") for m in modules)
    result = subprocess.run([sys.executable, "-c", BLOCKER, *modules],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert f"imported {len(modules)}" in result.stdout


def test_the_blocker_really_blocks() -> None:
    result = subprocess.run([sys.executable, "-c", BLOCKER, "PySide6.QtCore"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "the core imported PySide6" in result.stderr


def test_sql_stays_in_storage() -> None:
    def runs_sql(path: Path) -> bool:
        source = path.read_text(encoding="utf-8")
        return ".execute(" in source or "executemany(" in source

    offenders = [str(p) for p in PACKAGE.rglob("*.py")
                 if "storage" not in p.parts and runs_sql(p)]
    assert offenders == []


def test_the_facade_and_what_is_below_it_never_import_the_formats() -> None:
    # io/ reads and writes files through the facade; the facade, merge, validation and
    # storage must not depend on any file format.
    below = [p for p in PACKAGE.rglob("*.py")
             if p.parent.name in ("storage", "review") or p.name in (
                 "project.py", "bulk_import.py", "validate.py", "records.py", "model.py",
                 "revisions.py", "scheme.py", "scheme_edit.py", "text.py")]
    offenders = [str(p) for p in below if "annotator.io" in p.read_text(encoding="utf-8")]
    assert len(below) > 10 and offenders == []
