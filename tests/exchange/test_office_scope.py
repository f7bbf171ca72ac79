"""The ownership rule (docs/exchange-format.md, "Office scope"), checked row by row as an office lives it.

The hub (SCT) assigns to Biên Hòa (BIENHOA): its report (owned by BIENHOA in the seed), one task it leads and the
participants it sends (both owned by SCT). What Biên Hòa may write is named in the doc; the expected outcomes below
are written from it by hand.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.exchange.model import CHANGED, NEW, REJECTED
from desktop.services.exchange import apply_import, export_workbook, import_report, preview_import
from tests.exchange.helpers import add_course, column_of, digest, edit, find_row, new_store, spec_sheet

OFFICE = "BIENHOA"
OFFICE_NAME = "UBND thành phố Biên Hòa"


def _agency(store, code):
    return store.db.execute("SELECT id FROM agencies WHERE code = ?", [code]).fetchone()[0]


@pytest.fixture
def hub(tmp_path):
    store = new_store(tmp_path / "hub.db")
    add_course(store, 2)  # participants sent by Biên Hòa, owned by the hub
    tasks = store.repo("tasks").rows(kind="activity")
    store.repo("tasks").update(tasks[0]["id"], {"lead_agency_id": _agency(store, OFFICE)})
    yield store
    store.close()


def _led_task(store):
    return store.repo("tasks").rows(lead_agency_id=_agency(store, OFFICE))[0]


def _report(store):
    return store.repo("office_reports").rows(agency_id=_agency(store, OFFICE))[0]


def _rows(result, status):
    return [r for r in result["rows"] if r["status"] == status]


def test_template_starts_the_office_and_the_hubs_later_changes_reach_it(hub, tmp_path):
    template = export_workbook(hub, tmp_path / "mau1.xlsx", office=OFFICE).path
    office = new_store(tmp_path / "office.db", office=OFFICE, empty=True)
    first = import_report(office, template)
    assert first["status"] == "applied" and first["counts"]["rejected"] == 0 and first["errors"] == []
    assert office.repo("office_reports").get(_report(hub)["id"])["owner"] == OFFICE
    assert office.repo("tasks").get(_led_task(hub)["id"])["title"] == _led_task(hub)["title"]
    assert len(office.repo("participants").rows()) == 2

    # The hub changes what it owns: the plan's purpose, the led task's deadline, the report's due date.
    plan = hub.repo("plans").rows()[0]
    hub.repo("plans").update(plan["id"], {"purpose": "Mục đích đã sửa ở Sở"})
    hub.repo("tasks").update(_led_task(hub)["id"], {"end_date": "2024-11-30"})
    hub.repo("office_reports").update(_report(hub)["id"], {"due_date": "2024-11-25"})
    later = export_workbook(hub, tmp_path / "mau2.xlsx", office=OFFICE).path
    second = import_report(office, later)
    assert second["status"] == "applied", second
    assert second["counts"]["rejected"] == 0 and second["counts"]["changed"] == 3
    assert office.repo("plans").get(plan["id"])["purpose"] == "Mục đích đã sửa ở Sở"
    assert office.repo("tasks").get(_led_task(hub)["id"])["end_date"] == "2024-11-30"
    assert office.repo("office_reports").get(_report(hub)["id"])["due_date"] == "2024-11-25"
    # The whole-plan workbook of the hub is received the same way.
    hub.repo("plans").update(plan["id"], {"purpose": "Mục đích lần 3"})
    whole = export_workbook(hub, tmp_path / "toan_bo.xlsx").path
    third = import_report(office, whole)
    assert third["status"] == "applied" and third["counts"]["rejected"] == 0
    assert office.repo("plans").get(plan["id"])["purpose"] == "Mục đích lần 3"
    office.close()


def test_office_fills_named_fields_of_rows_assigned_to_it(hub, tmp_path):
    template = export_workbook(hub, tmp_path / "mau.xlsx", office=OFFICE).path
    task, report = _led_task(hub), _report(hub)
    person = hub.repo("participants").rows()[0]

    def fill(wb):
        ws = wb[spec_sheet("tasks")]
        row = find_row(ws, "_id", task["id"])
        ws.cell(row, column_of(ws, "Kết quả")).value = "Đã tổ chức tại Biên Hòa"
        ws.cell(row, column_of(ws, "Tiến độ (%)")).value = 60
        ws = wb[spec_sheet("office_reports")]
        row = find_row(ws, "_id", report["id"])
        ws.cell(row, column_of(ws, "Ngày nộp")).value = dt.datetime(2024, 11, 28)
        ws = wb[spec_sheet("participants")]
        ws.cell(find_row(ws, "_id", person["id"]), column_of(ws, "Điện thoại")).value = "0912 000 111"

    result = import_report(hub, edit(template, tmp_path / "gui_lai.xlsx", fill))
    assert result["status"] == "applied", result
    assert result["counts"]["changed"] == 3 and result["counts"]["rejected"] == 0
    changes = {r["sheet"]: {c["column"]: c["after"] for c in r["changes"]} for r in _rows(result, CHANGED)}
    assert changes == {"Nhiệm vụ": {"Kết quả": "Đã tổ chức tại Biên Hòa", "Tiến độ (%)": "60"},
                       "Báo cáo của đơn vị": {"Ngày nộp": "28/11/2024"},
                       "Học viên": {"Điện thoại": "0912 000 111"}}
    assert hub.repo("tasks").get(task["id"])["progress"] == 60


def test_everything_else_is_rejected_row_by_row_with_the_reason(hub, tmp_path):
    template = export_workbook(hub, tmp_path / "mau.xlsx", office=OFFICE).path
    task, report = _led_task(hub), _report(hub)
    other = next(t for t in hub.repo("tasks").rows(kind="activity")
                 if t["lead_agency_id"] != _agency(hub, OFFICE))
    plan_title = hub.repo("plans").rows()[0]["title"]

    def tamper(wb):
        ws = wb[spec_sheet("tasks")]
        # the task it leads: its title is the hub's to write
        ws.cell(find_row(ws, "_id", task["id"]), column_of(ws, "Nội dung")).value = "Nội dung bị sửa"
        ws = wb[spec_sheet("office_reports")]
        # its own report may not be handed to another office
        ws.cell(find_row(ws, "_id", report["id"]), column_of(ws, "Đơn vị báo cáo")).value = "Sở Tài chính"
        new = ws.max_row + 1  # a report in the name of Long Khánh
        for title, value in (("Kế hoạch", plan_title), ("Đơn vị báo cáo", "UBND thành phố Long Khánh"),
                             ("Nội dung báo cáo", "Báo cáo thay Long Khánh"), ("Hạn nộp", "01/12/2024")):
            ws.cell(new, column_of(ws, title)).value = value

    before = digest(hub)
    result = import_report(hub, edit(template, tmp_path / "sua.xlsx", tamper))
    assert result["status"] == "refused"
    reasons = {(r["sheet"], r["row"]): r["reason"] for r in _rows(result, REJECTED)}
    assert len(reasons) == 3, reasons
    task_reason = next(v for (sheet, _), v in reasons.items() if sheet == "Nhiệm vụ")
    assert "“Nội dung”" in task_reason and "“Kết quả”" in task_reason  # names what it may and what it did write
    report_reasons = [v for (sheet, _), v in reasons.items() if sheet == "Báo cáo của đơn vị"]
    assert any("“Đơn vị báo cáo”" in r for r in report_reasons)
    assert any("UBND thành phố Long Khánh" in r and "chính đơn vị mình" in r for r in report_reasons)
    assert digest(hub) == before

    # A task the office does not lead (it may coordinate it): owned by the hub, not assigned to the office.
    whole = export_workbook(hub, tmp_path / "toan_bo.xlsx").path
    office = new_store(tmp_path / "office.db", office=OFFICE, empty=True)
    apply_import(office, preview_import(office, whole))
    office.repo("tasks").update(other["id"], {"result": "không phải việc của mình"})
    export_workbook(office, tmp_path / "tu_van_phong.xlsx")
    result = import_report(hub, tmp_path / "tu_van_phong.xlsx")
    rejected = _rows(result, REJECTED)
    assert len(rejected) == 1 and "thuộc đơn vị SCT" in rejected[0]["reason"] and OFFICE in rejected[0]["reason"]
    assert digest(hub) == before
    office.close()


def test_office_adds_rows_for_itself_only(hub, tmp_path):
    whole = export_workbook(hub, tmp_path / "toan_bo.xlsx").path
    office = new_store(tmp_path / "office.db", office=OFFICE, empty=True)
    apply_import(office, preview_import(office, whole))
    course = office.repo("training_courses").rows()[0]
    mine = office.repo("participants").add({"course_id": course["id"], "full_name": "Trần Thị Mới",
                                            "agency_id": _agency(office, OFFICE)})
    # A row the office's database says belongs to Long Khánh (received from elsewhere, or typed there by mistake).
    theirs = office.repo("participants").add({"course_id": course["id"], "full_name": "Lê Văn Khác"},
                                             owner="LONGKHANH")
    objective = office.repo("objectives").rows()[0]
    office.repo("indicators").add({"objective_id": objective["id"], "name": "Chỉ tiêu tự đặt", "target": 3})
    export_workbook(office, tmp_path / "tu_van_phong.xlsx")
    preview = preview_import(hub, tmp_path / "tu_van_phong.xlsx")
    new = [r for r in preview.rows if r.status == NEW]
    rejected = {r.row_id: r.reason for r in preview.rows if r.status == REJECTED}
    assert [r.row_id for r in new] == [mine["id"]]
    assert "dòng mới thuộc đơn vị LONGKHANH" in rejected[theirs["id"]]
    assert any("không được thêm dòng vào trang “Chỉ tiêu”" in reason for reason in rejected.values())
    assert len(rejected) == 2
    apply_import(hub, preview, allow_rejected=True)
    assert hub.repo("participants").get(mine["id"])["owner"] == OFFICE
    assert not hub.repo("participants").exists(theirs["id"])
    office.close()


def test_both_sides_changed_an_assigned_row_the_hub_keeps_its_fields_and_takes_the_offices(hub, tmp_path):
    """The hub moves the deadline of the task Biên Hòa leads while Biên Hòa records its result: a conflict (not a
    rejection: Biên Hòa did not touch the deadline); taking "theirs" keeps the hub's deadline and takes the result;
    the next exchange converges."""
    whole = export_workbook(hub, tmp_path / "toan_bo.xlsx").path
    office = new_store(tmp_path / "office.db", office=OFFICE, empty=True)
    apply_import(office, preview_import(office, whole))
    task = _led_task(hub)
    hub.repo("tasks").update(task["id"], {"end_date": "2024-09-30"})
    office.repo("tasks").update(task["id"], {"result": "Đã khảo sát 5 doanh nghiệp", "progress": 100})
    export_workbook(office, tmp_path / "tu_van_phong.xlsx")
    preview = preview_import(hub, tmp_path / "tu_van_phong.xlsx")
    assert preview.counts[REJECTED] == 0 and preview.counts["conflict"] == 1
    conflict = preview.conflicts[0]
    assert {c[0] for c in conflict.changes} == {"Tiến độ (%)", "Kết quả"}  # not the deadline
    apply_import(hub, preview, "theirs")
    stored = hub.repo("tasks").get(task["id"])
    assert (stored["end_date"], stored["result"], stored["progress"]) == (
        "2024-09-30", "Đã khảo sát 5 doanh nghiệp", 100)
    export_workbook(hub, tmp_path / "tu_so.xlsx")
    back = import_report(office, tmp_path / "tu_so.xlsx")
    assert back["status"] == "applied" and back["counts"]["conflict"] == 0 and back["counts"]["rejected"] == 0
    mine = office.repo("tasks").get(task["id"])
    assert (mine["end_date"], mine["result"]) == ("2024-09-30", "Đã khảo sát 5 doanh nghiệp")
    export_workbook(office, tmp_path / "lan_2.xlsx")
    assert not preview_import(hub, tmp_path / "lan_2.xlsx").has_changes
    office.close()
