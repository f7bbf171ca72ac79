"""Export: write the plan (or one office's template) as an exchange workbook, streaming, with openpyxl write-only.

The file is written under a temporary name and renamed into place, so a failure or a cancel leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import IllegalCharacterError
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.dimensions import ColumnDimension
from openpyxl.writer import excel as openpyxl_excel

from desktop import __version__
from desktop.domain import choices as ch
from desktop.domain.dates import utc_now_iso
from desktop.domain.entities import ENTITIES, EntitySpec
from desktop.domain.fields import Kind
from desktop.domain.revisions import parse_history
from desktop.exchange import format as fmt
from desktop.exchange.errors import ExchangeCancelled, ExchangeError
from desktop.exchange.rows import count_rows, display_texts, iter_rows, office_template_ids
from desktop.store import Store, tempfiles
from desktop.store.files import explain_os_error

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]

_ILLEGAL = {chr(c) for c in range(32) if chr(c) not in "\t\n\r"}
# Cells written without a style use the workbook's first cell format: it is made unlocked (see _unlocked_default),
# so only the hidden bookkeeping cells (explicitly locked) and cells with a number format need a style of their own.
# That halves the styled cells, which is most of openpyxl's per-cell cost.
LOCKED = Protection(locked=True, hidden=True)
UNLOCKED = Protection(locked=False)
_SAVE_LOCK = threading.Lock()


def _unlocked_default(original):
    def write_stylesheet(wb):  # noqa: ANN001, ANN202 - openpyxl's own signature
        tree = original(wb)
        ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
        xfs = tree.find(f"{ns}cellXfs")
        if xfs is None:
            xfs = tree.find("cellXfs")
        first = None if xfs is None else next(iter(xfs), None)
        if first is not None and not len(first):
            first.set("applyProtection", "1")
            protection = first.makeelement("protection", {"locked": "0", "hidden": "0"})
            first.append(protection)
        return tree

    return write_stylesheet


def _save(wb: Workbook, target: Path) -> None:
    """Save with the default cell format unlocked (sheet protection then locks only the bookkeeping columns)."""
    with _SAVE_LOCK:
        original = openpyxl_excel.write_stylesheet
        openpyxl_excel.write_stylesheet = _unlocked_default(original)
        try:
            _save_closing_on_failure(wb, target)
        finally:
            openpyxl_excel.write_stylesheet = original


def _save_closing_on_failure(wb: Workbook, target: Path) -> None:
    """openpyxl's save_workbook, keeping hold of its ZipFile: when writing fails (a full disk), the archive is
    abandoned here instead of by ZipFile.__del__, which would try to finish it and print a second traceback."""
    if wb.write_only and not wb.worksheets:
        wb.create_sheet()
    archive = ZipFile(str(target), "w", ZIP_DEFLATED, allowZip64=True)
    try:
        wb.properties.modified = dt.datetime.now(tz=dt.UTC).replace(tzinfo=None)
        openpyxl_excel.ExcelWriter(wb, archive).save()
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
        codes = {r[0] for r in store.db.execute("SELECT code FROM agencies WHERE deleted = 0").fetchall()}
        if office not in codes:
            raise ExchangeError(f"Không có đơn vị mã “{office}”. Các mã có: {', '.join(sorted(codes))}.")
        selection = office_template_ids(store, office)
        scope = f"office:{office}"
    totals = {s.name: (len(selection[s.name]) if selection is not None else count_rows(store, s)) for s in ENTITIES}
    grand_total = max(1, sum(totals.values()))
    export_id = uuid.uuid4().hex
    try:
        # Written in the program's own temporary folder, then moved into place: a kill leaves nothing beside `path`.
        with tempfiles.staged(path) as staging:
            writer = _Writer(store, scope, export_id, selection, progress, cancel, grand_total)
            rows = writer.write(staging)
    except OSError as exc:
        raise ExchangeError(explain_os_error(exc, path)) from exc
    return ExportResult(path, export_id, scope, rows)


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
        rows = self.store.db.execute(f'SELECT id FROM "{table}" WHERE deleted = 0 ORDER BY rowid').fetchall()
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
        for key, value in (
            ("format", fmt.FORMAT_NAME), ("format_version", fmt.FORMAT_VERSION), ("app_version", __version__),
            ("plan_ids", " ".join(plan_ids)), ("office", self.store.context.office),
            ("installation", self.store.context.installation_id), ("export_id", self.export_id),
            ("exported_at", utc_now_iso()), ("scope", self.scope),
        ):
            meta.append([key, str(value)])
        sheets = [(spec, wb.create_sheet(fmt.sheet_name(spec))) for spec in ENTITIES]
        lists_sheet = wb.create_sheet(fmt.LISTS_SHEET)
        lists_sheet.sheet_state = "hidden"
        written = {}
        try:
            for spec, ws in sheets:
                written[spec.name] = self._write_sheet(spec, ws)
            self._write_lists(lists_sheet)
            _save(wb, target)
        except BaseException:
            _discard(wb)
            raise
        return written

    def _plan_ids(self) -> list[str]:
        rows = self.store.db.execute("SELECT id FROM plans WHERE deleted = 0 ORDER BY year, rowid").fetchall()
        ids = [r[0] for r in rows]
        if self.selection is not None:
            ids = [i for i in ids if i in self.selection["plans"]]
        return ids

    def _write_lists(self, ws: object) -> None:
        if not self.lists:
            ws.append(["-"])  # type: ignore[attr-defined]
            return
        ws.append([title for title, _ in self.lists])  # type: ignore[attr-defined]
        longest = max(len(values) for _, values in self.lists)
        for i in range(longest):
            ws.append([values[i] if i < len(values) else None for _, values in self.lists])  # type: ignore[attr-defined]

    def _write_sheet(self, spec: EntitySpec, ws: object) -> int:
        columns = fmt.sheet_columns(spec)
        header_font = Font(bold=True)
        header_fill = PatternFill("solid", fgColor="DDEBF7")
        for index, column in enumerate(columns, 1):
            letter = get_column_letter(index)
            dim = ColumnDimension(ws, index=letter, width=column.width, hidden=column.hidden)  # type: ignore[arg-type]
            if column.hidden:
                dim.protection = LOCKED
            elif column.field is not None and column.field.kind in fmt.TEXT_KINDS:
                dim.number_format = fmt.TEXT_FORMAT  # a phone or tax code typed into a new row stays text
            ws.column_dimensions[letter] = dim  # type: ignore[attr-defined]
        ws.freeze_panes = "A2"  # type: ignore[attr-defined]
        protection = ws.protection  # type: ignore[attr-defined]
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
                ws.data_validations.append(dv)  # type: ignore[attr-defined]
        header = []
        for column in columns:
            cell = WriteOnlyCell(ws, value=column.title)  # type: ignore[arg-type]
            cell.font = header_font
            cell.fill = header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="center")
            header.append(cell)
        ws.append(header)  # type: ignore[attr-defined]
        converters = [self._converter(column) for column in columns]
        templates = [self._template(ws, column) for column in columns]
        text_columns = [i for i, c in enumerate(columns) if c.field is None or c.hidden or c.field.kind in
                        fmt.TEXT_KINDS or c.field.kind in (Kind.REF, Kind.REFS, Kind.CHOICE, Kind.BOOL)]
        ids = self.selection[spec.name] if self.selection is not None else None
        count = 0
        width = len(columns)
        plain = [WriteOnlyCell(ws) for _ in columns]  # type: ignore[arg-type]
        cells = [templates[i] or plain[i] for i in range(len(columns))]
        ws._values_to_row = _prepared_cells  # type: ignore[attr-defined]
        text_set = set(text_columns)
        for row in iter_rows(self.store, spec, ids):
            values: list[object] = [None] * width
            for i in range(width):
                value = converters[i](row)
                if value is None or value == "":
                    continue
                cell = cells[i]
                try:
                    cell.value = value
                except IllegalCharacterError:
                    cell.value = "".join(c for c in str(value) if c not in _ILLEGAL)
                if i in text_set and cell.data_type != "s":  # text such as "=1+1" or "#N/A" stays text
                    cell.data_type = "s"
                values[i] = cell
            ws.append(values)  # type: ignore[attr-defined]
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

    @staticmethod
    def _template(ws: object, column: fmt.Column) -> WriteOnlyCell | None:
        """A styled cell reused for every value of the column, or None when the default (unlocked) format does."""
        f = column.field
        if column.hidden:
            cell = WriteOnlyCell(ws)  # type: ignore[arg-type]
            cell.protection = LOCKED
            return cell
        if f is None:
            return None
        cell = WriteOnlyCell(ws)  # type: ignore[arg-type]
        if f.kind is Kind.DATE:
            cell.number_format = fmt.DATE_FORMAT
        elif f.kind is Kind.MONEY:
            cell.number_format = fmt.MONEY_FORMAT
        elif f.kind is Kind.LONGTEXT:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        else:
            return None
        cell.protection = UNLOCKED
        return cell

    def _converter(self, column: fmt.Column) -> Callable[[dict], object]:
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


def _prepared_cells(values: list, row_idx: int):  # noqa: ANN202 - a generator, as openpyxl's own
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
