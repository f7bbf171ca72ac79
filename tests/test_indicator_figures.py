"""Indicator figures worked out by hand: which data each indicator counts (from its unit and wording), its actual
from that data rather than what was typed, the rate against the target, and the model enterprise's note."""

from __future__ import annotations

import pytest

from desktop.figures.indicators import (
    ATTENDANCE,
    COURSES,
    MODEL,
    SURVEYED,
    TYPED,
    indicator_figures,
    model_task,
    plan_indicators,
    source_of,
)
from desktop.figures.survey import SurveyFigures
from desktop.figures.tasks import TaskFigures
from desktop.figures.training import TrainingFigures


@pytest.mark.parametrize(("name", "unit", "source"), [
    ("Số lớp tập huấn", "lớp", COURSES),
    ("Số lớp tập huấn", " Lớp ", COURSES),  # as typed in a cell: spaces and a capital
    ("Số doanh nghiệp được khảo sát", "lớp", COURSES),  # the unit decides first
    ("Số người tham gia tập huấn", "người", ATTENDANCE),
    ("Số học viên mỗi lớp", "Người", ATTENDANCE),
    ("SỐ NGƯỜI THAM GIA TẬP HUẤN", "người", ATTENDANCE),
    ("Số người được tuyên truyền", "người", TYPED),  # people, but not trainees: nothing counts them
    ("Số doanh nghiệp xây dựng mô hình", "doanh nghiệp", MODEL),
    ("Số doanh nghiệp khảo sát, chọn xây dựng mô hình", "doanh nghiệp", MODEL),
    ("Số doanh nghiệp được khảo sát", "doanh nghiệp", SURVEYED),
    ("SỐ DOANH NGHIỆP ĐƯỢC KHẢO SÁT", " Doanh nghiệp", SURVEYED),
    ("Số doanh nghiệp tham gia hội thảo", "doanh nghiệp", TYPED),
    ("Số doanh nghiệp được khảo sát", "đơn vị", TYPED),
    ("Số người tham gia tập huấn", "", TYPED),
    ("Tỷ lệ tiết kiệm năng lượng", "%", TYPED),
    # units sorting before and after the one that counts, with the words that would count under it
    ("Tỷ lệ học viên đạt yêu cầu sau tập huấn", "phần trăm", TYPED),
    ("Số lượt học viên tập huấn", "lượt", TYPED),
    ("Số mô hình được nhân rộng", "mô hình", TYPED),
    ("Số cơ sở áp dụng mô hình", "cơ sở", TYPED),
    ("Số cơ sở được khảo sát", "cơ sở", TYPED),
])
def test_which_data_an_indicator_counts(name, unit, source):
    assert source_of(name, unit) == source


def test_a_missing_unit_or_name_counts_nothing():
    assert source_of("Số lớp tập huấn", None) == TYPED  # type: ignore[arg-type]
    assert source_of(None, "doanh nghiệp") == TYPED  # type: ignore[arg-type]
    assert source_of(None, "lớp") == COURSES  # type: ignore[arg-type]


def _task(kind: str, title: str | None, status: str = "in_progress", progress: float = 0) -> dict:
    return {"kind": kind, "title": title, "status": status, "progress": progress}


def test_the_model_task_is_the_activity_that_builds_and_applies_it():
    item = _task("item", "Xây dựng mô hình sản xuất và áp dụng")  # a content item, not the activity
    untitled = _task("activity", None)
    builds_only = _task("activity", "Xây dựng mô hình sản xuất sạch hơn")
    applies_only = _task("activity", "Áp dụng giải pháp tiết kiệm")
    the_one = _task("activity", "XÂY DỰNG MÔ HÌNH điểm và ÁP DỤNG tại doanh nghiệp")
    second = _task("activity", "Xây dựng mô hình và áp dụng lần hai")
    assert model_task(TaskFigures(rows=[item, untitled, builds_only, applies_only, the_one, second])) is the_one
    assert model_task(TaskFigures(rows=[item, untitled, builds_only, applies_only])) is None
    assert model_task(TaskFigures()) is None


