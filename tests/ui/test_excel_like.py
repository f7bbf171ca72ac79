"""Lists that work like Excel: copy rows out (Ctrl+C, Ctrl+Shift+C with headers), paste rows in from Excel (preview,
one undo step, refused rows with their reason), edit a cell in place (F2 / Enter) and undo it, right-click menus,
hidden columns remembered at the next start."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.ui.main_window import MainWindow
from desktop.ui.widgets.paste_dialog import PasteDialog
from tests.ui.helpers import find_row, go_to_page, panel, select_row


def _agencies(qtbot, window):
    go_to_page(qtbot, window, "agencies")
    return panel(window, "agencies")


def _click_row(qtbot, agencies, text: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    row = find_row(agencies, text)
    rect = agencies.view.visualRect(agencies.model.index(row, 1))
    qtbot.mouseClick(agencies.view.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_ctrl_c_copies_the_selected_rows_as_tab_separated_text(qtbot, main_window):
    agencies = _agencies(qtbot, main_window)
    _click_row(qtbot, agencies, "Sở Công Thương")
    _click_row(qtbot, agencies, "Sở Tài chính", Qt.KeyboardModifier.ControlModifier)
    agencies.view.setFocus()
    qtbot.keyClick(agencies.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert len(lines) == 2
    cells = [line.split("\t") for line in lines]
    assert all(len(c) == 8 for c in cells)  # the eight shown columns
    assert {c[1] for c in cells} == {"Sở Công Thương", "Sở Tài chính"}
    assert any(c[0] == "SCT" for c in cells)

    qtbot.keyClick(agencies.view, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    lines = QGuiApplication.clipboard().text().splitlines()
    assert lines[0].split("\t")[:4] == ["Mã đơn vị", "Tên đơn vị", "Tên viết tắt", "Loại đơn vị"]
    assert len(lines) == 3


def test_three_rows_pasted_from_excel_are_added_then_undone_in_one_step(qtbot, main_window, monkeypatch, answers):
    agencies = _agencies(qtbot, main_window)
    before = agencies.model.rowCount()
    seen = {}

    def accept(dialog):
        seen["valid"] = len(dialog.plan.valid_rows)
        seen["refused"] = [(r.number, r.reason) for r in dialog.plan.refused_rows]
        seen["header"] = dialog.plan.header
        return 1

    monkeypatch.setattr(PasteDialog, "exec", accept)
    # As Excel puts it on the clipboard: a header row (in another order than the list's), then four rows, the last
    # one with no name.
    QGuiApplication.clipboard().setText(
        "Tên đơn vị\tMã đơn vị\tLoại đơn vị\r\n"
        "UBND xã Phước An\tXA_PA\tUBND xã, phường\r\n"
        "UBND xã Long Phước\tXA_LP\tUBND xã, phường\r\n"
        "Trung tâm Khuyến công\tTTKC\tSở, ban, ngành\r\n"
        "\tXA_TRONG\tUBND xã, phường\r\n")
    agencies.view.setFocus()
    qtbot.keyClick(agencies.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert seen["header"][0] == "Tên đơn vị"
    assert seen["valid"] == 3
    assert len(seen["refused"]) == 1 and seen["refused"][0][0] == 5 and "Tên đơn vị" in seen["refused"][0][1]
    assert agencies.model.rowCount() == before + 3
    stored = {r["code"]: r for r in main_window.ctx.store.repo("agencies").rows()}
    assert stored["XA_PA"]["name"] == "UBND xã Phước An" and stored["TTKC"]["kind"] == "department"
    assert "XA_TRONG" not in stored

    main_window.undo_action.trigger()  # one step takes the three rows away
    assert agencies.model.rowCount() == before
    assert not {"XA_PA", "XA_LP", "TTKC"} & {r["code"] for r in main_window.ctx.store.repo("agencies").rows()}
    main_window.redo_action.trigger()
    assert agencies.model.rowCount() == before + 3


def test_rows_pasted_without_a_header_follow_the_list_columns(qtbot, main_window, monkeypatch, answers):
    agencies = _agencies(qtbot, main_window)
    monkeypatch.setattr(PasteDialog, "exec", lambda dialog: 1)
    QGuiApplication.clipboard().setText("XA_BL\tUBND xã Bình Lợi\tBình Lợi\tUBND xã, phường\n")
    agencies.view.setFocus()
    qtbot.keyClick(agencies.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    stored = {r["code"]: r for r in main_window.ctx.store.repo("agencies").rows()}
    assert stored["XA_BL"]["short_name"] == "Bình Lợi"


def test_a_cell_edited_in_place_is_saved_and_undone(qtbot, main_window):
    agencies = _agencies(qtbot, main_window)
    select_row(qtbot, agencies, "Sở Tài chính")
    row = find_row(agencies, "Sở Tài chính")
    agencies.view.setCurrentIndex(agencies.model.index(row, 2))  # Tên viết tắt
    agencies.view.setFocus()
    qtbot.keyClick(agencies.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "STC-DN")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: main_window.undo_stack.count() == 1)
    stored = [r for r in main_window.ctx.store.repo("agencies").rows() if r["name"] == "Sở Tài chính"][0]
    assert stored["short_name"] == "STC-DN"
    assert agencies.model.index(find_row(agencies, "Sở Tài chính"), 2).data() == "STC-DN"
    main_window.undo_action.trigger()
    stored = [r for r in main_window.ctx.store.repo("agencies").rows() if r["name"] == "Sở Tài chính"][0]
    assert stored["short_name"] != "STC-DN"


def test_a_cell_emptied_in_place_is_refused_like_the_form(qtbot, main_window, answers):
    agencies = _agencies(qtbot, main_window)
    row = find_row(agencies, "Sở Tài chính")
    agencies.view.setCurrentIndex(agencies.model.index(row, 1))  # Tên đơn vị, required
    agencies.view.setFocus()
    qtbot.keyClick(agencies.view, Qt.Key.Key_Return)  # Enter edits in place, as F2
    editor = QApplication.focusWidget()
    editor.clear()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(answers.asked))
    assert answers.asked and "Tên đơn vị" in answers.asked[-1][1]
    assert find_row(agencies, "Sở Tài chính") >= 0


def test_ctrl_enter_opens_the_whole_row_in_the_form(qtbot, main_window, forms):
    agencies = _agencies(qtbot, main_window)
    select_row(qtbot, agencies, "Sở Tài chính")
    agencies.view.setFocus()
    forms.will(save=False)
    qtbot.keyClick(agencies.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert forms.last.opened_with["name"] == "Sở Tài chính"
    forms.will(save=False)  # the keypad's Enter as well
    qtbot.keyClick(agencies.view, Qt.Key.Key_Enter,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.KeypadModifier)
    assert len(forms.results) == 2
    assert QApplication.focusWidget() is agencies.view or not isinstance(QApplication.focusWidget(), QLineEdit)


def test_right_click_menu_on_a_row(qtbot, main_window):
    agencies = _agencies(qtbot, main_window)
    row = find_row(agencies, "Sở Tài chính")
    at = agencies.view.visualRect(agencies.model.index(row, 1)).center()
    from desktop.ui.widgets import list_actions

    menu = list_actions.row_menu(agencies, at)
    names = [a.objectName() for a in menu.actions() if a.objectName()]
    assert names[:5] == ["open_row", "duplicate_row", "copy_rows", "copy_rows_headers", "paste_rows"]
    assert "delete_row" in names
    assert agencies.current_row()["name"] == "Sở Tài chính"
    menu.findChild(type(menu.actions()[0]), "copy_rows").trigger()
    assert "Sở Tài chính" in QGuiApplication.clipboard().text()


def test_a_hidden_column_stays_hidden_at_the_next_start(qtbot, main_window, ui_store):
    agencies = _agencies(qtbot, main_window)
    header = agencies.view.horizontalHeader()
    menu = agencies.header_menu(QPoint(10, 5))  # what a right-click on the header opens
    short_name = next(a for a in menu.actions() if a.objectName() == "column_short_name")
    short_name.trigger()
    menu.close()
    assert agencies.view.isColumnHidden(2) and header.count() == 8
    main_window.close()

    again = MainWindow(ui_store)
    qtbot.addWidget(again)
    again.show()
    reopened = _agencies(qtbot, again)
    assert reopened.view.isColumnHidden(2)
    assert not reopened.view.isColumnHidden(1)
    QGuiApplication.clipboard().clear()
    reopened.view.selectRow(0)
    from desktop.ui.widgets import list_actions

    assert len(list_actions.copy_rows(reopened).splitlines()[0].split("\t")) == 7  # what is shown is what is copied
