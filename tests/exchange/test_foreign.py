"""Lists in an office's own simple layout (a title, the header, the rows): participants and enterprises, through the
list service the dialog and `sxtdbv import-list` share."""

from __future__ import annotations

import openpyxl

from desktop.services import lists
from tests.exchange.helpers import add_course, digest


def _office_list(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "DS hoc vien"
    ws.append(["DANH SÁCH HỌC VIÊN LỚP TẬP HUẤN"])
    ws.append([])
    ws.append(["STT", "Họ và tên", "Giới tính", "Năm sinh", "Đơn vị", "Chức vụ", "Số điện thoại", "Cột lạ"])
    ws.append([1, "Trần Thị Mai", "Nữ", 1985, "UBND phường Tân Phong", "Chuyên viên", "0912345678", "?"])
    ws.append([2, "Lê Văn Hùng", "Nam", 1979, "Công ty CP Dệt Đồng Nai", "Trưởng phòng", 912000111, ""])
    ws.append([3, "Nguyễn Văn A", "Nam", 1980, "Công ty ABC", "", "", ""])  # already in the course
    ws.append([4, "Phạm B", "Không rõ", "năm ngoái", "X", "", "", ""])  # refused: gender and year
    ws.append([5, "=A1", "Nam", 1990, "Y", "", "", ""])  # a formula
    wb.create_sheet("Ghi chú")
    wb.save(path)
    return path


def test_participants_list_mapped_previewed_and_applied(seeded_store, tmp_path):
    course = add_course(seeded_store, 1)
    path = _office_list(tmp_path / "ds.xlsx")
    assert lists.sheets(path) == ["DS hoc vien", "Ghi chú"]
    table = lists.find_list(path, "participants")
    assert table.sheet == "DS hoc vien" and table.header_row == 3 and table.headers[1] == "Họ và tên"
    mapping = lists.suggest_mapping("participants", table.headers)
    assert mapping == {"full_name": 1, "gender": 2, "birth_year": 3, "organisation": 4, "position": 5, "phone": 6}
    before = digest(seeded_store)
    preview = lists.preview_list(seeded_store, table, mapping, course)
    assert digest(seeded_store) == before
    assert preview.counts["new"] == 2 and preview.counts["unchanged"] == 1 and preview.counts["rejected"] == 2
    rejected = {e.row: e for e in preview.errors}
    assert rejected[7].column in ("Giới tính", "Năm sinh") and rejected[8].column == "Họ và tên"
    lists.apply_list(seeded_store, preview, skip_rejected=True)
    names = {p["full_name"]: p for p in seeded_store.repo("participants").rows(course_id=course)}
    assert set(names) == {"Nguyễn Văn A", "Trần Thị Mai", "Lê Văn Hùng"}
    assert names["Lê Văn Hùng"]["phone"] == "0912000111" and names["Trần Thị Mai"]["gender"] == "female"
    assert names["Trần Thị Mai"]["owner"] == "SCT"


def test_enterprise_mapping_suggestions():
    headers = ["TT", "Tên doanh nghiệp", "Mã số thuế", "Địa chỉ", "KCN", "Người liên hệ", "ĐT"]
    assert lists.suggest_mapping("enterprises", headers) == {
        "name": 1, "tax_code": 2, "address": 3, "industrial_zone": 4, "contact_person": 5, "phone": 6}
