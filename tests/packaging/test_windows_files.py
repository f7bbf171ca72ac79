"""Windows office PCs (issue 15, the store and file parts), tested on Linux with the Windows facts injected: SQLite
URIs for UNC and mapped paths, databases on network volumes, read-only openings that never write, the backup before
a schema upgrade, Windows' "file in use" errors, no stderr in the windowed exe, the local data folder."""

from __future__ import annotations

import errno
import hashlib
import sqlite3
import sys
from pathlib import Path, PureWindowsPath

import pytest

from desktop import paths
from desktop.services import backup as backup_policy
from desktop.services import opening
from desktop.services.setup import init_database
from desktop.store.database import open_database
from desktop.store.files import (
    DRIVE_REMOTE,
    HELD_BY_ANOTHER_PROGRAM,
    explain_os_error,
    is_network_path,
    retry_transient,
    sqlite_uri,
)
from desktop.store.lock import DatabaseLock
from desktop.store.schema import SCHEMA_VERSION
from tests.packaging.conftest import make_schema_1, sx

DRIVE_FIXED = 3


def digest(path: Path) -> str:
    """The SHA-256 of the file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


class WindowsError_(OSError):
    """An OSError as Windows raises it, with its `winerror` (Linux's OSError has none)."""

    def __init__(self, winerror: int):
        super().__init__(errno.EACCES, "The process cannot access the file because it is being used by another "
                                       "process")
        self.winerror = winerror


# -- SQLite URIs -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("path", "uri"), [
    (r"\\may-chu\du-lieu\SCT\sxtdbv.db", "file:////may-chu/du-lieu/SCT/sxtdbv.db?mode=ro"),
    (r"Z:\SCT\Kế hoạch 2024.db", "file:///Z:/SCT/K%E1%BA%BF%20ho%E1%BA%A1ch%202024.db?mode=ro"),
    (r"C:\Users\Nguyễn Văn A\AppData\Local\SXTDBV\sxtdbv.db",
     "file:///C:/Users/Nguy%E1%BB%85n%20V%C4%83n%20A/AppData/Local/SXTDBV/sxtdbv.db?mode=ro"),
    (r"D:\a#b?c%d.db", "file:///D:/a%23b%3Fc%25d.db?mode=ro"),
])
def test_sqlite_uri_of_windows_paths(path, uri):
    assert sqlite_uri(PureWindowsPath(path), platform="win32", mode="ro") == uri


def test_sqlite_uri_opens_a_file_whose_name_sqlite_would_misread(tmp_path):
    folder = tmp_path / "Kế hoạch #1 ?50%"
    folder.mkdir()
    path = folder / "dữ liệu.db"
    init_database(path).close()
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    try:
        assert conn.execute("SELECT count(*) FROM plans").fetchone()[0] == 1
    finally:
        conn.close()


# -- network volumes ------------------------------------------------------------------------------------------------
def test_network_volumes_are_recognised_from_the_systems_facts():
    def drive_type(kind: int):
        return lambda root: kind

    assert is_network_path(PureWindowsPath(r"\\may-chu\du-lieu\x.db"), platform="win32")
    assert is_network_path(PureWindowsPath(r"\\?\UNC\may-chu\du-lieu\x.db"), platform="win32")
    assert is_network_path(PureWindowsPath(r"Z:\x.db"), platform="win32", drive_type=drive_type(DRIVE_REMOTE))
    assert not is_network_path(PureWindowsPath(r"C:\x.db"), platform="win32", drive_type=drive_type(DRIVE_FIXED))
    mounts = [("/", "ext4"), ("/mnt/chung", "cifs"), ("/mnt/chung/local", "ext4"), ("/srv/nfs", "nfs4")]
    assert is_network_path("/mnt/chung/sct/x.db", platform="linux", mounts=lambda: mounts)
    assert is_network_path("/srv/nfs/x.db", platform="linux", mounts=lambda: mounts)
    assert not is_network_path("/mnt/chung/local/x.db", platform="linux", mounts=lambda: mounts)
    assert not is_network_path("/home/a/x.db", platform="linux", mounts=lambda: mounts)


