"""The import preview and foreign-list dialogs, driven as a user would (the services run in a worker thread)."""

from __future__ import annotations

import os
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.exchange.model import CONFLICT, THEIRS
from desktop.services.exchange import apply_import, export_workbook, preview_import
from desktop.ui.exchange.import_preview import ImportPreviewDialog
from desktop.ui.exchange.list_import import ListImportDialog
from tests.exchange.helpers import add_course, column_of, digest, edit, new_store, spec_sheet

SHOTS = os.environ.get("SXTDBV_SCREENSHOT_DIR")


def _shot(widget, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(Path(SHOTS) / name))


@pytest.fixture
def conflict_file(tmp_path):
    hub = new_store(tmp_path / "hub.db")
    office = new_store(tmp_path / "office.db", office="BIENHOA", empty=True)
    export_workbook(hub, tmp_path / "hub.xlsx")
    apply_import(office, preview_import(office, tmp_path / "hub.xlsx"))
    agency = office.db.execute("SELECT id FROM agencies WHERE code = 'BIENHOA'").fetchone()[0]
    report = office.repo("office_reports").rows(agency_id=agency)[0]
    office.repo("office_reports").update(report["id"], {"summary": "Đã tổ chức 2 lớp, 350 học viên"})
    hub.repo("office_reports").update(report["id"], {"summary": "Sở ghi: chưa nhận báo cáo"})
    export_workbook(office, tmp_path / "bienhoa.xlsx")

    def more(wb):  # the office also fixed an indicator's result in Excel (out of its scope: rejected)
        ws = wb[spec_sheet("indicators")]
        ws.cell(2, column_of(ws, "Kết quả thực hiện")).value = 99

    edit(tmp_path / "bienhoa.xlsx", tmp_path / "bienhoa2.xlsx", more)
    office.close()
    yield hub, report["id"], tmp_path
    hub.close()


def test_preview_dialog_conflict_resolution_and_apply(qtbot, conflict_file, monkeypatch):
    hub, report_id, folder = conflict_file
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    dialog = ImportPreviewDialog(None, hub, folder / "bienhoa2.xlsx")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
    assert dialog.count_labels[CONFLICT].text() == "1"
    assert dialog.count_labels["rejected"].text() == "1"
    assert dialog.status_filter.currentData() == CONFLICT and dialog.proxy.rowCount() == 1
    details = dialog.proxy.index(0, 4).data()
    assert "Sở ghi: chưa nhận báo cáo → Đã tổ chức 2 lớp, 350 học viên" in details
    assert not dialog.apply_button.isEnabled()  # a conflict is open and a row is rejected
    assert "Chỉ tiêu" in dialog.messages.toPlainText() or dialog.skip_rejected.isVisible()

    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.theirs_selected, Qt.MouseButton.LeftButton)
    assert dialog.proxy.index(0, 5).data() == "Take the file's version"
    assert not dialog.apply_button.isEnabled()
    dialog.skip_rejected.setChecked(True)
    assert dialog.apply_button.isEnabled()
    dialog.status_filter.setCurrentIndex(0)
    _shot(dialog, "import_preview.png")
    printable = dialog.preview_html()
    assert "Sở ghi: chưa nhận báo cáo" in printable and "Chỉ tiêu" in printable and "<b>1</b>" in printable

    before = digest(hub)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20_000)
    assert shown and "1" in shown[0]
    assert digest(hub) != before
    assert hub.repo("office_reports").get(report_id)["summary"] == "Đã tổ chức 2 lớp, 350 học viên"
    assert not any(r["actual"] == 99 for r in hub.repo("indicators").rows())
    assert dialog.preview.conflicts[0].resolution == THEIRS


def test_preview_dialog_refused_file_and_cancel(qtbot, seeded_store, tmp_path):
    bad = tmp_path / "bad.xlsx"
    bad.write_text("không phải Excel")
    dialog = ImportPreviewDialog(None, seeded_store, bad)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "Excel" in dialog.messages.toPlainText(), timeout=10_000)
    assert "không phải là tệp Excel" in dialog.messages.toPlainText()
    assert not dialog.apply_button.isEnabled()
    before = digest(seeded_store)
    dialog.reject()
    assert digest(seeded_store) == before


def test_foreign_list_dialog_maps_previews_and_applies(qtbot, seeded_store, tmp_path):
    course = add_course(seeded_store, 0)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(["STT", "Họ và tên", "Đơn vị", "Chức vụ", "Điện thoại"])
    ws.append([1, "Trần Thị Mai", "UBND phường Tân Phong", "Chuyên viên", "0912345678"])
    ws.append([2, "Lê Văn Hùng", "Công ty CP Dệt Đồng Nai", "Trưởng phòng", "0912000111"])
    ws.append([3, "", "Công ty thiếu tên", "", ""])
    wb.save(tmp_path / "ds.xlsx")
    dialog = ListImportDialog(None, seeded_store, tmp_path / "ds.xlsx")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "full_name" in dialog.combos and not dialog.working, timeout=10_000)
    assert dialog.parent_row.currentData() == course
    assert dialog.header_row.value() == 1
    assert dialog.combos["full_name"].currentText() == "Họ và tên"
    assert dialog.combos["organisation"].currentText() == "Đơn vị"
    assert dialog.combos["position"].currentText() == "Chức vụ"
    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.working, timeout=10_000)
    assert dialog.preview.counts["new"] == 2 and dialog.preview.counts["rejected"] == 1
    assert not dialog.apply_button.isEnabled()  # a rejected row: left out only when the user says so
    dialog.skip_rejected.setChecked(True)
    _shot(dialog, "foreign_list.png")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=10_000)
    names = {p["full_name"] for p in seeded_store.repo("participants").rows(course_id=course)}
    assert names == {"Trần Thị Mai", "Lê Văn Hùng"}


def test_export_progress_dialog_writes_the_file(qtbot, seeded_store, tmp_path):
    from desktop.ui.exchange.export_dialog import ExportProgressDialog

    dialog = ExportProgressDialog(None, seeded_store, tmp_path / "ke_hoach.xlsx")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted, timeout=20_000)
    assert dialog.result_value is not None and dialog.result_value.total > 50
    assert (tmp_path / "ke_hoach.xlsx").exists()
    assert not list(tmp_path.glob("*.partial"))


def test_a_sheet_lost_since_the_export_is_a_warning_in_the_dialog_and_the_cli(qtbot, tmp_path, capsys):
    from desktop.cli import main

    hub = new_store(tmp_path / "hub.db")
    add_course(hub, 2)
    export_workbook(hub, tmp_path / "a.xlsx")
    edit(tmp_path / "a.xlsx", tmp_path / "b.xlsx", lambda wb: wb.remove(wb[spec_sheet("participants")]))
    dialog = ImportPreviewDialog(None, hub, tmp_path / "b.xlsx")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.preview is not None, timeout=20_000)
    expected = "Trang “Học viên” có trong tệp khi xuất nhưng nay không còn"
    assert expected in dialog.messages.toPlainText()
    dialog.reject()
    hub.close()
    capsys.readouterr()
    assert main(["--db", str(tmp_path / "hub.db"), "import", "--dry-run", str(tmp_path / "b.xlsx")]) == 0
    assert f"Lưu ý: {expected}" in capsys.readouterr().out
