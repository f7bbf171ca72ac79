"""Export: write the plan (or one office's template) as an exchange workbook, streaming, with openpyxl write-only.

The file is written under a temporary name and renamed into place, so a failure or a cancel leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import errno
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.dimensions import ColumnDimension
from openpyxl.writer.excel import ExcelWriter

try:  # openpyxl writes through lxml when it is installed, which reports I/O errors as its own exception
    from lxml.etree import SerialisationError as _LxmlSerialisationError

    _SERIALISATION_ERRORS: tuple[type[Exception], ...] = (_LxmlSerialisationError,)
except ImportError:  # pragma: no cover - without lxml the standard library raises OSError itself
    _SERIALISATION_ERRORS = ()

from desktop import __version__
from desktop.domain import choices as ch
from desktop.domain.dates import utc_now_iso
from desktop.domain.entities import ENTITIES, EntitySpec
from desktop.domain.fields import Kind
from desktop.domain.revisions import parse_history
from desktop.domain.rows import Row
from desktop.exchange import format as fmt
from desktop.exchange import ownership
from desktop.exchange.errors import ExchangeCancelled, ExchangeError
from desktop.exchange.rows import agency_ids_of, count_rows, display_texts, iter_rows, office_template_ids
from desktop.store import Store, tempfiles
from desktop.store.files import explain_os_error

OWN, ASSIGNED, CONTEXT, NEW = "own", "assigned", "context", "new"
Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]

_ILLEGAL = {chr(c) for c in range(32) if chr(c) not in "\t\n\r"}
# Protection: the sheet is protected and every cell is locked unless its own format (written cells) or its column's
# format (the empty cells below the data, to the end of the sheet) unlocks it. Calc and Excel both take an empty
# cell's format from its column; Calc ignores an unlocked default format, so nothing relies on it.
LOCKED = Protection(locked=True, hidden=True)
UNLOCKED = Protection(locked=False)
READ_ONLY = Protection(locked=True)
READ_ONLY_FILL = PatternFill("solid", fgColor="EDEDED")  # shaded: "this cell is not yours to fill"
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


def _save_closing_on_failure(wb: Workbook, target: Path) -> None:
    """openpyxl's save_workbook, keeping hold of its ZipFile: when writing fails (a full disk), the archive is
    abandoned here instead of by ZipFile.__del__, which would try to finish it and print a second traceback."""
    if wb.write_only and not wb.worksheets:
        wb.create_sheet()
    archive = ZipFile(str(target), "w", ZIP_DEFLATED, allowZip64=True)
    try:
        wb.properties.modified = dt.datetime.now(tz=dt.UTC).replace(tzinfo=None)
        ExcelWriter(wb, archive).save()
    except BaseException:
        handle, archive.fp = archive.fp, None
        if handle is not None:
            try:
                handle.close()
            except OSError:
                pass  # the disk that refused the data refuses its last buffer too; the first error is told
        raise


REF_LIST_LIMIT = 1000


@dataclass(frozen=True)
class ExportResult:
    """What was written: the file, the export id, the scope and the rows per sheet."""

    path: Path
    export_id: str
    scope: str
    rows: dict[str, int]

    @property
    def total(self) -> int:
        """Rows written over all sheets."""
        return sum(self.rows.values())


def export_workbook(store: Store, path: Path | str, *, office: str | None = None,
                    progress: Progress | None = None, cancel: Cancel | None = None) -> ExportResult:
    """Write the whole database's plan data (or the template of `office`) to `path`; returns what was written."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise ExchangeError(f"Tên tệp xuất phải có đuôi .xlsx: “{path.name}”.")
    selection: dict[str, set[str]] | None = None
    scope = "plan"
    if office:
        office = office.strip().upper()
        codes = {str(code) for _id, code in store.repo("agencies").values("code", include_deleted=False) if code}
        if office not in codes:
            raise ExchangeError(f"Không có đơn vị mã “{office}”. Các mã có: {', '.join(sorted(codes))}.")
        selection = office_template_ids(store, office)
        scope = f"office:{office}"
    totals = {s.name: (len(selection[s.name]) if selection is not None else count_rows(store, s)) for s in ENTITIES}
    grand_total = max(1, sum(totals.values()))
    export_id = uuid.uuid4().hex
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written in the program's own temporary folder, then moved into place: a kill leaves nothing beside `path`.
        with tempfiles.staged(path) as staging:
            writer = _Writer(store, scope, export_id, selection, progress, cancel, grand_total)
            rows = writer.write(staging)
    except OSError as exc:
        raise ExchangeError(explain_os_error(exc, path)) from exc
    except _SERIALISATION_ERRORS as exc:  # lxml's own words for a write that failed (IO_ENOSPC: a full disk)
        raise ExchangeError(explain_os_error(_as_os_error(exc), path)) from exc
    return ExportResult(path, export_id, scope, rows)


