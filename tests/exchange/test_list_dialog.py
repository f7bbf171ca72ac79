"""The list dialog on a list in the official layout, driven as a user would: it opens on the sheet holding the list
with the header row found under the title block, shows the sheet's first rows, lets the user pick another header
row by a click or the spin box, previews, and imports."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.ui.exchange.list_import import ListImportDialog
from tests.exchange.helpers import add_course, digest
from tests.exchange.official_lists import NEW_NAMES, SHEET, participants_list


def _idle(qtbot, dialog):
    qtbot.waitUntil(lambda: not dialog.working, timeout=10_000)


def test_official_list_header_choice_preview_and_import(qtbot, seeded_store, tmp_path):
    course = add_course(seeded_store, 1)
    path = participants_list(tmp_path / "ds.xlsx")
    dialog = ListImportDialog(None, seeded_store, path)
    qtbot.addWidget(dialog)
    dialog.show()
    _idle(qtbot, dialog)
    assert [dialog.sheet.itemText(i) for i in range(dialog.sheet.count())] == ["Công văn", SHEET]
    assert dialog.sheet.currentText() == SHEET  # the cover letter has no list
    assert dialog.header_row.value() == 7
    assert dialog.parent_row.currentData() == course
    assert dialog.combos["full_name"].currentText() == "Họ và tên"
    assert dialog.combos["birth_year"].currentText() == "Năm sinh"
    assert dialog.combos["organisation"].currentText() == "Đơn vị công tác"
    assert "6 rows to check, 10 rows skipped" in dialog.summary.text()

    sheet = dialog.sheet_view.preview_model
    assert sheet.rowCount() == 23
    assert sheet.index(0, 4).data() == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert sheet.index(9, 1).data() == "Lê Văn Hùng"  # typed in TCVN3, shown in Unicode
    assert sheet.index(9, 3).data() == "02/04/1979"
    assert dialog.sheet_view.columnSpan(0, 4) == 4 and dialog.sheet_view.rowSpan(9, 4) == 2  # merged cells
    assert sheet.index(6, 1).data(Qt.ItemDataRole.ToolTipRole) == "Header row: the titles of the columns"
    assert "Above the header" in sheet.index(3, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert sheet.index(16, 0).data(Qt.ItemDataRole.ToolTipRole) == "Skipped: dòng tổng cộng"
    assert sheet.index(8, 1).data(Qt.ItemDataRole.ToolTipRole) == ""

    # The user clicks the motto row: it becomes the header, and nothing maps any more.
    rect = dialog.sheet_view.visualRect(sheet.index(1, 5))
    qtbot.mouseClick(dialog.sheet_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    _idle(qtbot, dialog)
    assert dialog.header_row.value() == 2
    assert dialog.combos["full_name"].currentText() == "(not imported)"
    assert dialog.sheet_view.preview_model.header_row == 2
    # ...then types the right row in the spin box.
    dialog.header_row.selectAll()
    qtbot.keyClicks(dialog.header_row, "7")
    qtbot.keyClick(dialog.header_row, Qt.Key.Key_Return)
    _idle(qtbot, dialog)
    assert dialog.combos["full_name"].currentText() == "Họ và tên"

    before = digest(seeded_store)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.working, timeout=10_000)
    assert digest(seeded_store) == before
    assert (dialog.preview.counts["new"], dialog.preview.counts["unchanged"], dialog.preview.counts["rejected"]) \
        == (4, 1, 1)
    assert "New: 4, already present: 1, rejected: 1, skipped: 10." == dialog.summary.text()
    assert [dialog.model.index(r, 2).data() for r in range(dialog.model.rowCount())] == [9, 10, 11, 14, 15]
    assert "Giới tính" in dialog.model.index(4, 4).data()
    assert not dialog.apply_button.isEnabled()
    dialog.skip_rejected.setFocus()
    qtbot.keyClick(dialog.skip_rejected, Qt.Key.Key_Space)
    assert dialog.skip_rejected.isChecked() and dialog.apply_button.isEnabled()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    names = {p["full_name"] for p in seeded_store.repo("participants").rows(course_id=course)}
    assert names == NEW_NAMES | {"Nguyễn Văn A"}


def test_a_sheet_without_a_list_asks_for_the_header_row(qtbot, seeded_store, tmp_path):
    add_course(seeded_store, 0)
    dialog = ListImportDialog(None, seeded_store, participants_list(tmp_path / "ds.xlsx"))
    qtbot.addWidget(dialog)
    _idle(qtbot, dialog)
    dialog.sheet.setCurrentIndex(0)
    _idle(qtbot, dialog)
    assert dialog.sheet.currentText() == "Công văn"
    assert "không tìm thấy dòng tiêu đề" in dialog.summary.text()
    assert not dialog.preview_button.isEnabled() and not dialog.combos
    assert dialog.sheet_view.preview_model.index(0, 0).data() == "Kính gửi: Sở Công Thương tỉnh Đồng Nai"


def test_a_refused_file_is_said_in_the_dialog(qtbot, seeded_store, tmp_path):
    bad = tmp_path / "ds.xlsx"
    bad.write_text("STT;Họ và tên\n1;Trần Thị Mai\n")
    dialog = ListImportDialog(None, seeded_store, bad)
    qtbot.addWidget(dialog)
    _idle(qtbot, dialog)
    assert "không phải là tệp Excel" in dialog.summary.text()
    assert not dialog.preview_button.isEnabled() and not dialog.apply_button.isEnabled()


def test_stop_during_the_check_leaves_everything_as_it_was(qtbot, seeded_store, tmp_path, monkeypatch):
    from desktop.exchange.errors import ExchangeCancelled
    from desktop.services import lists

    add_course(seeded_store, 1)
    started = []

    def slow_preview(store, table, mapping, parent_id="", progress=None, cancel=None):
        # The real check, preceded by a long wait that honours Stop as the real loop does every 500 rows.
        started.append(True)
        while not cancel():
            progress(0, 6, table.sheet)
            time.sleep(0.02)
        raise ExchangeCancelled()

    monkeypatch.setattr(lists, "preview_list", slow_preview)
    dialog = ListImportDialog(None, seeded_store, participants_list(tmp_path / "ds.xlsx"))
    qtbot.addWidget(dialog)
    dialog.show()
    _idle(qtbot, dialog)
    before = digest(seeded_store)
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(started) and dialog.stop.isVisible(), timeout=10_000)
    assert dialog.working and not dialog.preview_button.isEnabled() and not dialog.header_row.isEnabled()
    qtbot.mouseClick(dialog.stop, Qt.MouseButton.LeftButton)
    _idle(qtbot, dialog)
    assert dialog.summary.text() == "Stopped: nothing was imported."
    assert dialog.preview is None and not dialog.apply_button.isEnabled() and dialog.preview_button.isEnabled()
    assert digest(seeded_store) == before


def test_the_check_itself_stops_when_asked(seeded_store, tmp_path):
    import pytest

    from desktop.exchange.errors import ExchangeCancelled
    from desktop.services import lists

    course = add_course(seeded_store, 0)
    table = lists.find_list(participants_list(tmp_path / "ds.xlsx"), "participants")
    mapping = lists.suggest_mapping("participants", table.headers)
    seen = []
    with pytest.raises(ExchangeCancelled):
        lists.preview_list(seeded_store, table, mapping, course, progress=lambda *a: seen.append(a),
                           cancel=lambda: True)
    assert seen == []


def test_the_dialog_and_its_change_list_speak_vietnamese(qtbot, qapp, seeded_store, tmp_path):
    from PySide6.QtCore import QTranslator

    from desktop.paths import resource

    add_course(seeded_store, 1)
    translator = QTranslator()
    assert translator.load(str(resource("i18n", "sxtdbv_vi.qm")))
    qapp.installTranslator(translator)
    try:
        dialog = ListImportDialog(None, seeded_store, participants_list(tmp_path / "ds.xlsx"))
        qtbot.addWidget(dialog)
        _idle(qtbot, dialog)
        qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.working, timeout=10_000)
        assert dialog.summary.text() == "Mới: 4, đã có: 1, bị từ chối: 1, bỏ qua: 10."
        headers = [dialog.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
        assert headers == ["Tình trạng", "Trang tính", "Dòng", "Nội dung", "Thay đổi (trước → sau)"]
        assert [dialog.model.index(r, 0).data() for r in (0, 4)] == ["Mới", "Bị từ chối"]
        sheet = dialog.sheet_view.preview_model
        assert sheet.index(16, 0).data(Qt.ItemDataRole.ToolTipRole) == "Bỏ qua: dòng tổng cộng"
        assert dialog.skip_rejected.text() == "Nhập các dòng còn lại, bỏ các dòng bị từ chối"
    finally:
        qapp.removeTranslator(translator)


def test_a_declared_list_kind_appears_in_the_dialog(qtbot, seeded_store, tmp_path, monkeypatch):
    import openpyxl

    from desktop.exchange.lists import spec as list_specs
    from desktop.exchange.lists.spec import ListSpec

    monkeypatch.setitem(list_specs.SPECS, "agencies", ListSpec(
        "agencies", key_fields=("code",), titles={"code": ("mã",), "name": ("tên đơn vị",), "kind": ("loại",)}))
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["DANH MỤC ĐƠN VỊ"])
    ws.append(["TT", "Mã", "Tên đơn vị", "Loại"])
    ws.append([1, "PHUOCTAN", "UBND phường Phước Tân", "UBND xã, phường"])
    wb.save(tmp_path / "dm.xlsx")
    dialog = ListImportDialog(None, seeded_store, tmp_path / "dm.xlsx", "agencies")
    qtbot.addWidget(dialog)
    dialog.show()
    _idle(qtbot, dialog)
    assert dialog.entity.currentText() == "Đơn vị" and not dialog.parent_row.isVisible()
    assert dialog.header_row.value() == 2 and dialog.combos["code"].currentText() == "Mã"
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.working, timeout=10_000)
    assert dialog.preview.counts["new"] == 1
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    assert seeded_store.repo("agencies").rows(code="PHUOCTAN")[0]["kind"] == "commune"


def test_choosing_the_other_kind_finds_its_sheet(qtbot, seeded_store, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    people = wb.active
    people.title = "Học viên"
    people.append(["STT", "Họ và tên", "Đơn vị công tác"])
    people.append([1, "Trần Thị Mai", "Công ty TNHH Hóa chất Long Thành"])
    firms = wb.create_sheet("Doanh nghiệp")
    firms.append(["DANH SÁCH DOANH NGHIỆP"])
    firms.append(["STT", "Tên doanh nghiệp", "Địa chỉ"])
    firms.append([1, "Công ty TNHH Hóa chất Long Thành", "KCN Long Thành"])
    wb.save(tmp_path / "hai.xlsx")
    dialog = ListImportDialog(None, seeded_store, tmp_path / "hai.xlsx")
    qtbot.addWidget(dialog)
    _idle(qtbot, dialog)
    assert dialog.sheet.currentText() == "Học viên" and dialog.header_row.value() == 1
    dialog.entity.setCurrentIndex(dialog.entity.findData("enterprises"))
    _idle(qtbot, dialog)
    assert dialog.sheet.currentText() == "Doanh nghiệp" and dialog.header_row.value() == 2
    assert dialog.combos["name"].currentText() == "Tên doanh nghiệp"
    assert dialog.parent_label.text() == "Plan:"
