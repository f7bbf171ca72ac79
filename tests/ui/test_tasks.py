"""Nhiệm vụ: the task tree through the form; progress and dates checked; filters; accent-less search."""

from __future__ import annotations

import json

from tests.ui.helpers import (
    add_through_form,
    choose_filter,
    count_text,
    delete_through_button,
    edit_through_form,
    find_row,
    go_to_page,
    panel,
    row_texts,
    search,
    table_texts,
)


def _task(window, code: str) -> dict | None:
    rows = window.ctx.store.repo("tasks").rows(code=code, plan_id=window.ctx.plan_id)
    return rows[0] if rows else None


def test_activity_added_under_its_item_edited_and_deleted(qtbot, main_window, forms, answers):
    go_to_page(qtbot, main_window, "tasks")
    tasks = panel(main_window, "tasks")
    result = add_through_form(
        qtbot, forms, tasks, code="II.1.6", kind="Hoạt động", parent_id="II.1 ", seq="6",
        title="Biên soạn sổ tay hướng dẫn tiêu dùng bền vững cho chợ, siêu thị", lead_agency_id="Sở Công Thương",
        coordinating_ids=["Sở Tài chính", "Sở Khoa học và Công nghệ"], quarters=["III", "IV"],
        start_date="01/07/2024", end_date="30/09/2024", status="Đang thực hiện", progress="40",
        expected_output="Sổ tay (500 bản)")
    assert result.saved, result
    codes = table_texts(tasks, "code")
    assert codes.index("II.1.6") == codes.index("II.1.5") + 1  # in the tree, after II.1.5 and before II.2
    assert codes.index("II.1.6") < codes.index("II.2")
    shown = row_texts(tasks, codes.index("II.1.6"))
    assert shown[1].startswith(" ") and shown[1].strip().startswith("Biên soạn sổ tay")  # indented under II.1
    assert {"Sở Công Thương", "III, IV", "30/09/2024", "Đang thực hiện", "40%"} <= set(shown)
    stored = _task(main_window, "II.1.6")
    assert stored["parent_id"] == _task(main_window, "II.1")["id"]
    assert (stored["status"], stored["progress"], stored["quarters"]) == ("in_progress", 40, "III, IV")
    assert (stored["start_date"], stored["end_date"]) == ("2024-07-01", "2024-09-30")
    names = main_window.ctx.names("agencies")
    assert sorted(names[i] for i in json.loads(stored["coordinating_ids"])) == ["Sở Khoa học và Công nghệ",
                                                                               "Sở Tài chính"]

    result = edit_through_form(qtbot, forms, tasks, "Biên soạn sổ tay", status="Hoàn thành", progress="100",
                               result="Đã phát hành 500 bản sổ tay")
    assert result.opened_with["progress"] == "40%" or result.opened_with["progress"].startswith("40")
    assert result.saved, result
    stored = _task(main_window, "II.1.6")
    assert (stored["status"], stored["progress"], stored["result"]) == ("done", 100, "Đã phát hành 500 bản sổ tay")
    assert {"Hoàn thành", "100%"} <= set(row_texts(tasks, find_row(tasks, "Biên soạn sổ tay")))

    delete_through_button(qtbot, tasks, "Biên soạn sổ tay")
    assert _task(main_window, "II.1.6") is None and find_row(tasks, "Biên soạn sổ tay") < 0


def test_progress_over_100_and_deadline_before_start_are_refused(qtbot, main_window, forms):
    go_to_page(qtbot, main_window, "tasks")
    tasks = panel(main_window, "tasks")
    before = tasks.model.rowCount()
    result = add_through_form(qtbot, forms, tasks, code="II.9", title="Nhiệm vụ thử", progress="150")
    assert not result.saved
    assert "100" in result.errors["progress"]
    result = add_through_form(qtbot, forms, tasks, code="II.9", title="Nhiệm vụ thử", progress="50",
                              start_date="01/10/2024", end_date="30/09/2024")
    assert not result.saved
    assert "thời hạn không được trước ngày bắt đầu" in result.errors["end_date"]
    # Both mistakes at once are both shown on the first save (the date order used to wait for the next one).
    result = add_through_form(qtbot, forms, tasks, code="II.9", title="Nhiệm vụ thử", progress="150",
                              start_date="01/10/2024", end_date="30/09/2024")
    assert not result.saved
    assert "100" in result.errors["progress"] and "không được trước ngày bắt đầu" in result.errors["end_date"]
    assert tasks.model.rowCount() == before and _task(main_window, "II.9") is None

    original = _task(main_window, "II.1.1")
    result = edit_through_form(qtbot, forms, tasks, "II.1.1", title="")
    assert not result.saved and result.errors.get("title")
    assert _task(main_window, "II.1.1")["rev"] == original["rev"]


def test_task_filters_by_status_agency_and_quarter(qtbot, main_window, forms):
    go_to_page(qtbot, main_window, "tasks")
    tasks = panel(main_window, "tasks")
    total = tasks.model.rowCount()
    assert edit_through_form(qtbot, forms, tasks, "II.1.1", status="Đang thực hiện", quarters=["I"],
                             lead_agency_id="Sở Tài chính").saved
    choose_filter(tasks, "status", "Đang thực hiện")
    # II.1's status is rolled up from its activities: one of them in progress puts the content item in progress too.
    assert table_texts(tasks, "code") == ["II.1", "II.1.1"]
    assert count_text(tasks).startswith("2 ")
    choose_filter(tasks, "status", "Tất cả")
    assert tasks.model.rowCount() == total

    choose_filter(tasks, "quarter", "Quý I")
    assert table_texts(tasks, "code") == ["II.1.1"]
    choose_filter(tasks, "quarter", "Quý IV")
    assert "II.1.1" not in table_texts(tasks, "code") and tasks.model.rowCount() == total - 1
    choose_filter(tasks, "quarter", "Tất cả")

    choose_filter(tasks, "lead_agency_id", "Sở Tài chính")
    assert table_texts(tasks, "code") == ["II.1.1"]
    choose_filter(tasks, "lead_agency_id", "Sở Công Thương")
    expected = main_window.ctx.store.repo("tasks").count(lead_agency_id=_task(main_window, "II.1")[
        "lead_agency_id"])
    assert tasks.model.rowCount() == expected == total - 1


def test_accent_less_search_finds_vietnamese_titles(qtbot, main_window):
    go_to_page(qtbot, main_window, "tasks")
    tasks = panel(main_window, "tasks")
    total = tasks.model.rowCount()
    search(tasks, "tap huan")
    titles = table_texts(tasks, "title")
    assert titles and all("tập huấn" in t.lower() for t in titles)
    assert len(titles) == sum("tập huấn" in (t["title"] or "").lower()
                              for t in main_window.ctx.store.repo("tasks").rows())
    search(tasks, "TẬP HUẤN")
    assert table_texts(tasks, "title") == titles
    search(tasks, "khao sat hien trang")
    assert [t.strip()[:8] for t in table_texts(tasks, "title")] == ["Khảo sát"]
    search(tasks, "")
    assert tasks.model.rowCount() == total
