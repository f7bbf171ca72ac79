"""Rules of the import preview (desktop/exchange/merge.py) the mutation run found unguarded, each with the workbook a
clerk or an office produces (an export edited with openpyxl as Excel saves it). Expected outcomes and messages are
written here by hand from docs/exchange-format.md: references by code and short name, an office whose code sorts
after the hub's, who and when a row was last written, two identical rows typed, a deletion other rows still need,
the progress of a long preview."""

from __future__ import annotations

import json

import pytest

from desktop.exchange.model import CHANGED, NEW, REJECTED, UNCHANGED
from desktop.services.exchange import apply_import, export_workbook, import_report, preview_import
from tests.exchange.helpers import add_course, column_of, digest, edit, find_row, new_store, spec_sheet

COURSE = "Lớp tập huấn SXTDBV 2024"  # the course of tests/exchange/helpers.add_course


def _agency(store, code: str) -> str:
    return store.db.execute("SELECT id FROM agencies WHERE code = ?", [code]).fetchone()[0]


def _type_participant(ws, name: str, agency: str | None = None) -> int:
    """A participant typed under the last row: visible cells only, the hidden bookkeeping left empty."""
    row = ws.max_row + 1
    cells = {"Lớp tập huấn": COURSE, "Họ và tên": name, "Giới tính": "Nữ", "Năm sinh": 1990,
             "Đơn vị công tác": "Công ty Sonadezi"}
    if agency is not None:
        cells["Đơn vị cử"] = agency
    for title, value in cells.items():
        ws.cell(row, column_of(ws, title)).value = value
    return row


# -- references by code and short name ----------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["BIENHOA", "bienhoa", "TP Biên Hòa", "tp biên hòa", "UBND thành phố Biên Hòa"])
def test_an_agency_typed_by_its_code_or_short_name_is_found_in_a_workbook_that_lists_the_agencies(
        seeded_store, tmp_path, typed):
    # The doc: "the text is looked up by name (agencies also by code and short name)". Every exported workbook
    # carries the sheet "Đơn vị", so the agencies it lists must be found by all three, in any case.
    add_course(seeded_store, 1)
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path
    path = edit(path, tmp_path / "go-ma.xlsx", lambda wb: _type_participant(wb["Học viên"], "Lê Thị Hoa", typed))
    report = import_report(seeded_store, path)
    assert report["status"] == "applied", report
    assert report["counts"]["new"] == 1 and report["counts"]["rejected"] == 0
    hoa = seeded_store.repo("participants").rows(full_name="Lê Thị Hoa")
    assert [p["agency_id"] for p in hoa] == [_agency(seeded_store, "BIENHOA")]


def test_a_code_renamed_in_the_workbook_is_found_by_its_new_code_not_the_old(seeded_store, tmp_path):
    # The file's version of an agency is the one its other rows mean: Long Khánh's code changed in the sheet
    # "Đơn vị" is found by the new code in the same file; the old code names nothing any more.
    add_course(seeded_store, 1)
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path
    rows = {}

    def clerk(wb):
        ws = wb["Đơn vị"]
        ws.cell(find_row(ws, "Mã đơn vị", "LONGKHANH"), column_of(ws, "Mã đơn vị")).value = "TPLK"
        rows["new"] = _type_participant(wb["Học viên"], "Lê Thị Hoa", "TPLK")
        rows["old"] = _type_participant(wb["Học viên"], "Lê Thị Lan", "LONGKHANH")

    preview = preview_import(seeded_store, edit(path, tmp_path / "doi-ma.xlsx", clerk))
    assert [(e.sheet, e.row, e.column, e.message) for e in preview.errors] == [
        ("Học viên", rows["old"], "Đơn vị cử", "không tìm thấy đơn vị “LONGKHANH”.")]
    typed = {r.row: r for r in preview.rows if r.sheet == "Học viên"}
    assert typed[rows["new"]].status == NEW
    assert typed[rows["new"]].record["agency_id"] == _agency(seeded_store, "LONGKHANH")


def test_a_code_that_is_also_another_agencys_short_name_is_ambiguous(seeded_store, tmp_path):
    # A district office given the short name "BIENHOA" by mistake: "BIENHOA" now names two agencies.
    seeded_store.repo("agencies").add({"code": "PKT_BH", "name": "Phòng Kinh tế Biên Hòa", "short_name": "BienHoa",
                                       "kind": "Khác"})
    add_course(seeded_store, 1)
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path
    rows = {}

    def clerk(wb):
        rows["row"] = _type_participant(wb["Học viên"], "Lê Thị Hoa", "BIENHOA")

    before = digest(seeded_store)
    report = import_report(seeded_store, edit(path, tmp_path / "trung.xlsx", clerk))
    assert report["status"] == "refused"
    assert [(e["row"], e["column"], e["message"]) for e in report["errors"]] == [
        (rows["row"], "Đơn vị cử", "có nhiều đơn vị cùng tên “BIENHOA”: hãy chọn lại trong danh sách.")]
    assert [(r["row"], r["reason"]) for r in report["rows"] if r["status"] == REJECTED] == [
        (rows["row"], "Đơn vị cử: có nhiều đơn vị cùng tên “BIENHOA”: hãy chọn lại trong danh sách.")]
    assert digest(seeded_store) == before


# -- an office whose code sorts after the hub's -------------------------------------------------------------------

@pytest.fixture
def xuanloc_hub(tmp_path):
    """The hub, with one activity led by Xuân Lộc (XUANLOC sorts after SCT: it must not pass for the hub)."""
    store = new_store(tmp_path / "hub.db")
    task = store.repo("tasks").rows(kind="activity")[0]
    store.repo("tasks").update(task["id"], {"lead_agency_id": _agency(store, "XUANLOC")})
    yield store
    store.close()


def test_an_office_whose_code_sorts_after_the_hubs_is_held_to_its_own_fields(xuanloc_hub, tmp_path):
    hub = xuanloc_hub
    task = hub.repo("tasks").rows(lead_agency_id=_agency(hub, "XUANLOC"))[0]
    plan = hub.repo("plans").rows()[0]
    template = export_workbook(hub, tmp_path / "mau_xuanloc.xlsx", office="XUANLOC").path

    def office(wb):
        ws = wb[spec_sheet("tasks")]
        row = find_row(ws, "_id", task["id"])
        ws.cell(row, column_of(ws, "Kết quả")).value = "Đã tổ chức 2 lớp"
        ws.cell(row, column_of(ws, "Nội dung")).value = "Nội dung do huyện sửa"
        ws = wb[spec_sheet("plans")]
        ws.cell(find_row(ws, "_id", plan["id"]), column_of(ws, "Mục đích")).value = "Mục đích do huyện sửa"

    before = digest(hub)
    report = import_report(hub, edit(template, tmp_path / "gui_so.xlsx", office))
    assert report["status"] == "refused" and report["counts"]["rejected"] == 2, report
    reasons = {r["sheet"]: r["reason"] for r in report["rows"] if r["status"] == REJECTED}
    assert reasons == {
        "Nhiệm vụ": "đơn vị XUANLOC chỉ được sửa “Tình trạng”, “Tiến độ (%)”, “Kết quả”, “Ghi chú” của dòng này; "
                    "tệp đã sửa “Nội dung”.",
        "Kế hoạch": "dòng thuộc đơn vị SCT; tệp của đơn vị XUANLOC không được sửa."}
    assert digest(hub) == before


def test_an_office_whose_code_sorts_after_the_hubs_may_not_add_to_the_hubs_part(xuanloc_hub, tmp_path):
    hub = xuanloc_hub
    template = export_workbook(hub, tmp_path / "mau_xuanloc.xlsx", office="XUANLOC").path
    rows = {}

    def office(wb):  # a task copied under the one it leads: the list of tasks is the hub's to write
        ws = wb[spec_sheet("tasks")]
        source = ws.max_row
        row = source + 1
        for col in range(1, ws.max_column + 1):
            if not str(ws.cell(1, col).value).startswith("_"):
                ws.cell(row, col).value = ws.cell(source, col).value
        ws.cell(row, column_of(ws, "Mục")).value = "II.9.9"
        rows["row"] = row

    report = import_report(hub, edit(template, tmp_path / "them.xlsx", office))
    rejected = [(r["row"], r["reason"]) for r in report["rows"] if r["status"] == REJECTED]
    assert rejected == [(rows["row"], "đơn vị XUANLOC không được thêm dòng vào trang “Nhiệm vụ” "
                                      "(phần này do Sở Công Thương lập).")]
    assert hub.repo("tasks").count(code="II.9.9") == 0


# -- who wrote a row, and when --------------------------------------------------------------------------------------

