"""The overview's two charts: what they say (tooltip and accessible description, as a screen reader reads them) and
that they are drawn in the status colours, on the seeded 2024 plan and on the sample year."""

from __future__ import annotations

from PySide6.QtGui import QColor

from desktop.ui import theme
from desktop.ui.theme import STATUS_HUES
from desktop.ui.widgets.charts import nice_step
from tests.ui.helpers import go_to_page


def _colours_drawn(widget) -> set[str]:  # noqa: ANN001
    image = widget.grab().toImage()
    return {QColor(image.pixel(x, y)).name() for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}


def test_the_status_pie_counts_the_activities_of_each_status(qtbot, sample_window):
    dashboard = go_to_page(qtbot, sample_window, "dashboard")
    # Counted here from the database: activities are the tasks with a parent (the content items II.1, II.2 are not).
    rows = sample_window.ctx.store.db.execute(
        "SELECT status, count(*) FROM tasks WHERE parent_id IS NOT NULL AND plan_id = ? GROUP BY status",
        [sample_window.ctx.plan_id]).fetchall()
    expected = {status: count for status, count in rows}
    names = {"not_started": "Chưa thực hiện", "in_progress": "Đang thực hiện", "done": "Hoàn thành",
             "paused": "Tạm dừng"}
    text = dashboard.status_chart.accessibleDescription()
    assert text.splitlines()[0] == "Hoạt động theo tình trạng"
    for status, count in expected.items():
        assert f"{names[status]}: {count}" in text
    assert sum(expected.values()) == dashboard.figures["tasks"]["count"]  # the card and the pie count the same
    drawn = _colours_drawn(dashboard.status_chart)
    for status in expected:
        assert QColor(STATUS_HUES[status]).name() in drawn, status


def test_the_budget_bars_give_the_plan_total_in_full(qtbot, main_window):
    dashboard = go_to_page(qtbot, main_window, "dashboard")
    text = dashboard.budget_chart.toolTip()
    assert "Kế hoạch: 1.394.200.000" in text  # the 2024 plan's total (seed, part IV)
    assert QColor(theme.GROUP).name() in _colours_drawn(dashboard.budget_chart)  # the bars are drawn


def test_the_value_axis_takes_round_steps():
    assert nice_step(1394.2) == 500  # 1.394,2 million / 4 = 348,55 -> the next of 1, 2, 5 × 100 is 500
    assert nice_step(100) == 50  # 25 -> 50
    assert nice_step(4) == 1
    assert nice_step(0.3) == 0.1  # 0,075 -> 0,1
    assert nice_step(0) == 1  # nothing to show: an axis 0 … 4 all the same
