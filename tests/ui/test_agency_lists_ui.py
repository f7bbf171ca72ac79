"""The agencies page: an official list imported from Excel through its preview, the list exported, the 2025 update
applied through its preview; as a person clicks them."""

from __future__ import annotations

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QPushButton

from desktop.ui.agency_list_dialogs import AgencyListImportDialog, ReferenceUpdateDialog
from tests.test_agency_lists import ROWS, official_list
from tests.ui.helpers import click, find_row, go_to_page, panel


def _drive(qtbot, monkeypatch, dialog_class, seen: list, *, apply: bool = True):
    def fake_exec(dialog):
        dialog.show()
        qtbot.waitExposed(dialog)
        rows = [[dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]
                for r in range(dialog.table.rowCount())]
        seen.append((dialog.summary.text(), rows, dialog.notes.text(), dialog.apply_button.isEnabled()))
        if apply and dialog.apply_button.isEnabled():
            QTest.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
        else:
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(dialog_class, "exec", fake_exec)


def test_import_an_official_list_through_its_preview(qtbot, main_window, monkeypatch, tmp_path):
    path = official_list(tmp_path / "ds.xlsx", ROWS)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen: list = []
    _drive(qtbot, monkeypatch, AgencyListImportDialog, seen)
    page = go_to_page(qtbot, main_window, "agencies")
    click(qtbot, page.findChild(QPushButton, "import_list"))
    summary, rows, notes, enabled = seen[0]
    assert summary == "Trang “DS xa phuong”: 4 mới, 0 thay đổi, 1 không đổi, 0 bị từ chối."
    assert ["4", "Mới", "X_LT_A", "UBND xã Long Thành A", "kế thừa LONGTHANH"] == rows[0]
    assert "STNMT kết thúc hiệu lực ngày 28/02/2025 (có đơn vị kế thừa)." in notes and enabled
    agencies = panel(main_window, "agencies")
    assert find_row(agencies, "UBND xã Long Thành A") >= 0
    assert main_window.ctx.store.repo("agencies").rows(code="STNMT")[0]["valid_to"] == "2025-02-28"


def test_a_list_with_a_bad_row_cannot_be_imported(qtbot, main_window, monkeypatch, tmp_path):
    path = official_list(tmp_path / "bad.xlsx", [*ROWS, ["X_BAD", "UBND xã Sai", "thôn", "", "", ""]])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    seen: list = []
    _drive(qtbot, monkeypatch, AgencyListImportDialog, seen)
    page = go_to_page(qtbot, main_window, "agencies")
    before = main_window.ctx.store.repo("agencies").count()
    click(qtbot, page.findChild(QPushButton, "import_list"))
    _summary, rows, notes, enabled = seen[0]
    assert not enabled and "Nothing" not in notes and "sửa tệp" in notes
    assert rows[-1][1] == "Bị từ chối" and "dòng 9" in rows[-1][4]
    assert main_window.ctx.store.repo("agencies").count() == before


def test_export_then_apply_the_2025_update(qtbot, main_window, monkeypatch, tmp_path):
    out = tmp_path / "ds-don-vi.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "ds-don-vi"), ""))
    page = go_to_page(qtbot, main_window, "agencies")
    click(qtbot, page.findChild(QPushButton, "export_list"))
    assert load_workbook(out).active.max_row == 20  # header + 19 agencies
    assert "19" in main_window.statusBar().currentMessage()

    seen: list = []
    _drive(qtbot, monkeypatch, ReferenceUpdateDialog, seen)
    click(qtbot, page.findChild(QPushButton, "apply_2025"))
    summary, rows, notes, _enabled = seen[0]
    assert "12" in summary and "72/2025/QH15" in notes
    assert ["LONGTHANH", "UBND huyện Long Thành", "đã thêm căn cứ vào ghi chú"] in rows
    note = main_window.ctx.store.repo("agencies").rows(code="LONGTHANH")[0]["note"]
    assert "72/2025/QH15" in note
