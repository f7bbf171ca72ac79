"""GUI fixtures: the application (offscreen, Vietnamese), settings in a temporary folder, a main window on a seeded
temporary database, and one on a database filled with the sample year. Modal forms are driven by `forms`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, qInstallMessageHandler
from PySide6.QtWidgets import QMessageBox

from desktop.services import records
from desktop.services.setup import init_database
from desktop.store import Store
from tests.ui.helpers import FormRobot


def _point_settings_at(folder: Path) -> None:
    from desktop.ui import app_settings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.SystemScope, str(folder / "system"))
    app_settings.forget()


@pytest.fixture(scope="package")
def gui_app(qapp, tmp_path_factory):
    """The QApplication as the program sets it up (names, bundled font, Vietnamese translators), for the GUI tests
    only: the translators are removed afterwards, since the application object is shared with the other suites."""
    from desktop.app import create_application
    from desktop.ui.i18n import uninstall_translators

    _point_settings_at(tmp_path_factory.mktemp("settings-session"))
    capture = qInstallMessageHandler(None)  # pytest-qt's, which the program's own handler would replace
    app = create_application()
    qInstallMessageHandler(capture)
    yield app
    uninstall_translators(app)


@pytest.fixture(autouse=True)
def settings_folder(gui_app, tmp_path):
    """Every test reads and writes QSettings in its own temporary folder, never the user's."""
    folder = tmp_path / "settings"
    folder.mkdir()
    _point_settings_at(folder)
    yield folder
    from desktop.ui import app_settings

    app_settings.forget()


@pytest.fixture(scope="session")
def _template_dbs(tmp_path_factory) -> dict[str, Path]:
    """Seeded and sample-filled databases made once; each test works on its own copy."""
    from desktop.services.sample_data import fill_sample_data

    folder = tmp_path_factory.mktemp("templates")
    paths = {"seeded": folder / "seeded.db", "sample": folder / "sample.db"}
    store = init_database(paths["seeded"])
    store.close()
    store = init_database(paths["sample"])
    fill_sample_data(store, records.current_plan(store)["id"])
    store.close()
    return paths


def _copy_store(template: Path, target: Path) -> Store:
    shutil.copy(template, target)
    return Store.open(target)


@pytest.fixture
def ui_store(_template_dbs, tmp_path) -> Store:
    """A temporary database seeded with the 2024 plan (19 agencies, 12 tasks, 17 office reports, no courses)."""
    store = _copy_store(_template_dbs["seeded"], tmp_path / "ui.db")
    yield store
    store.close()


@pytest.fixture
def sample_store(_template_dbs, tmp_path) -> Store:
    """A temporary database with the sample year (1 course of 300 participants, 5 enterprises, 21 budget lines…)."""
    store = _copy_store(_template_dbs["sample"], tmp_path / "sample.db")
    yield store
    store.close()


def _open_window(qtbot, store: Store):
    from desktop.ui.main_window import MainWindow

    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def main_window(qtbot, ui_store):
    """The main window, shown, on the seeded temporary database."""
    return _open_window(qtbot, ui_store)


@pytest.fixture
def sample_window(qtbot, sample_store):
    """The main window, shown, on the database with the sample year."""
    return _open_window(qtbot, sample_store)


@pytest.fixture
def forms(qtbot, monkeypatch) -> FormRobot:
    """Drives the modal entity forms: queue what to type with forms.will(...) before clicking add / edit."""
    return FormRobot(qtbot, monkeypatch)


@pytest.fixture
def answers(monkeypatch):
    """Message boxes answered as the test says (Yes by default); the questions asked are recorded."""
    class Answers:
        def __init__(self):
            self.question = QMessageBox.StandardButton.Yes
            self.warning = QMessageBox.StandardButton.Yes
            self.asked: list[tuple[str, str]] = []

        def _question(self, _parent, title, text, *args, **kwargs):
            self.asked.append(("question", text))
            return self.question

        def _warning(self, _parent, title, text, *args, **kwargs):
            self.asked.append(("warning", text))
            return self.warning

        def _information(self, _parent, title, text, *args, **kwargs):
            self.asked.append(("information", text))
            return QMessageBox.StandardButton.Ok

    result = Answers()
    monkeypatch.setattr(QMessageBox, "question", result._question)
    monkeypatch.setattr(QMessageBox, "warning", result._warning)
    monkeypatch.setattr(QMessageBox, "information", result._information)
    return result
