"""Amounts in words: the rules of docs/domain-rules.md, checked on the numbers a Vietnamese accountant would write."""

from __future__ import annotations

import pytest

from desktop.domain.words import amount_in_words, number_in_words

CASES = [
    (0, "không"),
    (1, "một"),
    (5, "năm"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi bốn"),
    (25, "hai mươi lăm"),
    (55, "năm mươi lăm"),
    (99, "chín mươi chín"),
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (111, "một trăm mười một"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (1_000, "một nghìn"),
    (1_005, "một nghìn không trăm linh năm"),
    (1_010, "một nghìn không trăm mười"),
    (1_015, "một nghìn không trăm mười lăm"),
    (2_024, "hai nghìn không trăm hai mươi bốn"),
    (10_000, "mười nghìn"),
    (15_500, "mười lăm nghìn năm trăm"),
    (200_000, "hai trăm nghìn"),
    (1_000_000, "một triệu"),
    (1_000_005, "một triệu không trăm linh năm"),
    (1_050_000, "một triệu không trăm năm mươi nghìn"),
    (5_025_110, "năm triệu không trăm hai mươi lăm nghìn một trăm mười"),
    (21_000_000, "hai mươi mốt triệu"),
    (1_000_000_000, "một tỷ"),
    (1_394_200_000, "một tỷ ba trăm chín mươi bốn triệu hai trăm nghìn"),
    (2_005_000_000, "hai tỷ không trăm linh năm triệu"),
    (10**12, "một nghìn tỷ"),
    (10**12 + 5, "một nghìn tỷ không trăm linh năm"),
    (10**15, "một triệu tỷ"),
    (999_999_999, "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín"),
]


@pytest.mark.parametrize(("value", "words"), CASES)
def test_number_in_words(value, words):
    assert number_in_words(value) == words


def test_at_least_thirty_numbers_are_checked():
    assert len(CASES) >= 30


def test_the_plan_total_in_words():
    assert amount_in_words(1394200000) == "Một tỷ ba trăm chín mươi bốn triệu hai trăm nghìn đồng"


def test_the_seed_spelling_with_ngan():
    assert amount_in_words(1394200000, thousand="ngàn") == "Một tỷ ba trăm chín mươi bốn triệu hai trăm ngàn đồng"


@pytest.mark.parametrize(("value", "words"), [
    (105, "một trăm lẻ năm"),
    (1_005, "một nghìn không trăm lẻ năm"),
    (1_000_001, "một triệu không trăm lẻ một"),
])
def test_le_instead_of_linh(value, words):
    assert number_in_words(value, zero_tens="lẻ") == words


@pytest.mark.parametrize(("value", "words"), [
    (24, "hai mươi tư"), (14, "mười bốn"), (2_024, "hai nghìn không trăm hai mươi tư"), (104, "một trăm linh bốn"),
])
def test_tu_only_after_a_tens_digit_of_two_or_more(value, words):
    assert number_in_words(value, four_as_tu=True) == words


def test_zero_amount_and_other_currency():
    assert amount_in_words(0) == "Không đồng"
    assert amount_in_words(5, currency="") == "Năm"


def test_negative_numbers():
    assert number_in_words(-15) == "âm mười lăm"


def test_bad_options_are_refused():
    with pytest.raises(ValueError):
        number_in_words(5, zero_tens="le")
    with pytest.raises(TypeError):
        number_in_words(1.5)  # type: ignore[arg-type]
