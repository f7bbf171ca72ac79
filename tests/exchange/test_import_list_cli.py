"""`sxtdbv import-list`: an official-layout list imported headless — the JSON report, every exit code, --dry-run and
refusals writing nothing, the backup and the exchange log of an applied import."""

from __future__ import annotations

import json

import openpyxl
import pytest

from desktop.cli import main
from desktop.services.backup import IMPORT, list_backups
from desktop.store import Store
from tests.exchange.helpers import add_course, digest
from tests.exchange.official_lists import COUNTS, NEW_NAMES, SHEET, participants_list


@pytest.fixture
def hub(tmp_path):
    """A seeded database with one course holding Nguyễn Văn A of Công ty ABC; its path and the course id."""
    path = tmp_path / "hub.db"
    assert main(["--db", str(path), "init"]) == 0
    store = Store.open(path)
    course = add_course(store, 1)
    store.close()
    return path, course


def _run(capsys, db, *args):
    code = main(["--db", str(db), "import-list", *map(str, args)])
    out = capsys.readouterr()
    return code, (json.loads(out.out) if "--json" in args else out.out), out.err


def _state(db):
    store = Store.open(db)
    try:
        log = [r[0] for r in store.db.execute("SELECT status FROM exchange_log ORDER BY id")]
        return digest(store), log
    finally:
        store.close()


def _participants(db, course):
    store = Store.open(db)
    try:
        return {p["full_name"]: p for p in store.repo("participants").rows(course_id=course)}
    finally:
        store.close()


def test_dry_run_reports_the_official_list_and_writes_nothing(hub, tmp_path, capsys):
    db, _ = hub
    path = participants_list(tmp_path / "ds.xlsx")
    capsys.readouterr()
    before = _state(db)
    code, report, _ = _run(capsys, db, path, "--entity", "participants", "--dry-run", "--json")
    assert code == 1  # a rejected row refuses the list
    assert set(report) >= {"file", "sheet", "header_row", "mapping", "status", "counts", "errors"}
    assert report["file"] == str(path) and report["sheet"] == SHEET and report["header_row"] == 7
    assert report["status"] == "refused"
    assert report["counts"] == COUNTS
    assert report["mapping"] == {"full_name": "Họ và tên", "gender": "Giới tính", "birth_year": "Năm sinh",
                                 "organisation": "Đơn vị công tác", "position": "Chức vụ",
                                 "phone": "Số điện thoại", "note": "Ghi chú"}
    assert [(e["sheet"], e["row"], e["column"]) for e in report["errors"]] == [(SHEET, 15, "Giới tính")]
    assert "Không rõ" in report["errors"][0]["message"]

    code, report, _ = _run(capsys, db, path, "--entity", "participants", "--dry-run", "--skip-rejected", "--json")
    assert code == 0 and report["status"] == "dry-run" and report["counts"] == COUNTS
    assert _state(db) == before  # a dry run neither writes nor logs
    assert not [b for b in list_backups(db) if b.reason == IMPORT]


def test_rejected_rows_refuse_the_list_then_skip_rejected_applies_it_once(hub, tmp_path, capsys):
    db, course = hub
    path = participants_list(tmp_path / "ds.xlsx")
    capsys.readouterr()
    data_before, log_before = _state(db)
    code, out, err = _run(capsys, db, path, "--entity", "participants")
    assert code == 1
    assert "không nhập" in out and "dòng 15" in err and "Giới tính" in err
    data_after, log_after = _state(db)
    assert data_after == data_before and log_after == [*log_before, "refused"]

    code, report, _ = _run(capsys, db, path, "--entity", "participants", "--skip-rejected", "--json")
    assert code == 0 and report["status"] == "applied" and report["counts"] == COUNTS
    # the same backup as a workbook import takes, named in the report
    assert [str(b.path) for b in list_backups(db) if b.reason == IMPORT] == [report["backup"]]
    assert _state(db)[1][-1] == "applied"
    people = _participants(db, course)
    assert set(people) == NEW_NAMES | {"Nguyễn Văn A"}
    hung, hoa, mai = people["Lê Văn Hùng"], people["Nguyễn Thị Hoà"], people["Trần Thị Mai"]
    assert (hung["gender"], hung["birth_year"], hung["phone"]) == ("male", 1979, "0912000111")
    assert hung["organisation"] == "Công ty TNHH Cơ khí Trảng Bom"
    assert (hoa["gender"], hoa["birth_year"], hoa["note"]) == ("female", 1990, "Mới tuyển dụng")
    assert hoa["organisation"] == "Công ty TNHH Cơ khí Trảng Bom"  # the unit merged over rows 10 and 11
    assert (mai["gender"], mai["birth_year"], mai["position"]) == ("female", 1985, "Chuyên viên")
    assert people["Phạm Văn Bình"]["gender"] == "male"

    code, report, _ = _run(capsys, db, path, "--entity", "participants", "--skip-rejected", "--json")
    assert code == 0 and report["status"] == "no-changes"
    assert report["counts"] == {"new": 0, "unchanged": 5, "rejected": 1, "skipped": 10}
    assert len(_participants(db, course)) == 5


