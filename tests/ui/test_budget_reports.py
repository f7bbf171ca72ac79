"""Kinh phí and Báo cáo đơn vị: budget lines (quantity × unit price = amount) and disbursements with execution %;
the reports each office owes, coloured by state, with filters."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLabel

from desktop.domain import derived
from desktop.services import analysis
from desktop.ui.pages.office_reports import state_text
from tests.ui.helpers import (
    add_through_form,
    choose_filter,
    delete_through_button,
    edit_through_form,
    find_row,
    go_to_page,
    panel,
    row_texts,
    select_row,
    table_texts,
)

ITEM = "Thuê hội trường tổ chức lớp tập huấn"


def _totals(window) -> str:
    return window.current_page().findChild(QLabel, "budget_totals").text()


def test_budget_line_and_disbursements_with_execution(qtbot, main_window, forms, answers):
    go_to_page(qtbot, main_window, "budget")
    lines, payments = panel(main_window, "budget_lines"), panel(main_window, "disbursements")
    assert "1.394.200.000" in _totals(main_window)
    result = add_through_form(qtbot, forms, lines, seq="1", item=ITEM, task_id="II.1.1", unit="ngày", quantity="2",
                              unit_price="15.000.000", amount="30.000.000", funding_source="Ngân sách tỉnh")
    assert result.saved, result
    shown = row_texts(lines, find_row(lines, ITEM))
    assert shown[3:7] == ["ngày", "2", "15.000.000", "30.000.000"] and shown[-1] == "Ngân sách tỉnh"
    line = main_window.ctx.store.repo("budget_lines").rows(item=ITEM)[0]
    assert (line["quantity"], line["unit_price"], line["amount"]) == (2, 15_000_000, 30_000_000)
    # The difference shown is plan total − lines = 1.394.200.000 − 30.000.000, positive (not "-1.364.200.000").
    assert "30.000.000" in _totals(main_window)
    assert re.search(r"(?<![-−\d.])1\.364\.200\.000", _totals(main_window)), _totals(main_window)

    select_row(qtbot, lines, ITEM)
    assert payments.add_button.isEnabled()
    result = add_through_form(qtbot, forms, payments, date="20/08/2024", amount="12.000.000", voucher="PC-015")
    assert result.saved, result
    assert row_texts(payments, 0)[:3] == ["20/08/2024", "12.000.000", "PC-015"]
    assert row_texts(lines, find_row(lines, ITEM))[7:9] == ["12.000.000", "40%"]  # disbursed, beside the amount
    assert "12.000.000" in _totals(main_window) and "18.000.000" in _totals(main_window)  # disbursed, remaining

    assert edit_through_form(qtbot, forms, payments, "PC-015", amount="15.000.000").saved
    assert row_texts(lines, find_row(lines, ITEM))[7:9] == ["15.000.000", "50%"]
    dashboard = go_to_page(qtbot, main_window, "dashboard")
    assert dashboard.findChild(QLabel, "value_budget").text() == "50%"
    go_to_page(qtbot, main_window, "budget")

    assert edit_through_form(qtbot, forms, lines, ITEM, quantity="3", amount="45.000.000").saved
    assert row_texts(lines, find_row(lines, ITEM))[7:9] == ["15.000.000", "33,3%"]
    delete_through_button(qtbot, payments, "PC-015")
    assert payments.model.rowCount() == 0
    assert main_window.ctx.store.repo("disbursements").count() == 0
    delete_through_button(qtbot, lines, ITEM)
    assert lines.model.rowCount() == 0 and main_window.ctx.store.repo("budget_lines").count() == 0


def test_amount_not_equal_to_quantity_times_price_is_refused(qtbot, main_window, forms):
    go_to_page(qtbot, main_window, "budget")
    lines = panel(main_window, "budget_lines")
    result = add_through_form(qtbot, forms, lines, item=ITEM, quantity="2", unit_price="15.000.000",
                              amount="31.000.000")
    assert not result.saved
    assert "30.000.000" in result.errors["amount"]
    result = add_through_form(qtbot, forms, lines, item=ITEM, amount="")
    assert not result.saved and result.errors.get("amount")
    assert lines.model.rowCount() == 0 and main_window.ctx.store.repo("budget_lines").count() == 0


def test_disbursement_needs_a_date_and_an_amount(qtbot, main_window, forms):
    go_to_page(qtbot, main_window, "budget")
    lines, payments = panel(main_window, "budget_lines"), panel(main_window, "disbursements")
    assert add_through_form(qtbot, forms, lines, item=ITEM, amount="30.000.000").saved
    result = add_through_form(qtbot, forms, payments, amount="abc", voucher="PC-1")
    assert not result.saved and result.errors.keys() >= {"date", "amount"}
    assert main_window.ctx.store.repo("disbursements").count() == 0 and payments.model.rowCount() == 0


def _money(value: int) -> str:
    """1394200000 -> "1.394.200.000", written out here rather than taken from the program's formatter."""
    return f"{value:,}".replace(",", ".")


