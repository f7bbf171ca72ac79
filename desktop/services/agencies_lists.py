"""Agency lists in Excel: import an official list (code, name, kind, valid-from, predecessor) with a preview, and
export the current list in the same layout (so an exported list imports back unchanged).

The sheet is read by the generic list-import path (`desktop.services.lists.find_list` over the "agencies" list kind
declared in desktop/exchange/lists/spec.py: header row found under a title block, numbering/total/signature rows
skipped, TCVN3/VNI text converted, formula cells refused). That path only adds rows; an official agency list also
updates agencies already listed and links rows of the same list (predecessors), so the preview is built here.

Rules of the import:
- a row whose code is already in the list updates that agency (only the columns present in the file); a valid-from
  date is never moved later, so an agency that absorbed another (Sở Tài chính) keeps the years before;
- "Đơn vị tiền thân" names the agencies (by code, or by name) the row's agency succeeds: each gets it as a successor,
  and one that has no end date yet ends the day before the successor's valid-from;
- nothing is ever deleted; rows in error are refused with their sheet, row and column, the others still import.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain import agencies as rules
from desktop.domain import choices as ch
from desktop.domain.dates import DateFormatError, parse_date
from desktop.domain.entities import AGENCIES
from desktop.domain.errors import ValidationError
from desktop.domain.rows import Row
from desktop.domain.text import clean_text, search_key
from desktop.domain.validation import validate
from desktop.exchange.errors import ExchangeError
from desktop.exchange.lists.preview import skipped_notes
from desktop.exchange.table_file import TableColumn, write_table
from desktop.services.lists import find_list
from desktop.store import Store, StoreError

NEW, CHANGED, UNCHANGED, REJECTED = "new", "changed", "unchanged", "rejected"
STATUS_TITLES = {NEW: "Mới", CHANGED: "Thay đổi", UNCHANGED: "Không đổi", REJECTED: "Bị từ chối"}

# The official layout: (key, column title). Keys are agency fields, or the links "predecessors"/"successors".
COLUMNS: tuple[tuple[str, str], ...] = (
    ("code", "Mã đơn vị"), ("name", "Tên đơn vị"), ("short_name", "Tên viết tắt"), ("kind", "Loại đơn vị"),
    ("valid_from", "Hiệu lực từ"), ("valid_to", "Hiệu lực đến"), ("predecessors", "Đơn vị tiền thân"),
    ("successors", "Đơn vị kế thừa"), ("note", "Ghi chú"),
)
SHEET = "Đơn vị"
AGENCY_LIST = "agencies"  # the list kind declared in desktop/exchange/lists/spec.py
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "code": ("mã", "mã số", "mã đvhc", "mã đơn vị hành chính", "mã cơ quan"),
    "name": ("tên", "tên đơn vị hành chính", "tên cơ quan", "tên gọi", "đơn vị"),
    "short_name": ("viết tắt", "tên ngắn"),
    "kind": ("loại", "cấp", "loại hình"),
    "valid_from": ("ngày hiệu lực", "từ ngày", "ngày thành lập", "hiệu lực"),
    "valid_to": ("đến ngày", "ngày kết thúc", "ngày hết hiệu lực"),
    "predecessors": ("tiền thân", "đơn vị cũ", "kế thừa từ", "sắp xếp từ", "trước sắp xếp", "đơn vị trước"),
    "successors": ("kế thừa", "đơn vị mới"),
    "note": ("ghi chú", "căn cứ", "văn bản"),
}


@dataclass
class AgencyListRow:
    """One row of the file and what importing it does."""

    row: int
    code: str
    name: str
    status: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    """(column title, before, after) of an update."""
    reason: str = ""
    warnings: list[str] = field(default_factory=list)
    data: Row = field(default_factory=dict)
    predecessors: list[str] = field(default_factory=list)
    successors: list[str] = field(default_factory=list)
    """Codes of linked agencies, resolved (existing or in this file)."""


@dataclass
class AgencyListPreview:
    """What importing the sheet would do; `apply_agency_list` writes it."""

    path: Path
    sheet: str
    columns: dict[str, str]
    """key -> the file's column title used for it."""
    rows: list[AgencyListRow] = field(default_factory=list)
    endings: list[tuple[str, str]] = field(default_factory=list)
    """(code, valid_to) of agencies that end because a successor begins."""
    notes: list[str] = field(default_factory=list)
    """Rows left out (title block, totals, signatures…) and text converted from old encodings."""
    links: list[tuple[str, str]] = field(default_factory=list)
    """(predecessor code, successor code) links the import adds (those already in the list left out)."""

    def count(self, status: str) -> int:
        """Rows with `status`."""
        return sum(1 for r in self.rows if r.status == status)

    @property
    def writes(self) -> bool:
        """True when applying would change something."""
        return bool(self.count(NEW) or self.count(CHANGED) or self.endings or self.links)

    def to_json(self) -> Row:
        """Plain data for `sxtdbv agencies --import … --json`."""
        return {"file": str(self.path), "sheet": self.sheet,
                "counts": {s: self.count(s) for s in (NEW, CHANGED, UNCHANGED, REJECTED)},
                "rows": [{"row": r.row, "code": r.code, "name": r.name, "status": r.status, "reason": r.reason,
                          "warnings": r.warnings, "changes": r.changes, "predecessors": r.predecessors}
                         for r in self.rows if r.status != UNCHANGED or r.warnings],
                "endings": [{"code": c, "valid_to": d} for c, d in self.endings]}


