"""Derived figures: amount from quantity × price, report states, TOE, intensity, payback, scores, sort order."""

import datetime as dt

import pytest

from desktop.domain import derived
from desktop.domain.entities import BUDGET_LINES
from desktop.domain.errors import ValidationError
from desktop.domain.text import collation_key
from desktop.domain.validation import validate


def test_budget_amount_left_blank_is_quantity_times_unit_price():
    typed = {"plan_id": "p", "item": "Thuê hội trường", "quantity": "2", "unit_price": "5.000.000"}
    row = validate(BUDGET_LINES, typed)
    assert row["amount"] == 10_000_000


def test_budget_amount_blank_without_quantity_is_refused():
    with pytest.raises(ValidationError) as error:
        validate(BUDGET_LINES, {"plan_id": "p", "item": "Thuê hội trường"})
    assert error.value.fields == ["amount"]


def test_budget_amount_typed_must_match_quantity_times_price():
    with pytest.raises(ValidationError) as error:
        validate(BUDGET_LINES, {"plan_id": "p", "item": "x", "quantity": 2, "unit_price": 100, "amount": 250})
    assert "số lượng × đơn giá" in str(error.value)


def test_report_states():
    today = dt.date(2024, 12, 10)
    assert derived.report_state("2024-12-01", "2024-11-30", today) == derived.SUBMITTED_ON_TIME
    assert derived.report_state("2024-12-01", "2024-12-03", today) == derived.SUBMITTED_LATE
    assert derived.report_state("2024-12-01", None, today) == derived.MISSING
    assert derived.report_state("2024-12-25", None, today) == derived.NOT_YET_DUE


def test_task_overdue_only_when_not_done_and_past_deadline():
    today = dt.date(2025, 1, 5)
    assert derived.task_is_overdue({"end_date": "2024-12-31", "status": "in_progress"}, today)
    assert not derived.task_is_overdue({"end_date": "2024-12-31", "status": "done"}, today)
    assert not derived.task_is_overdue({"end_date": "2025-03-31", "status": "in_progress"}, today)


def test_toe_intensity_payback_weighted_score():
    factors = [{"resource": "electricity", "unit": "kWh", "toe_per_unit": 0.0001543}]
    factor = derived.toe_factor(factors, "electricity", "KWH")
    assert derived.toe(1_000_000, factor) == pytest.approx(154.3)
    assert derived.toe_factor(factors, "coal", "tấn") is None
    assert derived.intensity(500, 100) == 5
    assert derived.intensity(500, 0) is None
    assert derived.payback_years(300_000_000, 100_000_000) == 3
    assert derived.payback_years(300_000_000, 0) is None
    assert derived.weighted_score({"a": 8, "b": 6}, {"a": 3, "b": 1}) == pytest.approx(7.5)


def test_vietnamese_dictionary_order():
    words = ["Đông", "Dũng", "anh", "Ánh", "ăn", "âm", "Bình", "hóa", "hoa", "Hòa", "Ư", "uyên", "Ý", "Zoe"]
    assert sorted(words, key=collation_key) == ["anh", "Ánh", "ăn", "âm", "Bình", "Dũng", "Đông", "hoa", "Hòa",
                                                "hóa", "uyên", "Ư", "Ý", "Zoe"]
