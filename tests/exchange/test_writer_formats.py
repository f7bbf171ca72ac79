"""The exchange writer's protection, formats and drop-downs, read back from the written file with openpyxl.

The rule (docs/exchange-format.md, "Protection — where a person can type"): every cell is locked unless its own
format, or its column's format for the empty rows below the data, unlocks it; text columns keep "@", dates
dd/mm/yyyy, money #,##0; the bookkeeping columns are hidden and locked; the sheet is protected so that rows may be
inserted, deleted, sorted and filtered but columns cannot be unhidden. Expected values are written out by hand.
"""

from __future__ import annotations

import errno
import gc
import re
import sys

import openpyxl
import pytest

from desktop.exchange.errors import ExchangeError
from desktop.exchange.writer import _as_os_error, export_workbook
from tests.exchange.helpers import add_course

HIDDEN = ["_id", "_rev", "_revs", "_owner", "_updated"]
LAST_EDITABLE_ROW = 5000  # the drop-downs reach this row; the column formats reach the end of the sheet


def _load(store, path, **kwargs):
    result = export_workbook(store, path, **kwargs)
    return result, openpyxl.load_workbook(result.path)


def _header(ws) -> list[str]:
    return [c.value for c in ws[1]]


def _column(ws, col: int):
    for dim in ws.column_dimensions.values():
        if dim.min and dim.min <= col <= dim.max:
            return dim
    raise KeyError(col)


def _state(ws, row: int, title: str) -> tuple[bool, str]:
    """(locked, number format) of a cell as Excel and Calc see it: its own format when the file holds the cell,
    else its column's (an empty row below the data)."""
    col = _header(ws).index(title) + 1
    cell = ws._cells.get((row, col))  # not ws.cell(): that would create the cell
    target = cell if cell is not None else _column(ws, col)
    return target.protection.locked, target.number_format


def _row_of(ws, title: str, value: object) -> int:
    col = _header(ws).index(title) + 1
    rows = [r for r in range(2, ws.max_row + 1) if ws.cell(r, col).value == value]
    assert len(rows) == 1, (title, value, rows)
    return rows[0]


def _id(store, sql: str, *args) -> str:
    return store.db.execute(sql, args).fetchone()[0]


# -- the sheet's protection and the hidden columns -------------------------------------------------------------------

def test_every_entity_sheet_is_protected_with_rows_open_to_insert_delete_sort_and_filter(seeded_store, tmp_path):
    _, wb = _load(seeded_store, tmp_path / "plan.xlsx")
    sheets = [ws for ws in wb.worksheets if not ws.title.startswith("_")]
    assert len(sheets) == 20
    for ws in sheets:
        p = ws.protection
        assert p.sheet is True, ws.title
        assert p.formatColumns is True, ws.title  # protected: a hidden column cannot be shown
        assert (p.formatCells, p.insertRows, p.deleteRows, p.autoFilter, p.sort) == (False,) * 5, ws.title


def test_bookkeeping_columns_are_hidden_and_locked_headers_locked(seeded_store, tmp_path):
    add_course(seeded_store, 1)
    _, wb = _load(seeded_store, tmp_path / "plan.xlsx")
    ws = wb["Học viên"]
    header = _header(ws)
    assert header[-5:] == HIDDEN and header[-7:-5] == ["_ref:course_id", "_ref:agency_id"]
    for col, title in enumerate(header, 1):
        head = ws.cell(1, col).protection
        dim = _column(ws, col)
        assert head.locked is True, title
        if title.startswith("_"):
            assert dim.hidden and dim.protection.locked, title
            assert head.hidden is True and _state(ws, 2, title)[0] is True, title
        else:
            assert not dim.hidden and head.hidden is False, title
    for title in ("_id", "_rev", "_owner", "_updated"):  # written in every row, locked, hidden from the formula bar
        cell = ws.cell(2, header.index(title) + 1)
        assert cell.value and cell.protection.locked is True and cell.protection.hidden is True, title
    assert wb["_meta"].sheet_state == "veryHidden" and wb["_lists"].sheet_state == "hidden"
    assert wb.active.title == "Đơn vị"  # the first visible sheet, never the hidden _meta