def test_budget_totals_of_the_sample_year_match_the_data(qtbot, sample_window):
    go_to_page(qtbot, sample_window, "budget")
    lines = panel(sample_window, "budget_lines")
    # The sample year's estimate: 20 priced lines plus the remainder line, adding up exactly to the seed's plan
    # total of 1.394.200.000 đồng (2024 plan, section IV).
    assert lines.model.rowCount() == 21
    amounts = [int(t.replace(".", "")) for t in table_texts(lines, "amount")]
    assert sum(amounts) == 1_394_200_000
    totals = _totals(sample_window)
    assert ("Tổng các khoản dự toán: <b>1.394.200.000</b> đồng — tổng kinh phí kế hoạch: <b>1.394.200.000</b>"
            in totals and "Khớp với kế hoạch" in totals), totals
    # What was paid, read from the database by hand: the payments of each line, summed.
    paid = dict(sample_window.ctx.store.db.execute(
        "SELECT l.item, COALESCE(SUM(d.amount), 0) FROM budget_lines l LEFT JOIN disbursements d "
        "ON d.budget_line_id = l.id AND d.deleted = 0 WHERE l.deleted = 0 GROUP BY l.id").fetchall())
    shown = dict(zip(table_texts(lines, "item"),
                     (int(t.replace(".", "") or 0) for t in table_texts(lines, "disbursed")), strict=True))
    assert shown == paid
    disbursed = sum(paid.values())
    assert 0 < disbursed < 1_394_200_000
    percent = f"{disbursed * 100 / 1_394_200_000:.1f}".replace(".", ",")
    assert (f"Đã giải ngân: {_money(disbursed)} đồng ({percent}%); còn lại: {_money(1_394_200_000 - disbursed)} đồng"
            in totals), totals


def test_office_report_added_edited_and_deleted_with_its_state(qtbot, main_window, forms, answers):
    page = go_to_page(qtbot, main_window, "office_reports")
    reports = panel(main_window, "office_reports")
    before = reports.model.rowCount()
    subject = "Báo cáo kết quả tuyên truyền sản xuất và tiêu dùng bền vững năm 2024"
    result = add_through_form(qtbot, forms, reports, agency_id="Sở Tài chính", recipient_id="Sở Công Thương",
                              subject=subject, period="Năm 2024", due_date="01/12/2024", submitted_date="05/12/2024")
    assert result.saved, result
    assert reports.model.rowCount() == before + 1
    shown = row_texts(reports, find_row(reports, "tuyên truyền sản xuất"))
    assert shown[0] == "Sở Tài chính" and shown[3:] == ["01/12/2024", "05/12/2024",
                                                         state_text(derived.SUBMITTED_LATE)]
    assert edit_through_form(qtbot, forms, reports, "tuyên truyền sản xuất", submitted_date="28/11/2024").saved
    assert row_texts(reports, find_row(reports, "tuyên truyền sản xuất"))[-1] == state_text(derived.SUBMITTED_ON_TIME)
    stored = main_window.ctx.store.repo("office_reports").rows(subject=subject)[0]
    assert (stored["due_date"], stored["submitted_date"], stored["period"]) == ("2024-12-01", "2024-11-28", "Năm 2024")
    summary = page.findChild(QLabel, "reports_summary").text()
    assert f"{before + 1} " in summary

    result = edit_through_form(qtbot, forms, reports, "tuyên truyền sản xuất", due_date="")
    assert not result.saved and result.errors.get("due_date")
    delete_through_button(qtbot, reports, "tuyên truyền sản xuất")
    assert reports.model.rowCount() == before
    assert main_window.ctx.store.repo("office_reports").count(subject=subject) == 0


def test_office_report_filters_by_state_and_office(qtbot, sample_window):
    go_to_page(qtbot, sample_window, "office_reports")
    reports = panel(sample_window, "office_reports")
    store = sample_window.ctx.store
    total = reports.model.rowCount()
    # The states counted by hand from the dates (the sample year is 2024, long past): not handed in is overdue;
    # handed in on or before the due date is on time (the due date itself counts as on time); after it, late.
    dates = store.db.execute("SELECT due_date, submitted_date FROM office_reports WHERE deleted = 0").fetchall()
    assert total == len(dates)
    expected = {
        "Quá hạn, chưa nộp": sum(1 for _, sent in dates if not sent),
        "Đã nộp đúng hạn": sum(1 for due, sent in dates if sent and sent <= due),
        "Nộp muộn": sum(1 for due, sent in dates if sent and sent > due),
    }
    assert all(expected.values()) and sum(expected.values()) == total
    for title, count in expected.items():
        choose_filter(reports, "state", title)
        assert reports.model.rowCount() == count, title
        assert set(table_texts(reports, "state")) == {title}
    choose_filter(reports, "state", "Tất cả")
    assert reports.model.rowCount() == total
    choose_filter(reports, "agency_id", "Sở Tài chính")
    finance = [a["id"] for a in store.repo("agencies").rows(name="Sở Tài chính")]
    assert reports.model.rowCount() == store.repo("office_reports").count(agency_id=finance[0]) >= 1
    assert set(table_texts(reports, "agency_id")) == {"Sở Tài chính"}


def test_dashboard_figures_match_the_sample_year(qtbot, sample_window):
    dashboard = go_to_page(qtbot, sample_window, "dashboard")
    store, plan = sample_window.ctx.store, sample_window.ctx.plan_id
    f = analysis.dashboard(store, plan)
    value = lambda name: dashboard.findChild(QLabel, f"value_{name}").text()  # noqa: E731
    # The indicator counts attendance: 281 of the 300 registered sample participants came (issue 11).
    assert value("participants") == f"{f['training']['count']} / {f['training']['target']}" == "281 / 200"
    assert value("enterprises") == f"{f['survey']['surveyed']} / {f['survey']['target']}"
    assert value("progress").rstrip("%").replace(",", ".") == str(round(f["tasks"]["average_progress"], 1)).rstrip(
        "0").rstrip(".")
    assert dashboard.overdue.count() == len(f["tasks"]["overdue"])
    assert dashboard.missing.count() == len(f["reports"]["not_submitted"])
    people = store.repo("participants").count()
    assert people == 300
