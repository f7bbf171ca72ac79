"""Vietnamese text rules: NFC normalisation for storage and an accent-insensitive key for search and duplicates."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Any horizontal white space (tab, no-break, thin and narrow no-break spaces pasted from Word or Excel); not "\n".
_SPACES = re.compile(r"[^\S\n]+")

# NFC does not unify Ð (U+00D0, Icelandic eth) with Đ (U+0110), nor old/new tone placement; map them explicitly.
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111", "\u200b": None, "\ufeff": None})
_TONE_PLACEMENT = {
    "òa": "oà", "óa": "oá", "ỏa": "oả", "õa": "oã", "ọa": "oạ",
    "òe": "oè", "óe": "oé", "ỏe": "oẻ", "õe": "oẽ", "ọe": "oẹ",
    "ùy": "uỳ", "úy": "uý", "ủy": "uỷ", "ũy": "uỹ", "ụy": "uỵ",
}


def clean_text(value: object, *, multiline: bool = False) -> str:
    """Return `value` as stored text: NFC-normalised, trimmed, runs of spaces collapsed.

    Multi-line text keeps its line breaks but each line is trimmed; empty leading/trailing lines go.
    """
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).translate(_LOOKALIKES)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if multiline:
        lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
        return "\n".join(lines).strip("\n")
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


# Every Latin letter below U+10000 (Vietnamese ones and those of foreign names: ñ, ü, ç) as runs of consecutive code
# points, first and last included: the code points whose Unicode name starts with "LATIN " (Unicode 14, Python 3.11),
# but the dingbat ✝ LATIN CROSS. Kept as data: finding them by name took 2 ms of every start-up (the first sort);
# tests/test_domain_text.py derives them from unicodedata again and fails if Python's Unicode data ever differs.
LATIN_RUNS = ((0x0041, 0x005A), (0x0061, 0x007A), (0x00C0, 0x00D6), (0x00D8, 0x00F6), (0x00F8, 0x02AF),
              (0x1D00, 0x1D25), (0x1D62, 0x1D65), (0x1D6B, 0x1D77), (0x1D79, 0x1D9A), (0x1E00, 0x1EFF),
              (0x2090, 0x209C), (0x2184, 0x2184), (0x2C60, 0x2C7C), (0x2C7E, 0x2C7F), (0xA722, 0xA76F),
              (0xA771, 0xA787), (0xA78B, 0xA7CA), (0xA7D0, 0xA7D1), (0xA7D3, 0xA7D3), (0xA7D5, 0xA7D9),
              (0xA7F5, 0xA7F7), (0xA7FA, 0xA7FF), (0xAB30, 0xAB5A), (0xAB60, 0xAB64), (0xAB66, 0xAB68),
              (0xFB00, 0xFB06))


@cache
def _latin_letters() -> list[str]:
    return [chr(code) for first, last in LATIN_RUNS for code in range(first, last + 1)]


@cache
def _strip_table() -> dict[int, str | None]:
    # One translate() pass replaces the per-character NFD walk: 20x faster, which matters at 100,000 rows.
    # Each letter maps to the first character of its canonical decomposition, its base letter ("ặ" -> "a"); a letter
    # without one maps to itself. Text is case-folded before the lookup, so the capitals' entries are never used.
    table: dict[int, str | None] = {
        ord(char): unicodedata.normalize("NFD", char)[0].casefold() for char in _latin_letters()
    }
    # NFD does not take the stroke off đ, nor off ð (Icelandic eth, which Vietnamese text pasted from some fonts uses).
    table[ord("đ")] = table[ord("ð")] = "d"
    for code in range(0x0300, 0x0370):  # stray combining marks
        table[code] = None
    return table



def search_key(value: object) -> str:
    """Return an accent-insensitive, case-insensitive key: "Đồng Nai" and "dong nai" give the same key.

    Old and new tone placement ("hoà"/"hòa") give the same key, since the marks are dropped.
    """
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value))
    return _SPACES.sub(" ", text.replace("\n", " ")).strip().casefold().translate(_strip_table())


def matches(query: str, *values: object) -> bool:
    """True when every word of `query` occurs, accent-insensitively, in one of `values`."""
    words = search_key(query).split()
    if not words:
        return True
    haystack = " ".join(search_key(v) for v in values if v is not None)
    return all(w in haystack for w in words)


# The Vietnamese alphabet order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (f j w z sort as in Latin).
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
# The tones in dictionary order, a tone's digit in the key being its place here: ngang (no mark), huyền, hỏi, ngã,
# sắc, nặng.
_TONE_MARKS = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
_VOWEL_MARKS = {"\u0306": "ă", "\u0302": "â", "\u031b": "ơ"}


_MARKED_VOWELS = {"a\u0306": "ă", "a\u0302": "â", "e\u0302": "ê", "o\u0302": "ô", "o\u031b": "ơ", "u\u031b": "ư"}


@cache
def _collation_tables() -> tuple[dict[int, str], dict[int, str]]:
    primary: dict[int, str] = {}
    tones: dict[int, str] = {}
    for char in _latin_letters():
        decomposed = unicodedata.normalize("NFD", char)
        base, marks = decomposed[0], decomposed[1:]
        letter = base
        for mark in marks:
            if mark in _VOWEL_MARKS:
                letter = _MARKED_VOWELS.get(base + mark, base)
        if letter in _RANK:  # capitals decompose to a capital base, not in _RANK: they are folded before the lookup
            primary[ord(char)] = chr(0x100 + _RANK[letter])
            # A foreign mark (ü, ñ, ç, ō, č) sorts the letter with its base, after the five tones (Muller, Müller).
            foreign = any(m not in _TONE_MARKS and m not in _VOWEL_MARKS for m in marks)
            tone_mark = next((m for m in marks if m in _TONE_MARKS), "")
            tones[ord(char)] = str(len(_TONE_MARKS) if foreign else _TONE_MARKS.index(tone_mark))
    return primary, tones



def collation_key(value: object) -> str:
    """A string whose plain code-point order is Vietnamese dictionary order (letters first, then tones).

    Written here rather than calling QCollator per comparison: sorting 100,000 rows through Python comparisons is
    seconds, while a precomputed key lets Qt (or `sorted`) compare natively; it also keeps the rule testable without
    Qt. Two translate() passes over precomputed tables keep it fast.
    """
    text = clean_text(value).casefold().translate(_LOOKALIKES)
    primary, tones = _collation_tables()
    return text.translate(primary) + "\x01" + text.translate(tones)
