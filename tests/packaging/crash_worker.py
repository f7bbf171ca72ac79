"""The process tests/packaging/test_crash_safety.py kills with SIGKILL: it writes batches to a database, each batch in
one transaction, and says on stdout when a batch begins and when it is committed.

    python crash_worker.py DATABASE save
    python crash_worker.py DATABASE import TEMPLATE.xlsx

Batch N (numbered on from the last committed one, kept in the setting `crash_batch` written inside the same
transaction) adds agencies with codes "T#<N>-<i>":
- save: what saving a form does, many repository writes: 200 added, 60 of them edited (a second revision), 20
  deleted (tombstones), the plan's title changed to "Lần lưu <N>";
- import: a clerk's workbook (TEMPLATE, an export of the database, with 1,000 agencies typed at the bottom of its
  "Đơn vị" sheet, written before the batch begins) imported by the real importer, as File → Nhập Excel does: preview,
  backup, one transaction. The importer writes no `crash_batch`: the last committed batch is read from the codes.
"""

from __future__ import annotations

import sys
from pathlib import Path

from desktop.store import Store
from desktop.store.lock import DatabaseLock
from desktop.store.settings import get_setting, set_setting

SIZES = {"save": (200, 60, 20), "import": (1000, 0, 0)}


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


def clerks_workbook(template: Path, batch: int) -> Path:
    """The template with batch `batch`'s agencies typed at the bottom of the "Đơn vị" sheet (hidden cells empty)."""
    import openpyxl

    workbook = openpyxl.load_workbook(template)
    sheet = workbook["Đơn vị"]
    columns = {cell.value: cell.column for cell in sheet[1]}
    first = sheet.max_row + 1
    for i in range(SIZES["import"][0]):
        sheet.cell(first + i, columns["Mã đơn vị"]).value = f"T#{batch}-{i}"
        sheet.cell(first + i, columns["Tên đơn vị"]).value = f"Đơn vị thử {batch}.{i}"
        sheet.cell(first + i, columns["Loại đơn vị"]).value = "Khác"
    path = template.with_name(f"batch-{batch}.xlsx")
    workbook.save(path)
    return path


def import_batch(store: Store, path: Path) -> None:
    """Import the clerk's workbook through the service the GUI and the CLI use."""
    from desktop.services.exchange import import_report

    report = import_report(store, path)
    if report["status"] != "applied":
        raise SystemExit(f"import refused: {report.get('message')} {report['errors'][:3]}")


def last_batch(store: Store, mode: str) -> int:
    """The last committed batch: the setting for saves, the highest batch among the agencies' codes for imports."""
    if mode == "save":
        return int(get_setting(store.db, "crash_batch", "0") or 0)
    row = store.db.execute("SELECT max(CAST(substr(code, 3, instr(code, '-') - 3) AS INTEGER)) FROM agencies "
                           "WHERE code LIKE 'T#%'").fetchone()
    return int(row[0] or 0)


def main(argv: list[str]) -> int:
    """Write batches until killed."""
    database, mode = argv[1], argv[2]
    lock = DatabaseLock(database).acquire()  # the previous worker was killed holding it: a stale lock to recover
    store = Store.open(database)
    batch = last_batch(store, mode)
    print(f"ready {batch} {int(lock.recovered is not None)}", flush=True)
    while True:
        batch += 1
        workbook = clerks_workbook(Path(argv[3]), batch) if mode == "import" else None
        print(f"begin {batch}", flush=True)
        if workbook is not None:
            import_batch(store, workbook)
        else:
            write_batch(store, batch, mode)
        print(f"commit {batch}", flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