# -- the hub's whole-plan workbook: every visible data cell open, with its format ------------------------------------

def test_hub_workbook_opens_every_data_cell_and_the_rows_below_with_their_formats(seeded_store, tmp_path):
    add_course(seeded_store, 2)
    _, wb = _load(seeded_store, tmp_path / "plan.xlsx")
    people = wb["Học viên"]
    assert people.max_row == 3
    expected = {"Họ và tên": "@", "Điện thoại": "@", "Thư điện tử": "@", "Chức vụ": "@", "Ghi chú": "@",
                "Năm sinh": "General", "Xóa": "General", "Lớp tập huấn": "General"}
    for row in (2, 3, 4, LAST_EDITABLE_ROW):  # the data (email and position empty), the first and last empty row
        for title, number_format in expected.items():
            assert _state(people, row, title) == (False, number_format), (row, title)
        for title in HIDDEN:
            assert _state(people, row, title)[0] is True, (row, title)
    assert people.cell(2, _header(people).index("Điện thoại") + 1).value == "0251 3822 111"
    tasks = wb["Nhiệm vụ"]
    for row in (2, tasks.max_row, tasks.max_row + 1, LAST_EDITABLE_ROW):
        assert _state(tasks, row, "Thời hạn") == (False, "dd/mm/yyyy"), row
        assert _state(tasks, row, "Ngày bắt đầu") == (False, "dd/mm/yyyy"), row
        assert _state(tasks, row, "Kết quả") == (False, "@"), row
        assert _state(tasks, row, "Xóa")[0] is False, row
    plan = wb["Kế hoạch"]
    for row in (2, 3, LAST_EDITABLE_ROW):
        assert _state(plan, row, "Tổng kinh phí (đồng)") == (False, "#,##0"), row


def test_text_stays_text_and_control_characters_are_dropped(seeded_store, tmp_path):
    course = add_course(seeded_store, 0)
    agency = _id(seeded_store, "SELECT id FROM agencies WHERE code = 'BIENHOA'")
    people = seeded_store.repo("participants")
    person = people.add({"course_id": course, "full_name": "Lê Văn C", "organisation": "=1+1", "note": "#N/A",
                         "agency_id": agency, "phone": "0912345678"})
    # text kept by an older version, before the domain cleaned control characters out
    seeded_store.db.execute("UPDATE participants SET position = ? WHERE id = ?", ("Tổ\x1f trưởng\x01 ", person["id"]))
    gone = people.add({"course_id": course, "full_name": "Phạm Thị D", "agency_id": agency})
    people.delete(gone["id"])
    _, wb = _load(seeded_store, tmp_path / "plan.xlsx")
    ws = wb["Học viên"]
    row = _row_of(ws, "Họ và tên", "Lê Văn C")
    cells = {t: ws.cell(row, i + 1) for i, t in enumerate(_header(ws))}
    assert cells["Chức vụ"].value == "Tổ trưởng "  # \x1f and \x01 cannot be stored in a workbook; the spaces stay
    assert cells["Đơn vị công tác"].value == "=1+1" and cells["Đơn vị công tác"].data_type == "s"
    assert cells["Ghi chú"].value == "#N/A" and cells["Ghi chú"].data_type == "s"
    assert cells["Điện thoại"].value == "0912345678" and cells["Điện thoại"].data_type == "s"
    assert cells["Xóa"].value is None
    deleted = _row_of(ws, "Họ và tên", "Phạm Thị D")
    assert ws.cell(deleted, _header(ws).index("Xóa") + 1).value == "x"


def test_multi_agency_ids_travel_in_their_hidden_column_and_an_empty_list_leaves_it_empty(seeded_store, tmp_path):
    tasks = seeded_store.repo("tasks")
    with_coordinators = _id(seeded_store, "SELECT id FROM tasks WHERE coordinating_ids != '[]' ORDER BY rowid")
    ids = seeded_store.db.execute("SELECT coordinating_ids FROM tasks WHERE id = ?", (with_coordinators,)).fetchone()[0]
    alone = _id(seeded_store, "SELECT id FROM tasks WHERE id != ? ORDER BY rowid", with_coordinators)
    tasks.update(alone, {"coordinating_ids": "[]"})
    _, wb = _load(seeded_store, tmp_path / "plan.xlsx")
    ws = wb["Nhiệm vụ"]
    col = _header(ws).index("_ref:coordinating_ids") + 1
    assert ws.cell(_row_of(ws, "_id", with_coordinators), col).value == ids and ids.startswith('["')
    assert ws.cell(_row_of(ws, "_id", alone), col).value is None


