"""The installed PySide6 survives many void calls (6.12.0 on Python 3.11 aborts: DESIGN.md)."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
from PySide6.QtCore import QPoint
p = QPoint()
for i in range(20_000):
    p.setX(i)
print("survived", p.x())
"""


def test_twenty_thousand_void_calls_do_not_abort() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "survived 19999" in result.stdout
