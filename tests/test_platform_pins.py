"""The Qt binding in use does not corrupt Python's reference counts (PySide6 6.12.0 did: see pyproject.toml)."""

import subprocess
import sys

SCRIPT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication([])
widget = QWidget()
before = sys.getrefcount(None), sys.getrefcount(True)
for _ in range(300_000):
    widget.setObjectName("x")   # returns nothing
    widget.isVisible()          # returns a bool
after = sys.getrefcount(None), sys.getrefcount(True)
print(after[0] - before[0], after[1] - before[1])
"""


def test_calling_qt_methods_many_times_keeps_reference_counts():
    # A long working day calls Qt methods millions of times; a leaked decref per call aborts the program.
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    none_drift, bool_drift = (int(x) for x in result.stdout.split())
    assert abs(none_drift) < 1000 and abs(bool_drift) < 1000
