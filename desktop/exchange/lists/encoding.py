"""Text of a list typed in the old Vietnamese fonts (TCVN3 .VnTime, VNI-Times), converted to Unicode sheet by sheet.

The workbook import converts a cell only when it holds a character Unicode Vietnamese never uses (legacy.suspect),
which misses legacy words made only of letters Unicode shares: "Giíi tÝnh" (TCVN3 for "Giới tính") or "Nguyeãn"
(VNI for "Nguyễn"). A district's list is typed in one font throughout, so the sheet decides: when its cells that are
surely legacy outnumber those that are surely Unicode (letters beyond Latin-1, such as ư, ơ, ạ, ế), every cell made
only of Latin-1 letters is converted too, when the result is Vietnamese.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

from desktop.exchange import legacy

_FORCED = {"tcvn3": legacy.tcvn3_to_unicode, "vni": legacy.vni_to_unicode}


def _latin1_only(text: str) -> bool:
    return all(ord(ch) <= 0xFF for ch in text) and any(ord(ch) > 0x7F for ch in text)


def _sheet_encoding(cells: list[list[object]], font_encoding: str) -> str:
    votes: Counter[str] = Counter()
    unicode_cells = 0
    for row in cells:
        for value in row:
            if not isinstance(value, str) or value.isascii():
                continue
            if legacy.suspect(value):
                encoding = font_encoding or legacy.guess_encoding(value)
                if encoding:
                    votes[encoding] += 1
            elif not _latin1_only(value) and legacy.is_plain_vietnamese(value):
                unicode_cells += 1
    if not votes or sum(votes.values()) <= unicode_cells:
        return ""
    return font_encoding or votes.most_common(1)[0][0]


def _forced(text: str, encoding: str) -> str:
    converted = _FORCED[encoding](text)
    if not legacy.is_plain_vietnamese(converted):
        return text
    letters = [ch for ch in text if ch.isascii() and ch.isalpha()]
    if encoding == "tcvn3" and letters and all(ch.isupper() for ch in letters):
        converted = converted.upper()  # .VnTimeH draws capitals with the lower-case codes: "DANH S¸CH"
    return converted


def decode_cells(cells: list[list[object]], font_encoding: str) -> int:
    """Convert the sheet's legacy-encoded text in place (NFC for all text); returns how many cells changed."""
    sheet_encoding = _sheet_encoding(cells, font_encoding)
    converted = 0
    for row in cells:
        for col, value in enumerate(row):
            if not isinstance(value, str) or not value:
                continue
            text = unicodedata.normalize("NFC", value)
            if sheet_encoding and _latin1_only(text):
                new = _forced(text, sheet_encoding)
            elif legacy.suspect(text):
                new = legacy.convert(text, font_encoding or legacy.guess_encoding(text))
            else:
                new = text
            converted += new != text
            row[col] = new
    return converted