def _plan(store, indicators: list[tuple[str, str | None, float, float | None]], *, objectives: int = 1) -> str:
    plan = store.repo("plans").add({"issuer": "UBND tỉnh Đồng Nai", "year": 2099, "title": "Kế hoạch thử",
                                    "total_budget": 0})
    goals = [store.repo("objectives").add({"plan_id": plan["id"], "seq": n, "text": f"Mục tiêu {n}"})
             for n in range(objectives, 0, -1)]  # added last-first: the outline goes by number
    goals.reverse()
    for i, (name, unit, target, actual) in enumerate(indicators):
        goal = goals[0] if i < len(indicators) - 1 or objectives == 1 else goals[-1]
        store.repo("indicators").add({"objective_id": goal["id"], "seq": i + 1, "name": name, "unit": unit,
                                      "target": target, "actual": actual})
    return plan["id"]


def _courses(total: int, held: int, attended: int) -> TrainingFigures:
    courses = [{"id": f"c{n}", "start_date": "2099-03-01"} for n in range(total)]
    return TrainingFigures(courses=courses, held=courses[:held], attended=attended)


def _figures(store, plan_id, *, training=None, survey=None, tasks=None):
    return indicator_figures(store, plan_id, tasks or TaskFigures(), training or _courses(0, 0, 0),
                             survey or SurveyFigures())


def test_each_actual_comes_from_its_data_not_from_what_was_typed(empty_store):
    plan_id = _plan(empty_store, [
        ("Số lớp tập huấn", "lớp", 4, 9),
        ("Số người tham gia tập huấn", "người", 100, 7),
        ("Số doanh nghiệp được khảo sát", "doanh nghiệp", 5, 1),
        ("Số doanh nghiệp xây dựng mô hình", "doanh nghiệp", 1, 3),
        ("Tỷ lệ tiết kiệm năng lượng", "%", 8, 6),
    ])
    survey = SurveyFigures(surveyed=4, enterprises=[{"is_model": 0}, {"is_model": 1}, {"is_model": 0}])
    rows = _figures(empty_store, plan_id, training=_courses(3, 2, 45), survey=survey)
    # 2 of 3 courses held (4 planned: 50 %), 45 attended of 100 (45 %), 4 of 5 surveyed (80 %), one model
    # enterprise and no task building it (100 %), 6 typed of 8 (75 %).
    assert [(r.number, r.source, r.actual, r.percent) for r in rows] == [
        (1, COURSES, 2.0, 50.0), (2, ATTENDANCE, 45.0, 45.0), (3, SURVEYED, 4.0, 80.0), (4, MODEL, 1.0, 100.0),
        (5, TYPED, 6.0, 75.0)]
    assert [r.stored_actual for r in rows] == [9.0, 7.0, 1.0, 3.0, 6.0]
    assert [(r.name, r.unit, r.target, r.note) for r in rows][0] == ("Số lớp tập huấn", "lớp", 4.0, "")
    assert all(isinstance(r.actual, float) and isinstance(r.target, float) for r in rows)


def test_outline_order_objective_then_indicator(empty_store):
    plan_id = _plan(empty_store, [("Chỉ tiêu A", "%", 1, 1), ("Chỉ tiêu B", "%", 1, 1), ("Chỉ tiêu C", "%", 1, 1)],
                    objectives=2)
    assert [i["name"] for i in plan_indicators(empty_store, plan_id)] == ["Chỉ tiêu A", "Chỉ tiêu B", "Chỉ tiêu C"]
    assert [(r.number, r.name) for r in _figures(empty_store, plan_id)] == [
        (1, "Chỉ tiêu A"), (2, "Chỉ tiêu B"), (3, "Chỉ tiêu C")]


@pytest.mark.parametrize(("total", "held", "attended", "expected"), [
    (3, 2, 45, 23.0),   # 22,5 people per course rounds up to 23
    (3, 2, 44, 22.0),
    (4, 3, 50, 17.0),   # 16,67
    (3, 1, 45, 45.0),   # one course held: its attendees
    (3, 0, 60, 20.0),   # none held yet (dates missing): over the courses planned
    (1, 0, 30, 30.0),
    (0, 0, 12, 12.0),   # no course at all: no division
])
def test_attendance_per_course(empty_store, total, held, attended, expected):
    plan_id = _plan(empty_store, [("Số học viên tham gia tập huấn mỗi lớp", "người", 25, None)])
    (row,) = _figures(empty_store, plan_id, training=_courses(total, held, attended))
    assert row.actual == expected
    assert row.stored_actual is None


