"""The process tests/packaging/test_crash_safety.py kills with SIGKILL: it writes batches to a database, each batch in
one transaction, and says on stdout when a batch begins and when it is committed.

    python crash_worker.py DATABASE save|import

Batch N (numbered on from the last committed one, kept in the setting `crash_batch` written inside the same
transaction) adds agencies with codes "T#<N>-<i>":
- save: what saving a form does, many repository writes: 200 added, 60 of them edited (a second revision), 20
  deleted (tombstones), the plan's title changed to "Lần lưu <N>";
- import: 2,000 rows added in one store.atomic(), as an import of a big workbook does.
"""

from __future__ import annotations

import sys

from desktop.store import Store
from desktop.store.lock import DatabaseLock
from desktop.store.settings import get_setting, set_setting

SIZES = {"save": (200, 60, 20), "import": (2000, 0, 0)}


def write_batch(store: Store, batch: int, mode: str) -> None:
    """One batch, all in one transaction."""
    added, edited, deleted = SIZES[mode]
    agencies = store.repo("agencies")
    with store.atomic():
        rows = [agencies.add({"code": f"T#{batch}-{i}", "name": f"Đơn vị thử {batch}.{i}", "kind": "other"})
                for i in range(added)]
        for row in rows[:edited]:
            agencies.update(row["id"], {"name": row["name"] + " (đã sửa)"})
        for row in rows[edited:edited + deleted]:
            agencies.delete(row["id"])
        if mode == "save":
            plan = store.repo("plans").rows()[0]
            store.repo("plans").update(plan["id"], {"title": f"Lần lưu {batch}"})
        set_setting(store.db, "crash_batch", str(batch))


def main(argv: list[str]) -> int:
    """Write batches until killed."""
    database, mode = argv[1], argv[2]
    lock = DatabaseLock(database).acquire()  # the previous worker was killed holding it: a stale lock to recover
    store = Store.open(database)
    batch = int(get_setting(store.db, "crash_batch", "0") or 0)
    print(f"ready {batch} {int(lock.recovered is not None)}", flush=True)
    while True:
        batch += 1
        print(f"begin {batch}", flush=True)
        write_batch(store, batch, mode)
        print(f"commit {batch}", flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
