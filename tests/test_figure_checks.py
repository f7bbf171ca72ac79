"""The contradictions the figures warn about, each with its boundary, on figures written out by hand: a workshop or a
course held while its task says "not started"; a content item whose typed status differs from its activities', or
whose typed progress differs by half a per cent or more; an activity whose status and progress contradict each other;
an indicator whose typed actual differs from the data; an estimate that does not add up to the plan total."""

from __future__ import annotations

import pytest

from desktop.figures.budget import BudgetFigures
from desktop.figures.checks import FigureWarning, consistency_warnings
from desktop.figures.indicators import IndicatorFigure
from desktop.figures.survey import SurveyFigures
from desktop.figures.tasks import TaskFigures
from desktop.figures.training import TrainingFigures

TITLES = {"not_started": "Chưa thực hiện", "in_progress": "Đang thực hiện", "done": "Hoàn thành", "paused": "Tạm dừng"}


def _row(task_id, code, kind, status, progress, stored_status=None, stored_progress=None):
    return {"id": task_id, "code": code, "kind": kind, "status": status, "progress": progress,
            "status_title": TITLES[status], "stored_status": stored_status or status,
            "stored_progress": progress if stored_progress is None else stored_progress}


def _warnings(tasks=(), courses=(), workshops=(), indicators=(), budget=None):
    return consistency_warnings(TaskFigures(rows=list(tasks)), TrainingFigures(held=list(courses)),
                                SurveyFigures(held_workshops=list(workshops)), budget or BudgetFigures(),
                                list(indicators))


def test_nothing_contradicted_nothing_warned():
    assert _warnings() == []
    tasks = [_row("a", "I.1", "activity", "in_progress", 50), _row("b", "I.2", "activity", "done", 100),
             _row("c", "I.3", "activity", "not_started", 0), _row("d", "I.4", "activity", "paused", 99.5),
             _row("i", "I", "content", "in_progress", 62.4)]
    assert _warnings(tasks) == []


def test_a_workshop_or_a_course_held_while_its_task_is_not_started():
    tasks = [_row("t1", "II.2.5", "activity", "not_started", 0), _row("t2", "II.2.4", "activity", "in_progress", 60),
             _row("t3", None, "activity", "not_started", 0), _row("t4", "II.2.6", "activity", "paused", 30)]
    workshops = [{"id": "w1", "task_id": "t1", "title": "Hội thảo mô hình", "date": "2024-11-20"},
                 {"id": "w2", "task_id": "t2", "title": "Hội thảo khác", "date": "2024-11-21"},  # task started
                 {"id": "w3", "task_id": None, "title": "Hội thảo chung", "date": "2024-11-22"},  # no task
                 {"id": "w4", "task_id": "gone", "title": "Hội thảo cũ", "date": "2024-11-23"},  # task not found
                 {"id": "w5", "task_id": "t3", "title": "Hội thảo không mã", "date": "2024-11-24"},
                 {"id": "w6", "task_id": "t4", "title": "Hội thảo tạm dừng", "date": "2024-11-25"}]  # begun, paused
    courses = [{"id": "c1", "task_id": "t1", "title": "Tập huấn SXTD", "start_date": "2024-06-10"},
               {"id": "c2", "task_id": "t2", "title": "Tập huấn khác", "start_date": "2024-06-11"},
               {"id": "c3", "task_id": None, "title": "Tập huấn chung", "start_date": "2024-06-12"},
               {"id": "c4", "task_id": "t3", "title": "Tập huấn không mã", "start_date": "2024-06-13"},
               {"id": "c5", "task_id": "t4", "title": "Tập huấn tạm dừng", "start_date": "2024-06-14"}]
    assert _warnings(tasks, courses, workshops) == [
        FigureWarning("survey", "Hội thảo mô hình ghi đã tổ chức ngày 20/11/2024 nhưng nhiệm vụ II.2.5 ghi “Chưa thực "
                                "hiện”; báo cáo không nêu hội thảo cho đến khi tình trạng nhiệm vụ được cập nhật.",
                      "w1"),
        FigureWarning("survey", "Hội thảo không mã ghi đã tổ chức ngày 24/11/2024 nhưng nhiệm vụ  ghi “Chưa thực "
                                "hiện”; báo cáo không nêu hội thảo cho đến khi tình trạng nhiệm vụ được cập nhật.",
                      "w5"),
        FigureWarning("training", "Lớp “Tập huấn SXTD” ghi đã tổ chức ngày 10/06/2024 nhưng nhiệm vụ II.2.5 ghi "
                                  "“Chưa thực hiện”.", "c1"),
        FigureWarning("training", "Lớp “Tập huấn không mã” ghi đã tổ chức ngày 13/06/2024 nhưng nhiệm vụ  ghi "
                                  "“Chưa thực hiện”.", "c4"),
    ]


def test_a_content_item_typed_otherwise_than_its_activities_give():
    item = _row("i", "II.1", "content", "in_progress", 97, stored_status="done", stored_progress=100)
    nameless = _row("j", None, "content", "in_progress", 40, stored_status="not_started", stored_progress=40)
    paused = _row("k", "II.3", "content", "paused", 60, stored_status="in_progress", stored_progress=60)
    assert _warnings([item, nameless, paused]) == [
        FigureWarning("tasks", "Nội dung II.1 ghi “Hoàn thành”, 100%; theo các hoạt động của nó là “Đang thực hiện”, "
                               "97% (báo cáo dùng số theo các hoạt động)."),
        FigureWarning("tasks", "Nội dung  ghi “Chưa thực hiện”, 40%; theo các hoạt động của nó là “Đang thực hiện”, "
                               "40% (báo cáo dùng số theo các hoạt động)."),
        FigureWarning("tasks", "Nội dung II.3 ghi “Đang thực hiện”, 60%; theo các hoạt động của nó là “Tạm dừng”, "
                               "60% (báo cáo dùng số theo các hoạt động)."),
    ]