def test_a_row_keeps_who_wrote_it_and_when_unless_it_was_edited_in_the_workbook(tmp_path):
    """`_updated` carries "updated_at|updated_by" of a row as the sender had it: a row nobody touched in the workbook
    arrives with it; a row edited in Excel was written by the workbook's office at import time ("excel:OFFICE")."""
    hub = new_store(tmp_path / "hub.db")
    task = hub.repo("tasks").rows(kind="activity")[0]
    hub.repo("tasks").update(task["id"], {"lead_agency_id": _agency(hub, "BIENHOA")})
    task = hub.repo("tasks").get(task["id"])
    plan = hub.repo("plans").rows()[0]
    template = export_workbook(hub, tmp_path / "mau.xlsx", office="BIENHOA").path

    office = new_store(tmp_path / "office.db", office="BIENHOA", empty=True)
    assert import_report(office, template)["status"] == "applied"
    for table, row in (("tasks", task), ("plans", plan)):
        got = office.repo(table).get(row["id"])
        assert (got["updated_at"], got["updated_by"]) == (row["updated_at"], row["updated_by"])
    assert not task["updated_by"].startswith("excel:")

    def fill(wb):
        ws = wb[spec_sheet("tasks")]
        ws.cell(find_row(ws, "_id", task["id"]), column_of(ws, "Kết quả")).value = "Đã tổ chức"

    report = import_report(hub, edit(template, tmp_path / "gui_lai.xlsx", fill))
    assert report["status"] == "applied" and report["counts"]["changed"] == 1, report
    got = hub.repo("tasks").get(task["id"])
    assert got["updated_by"] == "excel:BIENHOA"
    assert got["updated_at"] > task["updated_at"]  # the import's time, not the export's
    assert hub.repo("plans").get(plan["id"])["updated_at"] == plan["updated_at"]
    office.close()
    hub.close()


# -- rows typed into the workbook -----------------------------------------------------------------------------------

def test_two_identical_rows_typed_are_two_people_and_a_second_import_adds_neither_again(seeded_store, tmp_path):
    # Two namesakes born the same year in the same company: the rows are alike in every cell, yet they are two rows.
    add_course(seeded_store, 1)
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path

    def clerk(wb):
        _type_participant(wb["Học viên"], "Nguyễn Thị Mai")
        _type_participant(wb["Học viên"], "Nguyễn Thị Mai")

    typed = edit(path, tmp_path / "hai-nguoi.xlsx", clerk)
    first = import_report(seeded_store, typed)
    assert first["status"] == "applied" and first["counts"]["new"] == 2, first
    assert seeded_store.repo("participants").count(full_name="Nguyễn Thị Mai") == 2
    again = import_report(seeded_store, typed)
    assert again["status"] == "no-changes" and again["counts"]["unchanged"] == first["counts"]["unchanged"] + 2
    assert seeded_store.repo("participants").count(full_name="Nguyễn Thị Mai") == 2


# -- deleting a row other rows still need ---------------------------------------------------------------------------

def _mark_deleted(ws, row: int) -> None:
    ws.cell(row, column_of(ws, "Xóa")).value = "x"


@pytest.mark.parametrize(("deleted_people", "left"), [(0, 2), (1, 1)])
def test_a_course_deleted_while_its_participants_stay(seeded_store, tmp_path, deleted_people, left):
    course = add_course(seeded_store, 2)
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path
    rows = {}

    def clerk(wb):
        ws = wb["Lớp tập huấn"]
        rows["course"] = find_row(ws, "_id", course)
        _mark_deleted(ws, rows["course"])
        for r in range(2, 2 + deleted_people):
            _mark_deleted(wb["Học viên"], r)

    before = digest(seeded_store)
    report = import_report(seeded_store, edit(path, tmp_path / "xoa-lop.xlsx", clerk))
    assert report["status"] == "refused"
    assert [(e["sheet"], e["row"], e["message"]) for e in report["errors"]] == [
        ("Lớp tập huấn", rows["course"], f"không xóa được: còn {left} dòng khác gắn với dòng này; "
                                         "hãy đánh dấu xóa cả các dòng đó.")]
    assert digest(seeded_store) == before


def test_a_participant_edited_under_a_course_deleted_in_the_same_file(seeded_store, tmp_path):
    # Nguyễn Văn A's phone corrected, and his course marked deleted: he would point at a deleted course, so he is
    # refused, and he still holds the course (with Nguyễn Văn B, untouched): 2 rows keep it.
    course = add_course(seeded_store, 2)
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path
    rows = {}

    def clerk(wb):
        ws = wb["Lớp tập huấn"]
        rows["course"] = find_row(ws, "_id", course)
        _mark_deleted(ws, rows["course"])
        ws = wb["Học viên"]
        rows["a"] = find_row(ws, "Họ và tên", "Nguyễn Văn A")
        ws.cell(rows["a"], column_of(ws, "Điện thoại")).value = "0912 345 678"

    preview = preview_import(seeded_store, edit(path, tmp_path / "xoa-lop.xlsx", clerk))
    assert sorted((e.sheet, e.row, e.column, e.message) for e in preview.errors) == [
        ("Học viên", rows["a"], "", "Lớp tập huấn: không tìm thấy lớp tập huấn mà dòng này trỏ tới "
                                    "(chưa có hoặc đã bị xóa)."),
        ("Lớp tập huấn", rows["course"], "", "không xóa được: còn 2 dòng khác gắn với dòng này; "
                                             "hãy đánh dấu xóa cả các dòng đó.")]
    assert preview.counts[REJECTED] == 2 and preview.counts[CHANGED] == 0


def test_a_course_deleted_with_all_its_participants_goes(seeded_store, tmp_path):
    course = add_course(seeded_store, 2)
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path

    def clerk(wb):
        ws = wb["Lớp tập huấn"]
        _mark_deleted(ws, find_row(ws, "_id", course))
        _mark_deleted(wb["Học viên"], 2)
        _mark_deleted(wb["Học viên"], 3)

    report = import_report(seeded_store, edit(path, tmp_path / "xoa-het.xlsx", clerk))
    assert report["status"] == "applied" and report["counts"]["deleted"] == 3, report
    assert seeded_store.repo("participants").count() == 0


# -- progress ---------------------------------------------------------------------------------------------------------

def test_a_long_preview_moves_its_progress_every_2000_rows_and_not_on_every_row(seeded_store, tmp_path):
    # 4,100 participants typed into one sheet: the bar (and the Stop button, asked at the same steps) must move at
    # least every 2,000 rows read, yet not be repainted for each row (a signal per row would freeze the window).
    add_course(seeded_store, 0)
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path

    def clerk(wb):
        ws = wb["Học viên"]
        cols = [column_of(ws, t) for t in ("Lớp tập huấn", "Họ và tên", "Giới tính", "Năm sinh")]
        for i in range(4100):
            for col, value in zip(cols, (COURSE, f"Học viên số {i + 1}", "Nam", 1990), strict=True):
                ws.cell(2 + i, col).value = value

    seen: list[tuple[int, int, str]] = []
    preview = preview_import(seeded_store, edit(path, tmp_path / "dai.xlsx", clerk),
                             progress=lambda done, total, label: seen.append((done, total, label)))
    assert preview.counts[NEW] == 4100 and not preview.errors
    total = seen[-1][1]
    assert total > 4100 and seen[-1] == (total, total, "")
    done = [d for d, _, _ in seen]
    assert done == sorted(done) and all(b - a <= 2000 for a, b in zip([0, *done], done, strict=False))
    assert any(label == "Học viên" and d % 2000 == 0 for d, _, label in seen)  # a step inside the long sheet
    assert seen[0] == (19, total, "Đơn vị")  # the first sheet read: the seed's 19 agencies
    sheets = 20
    assert len(seen) <= sheets + total // 2000 + 1, len(seen)
    assert preview.counts[UNCHANGED] > 0


# -- names met before the rows they name have been read ----------------------------------------------------------

def test_a_task_moved_under_a_section_further_down_the_sheet_by_typing_its_title(seeded_store, tmp_path):
    # Rows are not in outline order ("II.2.1" sits above its section "II.2"): the clerk moves II.1.1 under the
    # section II.2, which the sheet lists three rows below it, by typing that section's title.
    section = seeded_store.repo("tasks").rows(code="II.2")[0]
    moved = seeded_store.repo("tasks").rows(code="II.1.1")[0]
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path
    rows = {}

    def clerk(wb):
        ws = wb["Nhiệm vụ"]
        rows["moved"], rows["section"] = find_row(ws, "Mục", "II.1.1"), find_row(ws, "Mục", "II.2")
        ws.cell(rows["moved"], column_of(ws, "Thuộc nội dung")).value = section["title"]

    report = import_report(seeded_store, edit(path, tmp_path / "chuyen-muc.xlsx", clerk))
    assert rows["moved"] < rows["section"]
    assert report["status"] == "applied" and report["counts"]["changed"] == 1, report
    assert seeded_store.repo("tasks").get(moved["id"])["parent_id"] == section["id"]


