"""The import checks a clerk's edits run into, each with the workbook a clerk would produce (opened and saved the way
Excel does, here with openpyxl): a name typed that names nothing or two things, a row whose parent is gone, a code
typed twice, hidden bookkeeping cells damaged, a column title pasted twice. Every one ends in a Vietnamese message
naming the sheet, the row and the column, and nothing is written."""

from __future__ import annotations

import pytest

from desktop.exchange.errors import CellError
from desktop.services.exchange import export_workbook, import_report
from tests.exchange.helpers import add_course, column_of, digest, edit, find_row

COURSE = "Lớp tập huấn SXTDBV 2024"


@pytest.fixture
def exported(seeded_store, tmp_path):
    """The hub's workbook with a course of two participants (Nguyễn Văn A on row 2, Nguyễn Văn B on row 3)."""
    add_course(seeded_store, 2)
    return export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path


def _refused(store, path) -> list[dict]:
    """Import `path` as the CLI and the GUI do: it must be refused with nothing written; its errors."""
    before = digest(store)
    report = import_report(store, path)
    assert report["status"] == "refused", report
    assert report["message"].startswith("Không nhập"), report["message"]
    assert digest(store) == before
    return report["errors"]


def _shown(error: dict) -> str:
    """The error as the user reads it (import dialog, CLI)."""
    return str(CellError(**error))


def _type_participant(ws, **values) -> int:
    """A new row typed at the bottom of the participants' sheet: only visible cells, hidden ones left empty."""
    row = ws.max_row + 1
    cells = {"Lớp tập huấn": COURSE, "Họ và tên": "Lê Thị Hoa", "Giới tính": "Nữ", "Năm sinh": 1990,
             "Đơn vị công tác": "Công ty Sonadezi", **values}
    for title, value in cells.items():
        ws.cell(row, column_of(ws, title)).value = value
    return row


def test_a_course_name_that_names_no_course(seeded_store, exported, tmp_path):
    typed = {}

    def clerk(wb):
        typed["row"] = _type_participant(wb["Học viên"], **{"Lớp tập huấn": "Lớp tập huấn năm 2025"})

    errors = _refused(seeded_store, edit(exported, tmp_path / "sai-ten.xlsx", clerk))
    found = [e for e in errors if (e["sheet"], e["row"], e["column"]) == ("Học viên", typed["row"], "Lớp tập huấn")]
    assert found, errors
    assert _shown(found[0]) == (f"Trang “Học viên”, dòng {typed['row']}, cột “Lớp tập huấn”: "
                                "không tìm thấy lớp tập huấn “Lớp tập huấn năm 2025”.")
    assert seeded_store.repo("participants").count(full_name="Lê Thị Hoa") == 0


def test_an_agency_name_with_a_typo_is_not_guessed(seeded_store, exported, tmp_path):
    typed = {}

    def clerk(wb):  # "Thuơng" for "Thương": looks right, is another word
        typed["row"] = _type_participant(wb["Học viên"], **{"Đơn vị cử": "Sở Công Thuơng"})

    errors = _refused(seeded_store, edit(exported, tmp_path / "go-sai.xlsx", clerk))
    assert any((e["sheet"], e["row"], e["column"]) == ("Học viên", typed["row"], "Đơn vị cử")
               and "không tìm thấy đơn vị “Sở Công Thuơng”" in e["message"] for e in errors), errors


def test_a_name_two_agencies_share_is_refused_not_picked(seeded_store, exported, tmp_path):
    # Two district offices both called "Phòng Kinh tế" (their codes differ): a typed name cannot choose between them.
    for code in ("PKT_LONGKHANH", "PKT_NHONTRACH"):
        seeded_store.repo("agencies").add({"code": code, "name": "Phòng Kinh tế", "kind": "Khác"})
    fresh = export_workbook(seeded_store, tmp_path / "moi.xlsx").path
    typed = {}

    def clerk(wb):
        typed["row"] = _type_participant(wb["Học viên"], **{"Đơn vị cử": "Phòng Kinh tế"})

    errors = _refused(seeded_store, edit(fresh, tmp_path / "trung-ten.xlsx", clerk))
    found = [e for e in errors if (e["sheet"], e["row"], e["column"]) == ("Học viên", typed["row"], "Đơn vị cử")]
    assert found and found[0]["message"] == ("có nhiều đơn vị cùng tên “Phòng Kinh tế”: "
                                             "hãy chọn lại trong danh sách."), errors


def test_a_row_added_under_a_course_deleted_since_the_export(seeded_store, exported, tmp_path):
    # The hub deletes the course (and its participants) after sending the file; the office adds a participant to it.
    course = seeded_store.repo("training_courses").rows(title=COURSE)[0]
    seeded_store.repo("training_courses").delete(course["id"], cascade=True)
    typed = {}

    def clerk(wb):
        typed["row"] = _type_participant(wb["Học viên"])

    errors = _refused(seeded_store, edit(exported, tmp_path / "mat-lop.xlsx", clerk))
    found = [e for e in errors if (e["sheet"], e["row"]) == ("Học viên", typed["row"])]
    assert found, errors
    assert "Lớp tập huấn" in _shown(found[0]) and "không tìm thấy lớp tập huấn" in found[0]["message"]
    assert "đã bị xóa" in found[0]["message"]
    assert seeded_store.repo("participants").count(full_name="Lê Thị Hoa") == 0


