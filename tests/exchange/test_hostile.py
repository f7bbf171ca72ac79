"""Broken and hostile files are refused cleanly, with the database unchanged."""

from __future__ import annotations

import os
import re
import shutil
import zipfile

import pytest

from desktop.exchange.errors import ExchangeError
from desktop.services.exchange import export_workbook, import_report, preview_import
from tests.exchange.helpers import add_course, column_of, digest, edit, find_row, spec_sheet


@pytest.fixture
def exported(seeded_store, tmp_path):
    add_course(seeded_store, 2)
    return export_workbook(seeded_store, tmp_path / "good.xlsx").path


def _rewrite(source, target, transform):
    """Copy the zip `source` to `target`, passing each member's bytes through transform(name, data)."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, transform(info.filename, src.read(info.filename)))
    return target


def _refused(store, path, fragment):
    before = digest(store)
    with pytest.raises(ExchangeError) as caught:
        preview_import(store, path)
    assert fragment in str(caught.value)
    report = import_report(store, path)
    assert report["status"] == "refused" and report["errors"]
    assert digest(store) == before
    return str(caught.value)


def test_random_bytes(seeded_store, tmp_path):
    path = tmp_path / "rac.xlsx"
    path.write_bytes(os.urandom(5000))
    _refused(seeded_store, path, "không phải là tệp Excel")


def test_empty_file(seeded_store, tmp_path):
    path = tmp_path / "rong.xlsx"
    path.write_bytes(b"")
    _refused(seeded_store, path, "rỗng")


def test_truncated_zip(seeded_store, exported, tmp_path):
    data = exported.read_bytes()
    path = tmp_path / "cut.xlsx"
    path.write_bytes(data[: len(data) // 2])
    _refused(seeded_store, path, "bị hỏng")


def test_csv_renamed(seeded_store, tmp_path):
    path = tmp_path / "danh_sach.xlsx"
    path.write_text("Họ và tên,Đơn vị\nNguyễn Văn A,Sở Công Thương\n", encoding="utf-8")
    _refused(seeded_store, path, "CSV")


def test_xlsm_refused_by_name_and_by_content(seeded_store, exported, tmp_path):
    renamed = tmp_path / "macro.xlsm"
    shutil.copy(exported, renamed)
    _refused(seeded_store, renamed, "macro")
    hidden = _rewrite(exported, tmp_path / "hidden_macro.xlsx", lambda n, d: d)
    with zipfile.ZipFile(hidden, "a") as archive:
        archive.writestr("xl/vbaProject.bin", b"\x00" * 100)
    _refused(seeded_store, hidden, "macro")


def test_encrypted_and_xls(seeded_store, tmp_path):
    cfb = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    encrypted = tmp_path / "mat_khau.xlsx"
    encrypted.write_bytes(cfb + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 600)
    _refused(seeded_store, encrypted, "mật khẩu")
    old = tmp_path / "cu.xls"
    old.write_bytes(cfb + b"Workbook" + b"\x00" * 600)
    _refused(seeded_store, old, ".xls")


def test_xml_entity_expansion(seeded_store, exported, tmp_path):
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>')

    def inject(name, data):
        if name == "xl/workbook.xml":
            return bomb + data.split(b"?>", 1)[-1]
        return data

    _refused(seeded_store, _rewrite(exported, tmp_path / "lol.xlsx", inject), "DTD")


def test_external_entity(seeded_store, exported, tmp_path):
    xxe = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'

    def inject(name, data):
        if name.startswith("xl/worksheets/sheet3"):
            return xxe + data.split(b"?>", 1)[-1].replace(b"<v>", b"<v>&xxe;", 1)
        return data

    _refused(seeded_store, _rewrite(exported, tmp_path / "xxe.xlsx", inject), "DTD")


def test_decompression_bomb(seeded_store, exported, tmp_path):
    path = _rewrite(exported, tmp_path / "bomb.xlsx", lambda n, d: d)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet99.xml", b"<a>" + b" " * (64 * 1024 * 1024) + b"</a>")
    _refused(seeded_store, path, "bom giải nén")


def test_oversized_file(seeded_store, tmp_path, monkeypatch):
    from desktop.exchange import safety

    monkeypatch.setattr(safety, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 2000)
    _refused(seeded_store, path, "quá lớn")


def test_not_an_exchange_workbook(seeded_store, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["Họ và tên", "Đơn vị"])
    wb.save(tmp_path / "list.xlsx")
    _refused(seeded_store, tmp_path / "list.xlsx", "không phải là tệp trao đổi")


def _cell_errors(store, path):
    before = digest(store)
    report = import_report(store, path)
    assert report["status"] == "refused"
    assert digest(store) == before
    return report["errors"]


def test_formula_cells_are_reported_not_trusted(seeded_store, exported, tmp_path):
    def formula(wb):
        ws = wb[spec_sheet("participants")]
        ws.cell(2, column_of(ws, "Năm sinh")).value = "=1900+90"

    errors = _cell_errors(seeded_store, edit(exported, tmp_path / "f.xlsx", formula))
    assert {"sheet": "Học viên", "row": 2, "column": "Năm sinh",
            "message": "ô chứa công thức: không được nhận, hãy thay bằng giá trị."} in errors


def test_wrong_types_name_sheet_row_and_column(seeded_store, exported, tmp_path):
    def wrong(wb):
        ws = wb[spec_sheet("participants")]
        ws.cell(3, column_of(ws, "Năm sinh")).value = "không rõ"
        ws.cell(3, column_of(ws, "Giới tính")).value = "Chưa biết"
        ws = wb[spec_sheet("tasks")]
        ws.cell(2, column_of(ws, "Ngày bắt đầu")).value = "31/02/2024"

    errors = _cell_errors(seeded_store, edit(exported, tmp_path / "w.xlsx", wrong))
    where = {(e["sheet"], e["row"], e["column"]) for e in errors}
    assert ("Học viên", 3, "Năm sinh") in where and ("Học viên", 3, "Giới tính") in where
    assert ("Nhiệm vụ", 2, "Ngày bắt đầu") in where
    assert any("không tồn tại" in e["message"] for e in errors)


def test_duplicate_ids(seeded_store, exported, tmp_path):
    def duplicate(wb):
        ws = wb[spec_sheet("participants")]
        source = find_row(ws, "Họ và tên", "Nguyễn Văn A")
        target = ws.max_row + 1
        for col in range(1, ws.max_column + 1):
            ws.cell(target, col).value = ws.cell(source, col).value
        ws.cell(target, column_of(ws, "Họ và tên")).value = "Bản sao"

    errors = _cell_errors(seeded_store, edit(exported, tmp_path / "d.xlsx", duplicate))
    assert any(e["column"] == "_id" and "trùng" in e["message"] for e in errors)


def test_missing_column_and_newer_format(seeded_store, exported, tmp_path):
    def drop(wb):
        ws = wb[spec_sheet("participants")]
        ws.delete_cols(column_of(ws, "Chức vụ"))

    errors = _cell_errors(seeded_store, edit(exported, tmp_path / "m.xlsx", drop))
    assert any(e["sheet"] == "Học viên" and "thiếu cột" in e["message"] for e in errors)

    def newer(wb):
        ws = wb["_meta"]
        for row in ws.iter_rows():
            if row[0].value == "format_version":
                row[1].value = "99"

    _refused(seeded_store, edit(exported, tmp_path / "v.xlsx", newer), "phiên bản mới hơn")


def test_too_many_rows_refused_before_parsing(seeded_store, exported, tmp_path, monkeypatch):
    from desktop.exchange import reader

    monkeypatch.setattr(reader, "MAX_ROWS", 2)
    errors = _cell_errors(seeded_store, exported)
    assert any("vượt giới hạn 2 dòng" in e["message"] for e in errors)


def test_formula_that_cannot_be_located_refuses_its_sheet(seeded_store, exported, tmp_path):
    """A formula cell written without its usual `r` first (valid OOXML: attributes in any order) is found by the
    scan but not placed in a cell: the sheet is refused rather than trusting the cached value."""
    def formula(wb):
        ws = wb[spec_sheet("participants")]
        ws.cell(2, column_of(ws, "Năm sinh")).value = "=1900+90"

    with_formula = edit(exported, tmp_path / "f.xlsx", formula)

    def unplace(name, data):
        if name.startswith("xl/worksheets/") and b"<f>" in data:
            data = re.sub(rb'<c r="D2"((?: [a-z]+="[^"]*")*)>', rb'<c\1 r="D2">', data)
        return data

    errors = _cell_errors(seeded_store, _rewrite(with_formula, tmp_path / "g.xlsx", unplace))
    assert {"sheet": "Học viên", "row": 0, "column": "",
            "message": "có ô chứa công thức: không được nhận, hãy thay bằng giá trị."} in errors


def test_damaged_sheet_xml_is_an_error_naming_the_sheet_not_a_traceback(seeded_store, exported, tmp_path):
    def damage(name, data):
        if name == "xl/worksheets/sheet10.xml":  # Học viên, the 10th sheet after _meta
            data = data.replace(b"</row>", b"</rowx>", 2)
        return data

    errors = _cell_errors(seeded_store, _rewrite(exported, tmp_path / "d.xlsx", damage))
    assert any(e["sheet"] == "Học viên" and e["message"].startswith("trang bị hỏng") for e in errors), errors
