"""Amounts in words at the edges the main table of tests/reports/test_words.py leaves out (DOMAIN.md rules):
"mười" + every unit, "tư" only for a unit 4 (and only when asked), -1, and what is not a whole number."""

from __future__ import annotations

import pytest

from desktop.domain.words import number_in_words

# 10–19: "mười" then the unit; 15 alone takes "lăm" (16–19 keep their own word).
TEENS = {10: "mười", 11: "mười một", 14: "mười bốn", 15: "mười lăm", 16: "mười sáu", 17: "mười bảy", 18: "mười tám",
         19: "mười chín"}


@pytest.mark.parametrize(("value", "words"), TEENS.items())
def test_ten_to_nineteen(value, words):
    assert number_in_words(value) == words


# With four_as_tu the unit 4 after a tens digit ≥ 2 is "tư"; every other unit keeps its usual word.
@pytest.mark.parametrize(("value", "words"), [
    (20, "hai mươi"), (21, "hai mươi mốt"), (22, "hai mươi hai"), (23, "hai mươi ba"), (24, "hai mươi tư"),
    (25, "hai mươi lăm"), (26, "hai mươi sáu"), (29, "hai mươi chín"), (94, "chín mươi tư"),
])
def test_tu_replaces_only_the_unit_four(value, words):
    assert number_in_words(value, four_as_tu=True) == words


def test_tu_is_not_the_default():
    assert number_in_words(24) == "hai mươi bốn"
    assert number_in_words(1_024) == "một nghìn không trăm hai mươi bốn"


def test_minus_one_and_minus_a_round_number():
    assert number_in_words(-1) == "âm một"
    assert number_in_words(-1_000) == "âm một nghìn"


@pytest.mark.parametrize("value", [0.0, 2.0, 1.5, "12", None, True])
def test_only_whole_numbers_are_spelt(value):
    with pytest.raises(TypeError):
        number_in_words(value)
