"""What importing a mapped list would do, without writing: new rows under the chosen parent, rows already present
("unchanged"), rows refused with the cell and the reason, rows skipped (blank, totals, signatures…)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain import revisions
from desktop.domain.dates import utc_now_iso
from desktop.domain.errors import ValidationError
from desktop.domain.fields import Kind
from desktop.domain.text import clean_text, search_key
from desktop.domain.validation import validate
from desktop.exchange.errors import CellError, ExchangeCancelled, ExchangeError
from desktop.exchange.lists.grid import SheetGrid, read_grid
from desktop.exchange.lists.header import find_header, headers_at
from desktop.exchange.lists.rows import ListRow, classify
from desktop.exchange.lists.spec import ListSpec
from desktop.exchange.model import NEW, REJECTED, UNCHANGED, ImportPreview, RowChange
from desktop.exchange.reader import file_hash
from desktop.store import Store

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]
_FORMULA = "ô chứa công thức: không được nhận, hãy thay bằng giá trị."


@dataclass
class ListTable:
    """A sheet of a list read under a header row: its titles and every row below, data or skipped."""

    spec: ListSpec
    grid: SheetGrid
    header_row: int
    headers: list[str]
    rows: list[ListRow] = field(default_factory=list)

    @property
    def path(self) -> Path:
        """The workbook."""
        return self.grid.path

    @property
    def sheet(self) -> str:
        """The sheet's name."""
        return self.grid.sheet

    @property
    def data_rows(self) -> list[ListRow]:
        """The rows to import."""
        return [r for r in self.rows if not r.skipped]

    @property
    def skipped(self) -> list[ListRow]:
        """The rows left out (blank, numbering, repeated header, group, total, below the table)."""
        return [r for r in self.rows if r.skipped]


def table_at(spec: ListSpec, grid: SheetGrid, header_row: int | None = None) -> ListTable:
    """The list under `header_row` (an Excel row number; found from the titles when None). ExchangeError when no row
    looks like the header or the row is outside the sheet."""
    if header_row is None:
        header_row = find_header(spec, grid)
        if not header_row:
            titles = ", ".join(f.title for f in spec.fields()[:4])
            raise ExchangeError(f"Trang “{grid.sheet}”: không tìm thấy dòng tiêu đề của danh sách (các cột như "
                                f"{titles}…) trong 30 dòng đầu. Hãy chọn dòng tiêu đề.")
    if not 1 <= header_row <= max(grid.last_row, 1):
        raise ExchangeError(f"Trang “{grid.sheet}” không có dòng {header_row} (trang có {grid.last_row} dòng).")
    headers = headers_at(grid, header_row)
    return ListTable(spec, grid, header_row, headers, list(classify(spec, grid, header_row, headers)))


def read_list(spec: ListSpec, path: Path | str, sheet: str, header_row: int | None = None) -> ListTable:
    """Read a sheet of a list and find (or take) its header row."""
    return table_at(spec, read_grid(path, sheet), header_row)


def _existing(store: Store, spec: ListSpec, parent_id: str) -> tuple[set[tuple[str, ...]], set[object]]:
    under = {spec.parent_field: parent_id} if spec.parent_field else {}
    keys, uniques = set(), set()
    for record in store.repo(spec.entity).rows(**under):
        keys.add(tuple(search_key(record.get(k)) for k in spec.key_fields))
        uniques.update((name, record[name]) for name in spec.unique_fields if record.get(name))
    return keys, uniques


def _cell_value(spec: ListSpec, name: str, value: object) -> object:
    adapter = spec.adapters.get(name)
    if adapter is not None:
        value = adapter(value)
    kind = spec.entity_spec.field(name).kind
    if isinstance(value, float) and value.is_integer() and kind not in (Kind.PHONE, Kind.INT, Kind.DECIMAL,
                                                                          Kind.MONEY, Kind.PERCENT):
        value = str(int(value))  # a code or a number typed in a text column
    return value


