"""Benchmark in the real window, load from SQLite included: start-up with no participants and with N, opening the
participant list, and each keystroke in its search box, each printed beside its baseline in the same run.

Baselines: a bare PySide6 window with the same number of pages (start-up; as ../checks' perf-startup does) and a raw
sqlite3 read of the same rows (the list). Goals (issue 12): start-up ≤ 2.0 × the bare window and the same with N
participants as with none; the list open ≤ 300 ms; every keystroke ≤ 150 ms from the first.
Usage: python bench/bench_window.py [N]        (N = 100000 by default; the database is built once in a temp folder)
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A first start: no remembered page or geometry from the user's own settings.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="sxtdbv-bench-settings-")
ROOT = Path(__file__).resolve().parent.parent
BARE = """
import sys
from PySide6.QtWidgets import QApplication, QListWidget, QMainWindow, QSplitter, QStackedWidget, QTableView
from PySide6.QtGui import QStandardItemModel, QStandardItem
app = QApplication(sys.argv); win = QMainWindow(); split = QSplitter(); side, stack = QListWidget(), QStackedWidget()
for i in range(8):
    side.addItem(f"Trang {i}"); model = QStandardItemModel(20, 6)
    for r in range(20):
        for c in range(6):
            model.setItem(r, c, QStandardItem(f"Đồng Nai {r}.{c}"))
    view = QTableView(); view.setModel(model); stack.addWidget(view)
split.addWidget(side); split.addWidget(stack); win.setCentralWidget(split); win.resize(1200, 800); win.show()
app.processEvents()
print("up", flush=True)
"""
OPEN_ONLY = """
import sys, time
t0 = time.perf_counter()
from desktop.app import create_application
from desktop.services.opening import open_for_window
from desktop.ui.main_window import MainWindow
app = create_application()
opened = open_for_window(sys.argv[1])  # as the program opens it (a big file is read through after the window is up)
window = MainWindow(opened.store, lock=opened.lock); window.show(); app.processEvents()
print("up", flush=True)
"""


def build_database(folder: Path, participants: int) -> Path:
    """A database with the sample year and `participants` participants in its course."""
    from desktop.services import records
    from desktop.services.sample_data import fill_sample_data
    from desktop.services.setup import init_database

    path = folder / f"bench-{participants}.db"
    store = init_database(path)
    fill_sample_data(store, records.current_plan(store)["id"], participants=participants)
    store.close()
    return path


def timed(cmd: list[str]) -> float:
    """Wall time from launching a child process until its window is up and painted (it prints "up"), Python and Qt
    loading included, as a user sees it; work the window goes on with in the background is not waited for."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - start
    child.kill()
    child.wait()
    if line.strip() != "up":
        raise RuntimeError(f"{cmd[:3]} did not open its window")
    return elapsed


def start_up(db: Path, runs: int = 5) -> tuple[float, float]:
    """Median wall time of opening the window on `db`, and of the bare window, interleaved."""
    app_cmd = [sys.executable, "-c", OPEN_ONLY, str(db)]
    bare_cmd = [sys.executable, "-c", BARE]
    timed(app_cmd)
    timed(bare_cmd)
    pairs = [(timed(app_cmd), timed(bare_cmd)) for _ in range(runs)]
    return statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


def in_window(db: Path) -> dict[str, object]:
    """Open the participant list and type into its search box in the real window; with the raw read baseline."""
    from PySide6.QtTest import QTest

    from desktop.app import create_application
    from desktop.store import Store
    from desktop.ui.main_window import MainWindow

    app = create_application()
    store = Store.open(db)
    window = MainWindow(store)
    window.show()
    app.processEvents()
    start = time.perf_counter()
    window.go_to(window.switcher.keys().index("training"))
    app.processEvents()
    panel = window.findChild(type(window.page("training").participants), "panel_participants")
    opened = time.perf_counter() - start
    rows = panel.model.rowCount()
    keystrokes = []
    panel.search.setFocus()
    for char in "nguyen van":
        start = time.perf_counter()
        QTest.keyClick(panel.search, char)
        app.processEvents()
        keystrokes.append(time.perf_counter() - start)
    shown = panel.model.rowCount()
    # Again once every row is read: each keystroke then searches all of them.
    while panel.is_reading():
        app.processEvents()
    panel.search.clear()
    app.processEvents()
    after_reading = []
    for char in "nguyen van":
        start = time.perf_counter()
        QTest.keyClick(panel.search, char)
        app.processEvents()
        after_reading.append(time.perf_counter() - start)
    columns = [c.key for c in panel.model.columns if c.value is None]
    start = time.perf_counter()
    conn = sqlite3.connect(str(db))
    raw = conn.execute(f"SELECT {', '.join(columns)} FROM participants WHERE deleted = 0").fetchall()
    conn.close()
    raw_read = time.perf_counter() - start
    window.close()
    store.close()
    return {"opened": opened, "rows": rows, "keystrokes": keystrokes, "shown": shown, "raw": raw_read,
            "raw_rows": len(raw), "after_reading": after_reading, "all_rows": panel.model.rowCount()}


def main() -> None:
    """Print every figure beside its baseline."""
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    with tempfile.TemporaryDirectory() as folder:
        empty = build_database(Path(folder), 0)
        full = build_database(Path(folder), count)
        app_empty, bare_empty = start_up(empty)
        app_full, bare_full = start_up(full)
        print(f"start-up, no participants:  {app_empty:.2f} s vs bare window {bare_empty:.2f} s "
              f"= {app_empty / bare_empty:.2f}x (goal <= 2.0)")
        print(f"start-up, {count:,} participants: {app_full:.2f} s vs bare window {bare_full:.2f} s "
              f"= {app_full / bare_full:.2f}x; {app_full / app_empty:.2f}x the empty database (goal ~1.0)")
        figures = in_window(full)
        print(f"participant list opened: {figures['opened'] * 1000:.0f} ms, first {figures['rows']:,} rows shown "
              f"vs raw SQLite read {figures['raw'] * 1000:.0f} ms for {figures['raw_rows']:,} rows "
              f"= {figures['opened'] / figures['raw']:.1f}x (goal <= 300 ms)")
        keys = figures["keystrokes"]
        print(f"search keystrokes: first {keys[0] * 1000:.0f} ms, slowest {max(keys) * 1000:.0f} ms, "
              f"median {statistics.median(keys) * 1000:.0f} ms, {figures['shown']:,} rows shown at the end "
              f"(goal <= 150 ms each)")
        keys = figures["after_reading"]
        print(f"search keystrokes once all {count:,} rows are read: first {keys[0] * 1000:.0f} ms, slowest "
              f"{max(keys) * 1000:.0f} ms, median {statistics.median(keys) * 1000:.0f} ms, "
              f"{figures['all_rows']:,} rows shown at the end (goal <= 150 ms each)")


if __name__ == "__main__":
    main()