def preview_agency_list(store: Store, path: Path | str, sheet: str | None = None) -> AgencyListPreview:
    """Read the list (on `sheet`, or the first sheet whose header names agency columns) and say what importing it
    would do; writes nothing. ExchangeError when the file cannot be read or has no code/name columns."""
    path = Path(path)
    table = find_list(path, AGENCY_LIST, sheet)
    columns = _map_columns(table.headers)
    for needed in ("code", "name"):
        if needed not in columns:
            title = dict(COLUMNS)[needed]
            raise ExchangeError(f"Trang “{table.sheet}” không có cột “{title}” (dòng tiêu đề {table.header_row}).")
    preview = AgencyListPreview(path, table.sheet, {k: table.headers[i] for k, i in columns.items()})
    preview.notes = skipped_notes(table)
    existing = {str(r["code"]).casefold(): r for r in store.repo("agencies").rows()}
    in_file: dict[str, AgencyListRow] = {}
    raw_links: list[tuple[AgencyListRow, str, list[str]]] = []
    for item in table.data_rows:
        cells = {key: item.cells[i] if i < len(item.cells) else None for key, i in columns.items()}
        formulas = [key for key, i in columns.items() if (item.row, i) in table.grid.formulas]
        row = _read_row(preview, item.row, cells, existing, in_file, formulas)
        preview.rows.append(row)
        if row.status != REJECTED:
            in_file[row.code.casefold()] = row
            for key in ("predecessors", "successors"):
                if cells.get(key) not in (None, ""):
                    raw_links.append((row, key, _split_codes(cells[key])))
    names = _names_index(existing, in_file)
    for row, key, items in raw_links:
        for text in items:
            code = _resolve(text, existing, in_file, names)
            if code is None:
                row.warnings.append(f"dòng {row.row}, cột “{preview.columns[key]}”: không có đơn vị “{text}” trong "
                                    "danh sách; bỏ qua liên kết này")
            elif code.casefold() != row.code.casefold():
                getattr(row, key).append(code)
    _find_endings(preview, existing, in_file)
    _find_new_links(preview, existing)
    return preview


def _find_new_links(preview: AgencyListPreview, existing: dict[str, Row]) -> None:
    wanted = [(p, r.code) for r in preview.rows if r.status != REJECTED for p in r.predecessors]
    wanted += [(r.code, s) for r in preview.rows if r.status != REJECTED for s in r.successors]
    for predecessor, successor in wanted:
        old, new = existing.get(predecessor.casefold()), existing.get(successor.casefold())
        if old is not None and new is not None and new["id"] in rules.successor_ids(old):
            continue
        if (predecessor, successor) not in preview.links:
            preview.links.append((predecessor, successor))


