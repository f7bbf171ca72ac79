"""The exported cells' formats and protection, read back from the file (LibreOffice's view of the same cells is
checked in test_calc_typing.py): a clerk must be able to type dates, amounts and long text, and a phone number typed
under the data must keep its leading zero."""

from __future__ import annotations

import openpyxl

from desktop.services.exchange import export_workbook
from tests.exchange.helpers import add_course


def _column_format(ws, index):
    """The column's own format (that of its empty cells): number format and locked flag."""
    for dim in ws.column_dimensions.values():
        if dim.min and dim.min <= index <= dim.max:
            return dim.number_format, dim.protection.locked
    raise KeyError(index)


def _by_title(ws, row):
    header = [c.value for c in ws[1]]
    return {title: ws.cell(row, i + 1) for i, title in enumerate(header)}, header


def test_dates_money_long_text_and_text_cells_are_open_with_their_formats(seeded_store, tmp_path):
    add_course(seeded_store, 2)
    path = export_workbook(seeded_store, tmp_path / "plan.xlsx").path
    wb = openpyxl.load_workbook(path)
    tasks, header = _by_title(wb["Nhiệm vụ"], 2)
    assert tasks["Ngày bắt đầu"].is_date and tasks["Ngày bắt đầu"].number_format == "dd/mm/yyyy"
    assert tasks["Ngày bắt đầu"].protection.locked is False
    assert tasks["Nội dung"].protection.locked is False and tasks["Nội dung"].alignment.wrap_text
    assert tasks["_id"].protection.locked is True
    plan, _ = _by_title(wb["Kế hoạch"], 2)
    amount = plan["Tổng kinh phí (đồng)"]
    assert isinstance(amount.value, int) and amount.number_format == "#,##0" and amount.protection.locked is False
    people, header = _by_title(wb["Học viên"], 2)
    assert people["Điện thoại"].value == "0251 3822 111" and people["Điện thoại"].number_format == "@"
    assert people["Điện thoại"].protection.locked is False
    ws = wb["Học viên"]
    # The rows below the data take the column's format: text stays text, dates are dates, all open.
    assert _column_format(ws, header.index("Điện thoại") + 1) == ("@", False)
    assert _column_format(ws, header.index("Họ và tên") + 1) == ("@", False)
    assert _column_format(ws, header.index("_id") + 1)[1] is True
    assert _column_format(wb["Nhiệm vụ"], [c.value for c in wb["Nhiệm vụ"][1]].index("Thời hạn") + 1) == (
        "dd/mm/yyyy", False)


def test_office_template_opens_on_its_reports_and_carries_the_tasks_it_coordinates(seeded_store, tmp_path):
    stnmt = seeded_store.db.execute("SELECT id FROM agencies WHERE code = 'STNMT'").fetchone()[0]
    coordinated = {row_id for row_id, ids in seeded_store.db.execute("SELECT id, coordinating_ids FROM tasks")
                   if stnmt in ids}
    assert len(coordinated) > 5  # the seed: the Department of Natural Resources coordinates the plan's activities
    path = export_workbook(seeded_store, tmp_path / "mau_stnmt.xlsx", office="STNMT").path
    wb = openpyxl.load_workbook(path)
    assert wb.active.title == "Báo cáo của đơn vị"
    visible = [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"]
    assert visible == ["Báo cáo của đơn vị", "Kế hoạch", "Nhiệm vụ", "Đơn vị"]  # no empty sheet
    tasks, header = _by_title(wb["Nhiệm vụ"], 1)
    ids = {wb["Nhiệm vụ"].cell(r, header.index("_id") + 1).value for r in range(2, wb["Nhiệm vụ"].max_row + 1)}
    assert coordinated <= ids
    # read-only context: no cell of a coordinated task is open
    for r in range(2, wb["Nhiệm vụ"].max_row + 1):
        assert all(c.protection.locked for c in wb["Nhiệm vụ"][r]), r
