"""Undo and redo of edits and deletions (Ctrl+Z / Ctrl+Y, the toolbar), a new plan year, and the modal form's
behaviour as a person meets it (cancel asks before losing typed text; money regrouped as typed)."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QMessageBox, QWidget

from desktop.services import analysis
from desktop.ui.forms.entity_dialog import EntityDialog
from tests.ui.helpers import (
    add_through_form,
    click,
    delete_through_button,
    edit_through_form,
    field_text,
    find_row,
    go_to_page,
    panel,
    select_row,
    table_texts,
    type_text,
)
from tests.ui.new_year_robot import NewYearRobot


def _press(qtbot, window, key, modifiers=Qt.KeyboardModifier.ControlModifier) -> None:
    window.activateWindow()
    window.findChild(QLabel, "heading").setFocus()  # not inside a text box, where Ctrl+Z undoes typing
    qtbot.keyClick(window, key, modifiers)


def test_ctrl_z_undoes_an_edit_and_ctrl_y_redoes_it(qtbot, main_window, forms):
    go_to_page(qtbot, main_window, "agencies")
    agencies = panel(main_window, "agencies")
    assert edit_through_form(qtbot, forms, agencies, "Sở Tài chính", name="Sở Tài chính Đồng Nai",
                             short_name="STC ĐN").saved
    repo = main_window.ctx.store.repo("agencies")
    assert repo.rows(code="STC")[0]["name"] == "Sở Tài chính Đồng Nai"
    assert main_window.undo_action.isEnabled()

    _press(qtbot, main_window, Qt.Key.Key_Z)
    assert repo.rows(code="STC")[0]["name"] == "Sở Tài chính"
    assert repo.rows(code="STC")[0]["short_name"] == "STC"
    assert "Sở Tài chính" in table_texts(agencies, "name") and "Sở Tài chính Đồng Nai" not in table_texts(agencies,
                                                                                                         "name")
    _press(qtbot, main_window, Qt.Key.Key_Y)
    assert repo.rows(code="STC")[0]["name"] == "Sở Tài chính Đồng Nai"
    assert "Sở Tài chính Đồng Nai" in table_texts(agencies, "name")


def test_undo_of_a_cascading_deletion_restores_the_course_and_its_participants(qtbot, main_window, forms, answers):
    go_to_page(qtbot, main_window, "training")
    courses, people = panel(main_window, "training_courses"), panel(main_window, "participants")
    assert add_through_form(qtbot, forms, courses, title="Lớp tập huấn Long Khánh").saved
    for name in ("Võ Thị Lan", "Đặng Văn Hùng"):
        assert add_through_form(qtbot, forms, people, full_name=name, gender="Nữ" if "Thị" in name else "Nam").saved
    store = main_window.ctx.store

    delete_through_button(qtbot, courses, "Lớp tập huấn Long Khánh")
    assert [kind for kind, _text in answers.asked] == ["question", "warning"]  # dependants announced
    assert "2" in answers.asked[1][1]
    assert store.repo("training_courses").count() == 0 and store.repo("participants").count() == 0
    assert courses.model.rowCount() == 0 and people.model.rowCount() == 0

    toolbar_undo = main_window.toolbar.widgetForAction(main_window.toolbar_undo_action)
    click(qtbot, toolbar_undo)
    assert store.repo("training_courses").count() == 1 and store.repo("participants").count() == 2
    assert table_texts(courses, "title") == ["Lớp tập huấn Long Khánh"]
    select_row(qtbot, courses, "Long Khánh")
    assert sorted(table_texts(people, "full_name")) == ["Võ Thị Lan", "Đặng Văn Hùng"]


def test_undo_of_an_addition_removes_the_row(qtbot, main_window, forms):
    go_to_page(qtbot, main_window, "agencies")
    agencies = panel(main_window, "agencies")
    assert add_through_form(qtbot, forms, agencies, code="PHU_LY", name="UBND phường Phú Lý", kind="Khác").saved
    main_window.undo_action.trigger()
    assert main_window.ctx.store.repo("agencies").count(code="PHU_LY") == 0
    assert find_row(agencies, "UBND phường Phú Lý") < 0


def test_new_plan_year_copies_the_structure_with_progress_cleared(qtbot, sample_window, monkeypatch, answers):
    store = sample_window.ctx.store
    old_plan = sample_window.ctx.plan_id
    old_tasks = store.repo("tasks").rows(plan_id=old_plan)
    assert any(t["progress"] for t in old_tasks)  # the sample year has progress
    robot = NewYearRobot(qtbot, monkeypatch).will(2025)
    click(qtbot, sample_window.toolbar.widgetForAction(sample_window.new_year_action))
    assert robot.visits[0].created and robot.visits[0].rows == []  # in 2025 every agency of 2024 still existed
    new_plan = sample_window.ctx.plan_id
    assert new_plan != old_plan
    assert sample_window.findChild(type(sample_window.plan_combo), "plan_year").currentText() == "2025"
    plan = store.repo("plans").get(new_plan)
    assert plan["year"] == 2025 and "2025" in plan["title"] and plan["total_budget"] == 1_394_200_000

    tasks_page = go_to_page(qtbot, sample_window, "tasks")
    tasks = panel(tasks_page, "tasks")
    assert tasks.model.rowCount() == len(old_tasks)
    assert set(table_texts(tasks, "progress")) <= {"0%"}
    assert set(table_texts(tasks, "status")) == {"Chưa thực hiện"}
    assert all(d.endswith("2025") for d in table_texts(tasks, "end_date") if d)
    new_indicators = [i for o in store.repo("objectives").rows(plan_id=new_plan)
                      for i in store.repo("indicators").rows(objective_id=o["id"])]
    assert len(new_indicators) == 4 and all(i["actual"] is None and i["target"] for i in new_indicators)
    budget = analysis.budget_figures(store, new_plan)
    assert budget["lines"] == 21 and budget["disbursed"] == 0
    go_to_page(qtbot, sample_window, "training")
    assert panel(sample_window, "training_courses").model.rowCount() == 0  # courses are the year's work, not copied

    # the same year again is refused with a message, nothing created
    robot.will(2025)
    click(qtbot, sample_window.toolbar.widgetForAction(sample_window.new_year_action))
    assert "Đã có kế hoạch năm 2025" in robot.visits[-1].status and not robot.visits[-1].create_enabled
    assert store.repo("plans").count(year=2025) == 1

    # back to 2024: its progress is untouched
    from tests.ui.helpers import choose

    choose(sample_window.plan_combo, "2024")
    assert sample_window.ctx.plan_id == old_plan
    go_to_page(qtbot, sample_window, "tasks")
    assert set(table_texts(tasks, "progress")) != {"0%"}


def test_cancel_asks_before_losing_typed_text_in_the_real_modal_form(qtbot, main_window, monkeypatch):
    go_to_page(qtbot, main_window, "agencies")
    agencies = panel(main_window, "agencies")
    before = agencies.model.rowCount()
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    asked = []

    def question(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    seen = {}

    def act():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, EntityDialog):
            QTimer.singleShot(10, act)
            return
        try:
            seen["title"] = dialog.windowTitle()
            type_text(dialog.findChild(QWidget, "field_name"), "Phòng Kinh tế Biên Hòa")
            cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
            qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
            seen["open_after_first_cancel"] = dialog.isVisible()
            seen["kept_text"] = field_text(dialog, "name")
            qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        finally:
            if dialog.isVisible():  # never leave the test hanging in the form's event loop
                QDialog.done(dialog, QDialog.DialogCode.Rejected)

    QTimer.singleShot(0, act)
    click(qtbot, agencies.add_button)  # dialog.exec() runs its own event loop until the form closes
    assert seen["open_after_first_cancel"] and seen["kept_text"] == "Phòng Kinh tế Biên Hòa"
    assert len(asked) == 2
    assert agencies.model.rowCount() == before
    assert main_window.ctx.store.repo("agencies").count(name="Phòng Kinh tế Biên Hòa") == 0


def test_money_typed_plainly_is_shown_grouped_and_saved(qtbot, main_window, forms):
    go_to_page(qtbot, main_window, "budget")
    lines = panel(main_window, "budget_lines")
    shown = {}
    forms.will(item="In tài liệu", quantity="500", unit_price="45000", amount="22500000",
               then=lambda d: shown.update(price=field_text(d, "unit_price"), amount=field_text(d, "amount")))
    click(qtbot, lines.add_button)
    assert forms.last.saved, forms.last
    assert shown == {"price": "45.000", "amount": "22.500.000"}
    assert main_window.ctx.store.repo("budget_lines").rows()[0]["amount"] == 22_500_000


def test_undo_of_an_agency_deletion_puts_it_back_in_the_lists_of_coordinating_agencies(qtbot, main_window, forms,
                                                                                       answers):
    store = main_window.ctx.store
    go_to_page(qtbot, main_window, "agencies")
    agencies = panel(main_window, "agencies")
    assert add_through_form(qtbot, forms, agencies, code="BQL_KCN", name="Ban Quản lý các Khu công nghiệp",
                            kind="Sở, ban, ngành").saved
    go_to_page(qtbot, main_window, "tasks")
    tasks = panel(main_window, "tasks")
    assert edit_through_form(qtbot, forms, tasks, "II.2.1",
                             coordinating_ids=["Sở Tài chính", "Ban Quản lý các Khu công nghiệp"]).saved
    task = store.repo("tasks").rows(code="II.2.1")[0]
    before = sorted(json.loads(task["coordinating_ids"]))
    assert len(before) == 2

    go_to_page(qtbot, main_window, "agencies")
    delete_through_button(qtbot, agencies, "Ban Quản lý các Khu công nghiệp")
    # only the confirmation: no warning that the task "will be deleted with it", since it is not
    assert [kind for kind, _ in answers.asked] == ["question"], answers.asked
    task = store.repo("tasks").get(task["id"])
    assert len(json.loads(task["coordinating_ids"])) == 1  # taken out of the list, the task kept
    main_window.undo_action.trigger()
    assert store.repo("agencies").count(code="BQL_KCN") == 1
    task = store.repo("tasks").get(task["id"])
    assert sorted(json.loads(task["coordinating_ids"])) == before
    go_to_page(qtbot, main_window, "tasks")
    shown = row_texts_of(tasks, "II.2.1")
    assert shown  # the task is still listed


def row_texts_of(list_panel, text: str) -> list[str]:
    """The cells of the row showing `text`."""
    from tests.ui.helpers import row_texts

    position = find_row(list_panel, text)
    return row_texts(list_panel, position) if position >= 0 else []


def test_deleting_a_task_says_how_many_rows_go_with_it_and_undo_brings_them_all_back(qtbot, sample_window, answers):
    store = sample_window.ctx.store
    before = {e: store.repo(e).count() for e in ("tasks", "training_courses", "participants", "training_materials",
                                                 "budget_lines", "disbursements")}
    go_to_page(qtbot, sample_window, "tasks")
    tasks = panel(sample_window, "tasks")
    delete_through_button(qtbot, tasks, "II.1.1")
    gone = {e: before[e] - store.repo(e).count() for e in before}
    assert gone["tasks"] == 1 and gone["participants"] == 300 and gone["training_courses"] == 1
    kinds = [kind for kind, _ in answers.asked]
    assert kinds == ["question", "warning"]
    assert str(sum(gone.values()) - 1) in answers.asked[1][1]  # the warning counts every row that goes, 315
    main_window_undo = sample_window.undo_action
    main_window_undo.trigger()
    assert {e: store.repo(e).count() for e in before} == before
    go_to_page(qtbot, sample_window, "training")
    assert panel(sample_window, "participants").model.rowCount() == 300


def test_rows_added_after_choosing_a_year_belong_to_that_year(qtbot, sample_window, forms, monkeypatch):
    from tests.ui.helpers import choose

    store = sample_window.ctx.store
    NewYearRobot(qtbot, monkeypatch).will(2025)
    sample_window.new_year_action.trigger()
    new_plan = sample_window.ctx.plan_id
    dashboard = go_to_page(qtbot, sample_window, "dashboard")
    assert dashboard.findChild(QLabel, "value_participants").text() == "0 / 200"

    go_to_page(qtbot, sample_window, "training")
    courses = panel(sample_window, "training_courses")
    offered = []
    forms.will(title="Lớp tập huấn năm 2025", task_id="II.1.1",
               then=lambda d: offered.extend(d.editor("task_id").combo.itemData(i)
                                             for i in range(d.editor("task_id").combo.count())))
    click(qtbot, courses.add_button)
    assert forms.last.saved
    course = store.repo("training_courses").rows(title="Lớp tập huấn năm 2025")[0]
    assert course["plan_id"] == new_plan
    new_tasks = {t["id"] for t in store.repo("tasks").rows(plan_id=new_plan)}
    assert {i for i in offered if i} == new_tasks and course["task_id"] in new_tasks  # the year's own tasks
    assert table_texts(courses, "title") == ["Lớp tập huấn năm 2025"]

    choose(sample_window.plan_combo, "2024")
    assert "Lớp tập huấn năm 2025" not in table_texts(courses, "title") and courses.model.rowCount() == 1


def test_an_import_asks_first_when_it_would_end_the_undo_history(qtbot, main_window, forms, answers, monkeypatch,
                                                                 tmp_path):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from desktop.ui.exchange import import_preview
    from tests.ui.helpers import add_through_form, go_to_page, panel

    go_to_page(qtbot, main_window, "agencies")
    assert add_through_form(qtbot, forms, panel(main_window, "agencies"), code="XA_PA", name="UBND xã Phước An",
                            kind="UBND xã, phường").saved
    opened = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(tmp_path / "van-phong.xlsx"), ""))

    def preview(*args, **kwargs):
        opened.append(args)
        raise AssertionError("the import went ahead although the user said No")

    monkeypatch.setattr(import_preview, "ImportPreviewDialog", preview)
    answers.question = QMessageBox.StandardButton.No
    main_window.import_excel()
    assert opened == [] and "hoàn tác" in answers.asked[-1][1]
    assert main_window.undo_stack.index() == 1  # nothing lost
