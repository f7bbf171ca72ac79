"""The reader's rules, each met with the workbook a clerk would send back (the hub's export, edited and saved with
openpyxl as Excel would): the `_meta` sheet and its format version, sheets renamed, added, copied or deleted, a
header row moved or interrupted, notes typed beside the table, delete marks, dates whose cell lost its date format,
legacy-font text, a damaged sheet. Expected values and messages are written out by hand from the rule."""

from __future__ import annotations

import zipfile
from datetime import date

import openpyxl
import pytest

from desktop.domain.entities import BY_NAME
from desktop.exchange.errors import CellError, ExchangeError
from desktop.exchange.reader import ExchangeWorkbook, FileRow, file_hash
from desktop.services.exchange import export_workbook
from desktop.services.setup import init_database
from tests.exchange.helpers import add_course, column_of, edit

PARTICIPANTS = BY_NAME["participants"]
COURSES = BY_NAME["training_courses"]
LEGAL_BASES = BY_NAME["legal_bases"]
NOT_DATA = "không phải trang dữ liệu của chương trình (không có các cột _id, _rev): bỏ qua."


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The hub's whole-plan workbook with a course of two participants (Nguyễn Văn A on row 2, B on row 3)."""
    folder = tmp_path_factory.mktemp("reader")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SXTDBV_DATA_DIR", str(folder / "data"))
        store = init_database(folder / "hub.db")
        try:
            add_course(store, 2)
            return export_workbook(store, folder / "ke-hoach.xlsx").path
        finally:
            store.close()


def _open(path) -> ExchangeWorkbook:
    return ExchangeWorkbook(path)


def _sheets(path) -> tuple[list[str], list[str], list[dict]]:
    """(entities found, warnings, sheet-level errors as dicts) of the workbook at `path`."""
    workbook = _open(path)
    try:
        errors: list[CellError] = []
        specs = workbook.entity_sheets(errors)
        return [s.name for s in specs], workbook.warnings, [_as_dict(e) for e in errors]
    finally:
        workbook.close()


def _as_dict(error: CellError) -> dict:
    return {"sheet": error.sheet, "row": error.row, "column": error.column, "message": error.message}


def _rows(path, spec) -> tuple[list[FileRow], list[dict], list[str]]:
    """The data rows the reader finds in the entity's sheet, its errors and the workbook's warnings."""
    workbook = _open(path)
    try:
        errors: list[CellError] = []
        rows = list(workbook.sheet_rows(spec, errors))
        return rows, [_as_dict(e) for e in errors], workbook.warnings
    finally:
        workbook.close()


# -- the file as a whole ------------------------------------------------------------------------------------------

def test_file_hash_is_the_sha256_of_the_bytes(tmp_path):
    # FIPS 180-2 test vectors: "abc", and one million "a" (a file read in more than one piece would still agree).
    small = tmp_path / "abc.bin"
    small.write_bytes(b"abc")
    assert file_hash(small) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    big = tmp_path / "a.bin"
    big.write_bytes(b"a" * 1_000_000)
    assert file_hash(big) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"


def _set_meta(key: str, value):
    def change(wb):
        ws = wb["_meta"]
        for row in ws.iter_rows():
            if row[0].value == key:
                row[1].value = value
                return
        raise KeyError(key)
    return change