def _as_os_error(exc: Exception) -> OSError:
    """The OSError that lxml's serialisation error stands for ("IO_ENOSPC" -> ENOSPC)."""
    text = str(exc)
    name = text.split("IO_", 1)[1].split()[0] if "IO_" in text else ""
    return OSError(getattr(errno, name, errno.EIO), text)


class _Writer:
    def __init__(self, store: Store, scope: str, export_id: str, selection: dict[str, set[str]] | None,
                 progress: Progress | None, cancel: Cancel | None, total: int):
        self.store = store
        self.scope = scope
        self.export_id = export_id
        self.selection = selection
        self.progress = progress
        self.cancel = cancel
        self.total = total
        self.done = 0
        self.displays: dict[str, dict[str, str]] = {}
        self.lists: list[tuple[str, list[str]]] = []
        self.list_ranges: dict[tuple[str, ...], str] = {}
        # Whose edits the workbook will carry (ownership.py): the template's office, or the exporting office
        # unless it is the hub, whose files may write anything ("" then: every data cell open).
        local = store.context.office.upper()
        self.office = fmt.scope_office(scope) or ("" if local == fmt.HUB_OFFICE else local)
        self.office_agencies = agency_ids_of(store, self.office) if self.office else set()

    # -- lists for drop-downs ------------------------------------------------------------------------------------
    def _list_range(self, title: str, values: list[str]) -> str:
        key = tuple(values)
        if key not in self.list_ranges:
            column = get_column_letter(len(self.lists) + 1)
            self.lists.append((title, values))
            self.list_ranges[key] = f"'{fmt.LISTS_SHEET}'!${column}$2:${column}${len(values) + 1}"
        return self.list_ranges[key]

    def _validation_for(self, column: fmt.Column) -> str | None:
        f = column.field
        if column.key == fmt.DELETE_TITLE:
            return self._list_range(fmt.DELETE_TITLE, ["x"])
        if f is None or column.hidden:
            return None
        if f.kind is Kind.CHOICE:
            return self._list_range(f.title, [c.title for c in f.choices])
        if f.kind is Kind.BOOL:
            return self._list_range(f.title, [fmt.TRUE_TEXT, fmt.FALSE_TEXT])
        if f.kind is Kind.REF:
            live = self._live_displays(f.ref)
            if 0 < len(live) <= REF_LIST_LIMIT and all(len(v) <= 250 for v in live):
                return self._list_range(f.title, live)
        return None

    def _live_displays(self, table: str) -> list[str]:
        rows = self.store.repo(table).values(include_deleted=False)
        names = self._display(table)
        values = [names.get(r[0], "") for r in rows]
        return sorted({v for v in values if v and values.count(v) == 1}) if len(values) <= REF_LIST_LIMIT else []

    def _display(self, table: str) -> dict[str, str]:
        if table not in self.displays:
            self.displays[table] = display_texts(self.store, table)
        return self.displays[table]

    # -- the workbook --------------------------------------------------------------------------------------------
    def write(self, target: Path) -> dict[str, int]:
        wb = Workbook(write_only=True)
        meta = wb.create_sheet(fmt.META_SHEET)
        meta.sheet_state = "veryHidden"
        plan_ids = self._plan_ids()
        order = self._sheet_order()
        for key, value in (
            ("format", fmt.FORMAT_NAME), ("format_version", fmt.FORMAT_VERSION), ("app_version", __version__),
            ("plan_ids", " ".join(plan_ids)), ("office", self.store.context.office),
            ("installation", self.store.context.installation_id), ("export_id", self.export_id),
            ("exported_at", utc_now_iso()), ("scope", self.scope),
            ("sheets", " ".join(spec.name for spec in order)),  # a sheet lost since the export is noticed
        ):
            meta.append([key, str(value)])
        sheets = [(spec, wb.create_sheet(fmt.sheet_name(spec))) for spec in order]
        wb.active = 1  # the first visible sheet: for an office, its reports
        lists_sheet = wb.create_sheet(fmt.LISTS_SHEET)
        lists_sheet.sheet_state = "hidden"
        written = {}
        try:
            for spec, ws in sheets:
                written[spec.name] = self._write_sheet(spec, ws)
            self._write_lists(lists_sheet)
            _save_closing_on_failure(wb, target)
        except BaseException:
            _discard(wb)
            raise
        return written

    def _sheet_order(self) -> list[EntitySpec]:
        """The entity sheets to write. The whole plan: every entity, parents first. An office's template: the sheets
        with something for the office, its reports first, then the sheets with its own rows, then the context, the list
        of agencies last."""
        if self.selection is None:
            return list(ENTITIES)
        selection = self.selection
        # Its reports, and the participants it sends when there is a course to send them to, even when empty.
        always = {"office_reports"} | ({"participants"} if selection["training_courses"] else set())
        wanted = [s for s in ENTITIES if selection[s.name] or s.name in always]
        own = self._office_rows_exist() | always
        # The list of agencies (what names may be chosen) comes last.
        return sorted(wanted, key=lambda s: (s.name != "office_reports", s.name not in own, s.name == "agencies"))

    def _office_rows_exist(self) -> set[str]:
        """The entities in which the office has rows to fill (owned or assigned)."""
        found = set()
        for spec in ENTITIES:
            ids = self.selection[spec.name] if self.selection is not None else set()
            if ids and any(self._role(spec, row) != CONTEXT for row in iter_rows(self.store, spec, ids)):
                found.add(spec.name)
        return found

    def _role(self, spec: EntitySpec, row: dict[str, object]) -> str:
        """OWN, ASSIGNED or CONTEXT: what the workbook's office may do with the row (OWN for everyone in the hub's
        whole-plan workbook)."""
        if not self.office or row["owner"] == self.office:
            return OWN
        rule = ownership.assignment(spec)
        if rule is not None and row.get(rule.field) in self.office_agencies:
            return ASSIGNED
        return CONTEXT

    def _open_keys(self, spec: EntitySpec, role: str) -> frozenset[str]:
        """The column keys a person may type into for a row of `role` (NEW: the empty rows below the data)."""
        rule = ownership.assignment(spec)
        if not self.office:
            return frozenset([*spec.field_names, fmt.DELETE_TITLE])
        if role == NEW:
            return frozenset(spec.field_names) if ownership.may_add(spec) else frozenset()
        if role == OWN:
            return frozenset([*ownership.writable_fields(spec, owned=True, assigned=False), fmt.DELETE_TITLE])
        if role == ASSIGNED and rule is not None:
            return frozenset(rule.writable)
        return frozenset()

    def _plan_ids(self) -> list[str]:
        ids = [plan["id"] for plan in self.store.repo("plans").rows(order_by=("year", "rowid"))]
        if self.selection is not None:
            ids = [i for i in ids if i in self.selection["plans"]]
        return ids

    def _write_lists(self, ws: Any) -> None:
        if not self.lists:
            ws.append(["-"])
            return
        ws.append([title for title, _ in self.lists])
        longest = max(len(values) for _, values in self.lists)
        for i in range(longest):
            ws.append([values[i] if i < len(values) else None for _, values in self.lists])

    def _write_sheet(self, spec: EntitySpec, ws: Any) -> int:
        columns = fmt.sheet_columns(spec)
        new_open = self._open_keys(spec, NEW)
        for index, column in enumerate(columns, 1):
            letter = get_column_letter(index)
            dim = ColumnDimension(ws, index=letter, width=column.width, hidden=column.hidden)
            # The column's format is the format of its empty cells: the rows a person types below the data.
            _style(dim, column, open_=column.key in new_open, shade=False)
            ws.column_dimensions[letter] = dim
        ws.freeze_panes = "A2"
        protection = ws.protection
        protection.sheet = True
        protection.formatColumns = True
        protection.formatCells = False
        protection.insertRows = False
        protection.deleteRows = False
        protection.autoFilter = False
        protection.sort = False
        for index, column in enumerate(columns, 1):
            formula = self._validation_for(column)
            if formula:
                letter = get_column_letter(index)
                dv = DataValidation(type="list", formula1=formula, allow_blank=True, showErrorMessage=True,
                                    errorTitle="Giá trị không hợp lệ", error="Hãy chọn một giá trị trong danh sách.")
                dv.add(f"{letter}2:{letter}{fmt.EDITABLE_ROWS}")
                ws.data_validations.append(dv)
        header = []
        for column in columns:
            cell = WriteOnlyCell(ws, value=column.title)
            cell.font = Font(bold=True)
            cell.fill = HEADER_FILL
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            cell.protection = LOCKED if column.hidden else READ_ONLY
            header.append(cell)
        ws.append(header)
        converters = [self._converter(column) for column in columns]
        text_columns = [i for i, c in enumerate(columns) if c.field is None or c.hidden or c.field.kind in
                        fmt.TEXT_KINDS or c.field.kind in (Kind.REF, Kind.REFS, Kind.CHOICE, Kind.BOOL)]
        # One styled cell per column and per state, reused for every row (openpyxl writes a row as it is appended).
        open_cells = [_styled_cell(ws, c, open_=True) for c in columns]
        shut_cells = [_styled_cell(ws, c, open_=False) for c in columns]
        layouts: dict[str, tuple[list[Cell], list[bool]]] = {}
        for role in (OWN, ASSIGNED, CONTEXT):
            keys = self._open_keys(spec, role)
            opened = [c.key in keys for c in columns]
            cells = [open_cells[i] if opened[i] else shut_cells[i] for i in range(len(columns))]
            # Empty cells must be written when their state differs from their column's (the rows below), and, in an
            # office's workbook, when locked: shaded, so that the whole row shows it is not the office's to fill.
            explicit = [not c.hidden and (opened[i] != (c.key in new_open) or (bool(self.office) and not opened[i]))
                        for i, c in enumerate(columns)]
            layouts[role] = (cells, explicit)
        ids = self.selection[spec.name] if self.selection is not None else None
        count = 0
        width = len(columns)
        ws._values_to_row = _prepared_cells
        text_set = set(text_columns)
        single = None if self.office else layouts[OWN]
        for row in iter_rows(self.store, spec, ids):
            cells, explicit = single or layouts[self._role(spec, row)]
            values: list[object] = [None] * width
            for i in range(width):
                value = converters[i](row)
                cell = cells[i]
                if value is None or value == "":
                    if explicit[i]:
                        cell.value = None
                        values[i] = cell
                    continue
                try:
                    cell.value = value
                except IllegalCharacterError:
                    cell.value = "".join(c for c in str(value) if c not in _ILLEGAL)
                if i in text_set and cell.data_type != "s":  # text such as "=1+1" or "#N/A" stays text
                    cell.data_type = "s"
                values[i] = cell
            ws.append(values)
            count += 1
            self.done += 1
            if count % 1000 == 0:
                self._tick(spec)
        self._tick(spec)
        return count

    def _tick(self, spec: EntitySpec) -> None:
        if self.cancel is not None and self.cancel():
            raise ExchangeCancelled("Đã hủy xuất tệp.")
        if self.progress is not None:
            self.progress(self.done, self.total, spec.title)

    def _converter(self, column: fmt.Column) -> Callable[[Row], object]:
        key = column.key
        if key == fmt.DELETE_TITLE:
            return lambda row: "x" if row["deleted"] else None
        if key == fmt.ID_COL:
            return lambda row: row["id"]
        if key == fmt.REV_COL:
            return lambda row: row["rev"]
        if key == fmt.REVS_COL:
            return lambda row: " ".join(parse_history(row["revs"])) or None
        if key == fmt.OWNER_COL:
            return lambda row: row["owner"]
        if key == fmt.UPDATED_COL:
            return lambda row: f"{row['updated_at'] or ''}|{row['updated_by'] or ''}"
        f = column.field
        assert f is not None
        name = f.name
        if column.is_ref_id:
            if f.kind is Kind.REFS:
                return lambda row: row[name] if row[name] and row[name] != "[]" else None
            return lambda row: row[name]
        kind = f.kind
        if kind is Kind.REF:
            names = self._display(f.ref)
            return lambda row: names.get(row[name], row[name]) if row[name] else None
        if kind is Kind.REFS:
            names = self._display(f.ref)
            from desktop.exchange.rows import ref_ids
            return lambda row: "; ".join(names.get(i, i) for i in ref_ids(Kind.REFS, row[name])) or None
        if kind is Kind.DATE:
            return lambda row: dt.date.fromisoformat(row[name]) if row[name] else None
        if kind is Kind.BOOL:
            return lambda row: fmt.TRUE_TEXT if row[name] else fmt.FALSE_TEXT
        if kind is Kind.CHOICE:
            options = f.choices
            return lambda row: ch.title_of(options, row[name]) or None
        if kind in (Kind.DECIMAL, Kind.PERCENT):
            return lambda row: _number(row[name])
        return lambda row: row[name]


