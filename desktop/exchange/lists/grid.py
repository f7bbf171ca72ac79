"""A sheet of a list read into cleaned cells, as the workbook import cleans them: merged cells carry their value in
every cell they cover, text typed in TCVN3 (.VnTime) or VNI fonts is converted to Unicode, decomposed (NFD) text is
composed (NFC). Formula cells are remembered: their values are never trusted."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.exchange import legacy
from desktop.exchange.errors import ExchangeError
from desktop.exchange.lists.encoding import decode_cells
from desktop.exchange.reader import column_index
from desktop.exchange.safety import MAX_ROWS, WorkbookScan, check_workbook


@dataclass
class SheetGrid:
    """The cells of one sheet: `cells[i]` is Excel row i + 1 (columns from A). `formulas` holds (Excel row,
    0-based column) of formula cells; `converted` counts cells converted from a legacy encoding."""

    path: Path
    sheet: str
    cells: list[list[object]]
    formulas: set[tuple[int, int]] = field(default_factory=set)
    converted: int = 0
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)

    @property
    def last_row(self) -> int:
        """The Excel number of the last row holding anything (0 for an empty sheet)."""
        for index in range(len(self.cells) - 1, -1, -1):
            if any(not is_blank(v) for v in self.cells[index]):
                return index + 1
        return 0

    def row(self, excel_row: int) -> list[object]:
        """The cells of an Excel row (an empty list beyond the sheet)."""
        return self.cells[excel_row - 1] if 0 < excel_row <= len(self.cells) else []


def is_blank(value: object) -> bool:
    """True for an empty cell (nothing, or only spaces)."""
    return value is None or (isinstance(value, str) and not value.strip())


def _open(path: Path) -> tuple[WorkbookScan, Any]:
    scan = check_workbook(path)
    try:
        from python_calamine import CalamineWorkbook

        return scan, CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # noqa: BLE001 - calamine's own error types for damaged files
        raise ExchangeError(f"Tệp “{path.name}” bị hỏng hoặc không đọc được.") from exc


def sheet_names(path: Path | str) -> list[str]:
    """The sheets a list can be on (the exchange's hidden bookkeeping sheets, named "_…", left out)."""
    _, book = _open(Path(path))
    return [str(name) for name in book.sheet_names if not str(name).startswith("_")]


def read_grid(path: Path | str, sheet: str) -> SheetGrid:
    """Read and clean every cell of `sheet`; ExchangeError (Vietnamese) when the file or sheet is refused."""
    path = Path(path)
    scan, book = _open(path)
    if sheet not in book.sheet_names:
        raise ExchangeError(f"Tệp “{path.name}” không có trang “{sheet}”.")
    counted = scan.rows.get(scan.sheets.get(sheet, ""), 0)
    data = book.get_sheet_by_name(sheet)
    if max(counted, data.height) > MAX_ROWS:
        raise ExchangeError(f"Trang “{sheet}” có {max(counted, data.height)} dòng, vượt giới hạn {MAX_ROWS} dòng.")
    cells: list[list[object]] = [list(row) for row in data.to_python(skip_empty_area=False)]
    merged = [(top, left, bottom, right) for (top, left), (bottom, right) in data.merged_cell_ranges or []]
    _fill_merged(cells, merged)
    converted = decode_cells(cells, legacy.encoding_from_fonts(scan.fonts))
    formulas = set()
    for ref in scan.formulas.get(scan.sheets.get(sheet, ""), []):
        letters = ref.rstrip("0123456789")
        formulas.add((int(ref[len(letters):]), column_index(letters)))
    return SheetGrid(path, sheet, cells, formulas, converted, merged)


def _fill_merged(cells: list[list[object]], ranges: Iterable[tuple[int, int, int, int]]) -> None:
    # A merged cell keeps its value in its top-left cell only; a unit typed once for three participants, or a title
    # spread over two header rows, belongs to every cell it covers.
    for top, left, bottom, right in ranges:
        if top >= len(cells):
            continue
        value = cells[top][left] if left < len(cells[top]) else None
        if is_blank(value):
            continue
        for r in range(top, min(bottom, len(cells) - 1) + 1):
            row = cells[r]
            if len(row) <= right:
                row.extend([""] * (right + 1 - len(row)))
            for c in range(left, right + 1):
                if is_blank(row[c]):
                    row[c] = value
