"""Khảo sát: enterprises (tax code checked), consumption with intensity and TOE, solutions with payback, criteria and
scores with the ranking and the model enterprise, the workshop and the editable TOE factors."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
    search,
    select_row,
    show_tab_of,
    table_texts,
)

NAME = "Công ty TNHH Hóa chất Đồng Nai Xanh"


def _add_enterprise(qtbot, window, forms, name: str = NAME, tax_code: str = "3601234505") -> dict:
    go_to_page(qtbot, window, "survey")
    enterprises = panel(window, "enterprises")
    result = add_through_form(qtbot, forms, enterprises, name=name, tax_code=tax_code,
                              address="Đường số 3, KCN Biên Hòa 2, phường Long Bình Tân, Đồng Nai",
                              industrial_zone="KCN Biên Hòa 2", vsic_code="2011", products="Hóa chất cơ bản, xút",
                              contact_person="Phạm Quốc Việt", phone="0251 3836 123", surveyed=True,
                              survey_date="20/09/2024")
    assert result.saved, result
    return window.ctx.store.repo("enterprises").rows(name=name)[0]


def test_enterprise_added_edited_and_deleted(qtbot, main_window, forms, answers):
    enterprise = _add_enterprise(qtbot, main_window, forms)
    enterprises = panel(main_window, "enterprises")
    assert enterprise["tax_code"] == "3601234505" and enterprise["vsic_code"] == "2011"
    assert enterprise["surveyed"] == 1 and enterprise["survey_date"] == "2024-09-20"
    shown = row_texts(enterprises, find_row(enterprises, NAME))
    assert shown[:4] == [NAME, "3601234505", "KCN Biên Hòa 2", "2011"]
    summary = main_window.current_page().findChild(QLabel, "survey_summary").text()
    assert "1" in summary and "5" in summary  # 1 surveyed of the 5 planned

    assert edit_through_form(qtbot, forms, enterprises, NAME, tax_code="3601234512-001",
                             industrial_zone="KCN Amata").saved
    stored = main_window.ctx.store.repo("enterprises").get(enterprise["id"])
    assert (stored["tax_code"], stored["industrial_zone"]) == ("3601234512-001", "KCN Amata")

    delete_through_button(qtbot, enterprises, NAME)
    assert enterprises.model.rowCount() == 0
    assert main_window.ctx.store.repo("enterprises").count() == 0


def test_tax_code_with_a_wrong_check_digit_and_bad_vsic_are_refused(qtbot, main_window, forms):
    go_to_page(qtbot, main_window, "survey")
    enterprises = panel(main_window, "enterprises")
    result = add_through_form(qtbot, forms, enterprises, name=NAME, tax_code="3601234506", vsic_code="20A1")
    assert not result.saved
    assert "chữ số kiểm tra" in result.errors["tax_code"]
    assert "VSIC" in result.errors["vsic_code"]
    result = add_through_form(qtbot, forms, enterprises, name=NAME, tax_code="36012345")
    assert not result.saved and "10 chữ số" in result.errors["tax_code"]
    assert main_window.ctx.store.repo("enterprises").count() == 0 and enterprises.model.rowCount() == 0


def test_consumption_record_with_intensity_and_toe_follows_the_editable_factor(qtbot, main_window, forms, answers):
    enterprise = _add_enterprise(qtbot, main_window, forms)
    consumption = panel(main_window, "consumption_records")
    show_tab_of(qtbot, consumption)
    assert consumption.parent_id == enterprise["id"]
    result = add_through_form(qtbot, forms, consumption, period="2023", resource="Điện", quantity="1.200.000",
                              unit="kWh", product_output="4.000", product_unit="tấn")
    assert result.saved, result
    record = main_window.ctx.store.repo("consumption_records").rows(enterprise_id=enterprise["id"])[0]
    assert (record["quantity"], record["product_output"], record["resource"]) == (1_200_000, 4_000, "electricity")
    assert row_texts(consumption, 0) == ["2023", "Điện", "1.200.000", "kWh", "4.000", "tấn", "300", "185,16"]

    # the TOE factor is reference data: editing it changes the TOE shown
    page = main_window.current_page()
    factors = panel(main_window, "conversion_factors")
    open_tab(qtbot, page.tabs, 3)
    assert edit_through_form(qtbot, forms, factors, "kWh", toe_per_unit="0,0002").saved
    assert main_window.ctx.store.repo("conversion_factors").rows(unit="kWh")[0]["toe_per_unit"] == 0.0002
    open_tab(qtbot, page.tabs, 0)
    assert row_texts(consumption, 0)[-1] == "240"

    assert edit_through_form(qtbot, forms, consumption, "kWh", period="2024", quantity="1.000.000").saved
    assert row_texts(consumption, 0)[:3] == ["2024", "Điện", "1.000.000"]
    assert row_texts(consumption, 0)[-2:] == ["250", "200"]
    delete_through_button(qtbot, consumption, "kWh")
    assert consumption.model.rowCount() == 0
    assert main_window.ctx.store.repo("consumption_records").count(enterprise_id=enterprise["id"]) == 0


def test_consumption_without_quantity_is_refused(qtbot, main_window, forms):
    enterprise = _add_enterprise(qtbot, main_window, forms)
    consumption = panel(main_window, "consumption_records")
    result = add_through_form(qtbot, forms, consumption, period="2023", resource="Than", quantity="", unit="tấn")
    assert not result.saved and result.errors.get("quantity")
    assert main_window.ctx.store.repo("consumption_records").count(enterprise_id=enterprise["id"]) == 0


def test_solution_with_payback_added_edited_and_deleted(qtbot, main_window, forms, answers):
    enterprise = _add_enterprise(qtbot, main_window, forms)
    solutions = panel(main_window, "solutions")
    show_tab_of(qtbot, solutions)
    result = add_through_form(qtbot, forms, solutions, category="Tiết kiệm năng lượng",
                              description="Lắp biến tần cho hệ thống bơm tuần hoàn", investment="500000000",
                              annual_saving="125.000.000")
    assert result.saved, result
    assert row_texts(solutions, 0) == ["Tiết kiệm năng lượng", "Lắp biến tần cho hệ thống bơm tuần hoàn",
                                       "500.000.000", "125.000.000", "4"]
    assert edit_through_form(qtbot, forms, solutions, "biến tần", annual_saving="200.000.000").saved
    assert row_texts(solutions, 0)[-1] == "2,5"
    stored = main_window.ctx.store.repo("solutions").rows(enterprise_id=enterprise["id"])
    assert [(s["investment"], s["annual_saving"]) for s in stored] == [(500_000_000, 200_000_000)]
    delete_through_button(qtbot, solutions, "biến tần")
    assert solutions.model.rowCount() == 0
    assert main_window.ctx.store.repo("solutions").count(enterprise_id=enterprise["id"]) == 0


def test_criteria_and_scores_rank_the_enterprises_and_choose_the_model(qtbot, main_window, forms, answers):
    page = go_to_page(qtbot, main_window, "survey")
    criteria = panel(main_window, "selection_criteria")
    open_tab(qtbot, page.tabs, 1)
    assert add_through_form(qtbot, forms, criteria, name="Mức tiêu thụ năng lượng", weight="60", seq="1").saved
    assert add_through_form(qtbot, forms, criteria, name="Cam kết của lãnh đạo", weight="40", seq="2").saved
    assert edit_through_form(qtbot, forms, criteria, "Cam kết", name="Cam kết của lãnh đạo doanh nghiệp").saved
    assert table_texts(criteria, "name") == ["Mức tiêu thụ năng lượng", "Cam kết của lãnh đạo doanh nghiệp"]
    result = add_through_form(qtbot, forms, criteria, name="Trọng số sai", weight="150")
    assert not result.saved and result.errors.get("weight")

    first = _add_enterprise(qtbot, main_window, forms)
    second = _add_enterprise(qtbot, main_window, forms, "Công ty CP Sơn Biên Hòa", "3601234537")
    enterprises, scores = panel(main_window, "enterprises"), panel(main_window, "selection_scores")
    open_tab(qtbot, page.tabs, 0)
    show_tab_of(qtbot, scores)
    for name, values in ((NAME, ("8", "6")), ("Công ty CP Sơn Biên Hòa", ("5", "9,5"))):
        select_row(qtbot, enterprises, name)
        assert add_through_form(qtbot, forms, scores, criterion_id="Mức tiêu thụ năng lượng", score=values[0]).saved
        assert add_through_form(qtbot, forms, scores, criterion_id="Cam kết", score=values[1]).saved
    assert table_texts(scores, "score") == ["5", "9,5"]
    result = add_through_form(qtbot, forms, scores, criterion_id="Cam kết", score="11")
    assert not result.saved and result.errors.get("score")
    assert edit_through_form(qtbot, forms, scores, "9,5", score="9").saved
    delete_through_button(qtbot, scores, "Mức tiêu thụ")
    assert table_texts(scores, "score") == ["9"]
    assert add_through_form(qtbot, forms, scores, criterion_id="Mức tiêu thụ năng lượng", score="5").saved

    open_tab(qtbot, page.tabs, 1)
    ranking = page.ranking_model
    assert [ranking.index(r, 0).data() for r in range(2)] == [NAME, "Công ty CP Sơn Biên Hòa"]
    assert [ranking.index(r, 1).data() for r in range(2)] == ["7,2", "6,6"]  # 8×0,6+6×0,4 and 5×0,6+9×0,4
    view = page.ranking_view
    view.selectRow(1)
    click(qtbot, page.findChild(QPushButton, "choose_model"))
    stored = {e["id"]: e["is_model"] for e in main_window.ctx.store.repo("enterprises").rows()}
    assert stored == {first["id"]: 0, second["id"]: 1}
    assert "Công ty CP Sơn Biên Hòa" in page.findChild(QLabel, "survey_summary").text()
    history = main_window.undo_stack.index()
    assert history >= 2  # the edits before the choice are still there to undo
    main_window.undo_action.trigger()  # the choice is one undo step: no model again, as before it
    stored = {e["id"]: e["is_model"] for e in main_window.ctx.store.repo("enterprises").rows()}
    assert stored == {first["id"]: 0, second["id"]: 0}
    assert main_window.undo_stack.index() == history - 1

    # deleting a criterion takes its scores with it (after a second question) and the ranking follows
    delete_through_button(qtbot, criteria, "Cam kết của lãnh đạo doanh nghiệp")
    assert [kind for kind, _ in answers.asked[-2:]] == ["question", "warning"]
    assert table_texts(criteria, "name") == ["Mức tiêu thụ năng lượng"]
    assert main_window.ctx.store.repo("selection_scores").count() == 2
    assert [ranking.index(r, 1).data() for r in range(2)] == ["8", "5"]


def test_workshop_added_edited_and_deleted(qtbot, main_window, forms, answers):
    page = go_to_page(qtbot, main_window, "survey")
    workshops = panel(main_window, "workshops")
    open_tab(qtbot, page.tabs, 2)
    result = add_through_form(qtbot, forms, workshops,
                              title="Hội thảo tham vấn mô hình sản xuất bền vững ngành hóa chất", task_id="II.2.",
                              date="12/11/2024", venue="Sở Công Thương Đồng Nai",
                              participants_count="80", summary="Thống nhất chọn doanh nghiệp mẫu.")
    assert result.saved, result
    assert row_texts(workshops, 0)[:4] == ["Hội thảo tham vấn mô hình sản xuất bền vững ngành hóa chất", "12/11/2024",
                                           "Sở Công Thương Đồng Nai", "80"]
    assert edit_through_form(qtbot, forms, workshops, "Hội thảo tham vấn", participants_count="95").saved
    stored = main_window.ctx.store.repo("workshops").rows()
    assert [(w["participants_count"], w["date"]) for w in stored] == [(95, "2024-11-12")]
    assert main_window.ctx.names("tasks")[stored[0]["task_id"]].startswith("II.2.")
    result = edit_through_form(qtbot, forms, workshops, "Hội thảo tham vấn", participants_count="-3")
    assert not result.saved and result.errors.get("participants_count")
    delete_through_button(qtbot, workshops, "Hội thảo tham vấn")
    assert workshops.model.rowCount() == 0 and main_window.ctx.store.repo("workshops").count() == 0


def test_toe_factor_added_edited_and_deleted(qtbot, main_window, forms, answers):
    page = go_to_page(qtbot, main_window, "survey")
    factors = panel(main_window, "conversion_factors")
    open_tab(qtbot, page.tabs, 3)
    before = factors.model.rowCount()
    result = add_through_form(qtbot, forms, factors, resource="Khí thiên nhiên", unit="nghìn m³",
                              toe_per_unit="0,9", source="Quy đổi thử")
    assert result.saved, result
    assert factors.model.rowCount() == before + 1
    assert row_texts(factors, find_row(factors, "nghìn m³")) == ["Khí thiên nhiên", "nghìn m³", "0,9", "Quy đổi thử"]
    assert edit_through_form(qtbot, forms, factors, "nghìn m³", toe_per_unit="0,92").saved
    assert main_window.ctx.store.repo("conversion_factors").rows(unit="nghìn m³")[0]["toe_per_unit"] == 0.92
    # "0,125" typed the Vietnamese way is a decimal (it was read as 125, a thousands grouping)
    assert add_through_form(qtbot, forms, factors, resource="Than", unit="tấn (than thử)", toe_per_unit="0,125").saved
    assert main_window.ctx.store.repo("conversion_factors").rows(unit="tấn (than thử)")[0][
        "toe_per_unit"] == 0.125
    assert "0,125" in row_texts(factors, find_row(factors, "than thử"))
    result = add_through_form(qtbot, forms, factors, resource="Than", unit="tấn", toe_per_unit="")
    assert not result.saved and result.errors.get("toe_per_unit")
    delete_through_button(qtbot, factors, "nghìn m³")
    assert factors.model.rowCount() == before + 1
    assert main_window.ctx.store.repo("conversion_factors").count(unit="nghìn m³") == 0


def test_accent_less_search_finds_dong_nai(qtbot, sample_window):
    go_to_page(qtbot, sample_window, "agencies")
    agencies = panel(sample_window, "agencies")
    search(agencies, "dong nai")
    names = table_texts(agencies, "name")
    assert "Ủy ban nhân dân tỉnh Đồng Nai" in names
    assert names and all("Đồng Nai" in " ".join(row_texts(agencies, r)) for r in range(len(names)))
    go_to_page(qtbot, sample_window, "survey")
    enterprises = panel(sample_window, "enterprises")
    search(enterprises, "bien hoa")
    shown = [" ".join(row_texts(enterprises, r)) for r in range(enterprises.model.rowCount())]
    assert shown and all("Biên Hòa" in s for s in shown)


def test_small_factors_are_shown_in_full_and_survive_an_unchanged_save(qtbot, main_window, forms):
    page = go_to_page(qtbot, main_window, "survey")
    factors = panel(main_window, "conversion_factors")
    open_tab(qtbot, page.tabs, 3)
    assert "0,0001543" in row_texts(factors, find_row(factors, "kWh"))
    result = edit_through_form(qtbot, forms, factors, "kWh", source="Hướng dẫn quy đổi (xem lại)")
    assert result.opened_with["toe_per_unit"] == "0,0001543"
    assert result.saved
    assert main_window.ctx.store.repo("conversion_factors").rows(unit="kWh")[0]["toe_per_unit"] == 0.0001543


def test_the_ranking_shows_whole_names_and_headers(qtbot, sample_window):
    page = go_to_page(qtbot, sample_window, "survey")
    open_tab(qtbot, page.tabs, 1)
    view = page.ranking_view
    header, metrics = view.horizontalHeader(), view.fontMetrics()
    model = view.model()
    for column in (0, 1):  # the enterprise's name and its weighted score: nothing cut off, header included
        texts = [str(model.headerData(column, Qt.Orientation.Horizontal))] + \
                [str(model.index(row, column).data()) for row in range(model.rowCount())]
        assert header.sectionSize(column) >= max(metrics.horizontalAdvance(t) for t in texts), texts
    assert "Công ty Cổ phần Phân bón Đồng Xanh (mẫu)" in [model.index(r, 0).data() for r in range(model.rowCount())]
