"""Errors of the exchange: a refused file, a cell refused, a cancelled run."""

from __future__ import annotations

from dataclasses import dataclass


class ExchangeError(Exception):
    """A workbook refused as a whole (wrong type, damaged, hostile, not ours): the message is Vietnamese."""


class ExchangeCancelled(Exception):
    """The user cancelled a long export or import; nothing was written."""


@dataclass(frozen=True)
class CellError:
    """One refused cell or row: sheet, Excel row number (0 for the sheet itself), column title, Vietnamese reason."""

    sheet: str
    row: int
    column: str
    message: str

    def as_dict(self) -> dict[str, object]:
        """The error as the CLI's JSON prints it."""
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}

    def __str__(self) -> str:
        where = f"Trang “{self.sheet}”"
        if self.row:
            where += f", dòng {self.row}"
        if self.column:
            where += f", cột “{self.column}”"
        return f"{where}: {self.message}"