@pytest.mark.parametrize("successor", ["DPTTH", "Đài PT-TH Đồng Nai"])  # its code, its short name
def test_agencies_named_by_code_before_and_after_their_rows_are_read(seeded_store, tmp_path, successor):
    """The 2025 reform typed in the sheet "Đơn vị": Báo Đồng Nai merged into the radio and television station (the
    next row, named by its code or short name before that row is read); a new agency typed at the bottom, and
    participants sent by it named by its code and short name in the sheet "Học viên"."""
    add_course(seeded_store, 1)
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path

    def clerk(wb):
        ws = wb["Đơn vị"]
        row = find_row(ws, "Mã đơn vị", "BAODN")
        assert ws.cell(row + 1, column_of(ws, "Mã đơn vị")).value == "DPTTH"
        ws.cell(row, column_of(ws, "Đơn vị kế thừa")).value = successor
        ws.cell(row, column_of(ws, "Hiệu lực đến")).value = "30/06/2025"
        new = ws.max_row + 1
        for title, value in (("Mã đơn vị", "TTXTTM"), ("Tên đơn vị", "Trung tâm Xúc tiến Thương mại Đồng Nai"),
                             ("Tên viết tắt", "TT XTTM"), ("Loại đơn vị", "Khác")):
            ws.cell(new, column_of(ws, title)).value = value
        _type_participant(wb["Học viên"], "Lê Thị Hoa", "TTXTTM")
        _type_participant(wb["Học viên"], "Lê Thị Lan", "tt xttm")

    report = import_report(seeded_store, edit(path, tmp_path / "sap-nhap.xlsx", clerk))
    assert report["status"] == "applied", report
    assert (report["counts"]["changed"], report["counts"]["new"], report["counts"]["rejected"]) == (1, 3, 0)
    centre = _agency(seeded_store, "TTXTTM")
    people = seeded_store.repo("participants").rows()
    assert [p["agency_id"] for p in people if p["full_name"] in ("Lê Thị Hoa", "Lê Thị Lan")] == [centre, centre]
    paper = seeded_store.repo("agencies").rows(code="BAODN")[0]
    assert json.loads(paper["successor_ids"]) == [_agency(seeded_store, "DPTTH")]


# -- a conflict on a row assigned to an office whose code sorts after the hub's ----------------------------------

@pytest.mark.parametrize("deadline", ["2024-09-30", "2025-03-31"])  # earlier and later than the seed's 31/12/2024
def test_theirs_takes_only_the_fields_of_an_office_whose_code_sorts_after_the_hubs(xuanloc_hub, tmp_path, deadline):
    """As test_office_scope's conflict, with Xuân Lộc (XUANLOC > SCT): the hub moves the deadline of the task Xuân Lộc
    leads, to an earlier or a later day, while Xuân Lộc records its result; "theirs" keeps the hub's deadline and
    takes the result."""
    hub = xuanloc_hub
    task = hub.repo("tasks").rows(lead_agency_id=_agency(hub, "XUANLOC"))[0]
    assert task["end_date"] == "2024-12-31"
    office = new_store(tmp_path / "office.db", office="XUANLOC", empty=True)
    assert import_report(office, export_workbook(hub, tmp_path / "toan_bo.xlsx").path)["status"] == "applied"
    hub.repo("tasks").update(task["id"], {"end_date": deadline})
    office.repo("tasks").update(task["id"], {"result": "Đã khảo sát 5 doanh nghiệp", "progress": 100})
    export_workbook(office, tmp_path / "tu_xuanloc.xlsx")
    preview = preview_import(hub, tmp_path / "tu_xuanloc.xlsx")
    assert preview.counts[REJECTED] == 0 and preview.counts["conflict"] == 1
    report = import_report(hub, tmp_path / "tu_xuanloc.xlsx", resolve="theirs")
    assert report["status"] == "applied", report
    stored = hub.repo("tasks").get(task["id"])
    assert (stored["end_date"], stored["result"], stored["progress"]) == (deadline, "Đã khảo sát 5 doanh nghiệp", 100)
    office.close()


# -- before -> after, as the preview shows it ------------------------------------------------------------------------

def test_the_preview_shows_each_changed_cell_as_the_clerk_typed_it(seeded_store, tmp_path):
    # add_course's people: Nguyễn Văn A, B, C, male, sent by Biên Hòa, scores 6.5 before and 8 after, attendance
    # not filled in, so "Có" (the field's default). The seed plan's total budget is 1.394.200.000 đồng.
    add_course(seeded_store, 3)
    plan = seeded_store.repo("plans").rows()[0]
    assert plan["total_budget"] == 1_394_200_000
    task = seeded_store.repo("tasks").rows(code="II.1.1")[0]
    assert task["end_date"] == "2024-12-31"  # the seed plan: done within 2024
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path

    def clerk(wb):
        ws = wb["Học viên"]
        a, b, c = (find_row(ws, "Họ và tên", f"Nguyễn Văn {x}") for x in "ABC")
        for title, value in (("Giới tính", "Nữ"), ("Đơn vị cử", "Sở Tài chính"), ("Điểm trước tập huấn", 7),
                             ("Điểm sau tập huấn", 8.75), ("Có tham dự", "Có"),  # "Có" again: no change
                             ("Chức vụ", "Kế toán"), ("Mức hài lòng (1–5)", 4), ("Ghi chú", "Đến muộn")):
            ws.cell(a, column_of(ws, title)).value = value
        ws.cell(b, column_of(ws, "Xóa")).value = "x"
        ws.cell(c, column_of(ws, "Có tham dự")).value = "Không"
        ws = wb["Kế hoạch"]
        ws.cell(2, column_of(ws, "Tổng kinh phí (đồng)")).value = 1_400_000_000
        ws = wb["Nhiệm vụ"]
        ws.cell(find_row(ws, "Mục", "II.1.1"), column_of(ws, "Thời hạn")).value = "30/09/2024"

    preview = preview_import(seeded_store, edit(path, tmp_path / "sua.xlsx", clerk))
    assert not preview.errors
    shown = {(r.sheet, r.display, r.status): r.changes for r in preview.rows}
    assert shown == {
        ("Học viên", "Nguyễn Văn A", CHANGED): [
            ("Giới tính", "Nam", "Nữ"), ("Đơn vị cử", "UBND thành phố Biên Hòa", "Sở Tài chính"),
            ("Chức vụ", "", "Kế toán"), ("Điểm trước tập huấn", "6,50", "7"), ("Điểm sau tập huấn", "8", "8,75"),
            ("Mức hài lòng (1–5)", "", "4"), ("Ghi chú", "", "Đến muộn")],  # the last three were empty
        ("Học viên", "Nguyễn Văn B", "deleted"): [("Xóa", "", "x")],
        ("Học viên", "Nguyễn Văn C", CHANGED): [("Có tham dự", "Có", "Không")],
        ("Kế hoạch", plan["title"], CHANGED): [("Tổng kinh phí (đồng)", "1.394.200.000", "1.400.000.000")],
        ("Nhiệm vụ", task["title"][:200], CHANGED): [("Thời hạn", "31/12/2024", "30/09/2024")],
    }


# -- unique values --------------------------------------------------------------------------------------------------

def test_two_codes_typed_the_wrong_way_round_are_swapped_in_one_file(seeded_store, tmp_path):
    # Each code stays unique once the file is applied, though either row alone would take the other's code.
    long_thanh, nhon_trach = _agency(seeded_store, "LONGTHANH"), _agency(seeded_store, "NHONTRACH")
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path

    def clerk(wb):
        ws = wb["Đơn vị"]
        a, b = find_row(ws, "Mã đơn vị", "LONGTHANH"), find_row(ws, "Mã đơn vị", "NHONTRACH")
        ws.cell(a, column_of(ws, "Mã đơn vị")).value = "NHONTRACH"
        ws.cell(b, column_of(ws, "Mã đơn vị")).value = "LONGTHANH"

    report = import_report(seeded_store, edit(path, tmp_path / "doi-ma.xlsx", clerk))
    assert report["status"] == "applied" and report["counts"]["changed"] == 2, report
    assert (_agency(seeded_store, "NHONTRACH"), _agency(seeded_store, "LONGTHANH")) == (long_thanh, nhon_trach)


