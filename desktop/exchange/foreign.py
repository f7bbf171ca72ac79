"""Foreign lists: participants or enterprises typed by an office in its own Excel layout. The user picks the sheet,
maps columns (suggested from their titles), sees a preview, then applies it like any import."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from desktop.domain import revisions
from desktop.domain.dates import utc_now_iso
from desktop.domain.entities import BY_NAME
from desktop.domain.errors import ValidationError
from desktop.domain.fields import Kind
from desktop.domain.text import clean_text, search_key
from desktop.domain.validation import validate
from desktop.exchange import legacy
from desktop.exchange.errors import CellError, ExchangeError
from desktop.exchange.model import NEW, REJECTED, UNCHANGED, ImportPreview, RowChange
from desktop.exchange.reader import column_index, file_hash
from desktop.exchange.safety import MAX_ROWS, check_workbook

FOREIGN_ENTITIES = ("participants", "enterprises")
# The field each entity's rows hang from (chosen by the user, not read from the list).
PARENT_FIELD = {"participants": "course_id", "enterprises": "plan_id"}

# Usual column titles in offices' own lists, by field (compared accent- and case-insensitively).
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "participants": {
        "full_name": ("họ và tên", "họ tên", "tên học viên", "họ và tên học viên", "tên"),
        "gender": ("giới tính", "nam/nữ", "phái"),
        "birth_year": ("năm sinh", "ngày sinh"),
        "organisation": ("đơn vị", "đơn vị công tác", "cơ quan", "nơi công tác", "tên đơn vị", "doanh nghiệp"),
        "position": ("chức vụ", "chức danh"),
        "phone": ("điện thoại", "số điện thoại", "sđt", "đt"),
        "email": ("email", "e-mail", "thư điện tử"),
        "note": ("ghi chú",),
    },
    "enterprises": {
        "name": ("tên doanh nghiệp", "doanh nghiệp", "tên công ty", "công ty", "tên đơn vị", "đơn vị"),
        "tax_code": ("mã số thuế", "mst", "mã số doanh nghiệp"),
        "address": ("địa chỉ", "trụ sở"),
        "industrial_zone": ("kcn", "kcn, ccn", "khu công nghiệp", "cụm công nghiệp"),
        "vsic_code": ("mã ngành", "vsic", "mã ngành vsic"),
        "products": ("sản phẩm", "sản phẩm chính", "ngành nghề"),
        "contact_person": ("người liên hệ", "người đại diện", "liên hệ"),
        "phone": ("điện thoại", "số điện thoại", "sđt", "đt"),
        "note": ("ghi chú",),
    },
}


@dataclass
class ForeignTable:
    """A sheet of a foreign list: its header row number (1-based), column titles and data rows (with row numbers)."""

    path: Path
    sheet: str
    header_row: int
    headers: list[str]
    rows: list[tuple[int, list[object]]]


def _open(path: Path | str) -> object:
    check_workbook(path)
    try:
        from python_calamine import CalamineWorkbook

        return CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # noqa: BLE001 - calamine's own errors for damaged files
        raise ExchangeError(f"Tệp “{Path(path).name}” bị hỏng hoặc không đọc được ({exc}).") from exc


def foreign_sheets(path: Path | str) -> list[str]:
    """The visible-data sheets of a workbook (our hidden bookkeeping sheets left out)."""
    book = _open(path)
    return [name for name in book.sheet_names if not name.startswith("_")]  # type: ignore[attr-defined]


def read_foreign(path: Path | str, sheet: str) -> ForeignTable:
    """Read one sheet of a foreign list; the header is the first of the first 15 rows with 2+ text cells."""
    path = Path(path)
    scan = check_workbook(path)
    book = _open(path)
    if sheet not in book.sheet_names:  # type: ignore[attr-defined]
        raise ExchangeError(f"Tệp “{path.name}” không có trang “{sheet}”.")
    data = book.get_sheet_by_name(sheet)  # type: ignore[attr-defined]
    if data.height > MAX_ROWS:
        raise ExchangeError(f"Trang “{sheet}” có {data.height} dòng, vượt giới hạn {MAX_ROWS} dòng.")
    values = data.to_python(skip_empty_area=False)
    header_index = 0
    for index, row in enumerate(values[:15]):
        if sum(1 for v in row if isinstance(v, str) and v.strip()) >= 2:
            header_index = index
            break
    headers = [clean_text(v) if v is not None else "" for v in (values[header_index] if values else [])]
    encoding = legacy.encoding_from_fonts(scan.fonts)
    formula_cells = {(int(ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")), column_index(ref.rstrip("0123456789")))
                     for ref in scan.formulas.get(scan.sheets.get(sheet, ""), [])}
    rows = []
    for index, row in enumerate(values[header_index + 1:], start=header_index + 2):
        if all(v in ("", None) for v in row):
            continue
        cleaned = []
        for col, value in enumerate(row):
            if (index, col) in formula_cells:
                value = _Formula()
            elif isinstance(value, str) and legacy.suspect(value):
                value = legacy.convert(value, encoding or legacy.guess_encoding(value))
            cleaned.append(value)
        rows.append((index, cleaned))
    return ForeignTable(path, sheet, header_index + 1, headers, rows)


class _Formula:
    """Marks a cell that held a formula: never trusted."""


def suggest_mapping(entity: str, headers: list[str]) -> dict[str, int]:
    """field name -> column index, suggested from the column titles (synonyms and the fields' own titles)."""
    spec = BY_NAME[entity]
    keys = [search_key(h) for h in headers]
    mapping: dict[str, int] = {}
    used: set[int] = set()
    for f in spec.fields:
        names = [search_key(n) for n in (f.title, *SYNONYMS.get(entity, {}).get(f.name, ()))]
        for candidate in names:
            hits = [i for i, k in enumerate(keys) if k == candidate and i not in used]
            if hits:
                mapping[f.name] = hits[0]
                used.add(hits[0])
                break
    return mapping


def preview_foreign(store: object, table: ForeignTable, entity: str, mapping: dict[str, int],
                    parent_id: str) -> ImportPreview:
    """What importing the mapped list would add: new rows (owned by this office) under `parent_id`; rows already
    present (same name and organisation / tax code under the same parent) are left unchanged; invalid rows rejected."""
    if entity not in FOREIGN_ENTITIES:
        raise ExchangeError(f"Không nhập danh sách “{entity}” từ Excel ngoài.")
    spec = BY_NAME[entity]
    parent_field = PARENT_FIELD[entity]
    key_fields = ("full_name", "organisation") if entity == "participants" else ("name",)
    db = store.db  # type: ignore[attr-defined]
    context = store.context  # type: ignore[attr-defined]
    if not mapping.get(key_fields[0]) and key_fields[0] not in mapping:
        raise ExchangeError(f"Chưa chọn cột cho “{spec.field(key_fields[0]).title}”.")
    existing = set()
    taxes = set()
    for row in db.execute(f'SELECT * FROM "{entity}" WHERE deleted = 0 AND "{parent_field}" = ?', [parent_id]):
        record = dict(zip([d[0] for d in db.execute(f'SELECT * FROM "{entity}" LIMIT 0').description], row,
                          strict=True))
        existing.add(tuple(search_key(record.get(k)) for k in key_fields))
        if record.get("tax_code"):
            taxes.add(record["tax_code"])
    preview = ImportPreview(table.path, file_hash(table.path), {"scope": f"foreign:{entity}"}, context.office,
                            context.office)
    now = utc_now_iso()
    seen: set[tuple] = set()
    for row_no, values in table.rows:
        data: dict[str, object] = {parent_field: parent_id}
        errors: list[CellError] = []
        for name, col in mapping.items():
            value = values[col] if col < len(values) else ""
            if isinstance(value, _Formula):
                errors.append(CellError(table.sheet, row_no, table.headers[col] if col < len(table.headers) else "",
                                        "ô chứa công thức: không được nhận."))
                continue
            f = spec.field(name)
            if f.kind is Kind.INT and name == "birth_year" and hasattr(value, "year"):
                value = value.year  # a birth date typed in a year column
            if isinstance(value, float) and value.is_integer() and f.kind not in (Kind.PHONE, Kind.INT, Kind.DECIMAL):
                value = str(int(value))
            data[name] = value
        display = clean_text(data.get(key_fields[0]) or "")
        try:
            cleaned = validate(spec, data)
        except ValidationError as exc:
            errors += [CellError(table.sheet, row_no, _header(table, mapping, e.field) or e.title, e.message)
                       for e in exc.errors]
            cleaned = {}
        if errors:
            preview.errors += errors
            preview.counts[REJECTED] += 1
            preview.rows.append(RowChange(entity, table.sheet, row_no, "", REJECTED, display,
                                          reason="; ".join(f"{e.column}: {e.message}" for e in errors)))
            continue
        key = tuple(search_key(cleaned.get(k)) for k in key_fields)
        if key in existing or key in seen or (cleaned.get("tax_code") and cleaned["tax_code"] in taxes):
            preview.counts[UNCHANGED] += 1
            continue
        seen.add(key)
        digest = revisions.content_hash(spec, cleaned)
        record = {"id": str(uuid.uuid4()), "rev": revisions.next_rev(None, digest), "revs": "[]", **cleaned,
                  "updated_at": now, "updated_by": context.installation_id, "owner": context.office, "deleted": 0}
        preview.counts[NEW] += 1
        preview.rows.append(RowChange(entity, table.sheet, row_no, record["id"], NEW, display, record=record))
    return preview


def _header(table: ForeignTable, mapping: dict[str, int], field: str) -> str:
    col = mapping.get(field)
    return table.headers[col] if col is not None and col < len(table.headers) else ""
