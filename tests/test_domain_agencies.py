"""The 2025 reform as rules on dates, worked by hand: when an agency is in force, the name it bore, its successors,
and the kind an office's list gives it.

The district level ended on 1 July 2025: a district's last day is 30 June 2025 (valid_to), a new commune's first
day is 1 July 2025 (valid_from). Both dates are included in the agency's validity.
"""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain import agencies as rules

DISTRICT = {"valid_to": "2025-06-30"}  # last day 30/06/2025
COMMUNE = {"valid_from": "2025-07-01"}  # first day 01/07/2025


# --- ended_before: the valid-to day itself is still a day of the agency --------------------------------------------

@pytest.mark.parametrize(("day", "ended"), [
    ("2025-06-29", False),  # the day before its last day
    ("2025-06-30", False),  # its last day: it still exists
    ("2025-07-01", True),   # the day after: it has ended
    (dt.date(2025, 7, 1), True),
    (dt.date(2025, 6, 30), False),
])
def test_an_agency_has_ended_only_after_its_last_day(day, ended):
    assert rules.ended_before(DISTRICT, day) is ended


def test_an_agency_without_an_end_date_never_ends():
    assert rules.ended_before({"valid_to": None}, "2999-12-31") is False
    assert rules.ended_before({}, "2999-12-31") is False


# --- in_force_during: both ends of the period are included --------------------------------------------------------

@pytest.mark.parametrize(("first", "last", "expected"), [
    ("2025-06-30", "2025-07-31", True),   # the period starts on the district's last day
    ("2025-07-01", "2025-07-31", False),  # the period starts the day after it ended
    ("2025-01-01", "2025-06-29", True),   # the period ends the day before its last day
])
def test_a_district_is_in_force_on_its_last_day_and_not_after(first, last, expected):
    assert rules.in_force_during(DISTRICT, first, last) is expected


@pytest.mark.parametrize(("first", "last", "expected"), [
    ("2025-06-01", "2025-07-01", True),   # the period ends on the commune's first day
    ("2025-06-01", "2025-06-30", False),  # the period ends the day before it began
    ("2025-07-02", "2025-12-31", True),   # a period wholly after its first day
])
def test_a_commune_is_in_force_from_its_first_day(first, last, expected):
    assert rules.in_force_during(COMMUNE, first, last) is expected


def test_an_agency_with_both_dates_is_in_force_only_between_them():
    sct_merged = {"valid_from": "2025-03-01", "valid_to": "2025-06-30"}
    assert rules.in_force_during(sct_merged, dt.date(2025, 2, 1), dt.date(2025, 2, 28)) is False
    assert rules.in_force_during(sct_merged, dt.date(2025, 2, 1), dt.date(2025, 3, 1)) is True
    assert rules.in_force_during(sct_merged, dt.date(2025, 6, 30), dt.date(2025, 8, 1)) is True
    assert rules.in_force_during(sct_merged, dt.date(2025, 7, 1), dt.date(2025, 8, 1)) is False
    assert rules.in_force_during({}, "1900-01-01", "1900-01-01") is True  # no dates: always in force


# --- in_force_in_year: 1 January and 31 December are days of the year ---------------------------------------------

def test_an_agency_ended_on_new_year_s_day_is_in_force_that_year():
    ended_1_january = {"valid_to": "2026-01-01"}
    assert rules.in_force_in_year(ended_1_january, 2026) is True
    assert rules.in_force_in_year(ended_1_january, 2027) is False
    ended_2_january = {"valid_to": "2026-01-02"}
    assert rules.in_force_in_year(ended_2_january, 2026) is True


def test_an_agency_ended_on_new_year_s_eve_is_not_in_force_the_next_year():
    ended_31_december = {"valid_to": "2025-12-31"}
    assert rules.in_force_in_year(ended_31_december, 2025) is True
    assert rules.in_force_in_year(ended_31_december, 2026) is False


def test_an_agency_founded_on_new_year_s_eve_is_in_force_that_year():
    founded_31_december = {"valid_from": "2025-12-31"}
    assert rules.in_force_in_year(founded_31_december, 2025) is True
    assert rules.in_force_in_year(founded_31_december, 2024) is False
    founded_30_december = {"valid_from": "2025-12-30"}
    assert rules.in_force_in_year(founded_30_december, 2025) is True


def test_the_reform_year_holds_both_the_districts_and_the_new_communes():
    assert rules.in_force_in_year(DISTRICT, 2025) and rules.in_force_in_year(COMMUNE, 2025)
    assert not rules.in_force_in_year(DISTRICT, 2026)
    assert not rules.in_force_in_year(COMMUNE, 2024)


# --- name_at: the new name from the day of the rename itself ------------------------------------------------------

