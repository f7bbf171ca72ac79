"""Tasks as an outline: content items collapse and expand (click on the arrow, ← / →, all at once), their status and
progress rolled up from their activities, search still finding collapsed activities; the quarter timeline shows
every task and prints."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import Qt

from tests.ui.helpers import go_to_page, panel


def _content_and_activities(window) -> tuple[dict, list[dict]]:
    rows = window.ctx.store.repo("tasks").rows(plan_id=window.ctx.plan_id)
    content = next(r for r in rows if r["kind"] == "content" and any(a["parent_id"] == r["id"] for a in rows))
    return content, [a for a in rows if a["parent_id"] == content["id"] and a["kind"] == "activity"]


def test_a_content_item_shows_the_progress_of_its_activities(qtbot, sample_window, answers):
    go_to_page(qtbot, sample_window, "tasks")
    tasks = panel(sample_window, "tasks")
    content, activities = _content_and_activities(sample_window)
    mean = sum(Decimal(str(a["progress"] or 0)) for a in activities) / len(activities)
    expected = int(mean.quantize(Decimal("1"), rounding=ROUND_HALF_UP))
    shown = tasks.model.row_at(tasks.model.view_row_of(content["id"]))
    assert shown["progress"] == expected
    column = [c.key for c in tasks.model.columns].index("progress")
    assert tasks.model.index(tasks.model.view_row_of(content["id"]), column).data() == f"{expected}%"
    # An activity finished: its content item's progress follows.
    from desktop.ui.widgets.list_actions import commit_cell

    first = tasks.model.row_at(tasks.model.view_row_of(activities[0]["id"]))
    assert commit_cell(tasks, first, "progress", 100) or answers.asked
    stored = {a["id"]: a for a in sample_window.ctx.store.repo("tasks").rows(plan_id=sample_window.ctx.plan_id)}
    mean = sum(Decimal(str(stored[a["id"]]["progress"] or 0)) for a in activities) / len(activities)
    expected = int(mean.quantize(Decimal("1"), rounding=ROUND_HALF_UP))
    assert tasks.model.row_at(tasks.model.view_row_of(content["id"]))["progress"] == expected


def test_content_items_collapse_and_search_still_finds_their_activities(qtbot, sample_window):
    page = go_to_page(qtbot, sample_window, "tasks")
    tasks = panel(sample_window, "tasks")
    content, activities = _content_and_activities(sample_window)
    before = tasks.model.rowCount()
    position = tasks.model.view_row_of(content["id"])
    rect = tasks.view.visualRect(tasks.model.index(position, 0))
    qtbot.mouseClick(tasks.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # the arrow's column
    assert tasks.model.rowCount() == before - len(activities)
    assert all(tasks.model.view_row_of(a["id"]) < 0 for a in activities)
    tasks.search.setText(activities[0]["title"][:25])
    assert tasks.model.view_row_of(activities[0]["id"]) >= 0  # a search looks inside collapsed items
    tasks.search.clear()
    assert tasks.model.view_row_of(activities[0]["id"]) < 0
    tasks.select_row(content["id"])
    tasks.view.setFocus()
    qtbot.keyClick(tasks.view, Qt.Key.Key_Right)
    assert tasks.model.rowCount() == before
    page.collapse_all()
    contents = [r for r in tasks.model.all_rows() if r["kind"] == "content"]
    assert tasks.model.rowCount() == len(contents)
    page.expand_all()
    assert tasks.model.rowCount() == before


def test_the_quarter_timeline_has_every_task_and_prints(qtbot, sample_window, tmp_path):
    from PySide6.QtGui import QPageLayout, QPageSize
    from PySide6.QtPrintSupport import QPrinter

    page = go_to_page(qtbot, sample_window, "tasks")
    page.tabs.setCurrentIndex(1)
    count = len(sample_window.ctx.store.repo("tasks").rows(plan_id=sample_window.ctx.plan_id))
    assert len(page.timeline.tasks) == count
    assert page.timeline.isVisible() and page.timeline.height() >= 26 + 22 * count
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "timeline.pdf"))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    page.render_timeline(printer)
    import subprocess

    text = subprocess.run(["pdftotext", str(tmp_path / "timeline.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Quý I/2024" in text and "Quý IV/2024" in text
    assert "II.1" in text


def test_only_content_items_carry_the_arrow_and_the_heading_colour_when_painted(qtbot, main_window):
    # As the table's delegate prepares each cell for painting (Qt 6 asks for every role of a cell at once and reuses
    # what it asked for from cell to cell): an activity painted after a content item has neither its arrow nor its tint.
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyleOptionViewItem

    page = go_to_page(qtbot, main_window, "tasks")
    view, model = page.panel.view, page.panel.model
    delegate = view.itemDelegate()
    kinds = [model.row_at(r).get("kind") for r in range(model.rowCount())]
    content, activity = kinds.index("content"), kinds.index("activity")
    painted = {}
    for row in (content, activity, content, activity):
        for column in (0, 2):
            option = QStyleOptionViewItem()
            delegate.initStyleOption(option, model.index(row, column))
            painted[(row, column)] = (not option.icon.isNull(), option.backgroundBrush.style() != Qt.BrushStyle.NoBrush)
    assert painted[(content, 0)] == (True, True)  # the arrow and the heading's tint
    assert painted[(content, 2)] == (False, True)  # the tint along the row, the arrow only in the first column
    assert painted[(activity, 0)][0] is False and painted[(activity, 2)][0] is False