# -- drop-downs ---------------------------------------------------------------------------------------------------

def _dropdown(wb, ws, title: str) -> list[str] | None:
    """The values offered in the column's drop-down (None without one), after checking that it covers rows 2 to
    5,000, refuses other values and allows a blank."""
    letter = openpyxl.utils.get_column_letter(_header(ws).index(title) + 1)
    found = [dv for dv in ws.data_validations.dataValidation if f"{letter}2" in dv.sqref]
    if not found:
        return None
    assert len(found) == 1
    dv = found[0]
    assert str(dv.sqref) == f"{letter}2:{letter}{LAST_EDITABLE_ROW}"
    assert dv.type == "list" and dv.allow_blank is True and dv.showErrorMessage is True
    match = re.fullmatch(r"'_lists'!\$([A-Z]+)\$2:\$([A-Z]+)\$(\d+)", dv.formula1)
    assert match and match[1] == match[2], dv.formula1
    lists = wb["_lists"]
    col = openpyxl.utils.column_index_from_string(match[1])
    values = [lists.cell(r, col).value for r in range(2, int(match[3]) + 1)]
    assert lists.cell(int(match[3]) + 1, col).value is None  # the range ends with the list
    assert lists.cell(1, col).value == title  # each list is titled
    return values


def test_dropdowns_offer_choices_yes_no_delete_mark_and_live_agency_names(seeded_store, tmp_path):
    add_course(seeded_store, 1)
    _, wb = _load(seeded_store, tmp_path / "plan.xlsx")
    tasks = wb["Nhiệm vụ"]
    assert _dropdown(wb, tasks, "Tình trạng") == ["Chưa thực hiện", "Đang thực hiện", "Hoàn thành", "Tạm dừng"]
    assert _dropdown(wb, tasks, "Xóa") == ["x"]
    names = sorted(n for (n,) in seeded_store.db.execute("SELECT name FROM agencies WHERE deleted = 0"))
    assert len(names) == 19
    assert _dropdown(wb, tasks, "Đơn vị chủ trì") == names
    for title in ("Nội dung", "Ngày bắt đầu", "_ref:lead_agency_id", "_id"):
        assert _dropdown(wb, tasks, title) is None, title
    people = wb["Học viên"]
    assert _dropdown(wb, people, "Có tham dự") == ["Có", "Không"]
    assert _dropdown(wb, people, "Lớp tập huấn") == ["Lớp tập huấn SXTDBV 2024"]


def _courses(store, titles):
    plan = store.repo("plans").rows()[0]["id"]
    return [store.repo("training_courses").add({"plan_id": plan, "title": t})["id"] for t in titles]


def test_course_dropdown_lists_live_unique_names_up_to_250_characters(seeded_store, tmp_path):
    _, wb = _load(seeded_store, tmp_path / "none.xlsx")
    assert _dropdown(wb, wb["Tài liệu phát"], "Lớp tập huấn") is None  # no course: nothing to offer
    long = "Đ" * 250
    ids = _courses(seeded_store, [long, "Lớp B", "Trùng", "Trùng", "Đã hủy"])
    seeded_store.repo("training_courses").delete(ids[-1])
    _, wb = _load(seeded_store, tmp_path / "some.xlsx")
    # two courses named alike cannot be told apart by name: they are typed by hand (the hidden id decides)
    assert _dropdown(wb, wb["Tài liệu phát"], "Lớp tập huấn") == ["Lớp B", long]
    _courses(seeded_store, ["Đ" * 251])
    _, wb = _load(seeded_store, tmp_path / "long.xlsx")
    assert _dropdown(wb, wb["Tài liệu phát"], "Lớp tập huấn") is None  # Excel refuses a list item over 255


