"""Which rows under the header are data: an official list also holds blank rows, a row numbering the columns,
the header repeated on each printed page, group headings ("I. Khối cơ quan"), a "Tổng cộng"/"Cộng" row, and the
place, date and signatures below the table. Those are skipped (and counted), never rejected."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from desktop.domain.text import search_key
from desktop.exchange.lists.grid import SheetGrid, is_blank
from desktop.exchange.lists.header import MIN_HEADER_SCORE, header_score, is_number_title
from desktop.exchange.lists.spec import ListSpec

BLANK = "dòng trống"
NUMBERING = "dòng đánh số cột"
REPEATED_HEADER = "dòng tiêu đề lặp lại"
SUBHEADER = "dòng tiêu đề phụ (ngay dưới dòng tiêu đề)"
GROUP = "dòng tiêu đề nhóm"
TOTAL = "dòng tổng cộng"
BELOW_TABLE = "dòng dưới bảng (nơi nhận, ngày tháng, chữ ký)"

# Compared on the text as typed (accents kept): "Cộng" closes a table, "Công ty" does not.
# "Tổng" and "Cộng" alone are also surnames: they close the table only followed by a colon, a figure or nothing.
_TOTAL = re.compile(r"^(tổng cộng|tổng số)\b|^(tổng|cộng)\s*(:|$|\d)", re.IGNORECASE)
# Compared on search keys (accents dropped): what starts the place/date/signature block below a table, anywhere in
# a row ("Biên Hòa, ngày 15 tháng 5 năm 2024", "(Ký, ghi rõ họ tên)") or as its first text ("Người lập biểu").
_SIGNATURE_ANYWHERE = re.compile(r"\bngay\b.*\bthang\b.*\bnam\b|\(ky\b|\bky,? ghi ro\b|\bky ten\b")
_SIGNATURE_TITLE = re.compile(r"^(nguoi lap|noi nhan\b|thu truong\b|(kt|tm|tl|ktl|q)\s?\.|xac nhan\b)")
_GROUP = re.compile(r"^([IVXLC]+|[A-Z])(\s*[.)/-]|\s|$)", re.IGNORECASE)
_COLUMN_NUMBER = re.compile(r"^\(?(\d{1,2})\)?$")


@dataclass(frozen=True)
class ListRow:
    """A row under the header: its Excel number, cells, and why it is skipped ("" for a data row)."""

    row: int
    cells: list[object]
    skipped: str = ""


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return unicodedata.normalize("NFC", str(value)).strip()


def _is_numbering(cells: list[object]) -> bool:
    numbers = []
    for value in cells:
        if is_blank(value):
            continue
        match = _COLUMN_NUMBER.match(_text(value))
        if not match:
            return False
        numbers.append(int(match.group(1)))
    return len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[0] + len(numbers)))


def _number_column(headers: list[str]) -> int | None:
    return next((c for c, h in enumerate(headers) if is_number_title(h)), None)


def classify(spec: ListSpec, grid: SheetGrid, header_row: int, headers: list[str]) -> Iterator[ListRow]:
    """Every row from under the header to the sheet's last filled row, data or skipped (with the reason)."""
    number_col = _number_column(headers)
    ended = False
    for excel_row in range(header_row + 1, grid.last_row + 1):
        cells = grid.row(excel_row)
        texts = [_text(v) for v in cells if not is_blank(v)]
        if ended:
            yield ListRow(excel_row, cells, BELOW_TABLE)
            continue
        if not texts:
            yield ListRow(excel_row, cells, BLANK)
            continue
        number = _text(cells[number_col]) if number_col is not None and number_col < len(cells) else ""
        numbered = bool(re.fullmatch(r"\d+\.?", number))
        if _is_numbering(cells):
            yield ListRow(excel_row, cells, NUMBERING)
        elif not numbered and header_score(spec, cells) >= MIN_HEADER_SCORE:
            yield ListRow(excel_row, cells, SUBHEADER if excel_row == header_row + 1 else REPEATED_HEADER)
        elif not numbered and any(_TOTAL.match(t) for t in texts[:2]):
            ended = True
            yield ListRow(excel_row, cells, TOTAL)
        elif not numbered and (_SIGNATURE_TITLE.match(search_key(texts[0]))
                               or any(_SIGNATURE_ANYWHERE.search(search_key(t)) for t in texts)):
            ended = True
            yield ListRow(excel_row, cells, BELOW_TABLE)
        elif not numbered and (_GROUP.match(number) if number else len(texts) >= 2 and len(set(texts)) == 1):
            yield ListRow(excel_row, cells, GROUP)
        else:
            yield ListRow(excel_row, cells)
