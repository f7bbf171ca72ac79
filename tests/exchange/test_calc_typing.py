"""Exported workbooks used in LibreOffice Calc as a clerk uses them: with the sheet protection on, Calc is asked
which cells are locked, the clerk types (setString for text, setFormula for dates and numbers, as typing does),
saves as Excel 2007-365, and the import gets exactly what was typed.

The cells an office may fill are written here by hand from the rule in docs/exchange-format.md ("Office scope").
"""

from __future__ import annotations

import pytest

from desktop.exchange.model import CHANGED, NEW
from desktop.services.exchange import export_workbook, import_report, preview_import
from tests.exchange.helpers import add_course, new_store

OFFICE = "BIENHOA"
REPORTS, TASKS, PEOPLE, COURSES = "Báo cáo của đơn vị", "Nhiệm vụ", "Học viên", "Lớp tập huấn"

# What Biên Hòa may type into, per sheet and kind of row (the rule, written out).
REPORT_OWN = {"Kế hoạch", "Gửi đến", "Nội dung báo cáo", "Kỳ báo cáo", "Hạn nộp", "Ngày nộp", "Tóm tắt kết quả",
              "Ghi chú", "Xóa"}
REPORT_NEW = REPORT_OWN - {"Xóa"} | {"Đơn vị báo cáo"}
TASK_LED = {"Tình trạng", "Tiến độ (%)", "Kết quả", "Ghi chú"}
PERSON_SENT = {"Họ và tên", "Giới tính", "Năm sinh", "Đơn vị công tác", "Loại đơn vị", "Chức vụ", "Điện thoại",
               "Thư điện tử", "Ghi chú"}
PERSON_NEW = PERSON_SENT | {"Lớp tập huấn", "Đơn vị cử", "Có tham dự", "Điểm trước tập huấn", "Điểm sau tập huấn",
                            "Mức hài lòng (1–5)"}
COURSE_NEW = {"Kế hoạch", "Nhiệm vụ", "Tên lớp", "Địa điểm", "Ngày bắt đầu", "Ngày kết thúc", "Số học viên dự kiến",
              "Đơn vị tổ chức", "Giảng viên", "Nội dung tập huấn", "Ghi chú"}


def _agency(store, code):
    return store.db.execute("SELECT id FROM agencies WHERE code = ?", [code]).fetchone()[0]


@pytest.fixture
def hub(tmp_path):
    store = new_store(tmp_path / "hub.db")
    add_course(store, 3)
    task = store.repo("tasks").rows(kind="activity")[0]
    store.repo("tasks").update(task["id"], {"lead_agency_id": _agency(store, OFFICE)})
    yield store
    store.close()


def _open(answer, row):
    """The titles of the cells of `row` a person may type into (sheet protected, cell unlocked)."""
    cells = answer["rows"][str(row)]
    assert answer["protected"]
    return {t for t, locked in zip(answer["header"], cells["locked"], strict=True) if not locked}


def _cell(answer, title, row):
    return f"{chr(65 + answer['header'].index(title))}{row}"


def test_whole_plan_every_visible_data_cell_is_open_and_nothing_else(hub, calc, tmp_path):
    path = export_workbook(hub, tmp_path / "ke_hoach.xlsx").path
    sheets = [name for name, visible in calc.run(path, [{"op": "sheets"}])[0]["sheets"] if visible]
    assert len(sheets) == 20
    answers = calc.run(path, [{"op": "cells", "sheet": s, "rows": [1, 2, 5000]} for s in sheets])
    for sheet, answer in zip(sheets, answers, strict=True):
        visible = {t for t, v in zip(answer["header"], answer["visible"], strict=True) if v}
        assert visible == {t for t in answer["header"] if not t.startswith("_")}, sheet
        assert _open(answer, 1) == set(), sheet  # the header row
        last = answer["used_rows"]
        rows = [2, 5000] if last >= 2 else [5000]
        for row in rows:
            assert _open(answer, row) == visible, (sheet, row)
        assert answer["header"][-1] == "_updated"
    # Beyond the last column nothing is open either (asked on the sheet with the widest layout).
    wide = calc.run(path, [{"op": "cells", "sheet": TASKS, "rows": [2]}])[0]
    assert not any(not locked for locked in wide["rows"]["2"]["locked"][len(wide["visible"]) - 9:])


