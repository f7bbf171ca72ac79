"""Enumerations: a stored code is shown by its Vietnamese title (the words the 2024 plan and its forms print)."""

from __future__ import annotations

import pytest

from desktop.domain import choices as ch


@pytest.mark.parametrize(("code", "title"), [
    ("not_started", "Chưa thực hiện"),  # the first of the list
    ("in_progress", "Đang thực hiện"),
    ("done", "Hoàn thành"),
    ("paused", "Tạm dừng"),             # the last of the list
])
def test_each_task_status_shows_its_own_title(code, title):
    assert ch.title_of(ch.TASK_STATUSES, code) == title


@pytest.mark.parametrize(("code", "title"), [
    ("male", "Nam"),
    ("female", "Nữ"),
    ("other", "Khác"),
])
def test_each_gender_shows_its_own_title(code, title):
    assert ch.title_of(ch.GENDERS, code) == title


def test_a_code_shared_by_two_lists_takes_the_title_of_the_list_asked():
    assert ch.title_of(ch.AGENCY_KINDS, "commune") == "UBND xã, phường"
    assert ch.title_of(ch.ORG_KINDS, "enterprise") == "Doanh nghiệp ngoài KCN, CCN"
    assert ch.title_of(ch.AGENCY_KINDS, "enterprise") == "Doanh nghiệp"


def test_an_unknown_code_is_shown_as_it_is_stored():
    # a code from a newer version, or typed by hand: shown rather than hidden
    assert ch.title_of(ch.TASK_STATUSES, "archived") == "archived"
    assert ch.title_of(ch.TASK_STATUSES, "Done") == "Done"  # codes are exact, case included


@pytest.mark.parametrize("empty", [None, ""])
def test_no_code_shows_an_empty_cell(empty):
    assert ch.title_of(ch.TASK_STATUSES, empty) == ""


def test_a_choice_is_found_by_its_exact_code_only():
    found = ch.choice_by_code(ch.PLAN_STATUSES, "issued")
    assert found == ch.Choice("issued", "Đã ban hành", "Issued")
    assert ch.choice_by_code(ch.PLAN_STATUSES, "closed") == ch.Choice("closed", "Đã kết thúc", "Closed")
    assert ch.choice_by_code(ch.PLAN_STATUSES, "issue") is None
    assert ch.choice_by_code(ch.PLAN_STATUSES, "") is None


def test_the_enumerations_cannot_be_changed_in_place():
    # one Choice object is shared by every screen, workbook and document: a title changed by one would change all
    with pytest.raises(AttributeError):
        ch.TASK_STATUSES[2].title = "Xong"  # type: ignore[misc]