def test_map_sheet_and_header_row_options(hub, tmp_path, capsys):
    db, course = hub
    path = participants_list(tmp_path / "ds.xlsx")
    capsys.readouterr()
    code, report, _ = _run(capsys, db, path, "--entity", "participants", "--sheet", SHEET, "--header-row", "7",
                           "--map", "gender=", "--map", "note=", "--json")
    assert code == 0 and report["status"] == "applied"
    assert "gender" not in report["mapping"] and "note" not in report["mapping"]
    assert report["counts"] == {"new": 5, "unchanged": 1, "rejected": 0, "skipped": 10}
    people = _participants(db, course)
    assert people["Đỗ Thị Lan"]["gender"] == "" and people["Nguyễn Thị Hoà"]["note"] == ""

    # without --sheet, the sheet whose row 7 names the columns (the cover letter has a row 7 too)
    code, report, _ = _run(capsys, db, path, "--entity", "participants", "--header-row", "7", "--dry-run", "--json")
    assert report["sheet"] == SHEET and report["header_row"] == 7
    assert report["counts"] == {"new": 0, "unchanged": 5, "rejected": 1, "skipped": 10}  # Đỗ Thị Lan's gender again

    code, report, _ = _run(capsys, db, path, "--entity", "participants", "--header-row", "1", "--json")
    assert code == 1 and report["status"] == "refused" and report["header_row"] == 1
    assert "Họ và tên" in report["errors"][0]["message"]

    code, report, _ = _run(capsys, db, path, "--entity", "participants", "--map", "position=Nơi ở", "--json")
    assert code == 1 and "Nơi ở" in report["errors"][0]["message"]


@pytest.mark.parametrize("args", [
    ("--entity", "tasks"),
    ("--entity", "participants", "--map", "full_name"),
    ("--entity", "participants", "--map", "shoe_size=Cỡ giày"),
    ("--entity", "participants", "--header-row", "0"),
    ("--entity", "participants", "--header-row", "bảy"),
    (),
])
def test_usage_errors_exit_2_and_write_nothing(hub, tmp_path, capsys, args):
    db, _ = hub
    path = participants_list(tmp_path / "ds.xlsx")
    before = _state(db)
    with pytest.raises(SystemExit) as stop:
        code = main(["--db", str(db), "import-list", str(path), *args])
        raise SystemExit(code)
    assert stop.value.code == 2
    assert "lỗi cú pháp" in capsys.readouterr().err
    assert _state(db) == before