def apply_agency_list(store: Store, preview: AgencyListPreview) -> dict[str, int]:
    """Write the preview in one transaction: new agencies, updates, successor links and endings. Returns counts."""
    repo = store.repo("agencies")
    with store.atomic():
        listed = repo.rows()
        ids = {str(r["code"]).casefold(): r["id"] for r in listed}
        seq = max((int(r["seq"] or 0) for r in listed), default=0)
        for row in preview.rows:
            if row.status == NEW:  # after the agencies already listed, in the file's order
                seq += 1
                ids[row.code.casefold()] = repo.add({**row.data, "seq": seq} if row.data.get("seq") is None
                                                    else row.data)["id"]
            elif row.status == CHANGED:
                repo.update(ids[row.code.casefold()], row.data)
        for predecessor, successor in preview.links:
            current = repo.get(ids[predecessor.casefold()])
            successors = rules.successor_ids(current)
            if ids[successor.casefold()] not in successors:
                repo.update(current["id"], {"successor_ids": [*successors, ids[successor.casefold()]]})
        for code, valid_to in preview.endings:
            repo.update(ids[code.casefold()], {"valid_to": valid_to})
    return {"new": preview.count(NEW), "changed": preview.count(CHANGED), "links": len(preview.links),
            "endings": len(preview.endings), "rejected": preview.count(REJECTED)}


def export_agency_list(store: Store, path: Path | str) -> int:
    """Write every agency (ended ones included) to the .xlsx at `path` in the official layout; returns the count."""
    rows = store.repo("agencies").rows()
    codes = {r["id"]: str(r["code"]) for r in rows}
    predecessors: dict[str, list[str]] = {}
    for row in rows:
        for successor in rules.successor_ids(row):
            predecessors.setdefault(successor, []).append(str(row["code"]))

    def values(row: Row) -> list[object]:
        out: list[object] = []
        for key, _ in COLUMNS:
            if key == "kind":
                out.append(ch.title_of(ch.AGENCY_KINDS, row["kind"]) if row["kind"] else "")
            elif key in ("valid_from", "valid_to"):
                out.append(dt.date.fromisoformat(row[key]) if row[key] else None)
            elif key == "predecessors":
                out.append(", ".join(predecessors.get(row["id"], [])))
            elif key == "successors":
                out.append(", ".join(codes[i] for i in rules.successor_ids(row) if i in codes))
            else:
                out.append(row[key] or "")
        return out

    kinds = {"code": "text", "valid_from": "date", "valid_to": "date"}
    widths = {"name": 42, "note": 60, "kind": 26}
    columns = [TableColumn(title, widths.get(key, 16), kinds.get(key, "general")) for key, title in COLUMNS]
    try:
        write_table(path, SHEET, columns, (values(row) for row in rows))
    except ExchangeError as exc:  # the faces expect the store's error for this action, as for the import
        raise StoreError(str(exc)) from exc
    return len(rows)


# -- reading ---------------------------------------------------------------------------------------------------------
def _map_columns(headers: list[str]) -> dict[str, int]:
    keys = [search_key(h) for h in headers]
    found: dict[str, int] = {}
    for key, title in COLUMNS:  # exact titles first (our own export), then the usual synonyms
        if search_key(title) in keys:
            found[key] = keys.index(search_key(title))
    for key, names in _SYNONYMS.items():
        if key in found:
            continue
        for name in names:
            hits = [i for i, k in enumerate(keys) if k == search_key(name) and i not in found.values()]
            if hits:
                found[key] = hits[0]
                break
    return found