def test_new_participant_and_task_result_typed_in_calc_import_as_exactly_that(hub, calc, tmp_path):
    path = export_workbook(hub, tmp_path / "ke_hoach.xlsx").path
    people, tasks = calc.run(path, [{"op": "cells", "sheet": PEOPLE, "rows": [2]},
                                    {"op": "cells", "sheet": TASKS, "rows": [3]}])
    new_row = people["used_rows"] + 1  # under the last participant
    course = hub.repo("training_courses").rows()[0]["title"]
    typing = [
        {"op": "type", "sheet": PEOPLE, "cell": _cell(people, "Lớp tập huấn", new_row), "string": course},
        {"op": "type", "sheet": PEOPLE, "cell": _cell(people, "Họ và tên", new_row), "string": "Phạm Thị Lan"},
        {"op": "type", "sheet": PEOPLE, "cell": _cell(people, "Đơn vị công tác", new_row),
         "string": "Công ty Điện lực Đồng Nai"},
        {"op": "type", "sheet": PEOPLE, "cell": _cell(people, "Chức vụ", new_row), "string": "Kỹ sư"},
        # typed as a person types digits: the text format of the column keeps the leading zero
        {"op": "type", "sheet": PEOPLE, "cell": _cell(people, "Điện thoại", new_row), "formula": "0912345678"},
        {"op": "type", "sheet": PEOPLE, "cell": _cell(people, "Năm sinh", new_row), "formula": "1990"},
        {"op": "type", "sheet": TASKS, "cell": _cell(tasks, "Kết quả", 3), "string": "Đã tổ chức 01 lớp"},
    ]
    answers = calc.run(path, typing, save_as=tmp_path / "da_go.xlsx")
    assert all("refused" not in a for a in answers), answers
    preview = preview_import(hub, tmp_path / "da_go.xlsx")
    assert not preview.errors, preview.errors
    assert preview.counts[NEW] == 1 and preview.counts[CHANGED] == 1 and preview.counts["rejected"] == 0
    changed = next(r for r in preview.rows if r.status == CHANGED)
    assert changed.sheet == TASKS and changed.row == 3 and changed.changes == [("Kết quả", "", "Đã tổ chức 01 lớp")]
    added = next(r for r in preview.rows if r.status == NEW)
    assert added.row == new_row
    assert (added.get("full_name"), added.get("organisation"), added.get("position"), added.get("phone"),
            added.get("birth_year")) == ("Phạm Thị Lan", "Công ty Điện lực Đồng Nai", "Kỹ sư", "0912345678", 1990)
    assert import_report(hub, tmp_path / "da_go.xlsx")["status"] == "applied"


def test_office_template_opens_exactly_what_the_office_fills(hub, calc, tmp_path):
    path = export_workbook(hub, tmp_path / "mau.xlsx", office=OFFICE).path
    sheets = [name for name, visible in calc.run(path, [{"op": "sheets"}])[0]["sheets"] if visible]
    # Its reports first, then its tasks and participants, then the context, agencies last; no empty sheet.
    assert sheets == [REPORTS, TASKS, PEOPLE, "Kế hoạch", COURSES, "Đơn vị"]
    led = hub.repo("tasks").rows(lead_agency_id=_agency(hub, OFFICE))[0]
    answers = calc.run(path, [{"op": "cells", "sheet": s, "rows": list(range(1, 25)) + [5000]} for s in sheets])
    by_sheet = dict(zip(sheets, answers, strict=True))
    for sheet, answer in by_sheet.items():
        assert _open(answer, 1) == set(), sheet
        for row in range(2, answer["used_rows"] + 1):
            cells = answer["rows"][str(row)]
            opened = _open(answer, row)
            row_id = cells["text"][answer["header"].index("_id")]
            if sheet == REPORTS:
                expected = REPORT_OWN
            elif sheet == TASKS:
                expected = TASK_LED if row_id == led["id"] else set()
            elif sheet == PEOPLE:
                expected = PERSON_SENT
            else:
                expected = set()
            assert opened == expected, (sheet, row)
            # a visible cell the office may not fill is shaded: it sees what is not its own
            for title, locked, shaded, visible in zip(answer["header"], cells["locked"], cells["shaded"],
                                                      answer["visible"], strict=True):
                if visible:
                    assert shaded == locked, (sheet, row, title)
        below = {REPORTS: REPORT_NEW, PEOPLE: PERSON_NEW, COURSES: COURSE_NEW}.get(sheet, set())
        assert _open(answer, answer["used_rows"] + 1) == below, sheet
        assert _open(answer, 5000) == below, sheet
    assert by_sheet[TASKS]["used_rows"] - 1 == 2  # the activity it leads and the content item it belongs to
    assert by_sheet[PEOPLE]["used_rows"] - 1 == 3


