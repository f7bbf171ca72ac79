"""The list import's rules on their own: the header row found by its titles, each kind of non-data row skipped with
its reason, titles with explanations, VNI text, and a third list kind added by a declaration only."""

from __future__ import annotations

import openpyxl
import pytest

from desktop.exchange.legacy import unicode_to_vni
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