def preview_list(store: Store, table: ListTable, mapping: dict[str, int], parent_id: str = "",
                 progress: Progress | None = None, cancel: Cancel | None = None) -> ImportPreview:
    """What importing the mapped rows would do under `parent_id`; writes nothing. ExchangeError when the key field
    has no column. The skipped rows are listed in the preview's notes."""
    spec, entity = table.spec, table.spec.entity_spec
    first_key = spec.key_fields[0]
    if first_key not in mapping:
        raise ExchangeError(f"Chưa chọn cột cho “{entity.field(first_key).title}”.")
    existing, uniques = _existing(store, spec, parent_id)
    context = store.context
    preview = ImportPreview(table.path, file_hash(table.path), {"scope": f"list:{spec.entity}"}, context.office,
                            context.office)
    now = utc_now_iso()
    seen: set[tuple[str, ...]] = set()
    rows = table.data_rows
    for done, item in enumerate(rows):
        if done % 500 == 0:
            if cancel is not None and cancel():
                raise ExchangeCancelled()
            if progress is not None:
                progress(done, len(rows), table.sheet)
        data: dict[str, object] = {spec.parent_field: parent_id} if spec.parent_field else {}
        errors: list[CellError] = []
        for name, col in mapping.items():
            if (item.row, col) in table.grid.formulas:
                errors.append(CellError(table.sheet, item.row, _title(table, col), _FORMULA))
                continue
            data[name] = _cell_value(spec, name, item.cells[col] if col < len(item.cells) else "")
        display = clean_text(data.get(first_key) or "")
        cleaned: dict[str, object] = {}
        try:
            cleaned = validate(entity, data)
        except ValidationError as exc:
            errors += [CellError(table.sheet, item.row, _title(table, mapping.get(e.field)) or e.title, e.message)
                       for e in exc.errors]
        if errors:
            preview.errors += errors
            preview.counts[REJECTED] += 1
            preview.rows.append(RowChange(spec.entity, table.sheet, item.row, "", REJECTED, display,
                                          reason="; ".join(f"{e.column}: {e.message}" for e in errors)))
            continue
        key = tuple(search_key(cleaned.get(k)) for k in spec.key_fields)
        if key in existing or key in seen or any((n, cleaned.get(n)) in uniques for n in spec.unique_fields):
            preview.counts[UNCHANGED] += 1
            continue
        seen.add(key)
        uniques.update((n, cleaned[n]) for n in spec.unique_fields if cleaned.get(n))
        digest = revisions.content_hash(entity, cleaned)
        record = {"id": str(uuid.uuid4()), "rev": revisions.next_rev(None, digest), "revs": "[]", **cleaned,
                  "updated_at": now, "updated_by": context.installation_id, "owner": context.office, "deleted": 0}
        preview.counts[NEW] += 1
        preview.rows.append(RowChange(spec.entity, table.sheet, item.row, record["id"], NEW, display, record=record))
    if progress is not None:
        progress(len(rows), len(rows), table.sheet)
    preview.notes += skipped_notes(table)
    return preview


def skipped_notes(table: ListTable) -> list[str]:
    """One line per reason rows were skipped: how many and which rows."""
    by_reason: dict[str, list[int]] = {}
    for item in table.skipped:
        by_reason.setdefault(item.skipped, []).append(item.row)
    notes = []
    for reason, rows in by_reason.items():
        listed = ", ".join(str(r) for r in rows[:12]) + ("…" if len(rows) > 12 else "")
        notes.append(f"Trang “{table.sheet}”: bỏ qua {len(rows)} {reason} (dòng {listed}).")
    if table.grid.converted:
        notes.append(f"Trang “{table.sheet}”: {table.grid.converted} ô gõ bằng bảng mã cũ (TCVN3/VNI) đã được "
                     f"chuyển sang Unicode.")
    return notes


def _title(table: ListTable, col: int | None) -> str:
    return table.headers[col] if col is not None and col < len(table.headers) else ""
