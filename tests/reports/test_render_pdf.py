"""Every summary rendered to PDF headless and read back with poppler: header block, title, figures, Vietnamese text,
A4 pages, embedded fonts, page numbers, repeated table headers and landscape appendices."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import replace

import pytest

from desktop.reports.data import build_report
from desktop.reports.options import load_options
from desktop.reports.render import render_pdf
from desktop.services.sample_data import fill_sample_data
from desktop.services.setup import init_database

from .pdftools import fonts, needs_poppler, page_sizes, page_texts, pdf_text

pytestmark = needs_poppler

A4 = {(595, 842), (842, 595)}
# The summaries print from a seeded plan too (the other documents need the data they list: see test_documents.py).
SUMMARIES = ("plan-report", "tasks", "training", "survey", "budget")
HEADER = ("UBND TỈNH ĐỒNG NAI", "SỞ CÔNG THƯƠNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
          "Số:", "/BC-SCT", "Đồng Nai, ngày 05 tháng 3 năm 2024")


def _render_all(store, folder, tag):
    plan = store.repo("plans").rows()[0]
    options = replace(load_options(store, plan), date="2024-03-05")
    paths = {}
    for report_id in SUMMARIES:
        path = folder / f"{tag}-{report_id}.pdf"
        render_pdf(build_report(store, report_id, options=options), path)
        paths[report_id] = path
    return paths


@pytest.fixture(scope="module")
def seeded_pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("seeded")
    store = init_database(folder / "seeded.db")
    try:
        yield _render_all(store, folder, "seeded")
    finally:
        store.close()


@pytest.fixture(scope="module")
def sample_pdfs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample")
    store = init_database(folder / "sample.db")
    try:
        fill_sample_data(store, store.repo("plans").rows()[0]["id"], participants=300, seed=1)
        yield _render_all(store, folder, "sample")
    finally:
        store.close()


@pytest.mark.parametrize("report_id", SUMMARIES)
@pytest.mark.parametrize("which", ["seeded_pdfs", "sample_pdfs"])
def test_header_block_a4_and_embedded_fonts(request, which, report_id):
    path = request.getfixturevalue(which)[report_id]
    text = pdf_text(path, 1, 1)
    for piece in HEADER:
        assert piece in text, piece
    assert "BÁO CÁO" in text
    assert set(page_sizes(path)) <= A4
    found = fonts(path)
    assert found and all(embedded for _, embedded in found)
    assert any("LiberationSerif" in name or "TimesNewRoman" in name for name, _ in found)


def test_plan_report_on_the_seeded_plan(seeded_pdfs):
    text = pdf_text(seeded_pdfs["plan-report"])
    assert "Kết quả thực hiện Kế hoạch thực hiện nhiệm vụ sản xuất và tiêu dùng bền vững" in text
    assert "1.394.200.000 đồng" in text
    assert "Một tỷ ba trăm chín mươi bốn triệu hai trăm ngàn đồng" in text
    assert "Nơi nhận:" in text and "- Lưu: VT, QLCN." in text
    assert "KT. GIÁM ĐỐC" in text and "PHÓ GIÁM ĐỐC" in text
    assert "Chưa tổ chức lớp tập huấn" in text


def test_plan_report_with_sample_data(sample_pdfs):
    text = pdf_text(sample_pdfs["plan-report"])
    assert "Số học viên đăng ký: 300 người" in text
    assert "Công ty Cổ phần Phân bón Đồng Xanh (mẫu)" in text
    assert "khớp với tổng kinh phí của Kế hoạch" in text
    assert "Đã gửi báo cáo đúng hạn" in text and "Gửi báo cáo chậm" in text
    assert "PHỤ LỤC I" in text


def test_page_numbers_from_page_two_centred_at_the_top(sample_pdfs):
    pages = page_texts(sample_pdfs["plan-report"])
    assert len(pages) >= 3
    assert not pages[0].startswith("1 ")
    for number, page in enumerate(pages[1:], 2):
        assert page.startswith(f"{number} "), page[:40]


def test_participant_list_breaks_across_landscape_pages_with_repeated_header(sample_pdfs):
    path = sample_pdfs["training"]
    pages = page_texts(path)
    sizes = page_sizes(path)
    appendix = [i for i, p in enumerate(pages) if "Họ và tên" in p and "Đơn vị công tác" in p]
    assert len(appendix) >= 8  # 300 people cannot fit on a few pages
    assert all(sizes[i] == (842, 595) for i in appendix)
    assert sizes[0] == (595, 842)
    # every participant number 1..300 is printed once, in order, across those pages: the first cell of each row
    # (pdftotext -layout keeps the columns; continuation lines of wrapped cells start with spaces)
    numbers = []
    for i in appendix:
        layout = subprocess.run(["pdftotext", "-layout", "-f", str(i + 1), "-l", str(i + 1), str(path), "-"],
                                capture_output=True, check=True, text=True).stdout
        numbers += [int(m) for m in re.findall(r"^(\d+) +\w", layout, flags=re.MULTILINE)]
    assert numbers == list(range(1, 301))
    assert "DANH SÁCH HỌC VIÊN (300 NGƯỜI)" in pdf_text(path)


def test_budget_report_figures_and_words(sample_pdfs, seeded_pdfs):
    text = pdf_text(sample_pdfs["budget"])
    assert "Đơn vị tính: đồng" in text
    assert "Tổng cộng 1.394.200.000" in text
    assert "Bằng chữ: Một tỷ ba trăm chín mươi bốn triệu hai trăm ngàn đồng." in text
    assert "Thuê hội trường, âm thanh, máy chiếu" in text
    seeded = pdf_text(seeded_pdfs["budget"])
    assert "Chưa lập dự toán chi tiết" in seeded and "1.394.200.000 đồng" in seeded


def test_survey_and_tasks_reports(sample_pdfs):
    survey = pdf_text(sample_pdfs["survey"])
    assert "TOE" in survey and "Suất tiêu hao" in survey
    assert "Doanh nghiệp được chọn xây dựng mô hình" in survey
    tasks = pdf_text(sample_pdfs["tasks"])
    assert "TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ" in tasks
    assert "II.2.4" in tasks and "Đang thực hiện" in tasks


def test_date_defaults_to_the_plan_deadline_for_a_past_year(tmp_path):
    store = init_database(tmp_path / "d.db")
    try:
        plan = store.repo("plans").rows()[0]
        options = load_options(store, plan)
        assert options.report_date() == min(dt.date.today(), dt.date(2024, 12, 25))
    finally:
        store.close()


def test_font_family_prefers_an_installed_family_and_falls_back_to_the_bundled_one():
    from desktop.reports.render import BUNDLED_FAMILY, font_family

    assert font_family("No Such Family 123") in (BUNDLED_FAMILY, "Times New Roman")
    assert font_family(BUNDLED_FAMILY) == BUNDLED_FAMILY