def test_a_thousand_courses_get_a_dropdown_but_not_one_more_and_progress_steps_every_thousand_rows(
        seeded_store, tmp_path):
    _courses(seeded_store, [f"Lớp {i:04d}" for i in range(1000)])
    calls = []
    result, wb = _load(seeded_store, tmp_path / "1000.xlsx", progress=lambda *a: calls.append(a))
    values = _dropdown(wb, wb["Tài liệu phát"], "Lớp tập huấn")
    assert values is not None and len(values) == 1000 and values[0] == "Lớp 0000" and values[-1] == "Lớp 0999"
    assert result.rows["training_courses"] == 1000
    before = sum(seeded_store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed names
                 for t in ("agencies", "plans", "legal_bases", "objectives", "indicators", "tasks", "responsibilities"))
    total = before + 1000 + sum(seeded_store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608
                                for t in ("conversion_factors", "office_reports", "selection_criteria"))
    assert result.total == total
    # one step per sheet, and one more at the 1,000th row of a sheet
    assert len(calls) == 21 and all(c[1] == total for c in calls)
    assert [c for c in calls if c[2] == "Lớp tập huấn"] == [(before + 1000, total, "Lớp tập huấn")] * 2
    _courses(seeded_store, ["Lớp 1000"])
    _, wb = _load(seeded_store, tmp_path / "1001.xlsx")
    assert _dropdown(wb, wb["Tài liệu phát"], "Lớp tập huấn") is None
    # a step every 1,000 rows, not only the first: Stop is heard and the bar moves on a 300,000-row sheet
    _courses(seeded_store, [f"Lớp {i}" for i in range(1001, 2000)])
    calls.clear()
    export_workbook(seeded_store, tmp_path / "2000.xlsx", progress=lambda *a: calls.append(a))
    assert [c[0] - before for c in calls if c[2] == "Lớp tập huấn"] == [1000, 2000, 2000]


def test_an_empty_database_reports_progress_out_of_one(empty_store, tmp_path):
    calls = []
    result = export_workbook(empty_store, tmp_path / "empty.xlsx", progress=lambda *a: calls.append(a))
    assert result.total == 0
    assert len(calls) == 20 and {c[:2] for c in calls} == {(0, 1)}  # never out of 0: a bar would divide by it


def test_rows_written_per_sheet_are_counted_tombstones_included(seeded_store, tmp_path):
    course = add_course(seeded_store, 3)
    gone = seeded_store.db.execute("SELECT id FROM participants WHERE course_id = ?", (course,)).fetchone()[0]
    seeded_store.repo("participants").delete(gone)
    result, _ = _load(seeded_store, tmp_path / "plan.xlsx")
    assert result.rows["participants"] == 3 and result.rows["training_courses"] == 1
    assert result.rows["agencies"] == 19 and result.rows["office_reports"] == 17


# -- an office's template: exactly its cells open ---------------------------------------------------------------------

