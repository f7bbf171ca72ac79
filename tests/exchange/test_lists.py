"""The list import's rules on their own: the header row found by its titles, each kind of non-data row skipped with
its reason, titles with explanations, VNI text, and a third list kind added by a declaration only."""

from __future__ import annotations

import json

import openpyxl
import pytest

from desktop.exchange.legacy import unicode_to_tcvn3, unicode_to_vni
from desktop.exchange.lists import spec as list_specs
from desktop.exchange.lists.grid import read_grid
from desktop.exchange.lists.header import find_header, suggest_mapping
from desktop.exchange.lists.preview import table_at
from desktop.exchange.lists.rows import BELOW_TABLE, BLANK, GROUP, NUMBERING, REPEATED_HEADER, TOTAL
from desktop.exchange.lists.spec import PARTICIPANTS, ListSpec
from desktop.services import lists
from tests.exchange.helpers import add_course
from tests.exchange.official_lists import SHEET, participants_list


def test_the_header_is_the_row_naming_known_columns_not_the_motto(tmp_path):
    grid = read_grid(participants_list(tmp_path / "ds.xlsx"), SHEET)
    assert grid.row(1)[4] == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"  # two text cells: the old rule took this row
    assert find_header(PARTICIPANTS, grid) == 7
    table = table_at(PARTICIPANTS, grid)
    reasons = {r.row: r.skipped for r in table.rows}
    assert reasons == {8: NUMBERING, 9: "", 10: "", 11: "", 12: BLANK, 13: REPEATED_HEADER, 14: "", 15: "", 16: "",
                       17: TOTAL, 18: BELOW_TABLE, 19: BELOW_TABLE, 20: BELOW_TABLE, 21: BELOW_TABLE,
                       22: BELOW_TABLE, 23: BELOW_TABLE}
    assert table.data_rows[1].cells[1] == "Lê Văn Hùng"  # TCVN3 in a .VnTime cell
    assert table.data_rows[2].cells[1] == "Nguyễn Thị Hoà" and len(table.data_rows[2].cells[1]) == 14  # NFC


