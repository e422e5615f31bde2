"""Stress: many SIGKILL trials (the test suite runs 20). Usage: python bench/crash_stress.py [N]"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.helpers import crash


def main() -> None:
    trials = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    rng = random.Random(2026)
    completed = []
    for n in range(trials):
        with tempfile.TemporaryDirectory() as tmp:
            completed.append(crash.one_trial(Path(tmp) / "crash.db", rng))
        if (n + 1) % 20 == 0:
            print(f"{n + 1} trials ok", flush=True)
    print(f"{trials} trials, every returned action present, integrity ok; actions completed "
          f"before the kill: min {min(completed)}, median {sorted(completed)[trials // 2]}, "
          f"max {max(completed)}")


if __name__ == "__main__":
    main()