def test_office_template_opens_its_report_fields_its_task_fields_and_its_own_rows(seeded_store, tmp_path):
    stnmt = _id(seeded_store, "SELECT id FROM agencies WHERE code = 'STNMT'")
    task = _id(seeded_store, "SELECT id FROM tasks WHERE result IS NULL OR result = '' ORDER BY rowid")
    seeded_store.repo("tasks").update(task, {"lead_agency_id": stnmt})
    plan = seeded_store.repo("plans").rows()[0]["id"]
    reports = seeded_store.repo("office_reports")
    hub_report = reports.add({"plan_id": reports.rows()[0]["plan_id"], "agency_id": stnmt,
                              "subject": "Báo cáo bổ sung", "due_date": "2024-12-15"}, owner="SCT")
    own = seeded_store.repo("enterprises").add({"plan_id": plan, "name": "Công ty Môi trường Xanh",
                                                "phone": "0251 000 111"}, owner="STNMT")
    _, wb = _load(seeded_store, tmp_path / "mau.xlsx", office="STNMT")
    assert wb.active.title == "Báo cáo của đơn vị"
    # its reports, then the sheets with rows it fills, then the context, the agencies last
    assert [ws.title for ws in wb.worksheets if ws.sheet_state == "visible"] == [
        "Báo cáo của đơn vị", "Nhiệm vụ", "Doanh nghiệp khảo sát", "Kế hoạch", "Đơn vị"]

    reports = wb["Báo cáo của đơn vị"]
    assert reports.max_row == 3
    assigned = _row_of(reports, "_id", hub_report["id"])
    mine = 5 - assigned  # the other of rows 2 and 3
    assert reports.cell(mine, _header(reports).index("_owner") + 1).value == "STNMT"
    # its own report (the seed's): every field but the office it is for, and the delete mark
    for title in ("Kế hoạch", "Gửi đến", "Hạn nộp", "Ngày nộp", "Tóm tắt kết quả", "Ghi chú", "Xóa"):
        assert _state(reports, mine, title)[0] is False, title
    assert _state(reports, mine, "Đơn vị báo cáo")[0] is True
    # a report the hub asks of it: only the date handed in, the summary and the note, empty yet open
    for title in ("Ngày nộp", "Tóm tắt kết quả", "Ghi chú"):
        assert _state(reports, assigned, title)[0] is False, title
    assert _state(reports, assigned, "Ngày nộp")[1] == "dd/mm/yyyy"
    for title in ("Kế hoạch", "Đơn vị báo cáo", "Gửi đến", "Nội dung báo cáo", "Kỳ báo cáo", "Hạn nộp", "Xóa"):
        assert _state(reports, assigned, title)[0] is True, title
    assert _state(reports, assigned, "Hạn nộp")[1] == "dd/mm/yyyy"
    for row in (4, LAST_EDITABLE_ROW):  # an office adds reports of its own below
        for title in ("Kế hoạch", "Đơn vị báo cáo", "Ngày nộp", "Tóm tắt kết quả"):
            assert _state(reports, row, title)[0] is False, (row, title)
        assert _state(reports, row, "Xóa")[0] is True, row
        assert _state(reports, row, "_id")[0] is True, row

    tasks = wb["Nhiệm vụ"]
    led = _row_of(tasks, "_id", task)
    for title in ("Tình trạng", "Tiến độ (%)", "Kết quả", "Ghi chú"):
        assert _state(tasks, led, title)[0] is False, title
    assert _state(tasks, led, "Kết quả")[1] == "@"
    for title in ("Kế hoạch", "Nội dung", "Đơn vị chủ trì", "Thời hạn", "Xóa"):
        assert _state(tasks, led, title)[0] is True, title
    context = 2 if led != 2 else 3
    assert all(_state(tasks, context, t)[0] for t in _header(tasks))
    for row in (tasks.max_row + 1, LAST_EDITABLE_ROW):  # an office adds no task
        for title in ("Nội dung", "Kết quả", "Tình trạng", "Xóa"):
            assert _state(tasks, row, title)[0] is True, (row, title)

    firms = wb["Doanh nghiệp khảo sát"]
    mine = _row_of(firms, "_id", own["id"])
    for title in ("Kế hoạch", "Tên doanh nghiệp", "Mã số thuế", "Điện thoại", "Ngày khảo sát", "Ghi chú", "Xóa"):
        assert _state(firms, mine, title)[0] is False, title
    assert _state(firms, mine, "Mã số thuế") == (False, "@")
    assert _state(firms, LAST_EDITABLE_ROW, "Mã số thuế") == (False, "@")
    assert _state(firms, mine, "_id")[0] is True