def test_a_workbook_whose_styles_part_is_cut_short_is_refused_as_damaged(exported, tmp_path):
    # The safety scan only looks for fonts in styles.xml; the spreadsheet reader itself then cannot open the file.
    target = tmp_path / "hong-kieu.xlsx"
    with zipfile.ZipFile(exported) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            dst.writestr(info.filename, data[: len(data) // 2] if info.filename == "xl/styles.xml" else data)

    with pytest.raises(ExchangeError) as caught:
        _open(target)
    assert str(caught.value) == ("Tệp “hong-kieu.xlsx” bị hỏng hoặc không đọc được: hãy mở lại bằng Excel, lưu "
                                 "thành tệp .xlsx rồi gửi lại.")  # no library text (English) in the message


@pytest.mark.parametrize(("typed", "message"), [
    ("một", "ke-hoach-v.xlsx”: phiên bản định dạng không đọc được."),  # words where the number was
    ("0", "ke-hoach-v.xlsx”: phiên bản định dạng không đọc được."),  # below the first version
    ("2", "ke-hoach-v.xlsx” được tạo bởi phiên bản mới hơn của chương trình (định dạng 2); "
          "hãy cập nhật chương trình."),  # one past the version this program writes
])
def test_format_versions_this_program_cannot_read(exported, tmp_path, typed, message):
    path = edit(exported, tmp_path / "ke-hoach-v.xlsx", _set_meta("format_version", typed))
    with pytest.raises(ExchangeError) as caught:
        _open(path)
    assert str(caught.value) == "Tệp “" + message


@pytest.mark.parametrize("name", ["abc-export", "xlsform", ""])  # before and after ours in ASCII order; cleared
def test_a_workbook_of_another_format_is_not_an_exchange_workbook(exported, tmp_path, name):
    path = edit(exported, tmp_path / "khac.xlsx", _set_meta("format", name or None))
    with pytest.raises(ExchangeError) as caught:
        _open(path)
    assert str(caught.value) == "Tệp “khac.xlsx” không phải là tệp trao đổi của SXTDBV (định dạng lạ)."


def test_format_version_1_typed_as_a_number_is_read(exported, tmp_path):
    path = edit(exported, tmp_path / "v1.xlsx", _set_meta("format_version", 1))
    workbook = _open(path)
    assert workbook.meta["format_version"] == "1" and workbook.meta["office"] == "SCT"
    workbook.close()


def test_stray_cells_on_the_meta_sheet_are_ignored(exported, tmp_path):
    def clerk(wb):  # a year and a note typed under the settings, nothing beside them
        ws = wb["_meta"]
        ws["A20"] = 2024
        ws["A21"] = "đã kiểm tra"
        ws["C1"] = "(không sửa trang này)"  # and a third column

    workbook = _open(edit(exported, tmp_path / "meta-ghi.xlsx", clerk))
    assert workbook.meta["format"] == "sxtdbv-exchange" and workbook.meta["scope"] == "plan"
    assert "đã kiểm tra" in workbook.meta and workbook.meta["đã kiểm tra"] == ""
    workbook.close()


def test_a_meta_sheet_with_its_values_column_cleared_is_not_an_exchange_workbook(exported, tmp_path):
    def clerk(wb):
        for cell in wb["_meta"]["B"]:
            cell.value = None

    with pytest.raises(ExchangeError) as caught:
        _open(edit(exported, tmp_path / "meta-b.xlsx", clerk))
    assert str(caught.value) == "Tệp “meta-b.xlsx” không phải là tệp trao đổi của SXTDBV (định dạng lạ)."


@pytest.mark.parametrize(("row", "read"), [(200, True), (201, False)])
def test_the_meta_sheet_is_read_down_to_row_200(exported, tmp_path, row, read):
    def clerk(wb):  # the "format" line moved down: row 200 is the last one read
        ws = wb["_meta"]
        ws["A1"], ws["B1"] = None, None
        ws.cell(row, 1).value, ws.cell(row, 2).value = "format", "sxtdbv-exchange"

    path = edit(exported, tmp_path / f"meta-{row}.xlsx", clerk)
    if read:
        workbook = _open(path)
        assert workbook.meta["format"] == "sxtdbv-exchange"
        workbook.close()
    else:
        with pytest.raises(ExchangeError, match="định dạng lạ"):
            _open(path)


# -- sheets found by name or by their columns ------------------------------------------------------------------

def test_an_empty_sheet_added_is_passed_silently_a_notes_sheet_with_a_warning(exported, tmp_path):
    def clerk(wb):
        wb.create_sheet("Sheet1")
        wb.create_sheet("Ghi chú")["A1"] = "Đã đối chiếu với sổ theo dõi ngày 05/12"
        wb.create_sheet("Nháp")["B3"] = "số liệu tạm"  # nothing on its first row
        wb.create_sheet("Trống")["A1"] = "   "  # "cleared" with the space bar: one row, no title
        codes = wb.create_sheet("Mã")  # the two hidden titles and nothing else
        codes["A1"], codes["B1"] = "_id", "_rev"

    found, warnings, errors = _sheets(edit(exported, tmp_path / "them-trang.xlsx", clerk))
    assert warnings == ["Trang “Ghi chú” " + NOT_DATA, "Trang “Nháp” " + NOT_DATA, "Trang “Trống” " + NOT_DATA]
    assert errors == [{"sheet": "Mã", "row": 0, "column": "",
                       "message": "trang này có các cột kỹ thuật của chương trình nhưng không khớp với trang dữ "
                                  "liệu nào: hãy đặt lại đúng tên trang."}]
    assert "participants" in found and len(found) == 20



def test_a_renamed_sheet_is_recognised_by_its_columns_after_a_notes_sheet(exported, tmp_path):
    def clerk(wb):
        wb.create_sheet("Ghi chú", index=1)["A1"] = "Danh sách gửi Sở"  # before the renamed sheet
        wb["Học viên"].title = "HV lớp 1"

    path = edit(exported, tmp_path / "doi-ten.xlsx", clerk)
    found, warnings, errors = _sheets(path)
    assert errors == []
    assert warnings == ["Trang “Ghi chú” " + NOT_DATA,
                        "Trang “HV lớp 1” được nhận là trang “Học viên” (theo các cột của trang; tên trang đã bị "
                        "đổi)."]
    assert "participants" in found
    rows, errors, _ = _rows(path, PARTICIPANTS)
    assert [(r.row, r.values["full_name"]) for r in rows] == [(2, "Nguyễn Văn A"), (3, "Nguyễn Văn B")]


def test_a_renamed_sheet_that_lost_a_column_matches_no_sheet(exported, tmp_path):
    def clerk(wb):
        ws = wb["Học viên"]
        ws.title = "HV"
        ws.delete_cols(column_of(ws, "Chức vụ"))
        wb["Tài liệu phát"].title = "TL"  # the next sheet, renamed too: still recognised

    found, warnings, errors = _sheets(edit(exported, tmp_path / "mat-cot.xlsx", clerk))
    assert errors == [{"sheet": "HV", "row": 0, "column": "",
                       "message": "trang này có các cột kỹ thuật của chương trình nhưng không khớp với trang dữ "
                                  "liệu nào: hãy đặt lại đúng tên trang."}]
    assert "participants" not in found and "training_materials" in found
    assert "Trang “TL” được nhận là trang “Tài liệu phát” (theo các cột của trang; tên trang đã bị đổi)." in warnings
    assert "Trang “Học viên” có trong tệp khi xuất nhưng nay không còn (đã bị xóa hoặc đổi tên?): không nhập được " \
           "dòng nào của trang này." in warnings


def test_a_sheet_holding_the_columns_of_two_sheets_is_the_one_with_more_columns(exported, tmp_path):
    def clerk(wb):  # the course's own titles pasted right of the participants' (23 columns against 20)
        ws = wb["Học viên"]
        ws.title = "Tập huấn"
        for title in ("Kế hoạch", "Nhiệm vụ", "Tên lớp", "Địa điểm", "Ngày bắt đầu", "Ngày kết thúc",
                      "Số học viên dự kiến", "Đơn vị tổ chức", "Giảng viên", "Nội dung tập huấn",
                      "_ref:plan_id", "_ref:task_id", "_ref:organiser_id"):
            ws.cell(1, ws.max_column + 1).value = title

    found, warnings, errors = _sheets(edit(exported, tmp_path / "gop.xlsx", clerk))
    assert errors == [] and "participants" in found
    assert "Trang “Tập huấn” được nhận là trang “Học viên” (theo các cột của trang; tên trang đã bị đổi)." in warnings


def test_a_sheet_holding_the_columns_of_two_sheets_of_the_same_width_is_not_guessed(exported, tmp_path):
    def clerk(wb):  # "Tài liệu phát"'s own titles pasted right of "Giải ngân"'s: 12 columns each
        ws = wb["Giải ngân"]
        ws.title = "Tài liệu và giải ngân"
        for title in ("Lớp tập huấn", "Tên tài liệu", "Loại tài liệu", "Số bản", "_ref:course_id"):
            ws.cell(1, ws.max_column + 1).value = title

    found, _, errors = _sheets(edit(exported, tmp_path / "gop-12.xlsx", clerk))
    assert errors == [{"sheet": "Tài liệu và giải ngân", "row": 0, "column": "",
                       "message": "trang này có các cột kỹ thuật của chương trình nhưng không khớp với trang dữ "
                                  "liệu nào: hãy đặt lại đúng tên trang."}]
    assert "disbursements" not in found and "training_materials" in found


def test_a_copy_of_a_sheet_beside_it_is_refused(exported, tmp_path):
    def clerk(wb):
        copy = wb.copy_worksheet(wb["Học viên"])
        copy.title = "Học viên (2)"
        wb.move_sheet(copy, offset=wb.sheetnames.index("Tài liệu phát") - wb.sheetnames.index(copy.title))
        wb["Giải ngân"].title = "GN"  # a sheet after the copy, renamed: still recognised

    path = edit(exported, tmp_path / "chep.xlsx", clerk)
    assert openpyxl.load_workbook(path, read_only=True).sheetnames[9:12] == ["Học viên", "Học viên (2)",
                                                                             "Tài liệu phát"]
    found, warnings, errors = _sheets(path)
    assert errors == [{"sheet": "Học viên (2)", "row": 0, "column": "",
                       "message": "trang này có các cột của trang “Học viên” nhưng tệp đã có trang “Học viên”: "
                                  "hãy gộp hai trang hoặc xóa một trang."}]
    assert "participants" in found and "disbursements" in found
    assert warnings == ["Trang “GN” được nhận là trang “Giải ngân” (theo các cột của trang; tên trang đã bị đổi)."]


def test_a_deleted_sheet_is_told(exported, tmp_path):
    def clerk(wb):
        del wb["Học viên"]

    found, warnings, errors = _sheets(edit(exported, tmp_path / "xoa-trang.xlsx", clerk))
    assert errors == [] and "participants" not in found and len(found) == 19
    assert warnings == ["Trang “Học viên” có trong tệp khi xuất nhưng nay không còn (đã bị xóa hoặc đổi tên?): "
                        "không nhập được dòng nào của trang này."]


# -- the header row -----------------------------------------------------------------------------------------------

def test_a_blank_line_inserted_above_the_header_leaves_every_column_missing(exported, tmp_path):
    def clerk(wb):
        wb["Học viên"].insert_rows(1)

    rows, errors, _ = _rows(edit(exported, tmp_path / "dong-trong.xlsx", clerk), PARTICIPANTS)
    assert rows == []
    assert len(errors) == 1
    error = errors[0]
    assert (error["sheet"], error["row"], error["column"]) == ("Học viên", 1, "Lớp tập huấn")
    assert error["message"].startswith("thiếu cột: Lớp tập huấn, Họ và tên, Giới tính, Năm sinh, ")
    assert error["message"].endswith(", _rev, _revs, _owner, _updated.")


def test_an_empty_column_inserted_between_columns_changes_nothing(exported, tmp_path):
    def clerk(wb):  # a blank column to write in by hand once printed, between "Họ và tên" and "Giới tính"
        ws = wb["Học viên"]
        ws.insert_cols(column_of(ws, "Giới tính"))

    rows, errors, warnings = _rows(edit(exported, tmp_path / "cot-trong.xlsx", clerk), PARTICIPANTS)
    assert errors == [] and warnings == []
    assert [(r.row, r.values["full_name"], r.values["gender"], r.values["birth_year"]) for r in rows] == [
        (2, "Nguyễn Văn A", "Nam", 1980), (3, "Nguyễn Văn B", "Nam", 1981)]


AGENCIES = BY_NAME["agencies"]
LATER = ("Đơn vị kế thừa", "Tên trước khi đổi", "Ngày đổi tên", "_ref:successor_ids")  # added with the 2025 reform


def test_an_agency_sheet_of_the_previous_release_reads_its_later_columns_as_empty(exported, tmp_path):
    def previous_release(wb):
        ws = wb["Đơn vị"]
        for title in LATER:
            ws.delete_cols(column_of(ws, title))

    rows, errors, warnings = _rows(edit(exported, tmp_path / "cu.xlsx", previous_release), AGENCIES)
    assert errors == [] and warnings == []
    first = rows[0]
    assert first.row == 2 and first.values["code"] and first.values["name"]
    assert (first.values["successor_ids"], first.values["former_name"], first.values["renamed_on"]) == ("", "", "")
    assert first.ref_ids["successor_ids"] == ""


def test_a_later_column_is_no_excuse_for_a_missing_one(exported, tmp_path):
    def clerk(wb):
        ws = wb["Đơn vị"]
        for title in (*LATER, "Tên đơn vị"):
            ws.delete_cols(column_of(ws, title))

    rows, errors, _ = _rows(edit(exported, tmp_path / "thieu.xlsx", clerk), AGENCIES)
    assert rows == []
    assert errors == [{"sheet": "Đơn vị", "row": 1, "column": "Tên đơn vị", "message": "thiếu cột: Tên đơn vị."}]


# -- data rows ----------------------------------------------------------------------------------------------------

def test_a_note_beside_the_table_is_not_a_row_and_the_rows_under_it_are_read(exported, tmp_path):
    def clerk(wb):  # a column of the office's own, a note under the last participant, a new one typed below it
        ws = wb["Học viên"]
        col = ws.max_column + 1
        ws.cell(1, col).value = "Ghi chú của phòng"
        ws.cell(4, col).value = "Đã gọi điện xác nhận"
        ws.cell(5, column_of(ws, "Họ và tên")).value = "Lê Thị Hoa"

    rows, errors, warnings = _rows(edit(exported, tmp_path / "ghi-chu.xlsx", clerk), PARTICIPANTS)
    assert errors == []
    assert [(r.row, r.values["full_name"]) for r in rows] == [(2, "Nguyễn Văn A"), (3, "Nguyễn Văn B"),
                                                              (5, "Lê Thị Hoa")]
    assert warnings == ["Trang “Học viên”: bỏ qua các cột không biết: Ghi chú của phòng."]


@pytest.mark.parametrize(("mark", "deleted"), [
    ("x", True), ("X", True), ("Xóa", True), ("có", True), (1, True),
    ("không", False), ("?", False), ("", False),
])
def test_only_a_delete_mark_deletes(exported, tmp_path, mark, deleted):
    def clerk(wb):
        ws = wb["Học viên"]
        ws.cell(3, column_of(ws, "Xóa")).value = mark

    rows, errors, _ = _rows(edit(exported, tmp_path / "xoa.xlsx", clerk), PARTICIPANTS)
    assert errors == []
    assert [(r.values["full_name"], r.deleted) for r in rows] == [("Nguyễn Văn A", False), ("Nguyễn Văn B", deleted)]


# -- cells --------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("typed", "read"), [
    (45292, date(2024, 1, 1)),  # Excel's day number of 1 January 2024
    (45458, date(2024, 6, 15)),  # 45292 + 31 + 29 + 31 + 30 + 31 + 14
    (1, date(1899, 12, 31)),  # the first day number
    (199999, date(2447, 7, 29)),  # the last one taken: 45292 + 146097 (400 years) + 8401 (23 years) + 209 days
    (0, 0),  # not a day: left as typed, the date rule refuses it
    (200000, 200000),  # past the last day number taken
    (2958465, 2958465),  # Excel's own last day, 31/12/9999, is past it too
])
def test_a_date_cell_that_lost_its_date_format(exported, tmp_path, typed, read):
    def clerk(wb):  # the course's start date pasted as a plain number into a cell formatted "General"
        ws = wb["Lớp tập huấn"]
        cell = ws.cell(2, column_of(ws, "Ngày bắt đầu"))
        cell.value = typed
        cell.number_format = "General"

    rows, errors, _ = _rows(edit(exported, tmp_path / "ngay.xlsx", clerk), COURSES)
    assert errors == []
    value = rows[0].values["start_date"]
    assert value == read and isinstance(value, date) == isinstance(read, date)


