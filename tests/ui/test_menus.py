"""The main window's own menus and toolbar, clicked as a user clicks them: Tệp → Xuất Excel / Nhập Excel / Sao lưu
ngay / Khôi phục từ bản sao lưu, Báo cáo → a summary → Lưu thành PDF, and the toolbar's Sao lưu ngay. The file dialogs
are answered by the test (their static functions replaced), the program's own dialogs are driven when they come up.

Actions are found by their visible Vietnamese text, as a user finds them, never by attribute: the tests hold whatever
module the window's code lives in."""

from __future__ import annotations

import gc
import subprocess
from collections.abc import Callable

import openpyxl
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QMenu, QToolButton, QWidget

from desktop.services import backup
from desktop.services.exchange import export_workbook
from tests.exchange.helpers import column_of, find_row
from tests.ui.helpers import find_row as find_list_row
from tests.ui.helpers import go_to_page, panel, row_texts

# A menu popping up on the offscreen platform: it cannot raise the popup nor grab the keyboard (no real screen).
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")


def _plain(text: str) -> str:
    return text.replace("&", "")


class Modals:
    """Drives the program's modal dialogs as they come up: `will(kind, handler)` queues a handler for the next modal
    dialog of that class; it is called every 30 ms until it returns True (e.g. once a preview has loaded)."""

    def __init__(self) -> None:
        self.queue: list[tuple[type, Callable[[QWidget], bool]]] = []
        self.handled: list[QWidget] = []
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(30)

    def will(self, kind: type, handler: Callable[[QWidget], bool]) -> None:
        """Queue `handler` for the next modal dialog of class `kind`."""
        self.queue.append((kind, handler))

    def _tick(self) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or not self.queue or not isinstance(dialog, self.queue[0][0]):
            return
        if self.queue[0][1](dialog):
            self.queue.pop(0)
            self.handled.append(dialog)


@pytest.fixture
def modals():
    robot = Modals()
    yield robot
    robot.timer.stop()
    assert not robot.queue, f"expected dialogs never came up: {robot.queue}"


@pytest.fixture
def file_dialogs(monkeypatch):
    """QFileDialog's static functions answered with the paths the test queues; what they were asked is kept."""
    class Answers:
        def __init__(self) -> None:
            self.paths: list[str] = []
            self.asked: list[tuple[str, str]] = []

        def _answer(self, _parent=None, caption="", directory="", filter="", *args, **kwargs):  # noqa: A002
            self.asked.append((caption, directory))
            return (self.paths.pop(0) if self.paths else ""), filter

    answers = Answers()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", answers._answer)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", answers._answer)
    return answers


def click_menu(qtbot, window, *path: str) -> None:
    """Click `path[0]` in the menu bar, then each item along the path (a submenu opens when clicked), as a user does.
    Queue the answers to the dialogs the last item opens before calling: the click returns when they are closed."""
    bar = window.menuBar()
    titles = [_plain(a.text()) for a in bar.actions()]
    assert path[0] in titles, titles
    top = bar.actions()[titles.index(path[0])]
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(top).center())
    menu: QMenu = top.menu()
    qtbot.waitUntil(menu.isVisible)
    for name in path[1:]:
        items = [_plain(a.text()) for a in menu.actions()]
        assert name in items, items
        action = menu.actions()[items.index(name)]
        assert action.isEnabled(), name
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        if action.menu() is not None:
            menu = action.menu()
            qtbot.waitUntil(menu.isVisible)


def click_toolbar(qtbot, window, text: str) -> None:
    """Click the toolbar button showing `text`."""
    toolbar = next(t for t in window.findChildren(QWidget) if t.objectName() == "main_toolbar")
    buttons = {_plain(b.text()): b for b in toolbar.findChildren(QToolButton) if b.isVisible()}
    assert text in buttons, list(buttons)
    qtbot.mouseClick(buttons[text], Qt.MouseButton.LeftButton)


def test_file_export_excel_writes_the_workbook_where_the_user_chose(qtbot, main_window, file_dialogs, modals,
                                                                    monkeypatch, tmp_path):
    offered = []

    def choose_whole_plan(_parent, _title, _label, items, *args, **kwargs):
        offered.extend(items)
        return items[0], True

    monkeypatch.setattr(QInputDialog, "getItem", choose_whole_plan)
    target = tmp_path / "gui-xuat" / "ke-hoach-2024"  # typed without ".xlsx": the program adds it
    target.parent.mkdir()
    file_dialogs.paths.append(str(target))
    click_menu(qtbot, main_window, "Tệp", "Xuất Excel…")
    written = target.with_suffix(".xlsx")
    qtbot.waitUntil(written.exists, timeout=30_000)
    assert offered[0] == "Toàn bộ kế hoạch" and "Sở Tài chính (STC)" in offered
    assert file_dialogs.asked[0][1].endswith("sxtdbv-2024-SCT.xlsx")  # the name suggested
    qtbot.waitUntil(lambda: "ke-hoach-2024.xlsx" in main_window.statusBar().currentMessage(), timeout=30_000)
    from desktop.ui.exchange.export_dialog import ExportProgressDialog

    # The export's thread has stopped by the time its dialog closed (a running QThread destroyed later aborts).
    assert not any(d.runner.busy for d in main_window.findChildren(ExportProgressDialog))
    gc.collect()
    workbook = openpyxl.load_workbook(written, read_only=True)
    tasks = workbook["Nhiệm vụ"]
    codes = [row[2] for row in tasks.iter_rows(min_row=2, values_only=True) if row[2]]
    assert "II.1" in codes and "II.1.1" in codes and len(codes) == 12  # the seeded plan's 12 tasks
    workbook.close()


