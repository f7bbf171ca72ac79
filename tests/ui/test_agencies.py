"""Đơn vị: add, edit and delete an agency through the form; dates checked; kind filter; Vietnamese sorting."""

from __future__ import annotations

from desktop.domain.text import collation_key
from tests.ui.helpers import (
    add_through_form,
    choose_filter,
    click_header,
    count_text,
    delete_through_button,
    edit_through_form,
    find_row,
    go_to_page,
    panel,
    row_texts,
    table_texts,
)


def _agency(window, code: str) -> dict | None:
    rows = window.ctx.store.repo("agencies").rows(code=code)
    return rows[0] if rows else None


def test_agency_added_edited_and_deleted_through_the_form(qtbot, main_window, forms, answers):
    go_to_page(qtbot, main_window, "agencies")
    agencies = panel(main_window, "agencies")
    before = agencies.model.rowCount()

    result = add_through_form(qtbot, forms, agencies, code="BQL_KCN_LT", name="Ban Quản lý Khu công nghiệp Long Thành",
                              short_name="BQL KCN LT", kind="Sở, ban, ngành", valid_from="01/07/2025")
    assert result.saved, result
    assert agencies.model.rowCount() == before + 1
    row = find_row(agencies, "Ban Quản lý Khu công nghiệp Long Thành")
    assert row >= 0
    assert "01/07/2025" in row_texts(agencies, row)
    stored = _agency(main_window, "BQL_KCN_LT")
    assert stored["name"] == "Ban Quản lý Khu công nghiệp Long Thành"
    assert stored["kind"] == "department" and stored["valid_from"] == "2025-07-01"
    assert agencies.current_row()["id"] == stored["id"]  # the new row is selected

    result = edit_through_form(qtbot, forms, agencies, "BQL KCN LT", name="Ban Quản lý các KCN Đồng Nai",
                               valid_to="31/12/2030")
    assert result.opened_with["name"] == "Ban Quản lý Khu công nghiệp Long Thành"
    assert result.saved
    stored = _agency(main_window, "BQL_KCN_LT")
    assert stored["name"] == "Ban Quản lý các KCN Đồng Nai" and stored["valid_to"] == "2030-12-31"
    assert find_row(agencies, "Ban Quản lý các KCN Đồng Nai") >= 0

    delete_through_button(qtbot, agencies, "Ban Quản lý các KCN Đồng Nai")
    assert answers.asked and "Ban Quản lý các KCN Đồng Nai" in answers.asked[0][1]
    assert _agency(main_window, "BQL_KCN_LT") is None
    assert find_row(agencies, "Ban Quản lý các KCN Đồng Nai") < 0
    assert agencies.model.rowCount() == before


def test_deletion_not_confirmed_keeps_the_agency(qtbot, main_window, answers):
    from PySide6.QtWidgets import QMessageBox

    go_to_page(qtbot, main_window, "agencies")
    agencies = panel(main_window, "agencies")
    answers.question = QMessageBox.StandardButton.No
    delete_through_button(qtbot, agencies, "Sở Tài chính")
    assert find_row(agencies, "Sở Tài chính") >= 0
    assert _agency(main_window, "STC") is not None


def test_agency_with_end_before_start_or_without_name_is_refused(qtbot, main_window, forms):
    go_to_page(qtbot, main_window, "agencies")
    agencies = panel(main_window, "agencies")
    before = agencies.model.rowCount()
    result = add_through_form(qtbot, forms, agencies, code="X1", name="Đơn vị thử", kind="Khác",
                              valid_from="01/07/2025", valid_to="30/06/2025")
    assert not result.saved
    assert "không được trước ngày bắt đầu" in result.errors["valid_to"]
    assert result.banner  # "Chưa lưu: …"
    result = add_through_form(qtbot, forms, agencies, code="X2", name="   ", kind="Khác")
    assert not result.saved and result.errors.get("name")
    assert _agency(main_window, "X1") is None and _agency(main_window, "X2") is None
    assert agencies.model.rowCount() == before


def test_agency_kind_filter(qtbot, main_window):
    go_to_page(qtbot, main_window, "agencies")
    agencies = panel(main_window, "agencies")
    total = agencies.model.rowCount()
    choose_filter(agencies, "kind", "UBND huyện, thành phố")
    shown = table_texts(agencies, "kind")
    districts = main_window.ctx.store.repo("agencies").count(kind="district")
    assert 0 < len(shown) == districts < total
    assert set(shown) == {"UBND huyện, thành phố"}
    assert str(districts) in count_text(agencies) and str(total) in count_text(agencies)
    choose_filter(agencies, "kind", "Tất cả")
    assert agencies.model.rowCount() == total


def test_sorting_by_name_puts_d_with_stroke_after_d(qtbot, main_window, forms):
    go_to_page(qtbot, main_window, "agencies")
    agencies = panel(main_window, "agencies")
    for code, name in (("T1", "Đài Phát thanh thử"), ("T2", "Dân tộc thử"), ("T3", "Em thử"), ("T4", "Duyên hải thử")):
        assert add_through_form(qtbot, forms, agencies, code=code, name=name, kind="Khác").saved
    click_header(qtbot, agencies, "name")
    names = table_texts(agencies, "name")
    assert names == sorted(names, key=collation_key)
    firsts = [n[0] for n in names]
    assert firsts.index("Đ") > max(i for i, f in enumerate(firsts) if f == "D")
    assert firsts.index("E") > max(i for i, f in enumerate(firsts) if f == "Đ")
    assert names.index("Duyên hải thử") < names.index("Đài Phát thanh thử") < names.index("Em thử")