def test_a_code_is_free_again_once_its_row_is_deleted_here_or_in_the_file(seeded_store, tmp_path):
    # Trung tâm Khuyến công (TTKC) deleted in the database, Ban Quản lý các KCN (BQLKCN) marked deleted in the file:
    # two new rows may take their codes; a third new row taking SCT's (live) code may not.
    for code, name in (("TTKC", "Trung tâm Khuyến công"), ("BQLKCN", "Ban Quản lý các KCN")):
        seeded_store.repo("agencies").add({"code": code, "name": name, "kind": "Khác"})
    seeded_store.repo("agencies").delete(_agency(seeded_store, "TTKC"))
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path
    rows = {}

    def clerk(wb):
        ws = wb["Đơn vị"]
        ws.cell(find_row(ws, "Mã đơn vị", "BQLKCN"), column_of(ws, "Xóa")).value = "x"
        for code, name in (("TTKC", "Trung tâm Khuyến công (mới)"), ("BQLKCN", "Ban Quản lý các KCN Đồng Nai"),
                           ("sct", "Sở Công Thương (gõ lại)")):
            row = ws.max_row + 1
            for title, value in (("Mã đơn vị", code), ("Tên đơn vị", name), ("Loại đơn vị", "Khác")):
                ws.cell(row, column_of(ws, title)).value = value
            rows[code] = row

    preview = preview_import(seeded_store, edit(path, tmp_path / "ma-cu.xlsx", clerk))
    assert [(e.sheet, e.row, e.message) for e in preview.errors] == [
        ("Đơn vị", rows["sct"], "Mã đơn vị: “sct” đã có ở một dòng khác, không được trùng.")]
    status = {r.row: r.status for r in preview.rows if r.sheet == "Đơn vị"}
    assert (status[rows["TTKC"]], status[rows["BQLKCN"]]) == (NEW, NEW)
    assert sorted(status.values()) == ["deleted", NEW, NEW, REJECTED]


def test_numbers_pasted_over_a_hidden_id_column_fall_back_to_the_name_shown(seeded_store, tmp_path):
    # A block of numbers pasted across the row reached the hidden column behind "Đơn vị cử": that cell names no row,
    # so the agency is the one the visible cell names, as for a row typed by hand.
    add_course(seeded_store, 1)
    person = seeded_store.repo("participants").rows()[0]
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path

    def clerk(wb):
        ws = wb["Học viên"]
        row = find_row(ws, "_id", person["id"])
        ws.cell(row, column_of(ws, "_ref:agency_id")).value = 12345
        ws.cell(row, column_of(ws, "Đơn vị cử")).value = "Sở Tài chính"

    report = import_report(seeded_store, edit(path, tmp_path / "dan-so.xlsx", clerk))
    assert report["status"] == "applied" and report["counts"]["changed"] == 1, report
    assert seeded_store.repo("participants").get(person["id"])["agency_id"] == _agency(seeded_store, "STC")


def test_a_row_typed_once_is_found_again_in_a_later_save_of_the_same_export(seeded_store, tmp_path):
    # The doc: a typed row's id comes from the export id and its content. The clerk sends the file, then corrects
    # another cell and sends it again (another file, same export): Lê Thị Hoa must not come in twice.
    add_course(seeded_store, 1)
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path
    first = edit(path, tmp_path / "lan-1.xlsx", lambda wb: _type_participant(wb["Học viên"], "Lê Thị Hoa"))

    def correct(wb):
        ws = wb["Học viên"]
        ws.cell(find_row(ws, "Họ và tên", "Nguyễn Văn A"), column_of(ws, "Điện thoại")).value = "0912 345 678"

    second = edit(first, tmp_path / "lan-2.xlsx", correct)
    assert import_report(seeded_store, first)["counts"]["new"] == 1
    again = import_report(seeded_store, second)
    assert again["status"] == "applied" and (again["counts"]["new"], again["counts"]["changed"]) == (0, 1), again
    assert seeded_store.repo("participants").count(full_name="Lê Thị Hoa") == 1


def test_a_task_is_named_by_its_title_not_by_its_number(seeded_store, tmp_path):
    # Only agencies are also found by their code: "II.2" typed as a parent names no task, even once the sheet's
    # names have been looked up (II.1.1 moved under II.2 by its title first) and II.2's row has been read.
    section = seeded_store.repo("tasks").rows(code="II.2")[0]
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path
    rows = {}

    def clerk(wb):
        ws = wb["Nhiệm vụ"]
        ws.cell(find_row(ws, "Mục", "II.1.1"), column_of(ws, "Thuộc nội dung")).value = section["title"]
        rows["by_number"] = find_row(ws, "Mục", "II.1.3")
        ws.cell(rows["by_number"], column_of(ws, "Thuộc nội dung")).value = "II.2"
        assert find_row(ws, "Mục", "II.2") < rows["by_number"]

    report = import_report(seeded_store, edit(path, tmp_path / "so-muc.xlsx", clerk))
    assert report["status"] == "refused"
    assert [(e["row"], e["column"], e["message"]) for e in report["errors"]] == [
        (rows["by_number"], "Thuộc nội dung", "không tìm thấy nhiệm vụ “II.2”.")]


def test_a_row_restored_in_the_workbook_shows_its_mark_cleared(seeded_store, tmp_path):
    add_course(seeded_store, 2)
    gone = seeded_store.repo("participants").rows(full_name="Nguyễn Văn B")[0]
    seeded_store.repo("participants").delete(gone["id"])
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path

    def clerk(wb):
        ws = wb["Học viên"]
        row = find_row(ws, "_id", gone["id"])
        assert ws.cell(row, column_of(ws, "Xóa")).value == "x"
        ws.cell(row, column_of(ws, "Xóa")).value = None

    preview = preview_import(seeded_store, edit(path, tmp_path / "khoi-phuc.xlsx", clerk))
    assert [(r.display, r.status, r.changes) for r in preview.rows] == [("Nguyễn Văn B", CHANGED, [("Xóa", "x", "")])]


# -- a hidden id keeps a row on the agency it meant --------------------------------------------------------------

def test_a_name_two_agencies_share_is_kept_by_the_hidden_id_even_when_one_is_renamed(seeded_store, tmp_path):
    """Two district offices named "Phòng Kinh tế"; a participant sent by Long Khánh's. In the workbook the clerk
    renames Long Khánh's office in the sheet "Đơn vị" and corrects the participant's phone: the participant's
    "Đơn vị cử" still reads "Phòng Kinh tế" (the old name, as this database knows it) and its hidden id says which
    office it is: it stays with Long Khánh's office, neither refused as ambiguous nor moved to Nhơn Trạch's."""
    agencies = seeded_store.repo("agencies")
    long_khanh = agencies.add({"code": "PKT_LONGKHANH", "name": "Phòng Kinh tế", "kind": "Khác"})["id"]
    nhon_trach = agencies.add({"code": "PKT_NHONTRACH", "name": "Phòng Kinh tế", "kind": "Khác"})["id"]
    course = add_course(seeded_store, 0)
    person = seeded_store.repo("participants").add({"course_id": course, "full_name": "Trần Văn Bình",
                                                   "agency_id": long_khanh})
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path

    def clerk(wb):
        ws = wb["Đơn vị"]
        ws.cell(find_row(ws, "Mã đơn vị", "PKT_LONGKHANH"), column_of(ws, "Tên đơn vị")).value = (
            "Phòng Kinh tế Long Khánh")
        ws = wb["Học viên"]
        row = find_row(ws, "_id", person["id"])
        assert ws.cell(row, column_of(ws, "Đơn vị cử")).value == "Phòng Kinh tế"
        ws.cell(row, column_of(ws, "Điện thoại")).value = "0251 3876 543"

    report = import_report(seeded_store, edit(path, tmp_path / "doi-ten.xlsx", clerk))
    assert report["status"] == "applied" and report["counts"]["changed"] == 2, report
    assert seeded_store.repo("participants").get(person["id"])["agency_id"] == long_khanh != nhon_trach
    assert agencies.get(long_khanh)["name"] == "Phòng Kinh tế Long Khánh"


# -- an office deleting rows ----------------------------------------------------------------------------------------

def test_an_office_deletes_its_own_report_but_not_the_task_it_leads(tmp_path):
    # Biên Hòa owns its report (seed) and leads a task the hub owns: it may delete the first, not the second.
    hub = new_store(tmp_path / "hub.db")
    bien_hoa = _agency(hub, "BIENHOA")
    task = hub.repo("tasks").rows(kind="activity")[0]
    hub.repo("tasks").update(task["id"], {"lead_agency_id": bien_hoa})
    report_row = hub.repo("office_reports").rows(agency_id=bien_hoa)[0]
    assert report_row["owner"] == "BIENHOA" and task["owner"] == "SCT"
    template = export_workbook(hub, tmp_path / "mau.xlsx", office="BIENHOA").path
    rows = {}

    def office(wb):
        for sheet, row_id in (("Báo cáo của đơn vị", report_row["id"]), ("Nhiệm vụ", task["id"])):
            ws = wb[sheet]
            rows[sheet] = find_row(ws, "_id", row_id)
            ws.cell(rows[sheet], column_of(ws, "Xóa")).value = "x"

    preview = preview_import(hub, edit(template, tmp_path / "xoa.xlsx", office))
    assert {(r.sheet, r.row, r.status, r.reason) for r in preview.rows} == {
        ("Báo cáo của đơn vị", rows["Báo cáo của đơn vị"], "deleted", ""),
        ("Nhiệm vụ", rows["Nhiệm vụ"], REJECTED,
         "dòng thuộc đơn vị SCT; tệp của đơn vị BIENHOA không được xóa hay khôi phục dòng này.")}
    hub.close()


