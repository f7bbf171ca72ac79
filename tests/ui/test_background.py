"""The background-operation helper: work runs off the GUI thread, reports progress, can be cancelled, and ends in a
callback on the GUI thread with the window busy meanwhile; failures reach the user as a sentence, not exception text."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QPushButton

from desktop.store.errors import StoreError
from desktop.ui.background import BackgroundOp, check_cancelled


def _window(qtbot) -> tuple[QMainWindow, QAction]:
    window = QMainWindow()
    action = QAction("Export", window)
    window.menuBar().addMenu("File").addAction(action)
    qtbot.addWidget(window)
    return window, action


def test_work_runs_in_a_worker_and_success_arrives_on_the_gui_thread(qtbot):
    window, action = _window(qtbot)
    gate = threading.Event()
    seen: dict = {}

    def work(progress, cancelled):
        seen["worker"] = threading.get_ident()
        progress(1, 2, "first half")
        gate.wait(5)
        progress(2, 2, "second half")
        return 42

    reports = []
    op = (BackgroundOp(window, work).on_progress(lambda d, t, label: reports.append((d, t, label)))
          .success(lambda result: seen.update(result=result, gui=threading.get_ident())).run_in_background())
    assert op.running
    assert not action.isEnabled()  # busy: the window's commands wait
    gate.set()
    assert op.wait()
    assert seen["result"] == 42
    assert seen["worker"] != threading.get_ident()
    assert seen["gui"] == threading.get_ident()
    assert reports == [(1, 2, "first half"), (2, 2, "second half")]
    assert action.isEnabled()


def test_cancel_is_cooperative_and_calls_the_cancelled_callback(qtbot):
    window, action = _window(qtbot)
    started = threading.Event()
    steps = []

    def work(progress, cancelled):
        started.set()
        for step in range(10_000):
            check_cancelled(cancelled)
            steps.append(step)
            threading.Event().wait(0.001)
        return "finished"

    ended = []
    op = (BackgroundOp(window, work).success(lambda r: ended.append(("ok", r)))
          .on_cancelled(lambda: ended.append(("cancelled", None))).run_in_background())
    started.wait(5)
    op.cancel()
    assert op.wait()
    assert ended == [("cancelled", None)]
    assert len(steps) < 10_000
    assert action.isEnabled()


def test_a_refusal_shows_its_own_message_and_an_unexpected_error_no_exception_text(qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr("desktop.ui.errors.error_log_path", lambda: tmp_path / "sxtdbv.log")
    window, _ = _window(qtbot)

    def refused(progress, cancelled):
        raise StoreError("Không ghi được cơ sở dữ liệu: ổ đĩa đầy.")

    def crashed(progress, cancelled):
        return {}["missing_key"]

    messages = []
    BackgroundOp(window, refused).failure(messages.append).run_in_background().wait()
    BackgroundOp(window, crashed).failure(messages.append).run_in_background().wait()
    assert messages[0] == "Không ghi được cơ sở dữ liệu: ổ đĩa đầy."
    assert "missing_key" not in messages[1] and "KeyError" not in messages[1]
    assert "missing_key" in (tmp_path / "sxtdbv.log").read_text(encoding="utf-8")  # the details are kept


def test_the_progress_dialog_cancel_button_stops_the_work(qtbot):
    window, _ = _window(qtbot)
    window.show()
    started = threading.Event()

    def work(progress, cancelled):
        started.set()
        while not cancelled():
            progress(1, 3, "")
            threading.Event().wait(0.01)
        check_cancelled(cancelled)

    ended = []
    op = BackgroundOp(window, work).with_progress("Đang ghi…").on_cancelled(lambda: ended.append("cancelled"))
    op.run_in_background()
    started.wait(5)
    qtbot.waitUntil(lambda: op._dialog is not None and op._dialog.isVisible(), timeout=3000)
    qtbot.mouseClick(op._dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)  # the Cancel button
    assert op.wait()
    assert ended == ["cancelled"]


def test_the_dashboard_of_a_big_database_fills_in_after_the_window_is_up(qtbot, sample_window, monkeypatch):
    from desktop.services import analysis
    from desktop.ui.pages import dashboard as dashboard_module
    from tests.ui.helpers import go_to_page

    monkeypatch.setattr(dashboard_module, "BACKGROUND_FROM_PARTICIPANTS", 100)  # the sample's 300 count as many
    page = go_to_page(qtbot, sample_window, "plan")
    page = go_to_page(qtbot, sample_window, "dashboard")
    assert page.as_of.text() == "Đang tính các số liệu…"
    assert sample_window.export_action.isEnabled()  # the window stays usable meanwhile
    qtbot.waitUntil(lambda: page._job is not None and not page._job.running, timeout=10000)
    f = analysis.dashboard(sample_window.ctx.store, sample_window.ctx.plan_id)
    value = page.findChild(type(page.as_of), "value_participants").text()
    assert value == f"{f['training']['count']} / {f['training']['target']}" == "281 / 200"


def test_a_big_course_shows_its_list_first_and_its_figures_when_ready(qtbot, sample_window, monkeypatch):
    from desktop.services import analysis
    from desktop.ui.pages import training as training_module
    from tests.ui.helpers import go_to_page

    monkeypatch.setattr(training_module, "BACKGROUND_FROM_PARTICIPANTS", 100)
    page = go_to_page(qtbot, sample_window, "training")
    assert page.participants.model.rowCount() == 300  # the list is there at once
    qtbot.waitUntil(lambda: "Đang tính" not in page.figures.text(), timeout=10000)
    course = page.courses.current_row()
    f = analysis.training_figures(sample_window.ctx.store, course["id"])
    assert f"Học viên: {f['count']} / chỉ tiêu {f['target']}" in page.figures.text()