RENAMED = {"name": "Sở Nông nghiệp và Môi trường", "former_name": "Sở Nông nghiệp và Phát triển nông thôn",
           "renamed_on": "2025-03-01"}


@pytest.mark.parametrize(("day", "expected"), [
    ("2025-02-28", "Sở Nông nghiệp và Phát triển nông thôn"),  # the day before the rename
    (dt.date(2025, 2, 28), "Sở Nông nghiệp và Phát triển nông thôn"),
    ("2025-03-01", "Sở Nông nghiệp và Môi trường"),             # the day of the rename itself
    (dt.date(2025, 3, 1), "Sở Nông nghiệp và Môi trường"),
    ("2025-03-02", "Sở Nông nghiệp và Môi trường"),
    (None, "Sở Nông nghiệp và Môi trường"),                     # no date: today's name
])
def test_the_name_on_a_date_changes_on_the_day_of_the_rename(day, expected):
    assert rules.name_at(RENAMED, day) == expected


def test_a_rename_needs_both_the_former_name_and_its_date():
    no_date = {"name": "Sở Tài chính", "former_name": "Sở Tài chính cũ", "renamed_on": None}
    no_former = {"name": "Sở Tài chính", "former_name": "", "renamed_on": "2025-03-01"}
    assert rules.name_at(no_date, "2000-01-01") == "Sở Tài chính"
    assert rules.name_at(no_former, "2000-01-01") == "Sở Tài chính"
    assert rules.name_at({"name": None}, "2025-01-01") == ""


# --- successor_ids: as stored (a JSON list) or as given (a list) ---------------------------------------------------

@pytest.mark.parametrize(("stored", "expected"), [
    ('["xa-long-thanh", "xa-an-phuoc"]', ["xa-long-thanh", "xa-an-phuoc"]),  # stored order kept
    (["xa-an-phuoc", "xa-long-thanh"], ["xa-an-phuoc", "xa-long-thanh"]),
    (("xa-long-thanh", ""), ["xa-long-thanh"]),  # an empty id names no agency
    ('["xa-1", null]', ["xa-1"]),
    ("[7]", ["7"]),
    (None, []),
    ("", []),
    ("[]", []),
    ("not json at all", []),          # a damaged cell names no successor, it does not crash the list
    ('{"id": "xa-1"}', []),           # JSON, but not a list
    (42, []),
])
def test_successors_are_the_listed_ids_in_order(stored, expected):
    assert rules.successor_ids({"successor_ids": stored}) == expected


def test_an_agency_without_successors_has_none():
    assert rules.successor_ids({}) == []


# --- kind_from_text: what an office's list writes in the "kind" column --------------------------------------------

@pytest.mark.parametrize(("written", "kind"), [
    # a kind's code, as an export writes it
    ("commune", "commune"),
    ("province", "province"),
    ("other", "other"),
    ("press", "press"),
    # a kind's title, in any case
    ("Khác", "other"),
    ("KHÁC", "other"),
    ("khác", "other"),
    ("Doanh nghiệp", "enterprise"),
    ("UBND xã, phường", "commune"),
    # the first words of an agency's name
    ("Xã", "commune"),
    ("Xã Phú Hữu", "commune"),
    ("xã An Phước", "commune"),
    ("  Phường   Trảng Dài ", "commune"),
    ("UBND xã Long Thành", "commune"),
    ("Thị trấn Vĩnh An", "commune"),
    ("Đặc khu Côn Đảo", "commune"),
    ("Huyện Xuân Lộc", "district"),
    ("UBND huyện Long Thành", "district"),
    ("Thị xã Long Khánh", "district"),
    ("UBND tỉnh Đồng Nai", "province"),
    ("Tỉnh", "province"),
    ("Sở Công Thương", "department"),
    ("Ban Quản lý các KCN", "department"),
    ("Bộ Công Thương", "ministry"),
    ("Báo Đồng Nai", "press"),
    ("Đài Phát thanh và Truyền hình", "press"),
    ("Doanh nghiệp tư nhân An Bình", "enterprise"),
])
def test_a_kind_is_read_from_what_a_list_writes(written, kind):
    assert rules.kind_from_text(written) == kind


@pytest.mark.parametrize("written", [
    "Viện Nghiên cứu",     # after "ubnd xa" in dictionary order
    "Hội Nông dân",        # before it
    "Sóc Bom Bo",          # starts with the letters of "so" but not the word "Sở"
    "Xãhội",               # no space after "xã": not the word
    "Ủy ban MTTQ",
    "PROVINCE",            # a code is written in lower case
])
def test_an_unknown_kind_is_left_as_written_for_validation_to_refuse(written):
    assert rules.kind_from_text(written) == written


@pytest.mark.parametrize("value", [None, 5, 2.5])
def test_a_cell_that_is_not_text_is_left_as_it_is(value):
    assert rules.kind_from_text(value) == value
