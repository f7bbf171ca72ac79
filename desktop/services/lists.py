"""Importing lists typed by offices in their own layout (participants of a course, surveyed enterprises…): the one
service behind the list dialog and `sxtdbv import-list`.

    table = find_list(path, "participants")                 # the first sheet whose header matches
    mapping = suggest_mapping("participants", table.headers)
    preview = preview_list(store, table, mapping, parent_id)  # writes nothing
    apply_list(store, preview)                              # one transaction, a backup first, logged

`import_list` does all of it as the command does and returns its JSON report.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain.text import search_key
from desktop.exchange.apply import ApplyResult, log_refused
from desktop.exchange.errors import CellError, ExchangeCancelled, ExchangeError
from desktop.exchange.lists.grid import SheetGrid, read_grid, sheet_names
from desktop.exchange.lists.header import MIN_HEADER_SCORE, find_header, header_score
from desktop.exchange.lists.header import suggest_mapping as _suggest
from desktop.exchange.lists.preview import ListTable, table_at
from desktop.exchange.lists.preview import preview_list as _preview
from desktop.exchange.lists.spec import SPECS, ListSpec, list_spec
from desktop.exchange.model import NEW, REJECTED, UNCHANGED, ImportPreview
from desktop.exchange.reader import file_hash
from desktop.services.exchange import apply_import
from desktop.store import Store

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]

__all__ = ["ListSpec", "ListTable", "ListUsageError", "OpenedList", "SheetGrid", "apply_list", "default_parent",
           "find_list", "import_list", "list_entities", "list_under", "mapping_titles", "mapping_with_titles",
           "open_list", "parent_choices", "preview_list", "read_sheet", "resolve_parent", "sheets", "spec_of",
           "suggest_mapping", "table_at"]


class ListUsageError(ValueError):
    """The command was asked something that cannot mean anything (an unknown field in --map): a usage error."""


def list_entities() -> list[str]:
    """The entities a list can be imported as."""
    return list(SPECS)


def spec_of(entity: str) -> ListSpec:
    """The list kind of `entity`; ListUsageError when there is none."""
    try:
        return list_spec(entity)
    except KeyError as exc:
        raise ListUsageError(f"không nhập được danh sách “{entity}” (chỉ nhận: {', '.join(SPECS)}).") from exc


def sheets(path: Path | str) -> list[str]:
    """The sheets of the workbook a list can be on."""
    return sheet_names(path)


def read_sheet(path: Path | str, sheet: str) -> SheetGrid:
    """Every cell of a sheet, cleaned (merged cells filled, TCVN3/VNI converted, NFC): for the dialog's preview."""
    return read_grid(path, sheet)


def find_list(path: Path | str, entity: str, sheet: str | None = None, header_row: int | None = None) -> ListTable:
    """The list in the workbook: on `sheet`, or on the first sheet whose header matches the entity's titles; under
    `header_row` (Excel row number), or the row found from the titles. ExchangeError when there is none."""
    spec = spec_of(entity)
    if sheet is not None:
        return table_at(spec, read_grid(path, sheet), header_row)
    names = sheet_names(path)
    first_long_enough: SheetGrid | None = None
    for name in names:
        grid = read_grid(path, name)
        if header_row is None:
            if find_header(spec, grid):
                return table_at(spec, grid)
            continue
        if header_score(spec, grid.row(header_row)) >= MIN_HEADER_SCORE:
            return table_at(spec, grid, header_row)
        if first_long_enough is None and grid.last_row >= header_row:
            first_long_enough = grid
    if first_long_enough is not None:  # the row the user named, though it names no known column
        return table_at(spec, first_long_enough, header_row)
    raise ExchangeError(f"Tệp “{Path(path).name}”: không trang nào ({', '.join(names) or 'không có trang'}) có dòng "
                        f"tiêu đề của danh sách {spec.entity_spec.title.lower()} trong 30 dòng đầu.")


@dataclass
class OpenedList:
    """A workbook opened for the list dialog: its sheets, the cells of the sheet shown, and the list under the
    header row (None, with the reason in `message`, when no row of the sheet looks like the header)."""

    sheets: list[str]
    grid: SheetGrid
    table: ListTable | None
    message: str = ""


def list_under(grid: SheetGrid, entity: str, header_row: int | None = None) -> tuple[ListTable | None, str]:
    """The list of `entity` under `header_row` of a sheet already read (found from the titles when None), or None
    and the reason."""
    try:
        return table_at(spec_of(entity), grid, header_row), ""
    except ExchangeError as exc:
        return None, str(exc)