def test_file_import_excel_previews_and_imports_the_clerks_edit(qtbot, main_window, file_dialogs, modals, answers,
                                                                tmp_path):
    from desktop.ui.exchange.import_preview import ImportPreviewDialog

    store = main_window.ctx.store
    sent = export_workbook(store, tmp_path / "gui-gui.xlsx").path
    workbook = openpyxl.load_workbook(sent)
    sheet = workbook["Đơn vị"]
    sheet.cell(find_row(sheet, "Mã đơn vị", "STC"), column_of(sheet, "Ghi chú")).value = "Đã đổi trụ sở"
    workbook.save(tmp_path / "tra-ve.xlsx")
    file_dialogs.paths.append(str(tmp_path / "tra-ve.xlsx"))

    def import_when_previewed(dialog) -> bool:
        if dialog.preview is None or not dialog.apply_button.isEnabled():
            return False
        assert dialog.count_labels["changed"].text() == "1"
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
        return True

    modals.will(ImportPreviewDialog, import_when_previewed)
    go_to_page(qtbot, main_window, "agencies")
    click_menu(qtbot, main_window, "Tệp", "Nhập Excel…")
    assert store.repo("agencies").rows(code="STC")[0]["note"] == "Đã đổi trụ sở"
    agencies = panel(main_window, "agencies")
    assert "Đã đổi trụ sở" in row_texts(agencies, find_list_row(agencies, "Sở Tài chính"))
    assert any(kind == "information" for kind, _ in answers.asked)  # the count of rows written was told
    assert [b.reason for b in backup.list_backups(store.path)].count(backup.IMPORT) == 1  # backed up first


def test_backup_from_the_toolbar_then_restore_it_from_the_file_menu(qtbot, main_window, modals, answers):
    from desktop.ui.restore_dialog import RestoreDialog

    main_window.resize(1366, 768)  # the office PCs' screen: the toolbar shows its buttons without the » overflow
    path = main_window.ctx.store.path
    assert backup.list_backups(path) == []
    click_toolbar(qtbot, main_window, "Sao lưu ngay")
    made = backup.list_backups(path)
    assert [b.reason for b in made] == [backup.MANUAL] and made[0].path.exists()
    assert str(made[0].path) in main_window.statusBar().currentMessage()

    # After the backup the Department of Finance's name is overwritten by mistake; the backup brings it back.
    go_to_page(qtbot, main_window, "agencies")
    store = main_window.ctx.store
    store.repo("agencies").update(store.repo("agencies").rows(code="STC")[0]["id"], {"name": "Sở Tài chánh (nhầm)"})
    listed = []

    def restore_the_manual_backup(dialog) -> bool:
        table = dialog.table
        reasons = [table.item(r, 1).text() for r in range(table.rowCount())]
        listed.extend(reasons)
        row = reasons.index("Theo yêu cầu")
        rect = table.visualRect(table.model().index(row, 0))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
        return True

    modals.will(RestoreDialog, restore_the_manual_backup)
    click_menu(qtbot, main_window, "Tệp", "Khôi phục từ bản sao lưu…")
    assert listed == ["Theo yêu cầu"]
    assert any(kind == "question" and "sao lưu" in text for kind, text in answers.asked)
    assert main_window.ctx.store.repo("agencies").rows(code="STC")[0]["name"] == "Sở Tài chính"
    agencies = panel(main_window, "agencies")
    assert find_list_row(agencies, "Sở Tài chính") >= 0 and find_list_row(agencies, "Sở Tài chánh (nhầm)") < 0
    # The data in use was backed up before being replaced.
    assert backup.RESTORE in [b.reason for b in backup.list_backups(path)]


def test_reports_menu_saves_a_summary_as_pdf(qtbot, sample_window, file_dialogs, answers, tmp_path):
    target = tmp_path / "kinh-phi.pdf"
    file_dialogs.paths.append(str(target))
    click_menu(qtbot, sample_window, "Báo cáo", "Dự toán và thực hiện kinh phí", "Lưu thành PDF…")
    assert target.read_bytes()[:5] == b"%PDF-"
    assert "budget-2024" in file_dialogs.asked[0][1]  # the name suggested
    text = subprocess.run(["pdftotext", str(target), "-"], capture_output=True, text=True, check=True).stdout
    assert "DỰ TOÁN" in text.upper() and "1.394.200.000" in text
    assert str(target) in sample_window.statusBar().currentMessage()
