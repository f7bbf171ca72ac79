"""Foreign lists: participants or enterprises typed by an office in its own Excel layout (often the official document
layout). The generic machinery lives in desktop/exchange/lists; this module names it by entity for the services."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from desktop.exchange.lists.grid import SheetGrid, read_grid, sheet_names
from desktop.exchange.lists.header import find_header
from desktop.exchange.lists.header import suggest_mapping as _suggest
from desktop.exchange.lists.preview import ListTable, preview_list, read_list, table_at
from desktop.exchange.lists.spec import SPECS, ListSpec, list_spec
from desktop.exchange.model import ImportPreview
from desktop.store import Store

FOREIGN_ENTITIES = tuple(SPECS)
ForeignTable = ListTable

__all__ = ["FOREIGN_ENTITIES", "ForeignTable", "ListSpec", "ListTable", "SheetGrid", "find_header", "foreign_sheets",
           "list_spec", "preview_foreign", "read_foreign", "read_grid", "suggest_mapping", "table_at"]


def foreign_sheets(path: Path | str) -> list[str]:
    """The sheets a list can be on (bookkeeping sheets left out)."""
    return sheet_names(path)


def read_foreign(path: Path | str, sheet: str, entity: str = "participants",
                 header_row: int | None = None) -> ListTable:
    """Read one sheet of a list of `entity`; the header row is found from the known titles unless given."""
    return read_list(list_spec(entity), path, sheet, header_row)


def suggest_mapping(entity: str, headers: list[str]) -> dict[str, int]:
    """field name -> column index, suggested from the column titles."""
    return _suggest(list_spec(entity), headers)


def preview_foreign(store: Store, table: ListTable, entity: str, mapping: dict[str, int], parent_id: str,
                    progress: Callable[[int, int, str], None] | None = None,
                    cancel: Callable[[], bool] | None = None) -> ImportPreview:
    """What importing the mapped list would add under `parent_id` (writes nothing)."""
    if table.spec.entity != entity:
        table = table_at(list_spec(entity), table.grid, table.header_row)
    return preview_list(store, table, mapping, parent_id, progress, cancel)