def test_office_template_opens_the_participants_it_sends_and_locks_the_hubs_rows(seeded_store, tmp_path):
    course = add_course(seeded_store, 1)  # a participant sent by Biên Hòa, owned by the hub
    bienhoa = _id(seeded_store, "SELECT id FROM agencies WHERE code = 'BIENHOA'")
    own = seeded_store.repo("participants").add({"course_id": course, "full_name": "Võ Thị E",
                                                 "agency_id": bienhoa}, owner="BIENHOA")
    _, wb = _load(seeded_store, tmp_path / "mau.xlsx", office="BIENHOA")
    people = wb["Học viên"]
    mine = _row_of(people, "_id", own["id"])
    sent = _row_of(people, "Họ và tên", "Nguyễn Văn A")
    writable = ("Họ và tên", "Giới tính", "Năm sinh", "Đơn vị công tác", "Loại đơn vị", "Chức vụ", "Điện thoại",
                "Thư điện tử", "Ghi chú")
    for title in writable:
        assert _state(people, sent, title)[0] is False, title
        assert _state(people, mine, title)[0] is False, title
    for title in ("Lớp tập huấn", "Có tham dự", "Điểm trước tập huấn", "Đơn vị cử", "Xóa"):
        assert _state(people, sent, title)[0] is True, title
    for title in ("Lớp tập huấn", "Có tham dự", "Điểm trước tập huấn", "Xóa"):
        assert _state(people, mine, title)[0] is False, title
    assert _state(people, mine, "Đơn vị cử")[0] is True  # the row must keep naming the office
    for row in (people.max_row + 1, LAST_EDITABLE_ROW):
        assert _state(people, row, "Họ và tên") == (False, "@")
        assert _state(people, row, "Đơn vị cử")[0] is False and _state(people, row, "Xóa")[0] is True
    plan = wb["Kế hoạch"]  # the hub's
    assert _state(plan, 2, "Tổng kinh phí (đồng)") == (True, "#,##0")


@pytest.mark.parametrize("office", ["BIENHOA", "XUANLOC"])  # codes sorting before and after the hub's "SCT"
def test_an_office_installations_whole_plan_workbook_opens_only_its_own_cells(seeded_store, tmp_path, office):
    seeded_store.set_office(office)  # the hub's plan, now kept by an office's installation
    mine = seeded_store.repo("enterprises").add({"plan_id": seeded_store.repo("plans").rows()[0]["id"],
                                                 "name": "Công ty F"})
    _, wb = _load(seeded_store, tmp_path / "gui_so.xlsx")
    plan = wb["Kế hoạch"]
    assert _state(plan, 2, "Tổng kinh phí (đồng)")[0] is True
    assert _state(plan, 2, "Xóa")[0] is True
    firms = wb["Doanh nghiệp khảo sát"]
    assert _state(firms, _row_of(firms, "_id", mine["id"]), "Tên doanh nghiệp")[0] is False


# -- the file name, the office code and the folder -------------------------------------------------------------------

@pytest.mark.parametrize("name", ["plan.csv", "plan.zip", "plan.xlsm", "plan.xls"])
def test_only_xlsx_names_are_written(seeded_store, tmp_path, name):
    with pytest.raises(ExchangeError, match="đuôi .xlsx"):
        export_workbook(seeded_store, tmp_path / name)
    assert not (tmp_path / name).exists()


def test_a_deleted_agencys_code_gets_no_template_and_a_new_folder_is_made(seeded_store, tmp_path):
    seeded_store.repo("agencies").delete(_id(seeded_store, "SELECT id FROM agencies WHERE code = 'BAODN'"),
                                         cascade=True)
    with pytest.raises(ExchangeError, match="BAODN"):
        export_workbook(seeded_store, tmp_path / "mau.xlsx", office="BAODN")
    target = tmp_path / "a" / "b" / "mau.xlsx"
    export_workbook(seeded_store, target, office=" bienhoa ")
    assert openpyxl.load_workbook(target).active.title == "Báo cáo của đơn vị"


def test_lxml_write_errors_are_told_as_the_os_error_they_stand_for():
    assert _as_os_error(Exception("IO_ENOSPC")).errno == errno.ENOSPC
    assert _as_os_error(Exception("lxml says IO_EACCES now")).errno == errno.EACCES
    assert _as_os_error(Exception("something else")).errno == errno.EIO


