"""The exchange scenarios between the hub (Sở Công Thương) and an office (UBND thành phố Biên Hòa)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.exchange.errors import ExchangeError
from desktop.exchange.model import CHANGED, CONFLICT, DELETED, NEW, REJECTED, STALE
from desktop.services.exchange import apply_import, export_workbook, import_report, preview_import
from tests.exchange.helpers import add_course, column_of, digest, edit, find_row, new_store, spec_sheet

OFFICE = "BIENHOA"


@pytest.fixture
def hub(tmp_path):
    store = new_store(tmp_path / "hub.db")
    yield store
    store.close()


@pytest.fixture
def office(tmp_path, hub):
    """The office's installation: an empty database filled from the hub's whole-plan export."""
    store = new_store(tmp_path / "office.db", office=OFFICE, empty=True)
    export_workbook(hub, tmp_path / "hub0.xlsx")
    preview = preview_import(store, tmp_path / "hub0.xlsx")
    assert not preview.errors and preview.counts[REJECTED] == 0
    apply_import(store, preview)
    yield store
    store.close()


def _report(store, office=OFFICE):
    agency = store.db.execute("SELECT id FROM agencies WHERE code = ?", [office]).fetchone()[0]
    return store.repo("office_reports").rows(agency_id=agency)[0]


def test_hub_to_office_excel_only_to_hub(hub, tmp_path):
    template = export_workbook(hub, tmp_path / "mau_bienhoa.xlsx", office=OFFICE).path
    report = _report(hub)
    agency_name = "UBND thành phố Biên Hòa"
    plan_title = hub.repo("plans").rows()[0]["title"]

    def fill(wb):
        ws = wb[spec_sheet("office_reports")]
        row = find_row(ws, "_id", report["id"])
        ws.cell(row, column_of(ws, "Tóm tắt kết quả")).value = "Đã tổ chức 2 lớp, 350 học viên."
        ws.cell(row, column_of(ws, "Ngày nộp")).value = dt.datetime(2024, 12, 10)
        new = ws.max_row + 1
        ws.cell(new, column_of(ws, "Kế hoạch")).value = plan_title
        ws.cell(new, column_of(ws, "Đơn vị báo cáo")).value = agency_name
        ws.cell(new, column_of(ws, "Nội dung báo cáo")).value = "Báo cáo bổ sung quý IV"
        ws.cell(new, column_of(ws, "Hạn nộp")).value = "20/12/2024"

    returned = edit(template, tmp_path / "bienhoa_gui_lai.xlsx", fill)
    preview = preview_import(hub, returned)
    assert not preview.errors, preview.errors
    assert preview.counts[CHANGED] == 1 and preview.counts[NEW] == 1
    changed = next(r for r in preview.rows if r.status == CHANGED)
    assert ("Tóm tắt kết quả", "", "Đã tổ chức 2 lớp, 350 học viên.") in changed.changes
    assert ("Ngày nộp", "", "10/12/2024") in changed.changes
    apply_import(hub, preview)
    stored = hub.repo("office_reports").get(report["id"])
    assert stored["summary"] == "Đã tổ chức 2 lớp, 350 học viên." and stored["submitted_date"] == "2024-12-10"
    assert stored["rev"].startswith("2-") and report["rev"] in stored["revs"]
    added = hub.repo("office_reports").rows(subject="Báo cáo bổ sung quý IV")[0]
    assert added["owner"] == OFFICE and added["due_date"] == "2024-12-20"
    # The same file again changes nothing.
    before = digest(hub)
    assert import_report(hub, returned)["status"] == "no-changes"
    assert digest(hub) == before


def test_hub_to_office_app_to_hub(hub, office, tmp_path):
    report = _report(office)
    office.repo("office_reports").update(report["id"], {"summary": "Hoàn thành 100%", "submitted_date": "2024-12-01"})
    export_workbook(office, tmp_path / "from_office.xlsx")
    preview = preview_import(hub, tmp_path / "from_office.xlsx")
    assert preview.acting_office == OFFICE
    assert preview.counts[CHANGED] == 1 and preview.counts[REJECTED] == 0 and not preview.errors
    apply_import(hub, preview)
    assert hub.repo("office_reports").get(report["id"])["summary"] == "Hoàn thành 100%"
    # Back to the office: the hub's next export brings nothing new for it.
    export_workbook(hub, tmp_path / "hub1.xlsx")
    assert not preview_import(office, tmp_path / "hub1.xlsx").has_changes


def test_conflict_resolved_theirs_then_converges(hub, office, tmp_path):
    report = _report(office)
    office.repo("office_reports").update(report["id"], {"summary": "Bản của Biên Hòa"})
    hub.repo("office_reports").update(report["id"], {"summary": "Bản Sở sửa"})
    export_workbook(office, tmp_path / "o.xlsx")
    preview = preview_import(hub, tmp_path / "o.xlsx")
    conflict = next(r for r in preview.rows if r.status == CONFLICT)
    assert ("Tóm tắt kết quả", "Bản Sở sửa", "Bản của Biên Hòa") in conflict.changes
    with pytest.raises(ExchangeError):
        apply_import(hub, preview)  # unresolved conflicts stop the import
    apply_import(hub, preview, {conflict.key: "theirs"})
    assert hub.repo("office_reports").get(report["id"])["summary"] == "Bản của Biên Hòa"
    export_workbook(hub, tmp_path / "h.xlsx")
    back = preview_import(office, tmp_path / "h.xlsx")
    assert back.counts[CONFLICT] == 0
    apply_import(office, back)
    assert office.repo("office_reports").get(report["id"])["summary"] == "Bản của Biên Hòa"
    # Both sides now agree: re-exchanging changes nothing.
    export_workbook(office, tmp_path / "o2.xlsx")
    assert not preview_import(hub, tmp_path / "o2.xlsx").has_changes


def test_conflict_resolved_mine_keeps_local_and_wins_next_time(hub, office, tmp_path):
    report = _report(office)
    office.repo("office_reports").update(report["id"], {"summary": "Bản của Biên Hòa"})
    hub.repo("office_reports").update(report["id"], {"summary": "Bản Sở sửa"})
    export_workbook(office, tmp_path / "o.xlsx")
    report_json = import_report(hub, tmp_path / "o.xlsx", resolve="mine")
    assert report_json["status"] == "applied"
    assert hub.repo("office_reports").get(report["id"])["summary"] == "Bản Sở sửa"
    # The same office file again is now stale: its revision is in the hub's history.
    again = preview_import(hub, tmp_path / "o.xlsx")
    assert again.counts[STALE] == 1 and again.counts[CONFLICT] == 0


def test_stale_file_returned_late(hub, office, tmp_path):
    report = _report(office)
    office.repo("office_reports").update(report["id"], {"summary": "Lần 1"})
    export_workbook(office, tmp_path / "first.xlsx")
    office.repo("office_reports").update(report["id"], {"summary": "Lần 2"})
    export_workbook(office, tmp_path / "second.xlsx")
    assert import_report(hub, tmp_path / "second.xlsx")["status"] == "applied"
    before = digest(hub)
    late = import_report(hub, tmp_path / "first.xlsx")
    assert late["counts"]["stale"] == 1 and late["status"] == "no-changes"
    assert digest(hub) == before
    assert hub.repo("office_reports").get(report["id"])["summary"] == "Lần 2"


def test_out_of_scope_edit_is_rejected_and_nothing_written(hub, tmp_path):
    template = export_workbook(hub, tmp_path / "mau.xlsx", office=OFFICE).path
    report = _report(hub)

    def tamper(wb):
        ws = wb[spec_sheet("plans")]
        ws.cell(2, column_of(ws, "Tên kế hoạch")).value = "Kế hoạch bị sửa trái phép"
        ws = wb[spec_sheet("office_reports")]
        ws.cell(find_row(ws, "_id", report["id"]), column_of(ws, "Tóm tắt kết quả")).value = "hợp lệ"

    edited = edit(template, tmp_path / "sua.xlsx", tamper)
    before = digest(hub)
    result = import_report(hub, edited)
    assert result["status"] == "refused" and result["counts"]["rejected"] == 1
    rejected = next(r for r in result["rows"] if r["status"] == REJECTED)
    assert rejected["sheet"] == "Kế hoạch" and "SCT" in rejected["reason"] and OFFICE in rejected["reason"]
    assert digest(hub) == before
    # The GUI may apply the rows in scope and leave the rejected one out.
    preview = preview_import(hub, edited)
    apply_import(hub, preview, allow_rejected=True)
    assert hub.repo("office_reports").get(report["id"])["summary"] == "hợp lệ"
    assert hub.repo("plans").rows()[0]["title"] != "Kế hoạch bị sửa trái phép"


def test_deletion_travels_both_ways(hub, office, tmp_path):
    # Office marks its own report deleted in Excel -> the hub tombstones it.
    export_workbook(office, tmp_path / "o.xlsx")
    report = _report(office)

    def mark(wb):
        ws = wb[spec_sheet("office_reports")]
        ws.cell(find_row(ws, "_id", report["id"]), column_of(ws, "Xóa")).value = "x"

    marked = edit(tmp_path / "o.xlsx", tmp_path / "o_x.xlsx", mark)
    preview = preview_import(hub, marked)
    assert preview.counts[DELETED] == 1 and not preview.errors
    apply_import(hub, preview)
    assert hub.repo("office_reports").get(report["id"], include_deleted=True)["deleted"] == 1
    # Hub deletes a legal basis in the app -> the tombstone reaches the office.
    basis = hub.repo("legal_bases").rows()[0]
    hub.repo("legal_bases").delete(basis["id"])
    export_workbook(hub, tmp_path / "h.xlsx")
    preview = preview_import(office, tmp_path / "h.xlsx")
    assert preview.counts[DELETED] == 2  # the legal basis and the office's own (now tombstoned) report
    apply_import(office, preview)
    assert not office.repo("legal_bases").exists(basis["id"])
    assert not office.repo("office_reports").exists(report["id"])


def test_rows_missing_from_a_file_are_not_deletions(hub, tmp_path):
    path = export_workbook(hub, tmp_path / "a.xlsx").path

    def drop_rows(wb):
        ws = wb[spec_sheet("legal_bases")]
        ws.delete_rows(2, 3)

    edited = edit(path, tmp_path / "b.xlsx", drop_rows)
    assert not preview_import(hub, edited).has_changes


def test_deleting_a_parent_with_live_children_is_rejected(hub, tmp_path):
    path = export_workbook(hub, tmp_path / "a.xlsx").path
    objective = hub.repo("objectives").rows()[0]

    def mark(wb):
        ws = wb[spec_sheet("objectives")]
        ws.cell(find_row(ws, "_id", objective["id"]), column_of(ws, "Xóa")).value = "x"

    preview = preview_import(hub, edit(path, tmp_path / "b.xlsx", mark))
    assert preview.counts[REJECTED] == 1
    assert "gắn với" in next(r for r in preview.rows if r.status == REJECTED).reason


def test_database_changed_after_preview_refuses_apply(hub, office, tmp_path):
    report = _report(office)
    office.repo("office_reports").update(report["id"], {"summary": "A"})
    export_workbook(office, tmp_path / "o.xlsx")
    preview = preview_import(hub, tmp_path / "o.xlsx")
    hub.repo("office_reports").update(report["id"], {"summary": "sửa trong lúc xem trước"})
    before = digest(hub)
    with pytest.raises(ExchangeError, match="thay đổi sau khi xem trước"):
        apply_import(hub, preview)
    assert digest(hub) == before


def test_an_offices_whole_life_from_its_template(tmp_path, calc, capsys):
    """Hub -> template -> the office's own installation -> edits in its app and in LibreOffice Calc -> hub; then the
    hub's later changes -> the office. Commands as the user types them; Calc typing as a clerk types."""
    from desktop.cli import main
    from desktop.store import Store

    hub_db, office_db = tmp_path / "so.db", tmp_path / "bienhoa.db"
    assert main(["--db", str(hub_db), "init"]) == 0
    hub = Store.open(hub_db)
    bienhoa = hub.db.execute("SELECT id FROM agencies WHERE code = ?", [OFFICE]).fetchone()[0]
    add_course(hub, 2)
    led = hub.repo("tasks").rows(kind="activity")[1]
    hub.repo("tasks").update(led["id"], {"lead_agency_id": bienhoa})
    report = _report(hub)
    hub.close()

    # 1. The hub sends the template; the office starts its installation from it.
    assert main(["--db", str(hub_db), "export", "--office", OFFICE, str(tmp_path / "mau.xlsx")]) == 0
    assert main(["--db", str(office_db), "init", "--empty", "--office", OFFICE]) == 0
    capsys.readouterr()
    assert main(["--db", str(office_db), "import", str(tmp_path / "mau.xlsx"), "--json"]) == 0
    started = json.loads(capsys.readouterr().out)
    assert started["status"] == "applied" and started["counts"]["rejected"] == 0

    # 2. In its app the office hands in its report; then it exports and a clerk types in Calc.
    office = Store.open(office_db)
    office.repo("office_reports").update(report["id"], {"summary": "Đã hoàn thành", "submitted_date": "2024-11-29"})
    export_workbook(office, tmp_path / "bienhoa.xlsx")
    office.close()
    people, tasks = calc.run(tmp_path / "bienhoa.xlsx", [{"op": "cells", "sheet": "Học viên", "rows": [1]},
                                                         {"op": "cells", "sheet": "Nhiệm vụ",
                                                          "rows": list(range(2, 40))}])
    new_row = people["used_rows"] + 1  # under the last participant
    task_row = next(int(r) for r, cells in tasks["rows"].items()
                    if cells["text"][tasks["header"].index("_id")] == led["id"])
    col = {t: chr(65 + i) for i, t in enumerate(people["header"])}
    tcol = {t: chr(65 + i) for i, t in enumerate(tasks["header"])}
    answers = calc.run(tmp_path / "bienhoa.xlsx", [
        {"op": "type", "sheet": "Học viên", "cell": f"{col['Lớp tập huấn']}{new_row}",
         "string": "Lớp tập huấn SXTDBV 2024"},
        {"op": "type", "sheet": "Học viên", "cell": f"{col['Họ và tên']}{new_row}", "string": "Võ Thị Hạnh"},
        {"op": "type", "sheet": "Học viên", "cell": f"{col['Đơn vị cử']}{new_row}",
         "string": "UBND thành phố Biên Hòa"},
        {"op": "type", "sheet": "Nhiệm vụ", "cell": f"{tcol['Kết quả']}{task_row}", "string": "Hoàn thành"},
        {"op": "type", "sheet": "Nhiệm vụ", "cell": f"{tcol['Tiến độ (%)']}{task_row}", "formula": "100"},
    ], save_as=tmp_path / "bienhoa_gui_so.xlsx")
    assert all("refused" not in a for a in answers), answers

    # 3. The hub receives exactly that.
    capsys.readouterr()
    assert main(["--db", str(hub_db), "import", str(tmp_path / "bienhoa_gui_so.xlsx"), "--json"]) == 0
    received = json.loads(capsys.readouterr().out)
    assert received["office"] == OFFICE and received["status"] == "applied"
    assert {k: v for k, v in received["counts"].items() if v and k != "unchanged"} == {"new": 1, "changed": 2}
    changes = {r["title"][:20]: {c["column"]: c["after"] for c in r.get("changes", [])} for r in received["rows"]}
    assert changes[report["subject"][:20]] == {"Ngày nộp": "29/11/2024", "Tóm tắt kết quả": "Đã hoàn thành"}
    assert changes[led["title"][:20]] == {"Tiến độ (%)": "100", "Kết quả": "Hoàn thành"}
    hub = Store.open(hub_db)
    added = hub.repo("participants").rows(full_name="Võ Thị Hạnh")
    assert len(added) == 1 and added[0]["owner"] == OFFICE and added[0]["agency_id"] == bienhoa

    # 4. The hub changes what it owns; the next template reaches the office without a rejection.
    hub.repo("tasks").update(led["id"], {"end_date": "2024-10-31"})
    plan = hub.repo("plans").rows()[0]
    hub.repo("plans").update(plan["id"], {"purpose": "Mục đích đã điều chỉnh"})
    hub.close()
    assert main(["--db", str(hub_db), "export", "--office", OFFICE, str(tmp_path / "mau2.xlsx")]) == 0
    capsys.readouterr()
    assert main(["--db", str(office_db), "import", str(tmp_path / "mau2.xlsx"), "--json"]) == 0
    later = json.loads(capsys.readouterr().out)
    assert later["status"] == "applied" and later["counts"]["rejected"] == 0 and later["counts"]["changed"] == 2
    office = Store.open(office_db)
    assert office.repo("tasks").get(led["id"])["end_date"] == "2024-10-31"
    assert office.repo("tasks").get(led["id"])["result"] == "Hoàn thành"
    assert office.repo("plans").get(plan["id"])["purpose"] == "Mục đích đã điều chỉnh"
    office.close()

