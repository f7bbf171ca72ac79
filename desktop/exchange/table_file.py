"""A plain one-sheet workbook of a table (a header row, then rows), for lists exported to be read by people and
imported back by the list import, such as the agency list. The exchange workbook has its own writer (writer.py)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.exchange.errors import ExchangeError
from desktop.store.files import explain_os_error

DATE_FORMAT = "dd/mm/yyyy"
TEXT_FORMAT = "@"  # codes keep their leading zeros when retyped


@dataclass(frozen=True)
class TableColumn:
    """A column: its title, its width in characters and what it holds ("text", "date" or "general")."""

    title: str
    width: int = 16
    kind: str = "general"


def write_table(path: Path | str, sheet_title: str, columns: Sequence[TableColumn],
                rows: Iterable[Sequence[object]]) -> None:
    """Write `rows` under a bold header row to a new .xlsx at `path` (header frozen, dates and text formatted);
    ExchangeError, in Vietnamese, when the file cannot be written."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title
    sheet.append([c.title for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append(list(row))
    for index, column in enumerate(columns, 1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = column.width
        number_format = {"date": DATE_FORMAT, "text": TEXT_FORMAT}.get(column.kind)
        if number_format:
            for cell in sheet[letter][1:]:
                cell.number_format = number_format
    sheet.freeze_panes = "A2"
    target = Path(path)
    try:
        book.save(target)
    except OSError as exc:
        raise ExchangeError(explain_os_error(exc, target)) from exc