# -- Stop ----------------------------------------------------------------------------------------------------------

def test_stop_pressed_ends_the_preview_and_a_stop_never_pressed_does_not(seeded_store, tmp_path):
    from desktop.exchange.errors import ExchangeCancelled

    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path
    with pytest.raises(ExchangeCancelled, match="^Đã hủy.$"):
        preview_import(seeded_store, path, cancel=lambda: True)
    asked: list[bool] = []

    def never() -> bool:
        asked.append(False)
        return False

    preview = preview_import(seeded_store, path, cancel=never)
    assert asked and not preview.errors and not preview.has_changes


def test_an_office_starts_its_installation_from_the_template_it_already_filled_in(tmp_path):
    """Steps 2 and 3 of the doc's office life in that order: Biên Hòa filled its report's "Ngày nộp" in Excel, then
    starts its own installation from that file. Its empty database knows no agency but the file's: the report, edited
    by Biên Hòa and naming Biên Hòa as its office, is Biên Hòa's to add."""
    import datetime as dt

    hub = new_store(tmp_path / "hub.db")
    report_row = hub.repo("office_reports").rows(agency_id=_agency(hub, "BIENHOA"))[0]
    template = export_workbook(hub, tmp_path / "mau.xlsx", office="BIENHOA").path

    def fill(wb):
        ws = wb["Báo cáo của đơn vị"]
        ws.cell(find_row(ws, "_id", report_row["id"]), column_of(ws, "Ngày nộp")).value = dt.datetime(2024, 11, 28)

    office = new_store(tmp_path / "office.db", office="BIENHOA", empty=True)
    report = import_report(office, edit(template, tmp_path / "da-dien.xlsx", fill))
    assert report["status"] == "applied" and report["counts"]["rejected"] == 0, report
    stored = office.repo("office_reports").get(report_row["id"])
    assert (stored["submitted_date"], stored["owner"]) == ("2024-11-28", "BIENHOA")
    office.close()
    hub.close()


def test_an_office_may_not_restore_a_task_the_hub_deleted(tmp_path):
    # The hub deletes the task Biên Hòa leads; Biên Hòa's installation receives the deletion; in the workbook it
    # sends back a clerk clears the task's "Xóa" mark. Restoring, like deleting, is the owner's (the hub's) to do.
    hub = new_store(tmp_path / "hub.db")
    task = hub.repo("tasks").rows(kind="activity")[0]
    hub.repo("tasks").update(task["id"], {"lead_agency_id": _agency(hub, "BIENHOA")})
    office = new_store(tmp_path / "office.db", office="BIENHOA", empty=True)
    assert import_report(office, export_workbook(hub, tmp_path / "toan_bo.xlsx").path)["status"] == "applied"
    hub.repo("tasks").delete(task["id"])
    received = import_report(office, export_workbook(hub, tmp_path / "lan_2.xlsx").path)
    assert received["status"] == "applied" and received["counts"]["deleted"] == 1, received
    sent = export_workbook(office, tmp_path / "tu_bienhoa.xlsx").path
    rows = {}

    def clerk(wb):
        ws = wb["Nhiệm vụ"]
        rows["task"] = find_row(ws, "_id", task["id"])
        assert ws.cell(rows["task"], column_of(ws, "Xóa")).value == "x"
        ws.cell(rows["task"], column_of(ws, "Xóa")).value = None

    before = digest(hub)
    report = import_report(hub, edit(sent, tmp_path / "khoi-phuc.xlsx", clerk))
    assert report["status"] == "refused"
    assert [(r["row"], r["reason"]) for r in report["rows"] if r["status"] == REJECTED] == [
        (rows["task"], "dòng thuộc đơn vị SCT; tệp của đơn vị BIENHOA không được xóa hay khôi phục dòng này.")]
    assert digest(hub) == before
    office.close()
    hub.close()


def test_an_office_adds_a_course_under_a_task_its_template_does_not_list(tmp_path):
    # Biên Hòa's template has no sheet "Nhiệm vụ" (it leads no task here); it adds its own course under the
    # training activity II.1.1, named by its title: the task is found in the hub's database, and the course is new.
    hub = new_store(tmp_path / "hub.db")
    add_course(hub, 1)
    task = hub.repo("tasks").rows(code="II.1.1")[0]
    plan = hub.repo("plans").rows()[0]
    template = export_workbook(hub, tmp_path / "mau.xlsx", office="BIENHOA").path

    def office(wb):
        assert "Nhiệm vụ" not in wb.sheetnames
        ws = wb["Lớp tập huấn"]
        row = ws.max_row + 1
        for title, value in (("Kế hoạch", plan["title"]), ("Nhiệm vụ", task["title"]),
                             ("Tên lớp", "Lớp tập huấn tại phường Tân Phong"), ("Địa điểm", "Biên Hòa"),
                             ("Đơn vị tổ chức", "UBND thành phố Biên Hòa")):
            ws.cell(row, column_of(ws, title)).value = value

    report = import_report(hub, edit(template, tmp_path / "lop-moi.xlsx", office))
    assert report["status"] == "applied" and report["counts"]["new"] == 1, report
    course = hub.repo("training_courses").rows(title="Lớp tập huấn tại phường Tân Phong")[0]
    assert (course["task_id"], course["owner"]) == (task["id"], "BIENHOA")
    hub.close()


def test_several_coordinating_agencies_typed_by_code_and_name_with_a_stray_semicolon(seeded_store, tmp_path):
    task = seeded_store.repo("tasks").rows(code="II.1.1")[0]
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path

    def clerk(wb):
        ws = wb["Nhiệm vụ"]
        ws.cell(find_row(ws, "_id", task["id"]), column_of(ws, "Đơn vị phối hợp")).value = (
            "STC;; UBND thành phố Biên Hòa ; tp long khánh")

    report = import_report(seeded_store, edit(path, tmp_path / "phoi-hop.xlsx", clerk))
    assert report["status"] == "applied" and report["counts"]["changed"] == 1, report
    stored = seeded_store.repo("tasks").get(task["id"])["coordinating_ids"]
    ids = json.loads(stored) if isinstance(stored, str) else stored
    assert ids == [_agency(seeded_store, c) for c in ("STC", "BIENHOA", "LONGKHANH")]


def test_a_row_pointing_at_several_rows_deleted_in_the_file_gets_one_message(seeded_store, tmp_path):
    """Two new district offices X and Y coordinate task II.1.1; X sends Trần Văn Bình to a course. The clerk marks X,
    Y and the course deleted while correcting the task's result and Bình's phone. Each of the two rows is refused
    once, for its first reference that is gone; each deletion is refused with the number of rows still on it."""
    agencies = seeded_store.repo("agencies")
    x = agencies.add({"code": "PKT_X", "name": "Phòng Kinh tế X", "kind": "Khác"})["id"]
    y = agencies.add({"code": "PKT_Y", "name": "Phòng Kinh tế Y", "kind": "Khác"})["id"]
    task = seeded_store.repo("tasks").rows(code="II.1.1")[0]
    seeded_store.repo("tasks").update(task["id"], {"coordinating_ids": [x, y]})
    course = add_course(seeded_store, 0)
    person = seeded_store.repo("participants").add({"course_id": course, "full_name": "Trần Văn Bình",
                                                   "agency_id": x})
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path
    rows = {}

    def clerk(wb):
        for key, sheet, row_id in (("x", "Đơn vị", x), ("y", "Đơn vị", y), ("course", "Lớp tập huấn", course)):
            ws = wb[sheet]
            rows[key] = find_row(ws, "_id", row_id)
            ws.cell(rows[key], column_of(ws, "Xóa")).value = "x"
        ws = wb["Nhiệm vụ"]
        rows["task"] = find_row(ws, "_id", task["id"])
        ws.cell(rows["task"], column_of(ws, "Kết quả")).value = "Đã phối hợp"
        ws = wb["Học viên"]
        rows["person"] = find_row(ws, "_id", person["id"])
        ws.cell(rows["person"], column_of(ws, "Điện thoại")).value = "0912 345 678"

    preview = preview_import(seeded_store, edit(path, tmp_path / "xoa-nhieu.xlsx", clerk))
    gone = "mà dòng này trỏ tới (chưa có hoặc đã bị xóa)."
    kept = "dòng khác gắn với dòng này; hãy đánh dấu xóa cả các dòng đó."
    assert sorted((e.sheet, e.row, e.message) for e in preview.errors) == sorted([
        ("Học viên", rows["person"], f"Lớp tập huấn: không tìm thấy lớp tập huấn {gone}"),
        ("Nhiệm vụ", rows["task"], f"Đơn vị phối hợp: không tìm thấy đơn vị {gone}"),
        ("Lớp tập huấn", rows["course"], f"không xóa được: còn 1 {kept}"),
        ("Đơn vị", rows["x"], f"không xóa được: còn 2 {kept}"),
        ("Đơn vị", rows["y"], f"không xóa được: còn 1 {kept}")])
    assert preview.counts[REJECTED] == 5 and preview.counts[CHANGED] == 0


