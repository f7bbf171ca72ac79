"""The workbook format (see docs/exchange-format.md): sheet and column layout shared by the writer and the reader."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.entities import ENTITIES, EntitySpec
from desktop.domain.fields import Field, Kind
from desktop.store.settings import DEFAULT_OFFICE

FORMAT_NAME = "sxtdbv-exchange"
FORMAT_VERSION = 1
META_SHEET = "_meta"
LISTS_SHEET = "_lists"
HUB_OFFICE = DEFAULT_OFFICE  # Sở Công Thương: its files distribute the plan to every office.

DELETE_TITLE = "Xóa"
DELETE_MARKS = {"x", "xóa", "xoá", "có", "co", "1", "true", "delete", "deleted"}
ID_COL, REV_COL, REVS_COL, OWNER_COL, UPDATED_COL = "_id", "_rev", "_revs", "_owner", "_updated"
REF_PREFIX = "_ref:"
TRUE_TEXT, FALSE_TEXT = "Có", "Không"
DATE_FORMAT = "dd/mm/yyyy"
MONEY_FORMAT = "#,##0"
INT_FORMAT = "0"
TEXT_FORMAT = "@"
# Rows past the header that carry drop-downs and unlocked cells for typing new rows.
EDITABLE_ROWS = 5000

TEXT_KINDS = {Kind.TEXT, Kind.LONGTEXT, Kind.TAX_CODE, Kind.VSIC, Kind.EMAIL, Kind.PHONE, Kind.QUARTERS}


@dataclass(frozen=True)
class Column:
    """One column of an entity sheet: `key` is a field name, a hidden bookkeeping name, or DELETE_TITLE."""

    key: str
    title: str
    field: Field | None = None
    hidden: bool = False
    width: float = 14.0

    @property
    def is_ref_id(self) -> bool:
        """True for the hidden column holding the ids behind a reference column."""
        return self.key.startswith(REF_PREFIX)


def _width(field: Field) -> float:
    if field.kind is Kind.LONGTEXT:
        return 48.0
    if field.kind in (Kind.REF, Kind.REFS):
        return 32.0
    if field.kind in (Kind.TEXT, Kind.EMAIL):
        return 26.0
    if field.kind is Kind.CHOICE:
        return 22.0
    if field.kind is Kind.DATE:
        return 12.0
    if field.kind is Kind.MONEY:
        return 18.0
    return max(10.0, min(20.0, len(field.title) * 1.1))


def sheet_columns(spec: EntitySpec) -> list[Column]:
    """The columns of the entity's sheet, left to right: data fields, the delete mark, then the hidden columns."""
    columns = [Column(f.name, f.title, f, width=_width(f)) for f in spec.fields]
    columns.append(Column(DELETE_TITLE, DELETE_TITLE, width=6.0))
    for f in spec.fields:
        if f.kind in (Kind.REF, Kind.REFS):
            columns.append(Column(REF_PREFIX + f.name, REF_PREFIX + f.name, f, hidden=True, width=10.0))
    for key in (ID_COL, REV_COL, REVS_COL, OWNER_COL, UPDATED_COL):
        columns.append(Column(key, key, hidden=True, width=10.0))
    return columns


def sheet_name(spec: EntitySpec) -> str:
    """The sheet's name: the entity's Vietnamese title (Excel allows 31 characters)."""
    return spec.title[:31]


SHEET_TO_ENTITY: dict[str, EntitySpec] = {sheet_name(s): s for s in ENTITIES}


def scope_office(scope: str) -> str:
    """The office of an office template scope ("office:CODE"), or "" for the whole plan."""
    return scope.split(":", 1)[1] if scope.startswith("office:") else ""