class _FullDisk:
    """The file handle of a full disk: every write fails; closing it fails too (after closing) when `closing_fails`."""

    def __init__(self, handle, closing_fails):
        self.handle = handle
        self.closing_fails = closing_fails

    def write(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    def close(self):
        self.handle.close()
        if self.closing_fails:
            raise OSError(errno.EIO, "I/O error")

    def __getattr__(self, name):
        return getattr(self.handle, name)


@pytest.mark.parametrize("closing_fails", [False, True])
def test_a_full_disk_is_told_as_such_and_the_file_handle_is_let_go(seeded_store, tmp_path, monkeypatch,
                                                                   closing_fails):
    handles = []

    class FullDisk:
        def __init__(self, wb, archive):
            self.archive = archive

        def save(self):
            handles.append(self.archive.fp)
            self.archive.fp = _FullDisk(self.archive.fp, closing_fails)
            raise OSError(errno.ENOSPC, "No space left on device")

    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    monkeypatch.setattr("desktop.exchange.writer.ExcelWriter", FullDisk)
    with pytest.raises(ExchangeError, match="ổ đĩa đã đầy"):  # the first error is told, not the one closing
        export_workbook(seeded_store, tmp_path / "out" / "plan.xlsx")
    gc.collect()
    # the archive was abandoned: no second error printed when Python collects it and tries to finish it
    assert unraisable == []
    assert len(handles) == 1 and handles[0].closed
    assert list((tmp_path / "out").iterdir()) == []


def test_a_disk_filling_up_after_some_sheets_leaves_no_temporary_file_and_tells_the_first_error(
        seeded_store, tmp_path, monkeypatch):
    import glob
    import tempfile

    from openpyxl.writer.excel import ExcelWriter

    class FillsUp(ExcelWriter):
        written = 0

        def write_worksheet(self, ws):
            if FillsUp.written == 3:  # _meta and two entity sheets are in the archive, their temporary files gone
                raise OSError(errno.ENOSPC, "No space left on device")
            FillsUp.written += 1
            super().write_worksheet(ws)

    monkeypatch.setattr("desktop.exchange.writer.ExcelWriter", FillsUp)
    temporary = set(glob.glob(f"{tempfile.gettempdir()}/openpyxl.*"))
    with pytest.raises(ExchangeError, match="ổ đĩa đã đầy"):
        export_workbook(seeded_store, tmp_path / "out" / "plan.xlsx")
    assert FillsUp.written == 3
    assert set(glob.glob(f"{tempfile.gettempdir()}/openpyxl.*")) <= temporary
    assert list((tmp_path / "out").iterdir()) == []


# -- what a clerk sees before typing: the header, and grey on what is not theirs ------------------------------------

def _fill(target) -> str:
    return target.fill.fgColor.rgb if target.fill is not None and target.fill.fill_type == "solid" else ""


def test_headers_are_bold_wrapped_and_locked_cells_of_an_office_row_are_grey(seeded_store, tmp_path):
    stnmt = _id(seeded_store, "SELECT id FROM agencies WHERE code = 'STNMT'")
    task = _id(seeded_store, "SELECT id FROM tasks WHERE result IS NULL OR result = '' ORDER BY rowid")
    seeded_store.repo("tasks").update(task, {"lead_agency_id": stnmt})
    _, wb = _load(seeded_store, tmp_path / "mau.xlsx", office="STNMT")
    tasks = wb["Nhiệm vụ"]
    for cell in tasks[1]:
        assert cell.font.bold and cell.alignment.wrap_text, cell.value  # long titles wrap instead of widening
    led = _row_of(tasks, "_id", task)
    titles = _header(tasks)
    grey = "00EDEDED"
    # the task it leads: what it may type is white, what it may not is grey (the whole row says which is which)
    for title in ("Tình trạng", "Tiến độ (%)", "Kết quả"):
        assert _fill(tasks.cell(led, titles.index(title) + 1)) != grey, title
    for title in ("Nội dung", "Đơn vị chủ trì", "Thời hạn"):
        assert _fill(tasks.cell(led, titles.index(title) + 1)) == grey, title
    context = 2 if led != 2 else 3
    visible = [i + 1 for i, t in enumerate(titles) if not _column(tasks, i + 1).hidden]
    for col in visible:  # a row of context is grey across, its empty cells too (written for that alone)
        cell = tasks._cells.get((context, col))  # not tasks.cell(): that would create the cell
        assert cell is not None and _fill(cell) == grey, titles[col - 1]
    # the empty rows below keep their column's format, not grey: a column is not shaded as a whole
    assert _fill(_column(tasks, titles.index("Nội dung") + 1)) != grey
    # the hub's own workbook shades nothing: every data cell is its own
    _, hub = _load(seeded_store, tmp_path / "hub.xlsx")
    hub_tasks = hub["Nhiệm vụ"]
    assert _fill(hub_tasks.cell(2, _header(hub_tasks).index("Nội dung") + 1)) != grey
