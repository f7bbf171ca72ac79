"""How the lists behave under the hands of a person: double-click to edit, the Delete key, unique codes, unchanged
forms leave no undo step, numeric columns sort as numbers, a task cannot be its own parent."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.helpers import (
    add_through_form,
    click_header,
    edit_through_form,
    find_row,
    go_to_page,
    panel,
    select_row,
    table_texts,
)


def test_double_click_opens_the_form_and_the_delete_key_deletes(qtbot, main_window, forms, answers):
    go_to_page(qtbot, main_window, "agencies")
    agencies = panel(main_window, "agencies")
    select_row(qtbot, agencies, "Sở Tài chính")
    view = agencies.view
    index = view.model().index(view.currentIndex().row(), 0)
    forms.will(note="Đổi tên sau sáp nhập")
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    assert forms.last.opened_with["name"] == "Sở Tài chính" and forms.last.saved
    assert main_window.ctx.store.repo("agencies").rows(code="STC")[0]["note"] == "Đổi tên sau sáp nhập"

    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert answers.asked and "Sở Tài chính" in answers.asked[0][1]
    assert main_window.ctx.store.repo("agencies").count(code="STC") == 0
    assert find_row(agencies, "Sở Tài chính") < 0


def test_a_second_agency_with_the_same_code_is_refused_with_a_message(qtbot, main_window, forms):
    go_to_page(qtbot, main_window, "agencies")
    agencies = panel(main_window, "agencies")
    before = agencies.model.rowCount()
    result = add_through_form(qtbot, forms, agencies, code="SCT", name="Sở Công Thương (trùng)", kind="Khác")
    assert not result.saved
    message = result.errors.get("code", "") + result.banner
    assert "SCT" in message or "mã" in message.lower(), result
    assert agencies.model.rowCount() == before
    assert main_window.ctx.store.repo("agencies").count(code="SCT") == 1


def test_saving_an_unchanged_form_leaves_nothing_to_undo(qtbot, main_window, forms):
    go_to_page(qtbot, main_window, "agencies")
    agencies = panel(main_window, "agencies")
    before = main_window.ctx.store.repo("agencies").rows(code="STC")[0]
    assert edit_through_form(qtbot, forms, agencies, "Sở Tài chính").saved
    assert main_window.ctx.store.repo("agencies").rows(code="STC")[0]["rev"] == before["rev"]
    assert main_window.undo_stack.count() == 0 and not main_window.undo_action.isEnabled()


def test_money_columns_sort_as_numbers(qtbot, sample_window):
    go_to_page(qtbot, sample_window, "budget")
    lines = panel(sample_window, "budget_lines")
    header = lines.view.horizontalHeader()
    column = [c.key for c in lines.model.columns].index("amount")
    click_header(qtbot, lines, "amount")
    # The first click sorts ascending, as in Excel (A→Z, smallest first), and the header shows it.
    assert header.sortIndicatorSection() == column
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    texts = table_texts(lines, "amount")
    amounts = [int(t.replace(".", "")) for t in texts]
    assert amounts == sorted(amounts) and amounts[0] < amounts[-1]
    # As numbers, not as text: the sample amounts have different lengths, so a text sort would order them otherwise.
    assert texts != sorted(texts)
    click_header(qtbot, lines, "amount")
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    again = [int(t.replace(".", "")) for t in table_texts(lines, "amount")]
    assert again == sorted(amounts, reverse=True)


def test_a_task_cannot_be_made_its_own_parent(qtbot, main_window, forms):
    go_to_page(qtbot, main_window, "tasks")
    tasks = panel(main_window, "tasks")
    task = main_window.ctx.store.repo("tasks").rows(code="II.1")[0]
    offered = []
    forms.will(then=lambda d: offered.extend(d.editor("parent_id").combo.itemText(i)
                                             for i in range(d.editor("parent_id").combo.count())), save=False)
    select_row(qtbot, tasks, "II.1")
    from tests.ui.helpers import button, click

    click(qtbot, button(tasks, "edit"))
    own = [t for t in offered if t.startswith("II.1 ")]
    if own:  # offered: then saving it must be refused
        result = edit_through_form(qtbot, forms, tasks, "II.1", parent_id=own[0])
        assert not result.saved, "a task was saved as its own parent"
    assert main_window.ctx.store.repo("tasks").get(task["id"])["parent_id"] is None


def test_a_report_handed_in_leaves_the_dashboard_list_of_missing_offices(qtbot, main_window, forms):
    dashboard = go_to_page(qtbot, main_window, "dashboard")
    missing = dashboard.missing.count()
    assert missing == main_window.ctx.store.repo("office_reports").count(submitted_date=None) > 0
    go_to_page(qtbot, main_window, "office_reports")
    reports = panel(main_window, "office_reports")
    first = table_texts(reports, "agency_id")[0]
    assert edit_through_form(qtbot, forms, reports, first, submitted_date="28/11/2024").saved
    dashboard = go_to_page(qtbot, main_window, "dashboard")
    assert dashboard.missing.count() == missing - 1


def test_open_database_switches_every_page_to_the_other_file(qtbot, main_window, sample_store, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QLabel

    other = str(sample_store.path)
    sample_store.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (other, ""))
    go_to_page(qtbot, main_window, "training")
    assert panel(main_window, "participants").model.rowCount() == 0
    main_window.open_action.trigger()
    assert main_window.ctx.store.path is not None and str(main_window.ctx.store.path) == other
    assert "sample.db" in main_window.findChild(QLabel, "status_db").text()
    assert panel(main_window, "participants").model.rowCount() == 300
    assert main_window.current_page().key == "training"


def test_escape_on_a_typed_form_asks_before_discarding(qtbot, main_window, forms, answers):
    from PySide6.QtWidgets import QMessageBox

    go_to_page(qtbot, main_window, "agencies")
    agencies = panel(main_window, "agencies")
    answers.question = QMessageBox.StandardButton.Cancel
    state = {}

    def press_escape(dialog):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        state["still_open"] = dialog.isVisible()

    forms.will(save=False, then=press_escape, name="Phòng Tài chính - Kế hoạch Long Khánh", code="TCKH_LK",
               kind="Khác")
    from tests.ui.helpers import button, click

    click(qtbot, button(agencies, "add"))
    assert state["still_open"]
    assert [kind for kind, _ in answers.asked] == ["question"]
    assert main_window.ctx.store.repo("agencies").count(code="TCKH_LK") == 0


def test_overdue_activities_and_missing_reports_are_coloured(qtbot, main_window, forms):
    from desktop.ui import theme
    from desktop.ui.models.entity_model import EntityTableModel

    go_to_page(qtbot, main_window, "tasks")
    tasks = panel(main_window, "tasks")
    background = Qt.ItemDataRole.BackgroundRole

    def colour(list_panel, text):
        model: EntityTableModel = list_panel.view.model()
        value = model.index(find_row(list_panel, text), 0).data(background)
        return value.name() if value is not None else None

    red, green = theme.row_background(theme.DANGER).name(), theme.row_background(theme.SUCCESS).name()
    assert colour(tasks, "II.2.1") == red  # the 2024 deadline has passed, not done: red
    assert edit_through_form(qtbot, forms, tasks, "II.2.1", status="Hoàn thành", progress="100").saved
    assert colour(tasks, "II.2.1") is None
    go_to_page(qtbot, main_window, "office_reports")
    reports = panel(main_window, "office_reports")
    first = table_texts(reports, "agency_id")[0]
    assert colour(reports, first) == red
    assert edit_through_form(qtbot, forms, reports, first, submitted_date="28/11/2024").saved
    edited = reports.current_row()  # the edited row stays selected
    assert edited["submitted_date"] == "2024-11-28"
    value = reports.view.model().index(reports.view.currentIndex().row(), 0).data(background)
    assert value is not None and value.name() == green  # handed in on time: green
