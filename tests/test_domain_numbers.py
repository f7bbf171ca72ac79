"""Numbers, money, dates and tax codes as Vietnamese offices write them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.dates import DateFormatError, format_date, parse_date, to_iso, utc_now_iso
from desktop.domain.numbers import NumberFormatError, format_money, format_number, parse_decimal, parse_money
from desktop.domain.taxcode import normalize_tax_code, tax_code_error


@pytest.mark.parametrize(("text", "expected"), [
    ("1.394.200.000", Decimal("1394200000")),
    ("1394200000", Decimal("1394200000")),
    ("1,5", Decimal("1.5")),
    ("1.5", Decimal("1.5")),
    ("0,25", Decimal("0.25")),
    ("1.394.200,5", Decimal("1394200.5")),
    ("1,394,200,000", Decimal("1394200000")),
    ("1,394,200.5", Decimal("1394200.5")),  # English grouping pasted from another program: the dot is the decimal
    ("1 394 200 000", Decimal("1394200000")),
    ("1\u202f394\u202f200\u202f000", Decimal("1394200000")),
    ("1\u00a0394\u00a0200\u00a0000", Decimal("1394200000")),
    ("1.394.200.000 đồng", Decimal("1394200000")),
    ("1.394.200.000đ", Decimal("1394200000")),
    ("  200  ", Decimal("200")),
    ("-3", Decimal("-3")),
    ("+3", Decimal("3")),
    ("\u22125", Decimal("-5")),
    ("75%", Decimal("75")),
])
def test_parse_decimal_accepts_vietnamese_and_plain_forms(text, expected):
    assert parse_decimal(text) == expected


@pytest.mark.parametrize("value", [3, 2.5, Decimal("7.25")])
def test_parse_decimal_passes_numbers_through(value):
    assert parse_decimal(value) == Decimal(str(value))


@pytest.mark.parametrize("text", [
    "abc", "1..2", "1.2.3", "1,2,3", "1.23.456", "1e5", "", "   ", ".", "12a", "inf", "nan", "١٢", "٣", "1-2",
])
def test_parse_decimal_refuses_what_is_not_a_number(text):
    with pytest.raises(NumberFormatError) as info:
        parse_decimal(text)
    message = str(info.value)
    assert "số" in message  # Vietnamese: "không phải là số" / "chưa nhập số"


@pytest.mark.parametrize("value", [True, float("inf"), float("nan"), Decimal("NaN")])
def test_parse_decimal_refuses_booleans_and_non_finite_values(value):
    with pytest.raises(NumberFormatError):
        parse_decimal(value)


def test_parse_money_gives_integer_dong():
    assert parse_money("1.394.200.000") == 1394200000
    assert parse_money("1394200000") == 1394200000
    assert isinstance(parse_money("1.394.200.000"), int)
    assert parse_money(1394200000.0) == 1394200000
    assert parse_money("1.500") == 1500


@pytest.mark.parametrize("value", ["1,5", "1.5", 2.5, "0,01"])
def test_parse_money_refuses_fractions_of_a_dong(value):
    with pytest.raises(NumberFormatError, match="số nguyên đồng"):
        parse_money(value)


def test_format_money_and_number():
    assert format_money(1394200000) == "1.394.200.000"
    assert format_money(0) == "0"
    assert format_money(999) == "999"
    assert format_money(-1234567) == "-1.234.567"
    assert format_money(None) == ""
    assert format_number(1.5, 1) == "1,5"
    assert format_number(1234.56, 2) == "1.234,56"
    assert format_number(1234567.5, 1) == "1.234.567,5"


def test_format_number_without_decimals_shows_whole_numbers():
    assert format_number(1394200000) == "1.394.200.000"
    assert format_number(1234567.4) == "1.234.567"
    assert format_number(-7) == "-7"


@settings(deadline=None)  # a loaded CI machine must not turn a slow example into a failure
@given(st.integers(min_value=-10**15, max_value=10**15))
def test_format_then_parse_money_round_trips(amount):
    assert parse_money(format_money(amount)) == amount


@settings(deadline=None)  # a loaded CI machine must not turn a slow example into a failure
@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_format_then_parse_decimal_round_trips(number):
    text = format_number(number, 2)
    assert parse_decimal(text) == number


# -- dates ---------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("01/12/2024", dt.date(2024, 12, 1)),
    ("1/12/2024", dt.date(2024, 12, 1)),
    ("25.12.2024", dt.date(2024, 12, 25)),
    ("25-12-2024", dt.date(2024, 12, 25)),
    ("2024-12-25", dt.date(2024, 12, 25)),
    ("2024-12-25T08:30:00", dt.date(2024, 12, 25)),
    ("29/02/2024", dt.date(2024, 2, 29)),
    (" 14/09/2022 ", dt.date(2022, 9, 14)),
])
def test_parse_date_accepts_day_month_year_and_iso(text, expected):
    assert parse_date(text) == expected


def test_parse_date_passes_dates_through():
    assert parse_date(dt.date(2024, 1, 2)) == dt.date(2024, 1, 2)
    assert parse_date(dt.datetime(2024, 1, 2, 10, 0)) == dt.date(2024, 1, 2)


@pytest.mark.parametrize("text", ["31/02/2024", "29/02/2023", "2024-02-30", "32/01/2024", "12/31/2024", "0/0/2024"])
def test_parse_date_refuses_days_that_do_not_exist(text):
    with pytest.raises(DateFormatError, match="không tồn tại"):
        parse_date(text)


@pytest.mark.parametrize("text", ["abc", "", "2024/12/01", "1/12/24", "01/12/2024 nữa", "١/١٢/٢٠٢٤"])
def test_parse_date_refuses_what_is_not_a_date(text):
    with pytest.raises(DateFormatError, match="không phải là ngày"):
        parse_date(text)


def test_iso_and_display_forms():
    assert to_iso("01/12/2024") == "2024-12-01"
    assert to_iso("") == "" and to_iso(None) == "" and to_iso("  ") == ""
    assert format_date("2024-12-25") == "25/12/2024"
    assert format_date("") == "" and format_date(None) == ""
    assert format_date(dt.date(2024, 12, 1)) == "01/12/2024"
    assert format_date(dt.datetime(2025, 3, 9, 14, 30)) == "09/03/2025"
    stamp = utc_now_iso()
    assert stamp.endswith("Z") and dt.datetime.fromisoformat(stamp[:-1])


@settings(deadline=None)  # a loaded CI machine must not turn a slow example into a failure
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_display_then_parse_date_round_trips(day):
    assert parse_date(format_date(day.isoformat())) == day


# -- tax codes (docs/domain-rules.md worked examples) ------------------------------------------------------------
@pytest.mark.parametrize("code", ["0100233488", "0314409058", "0100233488-001", "0100233488001", " 0100233488 "])
def test_valid_tax_codes(code):
    assert tax_code_error(code) is None


def test_worked_example_check_digit():
    # docs/domain-rules.md: 0·31+1·29+0·23+0·19+2·17+3·13+3·7+4·5+8·3 = 167; 167 mod 11 = 2; 10 − 2 = 8: only 8 passes.
    accepted = [d for d in "0123456789" if tax_code_error("010023348" + d) is None]
    assert accepted == ["8"]
    # 0·31+3·29+1·23+4·19+4·17+0·13+9·7+0·5+5·3 = 332; 332 mod 11 = 2; check 8.
    assert [d for d in "0123456789" if tax_code_error("031440905" + d) is None] == ["8"]
    # A Đồng Nai code, every weight at work: 3·31+6·29+0·23+1·19+2·17+3·13+4·7+5·5+6·3 = 430; 430 mod 11 = 1; check 9.
    assert [d for d in "0123456789" if tax_code_error("360123456" + d) is None] == ["9"]


def test_check_digit_at_the_ends_of_the_remainder():
    # 1·29 + 1·3 = 32; 32 mod 11 = 10; 10 − 10 = 0: the check digit 0 is written, not 10.
    assert tax_code_error("0100000010") is None
    assert "chữ số kiểm tra" in tax_code_error("0100000011")
    # 1·29 + 5·3 = 44 ≡ 0 (mod 11): no check digit makes it valid, and the message says the number itself is wrong
    # (retyping the last digit cannot help), unlike a wrong check digit.
    for last in "0123456789":
        assert tax_code_error("010000005" + last) == "không hợp lệ (sai chữ số kiểm tra)"
    assert tax_code_error("0100233480") == "sai chữ số kiểm tra (chữ số thứ 10)"
    # 1·29 + 1·5 = 34; 34 mod 11 = 1; 10 − 1 = 9: the largest check digit.
    assert tax_code_error("0100000109") is None
    assert tax_code_error("0100000108") == "sai chữ số kiểm tra (chữ số thứ 10)"


# Digits 3–9 all zero is invalid (docs/domain-rules.md), whatever digits 1, 2 and 10 are, even when the check fits:
# 1·29 = 29; 29 mod 11 = 7; 10 − 7 = 3, so 0100000003 passes the checksum and only the zero rule refuses it.
@pytest.mark.parametrize("code", ["0100000003", "0100000000", "9900000000", "0000000000", "0100000003-001"])
def test_digits_three_to_nine_all_zero_are_refused(code):
    assert "thứ 3 đến 9" in tax_code_error(code)


# One non-zero digit at either end of the run 3–9 is enough: the rule covers exactly digits 3 to 9.
# Digit 9 only: 1·29 + 1·3 = 32 → check 0.  Digit 3 only: 1·29 + 1·23 = 52; 52 mod 11 = 8 → check 2.
# Digit 2 zero too, digit 9 non-zero: 1·3 = 3 → check 7 (digits 1–2 are not part of the rule).
@pytest.mark.parametrize("code", ["0100000010", "0110000002", "0000000017", "0100000010-001"])
def test_one_non_zero_digit_at_either_end_of_three_to_nine_is_enough(code):
    assert tax_code_error(code) is None


@pytest.mark.parametrize(("code", "reason"), [
    ("0100233480", "chữ số kiểm tra"),
    ("0100233481", "chữ số kiểm tra"),
    ("0100233488-000", "000"),
    ("0100000000", "thứ 3 đến 9"),
    ("0100000008", "thứ 3 đến 9"),
    ("010023348", "10 chữ số"),
    ("01002334881", "10 chữ số"),
    ("0100233488-01", "10 chữ số"),
    ("01OO233488", "10 chữ số"),
    ("٠١٠٠٢٣٣٤٨٨", "10 chữ số"),
])
def test_invalid_tax_codes_say_why(code, reason):
    error = tax_code_error(code)
    assert error is not None and reason in error


def test_normalize_tax_code_writes_the_branch_with_a_hyphen():
    assert normalize_tax_code("0100233488001") == "0100233488-001"
    assert normalize_tax_code(" 0100233488 ") == "0100233488"
    assert normalize_tax_code("0100233488-001") == "0100233488-001"