def open_list(path: Path | str, entity: str, sheet: str | None = None, header_row: int | None = None,
              cancel: Cancel | None = None) -> OpenedList:
    """Open a workbook for the list dialog: `sheet`, or the first sheet whose header matches (else the first sheet).
    ExchangeError when the file is refused or has no sheet; ExchangeCancelled when `cancel()` turns true."""
    spec = spec_of(entity)
    names = sheet_names(path)
    if not names:
        raise ExchangeError(f"Tệp “{Path(path).name}” không có trang tính nào.")
    grid: SheetGrid | None = None
    for name in [sheet] if sheet is not None else names:
        if cancel is not None and cancel():
            raise ExchangeCancelled()
        candidate = read_grid(path, name)
        grid = grid or candidate
        if sheet is not None or find_header(spec, candidate):
            grid = candidate
            break
    assert grid is not None
    table, message = list_under(grid, entity, header_row)
    return OpenedList(names, grid, table, message)


def suggest_mapping(entity: str, headers: list[str]) -> dict[str, int]:
    """field name -> column index (0-based), suggested from the column titles."""
    return _suggest(spec_of(entity), headers)


def mapping_with_titles(table: ListTable, chosen: Mapping[str, str]) -> dict[str, int]:
    """The suggested mapping with the user's choices applied: field -> column title ("" leaves the field out).
    ListUsageError for a field the list kind does not have; ExchangeError for a title not in the header row."""
    fields = {f.name for f in table.spec.fields()}
    mapping = _suggest(table.spec, table.headers)
    for name, title in chosen.items():
        if name not in fields:
            raise ListUsageError(f"không có trường “{name}” (các trường: {', '.join(sorted(fields))}).")
        if not title.strip():
            mapping.pop(name, None)
            continue
        hits = [c for c, h in enumerate(table.headers) if h and search_key(h) == search_key(title)]
        if not hits:
            raise ExchangeError(f"Trang “{table.sheet}”, dòng tiêu đề {table.header_row}: không có cột “{title}”.")
        for other, col in list(mapping.items()):
            if col == hits[0]:
                del mapping[other]
        mapping[name] = hits[0]
    return dict(sorted(mapping.items(), key=lambda item: item[1]))


def mapping_titles(table: ListTable, mapping: Mapping[str, int]) -> dict[str, str]:
    """field -> the title of its column (as the JSON report prints it)."""
    return {name: table.headers[col] if col < len(table.headers) else "" for name, col in mapping.items()}


def parent_choices(store: Store, entity: str) -> list[tuple[str, str]]:
    """(id, title) of the rows a list of `entity` can hang from: courses for participants, plans for enterprises;
    the latest plan's first."""
    spec = spec_of(entity)
    if not spec.parent_field:
        return []
    plans = _plans(store)
    rank = {p["id"]: i for i, p in enumerate(plans)}
    rows = store.repo(spec.parent_entity).rows()
    if spec.parent_entity == "plans":
        rows = plans
    elif rows and "plan_id" in rows[0]:
        rows = sorted(rows, key=lambda r: rank.get(r["plan_id"], len(rank)))
    return [(str(r["id"]), str(r.get("title") or r.get("name") or r["id"])) for r in rows]


def _plans(store: Store) -> list[dict[str, Any]]:
    return store.repo("plans").rows(order_by=("-year", "rowid"))


def resolve_parent(store: Store, entity: str, given: str | None = None) -> str:
    """The parent a list hangs from: `given` as an id or an exact title; without it, the latest plan for enterprises
    and the latest plan's only course for participants. ExchangeError (Vietnamese) when none or several fit."""
    spec = spec_of(entity)
    if not spec.parent_field:
        return ""
    parent_title = spec.entity_spec.field(spec.parent_field).title.lower()
    choices = parent_choices(store, entity)
    if given:
        hits = [i for i, title in choices if given in (i, title)]
        if not hits:
            hits = [i for i, title in choices if search_key(title) == search_key(given)]
        if len(hits) == 1:
            return hits[0]
        if not hits:
            raise ExchangeError(f"Không tìm thấy {parent_title} “{given}”.")
        raise ExchangeError(f"Có {len(hits)} {parent_title} tên “{given}”: hãy ghi mã (id).")
    if spec.parent_entity == "plans":
        if choices:
            return choices[0][0]
        raise ExchangeError("Cơ sở dữ liệu chưa có kế hoạch nào.")
    latest = _plans(store)[:1]
    rows = store.repo(spec.parent_entity).rows()
    if latest and rows and "plan_id" in rows[0]:
        rows = [r for r in rows if r["plan_id"] == latest[0]["id"]]
    if len(rows) == 1:
        return str(rows[0]["id"])
    if not rows:
        raise ExchangeError(f"Kế hoạch chưa có {parent_title} nào: hãy thêm {parent_title} trước.")
    names = "; ".join(f"“{r.get('title')}”" for r in rows[:5])
    raise ExchangeError(f"Kế hoạch có {len(rows)} {parent_title} ({names}): hãy chọn bằng --parent.")


