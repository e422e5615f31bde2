"""The bundle against the virtual environment: size, and start to the first painted window,
in one run, alternating.

    bash packaging/build.sh && .venv/bin/python bench/bundle_bench.py

Both open the same database (the seed article) with QT_QPA_PLATFORM=offscreen and
ANNOTATOR_QUIT_AFTER_FIRST_PAINT=1: the app opens its window, paints the article once and
quits, so the wall time of the process is start to first paint (and shutdown).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "dist" / "annotator" / ("annotator.exe" if sys.platform == "win32"
                                        else "annotator")
VENV = Path(sys.executable).parent / "annotator"


def size_mib(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    # Symbolic links (a library under two names) take no room: counted once, like du.
    return sum(p.stat().st_size for p in path.rglob("*")
               if p.is_file() and not p.is_symlink()) / 2**20


def main() -> None:
    if not BUNDLE.is_file():
        sys.exit("no bundle: run `bash packaging/build.sh` first")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        (home / ".config" / "annotator").mkdir(parents=True)
        (home / ".config" / "annotator" / "annotator.ini").write_text(
            "[General]\nannotator=bench\nlanguage=en\n", encoding="utf-8")
        db = home / "work.db"
        subprocess.run([str(VENV), "import", str(ROOT / "seeds"), "--db", str(db)],
                       check=True, capture_output=True)
        env = {"HOME": str(home), "PATH": os.defpath, "LANG": "C.UTF-8",
               "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(home / ".config"),
               "ANNOTATOR_QUIT_AFTER_FIRST_PAINT": "1"}
        times: dict[str, list[float]] = {"bundle": [], "venv": []}
        for _ in range(7):
            for name, exe in (("bundle", BUNDLE), ("venv", VENV)):
                t0 = time.perf_counter()
                out = subprocess.run([str(exe), "--db", str(db)], env=env, capture_output=True,
                                     text=True, timeout=120)
                times[name].append(time.perf_counter() - t0)
                assert "first paint" in out.stderr, out.stderr
    archives = sorted((ROOT / "dist").glob("annotator-*.*"))
    b, v = statistics.median(times["bundle"]), statistics.median(times["venv"])
    print(f"bundle folder {size_mib(ROOT / 'dist' / 'annotator'):.0f} MiB; "
          + "; ".join(f"{a.name} {size_mib(a):.0f} MiB" for a in archives)
          + " (target: compressed under 120 MB)")
    print(f"start to first paint: bundle {b:.2f} s ({min(times['bundle']):.2f}-"
          f"{max(times['bundle']):.2f}), virtual environment {v:.2f} s "
          f"({min(times['venv']):.2f}-{max(times['venv']):.2f}): {b / v:.2f}x "
          "(target <= 1.2x)")


if __name__ == "__main__":
    main()
