"""The derived figures' rules at their edges, with expectations worked out by hand: a report handed in on its due
date, a deadline that is today, a TOE factor looked up with its unit among look-alike rows, divisions that must not
round, and weights that are zero or name a criterion nobody scored."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain import derived
from desktop.domain.derived import (
    MISSING,
    NOT_YET_DUE,
    SUBMITTED_LATE,
    SUBMITTED_ON_TIME,
    execution_percent,
    intensity,
    payback_years,
    report_state,
    task_is_overdue,
    toe,
    toe_factor,
    weighted_score,
)

DUE = "2024-12-01"


@pytest.mark.parametrize(("submitted", "state"), [
    ("2024-11-30", SUBMITTED_ON_TIME),
    ("2024-12-01", SUBMITTED_ON_TIME),  # handed in on the due date itself: on time
    ("2024-12-02", SUBMITTED_LATE),
    ("2025-01-15", SUBMITTED_LATE),
])
def test_a_report_handed_in_is_late_only_after_its_due_date(submitted, state):
    assert report_state(DUE, submitted, today=dt.date(2025, 3, 1)) == state


@pytest.mark.parametrize(("today", "state"), [
    (dt.date(2024, 11, 30), NOT_YET_DUE),
    (dt.date(2024, 12, 1), NOT_YET_DUE),  # the due date is not over until it has passed
    (dt.date(2024, 12, 2), MISSING),
])
def test_a_report_not_handed_in_is_missing_from_the_day_after_its_due_date(today, state):
    assert report_state(DUE, None, today=today) == state
    assert report_state(DUE, "", today=today) == state


def test_a_report_without_due_date_is_never_late_nor_missing():
    assert report_state(None, "2024-12-20", today=dt.date(2025, 1, 1)) == SUBMITTED_ON_TIME
    assert report_state(None, None, today=dt.date(2030, 1, 1)) == NOT_YET_DUE


def test_the_state_titles_are_the_ones_the_lists_show():
    assert derived.REPORT_STATE_TITLES == {SUBMITTED_ON_TIME: "Đã nộp đúng hạn", SUBMITTED_LATE: "Nộp muộn",
                                           NOT_YET_DUE: "Chưa đến hạn", MISSING: "Quá hạn, chưa nộp"}


@pytest.mark.parametrize(("task", "today", "overdue"), [
    ({"end_date": "2024-06-30", "status": "in_progress"}, dt.date(2024, 6, 30), False),  # the deadline is today
    ({"end_date": "2024-06-30", "status": "in_progress"}, dt.date(2024, 7, 1), True),
    ({"end_date": "2024-06-30", "status": "done"}, dt.date(2024, 7, 1), False),
    ({"end_date": "2024-06-30", "status": "paused"}, dt.date(2024, 7, 1), True),
    ({"end_date": "2024-06-30"}, dt.date(2024, 7, 1), True),  # status never set: not done, so overdue
    ({"end_date": "", "status": "in_progress"}, dt.date(2030, 1, 1), False),
])
def test_a_task_is_overdue_from_the_day_after_its_deadline_unless_done(task, today, overdue):
    assert task_is_overdue(task, today=today) is overdue


# Rows placed so that a lookup matching the resource alone, the unit alone, or anything "before"/"after" the wanted
# row in alphabetical order would stop on a wrong one first.
FACTORS = [
    {"resource": "dau_fo", "unit": "1000 lít", "toe_per_unit": 0.99},
    {"resource": "diesel", "unit": "tấn", "toe_per_unit": 1.02},
    {"resource": "xang", "unit": "1000 lít", "toe_per_unit": 0.83},
    {"resource": "diesel", "unit": "1000 kwh", "toe_per_unit": 0.5},
    {"resource": "diesel", "unit": "1000 lít", "toe_per_unit": 0.88},
    {"resource": "diesel", "unit": "tỷ lít", "toe_per_unit": 7.0},
]


def test_toe_factor_is_looked_up_by_resource_and_unit_together():
    assert toe_factor(FACTORS, "diesel", "1000 lít") == 0.88
    assert toe_factor(FACTORS, "diesel", "  1000 LÍT ") == 0.88  # the unit as typed, case and spaces aside
    assert toe_factor(FACTORS, "diesel", "tấn") == 1.02
    assert toe_factor(FACTORS, "diesel", "m3") is None
    assert toe_factor(FACTORS, "dien", "1000 kwh") is None
    assert toe_factor(reversed(FACTORS), "diesel", "1000 lít") == 0.88


def test_toe_needs_both_the_quantity_and_the_factor():
    assert toe(2.0, 1.5) == 3.0
    assert toe(None, 1.5) is None
    assert toe(2.0, None) is None
    assert toe(0, 1.5) == 0


def test_divisions_keep_their_fractions():
    assert intensity(10, 4) == 2.5  # 10 units of resource for 4 of product
    assert intensity(10, 0) is None and intensity(None, 4) is None
    assert payback_years(7_000_000, 2_000_000) == 3.5
    assert payback_years(7_000_000, 0) is None and payback_years(None, 2_000_000) is None


@pytest.mark.parametrize(("disbursed", "allocated", "percent"), [
    (12_000_000, 30_000_000, 40.0),
    (15_000_000, 45_000_000, 100 / 3),  # 33,3% on the screen
    (0, 30_000_000, 0.0),
    (30_000_000, 30_000_000, 100.0),
    (5_000_000, 0, None),
    (5_000_000, None, None),
])
def test_execution_percent(disbursed, allocated, percent):
    result = execution_percent(disbursed, allocated)
    assert result == pytest.approx(percent) if percent is not None else result is None


def test_weighted_score_ignores_zero_weights_and_unscored_criteria():
    scores = {"nang_luong": 8.0, "nuoc": 6.0, "chat_thai": 10.0}
    weights = {"nang_luong": 2, "nuoc": 1, "chat_thai": 0, "an_toan": 3}
    # (8·2 + 6·1) / (2 + 1) = 22 / 3
    assert weighted_score(scores, weights) == pytest.approx(22 / 3)
    assert weighted_score(scores, {"an_toan": 3}) is None
    assert weighted_score({}, weights) is None
