"""Columns of the entity tables: a stored field, or a figure computed from the row."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from desktop.domain.entities import EntitySpec
from desktop.domain.fields import Field, Kind
from desktop.domain.text import collation_key
from desktop.ui import formatting

NUMERIC_KINDS = (Kind.INT, Kind.MONEY, Kind.DECIMAL, Kind.PERCENT, Kind.YEAR)


class Column(NamedTuple):
    """One column: a header, how to get the raw value from a row, and how to show it.

    `key` is the field name for stored fields; computed columns give `value` (row -> raw value) and `kind`.
    """

    key: str
    header: str
    kind: Kind = Kind.TEXT
    field: Field | None = None
    value: Callable[[dict], object] | None = None
    display: Callable[[object], str] | None = None
    width: int = 0

    def raw(self, row: dict) -> object:
        """The raw value of this column in `row`."""
        return self.value(row) if self.value else row.get(self.key)

    @property
    def numeric(self) -> bool:
        """True when the column holds numbers (right-aligned, sorted numerically)."""
        return self.kind in NUMERIC_KINDS

    def text(self, row: dict, ref_names: dict[str, str]) -> str:
        """The text shown for `row`."""
        raw = self.raw(row)
        if self.field is not None and self.kind in (Kind.TEXT, Kind.LONGTEXT) and not self.display:
            return "" if raw is None else str(raw)  # the common case, without the formatting dispatch
        if self.display:
            return self.display(raw)
        if self.field:
            return formatting.format_value(self.field, raw, ref_names)
        if raw is None:
            return ""
        if self.kind in (Kind.DECIMAL, Kind.MONEY, Kind.INT):
            return formatting.format_decimal(raw)  # type: ignore[arg-type]
        if self.kind is Kind.PERCENT:
            return formatting.format_percent(raw)  # type: ignore[arg-type]
        return str(raw)

    def sort_key(self, row: dict, ref_names: dict[str, str]) -> object:
        """A key that orders rows by this column: numbers numerically (blanks last), text in Vietnamese order."""
        if self.numeric:
            raw = self.raw(row)
            return (1, 0.0) if raw is None or raw == "" else (0, float(raw))  # type: ignore[arg-type]
        if self.kind is Kind.DATE:
            raw = self.raw(row)
            return (1, "") if not raw else (0, str(raw))
        return (0, collation_key(self.text(row, ref_names)))


    def sort_keys(self, rows: list[dict], ref_names: dict[str, str]) -> list:
        """The sort key of every row (index-aligned), each distinct text converted once."""
        if self.numeric or self.kind is Kind.DATE:
            return [self.sort_key(row, ref_names) for row in rows]
        memo: dict[str, tuple] = {}
        keys = []
        for row in rows:
            text = self.text(row, ref_names)
            key = memo.get(text)
            if key is None:
                key = memo[text] = (0, collation_key(text))
            keys.append(key)
        return keys


def field_columns(spec: EntitySpec, names: list[str], headers: dict[str, str] | None = None) -> list[Column]:
    """Columns for the stored fields `names` of `spec`, with their labels in the UI language."""
    headers = headers or {}
    columns = []
    for name in names:
        field = spec.field(name)
        columns.append(Column(name, headers.get(name) or formatting.field_label(field), field.kind, field))
    return columns
