"""Vietnamese text rules: NFC normalisation for storage and an accent-insensitive key for search and duplicates."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[ \t\u00a0]+")

# NFC does not unify Ð (U+00D0, Icelandic eth) with Đ (U+0110), nor old/new tone placement; map them explicitly.
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})
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


def search_key(value: object) -> str:
    """Return an accent-insensitive, case-insensitive key: "Đồng Nai" and "dong nai" give the same key."""
    text = clean_text(value, multiline=False).casefold()
    for old, new in _TONE_PLACEMENT.items():
        text = text.replace(old, new)
    text = text.replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def matches(query: str, *values: object) -> bool:
    """True when every word of `query` occurs, accent-insensitively, in one of `values`."""
    words = search_key(query).split()
    if not words:
        return True
    haystack = " ".join(search_key(v) for v in values if v is not None)
    return all(w in haystack for w in words)
