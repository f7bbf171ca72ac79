"""Warnings that matter: the estimate over the plan total (in words and colour, on save and on the dashboard) as
opposed to money not yet allocated; the amount following quantity × unit price as it is typed; a report handed in
today without typing a date; a totals line under a list with money; the dashboard's lists lead to their rows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.helpers import add_through_form, edit_through_form, field_text, find_row, go_to_page, panel


def test_a_line_taking_the_estimate_over_the_plan_total_is_said_in_words(qtbot, sample_window, forms, answers):
    budget = go_to_page(qtbot, sample_window, "budget")
    lines = panel(sample_window, "budget_lines")
    seen = {}
    # The sample year's lines add up exactly to the plan total (1.394.200.000): 2 × 2.900.000 more is 5.800.000 over.
    result = add_through_form(qtbot, forms, lines, item="Chi phí phát sinh", quantity="2", unit_price="2.900.000",
                              then=lambda dialog: seen.update(amount=field_text(dialog, "amount")))
    assert result.saved, result
    assert seen["amount"] == "5.800.000"  # computed while typing, before saving
    totals = budget.findChild(QLabel, "budget_totals").text()
    assert "Vượt tổng kinh phí 5.800.000 đồng" in totals
    assert any("Vượt tổng kinh phí 5.800.000 đồng" in text for kind, text in answers.asked if kind == "warning")
    dashboard = go_to_page(qtbot, sample_window, "dashboard")
    assert "Vượt tổng kinh phí 5.800.000 đồng" in dashboard.cards["budget"].detail.text()

    sample_window.undo_action.trigger()  # the line goes: the estimate matches the plan again
    go_to_page(qtbot, sample_window, "budget")
    assert "Khớp với kế hoạch" in budget.findChild(QLabel, "budget_totals").text()


def test_money_not_allocated_is_a_reminder_not_an_excess(qtbot, sample_window, answers):
    budget = go_to_page(qtbot, sample_window, "budget")
    lines = panel(sample_window, "budget_lines")
    row = lines.model.row_at(0)
    amount = int(row["amount"])
    from desktop.ui.widgets.list_actions import commit_cell

    # Half of the first line's quantity: its amount follows (quantity × unit price), the rest is unallocated.
    assert row["quantity"] and row["unit_price"]
    commit_cell(lines, row, "quantity", float(row["quantity"]) / 2)
    stored = sample_window.ctx.store.repo("budget_lines").get(row["id"])
    expected_gap = amount - int(stored["amount"])
    assert stored["amount"] == round(float(row["quantity"]) / 2 * float(row["unit_price"]))
    text = budget.findChild(QLabel, "budget_totals").text()
    assert f"Còn {expected_gap:,} đồng chưa phân bổ".replace(",", ".") in text
    assert "Vượt" not in text
    assert not [t for k, t in answers.asked if k == "warning"]


def test_a_list_with_money_shows_the_total_of_the_rows_shown(qtbot, sample_window):
    go_to_page(qtbot, sample_window, "budget")
    lines = panel(sample_window, "budget_lines")
    totals = lines.findChild(QLabel, "totals")
    assert totals.isVisible()
    assert "Thành tiền (đồng): <b>1.394.200.000</b>" in totals.text()
    lines.search.setText(lines.model.row_at(0)["item"])
    shown = sum(int(r["amount"]) for r in lines.model.visible_rows())
    assert f"Thành tiền (đồng): <b>{shown:,}</b>".replace(",", ".") in totals.text()


def test_a_report_is_handed_in_today_from_its_menu(qtbot, main_window):
    go_to_page(qtbot, main_window, "office_reports")
    reports = panel(main_window, "office_reports")
    row = next(r for r in reports.model.visible_rows() if not r.get("submitted_date"))
    reports.select_row(row["id"])
    at = reports.view.visualRect(reports.model.index(reports.model.view_row_of(row["id"]), 0)).center()
    from desktop.ui.widgets import list_actions

    menu = list_actions.row_menu(reports, at)
    action = next(a for a in menu.actions() if a.objectName() == "submitted_today")
    assert action.text() == "Đã nộp hôm nay"
    action.trigger()
    stored = main_window.ctx.store.repo("office_reports").get(row["id"])
    assert stored["submitted_date"] == dt.date.today().isoformat()
    main_window.undo_action.trigger()
    assert not main_window.ctx.store.repo("office_reports").get(row["id"])["submitted_date"]


def test_double_click_on_an_overdue_task_goes_to_its_row(qtbot, sample_window):
    dashboard = go_to_page(qtbot, sample_window, "dashboard")
    assert dashboard.overdue.count() > 0
    item = dashboard.overdue.item(0)
    rect = dashboard.overdue.visualItemRect(item)
    qtbot.mousePress(dashboard.overdue.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseRelease(dashboard.overdue.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dashboard.overdue.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sample_window.current_page().key == "tasks"
    tasks = panel(sample_window, "tasks")
    code = item.text().split(" ")[0]
    assert tasks.current_row()["code"] == code
    codes = [dashboard.overdue.item(i).text().split(" ")[0] for i in range(dashboard.overdue.count())]
    from desktop.ui.pages.tasks import code_key

    assert codes == sorted(codes, key=code_key)  # in the plan's order
    assert find_row(tasks, code) >= 0


def test_a_refused_field_loses_its_message_as_soon_as_it_is_fixed(qtbot, main_window, forms):
    from tests.ui.helpers import type_text

    go_to_page(qtbot, main_window, "agencies")
    agencies = panel(main_window, "agencies")
    seen = {}

    def fix_name(dialog):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
        seen["before"] = {n for n, label in dialog.error_labels.items() if label.isVisible()}
        type_text(dialog.findChild(type(dialog.editors["name"].widget), "field_name"), "Phòng Kinh tế")
        seen["after"] = {n for n, label in dialog.error_labels.items() if label.isVisible()}

    result = add_through_form(qtbot, forms, agencies, save=False, then=fix_name)
    assert not result.saved
    assert {"code", "name"} <= seen["before"]  # every refused field at once
    assert "name" not in seen["after"] and "code" in seen["after"]


def test_the_calendar_of_a_blank_date_opens_in_the_plan_year(qtbot, main_window, monkeypatch):
    from PySide6.QtCore import QDate

    from desktop.ui.forms.editors import calendar_start

    plan_year = int(main_window.plan_combo.currentText())
    assert plan_year == 2024
    today = QDate(2026, 11, 30)
    assert calendar_start(today) == QDate(2024, 12, 1)  # a past plan: its year's end, where deadlines are
    assert calendar_start(QDate(2024, 5, 3)) == QDate(2024, 5, 3)  # in the plan's own year: today


def test_a_tax_code_already_in_the_plan_is_warned_under_the_field_and_saving_goes_on(qtbot, main_window, forms):
    go_to_page(qtbot, main_window, "survey")
    enterprises = panel(main_window, "enterprises")
    first = add_through_form(qtbot, forms, enterprises, name="Công ty TNHH Hóa chất Đồng Nai", tax_code="3601234505")
    assert first.saved and not first.warnings
    second = add_through_form(qtbot, forms, enterprises, name="Cty Hóa chất ĐN (nhập lại)", tax_code="3601234505")
    assert "3601234505" in second.warnings["tax_code"]
    assert "Công ty TNHH Hóa chất Đồng Nai" in second.warnings["tax_code"]  # says which enterprise has it
    assert second.saved  # a warning, not a refusal: the clerk may know better (a re-survey)
    assert main_window.ctx.store.repo("enterprises").count(tax_code="3601234505") == 2
    # Editing the first one again: its own tax code is not a duplicate of itself, the other one is.
    third = edit_through_form(qtbot, forms, enterprises, "Cty Hóa chất ĐN", tax_code="3601234537")
    assert third.saved and not third.warnings


def test_a_task_not_started_with_progress_is_warned_as_typed_and_in_place(qtbot, main_window, forms):
    go_to_page(qtbot, main_window, "tasks")
    tasks = panel(main_window, "tasks")
    result = add_through_form(qtbot, forms, tasks, code="II.9", title="Nhiệm vụ thử", status="Chưa thực hiện",
                              progress="30")
    assert "Chưa thực hiện” nhưng tiến độ là 30%" in result.warnings["progress"]
    assert result.saved
    dashboard = go_to_page(qtbot, main_window, "dashboard")  # the same rule counts it among the inconsistencies
    assert "Hoạt động II.9: Trạng thái “Chưa thực hiện” nhưng tiến độ là 30%" in dashboard.as_of.toolTip()
    go_to_page(qtbot, main_window, "tasks")
    # Fixed in the form: the warning goes as soon as the status says the same as the progress.
    result = edit_through_form(qtbot, forms, tasks, "Nhiệm vụ thử", status="Đang thực hiện")
    assert result.saved and not result.warnings
    # In place: progress 100 typed in the cell of an activity still "in progress" is saved, and said in the status bar.
    row = find_row(tasks, "Nhiệm vụ thử")
    column = [c.key for c in tasks.model.columns].index("progress")
    tasks.view.setCurrentIndex(tasks.model.index(row, column))
    tasks.view.setFocus()
    qtbot.keyClick(tasks.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "100")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Hoàn thành" in main_window.statusBar().currentMessage())
    assert "Tiến độ đã 100%" in main_window.statusBar().currentMessage()
    stored = main_window.ctx.store.repo("tasks").rows(code="II.9")[0]
    assert stored["progress"] == 100
