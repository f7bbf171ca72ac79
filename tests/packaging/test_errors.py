"""The GUI's excepthook: a short message, the traceback in a rotating log in the data folder, the app keeps running."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.ui import errors
from desktop.ui.errors import error_log_path, install_excepthook


@pytest.fixture
def dialogs(monkeypatch):
    """The message boxes shown (modal exec patched so that tests do not block)."""
    shown: list[dict] = []

    def fake_exec(box):
        shown.append({"title": box.windowTitle(), "text": box.text(), "info": box.informativeText(),
                      "details": box.detailedText(), "parent": box.parent()})
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


@pytest.fixture
def reporter(qtbot):
    window = QWidget()
    qtbot.addWidget(window)
    installed = install_excepthook(lambda: window)
    installed.window = window
    yield installed
    installed.uninstall()


def fail_deep_inside():
    raise ValueError("giá trị không hợp lệ ở hàng 7")


def exc_info():
    try:
        fail_deep_inside()
    except ValueError as exc:
        return type(exc), exc, exc.__traceback__


def test_an_unexpected_error_shows_a_short_message_and_logs_the_traceback(reporter, dialogs):
    reporter.handle(*exc_info())
    assert len(dialogs) == 1
    shown = dialogs[0]
    assert shown["title"] == "Unexpected error" and "giá trị không hợp lệ ở hàng 7" in shown["text"]
    assert str(error_log_path()) in shown["info"] and "keeps running" in shown["info"]
    assert "fail_deep_inside" in shown["details"] and shown["parent"] is reporter.window
    log = error_log_path().read_text(encoding="utf-8")
    assert "Traceback" in log and "fail_deep_inside" in log and "giá trị không hợp lệ ở hàng 7" in log


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_reported_and_the_app_keeps_running(reporter, dialogs, qtbot):
    import sys

    assert sys.excepthook == reporter.handle
    QTimer.singleShot(0, fail_deep_inside)
    qtbot.waitUntil(lambda: len(dialogs) == 1, timeout=3000)
    later = []
    QTimer.singleShot(0, lambda: later.append("still running"))
    qtbot.waitUntil(lambda: later == ["still running"], timeout=3000)
    assert "fail_deep_inside" in error_log_path().read_text(encoding="utf-8")


def test_an_exception_in_another_thread_is_shown_by_the_gui_thread(reporter, dialogs, qtbot):
    thread = threading.Thread(target=fail_deep_inside)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: len(dialogs) == 1, timeout=3000)
    assert "giá trị không hợp lệ" in dialogs[0]["text"]


def test_a_burst_of_the_same_error_shows_one_dialog_but_logs_each(reporter, dialogs):
    for _ in range(5):
        reporter.handle(*exc_info())
    assert len(dialogs) == 1
    assert error_log_path().read_text(encoding="utf-8").count("Unexpected error") == 5


def test_the_log_rotates(reporter, dialogs, monkeypatch):
    monkeypatch.setattr(errors, "LOG_MAX_BYTES", 4000)
    logger = errors.error_logger()
    for handler in logger.handlers:
        handler.maxBytes = 4000
    for _ in range(40):
        errors.log_exception(exc_info())
    files = sorted(error_log_path().parent.glob("sxtdbv.log*"))
    assert [f.name for f in files] == ["sxtdbv.log", "sxtdbv.log.1", "sxtdbv.log.2", "sxtdbv.log.3"]
    assert all(f.stat().st_size <= 4000 + 2000 for f in files)


def test_uninstall_restores_the_previous_hook(qtbot):
    import sys

    before = sys.excepthook
    installed = install_excepthook(lambda: None)
    assert sys.excepthook == installed.handle
    installed.uninstall()
    assert sys.excepthook == before
