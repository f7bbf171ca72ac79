"""The window on a 1366×768 office screen: it fits at first start with its status bar in sight, the toolbar's Undo
stays one short word (the details in its tooltip and the Edit menu) and the plan year stays on the toolbar."""

from __future__ import annotations

from PySide6.QtCore import QRect

from desktop.ui.main_window import fit_to_screen
from tests.ui.helpers import add_through_form, go_to_page, panel


def test_first_start_fits_a_1366x768_screen_with_its_taskbar(main_window):
    available = QRect(0, 0, 1366, 728)  # 768 less a 40-pixel Windows taskbar
    fit_to_screen(main_window, available)
    frame = main_window.frameGeometry()
    assert main_window.height() <= 728 - 30 and main_window.width() <= 1366
    assert available.contains(frame.topLeft()) and frame.bottom() <= 728
    bar = main_window.statusBar()
    assert bar.isVisible() and bar.geometry().bottom() < main_window.height()


def test_toolbar_undo_is_short_and_the_plan_year_stays_visible(qtbot, main_window, forms):
    main_window.resize(1366 - 16, 700)
    go_to_page(qtbot, main_window, "agencies")
    result = add_through_form(qtbot, forms, panel(main_window, "agencies"), code="PKTLT",
                              name="Phòng Kinh tế huyện Long Thành có một tên rất dài để thử thanh công cụ",
                              kind="Sở, ban, ngành")
    assert result.saved, result
    toolbar_undo = main_window.toolbar.widgetForAction(main_window.toolbar_undo_action)
    assert toolbar_undo.isVisible() and toolbar_undo.text() == "Hoàn tác"
    assert "Phòng Kinh tế huyện Long Thành" in main_window.toolbar_undo_action.toolTip()
    assert "Phòng Kinh tế huyện Long Thành" in main_window.undo_action.text()  # the Edit menu says what it undoes
    assert main_window.plan_combo.isVisible()
    assert main_window.toolbar.widgetForAction(main_window.backup_action).isVisible()  # nothing in the overflow