def test_an_office_whose_code_sorts_after_another_may_not_send_that_offices_new_rows(tmp_path):
    # Xuân Lộc's database holds a participant it says is Biên Hòa's ("BIENHOA" sorts before "XUANLOC"), and one of
    # its own: the hub takes Xuân Lộc's and refuses the other.
    hub = new_store(tmp_path / "hub.db")
    add_course(hub, 0)
    office = new_store(tmp_path / "office.db", office="XUANLOC", empty=True)
    assert import_report(office, export_workbook(hub, tmp_path / "toan_bo.xlsx").path)["status"] == "applied"
    course = office.repo("training_courses").rows()[0]["id"]
    mine = office.repo("participants").add({"course_id": course, "full_name": "Phạm Thị Thu",
                                            "agency_id": _agency(office, "XUANLOC")})
    theirs = office.repo("participants").add({"course_id": course, "full_name": "Lê Văn Khác"}, owner="BIENHOA")
    export_workbook(office, tmp_path / "tu_xuanloc.xlsx")
    preview = preview_import(hub, tmp_path / "tu_xuanloc.xlsx")
    assert {(r.row_id, r.status, r.reason) for r in preview.rows} == {
        (mine["id"], NEW, ""),
        (theirs["id"], REJECTED, "dòng mới thuộc đơn vị BIENHOA; tệp của đơn vị XUANLOC chỉ được thêm dòng cho "
                                 "chính đơn vị đó.")}
    office.close()
    hub.close()


def test_a_row_copied_with_its_hidden_cells_but_without_its_id_is_the_typists(tmp_path):
    # In Biên Hòa's template a clerk copies the row of a participant the hub owns, hidden cells and all, then empties
    # its `_id` and `_rev` and types another name: a row without an id is a typed row, Biên Hòa's, whatever `_owner`
    # the copy still carries.
    hub = new_store(tmp_path / "hub.db")
    add_course(hub, 1)
    source = hub.repo("participants").rows()[0]
    assert source["owner"] == "SCT"
    template = export_workbook(hub, tmp_path / "mau.xlsx", office="BIENHOA").path

    def clerk(wb):
        ws = wb["Học viên"]
        row, new = find_row(ws, "_id", source["id"]), ws.max_row + 1
        for col in range(1, ws.max_column + 1):
            ws.cell(new, col).value = ws.cell(row, col).value
        assert ws.cell(new, column_of(ws, "_owner")).value == "SCT"
        for hidden in ("_id", "_rev", "_revs"):
            ws.cell(new, column_of(ws, hidden)).value = None
        ws.cell(new, column_of(ws, "Họ và tên")).value = "Đỗ Thị Hạnh"

    report = import_report(hub, edit(template, tmp_path / "chep.xlsx", clerk))
    assert report["status"] == "applied" and report["counts"]["new"] == 1, report
    assert hub.repo("participants").rows(full_name="Đỗ Thị Hạnh")[0]["owner"] == "BIENHOA"
    hub.close()


def test_a_score_the_office_may_not_write_changed_by_a_quarter_point_is_refused(tmp_path):
    # Biên Hòa may write a participant's name, gender, ..., note, not the scores: 6.5 -> 6.75 is a change it may not
    # make, however small (both round to 6).
    hub = new_store(tmp_path / "hub.db")
    add_course(hub, 1)
    person = hub.repo("participants").rows()[0]
    assert person["pre_score"] == 6.5
    template = export_workbook(hub, tmp_path / "mau.xlsx", office="BIENHOA").path
    rows = {}

    def clerk(wb):
        ws = wb["Học viên"]
        rows["row"] = find_row(ws, "_id", person["id"])
        ws.cell(rows["row"], column_of(ws, "Điểm trước tập huấn")).value = 6.75

    report = import_report(hub, edit(template, tmp_path / "diem.xlsx", clerk))
    assert [(r["row"], r["reason"]) for r in report["rows"] if r["status"] == REJECTED] == [
        (rows["row"], "đơn vị BIENHOA chỉ được sửa “Họ và tên”, “Giới tính”, “Năm sinh”, “Đơn vị công tác”, "
                      "“Loại đơn vị”, “Chức vụ”, “Điện thoại”, “Thư điện tử”, “Ghi chú” của dòng này; tệp đã sửa "
                      "“Điểm trước tập huấn”.")]
    assert hub.repo("participants").get(person["id"])["pre_score"] == 6.5
    hub.close()


def test_a_true_refused_as_a_rating_does_not_refuse_the_1_typed_below_it(seeded_store, tmp_path):
    # Excel's TRUE is no number, so no rating from 1 to 5; the 1 typed in the next row is one, though Python holds
    # True == 1 (each cell's value is checked as the cell holds it, number or not).
    add_course(seeded_store, 2)
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path
    rows = {}

    def clerk(wb):
        ws = wb["Học viên"]
        for name, value in (("Nguyễn Văn A", True), ("Nguyễn Văn B", 1)):
            rows[name] = find_row(ws, "Họ và tên", name)
            ws.cell(rows[name], column_of(ws, "Mức hài lòng (1–5)")).value = value

    preview = preview_import(seeded_store, edit(path, tmp_path / "hai-long.xlsx", clerk))
    assert [str(e) for e in preview.errors] == [
        f"Trang “Học viên”, dòng {rows['Nguyễn Văn A']}, cột “Mức hài lòng (1–5)”: không phải là số"]
    assert [(r.display, r.status, r.changes) for r in preview.rows] == [
        ("Nguyễn Văn A", REJECTED, []), ("Nguyễn Văn B", CHANGED, [("Mức hài lòng (1–5)", "", "1")])]


@pytest.mark.parametrize("pasted_id", ["00000000-0000-4000-8000-000000000001", "ffffffff-ffff-4fff-bfff-ffffffffffff"])
def test_a_row_pasted_with_its_id_from_another_database_may_not_take_a_code_in_use(seeded_store, tmp_path, pasted_id):
    # Rows pasted from another installation's workbook keep their (unknown here) ids, whatever their order against
    # the ids of the rows here: the code SCT is taken either way.
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path
    rows = {}

    def clerk(wb):
        ws = wb["Đơn vị"]
        rows["row"] = row = ws.max_row + 1
        for title, value in (("_id", pasted_id), ("Mã đơn vị", "SCT"), ("Tên đơn vị", "Sở Công Thương (bản khác)"),
                             ("Loại đơn vị", "Khác")):
            ws.cell(row, column_of(ws, title)).value = value

    preview = preview_import(seeded_store, edit(path, tmp_path / "dan.xlsx", clerk))
    assert [(e.sheet, e.row, e.message) for e in preview.errors] == [
        ("Đơn vị", rows["row"], "Mã đơn vị: “SCT” đã có ở một dòng khác, không được trùng.")]


def test_a_workbook_whose_data_sheets_were_all_deleted_is_refused_with_its_progress_full(seeded_store, tmp_path):
    # The clerk deleted every visible sheet (Excel keeps one visible: here "_meta" shown again). Nothing to read:
    # the preview says so, and its progress still ends full (a bar of maximum 0 would spin for ever).
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path

    def clerk(wb):
        for name in list(wb.sheetnames):
            if not name.startswith("_"):
                del wb[name]
        wb["_meta"].sheet_state = "visible"

    seen: list[tuple[int, int, str]] = []
    preview = preview_import(seeded_store, edit(path, tmp_path / "rong.xlsx", clerk),
                             progress=lambda done, total, label: seen.append((done, total, label)))
    assert [str(e) for e in preview.errors] == ["Trang “_meta”: tệp không có trang dữ liệu nào."]
    done, total, _ = seen[-1]
    assert total > 0 and done == total


@pytest.mark.parametrize(("picked", "code"), [("Sở Tài chính", "STC"), ("UBND thành phố Long Khánh", "LONGKHANH")])
def test_another_agency_picked_from_the_list_replaces_the_hidden_id_of_the_old_one(seeded_store, tmp_path, picked,
                                                                                  code):
    # Nguyễn Văn A was sent by "UBND thành phố Biên Hòa"; the clerk picks another office from the drop-down (one
    # whose name sorts before, one after): the hidden cell still holds Biên Hòa's id, the name shown wins.
    add_course(seeded_store, 1)
    person = seeded_store.repo("participants").rows()[0]
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path

    def clerk(wb):
        ws = wb["Học viên"]
        ws.cell(find_row(ws, "_id", person["id"]), column_of(ws, "Đơn vị cử")).value = picked

    report = import_report(seeded_store, edit(path, tmp_path / "chon-lai.xlsx", clerk))
    assert report["status"] == "applied" and report["counts"]["changed"] == 1, report
    assert seeded_store.repo("participants").get(person["id"])["agency_id"] == _agency(seeded_store, code)


