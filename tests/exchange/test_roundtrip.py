"""Round trip, re-export and idempotence of the exchange workbook."""

from __future__ import annotations

import openpyxl

from desktop.exchange.model import NEW, UNCHANGED
from desktop.services.exchange import apply_import, export_workbook, import_report, preview_import
from tests.exchange.helpers import add_course, digest, edit, new_store, table_rows


def _cells(path):
    wb = openpyxl.load_workbook(path)
    return {ws.title: [[c.value for c in row] for row in ws.iter_rows()] for ws in wb.worksheets
            if ws.title != "_meta"}


def test_round_trip_into_empty_database_is_identical(seeded_store, tmp_path):
    add_course(seeded_store, 5)
    seeded_store.repo("legal_bases").delete(seeded_store.repo("legal_bases").rows()[0]["id"])  # a tombstone travels
    export_workbook(seeded_store, tmp_path / "a.xlsx")
    empty = new_store(tmp_path / "b.db", empty=True)
    preview = preview_import(empty, tmp_path / "a.xlsx")
    assert not preview.errors and preview.counts["rejected"] == 0
    assert preview.counts[NEW] > 50
    apply_import(empty, preview)
    assert table_rows(empty) == table_rows(seeded_store)

    export_workbook(empty, tmp_path / "b.xlsx")
    assert _cells(tmp_path / "a.xlsx") == _cells(tmp_path / "b.xlsx")

    before = digest(empty)
    again = preview_import(empty, tmp_path / "a.xlsx")
    assert not again.has_changes and again.counts[UNCHANGED] == preview.counts[NEW] + preview.counts["deleted"]
    report = import_report(empty, tmp_path / "a.xlsx")
    assert report["status"] == "no-changes"
    assert digest(empty) == before
    assert empty.db.execute("SELECT count(*) FROM exchange_log WHERE status = 'applied'").fetchone()[0] == 1
    empty.close()


def test_exported_workbook_layout(seeded_store, tmp_path):
    add_course(seeded_store)
    path = export_workbook(seeded_store, tmp_path / "plan.xlsx").path
    wb = openpyxl.load_workbook(path)
    assert wb["_meta"].sheet_state == "veryHidden"
    assert wb["_lists"].sheet_state == "hidden"
    meta = {r[0].value: r[1].value for r in wb["_meta"].iter_rows()}
    assert meta["format"] == "sxtdbv-exchange" and meta["format_version"] == "1" and meta["scope"] == "plan"
    ws = wb["Học viên"]
    header = [c.value for c in ws[1]]
    assert header[:3] == ["Lớp tập huấn", "Họ và tên", "Giới tính"] and "Xóa" in header
    assert ws.freeze_panes == "A2" and ws.protection.sheet
    hidden = {k for k, d in ws.column_dimensions.items() if d.hidden}
    id_col = openpyxl.utils.get_column_letter(header.index("_id") + 1)
    assert id_col in hidden or any(d.hidden and d.min <= header.index("_id") + 1 <= d.max
                                   for d in ws.column_dimensions.values())
    row = [c for c in ws[2]]
    by_title = dict(zip(header, row, strict=False))
    assert by_title["Họ và tên"].protection.locked is False
    assert by_title["_id"].protection.locked is True
    assert by_title["Giới tính"].value == "Nam"
    assert by_title["Năm sinh"].value == 1980 and by_title["Năm sinh"].data_type == "n"
    course = wb["Lớp tập huấn"]
    start = [c for c in course[2]][[c.value for c in course[1]].index("Ngày bắt đầu")]
    assert start.is_date and start.number_format == "dd/mm/yyyy"
    lists = {str(dv.sqref).split(":")[0][0] for dv in ws.data_validations.dataValidation}
    assert "C" in lists  # gender drop-down


def test_text_that_looks_like_a_formula_stays_text(seeded_store, tmp_path):
    course = add_course(seeded_store, 1)
    pid = seeded_store.repo("participants").rows(course_id=course)[0]["id"]
    seeded_store.repo("participants").update(pid, {"note": "=SUM(A1:A9)", "position": "+84 trưởng phòng",
                                                   "organisation": "@công ty", "full_name": "-Lê Thị B"})
    path = export_workbook(seeded_store, tmp_path / "f.xlsx").path
    ws = openpyxl.load_workbook(path)["Học viên"]
    note = ws.cell(2, [c.value for c in ws[1]].index("Ghi chú") + 1)
    assert note.value == "=SUM(A1:A9)" and note.data_type == "s"
    preview = preview_import(seeded_store, path)
    assert not preview.errors and not preview.has_changes


def test_reordered_and_unknown_columns_still_import(seeded_store, tmp_path):
    add_course(seeded_store, 3)
    path = export_workbook(seeded_store, tmp_path / "a.xlsx").path

    def reorder(wb):
        ws = wb["Học viên"]
        ws.insert_cols(1)
        name_col = [c.value for c in ws[1]].index("Họ và tên") + 1
        for row in range(1, ws.max_row + 1):
            ws.cell(row, 1).value = ws.cell(row, name_col).value
            ws.cell(row, name_col).value = None
        ws.cell(1, name_col).value = "Cột ghi thêm của đơn vị"
        ws.cell(2, name_col).value = "ghi linh tinh"

    edited = edit(path, tmp_path / "b.xlsx", reorder)
    preview = preview_import(seeded_store, edited)
    assert not preview.errors and not preview.has_changes
    assert any("Cột ghi thêm của đơn vị" in w for w in preview.warnings)


def test_cancel_leaves_nothing_behind(seeded_store, tmp_path):
    import glob
    import tempfile

    import pytest

    from desktop.exchange.errors import ExchangeCancelled

    seen = []
    out = tmp_path / "out"
    temporary = set(glob.glob(f"{tempfile.gettempdir()}/openpyxl.*"))
    with pytest.raises(ExchangeCancelled):
        export_workbook(seeded_store, out / "x.xlsx", progress=lambda d, t, s: seen.append(d), cancel=lambda: True)
    assert list(out.iterdir()) == []
    assert set(glob.glob(f"{tempfile.gettempdir()}/openpyxl.*")) <= temporary
    path = export_workbook(seeded_store, out / "y.xlsx", progress=lambda d, t, s: seen.append((d, t))).path
    assert seen and seen[-1][0] == seen[-1][1]
    before = seeded_store.db.execute("SELECT count(*) FROM exchange_log").fetchone()[0]
    with pytest.raises(ExchangeCancelled):
        preview_import(seeded_store, path, cancel=lambda: True)
    assert seeded_store.db.execute("SELECT count(*) FROM exchange_log").fetchone()[0] == before