@pytest.mark.parametrize(("stored", "computed", "warned"), [
    (72.5, 72, True),   # half a per cent: warned
    (80, 72, True),
    (71.5, 72, True),   # below as well as above
    (72.4, 72, False),  # less than half a per cent: the same whole per cent printed
    (71.6, 72, False),
    (72, 72, False),
])
def test_a_content_items_progress_differs_from_half_a_per_cent(stored, computed, warned):
    item = _row("i", "I", "content", "in_progress", computed, stored_progress=stored)
    assert [w.area for w in _warnings([item])] == (["tasks"] if warned else [])


def test_an_activity_whose_status_and_progress_contradict_each_other():
    tasks = [_row("a", "II.1.1", "activity", "done", 80), _row("b", None, "activity", "in_progress", 100),
             _row("c", "II.1.3", "activity", "not_started", 5),
             # a content item is judged against its activities, not by this rule
             _row("i", "II", "content", "not_started", 30)]
    assert _warnings(tasks) == [
        FigureWarning("tasks", "Hoạt động II.1.1: Trạng thái “Hoàn thành” nhưng tiến độ mới 80%: hãy sửa trạng thái "
                               "hoặc tiến độ.", "a"),
        FigureWarning("tasks", "Hoạt động : Tiến độ đã 100% nhưng trạng thái chưa là “Hoàn thành”.", "b"),
        FigureWarning("tasks", "Hoạt động II.1.3: Trạng thái “Chưa thực hiện” nhưng tiến độ là 5%: hãy sửa trạng thái "
                               "hoặc tiến độ.", "c"),
    ]


def _indicator(source, stored, actual, name="Số người tham dự"):
    return IndicatorFigure(number=1, name=name, unit="người", target=200, actual=actual, percent=None,
                           source=source, stored_actual=stored)


def test_an_indicator_typed_otherwise_than_the_data_it_counts():
    indicators = [_indicator("attendance", 250, 281), _indicator("model", 2, 1, "Số mô hình"),
                  _indicator("typed", 5, 6),        # nothing counts it: what was typed is the figure
                  _indicator("attendance", None, 281),  # nothing typed
                  _indicator("attendance", 3, None),    # no data yet
                  _indicator("attendance", 4, 4),
                  _indicator("attendance", 0.3, 0.1 + 0.2),  # the same number, up to the float's last bit
                  _indicator("courses", 1e-9, 0.0),  # a billionth is the tolerance itself: not a difference
                  _indicator("attendance", 1.0, 2.0, "Số lớp")]  # a difference of exactly one is warned
    assert _warnings(indicators=indicators) == [
        FigureWarning("indicators", "Chỉ tiêu “Số người tham dự”: nhập tay 250, theo số liệu 281 (báo cáo dùng số "
                                    "theo số liệu)."),
        FigureWarning("indicators", "Chỉ tiêu “Số mô hình”: nhập tay 2, theo số liệu 1 (báo cáo dùng số theo số "
                                    "liệu)."),
        FigureWarning("indicators", "Chỉ tiêu “Số lớp”: nhập tay 1, theo số liệu 2 (báo cáo dùng số theo số liệu)."),
    ]


@pytest.mark.parametrize(("difference", "estimate", "expected"), [
    (1_339_200_000, 55_000_000, "Tổng dự toán chi tiết 55.000.000 đồng thấp hơn tổng kinh phí Kế hoạch "
                                "1.339.200.000 đồng."),
    (1, 1_394_199_999, "Tổng dự toán chi tiết 1.394.199.999 đồng thấp hơn tổng kinh phí Kế hoạch 1 đồng."),
    (-1, 1_394_200_001, "Tổng dự toán chi tiết 1.394.200.001 đồng vượt tổng kinh phí Kế hoạch 1 đồng."),
    (-1_000, 1_394_201_000, "Tổng dự toán chi tiết 1.394.201.000 đồng vượt tổng kinh phí Kế hoạch 1.000 đồng."),
    (0, 1_394_200_000, None),
])
def test_an_estimate_that_does_not_add_up_to_the_plan_total(difference, estimate, expected):
    budget = BudgetFigures(total_budget=1_394_200_000, lines=[{"id": "l1"}], estimate_total=estimate,
                           difference=difference)
    assert _warnings(budget=budget) == ([FigureWarning("budget", expected)] if expected else [])
    # No line typed yet: nothing to compare, no warning.
    assert _warnings(budget=BudgetFigures(total_budget=1_394_200_000, difference=1_394_200_000)) == []


def test_warnings_come_in_order_survey_training_tasks_indicators_budget_and_cannot_be_changed():
    task = _row("t", "I.1", "activity", "not_started", 10)
    warnings = _warnings([task], [{"id": "c", "task_id": "t", "title": "Lớp", "start_date": "2024-06-10"}],
                         [{"id": "w", "task_id": "t", "title": "Hội thảo", "date": "2024-06-11"}],
                         [_indicator("attendance", 1, 2)], BudgetFigures(lines=[{"id": "l"}], difference=5))
    assert [w.area for w in warnings] == ["survey", "training", "tasks", "indicators", "budget"]
    with pytest.raises(AttributeError):
        warnings[0].text = "khác"
