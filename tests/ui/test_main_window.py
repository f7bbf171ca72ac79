"""The main window: the eight pages in the sidebar, shortcuts, remembered geometry and page, `--smoke`."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView

from desktop.ui.main_window import MainWindow
from tests.ui.helpers import go_to_page

PAGE_TITLES = ["Tổng quan", "Kế hoạch", "Nhiệm vụ", "Đào tạo", "Khảo sát", "Kinh phí", "Báo cáo đơn vị", "Đơn vị"]


def test_sidebar_has_the_eight_pages_in_vietnamese_and_each_opens(qtbot, main_window):
    sidebar = main_window.sidebar
    assert [sidebar.item(i).text() for i in range(sidebar.count())] == PAGE_TITLES
    for key in ("plan", "tasks", "training", "survey", "budget", "office_reports", "agencies", "dashboard"):
        page = go_to_page(qtbot, main_window, key)
        assert page.isVisible()
        assert page.findChild(QLabel, "heading").text() == PAGE_TITLES[[p.key for p in main_window.pages].index(key)]
        if key != "dashboard":
            assert any(t.isVisible() for t in page.findChildren(QTableView)), key
    assert "ui.db" in main_window.findChild(QLabel, "status_db").text()
    assert main_window.findChild(QLabel, "status_saved").text()


def test_keyboard_shortcuts_switch_pages_and_find_goes_to_search(qtbot, main_window):
    main_window.activateWindow()
    qtbot.keyClick(main_window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_page().key == "tasks"
    qtbot.keyClick(main_window, Qt.Key.Key_8, Qt.KeyboardModifier.ControlModifier)
    assert main_window.current_page().key == "agencies"
    qtbot.keyClick(main_window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    focused = main_window.focusWidget()
    assert focused is not None and focused.objectName() == "search"


def test_window_geometry_and_last_page_are_remembered(qtbot, ui_store, settings_folder):
    first = MainWindow(ui_store)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    assert first.current_page().key == "dashboard"  # the first start opens the overview
    first.resize(1111, 666)
    go_to_page(qtbot, first, "budget")
    first.close()
    written = list(settings_folder.rglob("*.ini"))
    assert written, "settings were not written in the test's folder"
    text = "".join(p.read_text(encoding="utf-8", errors="replace") for p in written)
    assert "geometry=@ByteArray(" in text and "PyObjectWrapper" not in text  # readable by Qt, not a pickle

    second = MainWindow(ui_store)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.current_page().key == "budget"
    # The offscreen screen is 800 × 800, so Qt fits a restored width to it (then to the window's minimum width); the
    # height, smaller than the screen, comes back exactly (the first window opened at the default 1280 × 800).
    assert second.height() == 666
    assert second.width() <= max(800, second.minimumSizeHint().width())


def test_smoke_option_visits_every_page(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "SXTDBV_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-m", "desktop", "--db", str(tmp_path / "smoke.db"), "--smoke"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "smoke ok: 8 pages" in done.stdout
    assert (tmp_path / "smoke.db").exists()
    # A check run visits every page but must not become the user's remembered page and window size.
    remembered = list((tmp_path / "config").rglob("*.conf")) if (tmp_path / "config").exists() else []
    assert not any("last_page" in p.read_text(encoding="utf-8", errors="replace").lower() for p in remembered)


def test_english_chosen_in_settings_is_used_at_the_next_start(qtbot, main_window, ui_store, monkeypatch, gui_app):
    from desktop.ui import app_settings
    from desktop.ui.i18n import install_translators
    from desktop.ui.settings_dialog import SettingsDialog
    from tests.ui.helpers import choose

    def fill_and_save(dialog):
        dialog.show()
        choose(dialog.language, "English")
        dialog.save()
        return int(dialog.result())

    monkeypatch.setattr(SettingsDialog, "exec", fill_and_save)
    main_window.settings_action.trigger()
    assert app_settings.get(app_settings.LANGUAGE) == "en"
    try:
        install_translators(gui_app, "en")  # what the next start does with the stored choice
        window = MainWindow(ui_store)
        qtbot.addWidget(window)
        window.show()
        titles = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
        assert titles[0] == "Overview" and titles[-1] == "Agencies" and len(titles) == 8
        agencies = window.page("agencies").findChild(QTableView, "table_agencies")  # built when first asked for
        headers = [agencies.model().headerData(c, Qt.Orientation.Horizontal) for c in range(3)]
        assert headers == ["Code", "Name", "Short name"]
        window.close()
    finally:
        install_translators(gui_app, "vi")
        app_settings.put(app_settings.LANGUAGE, "vi")
    assert main_window.sidebar.item(0).text() == "Tổng quan"


def test_a_database_without_any_plan_opens_and_every_page_shows(qtbot, empty_store):
    window = MainWindow(empty_store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    for key in ("dashboard", "plan", "tasks", "training", "survey", "budget", "office_reports", "agencies"):
        page = go_to_page(qtbot, window, key)
        assert page.isVisible()
    assert window.plan_combo.count() == 0
    from tests.ui.helpers import panel

    assert not panel(window, "tasks").add_button.isEnabled()  # nothing to add a task to: greyed out, not dead
    assert panel(window, "agencies").add_button.isEnabled()  # agencies belong to no plan


def test_python_import_is_put_back_where_pyside_replaced_it(monkeypatch):
    # PySide's __import__ (for `from __feature__ import ...`, unused here) reads the source of each module imported
    # after Qt; the window's start puts Python's own back, and leaves anyone else's hook alone.
    import builtins

    from desktop.app import restore_python_import

    original = builtins.__orig_import__
    feature_hook = builtins.__feature_import__
    monkeypatch.setattr(builtins, "__import__", feature_hook)
    restore_python_import()
    assert builtins.__import__ is original
    import json  # imports still work

    assert json.dumps([1]) == "[1]"

    def someone_elses(*args, **kwargs):
        return original(*args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", someone_elses)
    restore_python_import()
    assert builtins.__import__ is someone_elses