def test_group_rows_surnames_and_titles_with_explanations(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH SÁCH ĐẠI BIỂU"])
    ws.append(["Số TT", "Họ và tên đại biểu", "Đơn vị công tác (ghi rõ tên cơ quan)", "Chức danh", "SĐT"])
    ws.append(["I", "KHỐI CƠ QUAN NHÀ NƯỚC"])  # row 3: a group heading
    ws.append([1, "Tổng Văn Hải", "Sở Công Thương", "Chuyên viên", "0912345678"])  # "Tổng" is his surname
    ws.append([None, "Cộng Thị Hằng", "UBND xã", None, None])  # row 5: no number, still a person
    ws.append(["II.", "Khối doanh nghiệp", "Khối doanh nghiệp"])  # row 6
    ws.append(["B", "KHỐI HỢP TÁC XÃ"])  # row 7
    ws.append([2, "Vũ Thị Hạnh", unicode_to_vni("Hợp tác xã Dịch vụ Tân Hiệp"), None, None])  # VNI text
    ws.append(["Tổng số: 3 người"])  # row 9
    wb.save(tmp_path / "db.xlsx")
    grid = read_grid(tmp_path / "db.xlsx", "Sheet")
    assert find_header(PARTICIPANTS, grid) == 2
    table = table_at(PARTICIPANTS, grid)
    assert suggest_mapping(PARTICIPANTS, table.headers) == {"full_name": 1, "organisation": 2, "position": 3,
                                                            "phone": 4}
    assert {r.row: r.skipped for r in table.rows} == {3: GROUP, 4: "", 5: "", 6: GROUP, 7: GROUP, 8: "", 9: TOTAL}
    assert table.data_rows[2].cells[2] == "Hợp tác xã Dịch vụ Tân Hiệp"


def test_a_third_list_kind_needs_only_its_declaration(seeded_store, tmp_path, monkeypatch):
    course = add_course(seeded_store, 0)
    monkeypatch.setitem(list_specs.SPECS, "training_materials", ListSpec(
        "training_materials", parent_field="course_id", key_fields=("title",),
        titles={"title": ("tên tài liệu", "tài liệu"), "copies": ("số lượng", "số bản")}))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Tài liệu"
    ws.append(["BAN TỔ CHỨC LỚP TẬP HUẤN"])
    ws.append([])
    ws.append(["TT", "Tài liệu", "Số lượng"])
    ws.append([1, "Sổ tay sản xuất sạch hơn", 120])
    ws.append([2, "Tờ rơi tiết kiệm năng lượng", 300])
    ws.append(["Cộng", None, 420])
    wb.save(tmp_path / "tl.xlsx")
    report = lists.import_list(seeded_store, tmp_path / "tl.xlsx", "training_materials")
    assert report["status"] == "applied" and report["header_row"] == 3
    assert report["mapping"] == {"title": "Tài liệu", "copies": "Số lượng"}
    assert report["counts"] == {"new": 2, "unchanged": 0, "rejected": 0, "skipped": 1}
    rows = seeded_store.repo("training_materials").rows(course_id=course)
    assert {(r["title"], r["copies"]) for r in rows} == {("Sổ tay sản xuất sạch hơn", 120),
                                                         ("Tờ rơi tiết kiệm năng lượng", 300)}


def test_an_unknown_kind_is_a_usage_error(seeded_store, tmp_path):
    with pytest.raises(lists.ListUsageError):
        lists.import_list(seeded_store, tmp_path / "x.xlsx", "tasks")


def test_birth_year_split_under_nam_and_nu(seeded_store, tmp_path):
    """The two-row header of many official lists: "Năm sinh" merged over "Nam" | "Nữ", the year typed under one."""
    course = add_course(seeded_store, 0)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"] = "DANH SÁCH HỌC VIÊN"
    ws.merge_cells("A1:E1")
    for col, title in zip("ABCE", ("TT", "Họ và tên", "Năm sinh", "Đơn vị công tác"), strict=True):
        ws[f"{col}3"] = title
    for merged in ("A3:A4", "B3:B4", "C3:D3", "E3:E4"):
        ws.merge_cells(merged)
    ws["C4"], ws["D4"] = "Nam", "Nữ"
    ws.append([1, "Trần Thị Mai", None, 1985, "UBND xã Hưng Thịnh"])  # row 5
    ws.append([2, "Lê Văn Hùng", 1979, None, "Công ty TNHH Cơ khí"])  # row 6
    ws.append(["Cộng", None, 1, 1])  # row 7
    wb.save(tmp_path / "nam_nu.xlsx")
    report = lists.import_list(seeded_store, tmp_path / "nam_nu.xlsx", "participants")
    assert report["status"] == "applied" and report["header_row"] == 3
    assert report["mapping"] == {"full_name": "Họ và tên", "birth_year": "Năm sinh",
                                 "organisation": "Đơn vị công tác"}
    assert report["counts"] == {"new": 2, "unchanged": 0, "rejected": 0, "skipped": 2}  # rows 4 and 7
    people = {p["full_name"]: (p["gender"], p["birth_year"]) for p in seeded_store.repo("participants").rows(
        course_id=course)}
    assert people == {"Trần Thị Mai": ("female", 1985), "Lê Văn Hùng": ("male", 1979)}


def test_the_sending_office_is_found_by_its_code_name_or_short_name(seeded_store, tmp_path):
    course = add_course(seeded_store, 0)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["STT", "Họ và tên", "Đơn vị công tác", "Đơn vị cử"])
    ws.append([1, "Trần Thị Mai", "UBND phường Tân Phong", "BIENHOA"])
    ws.append([2, "Lê Văn Hùng", "Công ty CP Dệt", "tp long khanh"])  # the short name, typed without accents
    ws.append([3, "Phạm Văn Bình", "HTX Sông Thao", "UBND huyện Không Có"])
    wb.save(tmp_path / "cu.xlsx")
    report = lists.import_list(seeded_store, tmp_path / "cu.xlsx", "participants", skip_rejected=True)
    assert report["mapping"]["agency_id"] == "Đơn vị cử"
    assert report["counts"] == {"new": 2, "unchanged": 0, "rejected": 1, "skipped": 0}
    assert report["errors"] == [{"sheet": "Sheet", "row": 4, "column": "Đơn vị cử",
                                 "message": "không tìm thấy đơn vị “UBND huyện Không Có”"}]
    codes = {r["id"]: r["code"] for r in seeded_store.repo("agencies").rows()}
    sent = {p["full_name"]: codes[p["agency_id"]] for p in seeded_store.repo("participants").rows(course_id=course)}
    assert sent == {"Trần Thị Mai": "BIENHOA", "Lê Văn Hùng": "LONGKHANH"}