def test_a_damaged_hidden_updated_cell_does_not_stop_the_import(seeded_store, tmp_path):
    # `_updated` holds "when|who"; a paste left a second "|" in one: the row is still read (its content is
    # unchanged, so it is unchanged) and the clerk's real change comes in.
    add_course(seeded_store, 2)
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path

    def clerk(wb):
        ws = wb["Học viên"]
        a, b = find_row(ws, "Họ và tên", "Nguyễn Văn A"), find_row(ws, "Họ và tên", "Nguyễn Văn B")
        ws.cell(a, column_of(ws, "_updated")).value = "2024-06-01T08:00:00+00:00|máy A|máy B"
        ws.cell(b, column_of(ws, "Điện thoại")).value = "0912 345 678"

    report = import_report(seeded_store, edit(path, tmp_path / "hong.xlsx", clerk))
    assert report["status"] == "applied" and report["counts"]["changed"] == 1, report
    assert [r["title"] for r in report["rows"]] == ["Nguyễn Văn B"]


def test_a_name_shared_with_a_deleted_agency_names_the_live_one(seeded_store, tmp_path):
    # The district's old "Phòng Kinh tế" was deleted when a new office of the same name replaced it: a participant
    # typed as sent by "Phòng Kinh tế" is sent by the live one, not refused as ambiguous.
    agencies = seeded_store.repo("agencies")
    old = agencies.add({"code": "PKT_CU", "name": "Phòng Kinh tế", "kind": "Khác"})["id"]
    agencies.delete(old)
    new = agencies.add({"code": "PKT_MOI", "name": "Phòng Kinh tế", "kind": "Khác"})["id"]
    add_course(seeded_store, 1)
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path
    path = edit(path, tmp_path / "go.xlsx", lambda wb: _type_participant(wb["Học viên"], "Lê Thị Hoa", "Phòng Kinh tế"))
    report = import_report(seeded_store, path)
    assert report["status"] == "applied" and report["counts"]["new"] == 1, report
    assert seeded_store.repo("participants").rows(full_name="Lê Thị Hoa")[0]["agency_id"] == new


@pytest.mark.parametrize("pasted_id", ["00000000-0000-4000-8000-000000000001", "ffffffff-ffff-4fff-bfff-ffffffffffff"])
def test_a_participant_pasted_with_its_ids_from_another_database_needs_its_course_here(seeded_store, tmp_path,
                                                                                       pasted_id):
    # A participant row pasted from another installation's workbook, hidden ids and all: its course (hidden id
    # 7777…) was never in this database. Refused for that, whether its own id sorts before or after the course's.
    add_course(seeded_store, 1)
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path
    rows = {}

    def clerk(wb):
        ws = wb["Học viên"]
        rows["row"] = _type_participant(ws, "Lê Thị Hoa")
        ws.cell(rows["row"], column_of(ws, "_id")).value = pasted_id
        ws.cell(rows["row"], column_of(ws, "_ref:course_id")).value = "77777777-7777-4777-8777-777777777777"
        ws.cell(rows["row"], column_of(ws, "Lớp tập huấn")).value = "Lớp tập huấn của huyện khác"

    preview = preview_import(seeded_store, edit(path, tmp_path / "dan-lop.xlsx", clerk))
    assert [(e.sheet, e.row, e.message) for e in preview.errors] == [
        ("Học viên", rows["row"], "Lớp tập huấn: không tìm thấy lớp tập huấn mà dòng này trỏ tới "
                                  "(chưa có hoặc đã bị xóa).")]


def test_the_office_taking_the_hubs_version_of_its_own_report_takes_all_of_it(tmp_path):
    # At Biên Hòa: the hub moved the due date of Biên Hòa's own report (the hub may touch any row) and wrote a
    # summary; Biên Hòa wrote another. Importing the hub's next workbook, "theirs" is the hub's row whole.
    hub = new_store(tmp_path / "hub.db")
    report_row = hub.repo("office_reports").rows(agency_id=_agency(hub, "BIENHOA"))[0]
    assert report_row["owner"] == "BIENHOA"
    office = new_store(tmp_path / "office.db", office="BIENHOA", empty=True)
    assert import_report(office, export_workbook(hub, tmp_path / "lan_1.xlsx").path)["status"] == "applied"
    hub.repo("office_reports").update(report_row["id"], {"due_date": "2024-11-25", "summary": "Sở ghi"})
    office.repo("office_reports").update(report_row["id"], {"summary": "Huyện ghi"})
    report = import_report(office, export_workbook(hub, tmp_path / "lan_2.xlsx").path, resolve="theirs")
    assert report["status"] == "applied" and report["counts"]["conflict"] == 1, report
    mine = office.repo("office_reports").get(report_row["id"])
    assert (mine["due_date"], mine["summary"]) == ("2024-11-25", "Sở ghi")
    office.close()
    hub.close()


def test_an_office_may_not_fill_a_task_led_by_an_agency_whose_code_sorts_before_its_own(seeded_store, tmp_path):
    # Biên Hòa coordinates a task Bộ Công Thương (code BCT, before BIENHOA) leads: the row is context in Biên Hòa's
    # template, locked. A result typed there anyway (openpyxl, as a tool that ignores protection) is refused: the
    # task is assigned to BCT, not to Biên Hòa, whatever the order of their codes.
    task = seeded_store.repo("tasks").rows(kind="activity")[0]
    seeded_store.repo("tasks").update(task["id"], {"lead_agency_id": _agency(seeded_store, "BCT"),
                                                   "coordinating_ids": [_agency(seeded_store, "BIENHOA")],
                                                   "result": ""})
    path = export_workbook(seeded_store, tmp_path / "mau.xlsx", office="BIENHOA").path

    def clerk(wb):
        ws = wb[spec_sheet("tasks")]
        ws.cell(find_row(ws, "_id", task["id"]), column_of(ws, "Kết quả")).value = "Biên Hòa ghi thay"

    path = edit(path, tmp_path / "sua.xlsx", clerk)
    preview = preview_import(seeded_store, path)
    rows = [r for r in preview.rows if r.sheet == spec_sheet("tasks") and r.status != UNCHANGED]
    assert [r.status for r in rows] == [REJECTED]
    assert seeded_store.repo("tasks").get(task["id"])["result"] in ("", None)


def test_a_task_coordinated_by_a_live_agency_and_one_deleted_in_the_file_is_refused_for_the_deleted_one(
        seeded_store, tmp_path):
    # Task II.1.1 is coordinated by Sở Tài chính and a new district office X. The clerk marks X deleted and records
    # the task's result: Sở Tài chính, listed first, is still there, but X is not, so the task may not point at it
    # (every agency of the cell must be live, not only the first); X stays, one row still needing it.
    agencies = seeded_store.repo("agencies")
    x = agencies.add({"code": "PKT_X", "name": "Phòng Kinh tế X", "kind": "Khác"})["id"]
    task = seeded_store.repo("tasks").rows(code="II.1.1")[0]
    seeded_store.repo("tasks").update(task["id"], {"coordinating_ids": [_agency(seeded_store, "STC"), x]})
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path
    rows = {}

    def clerk(wb):
        ws = wb["Đơn vị"]
        rows["x"] = find_row(ws, "_id", x)
        _mark_deleted(ws, rows["x"])
        ws = wb["Nhiệm vụ"]
        rows["task"] = find_row(ws, "_id", task["id"])
        assert ws.cell(rows["task"], column_of(ws, "Đơn vị phối hợp")).value == "Sở Tài chính; Phòng Kinh tế X"
        ws.cell(rows["task"], column_of(ws, "Kết quả")).value = "Đã phối hợp"

    preview = preview_import(seeded_store, edit(path, tmp_path / "xoa-x.xlsx", clerk))
    assert sorted((e.sheet, e.row, e.message) for e in preview.errors) == [
        ("Nhiệm vụ", rows["task"], "Đơn vị phối hợp: không tìm thấy đơn vị mà dòng này trỏ tới "
                                   "(chưa có hoặc đã bị xóa)."),
        ("Đơn vị", rows["x"], "không xóa được: còn 1 dòng khác gắn với dòng này; hãy đánh dấu xóa cả các dòng đó.")]
    assert preview.counts[REJECTED] == 2 and preview.counts[CHANGED] == 0


