"""Dates in forms: typed as written (dd/MM/yyyy, 1/3/2024, 01.03.2024) or picked from the calendar; a date that does
not exist is refused with a Vietnamese message instead of being silently changed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate

from desktop.domain.entities import WORKSHOPS
from desktop.ui.forms.editors import DateEditor
from tests.ui.helpers import add_through_form, go_to_page, open_tab, panel


def test_a_date_that_does_not_exist_is_refused_and_nothing_saved(qtbot, main_window, forms):
    go_to_page(qtbot, main_window, "survey")
    open_tab(qtbot, main_window.page("survey").tabs, "Hội thảo tham vấn")
    workshops = panel(main_window, "workshops")
    result = add_through_form(qtbot, forms, workshops, title="Hội thảo tham vấn mô hình", date="31/11/2024")
    assert not result.saved
    assert "31/11/2024" in result.errors["date"] and "không tồn tại" in result.errors["date"]
    assert main_window.ctx.store.repo("workshops").count() == 0


def test_dates_typed_the_short_way_are_stored_and_shown_in_full(qtbot, main_window, forms):
    go_to_page(qtbot, main_window, "survey")
    open_tab(qtbot, main_window.page("survey").tabs, "Hội thảo tham vấn")
    workshops = panel(main_window, "workshops")
    result = add_through_form(qtbot, forms, workshops, title="Hội thảo tham vấn mô hình", date="5.12.2024")
    assert result.saved, result
    stored = main_window.ctx.store.repo("workshops").rows()[0]
    assert stored["date"] == "2024-12-05"
    assert "05/12/2024" in [workshops.model.data(workshops.model.index(0, c)) for c in range(3)]


@pytest.mark.qt_log_ignore("This plugin does not support")  # the offscreen platform cannot raise or grab a popup
def test_the_calendar_fills_the_field(qtbot):
    editor = DateEditor(WORKSHOPS.field("date"))
    qtbot.addWidget(editor.widget)
    editor.set_value("2024-12-05")
    assert editor.edit.text() == "05/12/2024"
    calendar = editor.show_calendar()
    assert calendar.selectedDate() == QDate(2024, 12, 5)
    calendar.clicked.emit(QDate(2024, 12, 20))
    assert editor.edit.text() == "20/12/2024"
    assert editor.value() == "20/12/2024"
    editor.set_value(None)
    assert editor.value() is None
