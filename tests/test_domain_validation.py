"""Whole-record validation (every refusal collected, in Vietnamese), cross-field checks, and row revisions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain import revisions
from desktop.domain.entities import spec
from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.validation import validate

TASKS = spec("tasks")
BUDGET = spec("budget_lines")
PARTICIPANTS = spec("participants")


def errors_of(entity, data) -> dict[str, str]:
    """field name -> Vietnamese message of every refusal."""
    with pytest.raises(ValidationError) as info:
        validate(entity, data)
    return {e.field: e.message for e in info.value.errors}


def test_validate_cleans_and_fills_defaults():
    row = validate(TASKS, {"plan_id": "p", "title": "  Tổ chức  tập huấn ", "progress": "50%", "quarters": "Quý II",
                           "start_date": "01/04/2024", "end_date": "31/12/2024", "unknown_key": "ignored"})
    assert row["title"] == "Tổ chức tập huấn"
    assert row["kind"] == "activity" and row["status"] == "not_started"
    assert row["progress"] == 50.0 and row["quarters"] == "II"
    assert row["start_date"] == "2024-04-01" and row["end_date"] == "2024-12-31"
    assert row["coordinating_ids"] == "[]"
    assert "unknown_key" not in row
    assert set(row) == set(TASKS.field_names)


def test_validate_collects_every_refused_field():
    errors = errors_of(PARTICIPANTS, {"course_id": "", "full_name": "", "gender": "Nam giới", "birth_year": "1900",
                                      "email": "abc", "satisfaction": "9", "pre_score": "11"})
    assert set(errors) == {"course_id", "full_name", "gender", "birth_year", "email", "satisfaction", "pre_score"}
    assert errors["full_name"] == "bắt buộc phải nhập"
    assert errors["birth_year"] == "không được nhỏ hơn 1920"
    assert errors["satisfaction"] == "không được lớn hơn 5"


def test_validation_error_message_names_fields_in_vietnamese():
    with pytest.raises(ValidationError) as info:
        validate(TASKS, {"plan_id": "p", "title": "", "progress": "150"})
    text = str(info.value)
    assert "Nội dung: bắt buộc phải nhập" in text
    assert "Tiến độ (%): không được lớn hơn 100" in text
    assert info.value.fields == ["title", "progress"]


def test_validation_error_from_a_plain_message():
    error = ValidationError("không hợp lệ")
    assert str(error) == "không hợp lệ" and error.errors == [FieldError("", "", "không hợp lệ")]


def test_task_cannot_end_before_it_starts():
    errors = errors_of(TASKS, {"plan_id": "p", "title": "T", "start_date": "01/12/2024", "end_date": "30/11/2024"})
    assert errors == {"end_date": "thời hạn không được trước ngày bắt đầu"}
    ok = validate(TASKS, {"plan_id": "p", "title": "T", "start_date": "01/12/2024", "end_date": "01/12/2024"})
    assert ok["end_date"] == "2024-12-01"


def test_other_date_orders():
    errors = errors_of(spec("agencies"), {"code": "X", "name": "X", "kind": "other", "valid_from": "2025-07-01",
                                          "valid_to": "2025-06-30"})
    assert errors == {"valid_to": "ngày hết hiệu lực không được trước ngày bắt đầu"}
    errors = errors_of(spec("training_courses"), {"plan_id": "p", "title": "Lớp", "start_date": "2024-06-02",
                                                  "end_date": "2024-06-01"})
    assert list(errors) == ["end_date"]


def test_budget_amount_must_equal_quantity_times_price():
    errors = errors_of(BUDGET, {"plan_id": "p", "item": "Thuê hội trường", "quantity": "2", "unit_price": "5.000.000",
                                "amount": "9.000.000"})
    assert errors == {"amount": "thành tiền phải bằng số lượng × đơn giá (10.000.000 đồng)"}
    row = validate(BUDGET, {"plan_id": "p", "item": "Thuê hội trường", "quantity": "2", "unit_price": "5.000.000",
                            "amount": "10.000.000"})
    assert row["amount"] == 10000000 and isinstance(row["amount"], int)
    lump = validate(BUDGET, {"plan_id": "p", "item": "Chi khác", "amount": "1.394.200.000"})
    assert lump["quantity"] is None and lump["amount"] == 1394200000


def test_cross_checks_wait_for_valid_fields():
    # A refused date must not also produce a confusing date-order message.
    errors = errors_of(TASKS, {"plan_id": "p", "title": "T", "start_date": "31/02/2024", "end_date": "01/01/2024"})
    assert list(errors) == ["start_date"]


def test_every_error_at_once_a_refused_field_does_not_hide_the_date_order():
    # Progress 150 is refused and the deadline is before the start: both are said on the first save, not in rounds.
    errors = errors_of(TASKS, {"plan_id": "p", "title": "T", "progress": "150", "start_date": "01/10/2024",
                               "end_date": "30/09/2024"})
    assert set(errors) == {"progress", "end_date"}
    assert "không được trước ngày bắt đầu" in errors["end_date"]


# -- revisions ------------------------------------------------------------------------------------------------------
ROW = {"plan_id": "p", "title": "Tập huấn", "progress": 50.0, "quarters": "II"}


def test_content_hash_depends_on_content_and_deletion_only():
    base = revisions.content_hash(TASKS, ROW)
    assert revisions.content_hash(TASKS, {**ROW, "updated_at": "later", "rev": "9-x"}) == base
    assert revisions.content_hash(TASKS, {**ROW, "title": "Khác"}) != base
    assert revisions.content_hash(TASKS, ROW, deleted=True) != base
    assert revisions.content_hash(TASKS, {**ROW, "progress": 50}) == base  # 50.0 from Excel is 50
    assert revisions.content_hash(TASKS, {**ROW, "note": None}) == revisions.content_hash(TASKS, {**ROW, "note": ""})
    assert len(base) == 32


def test_rev_generation_and_hash():
    assert revisions.generation(None) == 0 and revisions.generation("") == 0
    first = revisions.next_rev(None, "abc")
    assert first == "1-abc"
    second = revisions.next_rev(first, "def")
    assert second == "2-def" and revisions.generation(second) == 2 and revisions.rev_hash(second) == "def"
    assert revisions.rev_hash("nohash") == ""


def test_history_is_newest_first_and_bounded():
    history: list[str] = []
    rev = None
    for n in range(1, 30):
        history = revisions.extend_history(history, rev)
        rev = f"{n}-h{n}"
    assert history[0] == "28-h28" and len(history) == revisions.HISTORY_LENGTH
    assert revisions.extend_history(["2-b", "1-a"], "2-b") == ["2-b", "1-a"]
    assert revisions.extend_history(["1-a"], None) == ["1-a"]


def test_parse_history_tolerates_bad_text():
    assert revisions.parse_history('["2-b", "1-a"]') == ["2-b", "1-a"]
    assert revisions.parse_history(None) == [] and revisions.parse_history("") == []
    assert revisions.parse_history("{not json") == [] and revisions.parse_history('{"a": 1}') == []


@settings(deadline=None)  # a loaded CI machine must not turn a slow example into a failure
@given(st.text(min_size=1).filter(lambda s: s.strip()))
def test_hash_of_validated_row_is_stable_under_revalidation(title):
    row = validate(TASKS, {"plan_id": "p", "title": title})
    again = validate(TASKS, row)
    assert revisions.content_hash(TASKS, again) == revisions.content_hash(TASKS, row)


def test_amount_rounds_half_up_like_an_accountant():
    row = {"plan_id": "p", "item": "Nước uống", "quantity": "0,5", "unit_price": "5"}
    assert validate(BUDGET, {**row, "amount": "3"})["amount"] == 3
    assert validate(BUDGET, row)["amount"] == 3  # left blank: computed
    assert errors_of(BUDGET, {**row, "amount": "2"}) == {"amount": "thành tiền phải bằng số lượng × đơn giá (3 đồng)"}


def test_huge_quantities_are_refused_not_crashed():
    row = {"plan_id": "p", "item": "x", "quantity": "1" + "0" * 300, "unit_price": "1.000.000.000.000"}
    assert errors_of(BUDGET, row) == {"amount": "số quá lớn"}
    assert list(errors_of(BUDGET, {**row, "amount": "5"})) == ["amount"]


def test_fields_after_a_blank_computed_amount_are_still_cleaned():
    # "Thành tiền" left blank is computed (3 × 150.000 = 450.000 đồng); the columns after it are read as usual.
    row = validate(BUDGET, {"plan_id": "p", "item": "Thuê hội trường", "quantity": "3", "unit_price": "150.000",
                            "amount": "", "funding_source": "  Ngân sách  tỉnh ", "note": "Quý II"})
    assert row["amount"] == 450000
    assert row["funding_source"] == "Ngân sách tỉnh"
    assert row["note"] == "Quý II"
