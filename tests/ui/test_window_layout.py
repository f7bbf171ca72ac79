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


def _columns_in_view(list_panel) -> tuple[bool, dict[str, int]]:  # noqa: ANN001
    """Whether every column is in sight without scrolling sideways, and each column's width by its key."""
    view = list_panel.view
    header = view.horizontalHeader()
    widths = {c.key: header.sectionSize(i) for i, c in enumerate(list_panel.model.columns)}
    return view.horizontalScrollBar().maximum() == 0, widths


def test_lists_fit_the_window_of_a_1366_screen_by_narrowing_long_texts(qtbot, sample_window):
    from desktop.ui.widgets.list_panel import TEXT_MIN

    fit_to_screen(sample_window, QRect(0, 0, 1366, 728))  # 1280 × 698: what a first start gets on such a screen
    store = sample_window.ctx.store  # as the 2025 reform leaves them: a note on each district
    for agency in store.repo("agencies").rows(kind="district"):
        store.repo("agencies").update(agency["id"], {"note": "Cấp huyện kết thúc hoạt động từ 01/07/2025"})
    for page, entity, last in (("tasks", "tasks", "progress"), ("office_reports", "office_reports", "state"),
                               ("agencies", "agencies", "note")):  # "Báo chí, phát thanh - truyền hình" is cut
        go_to_page(qtbot, sample_window, page)
        list_panel = panel(sample_window, entity)
        qtbot.wait(50)  # the columns sized to their texts, then fitted to the list's width
        fits, widths = _columns_in_view(list_panel)
        assert fits, (page, widths)  # the progress, the state, the note in sight
        assert last in widths and all(w >= min(TEXT_MIN, 70) for w in widths.values()), widths

    go_to_page(qtbot, sample_window, "budget")
    lines = panel(sample_window, "budget_lines")
    qtbot.wait(50)
    header, view = lines.view.horizontalHeader(), lines.view
    keys = [c.key for c in lines.model.columns]
    # Ten columns do not all fit: the amount and what is disbursed of it, the figures a clerk checks, are in sight.
    for key in ("amount", "disbursed"):
        column = keys.index(key)
        assert header.sectionViewportPosition(column) + header.sectionSize(column) <= view.viewport().width(), key
    assert header.sectionSize([c.key for c in lines.model.columns].index("item")) >= TEXT_MIN


def test_every_page_fits_a_narrow_window_its_list_bars_folding_onto_two_lines(qtbot, sample_window):
    # A window beside Excel on half a screen, or a 1024-pixel screen: no page may force the window wider than it is.
    # The list bars fold (filters and the count onto a second line) and every part stays inside the list.
    from PySide6.QtWidgets import QComboBox, QLineEdit

    from desktop.ui.widgets.list_panel import ListPanel
    from tests.ui.helpers import open_every_tab

    sample_window.resize(800, 600)
    for page in sample_window.pages:
        go_to_page(qtbot, sample_window, page.key)
        open_every_tab(qtbot, sample_window.current_page())
        qtbot.wait(1)
        assert sample_window.width() <= 800, page.key
    tasks = panel(sample_window, "tasks")
    go_to_page(qtbot, sample_window, "tasks")
    qtbot.wait(1)
    parts = [tasks.search, *(w for w in tasks.findChildren(QComboBox) if w.isVisible()), tasks.count_label]
    assert len({part.y() for part in parts}) > 1  # folded
    for list_panel in (lp for lp in sample_window.findChildren(ListPanel) if lp.isVisible()):
        for part in (*list_panel.findChildren(QLineEdit), *list_panel.findChildren(QComboBox), list_panel.count_label):
            if part.isVisible() and part.parent() is list_panel:
                assert part.geometry().right() <= list_panel.width(), (list_panel.objectName(), part.objectName())


def test_a_list_bar_is_one_line_in_a_full_width_window(qtbot, sample_window):
    fit_to_screen(sample_window, QRect(0, 0, 1366, 728))
    go_to_page(qtbot, sample_window, "tasks")
    tasks = panel(sample_window, "tasks")
    qtbot.wait(1)
    boxes = [box for box, _filter in tasks.filter_boxes.values()]
    sample_window.current_page().collapse_all()  # the count becomes "2 / 12 dòng": still one line
    qtbot.wait(1)
    assert "/" in tasks.count_label.text()
    centres = {part.geometry().center().y() for part in (tasks.search, *boxes, tasks.count_label, tasks.add_button)}
    assert max(centres) - min(centres) <= 2, centres
    assert tasks.search.width() >= 150