def test_an_official_list_of_agencies_by_declaration(seeded_store, tmp_path, monkeypatch):
    """The list kind engineer "reform" adds for the 2025 merger, declared here the way it would be."""
    monkeypatch.setitem(list_specs.SPECS, "agencies", ListSpec(
        "agencies", key_fields=("code",),
        titles={"code": ("mã", "mã đơn vị"), "name": ("tên đơn vị", "tên cơ quan"), "kind": ("loại",),
                "valid_from": ("hiệu lực từ", "ngày hiệu lực"), "successor_ids": ("đơn vị kế thừa",)},
        lookups={"successor_ids": ("agencies", ("code", "name"))}))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh mục"
    ws.append(["DANH MỤC ĐƠN VỊ HÀNH CHÍNH"])
    ws.append([])
    ws.append(["STT", "Mã đơn vị", "Tên đơn vị", "Loại", "Hiệu lực từ", "Đơn vị kế thừa"])
    ws.append([1, "PHUOCTAN", "UBND phường Phước Tân", "UBND xã, phường", "01/07/2025", "BIENHOA"])
    ws.append([2, "TAMPHUOC", "UBND phường Tam Phước", "UBND xã, phường", "01/07/2025",
               "BIENHOA; UBND thành phố Long Khánh"])
    ws.append([3, "BIENHOA", "UBND thành phố Biên Hòa", "UBND huyện, thành phố", None, None])  # already known
    ws.append(["Tổng cộng: 3 đơn vị"])
    wb.save(tmp_path / "dm.xlsx")
    report = lists.import_list(seeded_store, tmp_path / "dm.xlsx", "agencies")
    assert report["status"] == "applied" and report["header_row"] == 3
    assert report["counts"] == {"new": 2, "unchanged": 1, "rejected": 0, "skipped": 1}
    ids = {r["code"]: r["id"] for r in seeded_store.repo("agencies").rows()}
    tam = seeded_store.repo("agencies").get(ids["TAMPHUOC"])
    assert (tam["kind"], tam["valid_from"]) == ("commune", "2025-07-01")
    assert json.loads(tam["successor_ids"]) == [ids["BIENHOA"], ids["LONGKHANH"]]


@pytest.mark.parametrize(("encode", "font"), [(unicode_to_tcvn3, ".VnTime"), (unicode_to_vni, "VNI-Times")])
def test_a_list_typed_whole_in_a_legacy_font(tmp_path, encode, font):
    from openpyxl.styles import Font

    wb = openpyxl.Workbook()
    ws = wb.active
    rows = [["PHÒNG KINH TẾ HUYỆN ĐỊNH QUÁN"], ["DANH SÁCH HỌC VIÊN"],
            ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Đơn vị công tác"],
            [1, "Nguyễn Thị Hằng", "Nữ", 1988, "UBND xã Phú Lợi"],
            [2, "Trương Văn Đức", "Nam", 1990, "Hợp tác xã Thuận Phát"],
            ["Tổng cộng", None, "2 người"]]
    for values in rows:
        ws.append([encode(v) if isinstance(v, str) else v for v in values])
    for row in ws.iter_rows():
        for cell in row:
            cell.font = Font(name=font)
    wb.save(tmp_path / "cu.xlsx")
    grid = read_grid(tmp_path / "cu.xlsx", "Sheet")
    table = table_at(PARTICIPANTS, grid)
    assert table.header_row == 3 and table.headers[:3] == ["STT", "Họ và tên", "Giới tính"]
    assert [r.cells[1] for r in table.data_rows] == ["Nguyễn Thị Hằng", "Trương Văn Đức"]
    assert [r.cells[4] for r in table.data_rows] == ["UBND xã Phú Lợi", "Hợp tác xã Thuận Phát"]
    assert [(r.row, r.skipped) for r in table.skipped] == [(6, TOTAL)]


def test_titles_with_an_explanation_match_and_loose_beginnings_do_not():
    headers = ["Giới tính (Nam/Nữ)", "Số điện thoại liên hệ", "Đơn vị: ghi đầy đủ", "Tên gọi khác", "Chức vụ hiện nay"]
    # "Tên" matches only exactly; "Chức vụ" (two syllables) is not extended by more words, "Số điện thoại" (three) is
    assert suggest_mapping(PARTICIPANTS, headers) == {"gender": 0, "phone": 1, "organisation": 2}
    from desktop.exchange.lists.spec import ENTERPRISES

    assert suggest_mapping(ENTERPRISES, ["STT", "Họ và tên", "Đơn vị công tác"]) == {}