def _read_row(preview: AgencyListPreview, row_no: int, cells: Row, existing: dict[str, Row],
              in_file: dict[str, AgencyListRow], formulas: list[str]) -> AgencyListRow:
    code = clean_text(_text(cells.get("code")))
    name = clean_text(_text(cells.get("name")))
    row = AgencyListRow(row_no, code, name, REJECTED)
    problems = [f"cột “{preview.columns[key]}”: ô chứa công thức, không được nhận; hãy thay bằng giá trị"
                for key in formulas]
    if not code:
        problems.append(f"cột “{preview.columns['code']}”: thiếu mã đơn vị")
    elif code.casefold() in in_file:
        problems.append(f"cột “{preview.columns['code']}”: mã “{code}” trùng với dòng {in_file[code.casefold()].row}")
    data: dict[str, object] = {}
    for key in ("code", "name", "short_name", "kind", "valid_from", "valid_to", "note"):
        if key not in preview.columns:
            continue
        value = cells.get(key)
        if key == "kind":
            value = rules.kind_from_text(value)
        elif key in ("valid_from", "valid_to") and value not in (None, ""):
            try:
                value = parse_date(value).isoformat()
            except DateFormatError as exc:
                problems.append(f"cột “{preview.columns[key]}”: {exc}")
                continue
        data[key] = _text(value) if key not in ("valid_from", "valid_to") else (value or None)
    current = existing.get(code.casefold()) if code else None
    if current is not None:
        merged = {name_: current.get(name_) for name_ in AGENCIES.field_names}
        for key, value in data.items():
            if key == "valid_from" and (not current.get("valid_from") or not value or value > current["valid_from"]):
                continue  # never moved later (no date = always existed): e.g. an agency that absorbed another
            if value in (None, ""):
                continue  # an empty cell never erases what the list already knows (an end date above all)
            merged[key] = value
        data = merged
    if not problems:
        try:
            cleaned = validate(AGENCIES, data)
        except ValidationError as exc:
            problems += [f"cột “{preview.columns.get(e.field, e.title)}”: {e.message}" for e in exc.errors]
    if problems:
        row.reason = f"Trang “{preview.sheet}”, dòng {row_no}: " + "; ".join(problems)
        return row
    if current is None:
        row.status, row.data = NEW, {k: v for k, v in cleaned.items() if k != "successor_ids"}
        return row
    row.changes = [(AGENCIES.field(k).title, _shown(current.get(k)), _shown(cleaned.get(k)))
                   for k in AGENCIES.field_names
                   if k != "successor_ids" and _norm(current.get(k)) != _norm(cleaned.get(k))]
    row.status = CHANGED if row.changes else UNCHANGED
    row.data = {k: cleaned[k] for k in AGENCIES.field_names if k != "successor_ids"}
    return row


def _find_endings(preview: AgencyListPreview, existing: dict[str, Row], in_file: dict[str, AgencyListRow]) -> None:
    """A predecessor with no end date ends the day before its successor begins (the earliest, if several)."""
    ends: dict[str, str] = {}
    for row in preview.rows:
        if row.status == REJECTED or not row.data.get("valid_from"):
            continue
        day_before = (dt.date.fromisoformat(str(row.data["valid_from"])) - dt.timedelta(days=1)).isoformat()
        for code in row.predecessors:
            key = code.casefold()
            target = in_file[key].data if key in in_file and in_file[key].status != REJECTED else existing.get(key)
            if target is not None and not target.get("valid_to"):
                ends[code] = min(ends.get(code, day_before), day_before)
    preview.endings = sorted(ends.items())


def _names_index(existing: dict[str, Row], in_file: dict[str, AgencyListRow]) -> dict[str, str]:
    index: dict[str, str] = {}
    for row in existing.values():
        for text in (row.get("name"), row.get("short_name")):
            if text:
                index.setdefault(search_key(text), str(row["code"]))
    for item in in_file.values():
        index.setdefault(search_key(item.name), item.code)
    return index


def _resolve(item: str, existing: dict[str, Row], in_file: dict[str, AgencyListRow],
             names: dict[str, str]) -> str | None:
    key = item.casefold()
    if key in in_file:
        return in_file[key].code
    if key in existing:
        return str(existing[key]["code"])
    return names.get(search_key(item))


def _split_codes(value: object) -> list[str]:
    text = clean_text(_text(value))
    return [part.strip() for part in re.split(r"[;,\n]", text) if part.strip()]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()[:10]
    return str(value)


def _norm(value: object) -> object:
    if value in (None, ""):
        return None
    if isinstance(value, list):
        return json.dumps(value)
    return value


def _shown(value: object) -> str:
    if value in (None, ""):
        return ""
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return f"{text[8:10]}/{text[5:7]}/{text[:4]}"
    return ch.title_of(ch.AGENCY_KINDS, text) if text in {c.code for c in ch.AGENCY_KINDS} else text