def test_an_agency_renamed_throughout_the_workbook_to_a_name_another_agency_has_keeps_its_rows(seeded_store,
                                                                                            tmp_path):
    # Long Khánh's "Phòng Kinh tế Long Khánh" is renamed "Phòng Kinh tế", as Nhơn Trạch's office is already called:
    # the clerk does it with Find and Replace over the whole workbook, so the participant it sent now reads
    # "Phòng Kinh tế" too. The name is the file's new name of the agency behind the hidden id: the participant stays
    # with Long Khánh's office, not refused as ambiguous.
    agencies = seeded_store.repo("agencies")
    long_khanh = agencies.add({"code": "PKT_LONGKHANH", "name": "Phòng Kinh tế Long Khánh", "kind": "Khác"})["id"]
    agencies.add({"code": "PKT_NHONTRACH", "name": "Phòng Kinh tế", "kind": "Khác"})
    course = add_course(seeded_store, 0)
    person = seeded_store.repo("participants").add({"course_id": course, "full_name": "Trần Văn Bình",
                                                   "agency_id": long_khanh})
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path

    def replace_all(wb):
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    if cell.value == "Phòng Kinh tế Long Khánh":
                        cell.value = "Phòng Kinh tế"
        ws = wb["Học viên"]
        assert ws.cell(find_row(ws, "_id", person["id"]), column_of(ws, "Đơn vị cử")).value == "Phòng Kinh tế"

    report = import_report(seeded_store, edit(path, tmp_path / "doi-ten.xlsx", replace_all))
    assert report["status"] == "applied" and report["counts"]["changed"] == 1, report
    assert agencies.get(long_khanh)["name"] == "Phòng Kinh tế"
    assert seeded_store.repo("participants").get(person["id"])["agency_id"] == long_khanh


def test_an_agency_taken_out_of_a_cell_is_out_even_where_it_is_not_yet_known(tmp_path):
    # Biên Hòa's installation started from the hub's workbook. Then the hub added a new office X as coordinating task
    # II.1.1 with Sở Tài chính, exported, and its clerk took X out of the cell in Excel before sending ("Sở Tài chính"
    # left): at Biên Hòa, which has never seen X, the task is coordinated by Sở Tài chính alone, as the cell reads
    # (the hidden cell still lists both; the names it stands for no longer match the cell).
    hub = new_store(tmp_path / "hub.db")
    task = hub.repo("tasks").rows(code="II.1.1")[0]
    office = new_store(tmp_path / "office.db", office="BIENHOA", empty=True)
    assert import_report(office, export_workbook(hub, tmp_path / "lan_1.xlsx").path)["status"] == "applied"
    x = hub.repo("agencies").add({"code": "PKT_X", "name": "Phòng Kinh tế X", "kind": "Khác"})["id"]
    hub.repo("tasks").update(task["id"], {"coordinating_ids": [_agency(hub, "STC"), x]})
    path = export_workbook(hub, tmp_path / "lan_2.xlsx").path

    def clerk(wb):
        ws = wb["Nhiệm vụ"]
        row = find_row(ws, "_id", task["id"])
        assert ws.cell(row, column_of(ws, "Đơn vị phối hợp")).value == "Sở Tài chính; Phòng Kinh tế X"
        ws.cell(row, column_of(ws, "Đơn vị phối hợp")).value = "Sở Tài chính"

    report = import_report(office, edit(path, tmp_path / "bo-x.xlsx", clerk))
    assert report["status"] == "applied" and report["counts"]["rejected"] == 0, report
    stored = office.repo("tasks").get(task["id"])["coordinating_ids"]
    assert (json.loads(stored) if isinstance(stored, str) else stored) == [_agency(office, "STC")]
    assert office.repo("agencies").get(x)["name"] == "Phòng Kinh tế X"  # X itself arrives, as a new agency
    office.close()
    hub.close()


def test_a_typed_row_is_listed_as_new_without_a_before_and_after_of_its_cells(seeded_store, tmp_path):
    # The preview's "Thay đổi" column shows before -> after for a row that was there before (Nguyễn Văn A's phone);
    # a row typed into the workbook had no before: it is listed as new by its name, its line not filled with
    # "∅ -> value" for every cell typed (docs/exchange-format.md, step 4 of an office's life).
    add_course(seeded_store, 1)
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path

    def clerk(wb):
        ws = wb["Học viên"]
        ws.cell(find_row(ws, "Họ và tên", "Nguyễn Văn A"), column_of(ws, "Điện thoại")).value = "0912 345 678"
        _type_participant(ws, "Lê Thị Hoa")

    report = import_report(seeded_store, edit(path, tmp_path / "them-sua.xlsx", clerk), dry_run=True)
    assert [(r["title"], r["status"], r.get("changes")) for r in report["rows"]] == [
        ("Nguyễn Văn A", CHANGED, [{"column": "Điện thoại", "before": "0251 3822 111", "after": "0912 345 678"}]),
        ("Lê Thị Hoa", NEW, None)]


def test_a_typed_rows_id_is_the_formats_so_every_installation_and_version_finds_it_again(seeded_store, tmp_path):
    # The hub and the office may import the same filled-in template, with different program versions: a typed row
    # must get the same id everywhere, so its id is part of the format (docs/exchange-format.md): the UUID5 (URL
    # namespace) of "sxtdbv:<export id>:<table>:<content hash>:<n>", n counting the rows typed alike from 1.
    import uuid

    from desktop.domain.entities import BY_NAME
    from desktop.domain.revisions import content_hash

    add_course(seeded_store, 0)
    export = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx")

    def clerk(wb):
        for name in ("Nguyễn Thị Mai", "Nguyễn Thị Mai", "Lê Thị Hoa"):
            _type_participant(wb["Học viên"], name)

    assert import_report(seeded_store, edit(export.path, tmp_path / "go.xlsx", clerk))["status"] == "applied"
    people = seeded_store.repo("participants").rows()
    spec = BY_NAME["participants"]
    digests = [content_hash(spec, p) for p in people]
    assert digests[0] == digests[1] != digests[2]  # the two Mai are typed alike

    def expected(digest: str, n: int) -> str:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"sxtdbv:{export.export_id}:participants:{digest}:{n}"))

    assert sorted(p["id"] for p in people) == sorted(
        [expected(digests[0], 1), expected(digests[0], 2), expected(digests[2], 1)])


# -- one refusal leading to another -----------------------------------------------------------------------------------

def test_a_participant_sent_by_a_new_agency_refused_for_its_code_is_refused_too(seeded_store, tmp_path):
    # The clerk types a new agency, giving it Sở Tài chính's code STC by mistake, and a participant it sends. The
    # agency is refused, so it will not exist: the participant may not point at it (and leaving the refused rows
    # out must not leave her pointing at nothing).
    add_course(seeded_store, 1)
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path
    rows = {}

    def clerk(wb):
        ws = wb["Đơn vị"]
        rows["agency"] = row = ws.max_row + 1
        for title, value in (("Mã đơn vị", "STC"), ("Tên đơn vị", "Trung tâm Xúc tiến Thương mại"),
                             ("Loại đơn vị", "Khác")):
            ws.cell(row, column_of(ws, title)).value = value
        rows["person"] = _type_participant(wb["Học viên"], "Lê Thị Hoa", "Trung tâm Xúc tiến Thương mại")

    preview = preview_import(seeded_store, edit(path, tmp_path / "trung-ma.xlsx", clerk))
    assert sorted((e.sheet, e.row, e.message) for e in preview.errors) == [
        ("Học viên", rows["person"], "Đơn vị cử: không tìm thấy đơn vị mà dòng này trỏ tới (chưa có hoặc đã bị xóa)."),
        ("Đơn vị", rows["agency"], "Mã đơn vị: “STC” đã có ở một dòng khác, không được trùng.")]
    assert (preview.counts[REJECTED], preview.counts[NEW]) == (2, 0)
    before = digest(seeded_store)
    assert apply_import(seeded_store, preview, allow_rejected=True).written == {}
    assert digest(seeded_store) == before


def test_a_code_taken_from_an_agency_whose_own_new_code_is_refused_is_refused_too(seeded_store, tmp_path):
    # Long Thành is given the code STC (Sở Tài chính's: refused), and Nhơn Trạch Long Thành's code LONGTHANH, as if
    # Long Thành's change went through. It does not: Long Thành keeps LONGTHANH, so Nhơn Trạch may not take it.
    path = export_workbook(seeded_store, tmp_path / "ke-hoach.xlsx").path
    rows = {}

    def clerk(wb):
        ws = wb["Đơn vị"]
        rows["a"], rows["b"] = find_row(ws, "Mã đơn vị", "LONGTHANH"), find_row(ws, "Mã đơn vị", "NHONTRACH")
        ws.cell(rows["a"], column_of(ws, "Mã đơn vị")).value = "STC"
        ws.cell(rows["b"], column_of(ws, "Mã đơn vị")).value = "LONGTHANH"

    preview = preview_import(seeded_store, edit(path, tmp_path / "doi-ma.xlsx", clerk))
    assert sorted((e.row, e.message) for e in preview.errors) == sorted([
        (rows["a"], "Mã đơn vị: “STC” đã có ở một dòng khác, không được trùng."),
        (rows["b"], "Mã đơn vị: “LONGTHANH” đã có ở một dòng khác, không được trùng.")])
    assert (preview.counts[REJECTED], preview.counts[CHANGED]) == (2, 0)