def test_numbers_typed_into_text_reference_and_phone_cells(exported, tmp_path):
    def clerk(wb):
        ws = wb["Học viên"]
        for title, value in (("Chức vụ", 2024), ("Đơn vị cử", 15), ("Loại đơn vị", 3), ("Điện thoại", 913123456),
                             ("Ghi chú", 12.5)):
            ws.cell(2, column_of(ws, title)).value = value

    rows, errors, _ = _rows(edit(exported, tmp_path / "so.xlsx", clerk), PARTICIPANTS)
    assert errors == []
    values = rows[0].values
    # Text, a reference and a choice typed as whole numbers are the text Excel shows ("2024", not "2024.0").
    assert (values["position"], values["agency_id"], values["org_kind"]) == ("2024", "15", "3")
    # A phone stays a number: the domain rule gives it back the leading 0 Excel dropped.
    assert values["phone"] == 913123456 and not isinstance(values["phone"], str)
    assert values["note"] == 12.5
    assert values["birth_year"] == 1980 and not isinstance(values["birth_year"], str)


def test_true_and_false_typed_into_text_cells_are_the_words_excel_shows(exported, tmp_path):
    def clerk(wb):
        ws = wb["Học viên"]
        ws.cell(2, column_of(ws, "Chức vụ")).value = True  # TRUE typed in Excel becomes a logical cell
        ws.cell(2, column_of(ws, "Ghi chú")).value = False

    rows, errors, _ = _rows(edit(exported, tmp_path / "bool.xlsx", clerk), PARTICIPANTS)
    assert errors == []
    assert (rows[0].values["position"], rows[0].values["note"]) == ("TRUE", "FALSE")


