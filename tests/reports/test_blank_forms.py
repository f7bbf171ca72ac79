"""A document whose data is not in the program yet prints as a form to fill in by hand, with a warning saying why,
instead of refusing: a clerk prints the sign-in sheet before anyone has registered, the estimate before its lines."""

from __future__ import annotations

import pytest

from desktop.reports.data import build_report
from desktop.reports.model import all_text

BLANK = {
    "sign-in": ("chưa có lớp tập huấn", "Ký tên"),
    "allowance": ("chưa có lớp tập huấn", "Ký nhận"),
    "estimate": ("chưa có khoản dự toán nào", "TỔNG CỘNG"),
    "submission": ("chưa có khoản dự toán nào", "DỰ TOÁN KINH PHÍ"),
}


@pytest.mark.parametrize("report_id", sorted(BLANK))
def test_a_document_without_its_data_is_a_blank_form_with_a_warning(seeded_store, report_id):
    warning, column = BLANK[report_id]
    doc = build_report(seeded_store, report_id)
    assert any(warning in w for w in doc["warnings"]), doc["warnings"]
    text = all_text(doc)
    assert column in text
    if report_id in ("sign-in", "allowance"):
        # numbered empty rows to write in, and no person invented
        assert "Lớp tập huấn: ……" in text and "\n20\n" in f"\n{text}\n".replace(" ", "\n")


def test_the_submission_without_lines_asks_for_the_plans_total(seeded_store):
    text = all_text(build_report(seeded_store, "submission"))
    assert "1.394.200.000" in text  # the seed plan's total, the figure the province approves
    assert "thấp hơn tổng" not in text and "vượt tổng" not in text  # no comparison with lines that do not exist