def _style(target: Any, column: fmt.Column, *, open_: bool, shade: bool) -> None:
    """Give a cell (or a column's default) the column's format: number format (text "@" keeps leading zeros),
    wrapping, and its protection: unlocked when a person may type there, else locked (shaded when `shade`)."""
    f = column.field
    if column.hidden:
        target.protection = LOCKED
        return
    if f is not None:
        if f.kind is Kind.DATE:
            target.number_format = fmt.DATE_FORMAT
        elif f.kind is Kind.MONEY:
            target.number_format = fmt.MONEY_FORMAT
        elif f.kind in fmt.TEXT_KINDS:
            target.number_format = fmt.TEXT_FORMAT
        if f.kind is Kind.LONGTEXT:
            target.alignment = Alignment(wrap_text=True, vertical="top")
    target.protection = UNLOCKED if open_ else READ_ONLY
    if shade and not open_:
        target.fill = READ_ONLY_FILL


class _FixedStyleCell(Cell):  # type: ignore[misc]  # openpyxl has no type information: Cell is Any
    """A cell reused for every value of a column: its style id is looked up once, not for every value written
    (openpyxl looks it up in the workbook's style list for each cell, a third of the export's time)."""

    __slots__ = ("_style_id",)

    @property
    def style_id(self) -> int:
        return int(self._style_id)

    @property
    def has_style(self) -> bool:
        return True


