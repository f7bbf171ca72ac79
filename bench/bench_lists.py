"""Benchmark of the list import on an official-layout participants list (20,000 rows by default).

Prints, measured in the same run on the same file: reading the sheet and sorting its rows (header found, blank/total/
signature rows skipped) vs a raw python-calamine read of the sheet; the preview (validation, duplicates, records) vs
a raw loop cleaning every mapped cell with Field.clean. CPU seconds of this process, fastest of the repeats.

    python bench/bench_lists.py [ROWS]        (or SXTDBV_BENCH_ROWS=5000; SXTDBV_BENCH_REPEAT=2)
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DEFAULT_ROWS = 20_000


def _best(repeat: int, work) -> float:  # noqa: ANN001 - a callable
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def _write_list(path: Path, rows: int) -> None:
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("DS học viên")
    ws.append(["UBND HUYỆN TRẢNG BOM", None, None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    ws.append(["PHÒNG KINH TẾ", None, None, None, "Độc lập - Tự do - Hạnh phúc"])
    ws.append(["DANH SÁCH HỌC VIÊN"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Giới tính", "Năm sinh", "Đơn vị công tác", "Chức vụ", "Số điện thoại", "Ghi chú"])
    for i in range(rows):
        ws.append([i + 1, f"Nguyễn Văn {i}", "Nam" if i % 2 else "Nữ", 1960 + i % 40, f"Công ty số {i % 500}",
                   "Chuyên viên", f"09{i:08d}", ""])
    ws.append(["Tổng cộng", None, f"{rows} người"])
    ws.append(["NGƯỜI LẬP BIỂU", None, None, None, "TRƯỞNG PHÒNG"])
    wb.save(path)


def main() -> int:
    """Write the list, time each step against its baseline, print the figures."""
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else int(os.environ.get("SXTDBV_BENCH_ROWS", DEFAULT_ROWS))
    repeat = int(os.environ.get("SXTDBV_BENCH_REPEAT", "2"))
    from python_calamine import CalamineWorkbook

    from desktop.domain.entities import BY_NAME
    from desktop.services import lists
    from desktop.services.setup import init_database

    folder = Path(tempfile.mkdtemp())
    path = folder / "ds.xlsx"
    _write_list(path, rows)
    store = init_database(folder / "bench.db")
    plan = store.repo("plans").rows()[0]["id"]
    course = store.repo("training_courses").add({"plan_id": plan, "title": "Lớp tập huấn"})["id"]

    raw_read = _best(repeat, lambda: CalamineWorkbook.from_path(str(path)).get_sheet_by_name("DS học viên")
                     .to_python(skip_empty_area=False))
    table = lists.find_list(path, "participants")
    read = _best(repeat, lambda: lists.find_list(path, "participants"))
    mapping = lists.suggest_mapping("participants", table.headers)
    spec = BY_NAME["participants"]

    def raw_clean() -> None:
        for item in table.data_rows:
            for name, col in mapping.items():
                try:
                    spec.field(name).clean(item.cells[col])
                except ValueError:
                    pass

    raw_preview = _best(repeat, raw_clean)
    preview_time = _best(repeat, lambda: lists.preview_list(store, table, mapping, course))
    preview = lists.preview_list(store, table, mapping, course)
    assert preview.counts["new"] == rows and len(table.skipped) == 2, (preview.counts, len(table.skipped))
    print(f"rows: {rows}")
    print(f"read + sort rows: {read:.2f} s; raw calamine read: {raw_read:.2f} s; ratio {read / raw_read:.2f}x")
    print(f"preview: {preview_time:.2f} s ({preview_time / rows * 1e6:.0f} µs a row); raw Field.clean loop: "
          f"{raw_preview:.2f} s; ratio {preview_time / raw_preview:.2f}x")
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