def test_legacy_text_is_converted_and_the_note_shows_its_first_40_characters(exported, tmp_path):
    # "Hội đồng nhân dân tỉnh Đồng Nai ban hành nghị quyết" typed with a .VnTime font (TCVN3): 51 characters, the
    # 40th is the "h" ending "hành" (the 41st a space), in both encodings (TCVN3 has one character per letter).
    typed = "Héi ®ång nh©n d©n tØnh §ång Nai ban hµnh nghÞ quyÕt"

    def clerk(wb):
        from openpyxl.styles import Font

        ws = wb["Căn cứ pháp lý"]
        cell = ws.cell(2, column_of(ws, "Cơ quan ban hành"))
        cell.value = typed
        cell.font = Font(name=".VnTime")

    path = edit(exported, tmp_path / "vntime.xlsx", clerk)
    workbook = _open(path)
    try:
        rows = list(workbook.sheet_rows(LEGAL_BASES, []))
        assert rows[0].values["issuer"] == "Hội đồng nhân dân tỉnh Đồng Nai ban hành nghị quyết"
        assert workbook.legacy_notes() == [
            "Trang “Căn cứ pháp lý”: 1 ô gõ bằng bảng mã cũ TCVN3 (.VnTime) đã được chuyển sang Unicode "
            "(ví dụ “Héi ®ång nh©n d©n tØnh §ång Nai ban hµnh” → “Hội đồng nhân dân tỉnh Đồng Nai ban hành”)."]
    finally:
        workbook.close()


