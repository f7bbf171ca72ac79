"""Rounding of printed figures, from the rule of Vietnamese documents: halves go up (away from zero), on the decimal
the user typed or a computation gave, never on the binary float (7,175 prints 7,18, not 7,17)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from desktop.figures.rounding import half_up, percent_of, to_decimal


def test_a_decimal_is_taken_as_it_is():
    exact = Decimal("0.12345678901234567890123")  # more digits than a float holds
    assert to_decimal(exact) is exact


def test_a_whole_number_stays_exact_even_beyond_a_float():
    assert to_decimal(10**20 + 1) == Decimal("100000000000000000001")
    assert to_decimal(7) == Decimal(7)


def test_a_float_is_the_decimal_it_prints_as():
    assert to_decimal(7.175) == Decimal("7.175")  # the binary float is 7.17499999…
    assert to_decimal(0.1) == Decimal("0.1")


@pytest.mark.parametrize(("value", "decimals", "expected"), [
    (7.175, 2, 7.18), (5.975, 2, 5.98), (7.174, 2, 7.17), (7.1749, 2, 7.17),
    (0.125, 2, 0.13), (84.45, 1, 84.5), (84.44, 1, 84.4),
    (2.5, 0, 3.0), (3.5, 0, 4.0), (2.49, 0, 2.0), (-2.5, 0, -3.0),  # halves away from zero, not to even
    (1250, -2, 1300.0), (1249, -2, 1200.0),  # to whole hundreds
    (Decimal("1.005"), 2, 1.01), (7, 2, 7.0),
])
def test_halves_are_rounded_up(value, decimals, expected):
    assert half_up(value, decimals) == expected


def test_whole_units_by_default_and_a_float_back():
    assert half_up(22.5) == 23.0 and half_up(22.49) == 22.0
    assert isinstance(half_up(Decimal("2.5")), float) and isinstance(half_up(3), float)


def test_nothing_stays_nothing():
    assert half_up(None) is None and half_up(None, 2) is None


@pytest.mark.parametrize(("part", "whole", "decimals", "expected"), [
    (1, 3, 1, 33.3), (2, 3, 1, 66.7), (1, 8, 1, 12.5), (1, 8, 0, 13.0), (1, 8, 2, 12.5),
    (1, 2000, 1, 0.1),   # 0,05 % rounds up to 0,1 (to even would give 0,0)
    (1, 2001, 1, 0.0),   # 0,04997… %
    (45, 50, 1, 90.0), (60, 50, 1, 120.0), (0, 50, 1, 0.0), (-100, 1000, 1, -10.0),
    (0.07175, 1, 2, 7.18),  # 7,175 % on the decimal value
])
def test_a_part_of_a_whole_in_per_cent(part, whole, decimals, expected):
    assert percent_of(part, whole, decimals) == expected


def test_one_decimal_place_by_default():
    assert percent_of(1, 3) == 33.3 and percent_of(1, 6) == 16.7


@pytest.mark.parametrize("whole", [0, 0.0, None])
def test_no_whole_no_percentage(whole):
    assert percent_of(5, whole) is None