def default_parent(store: Store, entity: str) -> str | None:
    """The parent chosen when none is named (the latest plan's only course, the latest plan), or None."""
    try:
        return resolve_parent(store, entity) or None
    except ExchangeError:
        return None


def preview_list(store: Store, table: ListTable, mapping: Mapping[str, int], parent_id: str = "",
                 progress: Progress | None = None, cancel: Cancel | None = None) -> ImportPreview:
    """What importing the mapped rows under `parent_id` would do; writes nothing."""
    return _preview(store, table, dict(mapping), parent_id, progress, cancel)


def apply_list(store: Store, preview: ImportPreview, *, skip_rejected: bool = False) -> ApplyResult:
    """Add the new rows in one transaction, after the backup every import takes, logged in the exchange log.
    Rejected rows stop it unless `skip_rejected` (then they are left out)."""
    return apply_import(store, preview, allow_rejected=skip_rejected)


def import_list(store: Store, path: Path | str, entity: str, *, parent: str | None = None, sheet: str | None = None,
                header_row: int | None = None, columns: Mapping[str, str] | None = None, dry_run: bool = False,
                skip_rejected: bool = False) -> dict[str, Any]:
    """Import a list as `sxtdbv import-list` does and return its report: {"file", "sheet", "header_row", "mapping",
    "status": applied|dry-run|refused|no-changes, "counts": {new, unchanged, rejected, skipped}, "errors", "notes"}
    (plus "message" when refused). ListUsageError for an unknown entity or field."""
    path = Path(path)
    spec_of(entity)
    report: dict[str, Any] = {"file": str(path), "sheet": sheet or "", "header_row": header_row or 0, "mapping": {},
                              "status": "refused", "counts": {NEW: 0, UNCHANGED: 0, REJECTED: 0, "skipped": 0},
                              "errors": [], "notes": []}
    preview: ImportPreview | None = None
    try:
        table = find_list(path, entity, sheet, header_row)
        report.update(sheet=table.sheet, header_row=table.header_row)
        mapping = mapping_with_titles(table, columns or {})
        report["mapping"] = mapping_titles(table, mapping)
        report["counts"]["skipped"] = len(table.skipped)
        parent_id = resolve_parent(store, entity, parent)
        preview = preview_list(store, table, mapping, parent_id)
        report["counts"].update({s: preview.counts[s] for s in (NEW, UNCHANGED, REJECTED)})
        report["errors"] = [e.as_dict() for e in preview.errors]
        report["notes"] = list(preview.notes)
        if preview.counts[REJECTED] and not skip_rejected:
            report["message"] = (f"Không nhập: {preview.counts[REJECTED]} dòng bị từ chối (sửa tệp, hoặc dùng "
                                 f"--skip-rejected để nhập các dòng còn lại).")
            if not dry_run:
                _log_refused(store, preview, path, preview.file_hash, report["message"])
            return report
        if dry_run:
            report["status"] = "dry-run"
            return report
        result = apply_list(store, preview, skip_rejected=skip_rejected)
        report["status"] = "applied" if result.total else "no-changes"
        if result.backup:
            report["backup"] = str(result.backup)
    except ExchangeError as exc:
        report["message"] = str(exc)
        if not report["errors"]:
            report["errors"] = [CellError(report["sheet"], 0, "", str(exc)).as_dict()]
        if not dry_run and path.is_file():
            try:
                _log_refused(store, preview, path, preview.file_hash if preview else file_hash(path), str(exc))
            except OSError:
                pass
    return report


def _log_refused(store: Store, preview: ImportPreview | None, path: Path, digest: str, message: str) -> None:
    # As the workbook import does: a database that cannot take the record (read-only) does not hide the refusal.
    try:
        log_refused(store, preview, path, digest, message)
    except sqlite3.Error:
        pass
