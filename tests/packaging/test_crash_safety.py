"""Crash safety: a real process is killed (SIGKILL) at random moments while it saves and while it imports; each time
the database must pass PRAGMA integrity_check and hold all or none of every change.

The number of kills per kind is SXTDBV_CRASH_RUNS (10 by default, which keeps `make test` well under a minute; the
closing note of issue 6 ran 50). SXTDBV_CRASH_SEED fixes the random moments to replay a failure.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop.services.setup import init_database
from desktop.store import Store

WORKER = Path(__file__).with_name("crash_worker.py")
RUNS = int(os.environ.get("SXTDBV_CRASH_RUNS", "10"))
SEED = int(os.environ.get("SXTDBV_CRASH_SEED", str(time.time_ns() % 1_000_000)))
# (added, edited, deleted) per batch, as crash_worker.SIZES; a first guess of one batch's duration, in seconds.
KINDS = {"save": ((200, 60, 20), 0.15), "import": ((1000, 0, 0), 1.5)}
# The kill comes at a uniformly random moment within this many batch durations (measured as the runs go, so that a
# slow or busy machine still gets kills inside transactions and after commits alike).
WINDOW = 2.5

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")


def committed_state(path: Path) -> tuple[str, int, dict[int, tuple[int, int, int]], str]:
    """(integrity_check, last committed batch, {batch: (rows, deleted, edited)}, plan title) of the database."""
    conn = sqlite3.connect(str(path))  # read-write, so that the WAL left by the killed process is recovered
    try:
        integrity = "; ".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
        row = conn.execute("SELECT value FROM settings WHERE key = 'crash_batch'").fetchone()
        counts = {
            int(b): (n, d, e) for b, n, d, e in conn.execute(
                "SELECT substr(code, 3, instr(code, '-') - 3), count(*), sum(deleted), "
                "sum(name LIKE '%(đã sửa)') FROM agencies WHERE code LIKE 'T#%' GROUP BY 1")
        }
        title = conn.execute("SELECT title FROM plans WHERE deleted = 0 ORDER BY rowid LIMIT 1").fetchone()[0]
        # Saves write their batch number in the same transaction; the importer does not: its batches show in the codes.
        batch = int(row[0]) if row else max(counts, default=0)
    finally:
        conn.close()
    return integrity, batch, counts, title


def listen(stream, heard: list[tuple[float, str]]) -> None:
    """Collect the worker's lines with the moment each arrived, until it dies."""
    for line in stream:
        heard.append((time.perf_counter(), line.strip()))


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_killing_the_process_leaves_all_or_none_of_each_change(tmp_path, kind):
    (added, edited, deleted), first_guess = KINDS[kind]
    durations: list[float] = []
    database = tmp_path / f"{kind}.db"
    store = init_database(database)
    template = tmp_path / "template.xlsx"
    if kind == "import":  # the workbook the clerk starts from: an export of the database
        from desktop.services.exchange import export_workbook

        export_workbook(store, template)
    store.close()
    original_title = committed_state(database)[3]
    rng = random.Random(f"{SEED}-{kind}")
    rolled_back = committed_runs = 0
    for run in range(RUNS):
        where = f"(kind {kind}, run {run + 1}/{RUNS}, SXTDBV_CRASH_SEED={SEED})"
        worker = subprocess.Popen([sys.executable, str(WORKER), str(database), kind, str(template)],
                                  stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, encoding="utf-8")
        ready = worker.stdout.readline().split()
        assert ready[:1] == ["ready"], f"worker did not start {where}: {worker.stderr.read()}"
        assert ready[2] == ("1" if run else "0"), f"the killed worker's lock was not recovered {where}"
        heard: list[tuple[float, str]] = []
        reader = threading.Thread(target=listen, args=(worker.stdout, heard))
        reader.start()
        time.sleep(rng.uniform(0, WINDOW * (statistics.median(durations) if durations else first_guess)))
        first_guess *= 1.6  # until a batch has been timed, widen the window: a loaded machine may be much slower
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        reader.join()
        lines = [line for _, line in heard]
        began_at = {line.split()[1]: moment for moment, line in heard if line.startswith("begin ")}
        durations += [moment - began_at[line.split()[1]] for moment, line in heard if line.startswith("commit ")]
        errors = worker.stderr.read()
        worker.stdout.close()
        worker.stderr.close()
        assert worker.returncode == -signal.SIGKILL, f"the worker stopped by itself {where}: {errors[-2000:]}"
        begun = max([int(line.split()[1]) for line in lines if line.startswith("begin ")] or [int(ready[1])])
        printed = max([int(line.split()[1]) for line in lines if line.startswith("commit ")] or [int(ready[1])])

        integrity, batch, counts, title = committed_state(database)

        assert integrity == "ok", f"integrity_check: {integrity} {where}"
        # The batch in flight is either wholly there (committed just before the kill) or wholly absent.
        assert batch in (printed, begun), f"last committed batch {batch}, printed {printed}, begun {begun} {where}"
        expected = {b: (added, deleted, edited) for b in range(1, batch + 1)}
        assert counts == expected, f"partial batch after the kill {where}: {counts} != {expected}"
        if kind == "save":
            assert title == (f"Lần lưu {batch}" if batch else original_title), where
        rolled_back += batch < begun
        committed_runs += batch > int(ready[1])
    if RUNS >= 4:  # the random moments did hit both sides: inside a transaction, and after commits
        assert rolled_back >= RUNS // 4, f"only {rolled_back} of {RUNS} kills landed inside a transaction"
        assert committed_runs >= 1, f"no run committed anything before its kill ({RUNS} runs)"
    store = Store.open(database)  # and the program still opens it normally
    try:
        assert store.repo("plans").count() == 1
    finally:
        store.close()
    print(f"{kind}: {RUNS}/{RUNS} kills left an intact database with all or none of the change "
          f"({rolled_back} inside a transaction, rolled back; {committed_runs} runs committed batches first; "
          f"{batch} batches committed in all)")