def test_office_fills_its_report_in_calc_and_the_hub_gets_exactly_that(hub, calc, tmp_path):
    path = export_workbook(hub, tmp_path / "mau.xlsx", office=OFFICE).path
    reports, tasks = calc.run(path, [{"op": "cells", "sheet": REPORTS, "rows": [2]},
                                     {"op": "cells", "sheet": TASKS, "rows": [2]}])
    led = hub.repo("tasks").rows(lead_agency_id=_agency(hub, OFFICE))[0]
    answers = calc.run(path, [
        {"op": "type", "sheet": REPORTS, "cell": _cell(reports, "Ngày nộp", 2), "formula": "2024-11-28"},
        {"op": "type", "sheet": REPORTS, "cell": _cell(reports, "Tóm tắt kết quả", 2),
         "string": "Đã tổ chức 2 lớp, 350 học viên."},
        {"op": "type", "sheet": REPORTS, "cell": _cell(reports, "Đơn vị báo cáo", 2), "string": "Sở Tài chính"},
        {"op": "type", "sheet": TASKS, "cell": _cell(tasks, "Nội dung", 2), "string": "sửa nội dung"},
    ], save_as=tmp_path / "bao_cao.xlsx")
    assert answers[2] == {"refused": "protected"} and answers[3] == {"refused": "protected"}
    result = import_report(hub, tmp_path / "bao_cao.xlsx")
    assert result["status"] == "applied", result
    assert result["counts"]["changed"] == 1 and result["counts"]["new"] == 0 and result["counts"]["rejected"] == 0
    row = next(r for r in result["rows"] if r["status"] == CHANGED)
    assert row["sheet"] == REPORTS and row["row"] == 2
    assert row["changes"] == [{"column": "Ngày nộp", "before": "", "after": "28/11/2024"},
                              {"column": "Tóm tắt kết quả", "before": "", "after": "Đã tổ chức 2 lớp, 350 học viên."}]
    assert hub.repo("tasks").get(led["id"])["title"] == led["title"]


def test_renamed_deleted_and_added_sheets_are_never_silent(hub, calc, tmp_path):
    path = export_workbook(hub, tmp_path / "ke_hoach.xlsx").path
    reports = calc.run(path, [{"op": "cells", "sheet": REPORTS, "rows": [2]}])[0]
    calc.run(path, [
        {"op": "rename", "sheet": REPORTS, "to": "Báo cáo đơn vị"},
        {"op": "type", "sheet": "Báo cáo đơn vị", "cell": _cell(reports, "Tóm tắt kết quả", 2), "string": "Đã nộp"},
        {"op": "remove", "sheet": PEOPLE},
        {"op": "insert", "sheet": "Ghi chép"},
        {"op": "type", "sheet": "Ghi chép", "cell": "A1", "string": "nhớ gọi Biên Hòa"},
    ], save_as=tmp_path / "doi_ten.xlsx")
    result = import_report(hub, tmp_path / "doi_ten.xlsx", dry_run=True)
    assert result["status"] == "dry-run" and result["counts"]["changed"] == 1
    assert next(r for r in result["rows"] if r["status"] == CHANGED)["sheet"] == "Báo cáo đơn vị"
    warnings = "\n".join(result["warnings"])
    assert "“Báo cáo đơn vị” được nhận là trang “Báo cáo của đơn vị”" in warnings
    assert "“Học viên” có trong tệp khi xuất nhưng nay không còn" in warnings
    assert "“Ghi chép” không phải trang dữ liệu" in warnings

    # A copy of a sheet next to its original cannot be told apart: refused, naming the copy.
    calc.run(path, [{"op": "copy", "sheet": PEOPLE, "to": "Học viên (2)"}], save_as=tmp_path / "ban_sao.xlsx")
    result = import_report(hub, tmp_path / "ban_sao.xlsx")
    assert result["status"] == "refused"
    assert any(e["sheet"] == "Học viên (2)" and "Học viên" in e["message"] for e in result["errors"])
