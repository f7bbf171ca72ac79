"""Agency lists from Excel (the official layout, with predecessors), their export, and the bundled 2025 update."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import Workbook, load_workbook

from desktop.cli import main
from desktop.domain import agencies as rules
from desktop.services import agencies_lists as lists
from desktop.services import agencies_reference as reference
from desktop.services.new_year import AMBIGUOUS, MAPPED, preview_new_year
from desktop.services.setup import init_database
from desktop.store import Store
from tests.reform_helpers import DISTRICTS, codes


def official_list(path, rows, title_rows=True):
    """A list as a province office types it: a title, a blank line, then the header and the rows."""
    book = Workbook()
    sheet = book.active
    sheet.title = "DS xa phuong"
    if title_rows:
        sheet.append(["DANH SÁCH ĐƠN VỊ HÀNH CHÍNH CẤP XÃ SAU SẮP XẾP"])
        sheet.append([])
    sheet.append(["STT", "Mã", "Tên đơn vị", "Loại", "Ngày hiệu lực", "Đơn vị tiền thân", "Ghi chú"])
    for number, row in enumerate(rows, 1):
        sheet.append([number, *row])
    book.save(path)
    return path


ROWS = [
    ["X_LT_A", "UBND xã Long Thành A", "xã", "01/07/2025", "LONGTHANH", "Dữ liệu thử"],
    ["X_LT_B", "UBND xã Long Thành B", "Xã", dt.datetime(2025, 7, 1), "Long Thành", ""],  # by short name, date cell
    ["P_CM", "UBND phường Cẩm Mỹ", "phường", "01/07/2025", "CAMMY", ""],
    ["SNNMT", "Sở Nông nghiệp và Môi trường", "Sở, ban, ngành", "01/03/2025", "STNMT", ""],
    ["STC", "Sở Tài chính", "Sở", "01/03/2025", "STC, SKHDT", ""],  # absorbed a department not in the list
]


def test_an_official_list_is_previewed_then_imported_with_its_successions(seeded_store, tmp_path):
    path = official_list(tmp_path / "ds.xlsx", ROWS)
    before = seeded_store.repo("agencies").count()
    preview = lists.preview_agency_list(seeded_store, path)
    assert seeded_store.repo("agencies").count() == before  # a preview writes nothing
    assert preview.sheet == "DS xa phuong"
    assert [(r.code, r.status) for r in preview.rows] == [
        ("X_LT_A", "new"), ("X_LT_B", "new"), ("P_CM", "new"), ("SNNMT", "new"), ("STC", "unchanged")]
    assert preview.rows[1].predecessors == ["LONGTHANH"]
    assert preview.rows[4].warnings and "SKHDT" in preview.rows[4].warnings[0]
    # The districts already end on 30/06/2025; Sở TN&MT has no end yet: it ends the day before its successor.
    assert preview.endings == [("STNMT", "2025-02-28")]

    counts = lists.apply_agency_list(seeded_store, preview)
    assert counts == {"new": 4, "changed": 0, "links": 4, "endings": 1, "rejected": 0}
    agencies = {a["code"]: a for a in seeded_store.repo("agencies").rows()}
    assert agencies["X_LT_A"]["kind"] == "commune" and agencies["P_CM"]["valid_from"] == "2025-07-01"
    assert agencies["STC"]["valid_from"] is None  # not moved later: Sở Tài chính existed in 2024
    listed = [a["code"] for a in seeded_store.repo("agencies").rows()]  # new ones after the 19, in the file's order
    assert listed[19:] == ["X_LT_A", "X_LT_B", "P_CM", "SNNMT"]
    ids = codes(seeded_store)
    assert rules.successor_ids(agencies["LONGTHANH"]) == [ids["X_LT_A"], ids["X_LT_B"]]
    assert agencies["STNMT"]["valid_to"] == "2025-02-28"

    new_year = {m.code: m for m in preview_new_year(seeded_store, 2026).mappings}
    assert new_year["LONGTHANH"].state == AMBIGUOUS and new_year["CAMMY"].state == MAPPED
    assert new_year["STNMT"].targets == [ids["SNNMT"]]


def test_a_row_in_error_is_refused_with_its_sheet_row_and_column(seeded_store, tmp_path):
    bad = [*ROWS[:2], ["X_BAD", "UBND xã Sai", "thôn", "31/02/2025", "", ""]]
    preview = lists.preview_agency_list(seeded_store, official_list(tmp_path / "bad.xlsx", bad))
    refused = [r for r in preview.rows if r.status == lists.REJECTED]
    assert len(refused) == 1
    assert "Trang “DS xa phuong”, dòng 6" in refused[0].reason
    assert "cột “Ngày hiệu lực”: ngày “31/02/2025” không tồn tại" in refused[0].reason


def test_export_lists_every_agency_and_imports_back_unchanged(seeded_store, tmp_path):
    lists.apply_agency_list(seeded_store, lists.preview_agency_list(seeded_store, official_list(
        tmp_path / "ds.xlsx", ROWS)))
    out = tmp_path / "export.xlsx"
    assert lists.export_agency_list(seeded_store, out) == 23
    sheet = load_workbook(out).active
    header = [c.value for c in sheet[1]]
    assert header[:7] == ["Mã đơn vị", "Tên đơn vị", "Tên viết tắt", "Loại đơn vị", "Hiệu lực từ", "Hiệu lực đến",
                          "Đơn vị tiền thân"]
    by_code = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert by_code["LONGTHANH"][5].value.date() == dt.date(2025, 6, 30)
    assert by_code["LONGTHANH"][5].number_format == "dd/mm/yyyy"
    assert by_code["LONGTHANH"][7].value == "X_LT_A, X_LT_B"
    assert by_code["X_LT_B"][6].value == "LONGTHANH"
    assert by_code["P_CM"][3].value == "UBND xã, phường"
    again = lists.preview_agency_list(seeded_store, out)
    assert {r.status for r in again.rows} == {lists.UNCHANGED} and not again.writes


def test_the_bundled_2025_update_names_its_sources_and_applies_once(seeded_store):
    ids = codes(seeded_store)
    seeded_store.repo("agencies").update(ids["NHONTRACH"], {"valid_to": None})  # as an older database had it
    preview = reference.preview_reference_update(seeded_store)
    assert any("72/2025/QH15" in s for s in preview.sources)
    rows = {r.code: r for r in preview.rows}
    assert set(rows) == set(DISTRICTS) | {"UBND_TINH"}
    assert ("Hiệu lực đến", "", "30/06/2025") in rows["NHONTRACH"].changes
    assert seeded_store.repo("agencies").get(ids["NHONTRACH"])["valid_to"] is None  # the preview wrote nothing
    assert reference.apply_reference_update(seeded_store, preview) == 12
    district = seeded_store.repo("agencies").get(ids["NHONTRACH"])
    assert district["valid_to"] == "2025-06-30"
    assert "Luật Tổ chức chính quyền địa phương số 72/2025/QH15" in district["note"]
    assert district["note"].startswith("Cấp huyện kết thúc hoạt động từ 01/07/2025.")  # the note is kept, extended
    assert reference.preview_reference_update(seeded_store).count(reference.CHANGE) == 0


# -- the command ---------------------------------------------------------------------------------------------------
@pytest.fixture
def db(tmp_path):
    path = tmp_path / "plan.db"
    init_database(path).close()
    return path


def _agency_count(path) -> int:
    store = Store.open(path)
    try:
        return store.repo("agencies").count()
    finally:
        store.close()


def test_cli_imports_refuses_bad_files_and_exports(db, tmp_path, capsys):
    good = official_list(tmp_path / "ds.xlsx", ROWS)
    assert main(["--db", str(db), "agencies", "--import", str(good), "--dry-run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["counts"] == {"new": 4, "changed": 0, "unchanged": 1, "rejected": 0} and not report["written"]
    assert _agency_count(db) == 19

    bad = official_list(tmp_path / "bad.xlsx", [*ROWS, ["", "Không mã", "xã", "", "", ""]])
    assert main(["--db", str(db), "agencies", "--import", str(bad)]) == 1
    assert "dòng 9" in capsys.readouterr().err and _agency_count(db) == 19  # nothing written

    assert main(["--db", str(db), "agencies", "--import", str(good)]) == 0
    assert "Đã nhập: 4 đơn vị mới" in capsys.readouterr().out and _agency_count(db) == 23
    assert main(["--db", str(db), "agencies", "--export", str(tmp_path / "out.xlsx")]) == 0
    assert "Đã xuất 23 đơn vị" in capsys.readouterr().out
    assert main(["--db", str(db), "agencies", "--json"]) == 0
    listed = {a["code"]: a for a in json.loads(capsys.readouterr().out)}
    assert listed["LONGTHANH"]["ended"] and listed["LONGTHANH"]["successors"] == ["X_LT_A", "X_LT_B"]


def test_cli_apply_2025_dry_run_writes_nothing(db, capsys):
    assert main(["--db", str(db), "agencies", "--apply-2025", "--dry-run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["counts"]["change"] == 12 and report["written"] is False
    assert main(["--db", str(db), "agencies", "--apply-2025", "--dry-run", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["change"] == 12  # still: nothing was written
    assert main(["--db", str(db), "agencies", "--apply-2025"]) == 0
    assert "Đã áp dụng: 12 đơn vị thay đổi." in capsys.readouterr().out


def test_agencies_are_a_list_kind_of_the_generic_import(db, tmp_path, capsys):
    """The same list through `import-list` adds the new agencies; `agencies --import` then adds the successions."""
    path = official_list(tmp_path / "ds.xlsx", ROWS)
    assert main(["--db", str(db), "import-list", str(path), "--entity", "agencies", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["new"] == 4
    assert _agency_count(db) == 23
    assert main(["--db", str(db), "agencies", "--import", str(path), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["counts"] == {"new": 0, "changed": 0, "unchanged": 5, "rejected": 0}
    store = Store.open(db)
    try:
        by_code = {a["code"]: a for a in store.repo("agencies").rows()}
        assert rules.successor_ids(by_code["CAMMY"]) == [by_code["P_CM"]["id"]]
    finally:
        store.close()
