"""Kế hoạch: the plan's header, legal bases, objectives with their indicators, responsibilities."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QLabel, QPushButton

from tests.ui.helpers import (
    add_through_form,
    click,
    delete_through_button,
    edit_through_form,
    find_row,
    go_to_page,
    open_tab,
    panel,
    row_texts,
    select_row,
    table_texts,
)


def _plan(window) -> dict:
    return window.ctx.store.repo("plans").get(window.ctx.plan_id)


def test_plan_header_edited_through_its_form(qtbot, main_window, forms):
    page = go_to_page(qtbot, main_window, "plan")
    forms.will(number="125/KH-UBND", signer_name="Trần Văn Mười", total_budget="1500000000",
               funding_source="Ngân sách tỉnh năm 2024 (bổ sung)")
    click(qtbot, page.findChild(QPushButton, "edit_plan"))
    assert forms.last.opened_with["total_budget"] == "1.394.200.000"  # shown the Vietnamese way
    assert forms.last.saved, forms.last
    plan = _plan(main_window)
    assert plan["number"] == "125/KH-UBND" and plan["signer_name"] == "Trần Văn Mười"
    assert plan["total_budget"] == 1_500_000_000
    assert page.findChild(QLabel, "plan_total_budget").text() == "1.500.000.000"
    assert page.findChild(QLabel, "plan_signer_name").text() == "Trần Văn Mười"
    assert page.findChild(QLabel, "plan_number").text() == "125/KH-UBND"


def test_plan_header_without_title_or_with_a_bad_total_is_refused(qtbot, main_window, forms):
    page = go_to_page(qtbot, main_window, "plan")
    before = _plan(main_window)
    forms.will(title="", total_budget="một tỷ")
    click(qtbot, page.findChild(QPushButton, "edit_plan"))
    assert not forms.last.saved
    assert forms.last.errors.keys() >= {"title", "total_budget"}
    assert all(forms.last.errors.values())
    assert _plan(main_window)["rev"] == before["rev"]
    assert page.findChild(QLabel, "plan_total_budget").text() == "1.394.200.000"


def test_legal_basis_added_edited_and_deleted(qtbot, main_window, forms, answers):
    page = go_to_page(qtbot, main_window, "plan")
    open_tab(qtbot, page.tabs, 0)
    legal = panel(main_window, "legal_bases")
    before = legal.model.rowCount()
    result = add_through_form(qtbot, forms, legal, seq="8", kind="Nghị quyết", number="15/NQ-HĐND",
                              date="10/12/2023", issuer="Hội đồng nhân dân tỉnh Đồng Nai",
                              title="Căn cứ Nghị quyết số 15/NQ-HĐND về dự toán ngân sách năm 2024;")
    assert result.saved, result
    assert legal.model.rowCount() == before + 1
    row = row_texts(legal, find_row(legal, "15/NQ-HĐND"))
    assert "10/12/2023" in row and "Hội đồng nhân dân tỉnh Đồng Nai" in row
    stored = main_window.ctx.store.repo("legal_bases").rows(number="15/NQ-HĐND")
    assert stored and stored[0]["date"] == "2023-12-10" and stored[0]["plan_id"] == main_window.ctx.plan_id

    assert edit_through_form(qtbot, forms, legal, "15/NQ-HĐND", number="16/NQ-HĐND").saved
    assert "16/NQ-HĐND" in table_texts(legal, "number") and "15/NQ-HĐND" not in table_texts(legal, "number")
    assert main_window.ctx.store.repo("legal_bases").count(number="16/NQ-HĐND") == 1

    delete_through_button(qtbot, legal, "16/NQ-HĐND")
    assert find_row(legal, "16/NQ-HĐND") < 0
    assert main_window.ctx.store.repo("legal_bases").count(number="16/NQ-HĐND") == 0
    assert legal.model.rowCount() == before


def test_objective_and_its_indicators_added_edited_and_deleted(qtbot, main_window, forms, answers):
    page = go_to_page(qtbot, main_window, "plan")
    open_tab(qtbot, page.tabs, 1)
    objectives, indicators = panel(main_window, "objectives"), panel(main_window, "indicators")
    assert add_through_form(qtbot, forms, objectives, code="c", seq="3",
                            text="Nâng cao năng lực sử dụng năng lượng tiết kiệm và hiệu quả").saved
    select_row(qtbot, objectives, "tiết kiệm và hiệu quả")
    assert indicators.model.rowCount() == 0 and indicators.add_button.isEnabled()

    result = add_through_form(qtbot, forms, indicators, name="Số doanh nghiệp áp dụng giải pháp tiết kiệm",
                              unit="doanh nghiệp", target="3", actual="1,5")
    assert result.saved, result
    assert row_texts(indicators, 0)[:4] == ["Số doanh nghiệp áp dụng giải pháp tiết kiệm", "doanh nghiệp", "3", "1,5"]
    objective = main_window.ctx.store.repo("objectives").rows(code="c")[0]
    indicator = main_window.ctx.store.repo("indicators").rows(objective_id=objective["id"])[0]
    assert (indicator["target"], indicator["actual"]) == (3, 1.5)

    assert edit_through_form(qtbot, forms, indicators, "áp dụng giải pháp", target="4", actual="").saved
    assert row_texts(indicators, 0)[2:4] == ["4", ""]
    indicator = main_window.ctx.store.repo("indicators").get(indicator["id"])
    assert indicator["target"] == 4 and indicator["actual"] is None

    # another objective shows its own indicators (master-detail)
    select_row(qtbot, objectives, "Tuyên truyền")
    assert "Số doanh nghiệp áp dụng giải pháp tiết kiệm" not in table_texts(indicators)
    select_row(qtbot, objectives, "tiết kiệm và hiệu quả")
    delete_through_button(qtbot, indicators, "áp dụng giải pháp")
    assert indicators.model.rowCount() == 0
    assert main_window.ctx.store.repo("indicators").count(objective_id=objective["id"]) == 0

    assert edit_through_form(qtbot, forms, objectives, "tiết kiệm và hiệu quả", code="d").saved
    delete_through_button(qtbot, objectives, "tiết kiệm và hiệu quả")
    assert find_row(objectives, "tiết kiệm và hiệu quả") < 0
    objectives_repo = main_window.ctx.store.repo("objectives")
    assert objectives_repo.count(code="c") == objectives_repo.count(code="d") == 0


def test_indicator_needs_a_target_and_accepts_no_negative_actual(qtbot, main_window, forms):
    page = go_to_page(qtbot, main_window, "plan")
    open_tab(qtbot, page.tabs, 1)
    objectives, indicators = panel(main_window, "objectives"), panel(main_window, "indicators")
    select_row(qtbot, objectives, "Tuyên truyền")
    before = indicators.model.rowCount()
    result = add_through_form(qtbot, forms, indicators, name="Chỉ tiêu thử", target="", actual="-2")
    assert not result.saved
    assert result.errors.get("target") and result.errors.get("actual")
    assert indicators.model.rowCount() == before
    assert main_window.ctx.store.repo("indicators").count(name="Chỉ tiêu thử") == 0


def test_responsibility_added_with_agencies_edited_and_deleted(qtbot, main_window, forms, answers):
    page = go_to_page(qtbot, main_window, "plan")
    open_tab(qtbot, page.tabs, 2)
    duties = panel(main_window, "responsibilities")
    result = add_through_form(qtbot, forms, duties, code="III.9", seq="9", heading="Ban Quản lý các Khu công nghiệp",
                              agency_ids=["Sở Công Thương", "Sở Tài chính"],
                              duties="Phối hợp vận động doanh nghiệp trong KCN tham gia tập huấn.",
                              report_to="Sở Công Thương", report_deadline="05/12/2024")
    assert result.saved, result
    row = row_texts(duties, find_row(duties, "Ban Quản lý các Khu công nghiệp"))
    assert "05/12/2024" in row and "III.9" in row
    stored = main_window.ctx.store.repo("responsibilities").rows(code="III.9")[0]
    names = main_window.ctx.names("agencies")
    assert sorted(names[i] for i in json.loads(stored["agency_ids"])) == ["Sở Công Thương", "Sở Tài chính"]

    result = edit_through_form(qtbot, forms, duties, "III.9", agency_ids=["Sở Tài chính"], report_deadline="")
    assert result.saved
    stored = main_window.ctx.store.repo("responsibilities").get(stored["id"])
    assert [names[i] for i in json.loads(stored["agency_ids"])] == ["Sở Tài chính"]
    assert stored["report_deadline"] is None

    delete_through_button(qtbot, duties, "III.9")
    assert find_row(duties, "III.9") < 0
    assert main_window.ctx.store.repo("responsibilities").count(code="III.9") == 0
