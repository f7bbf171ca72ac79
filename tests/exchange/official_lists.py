"""Lists in the official document layout, built the way district offices type them: agency name and national motto
in merged cells, the title, a blank row, the header, a row numbering the columns, rows (one name in TCVN3, one in
decomposed Unicode, a unit merged over two rows, birth years and birth dates), a repeated header, a blank row,
"Tổng cộng", and the signature block."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path

import openpyxl
from openpyxl.styles import Font

from desktop.exchange.legacy import unicode_to_tcvn3

HEADER = ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Đơn vị công tác", "Chức vụ", "Số điện thoại", "Ghi chú"]
HEADER_ROW = 7
# Rows as typed, counted by hand: 6 data rows (9, 10, 11, 14, 15, 16); 4 new, 1 already in the course (Nguyễn Văn A
# of "Công ty ABC", made by add_course), 1 rejected (row 15: gender "Không rõ"); 10 skipped: 8 (numbering), 12
# (blank), 13 (repeated header), 17 (Tổng cộng), 18-23 (below the table: blank, signature titles, names).
NEW_NAMES = {"Trần Thị Mai", "Lê Văn Hùng", "Nguyễn Thị Hoà", "Phạm Văn Bình"}
COUNTS = {"new": 4, "unchanged": 1, "rejected": 1, "skipped": 10}
SHEET = "DS học viên"


def participants_list(path: Path, *, sheet: str = SHEET, extra_sheet_first: bool = True) -> Path:
    """Write the official-layout participants list to `path` (a cover sheet without a list comes first)."""
    wb = openpyxl.Workbook()
    if extra_sheet_first:
        cover = wb.active
        cover.title = "Công văn"
        for line in ("Kính gửi: Sở Công Thương tỉnh Đồng Nai", "", "Thực hiện Kế hoạch số 202/KH-UBND,",
                     "Phòng Kinh tế huyện Trảng Bom cử 6 cán bộ, người lao động",
                     "tham gia lớp tập huấn (danh sách ở trang sau).", "", "Nơi nhận:", "- Như trên;", "- Lưu: VT.",
                     "TRƯỞNG PHÒNG"):
            cover.append([line])
        ws = wb.create_sheet(sheet)
    else:
        ws = wb.active
        ws.title = sheet
    ws["A1"] = "UBND HUYỆN TRẢNG BOM"
    ws.merge_cells("A1:C1")
    ws["E1"] = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    ws.merge_cells("E1:H1")
    ws["A2"] = "PHÒNG KINH TẾ"
    ws.merge_cells("A2:C2")
    ws["E2"] = "Độc lập - Tự do - Hạnh phúc"
    ws.merge_cells("E2:H2")
    ws["E3"] = "Trảng Bom, ngày 15 tháng 5 năm 2024"
    ws.merge_cells("E3:H3")
    ws["A4"] = "DANH SÁCH HỌC VIÊN THAM GIA LỚP TẬP HUẤN SẢN XUẤT VÀ TIÊU DÙNG BỀN VỮNG"
    ws.merge_cells("A4:H4")
    ws["A5"] = "(Kèm theo Công văn số 123/PKT ngày 15/5/2024 của Phòng Kinh tế)"
    ws.merge_cells("A5:H5")
    for col, title in enumerate(HEADER, start=1):
        ws.cell(HEADER_ROW, col, title)
    for col in range(1, 9):
        ws.cell(8, col, f"({col})")
    ws.append([1, "Trần Thị Mai", "Nữ", 1985, "UBND xã Hưng Thịnh", "Chuyên viên", "0912345678", None])
    ws.append([2, unicode_to_tcvn3("Lê Văn Hùng"), "Nam", dt.date(1979, 4, 2), "Công ty TNHH Cơ khí Trảng Bom",
               "Giám đốc", 912000111, None])
    ws["B10"].font = Font(name=".VnTime")
    ws.append([3, unicodedata.normalize("NFD", "Nguyễn Thị Hoà"), "NỮ", "12/03/1990", None, "Kế toán", None,
               "Mới tuyển dụng"])
    ws.merge_cells("E10:E11")  # the same company for rows 10 and 11
    ws.append([])  # row 12
    ws.append(HEADER)  # row 13: the header again, at the top of the second printed page
    ws.append([4, "Phạm Văn Bình", "nam", 1975, "HTX Nông nghiệp Sông Thao", "Chủ nhiệm", None, None])
    ws.append([5, "Đỗ Thị Lan", "Không rõ", 1992, "Trường THCS Bình Minh", "Giáo viên", None, None])
    ws.append([6, "Nguyễn Văn A", "Nam", 1980, "Công ty ABC", None, None, None])
    ws.append(["Tổng cộng", None, "6 người"])  # row 17
    ws.merge_cells("A17:B17")
    ws.append([])  # row 18
    ws["A19"] = "NGƯỜI LẬP BIỂU"
    ws.merge_cells("A19:C19")
    ws["E19"] = "TRƯỞNG PHÒNG"
    ws.merge_cells("E19:H19")
    ws["A20"] = "(Ký, ghi rõ họ tên)"
    ws["E20"] = "(Ký tên, đóng dấu)"
    ws["A23"] = "Lê Thị Thu"
    ws["E23"] = "Nguyễn Văn Tâm"
    wb.save(path)
    return path
