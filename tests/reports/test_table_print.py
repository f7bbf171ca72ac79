"""Any table printed as shown: same header block, orientation chosen by width, header repeated on every page."""

from __future__ import annotations

from desktop.reports.model import LANDSCAPE, PORTRAIT
from desktop.reports.table_print import table_document, table_pdf

from .pdftools import needs_poppler, page_sizes, page_texts, pdf_text


def test_narrow_table_is_portrait_and_numbers_align_right():
    doc = table_document("Danh sách đơn vị", ["Mã", "Tên đơn vị", "Kinh phí"],
                         [["SCT", "Sở Công Thương", "1.394.200.000"], ["STC", "Sở Tài chính", "0"]])
    part = doc["parts"][0]
    assert part["orientation"] == PORTRAIT
    table = part["blocks"][0]
    assert [c["title"] for c in table["columns"]] == ["TT", "Mã", "Tên đơn vị", "Kinh phí"]
    assert [c["align"] for c in table["columns"]] == ["center", "center", "left", "right"]
    assert doc["doc_type"] == "DANH SÁCH ĐƠN VỊ"


def test_wide_table_goes_landscape():
    headers = [f"Cột số {i}" for i in range(10)]
    doc = table_document("Bảng rộng", headers, [["nội dung khá dài " * 2] * 10])
    assert doc["parts"][0]["orientation"] == LANDSCAPE


@needs_poppler
def test_long_table_pdf_repeats_its_header(tmp_path):
    headers = ["Họ và tên", "Đơn vị công tác", "Điện thoại"]
    rows = [[f"Nguyễn Văn Số {i}", "Sở Công Thương tỉnh Đồng Nai", f"0909 000 {i:03d}"] for i in range(1, 181)]
    out = tmp_path / "t.pdf"
    pages = table_pdf(out, "Danh sách học viên", headers, rows, subtitle="Lọc: tất cả")
    texts = page_texts(out)
    assert pages == len(texts) >= 3
    assert all("Họ và tên" in t and "Đơn vị công tác" in t for t in texts)
    text = pdf_text(out)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "DANH SÁCH HỌC VIÊN" in text
    assert "Nguyễn Văn Số 180" in text and "Tổng số: 180 dòng." in text
    assert set(page_sizes(out)) == {(595, 842)}