def test_a_row_pointing_at_a_parent_task_that_is_not_there(seeded_store, exported, tmp_path):
    # A task row copied in from another year's workbook: its hidden parent id names a task this database never had.
    where = {}

    def clerk(wb):
        ws = wb["Nhiệm vụ"]
        source = find_row(ws, "Mục", "II.1.1")
        row = ws.max_row + 1
        for col in range(1, ws.max_column + 1):
            ws.cell(row, col).value = ws.cell(source, col).value
        for hidden in ("_id", "_rev", "_revs", "_owner", "_updated"):
            ws.cell(row, column_of(ws, hidden)).value = None
        ws.cell(row, column_of(ws, "Mục")).value = "II.1.9"
        ws.cell(row, column_of(ws, "Thuộc nội dung")).value = "Nội dung của năm 2023"
        ws.cell(row, column_of(ws, "_ref:parent_id")).value = "0b9d4c1e-1111-4a2b-9c3d-5e6f7a8b9c0d"
        where["row"] = row

    errors = _refused(seeded_store, edit(exported, tmp_path / "cha-la.xlsx", clerk))
    found = [e for e in errors if (e["sheet"], e["row"]) == ("Nhiệm vụ", where["row"])]
    assert found, errors
    assert any("Thuộc nội dung" in _shown(e) and "không tìm thấy nhiệm vụ" in e["message"] for e in found), found
    assert seeded_store.repo("tasks").count(code="II.1.9") == 0


def test_an_agency_code_typed_twice_or_already_taken(seeded_store, exported, tmp_path):
    rows = {}

    def clerk(wb):
        ws = wb["Đơn vị"]
        for key, code, name in (("taken", "sct", "Sở Công Thương (gõ lại)"), ("first", "SDL", "Sở Du lịch"),
                                ("second", "SDL", "Sở Du lịch (dòng chép)")):
            row = ws.max_row + 1
            ws.cell(row, column_of(ws, "Mã đơn vị")).value = code
            ws.cell(row, column_of(ws, "Tên đơn vị")).value = name
            ws.cell(row, column_of(ws, "Loại đơn vị")).value = "Khác"
            rows[key] = row

    errors = _refused(seeded_store, edit(exported, tmp_path / "trung-ma.xlsx", clerk))
    by_row = {e["row"]: e for e in errors if e["sheet"] == "Đơn vị"}
    # "sct" is the department's own code in other letters: codes compare without case.
    assert rows["taken"] in by_row and "Mã đơn vị: “sct” đã có ở một dòng khác" in by_row[rows["taken"]]["message"]
    # Of two new rows with one code, the first could stand alone; the second is the duplicate.
    assert rows["second"] in by_row and "Mã đơn vị: “SDL” đã có" in by_row[rows["second"]]["message"]
    assert rows["first"] not in by_row
    assert _shown(by_row[rows["second"]]).startswith(f"Trang “Đơn vị”, dòng {rows['second']}: Mã đơn vị:")
    assert seeded_store.repo("agencies").count(code="SDL") == 0


@pytest.mark.parametrize(("column", "value", "message"), [
    ("_id", "d2325b2d-adbf-4a15 (cũ)", "mã dòng bị sửa hỏng."),  # a note typed into the hidden cell
    ("_id", "Nguyễn Văn A", "mã dòng bị sửa hỏng."),  # a name pasted over the hidden column
    ("_id", "d2325b2d-adbf-4a15", "mã dòng bị sửa hỏng."),  # cut short: it would have come in as a second person
    ("_rev", "2-", "mã phiên bản bị sửa hỏng."),
    ("_rev", "ba", "mã phiên bản bị sửa hỏng."),
])
def test_damaged_hidden_row_ids_and_revisions(seeded_store, exported, tmp_path, column, value, message):
    def clerk(wb):
        ws = wb["Học viên"]
        ws.cell(find_row(ws, "Họ và tên", "Nguyễn Văn B"), column_of(ws, column)).value = value

    errors = _refused(seeded_store, edit(exported, tmp_path / "hong.xlsx", clerk))
    assert {"sheet": "Học viên", "row": 3, "column": column, "message": message} in errors, errors


def test_a_column_title_present_twice(seeded_store, exported, tmp_path):
    def clerk(wb):  # a second "Họ và tên" column pasted at the right end, to hold a corrected spelling
        ws = wb["Học viên"]
        last = ws.max_column + 1
        ws.cell(1, last).value = "Họ và tên"
        ws.cell(2, last).value = "Nguyễn Văn Anh"

    errors = _refused(seeded_store, edit(exported, tmp_path / "hai-cot.xlsx", clerk))
    assert {"sheet": "Học viên", "row": 1, "column": "Họ và tên", "message": "cột này xuất hiện hai lần."} in errors
    assert _shown({"sheet": "Học viên", "row": 1, "column": "Họ và tên", "message": "cột này xuất hiện hai lần."}) \
        == "Trang “Học viên”, dòng 1, cột “Họ và tên”: cột này xuất hiện hai lần."
