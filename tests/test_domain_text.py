"""Vietnamese text rules: NFC storage form, trimming, and the accent-insensitive search key."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.text import clean_text, matches, search_key

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