@pytest.mark.parametrize(("network", "expected"), [(True, "delete"), (False, "wal")])
def test_a_database_on_a_network_volume_uses_a_rollback_journal(tmp_path, network, expected):
    # SQLite's WAL needs shared memory, which two computers cannot share: on a network volume a rollback journal
    # (one writer is already enforced by the lock file), WAL on a local disk.
    path = tmp_path / "x.db"
    init_database(path).close()
    db = open_database(path, network=network)
    try:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == expected
    finally:
        db.close()


# -- read-only means no write ---------------------------------------------------------------------------------------
def test_read_commands_never_change_the_file(tmp_path):
    data = tmp_path / "data"
    path = tmp_path / "x.db"
    init_database(path).close()
    before = digest(path)
    for args in (("summary", "--json"), ("export", tmp_path / "x.xlsx"), ("backup",), ("backup", "--list"),
                 ("import", "--dry-run", tmp_path / "x.xlsx")):
        done = sx("--db", path, *args, data=data)
        assert done.returncode == 0, (args, done.stderr)
        assert digest(path) == before, args
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "x.db", "x.xlsx"]  # no -wal, -shm or lock


def test_an_older_schema_opened_read_only_is_read_and_left_as_it_was(tmp_path):
    data = tmp_path / "data"
    path = tmp_path / "cu.db"
    make_schema_1(path)
    before = digest(path)
    other = DatabaseLock(path).acquire()  # another computer's older program holds it
    try:
        opened = opening.open_for_window(path)
        assert opened.read_only
        assert opened.store.repo("plans").count() == 1
        opened.close()
        done = sx("--db", path, "summary", "--json", data=data)
        assert done.returncode == 0, done.stderr
        assert f'"schema_version": {SCHEMA_VERSION}' in done.stdout  # read through an upgraded copy in memory
    finally:
        other.release()
    assert digest(path) == before
    conn = sqlite3.connect(str(path))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()


def test_the_window_opened_read_only_leaves_the_bytes_alone_while_another_writes(tmp_path):
    path = tmp_path / "x.db"
    init_database(path).close()
    before = digest(path)
    other = DatabaseLock(path).acquire()
    try:
        opened = opening.open_for_window(path)
        assert opened.read_only and "chỉ đọc" in opened.reason
        with pytest.raises(sqlite3.OperationalError):
            opened.store.db.execute("UPDATE plans SET title = 'x'")
        opened.close()
    finally:
        other.release()
    assert digest(path) == before