def test_attendance_in_total_unless_per_course(empty_store):
    plan_id = _plan(empty_store, [("Số người tham gia tập huấn", "người", 300, None),
                                  ("Số học viên MỖI LỚP", "người", 25, None)])
    total, per_course = _figures(empty_store, plan_id, training=_courses(3, 2, 45))
    assert (total.actual, total.percent) == (45.0, 15.0)
    assert (per_course.actual, per_course.percent) == (23.0, 92.0)


def _model_plan(store):
    return _plan(store, [("Số doanh nghiệp xây dựng mô hình", "doanh nghiệp", 2, 2)])


MODELS = SurveyFigures(enterprises=[{"is_model": 1}, {"is_model": 0}, {"is_model": 1}])


@pytest.mark.parametrize(("status", "progress", "actual", "note"), [
    ("in_progress", 60, 0.0, "đang xây dựng mô hình, đạt 60%"),
    ("in_progress", 62.5, 0.0, "đang xây dựng mô hình, đạt 63%"),  # whole per cent, half up
    ("not_started", 0, 0.0, "đang xây dựng mô hình, đạt 0%"),
    ("paused", 99.4, 0.0, "đang xây dựng mô hình, đạt 99%"),
    ("done", 100, 2.0, ""),
])
def test_a_model_counts_once_its_task_is_done(empty_store, status, progress, actual, note):
    plan_id = _model_plan(empty_store)
    tasks = TaskFigures(rows=[_task("activity", "Xây dựng mô hình và áp dụng", status, progress)])
    (row,) = _figures(empty_store, plan_id, tasks=tasks, survey=MODELS)
    assert (row.actual, row.percent, row.note) == (actual, actual / 2 * 100, note)
    assert row.stored_actual == 2.0


def test_no_model_chosen_yet_has_no_note(empty_store):
    plan_id = _model_plan(empty_store)
    tasks = TaskFigures(rows=[_task("activity", "Xây dựng mô hình và áp dụng", "in_progress", 60)])
    (row,) = _figures(empty_store, plan_id, tasks=tasks, survey=SurveyFigures(enterprises=[{"is_model": 0}]))
    assert (row.actual, row.percent, row.note) == (0.0, 0.0, "")


def test_models_count_when_the_plan_has_no_building_task(empty_store):
    plan_id = _model_plan(empty_store)
    tasks = TaskFigures(rows=[_task("activity", "Khảo sát doanh nghiệp", "in_progress", 10)])
    (row,) = _figures(empty_store, plan_id, tasks=tasks, survey=MODELS)
    assert (row.actual, row.percent, row.note) == (2.0, 100.0, "")


def test_a_typed_actual_missing_has_no_rate(empty_store):
    plan_id = _plan(empty_store, [("Tỷ lệ tiết kiệm năng lượng", None, 8, None),
                                  ("Số mô hình nhân rộng", "mô hình", 0, 3),
                                  ("Tỷ lệ tái chế", "%", 3, 0)])
    missing, no_target, zero = _figures(empty_store, plan_id)
    assert (missing.actual, missing.percent, missing.stored_actual, missing.unit) == (None, None, None, "")
    assert (no_target.actual, no_target.target, no_target.percent) == (3.0, 0.0, None)
    assert (zero.actual, zero.percent, zero.stored_actual) == (0.0, 0.0, 0.0)


@pytest.mark.parametrize(("actual", "target", "percent"), [(2, 3, 66.7), (1, 3, 33.3), (1, 8, 12.5),
                                                          (1, 2000, 0.1), (7, 4, 175.0)])
def test_the_rate_is_actual_over_target_to_one_decimal_half_up(empty_store, actual, target, percent):
    plan_id = _plan(empty_store, [("Tỷ lệ", "%", target, actual)])
    (row,) = _figures(empty_store, plan_id)
    assert row.percent == percent
