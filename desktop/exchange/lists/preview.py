"""What importing a mapped list would do, without writing: new rows under the chosen parent, rows already present
("unchanged"), rows refused with the cell and the reason, rows skipped (blank, totals, signatures…)."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain import revisions
from desktop.domain.dates import utc_now_iso
from desktop.domain.entities import BY_NAME
from desktop.domain.errors import ValidationError
from desktop.domain.fields import Field, Kind
from desktop.domain.text import clean_text, search_key
from desktop.domain.validation import validate
from desktop.exchange.errors import CellError, ExchangeCancelled, ExchangeError
from desktop.exchange.lists.grid import SheetGrid
from desktop.exchange.lists.header import find_header, headers_at
from desktop.exchange.lists.rows import ListRow, classify
from desktop.exchange.lists.spec import ListSpec
from desktop.exchange.model import NEW, REJECTED, UNCHANGED, ImportPreview, RowChange
from desktop.exchange.reader import file_hash
from desktop.store import Store

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]
_FORMULA = "ô chứa công thức: không được nhận, hãy thay bằng giá trị."
_MEMO_LIMIT = 50_000


class _MemoCleaner:
    """Field.clean remembered per distinct cell value: a list repeats the same unit, position and gender thousands of
    times (the workbook import's merge keeps the same kind of memo)."""

    def __init__(self) -> None:
        self.memo: dict[tuple[str, type, object], object] = {}

    def __call__(self, f: Field, value: object) -> object:
        key = (f.name, type(value), value) if isinstance(value, str | int | float) else None
        if key is not None and key in self.memo:
            result = self.memo[key]
        else:
            try:
                result = f.clean(value)
            except ValueError as exc:
                result = exc
            if key is not None and len(self.memo) < _MEMO_LIMIT:
                self.memo[key] = result
        if isinstance(result, ValueError):
            raise ValueError(str(result))
        return result


@dataclass
class ListTable:
    """A sheet of a list read under a header row: its titles and every row below, data or skipped."""

    spec: ListSpec
    grid: SheetGrid
    header_row: int
    headers: list[str]
    rows: list[ListRow] = field(default_factory=list)
    # A title spread over sub-columns ("Năm sinh" over "Nam" | "Nữ"): each of its columns -> [(column, value of the
    # other field)] for every sub-column of the group.
    subcolumns: dict[int, list[tuple[int, str]]] = field(default_factory=dict)

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
    return ListTable(spec, grid, header_row, headers, list(classify(spec, grid, header_row, headers)),
                     _subcolumns(spec, grid, header_row))


def _subcolumns(spec: ListSpec, grid: SheetGrid, header_row: int) -> dict[int, list[tuple[int, str]]]:
    below = grid.row(header_row + 1)
    names = {key for _other, values in spec.split_by.values() for key in values}
    found: dict[int, list[tuple[int, str]]] = {}
    for top, left, _bottom, right in grid.merged:
        if top != header_row - 1 or right == left:
            continue
        keys = [search_key(below[c]) if c < len(below) else "" for c in range(left, right + 1)]
        if all(k in names for k in keys):
            group = [(left + i, key) for i, key in enumerate(keys)]
            for col in range(left, right + 1):
                found[col] = group
    return found


def _existing(store: Store, spec: ListSpec, parent_id: str) -> tuple[set[tuple[str, ...]], set[tuple[str, object]]]:
    under: dict[str, object] = {spec.parent_field: parent_id} if spec.parent_field else {}
    keys: set[tuple[str, ...]] = set()
    uniques: set[tuple[str, object]] = set()
    for record in store.repo(spec.entity).rows(**under):  # type: ignore[arg-type]  # keyword filters, not flags
        keys.add(tuple(search_key(record.get(k)) for k in spec.key_fields))
        uniques.update((name, record[name]) for name in spec.unique_fields if record.get(name))
    return keys, uniques


class _Lookups:
    """The rows a reference column may name, by each naming field's search key (code, name…)."""

    def __init__(self, store: Store, spec: ListSpec):
        self.spec = spec
        self.keys: dict[str, dict[str, str]] = {}
        for name, (entity, naming) in spec.lookups.items():
            table: dict[str, str] = {}
            for record in store.repo(entity).rows():
                for key_field in naming:
                    key = search_key(record.get(key_field))
                    if key:
                        table.setdefault(key, str(record["id"]))
            self.keys[name] = table

    def resolve(self, name: str, value: object) -> tuple[object, str]:
        """(the id, or the list of ids, named by `value`; "" or an error message)."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return "", ""
        many = self.spec.entity_spec.field(name).kind is Kind.REFS
        text = _plain(value)
        parts = [p for p in re.split(r"[;\n]", text) if p.strip()] if many else [text]  # names may hold commas
        ids = []
        for part in parts:
            found = self.keys[name].get(search_key(part))
            if found is None:
                entity = BY_NAME[self.spec.lookups[name][0]].title.lower()
                return "", f"không tìm thấy {entity} “{part.strip()}”"
            ids.append(found)
        return (ids if many else ids[0]), ""


def _plain(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _cell_value(spec: ListSpec, name: str, value: object) -> object:
    adapter = spec.adapters.get(name)
    if adapter is not None:
        value = adapter(value)
    kind = spec.entity_spec.field(name).kind
    if isinstance(value, float) and value.is_integer() and kind not in (Kind.PHONE, Kind.INT, Kind.DECIMAL,
                                                                          Kind.MONEY, Kind.PERCENT):
        value = str(int(value))  # a code or a number typed in a text column
    return value


def _split_value(spec: ListSpec, name: str, group: list[tuple[int, str]], cells: list[object],
                 data: dict[str, object], implied: dict[str, str]) -> None:
    # "Năm sinh" over "Nam" | "Nữ": the year typed under "Nữ" is a woman's birth year.
    other, values = spec.split_by[name]
    for col, key in group:
        value = cells[col] if col < len(cells) else None
        if value is not None and not (isinstance(value, str) and not value.strip()):
            data[name] = _cell_value(spec, name, value)
            implied[other] = values[key]
            return


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
    clean = _MemoCleaner()
    lookups = _Lookups(store, spec)
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
        implied: dict[str, str] = {}
        for name, col in mapping.items():
            if (item.row, col) in table.grid.formulas:
                errors.append(CellError(table.sheet, item.row, _title(table, col), _FORMULA))
                continue
            if name in spec.lookups:
                data[name], problem = lookups.resolve(name, item.cells[col] if col < len(item.cells) else "")
                if problem:
                    errors.append(CellError(table.sheet, item.row, _title(table, col), problem))
                continue
            if name in spec.split_by and col in table.subcolumns:
                _split_value(spec, name, table.subcolumns[col], item.cells, data, implied)
                continue
            data[name] = _cell_value(spec, name, item.cells[col] if col < len(item.cells) else "")
        for name, value in implied.items():  # a gender column, when there is one and it is filled, wins
            if data.get(name) in (None, ""):
                data[name] = value
        display = clean_text(data.get(first_key) or "")
        cleaned: dict[str, object] = {}
        try:
            cleaned = validate(entity, data, clean)
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
        row_id = str(uuid.uuid4())
        record = {"id": row_id, "rev": revisions.next_rev(None, digest), "revs": "[]", **cleaned,
                  "updated_at": now, "updated_by": context.installation_id, "owner": context.office, "deleted": 0}
        preview.counts[NEW] += 1
        preview.rows.append(RowChange(spec.entity, table.sheet, item.row, row_id, NEW, display, record=record))
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