def test_a_schema_upgrade_is_preceded_by_a_backup_named_as_such(tmp_path, monkeypatch):
    monkeypatch.setenv("SXTDBV_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "cu.db"
    make_schema_1(path)
    old = digest(path)
    opened = opening.open_for_window(path)
    assert not opened.read_only and opened.store.schema_version == SCHEMA_VERSION
    opened.close()
    made = backup_policy.list_backups(path)
    assert [b.reason for b in made] == ["upgrade"] and made[0].reason_title == "trước khi nâng cấp lược đồ"
    assert any("nâng cấp lược đồ" in note for note in opened.notes)
    conn = sqlite3.connect(str(made[0].path))
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1  # the backup holds the old schema's file
    conn.close()
    assert old != digest(path)


# -- Windows messages -----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("code", [5, 32, 33])
def test_a_file_held_by_excel_is_explained(code):
    text = explain_os_error(WindowsError_(code), PureWindowsPath(r"C:\Users\A\Documents\ke-hoach.xlsx"))
    assert HELD_BY_ANOTHER_PROGRAM in text and "ke-hoach.xlsx" in text
    assert "process" not in text


def test_a_transient_hold_is_retried_and_a_lasting_one_is_told():
    calls, slept = [], []

    def held_twice() -> str:
        calls.append(1)
        if len(calls) <= 2:
            raise WindowsError_(32)
        return "đã ghi"

    assert retry_transient(held_twice, sleep=slept.append) == "đã ghi"
    assert len(calls) == 3 and len(slept) == 2

    def held() -> None:
        raise WindowsError_(32)

    with pytest.raises(OSError):
        retry_transient(held, sleep=slept.append)

    def missing() -> None:
        calls.append(1)
        raise FileNotFoundError(errno.ENOENT, "No such file")

    calls.clear()
    with pytest.raises(FileNotFoundError):
        retry_transient(missing, sleep=slept.append)
    assert len(calls) == 1  # not a hold: not retried


def test_no_write_to_a_missing_stderr(monkeypatch, tmp_path):
    from desktop.ui import errors

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("SXTDBV_DATA_DIR", str(blocker / "data"))  # the log cannot be written
    monkeypatch.setattr(sys, "stderr", None)
    try:
        raise ValueError("hỏng")
    except ValueError:
        assert errors.log_exception(sys.exc_info()) is None  # no AttributeError on None.write


# -- the data folder --------------------------------------------------------------------------------------------------
def test_the_data_folder_is_the_local_one_on_windows():
    env = {"LOCALAPPDATA": r"C:\Users\A\AppData\Local", "APPDATA": r"C:\Users\A\AppData\Roaming"}
    assert str(paths.data_dir(platform="win32", environ=env)).startswith(r"C:\Users\A\AppData\Local")
    assert str(paths.roaming_data_dir(platform="win32", environ=env)).startswith(r"C:\Users\A\AppData\Roaming")
    assert paths.roaming_data_dir(platform="linux", environ=env) is None


def test_a_database_left_in_the_roaming_folder_is_moved_with_its_backups(tmp_path, monkeypatch):
    local = tmp_path / "Local" / "SXTDBV"
    roaming = tmp_path / "Roaming" / "SXTDBV"
    monkeypatch.setenv("SXTDBV_DATA_DIR", str(local))
    monkeypatch.setattr(opening, "roaming_data_dir", lambda: roaming)
    old = roaming / "sxtdbv.db"
    store = init_database(old)
    store.repo("plans").update(store.repo("plans").rows()[0]["id"], {"title": "Kế hoạch đã sửa trên máy cũ"})
    store.close()
    (roaming / "backups").mkdir()
    (roaming / "backups" / "sxtdbv-20260101-080000-000-daily.db").write_bytes(old.read_bytes())
    default = local / "sxtdbv.db"
    opened = opening.open_for_window(default, is_default=True)
    try:
        assert opened.store.repo("plans").rows()[0]["title"] == "Kế hoạch đã sửa trên máy cũ"
        assert any("Đã chuyển cơ sở dữ liệu" in note for note in opened.notes)
    finally:
        opened.close()
    assert not old.exists() and (roaming / "sxtdbv.db.da-chuyen").exists()
    assert [b.reason for b in backup_policy.list_backups(default)] == ["daily"]


def test_an_export_over_a_workbook_held_a_moment_succeeds_and_one_held_open_is_explained(tmp_path, monkeypatch):
    from desktop.services.exchange import export_workbook
    from desktop.store import tempfiles

    monkeypatch.setenv("SXTDBV_DATA_DIR", str(tmp_path / "data"))
    store = init_database(tmp_path / "a.db")
    target = tmp_path / "ke-hoach.xlsx"
    real_replace = tempfiles.os.replace
    holds = {"left": 2}

    def replace(source: object, destination: object) -> None:
        if Path(str(destination)) == target and holds["left"]:
            holds["left"] -= 1
            raise WindowsError_(32)  # antivirus or OneDrive looks at the file a moment
        real_replace(source, destination)  # type: ignore[arg-type]

    monkeypatch.setattr(tempfiles.os, "replace", replace)
    try:
        export_workbook(store, target)
        assert target.read_bytes()[:2] == b"PK" and holds["left"] == 0
        holds["left"] = 99  # Excel keeps it open
        from desktop.exchange.errors import ExchangeError

        with pytest.raises(ExchangeError, match="Tệp đang mở trong Excel hoặc chương trình khác"):
            export_workbook(store, target)
    finally:
        store.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.db", "data", "ke-hoach.xlsx"]