def test_a_damaged_sheet_is_an_error_of_the_sheet_not_of_a_row(exported, tmp_path):
    target = tmp_path / "hong.xlsx"
    with zipfile.ZipFile(exported) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet10.xml":  # Học viên, the 10th sheet after _meta
                data = data.replace(b"</row>", b"</rowx>", 2)
            dst.writestr(info.filename, data)

    _, errors, _ = _rows(target, PARTICIPANTS)
    message = ("trang bị hỏng (nội dung không đúng định dạng Excel), không đọc được hết: hãy mở tệp bằng Excel "
               "hoặc Calc và lưu lại.")
    assert errors == [{"sheet": "Học viên", "row": 0, "column": "", "message": message}]
    assert str(CellError("Học viên", 0, "", message)) == f"Trang “Học viên”: {message}"


@pytest.mark.parametrize(("column", "title"), [
    (1, "Lớp tập huấn"),  # the first column
    (23, "_updated"),  # the last column the program wrote
    (24, "cột 24"),  # one past it (X): no title, named by its number
    (27, "cột 27"),  # AA, the first column named by two letters
])
def test_a_formula_is_refused_in_the_cell_it_was_typed_in(exported, tmp_path, column, title):
    def clerk(wb):
        wb["Học viên"].cell(3, column).value = "=1+1"

    rows, errors, _ = _rows(edit(exported, tmp_path / "cong-thuc.xlsx", clerk), PARTICIPANTS)
    assert errors == [] and [r.errors for r in rows][0] == []
    assert [_as_dict(e) for e in rows[1].errors] == [
        {"sheet": "Học viên", "row": 3, "column": title,
         "message": "ô chứa công thức: không được nhận, hãy thay bằng giá trị."}]