def test_the_course_is_chosen_by_id_or_title_and_required_when_several(hub, tmp_path, capsys):
    db, course = hub
    store = Store.open(db)
    plan = store.repo("plans").rows()[0]["id"]
    second = store.repo("training_courses").add({"plan_id": plan, "title": "Lớp tập huấn đợt 2"})["id"]
    store.close()
    path = participants_list(tmp_path / "ds.xlsx")
    capsys.readouterr()
    code, report, _ = _run(capsys, db, path, "--entity", "participants", "--skip-rejected", "--json")
    assert code == 1 and "--parent" in report["message"]
    code, report, _ = _run(capsys, db, path, "--entity", "participants", "--parent", "Lớp không có", "--json")
    assert code == 1 and "Lớp không có" in report["message"]
    code, report, _ = _run(capsys, db, path, "--entity", "participants", "--parent", "Lớp tập huấn đợt 2",
                           "--skip-rejected", "--json")
    assert code == 0 and report["counts"]["new"] == 5  # Nguyễn Văn A is in the other course only
    assert set(_participants(db, second)) == NEW_NAMES | {"Nguyễn Văn A"}
    code, report, _ = _run(capsys, db, path, "--entity", "participants", "--parent", course, "--skip-rejected",
                           "--json")
    assert code == 0 and report["counts"]["new"] == 4


def test_enterprises_official_list_goes_to_the_latest_plan(hub, tmp_path, capsys):
    db, _ = hub
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách DN"
    ws["A1"] = "SỞ CÔNG THƯƠNG ĐỒNG NAI"
    ws.merge_cells("A1:C1")
    ws["D1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws.merge_cells("D1:F1")
    ws["A3"] = "DANH SÁCH DOANH NGHIỆP ĐĂNG KÝ KHẢO SÁT"
    ws.merge_cells("A3:F3")
    ws.append([])
    # check digits worked by hand: 3,6,0,0,1,2,3,4,5 · 31,29,23,19,17,13,7,5,3 = 366 ≡ 3 (mod 11) → 10 - 3 = 7;
    # 3,6,0,0,9,9,9,8,8 → 664 ≡ 4 → 6
    ws.append(["TT", "Tên doanh nghiệp", "Mã số thuế", "Địa chỉ", "KCN", "Người liên hệ"])  # row 5
    ws.append([1, "Công ty TNHH Hóa chất Long Thành", "3600123457", "Long Thành", "KCN Long Thành", "Chị Hà"])
    ws.append([2, "Công ty CP Sơn Biên Hòa", 3600999886, "Biên Hòa", "KCN Biên Hòa 1", None])
    ws.append([3, "Công ty CP Sơn Biên Hòa (chi nhánh)", "3600999886", "Biên Hòa", None, None])  # same tax code
    ws.append(["Cộng", None, "3 doanh nghiệp"])  # row 9
    ws["D11"] = "Đồng Nai, ngày 20 tháng 5 năm 2024"
    wb.save(tmp_path / "dn.xlsx")
    store = Store.open(db)
    latest = max(store.repo("plans").rows(), key=lambda p: p["year"])["id"]
    before = store.repo("enterprises").count(plan_id=latest)
    store.close()
    capsys.readouterr()
    code, report, _ = _run(capsys, db, tmp_path / "dn.xlsx", "--entity", "enterprises", "--json")
    assert code == 0 and report["status"] == "applied" and report["header_row"] == 5
    # rows 6-11 under the header: 3 data rows (2 new, the branch's tax code already taken), 3 skipped (9, 10, 11)
    assert report["counts"] == {"new": 2, "unchanged": 1, "rejected": 0, "skipped": 3}
    store = Store.open(db)
    rows = {e["name"]: e for e in store.repo("enterprises").rows(plan_id=latest)}
    assert len(rows) == before + 2
    assert rows["Công ty CP Sơn Biên Hòa"]["tax_code"] == "3600999886"
    store.close()


def test_missing_file_and_a_workbook_without_a_list_are_refused(hub, tmp_path, capsys):
    db, _ = hub
    code, report, _ = _run(capsys, db, tmp_path / "khong_co.xlsx", "--entity", "participants", "--json")
    assert code == 1 and report["status"] == "refused" and "khong_co.xlsx" in report["errors"][0]["message"]
    wb = openpyxl.Workbook()
    wb.active.append(["Báo cáo tình hình", "quý II"])
    wb.save(tmp_path / "other.xlsx")
    code, report, _ = _run(capsys, db, tmp_path / "other.xlsx", "--entity", "participants", "--json")
    assert code == 1 and "dòng tiêu đề" in report["message"]
