"""Reading an exchange workbook: safety checks first, then the sheets streamed row by row (stream.py; python-calamine
for the small `_meta` sheet and to refuse a damaged file early), columns
found by title, cells normalised (NFC, legacy TCVN3/VNI text converted), formulas reported per cell."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from desktop.domain.entities import BY_NAME, ENTITIES, EntitySpec
from desktop.domain.fields import Kind
from desktop.domain.text import clean_text
from desktop.exchange import format as fmt
from desktop.exchange import legacy
from desktop.exchange.errors import CellError, ExchangeError
from desktop.exchange.safety import MAX_ROWS, WorkbookScan, check_workbook
from desktop.exchange.stream import XlsxRows

_CELL_REF = re.compile(r"^([A-Z]+)([0-9]+)$")
_EXCEL_EPOCH = dt.date(1899, 12, 30)


@dataclass(slots=True)
class FileRow:
    """One data row of an entity sheet, as found in the file (values not yet validated)."""

    row: int
    values: dict[str, object]
    ref_ids: dict[str, object]
    row_id: str
    rev: str
    revs: list[str]
    owner: str
    updated: str
    deleted: bool
    errors: list[CellError] = field(default_factory=list)


@dataclass
class SheetLayout:
    """Where each known column of a sheet was found (0-based positions) and the titles of the others."""

    spec: EntitySpec
    name: str
    positions: dict[str, int]
    titles: dict[str, str]
    unknown: list[str]


def file_hash(path: Path | str) -> str:
    """SHA-256 of the file's bytes."""
    digest = hashlib.sha256()
    with Path(path).open("rb") as handle:
        for chunk in iter(lambda: handle.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def column_index(letters: str) -> int:
    """0-based column index of Excel column letters ("A" -> 0)."""
    index = 0
    for ch in letters:
        index = index * 26 + ord(ch) - 64
    return index - 1


class ExchangeWorkbook:
    """An exchange workbook opened for reading. Raises ExchangeError when the file is refused as a whole."""

    def __init__(self, path: Path | str):
        self.path = Path(path)
        self.scan: WorkbookScan = check_workbook(self.path)
        try:
            from python_calamine import CalamineWorkbook

            self.book = CalamineWorkbook.from_path(str(self.path))
        except Exception as exc:  # noqa: BLE001 - calamine raises its own error types for damaged files
            # The library's own text (English, technical) stays in the exception chain, not in the message.
            raise ExchangeError(f"Tệp “{self.path.name}” bị hỏng hoặc không đọc được: hãy mở lại bằng Excel, lưu "
                                "thành tệp .xlsx rồi gửi lại.") from exc
        self.sheet_names: list[str] = list(self.book.sheet_names)
        self.meta = self._read_meta()
        self.warnings: list[str] = []
        self.encoding = legacy.encoding_from_fonts(self.scan.fonts)
        self.converted: dict[str, list[tuple[str, str]]] = {}
        self._stream: XlsxRows | None = None
        self._sheet_of: dict[str, str] | None = None  # entity name -> its sheet's name in this file
        self._sheet_problems: list[CellError] = []

    @property
    def stream(self) -> XlsxRows:
        """The file's sheets streamed row by row (entity sheets: see stream.py)."""
        if self._stream is None:
            self._stream = XlsxRows(str(self.path))
        return self._stream

    def close(self) -> None:
        """Close the file (the streams; calamine holds no handle)."""
        if self._stream is not None:
            self._stream.close()
            self._stream = None

    # -- meta -----------------------------------------------------------------------------------------------------
    def _read_meta(self) -> dict[str, str]:
        if fmt.META_SHEET not in self.sheet_names:
            raise ExchangeError(
                f"Tệp “{self.path.name}” không phải là tệp trao đổi của SXTDBV (thiếu trang {fmt.META_SHEET}). "
                f"Để nhập danh sách học viên hoặc doanh nghiệp từ một tệp Excel khác, hãy dùng chức năng "
                f"“Nhập danh sách từ Excel”.")
        rows = self._sheet_rows(fmt.META_SHEET, limit=200)
        meta = {}
        for values in rows:
            if len(values) >= 2 and isinstance(values[0], str) and values[0]:
                value = values[1]
                if isinstance(value, float) and value.is_integer():
                    value = int(value)
                meta[values[0].strip()] = "" if value is None else str(value).strip()
        if meta.get("format") != fmt.FORMAT_NAME:
            raise ExchangeError(f"Tệp “{self.path.name}” không phải là tệp trao đổi của SXTDBV (định dạng lạ).")
        try:
            version = int(meta.get("format_version", "0"))
        except ValueError:
            version = 0
        if version < 1:
            raise ExchangeError(f"Tệp “{self.path.name}”: phiên bản định dạng không đọc được.")
        if version > fmt.FORMAT_VERSION:
            raise ExchangeError(f"Tệp “{self.path.name}” được tạo bởi phiên bản mới hơn của chương trình "
                                f"(định dạng {version}); hãy cập nhật chương trình.")
        return meta

    def _sheet_rows(self, name: str, limit: int | None = None) -> list[list[object]]:
        sheet = self.book.get_sheet_by_name(name)
        return list(map(list, sheet.to_python(skip_empty_area=False, nrows=limit)))

    # -- entity sheets --------------------------------------------------------------------------------------------
    def entity_sheets(self, errors: list[CellError] | None = None) -> list[EntitySpec]:
        """The entities whose sheet is in the file, parents first. A sheet renamed in Excel is recognised by its
        columns; what cannot be matched, and known sheets the file held when exported but lost since, are reported
        (warnings, or errors in `errors`): never dropped without a word."""
        if self._sheet_of is None:
            self._sheet_of = {}
            problems: list[CellError] = []
            self._match_sheets(problems)
            self._sheet_problems = problems
        if errors is not None:
            errors += self._sheet_problems
        return [spec for spec in ENTITIES if spec.name in self._sheet_of]

    def sheet_name_of(self, spec: EntitySpec) -> str:
        """The name the entity's sheet has in this file (its own, or the one a person renamed it to)."""
        self.entity_sheets()
        assert self._sheet_of is not None
        return self._sheet_of.get(spec.name, fmt.sheet_name(spec))

    def _match_sheets(self, problems: list[CellError]) -> None:
        assert self._sheet_of is not None
        for name in self.sheet_names:
            spec = fmt.SHEET_TO_ENTITY.get(name)
            if spec is not None:
                self._sheet_of[spec.name] = name
        for name in self.sheet_names:
            if name in fmt.SHEET_TO_ENTITY or name in (fmt.META_SHEET, fmt.LISTS_SHEET):
                continue
            header = next(self.stream.rows(self.scan.sheets[name], first_only=True), (0, []))[1]
            titles = {clean_text(t).casefold() for t in header if clean_text(t)}
            if not {fmt.ID_COL, fmt.REV_COL} <= titles:
                if titles or self.row_count(name) > 0:
                    self.warnings.append(f"Trang “{name}” không phải trang dữ liệu của chương trình (không có các "
                                         f"cột {fmt.ID_COL}, {fmt.REV_COL}): bỏ qua.")
                continue
            matches = [spec for spec in ENTITIES
                       if {clean_text(c.title).casefold() for c in fmt.sheet_columns(spec)} <= titles]
            if len(matches) > 1:  # the one with the most columns in common (a sheet's columns may include another's)
                best = max(len(fmt.sheet_columns(m)) for m in matches)
                matches = [m for m in matches if len(fmt.sheet_columns(m)) == best]
            if len(matches) != 1:
                problems.append(CellError(name, 0, "", "trang này có các cột kỹ thuật của chương trình nhưng không "
                                                       "khớp với trang dữ liệu nào: hãy đặt lại đúng tên trang."))
                continue
            spec = matches[0]
            if spec.name in self._sheet_of:
                problems.append(CellError(name, 0, "", f"trang này có các cột của trang “{fmt.sheet_name(spec)}” "
                                                       f"nhưng tệp đã có trang “{self._sheet_of[spec.name]}”: hãy gộp "
                                                       f"hai trang hoặc xóa một trang."))
                continue
            self._sheet_of[spec.name] = name
            self.warnings.append(f"Trang “{name}” được nhận là trang “{fmt.sheet_name(spec)}” (theo các cột của "
                                 f"trang; tên trang đã bị đổi).")
        exported = self.meta.get("sheets", "").split()
        for entity in exported:
            spec = BY_NAME.get(entity)
            if spec is not None and spec.name not in self._sheet_of:
                self.warnings.append(f"Trang “{fmt.sheet_name(spec)}” có trong tệp khi xuất nhưng nay không còn "
                                     f"(đã bị xóa hoặc đổi tên?): không nhập được dòng nào của trang này.")

    def row_count(self, sheet: str) -> int:
        """The number of rows of `sheet`, counted in its XML by the safety scan (before any parsing)."""
        return self.scan.rows.get(self.scan.sheets.get(sheet, ""), 0)

    def formula_cells(self, sheet: str) -> list[tuple[int, int]]:
        """(Excel row, 0-based column) of each formula cell of `sheet`."""
        part = self.scan.sheets.get(sheet, "")
        cells = []
        for ref in self.scan.formulas.get(part, []):
            match = _CELL_REF.match(ref)
            if match:
                cells.append((int(match.group(2)), column_index(match.group(1))))
        return cells

    def sheet_rows(self, spec: EntitySpec, errors: list[CellError]) -> Iterator[FileRow]:
        """The data rows of the entity's sheet. Sheet-level problems go to `errors` (and yield no rows)."""
        name = self.sheet_name_of(spec)
        counted = self.row_count(name)
        if counted > MAX_ROWS:
            errors.append(CellError(name, 0, "", f"có {counted} dòng, vượt giới hạn {MAX_ROWS} dòng một trang."))
            return
        rows = _guarded(self.stream.rows(self.scan.sheets[name]), name, errors)
        try:
            number, header = next(rows)
        except StopIteration:
            return
        if number != 1:  # no header row: every known column is missing
            rows, header = itertools.chain([(number, header)], rows), []
        layout = self._layout(spec, name, header, errors)
        if layout is None:
            return
        part = self.scan.sheets.get(name, "")
        if self.scan.unlocated_formulas.get(part):
            errors.append(CellError(name, 0, "", "có ô chứa công thức: không được nhận, hãy thay bằng giá trị."))
        formulas: dict[int, list[int]] = {}
        for row_no, col in self.formula_cells(name):
            formulas.setdefault(row_no, []).append(col)
        reverse_titles = {pos: layout.titles[key] for key, pos in layout.positions.items()}
        for excel_row, values in rows:
            item = self._file_row(spec, layout, values, excel_row)
            if item is None:
                continue
            for col in formulas.get(excel_row, []):
                title = reverse_titles.get(col, f"cột {col + 1}")
                item.errors.append(CellError(name, excel_row, title,
                                             "ô chứa công thức: không được nhận, hãy thay bằng giá trị."))
            yield item

    def _layout(self, spec: EntitySpec, name: str, header: list[object],
                errors: list[CellError]) -> SheetLayout | None:
        columns = fmt.sheet_columns(spec)
        by_title = {clean_text(c.title).casefold(): c for c in columns}
        positions: dict[str, int] = {}
        unknown: list[str] = []
        for index, title in enumerate(header):
            text = clean_text(title)
            if not text:
                continue
            column = by_title.get(text.casefold())
            if column is None:
                unknown.append(text)
                continue
            if column.key in positions:
                errors.append(CellError(name, 1, column.title, "cột này xuất hiện hai lần."))
                return None
            positions[column.key] = index
        later = set(spec.added_later)  # a workbook of an older version has no column for them: read as empty
        missing = [c.title for c in columns if c.key not in positions
                   and not (c.field is not None and c.field.name in later)]
        if missing:
            errors.append(CellError(name, 1, missing[0], f"thiếu cột: {', '.join(missing)}."))
            return None
        if unknown:
            self.warnings.append(f"Trang “{name}”: bỏ qua các cột không biết: {', '.join(unknown)}.")
        return SheetLayout(spec, name, positions, {c.key: c.title for c in columns}, unknown)

    def _file_row(self, spec: EntitySpec, layout: SheetLayout, values: list[object], excel_row: int) -> FileRow | None:
        pos = layout.positions
        width = len(values)

        def cell(key: str) -> object:
            index = pos.get(key, width)  # a column missing from an older workbook reads as empty
            return values[index] if index < width else ""

        data: dict[str, object] = {}
        empty = True
        for f in spec.fields:
            value = self._normalise(f.kind, cell(f.name), layout.name)
            if value not in ("", None):
                empty = False
            data[f.name] = value
        mark = _text(cell(fmt.DELETE_TITLE)).casefold()
        row_id = _text(cell(fmt.ID_COL))
        if empty and not row_id and not mark:
            return None
        refs = {f.name: cell(fmt.REF_PREFIX + f.name) for f in spec.refs}
        revs = _text(cell(fmt.REVS_COL))
        return FileRow(
            row=excel_row, values=data, ref_ids=refs, row_id=row_id, rev=_text(cell(fmt.REV_COL)),
            revs=revs.replace(",", " ").replace('"', " ").replace("[", " ").replace("]", " ").split() if revs else [],
            owner=_text(cell(fmt.OWNER_COL)).upper(), updated=_text(cell(fmt.UPDATED_COL)),
            deleted=bool(mark) and mark in fmt.DELETE_MARKS,
        )

    def _normalise(self, kind: Kind, value: object, sheet: str) -> object:
        if isinstance(value, str):
            if value and legacy.suspect(value):
                encoding = self.encoding or legacy.guess_encoding(value)
                converted = legacy.convert(value, encoding)
                if converted != value:
                    self.converted.setdefault(sheet, []).append((value, converted))
                    value = converted
            return value
        if isinstance(value, bool) and kind in fmt.TEXT_KINDS:
            return "TRUE" if value else "FALSE"  # what Excel shows in the cell, not Python's "True"
        if isinstance(value, float):
            if kind in fmt.TEXT_KINDS and kind is not Kind.PHONE and value.is_integer():
                return str(int(value))
            if kind is Kind.DATE and 1 <= value < 200000:
                return _EXCEL_EPOCH + dt.timedelta(days=int(value))
            if kind in (Kind.REF, Kind.REFS, Kind.CHOICE) and value.is_integer():
                return str(int(value))
        if isinstance(value, dt.time | dt.timedelta):
            return str(value)
        return value

    def legacy_notes(self) -> list[str]:
        """One line per sheet where legacy-encoded text was converted to Unicode, with an example."""
        notes = []
        label = {"tcvn3": "TCVN3 (.VnTime)", "vni": "VNI"}.get(self.encoding, "TCVN3/VNI")
        for sheet, pairs in self.converted.items():
            before, after = pairs[0]
            notes.append(f"Trang “{sheet}”: {len(pairs)} ô gõ bằng bảng mã cũ {label} đã được chuyển sang Unicode "
                         f"(ví dụ “{before[:40]}” → “{after[:40]}”).")
        return notes


def _guarded(rows: Iterator[tuple[int, list[object]]], sheet: str,
             errors: list[CellError]) -> Iterator[tuple[int, list[object]]]:
    """The rows of a sheet; a damaged sheet XML ends them with an error naming the sheet instead of a traceback."""
    try:
        yield from rows
    except (etree.XMLSyntaxError, ValueError, IndexError, zipfile.BadZipFile, OSError):
        errors.append(CellError(sheet, 0, "", "trang bị hỏng (nội dung không đúng định dạng Excel), không đọc được "
                                              "hết: hãy mở tệp bằng Excel hoặc Calc và lưu lại."))


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()
