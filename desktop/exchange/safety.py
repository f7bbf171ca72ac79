"""Checks made before any workbook is parsed: type, size, decompression limits, macros, encryption, XML entities,
formulas. Everything is read from the zip's directory and streamed with hard caps, so a hostile file is refused
before it can use up memory.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from desktop.exchange.errors import ExchangeError

MAX_FILE_BYTES = 100 * 1024 * 1024
MAX_UNCOMPRESSED_BYTES = 800 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for members bigger than RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
MAX_MEMBERS = 10_000
MAX_ROWS = 300_000  # per sheet

CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")
_CHUNK = 1024 * 1024
_OVERLAP = 256
_FORMULA = re.compile(rb'<(?:\w+:)?c\s+r="([A-Z]{1,3}[0-9]{1,7})"[^>]*><(?:\w+:)?f[\s>/]')
_ANY_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
_ROW = re.compile(rb"<(?:\w+:)?row[\s>]")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_FONT = re.compile(rb'<(?:\w+:)?(?:name|rFont)\s+val="([^"]{1,64})"')
_MACRO_TYPES = (b"macroEnabled", b"vbaProject")


def require_defusedxml() -> None:
    """Refuse to read workbooks when defusedxml is missing: openpyxl would then parse XML without protection."""
    try:
        import defusedxml  # noqa: F401
    except ImportError as exc:
        raise ExchangeError("Thiếu thư viện defusedxml nên không thể đọc tệp Excel an toàn. "
                            "Hãy cài lại chương trình.") from exc


@dataclass
class WorkbookScan:
    """What the safety scan learnt: sheet name -> part path, formula cells per sheet, fonts used."""

    sheets: dict[str, str] = field(default_factory=dict)
    formulas: dict[str, list[str]] = field(default_factory=dict)
    unlocated_formulas: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    fonts: set[str] = field(default_factory=set)


def check_workbook(path: Path | str) -> WorkbookScan:
    """Refuse (ExchangeError, Vietnamese) anything but a sound, macro-free, unencrypted .xlsx within the limits."""
    require_defusedxml()
    path = Path(path)
    name = path.name
    if not path.is_file():
        raise ExchangeError(f"Không tìm thấy tệp “{path}”.")
    suffix = path.suffix.lower()
    if suffix in (".xlsm", ".xltm", ".xlam"):
        raise ExchangeError(f"Tệp “{name}” có macro (.xlsm): không nhận vì lý do an toàn. Hãy lưu lại dạng .xlsx.")
    size = path.stat().st_size
    if size == 0:
        raise ExchangeError(f"Tệp “{name}” rỗng (0 byte).")
    if size > MAX_FILE_BYTES:
        raise ExchangeError(f"Tệp “{name}” quá lớn ({size // (1024 * 1024)} MB; tối đa "
                            f"{MAX_FILE_BYTES // (1024 * 1024)} MB).")
    with path.open("rb") as handle:
        head = handle.read(8)
        if head == CFB_MAGIC:
            data = head + handle.read()
            if _ENCRYPTED in data:
                raise ExchangeError(f"Tệp “{name}” được đặt mật khẩu: hãy mở bằng Excel, bỏ mật khẩu rồi lưu lại.")
            raise ExchangeError(f"Tệp “{name}” ở định dạng Excel 97-2003 (.xls) cũ: hãy mở bằng Excel và "
                                f"lưu lại dạng .xlsx.")
    if suffix == ".xls":
        raise ExchangeError(f"Tệp “{name}” có đuôi .xls: chỉ nhận tệp Excel .xlsx.")
    if head[:4] != ZIP_MAGIC:
        raise ExchangeError(f"Tệp “{name}” không phải là tệp Excel .xlsx (có thể là tệp CSV hoặc văn bản bị đổi tên).")
    try:
        with zipfile.ZipFile(path) as archive:
            return _scan_archive(archive, name)
    except zipfile.BadZipFile as exc:
        raise ExchangeError(f"Tệp “{name}” bị hỏng (không giải nén được; có thể chép chưa xong).") from exc
    except (zipfile.LargeZipFile, NotImplementedError, EOFError, OSError) as exc:
        raise ExchangeError(f"Tệp “{name}” bị hỏng hoặc dùng kiểu nén không hỗ trợ ({exc}).") from exc


def _scan_archive(archive: zipfile.ZipFile, name: str) -> WorkbookScan:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise ExchangeError(f"Tệp “{name}” có quá nhiều thành phần ({len(infos)}): không nhận.")
    names = {info.filename for info in infos}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise ExchangeError(f"Tệp “{name}” không phải là bảng tính Excel .xlsx (thiếu phần workbook).")
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise ExchangeError(f"Tệp “{name}” chứa macro: không nhận vì lý do an toàn. Hãy lưu lại dạng .xlsx.")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise ExchangeError(f"Tệp “{name}” khi giải nén quá lớn ({total // (1024 * 1024)} MB): có thể là "
                            f"“bom giải nén”, không nhận.")
    for info in infos:
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ExchangeError(f"Tệp “{name}” có phần nén bất thường ({info.filename}, tỉ lệ nén "
                                f"{info.file_size // max(info.compress_size, 1)}:1): có thể là “bom giải nén”.")
    scan = WorkbookScan()
    budget = [MAX_UNCOMPRESSED_BYTES]
    content_types = _read_capped(archive, "[Content_Types].xml", name, budget)
    if any(marker in content_types for marker in _MACRO_TYPES):
        raise ExchangeError(f"Tệp “{name}” là bảng tính có macro: không nhận. Hãy lưu lại dạng .xlsx.")
    for info in infos:
        lower = info.filename.lower()
        if lower.endswith((".xml", ".rels", ".vml")):
            _scan_member(archive, info, name, scan, budget)
    scan.sheets = _sheet_parts(archive, name)
    return scan


def _read_capped(archive: zipfile.ZipFile, member: str, name: str, budget: list[int]) -> bytes:
    chunks = []
    with archive.open(member) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise ExchangeError(f"Tệp “{name}” khi giải nén vượt giới hạn: có thể là “bom giải nén”.")
            chunks.append(chunk)
    data = b"".join(chunks)
    if _DTD.search(data):
        raise ExchangeError(f"Tệp “{name}” chứa khai báo DTD/thực thể XML ({member}): có thể độc hại, không nhận.")
    return data


def _scan_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, scan: WorkbookScan,
                 budget: list[int]) -> None:
    is_sheet = info.filename.startswith("xl/worksheets/")
    wants_fonts = info.filename in ("xl/styles.xml", "xl/sharedStrings.xml")
    located = 0
    anywhere = 0
    rows = 0
    tail = b""
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(_CHUNK)
            if not chunk:
                break
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise ExchangeError(f"Tệp “{name}” khi giải nén vượt giới hạn: có thể là “bom giải nén”.")
            window = tail + chunk
            if _DTD.search(window):
                raise ExchangeError(f"Tệp “{name}” chứa khai báo DTD/thực thể XML ({info.filename}): "
                                    f"có thể độc hại, không nhận.")
            if is_sheet and b"<" in window:
                start = len(tail)
                for match in _FORMULA.finditer(window):
                    if match.end() > start:
                        scan.formulas.setdefault(info.filename, []).append(match.group(1).decode())
                        located += 1
                anywhere += sum(1 for m in _ANY_FORMULA.finditer(window) if m.end() > start)
                rows += sum(1 for m in _ROW.finditer(window) if m.end() > start)
            if wants_fonts:
                scan.fonts.update(m.group(1).decode("utf-8", "replace") for m in _FONT.finditer(window))
            tail = window[-_OVERLAP:]
    if anywhere > located:
        scan.unlocated_formulas[info.filename] = anywhere - located
    if is_sheet:
        scan.rows[info.filename] = rows


def _sheet_parts(archive: zipfile.ZipFile, name: str) -> dict[str, str]:
    from defusedxml import ElementTree

    ns_main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    ns_rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    try:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except KeyError as exc:
        raise ExchangeError(f"Tệp “{name}” thiếu phần mô tả trang tính: tệp bị hỏng.") from exc
    except Exception as exc:  # noqa: BLE001 - any XML failure is a damaged or hostile file
        raise ExchangeError(f"Tệp “{name}” bị hỏng (phần mô tả bảng tính không đọc được).") from exc
    targets = {}
    for rel in rels:
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[rel.get("Id")] = target
    parts = {}
    for sheet in workbook.iter(f"{ns_main}sheet"):
        parts[sheet.get("name", "")] = targets.get(sheet.get(f"{ns_rel}id"), "")
    return parts
