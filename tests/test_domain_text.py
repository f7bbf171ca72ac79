"""Vietnamese text rules: NFC storage form, trimming, the accent-insensitive search key, dictionary order."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.text import clean_text, collation_key, matches, search_key

DECOMPOSED = unicodedata.normalize("NFD", "Đồng Nai tập huấn")


def test_clean_text_gives_nfc_for_decomposed_input():
    cleaned = clean_text(DECOMPOSED)
    assert cleaned == "Đồng Nai tập huấn"
    assert unicodedata.is_normalized("NFC", cleaned)
    assert len(cleaned) < len(DECOMPOSED)


def test_clean_text_trims_and_collapses_spaces():
    assert clean_text("  Sở \t Công\u00a0 Thương  ") == "Sở Công Thương"
    assert clean_text("a\nb") == "a b"
    assert clean_text(None) == ""
    assert clean_text(2024) == "2024"


def test_clean_text_handles_spaces_pasted_from_office_programs():
    assert clean_text("\ufeffSở\u2003 Công\u202fThương\u200b ") == "Sở Công Thương"
    assert clean_text("a\u2009\n\u00a0b", multiline=True) == "a\nb"


def test_clean_text_multiline_keeps_lines_trims_each():
    text = "\n  a)  Chủ trì  \r\n b) Phối hợp \r\n\n"
    assert clean_text(text, multiline=True) == "a) Chủ trì\nb) Phối hợp"


def test_icelandic_eth_becomes_vietnamese_d_with_stroke():
    assert clean_text("\u00d0ồng Nai") == "\u0110ồng Nai"
    assert clean_text("\u00f0ường") == "\u0111ường"


def test_search_key_ignores_accents_and_case():
    assert search_key("tập huấn") == search_key("tap huan") == "tap huan"
    assert search_key("Đồng Nai") == search_key("dong nai") == "dong nai"
    assert search_key("ĐỒNG NAI") == "dong nai"


def test_search_key_unifies_eth_and_d_with_stroke():
    assert search_key("\u00d0ồng Nai") == search_key("\u0110ồng Nai")


def test_search_key_unifies_tone_placement():
    assert search_key("hoà") == search_key("hòa")
    assert search_key("Biên Hoà") == search_key("Biên Hòa")
    assert search_key("thuỷ") == search_key("thủy")
    assert search_key("khoẻ") == search_key("khỏe")


def test_search_key_of_decomposed_text_equals_precomposed():
    assert search_key(DECOMPOSED) == search_key("Đồng Nai tập huấn")


def test_matches_every_word_somewhere():
    assert matches("tap huan", "Tổ chức tập huấn")
    assert matches("dong nai bao", "Báo Đồng Nai")
    assert matches("bien hoa", "UBND thành phố Biên Hoà")
    assert not matches("long khanh", "UBND thành phố Biên Hòa")
    assert matches("", "anything")
    assert matches("hoa", None, "hóa chất")


@settings(deadline=None)  # a loaded CI machine must not turn a slow example into a failure
@given(st.text())
def test_search_key_is_idempotent(text):
    key = search_key(text)
    assert search_key(key) == key


@settings(deadline=None)  # a loaded CI machine must not turn a slow example into a failure
@given(st.text())
def test_clean_text_is_idempotent_and_nfc(text):
    once = clean_text(text)
    assert clean_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert once == once.strip()


@settings(deadline=None)  # a loaded CI machine must not turn a slow example into a failure
@given(st.text())
def test_clean_multiline_is_idempotent(text):
    once = clean_text(text, multiline=True)
    assert clean_text(once, multiline=True) == once


# Vietnamese dictionary order, written out by hand: the alphabet a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư
# v x y (f j w z of foreign words in their Latin places), letters compared first, then the tones in the order
# ngang, huyền, hỏi, ngã, sắc, nặng.
ALPHABET_IN_ORDER = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()


def test_alphabet_order_puts_marked_vowels_after_their_base_and_d_with_stroke_after_d():
    assert sorted(reversed(ALPHABET_IN_ORDER), key=collation_key) == ALPHABET_IN_ORDER
    assert sorted(["y", "z"], key=collation_key) == ["y", "z"]  # z, the last letter, stays last
    assert sorted(["e", "đa", "dz"], key=collation_key) == ["dz", "đa", "e"]


def test_capitals_sort_with_their_small_letters():
    capitals = [letter.upper() for letter in ALPHABET_IN_ORDER]
    assert sorted(reversed(capitals), key=collation_key) == capitals
    assert collation_key("ĐỒNG NAI") == collation_key("đồng nai")
    assert collation_key("Ă") == collation_key("ă")


def test_five_tones_follow_the_toneless_syllable_in_dictionary_order():
    for toneless_first in (["ma", "mà", "mả", "mã", "má", "mạ"],
                           ["ơ", "ờ", "ở", "ỡ", "ớ", "ợ"],  # a vowel with its own mark and a tone
                           ["ư", "ừ", "ử", "ữ", "ứ", "ự"],
                           ["ă", "ằ", "ẳ", "ẵ", "ắ", "ặ"],
                           ["y", "ỳ", "ỷ", "ỹ", "ý", "ỵ"]):
        assert sorted(reversed(toneless_first), key=collation_key) == toneless_first


def test_letters_decide_before_tones():
    assert sorted(["mac", "mạ"], key=collation_key) == ["mạ", "mac"]  # "ma" < "mac" whatever the tone
    assert sorted(["Hai", "Hà Nam"], key=collation_key) == ["Hà Nam", "Hai"]  # word by word: "ha" < "hai"
    assert sorted(["ăn", "anh"], key=collation_key) == ["anh", "ăn"]  # a < ă decides before n < nh
    assert sorted(["bằng", "bạn"], key=collation_key) == ["bạn", "bằng"]
    assert sorted(["ầu", "âm"], key=collation_key) == ["âm", "ầu"]  # â with a tone is still â


def test_numbers_sort_before_letters_as_in_excel():
    assert sorted(["Ấp A", "Ấp 2", "Ấp 1"], key=collation_key) == ["Ấp 1", "Ấp 2", "Ấp A"]


def test_foreign_names_sort_with_their_base_letter_after_the_toneless_and_toned_forms():
    # ü, č, ō are not Vietnamese letters: they sort as u, c, o (as Excel does), a marked one after the plain one.
    assert sorted(["Mỹ", "Müller", "Muller", "Mùi", "Mai"], key=collation_key) == ["Mai", "Mùi", "Muller", "Müller",
                                                                                   "Mỹ"]
    assert sorted(["Dũng", "Čech", "Chi", "Cao"], key=collation_key) == ["Cao", "Čech", "Chi", "Dũng"]
    assert sorted(["Ơn", "Ōsaka", "Oanh"], key=collation_key) == ["Oanh", "Ōsaka", "Ơn"]  # ō is an o, not an ơ
    assert sorted(["Mú", "Mü"], key=collation_key) == ["Mú", "Mü"]  # after sắc and nặng too
    assert sorted(["ụ", "ü"], key=collation_key) == ["ụ", "ü"]


def test_search_key_drops_every_vietnamese_mark_and_the_stroke_of_d():
    assert search_key("Trường Đại học Sư phạm Kỹ thuật") == "truong dai hoc su pham ky thuat"
    assert search_key("Nguyễn Thị Hồng Hạnh, Phước Bửu, Ẵm") == "nguyen thi hong hanh, phuoc buu, am"
    assert search_key("ðường") == "duong"  # the eth in small letters too


def test_search_key_drops_accents_of_foreign_names():
    assert search_key("Nestlé Müller Peñalosa Façade Ångström") == "nestle muller penalosa facade angstrom"


def test_search_key_drops_stray_combining_marks_and_nothing_next_to_them():
    # U+0300 and U+036F are the first and last combining diacritical marks; NFC cannot put them on a "b".
    assert search_key("b\u0300") == "b"
    assert search_key("b\u036f") == "b"
    assert search_key("b\u02ff") == "b\u02ff"  # U+02FF, just before the block, is a modifier letter: kept


def test_multiline_is_named_at_every_call():
    # Keyword-only, so that a call reads clean_text(note, multiline=True), never an unexplained clean_text(note, True).
    with pytest.raises(TypeError):
        clean_text("a\nb", True)  # type: ignore[misc]
    assert clean_text("a\nb", multiline=True) == "a\nb"


def test_the_latin_runs_are_every_latin_letter():
    # The search and sort tables are built from these runs; a letter outside them would sort by code point.
    import unicodedata

    from desktop.domain.text import LATIN_RUNS

    named = {code for code in range(0x10000) if unicodedata.name(chr(code), "").startswith("LATIN ")}
    runs = {code for first, last in LATIN_RUNS for code in range(first, last + 1)}
    assert named - runs == {0x271D}  # ✝ LATIN CROSS, a dingbat
    assert runs <= named
