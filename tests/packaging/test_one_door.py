"""Opening, locking, read-only mode, backups and the display check each live in one place (issue 13): the GUI and the
commands go through desktop/services/opening.py and desktop/services/backup.py, never around them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.services.opening import open_for_window
from desktop.store import StoreError

DESKTOP = Path(__file__).resolve().parents[2] / "desktop"
FACES = sorted([*DESKTOP.joinpath("ui").rglob("*.py"), *DESKTOP.joinpath("commands").glob("*.py"),
                DESKTOP / "app.py", DESKTOP / "cli.py"])
# What only the services may use: the lock, the raw opening, the backup copy, Store.open.
AROUND_THE_SERVICES = re.compile(r"desktop\.store\.(lock|database|backup|tempfiles)\b|Store\.open\(|DatabaseLock\(")
DISPLAY_CHECK = re.compile(r"\"(DISPLAY|WAYLAND_DISPLAY)\"")


@pytest.mark.parametrize("path", FACES, ids=lambda p: str(p.relative_to(DESKTOP)))
def test_the_gui_and_the_commands_open_lock_and_back_up_through_the_services(path):
    source = path.read_text(encoding="utf-8")
    assert AROUND_THE_SERVICES.findall(source) == []
    assert DISPLAY_CHECK.findall(source) == []  # desktop/display.py decides whether there is a screen


def test_the_guis_first_start_creates_the_database_and_says_so(tmp_path):
    path = tmp_path / "moi" / "sxtdbv.db"
    opened = open_for_window(path, is_default=True)
    try:
        assert not opened.read_only and opened.lock is not None and opened.lock.acquired
        assert any("đã tạo cơ sở dữ liệu mới" in note and str(path) in note for note in opened.notes)
        assert opened.store.repo("plans").count() == 1
    finally:
        opened.close()
    again = open_for_window(path, is_default=True)
    assert again.notes == []  # the second start opens it, nothing to tell
    again.close()


def test_the_window_refuses_an_empty_file_instead_of_making_it_a_database(tmp_path):
    path = tmp_path / "rong.db"
    path.write_bytes(b"")
    with pytest.raises(StoreError, match="0 byte"):
        open_for_window(path)
    assert path.stat().st_size == 0 and sorted(p.name for p in tmp_path.iterdir()) == ["rong.db"]


def test_settings_of_a_database_opened_read_only_cannot_be_changed_but_the_language_can(qtbot, tmp_path, own_settings):
    from desktop.services import backup
    from desktop.services.setup import init_database
    from desktop.store.lock import DatabaseLock
    from desktop.ui.settings_dialog import SettingsDialog

    path = tmp_path / "chung.db"
    init_database(path).close()
    other = DatabaseLock(path).acquire()
    opened = open_for_window(path)
    try:
        dialog = SettingsDialog(opened.store)
        qtbot.addWidget(dialog)
        assert not dialog.office.isEnabled() and not dialog.keep.isEnabled()
        dialog.save()  # no "attempt to write a readonly database"
        assert dialog.result() == dialog.DialogCode.Accepted
        assert backup.backup_keep(opened.store) == backup.DEFAULT_KEEP
    finally:
        opened.close()
        other.release()


def test_backups_older_versions_made_beside_the_database_are_still_listed(tmp_path):
    from desktop.services import backup
    from desktop.services.setup import init_database

    path = tmp_path / "cu.db"
    init_database(path).close()
    beside = tmp_path / "backups"
    beside.mkdir()
    old = beside / "cu-20260102-080000-000-daily.db"
    old.write_bytes(path.read_bytes())
    (beside / "khac-20260102-080000-000-daily.db").write_bytes(b"")  # another database's: not listed
    assert [b.path for b in backup.list_backups(path)] == [old]