@pytest.mark.parametrize(("limit", "refused"), [(3, False), (2, True)])
def test_a_sheet_over_the_row_limit_is_refused_before_it_is_read(exported, monkeypatch, limit, refused):
    # The participants' sheet holds 3 rows (the titles and two people); the real limit, 300,000, scaled down.
    from desktop.exchange import reader

    monkeypatch.setattr(reader, "MAX_ROWS", limit)
    rows, errors, _ = _rows(exported, PARTICIPANTS)
    if refused:
        assert rows == []
        assert errors == [{"sheet": "Học viên", "row": 0, "column": "",
                           "message": "có 3 dòng, vượt giới hạn 2 dòng một trang."}]
    else:
        assert errors == [] and [r.row for r in rows] == [2, 3]


def test_legacy_text_pasted_without_its_font_is_recognised_by_its_letters(exported, tmp_path):
    # "Công ty TNHH Hòa Bình" in TCVN3, pasted into a cell of the workbook's own font (no .VnTime anywhere).
    def clerk(wb):
        ws = wb["Học viên"]
        ws.cell(2, column_of(ws, "Đơn vị công tác")).value = "C«ng ty TNHH Hßa B×nh"
        ws.cell(3, column_of(ws, "Đơn vị công tác")).value = "C«ng ty S¬n Hµ"  # the note's example is the first

    workbook = _open(edit(exported, tmp_path / "dan.xlsx", clerk))
    try:
        rows = list(workbook.sheet_rows(PARTICIPANTS, []))
        assert [r.values["organisation"] for r in rows] == ["Công ty TNHH Hòa Bình", "Công ty Sơn Hà"]
        assert workbook.legacy_notes() == [
            "Trang “Học viên”: 2 ô gõ bằng bảng mã cũ TCVN3/VNI đã được chuyển sang Unicode "
            "(ví dụ “C«ng ty TNHH Hßa B×nh” → “Công ty TNHH Hòa Bình”)."]
    finally:
        workbook.close()


def test_foreign_text_that_is_no_legacy_encoding_is_left_alone(exported, tmp_path):
    # "ß" is also a TCVN3 code (for "ò"), but "Straòe 北京" is no Vietnamese either: the cell is not converted.
    def clerk(wb):
        ws = wb["Học viên"]
        ws.cell(2, column_of(ws, "Đơn vị công tác")).value = "Straße 北京"

    workbook = _open(edit(exported, tmp_path / "ngoai.xlsx", clerk))
    try:
        rows = list(workbook.sheet_rows(PARTICIPANTS, []))
        assert rows[0].values["organisation"] == "Straße 北京"
        assert workbook.legacy_notes() == []
    finally:
        workbook.close()