def _styled_cell(ws: Any, column: fmt.Column, *, open_: bool) -> Cell:
    """A cell with the column's format, open or locked and shaded."""
    cell = _FixedStyleCell(ws, column=1, row=1)
    _style(cell, column, open_=open_, shade=True)
    cell._style_id = Cell.style_id.fget(cell)
    return cell


def _prepared_cells(values: list[Any], row_idx: int) -> Iterator[Any]:  # a generator, as openpyxl's own
    """Replaces WriteOnlyWorksheet._values_to_row for rows made only of prepared cells (or None): openpyxl's own
    first tries to bind each cell object as a value, fails, and formats an error message, for every cell."""
    for col_idx, cell in enumerate(values, 1):
        if cell is None:
            continue
        cell.column = col_idx
        cell.row = row_idx
        yield cell


def _discard(wb: Workbook) -> None:
    """Remove the temporary files of an abandoned write-only workbook (after a cancel or a failure)."""
    for ws in wb._sheets:
        rows = getattr(ws, "_rows", None)
        writer = getattr(ws, "_writer", None)
        for step in (getattr(rows, "close", None), getattr(getattr(writer, "xf", None), "close", None),
                     getattr(writer, "cleanup", None)):
            if step is None:
                continue
            try:
                step()
            except Exception:  # noqa: BLE001, S112 - best effort: the file may already be closed or gone
                continue
        if rows is not None:
            ws._rows = None


def _number(value: object) -> object:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
