"""Failure paths (issue 10): nothing leaked, nothing silently changed, backups a user can find, no traceback.

Each test reproduces one item of the issue through the real command (a subprocess, as a user runs it) and checks what
the user would look at: the folders, the file's bytes, the message and the exit status.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.services import backup as backup_policy
from desktop.services.opening import open_for_window, open_for_writing
from desktop.services.sample_data import fill_sample_data
from desktop.services.setup import init_database
from desktop.store.lock import DatabaseLock
from desktop.store.schema import SCHEMA_VERSION
from tests.packaging.conftest import ROOT, immutable, remount_read_only, sx, tmpfs

KILLS = int(os.environ.get("SXTDBV_EXPORT_KILLS", "3"))
PYTHON_TEXT = ("Errno", "Traceback", "Exception ignored", "readonly database", "sqlite3.", "Not a directory",
               "Read-only file system", "No space left")


def digest(path: Path) -> str:
    """The SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def no_python_text(text: str) -> bool:
    """True when `text` holds none of Python's or SQLite's own (English) error texts."""
    return not any(marker in text for marker in PYTHON_TEXT)


@pytest.fixture
def data(tmp_path) -> Path:
    """The per-user data folder the commands of a test share."""
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture(scope="module")
def big_db(tmp_path_factory) -> Path:
    """A database whose export takes a few seconds (5,000 participants); made once, only read by the tests."""
    path = tmp_path_factory.mktemp("big") / "big.db"
    store = init_database(path)
    plan = store.repo("plans").rows()[0]
    fill_sample_data(store, plan["id"], participants=5000, seed=3)
    store.close()
    return path


# -- 1. a killed export leaves nothing behind -----------------------------------------------------------------------
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")
def test_a_killed_export_leaves_no_debris_after_the_next_start(big_db, data, tmp_path):
    target_folder = tmp_path / "out"
    target_folder.mkdir()
    system_temp = tmp_path / "system-temp"  # where Python's temporary files went before: must stay empty
    system_temp.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SXTDBV_DATA_DIR": str(data), "TMPDIR": str(system_temp)}
    temp_root = data / "tmp"
    # Alternately while openpyxl writes its sheets' temporary files, and during the final save of the workbook (the
    # moment that used to leave a ".out.xlsx.<id>.partial" beside the target).
    moments = ["openpyxl.*", "*.xlsx"]
    for kill in range(KILLS):
        process = subprocess.Popen([sys.executable, "-m", "desktop", "--db", str(big_db), "export",
                                    str(target_folder / "out.xlsx")], env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if list(temp_root.glob(f"{process.pid}-*/{moments[kill % 2]}")) or process.poll() is not None:
                break
            time.sleep(0.01)
        assert process.poll() is None, "the export ended before it could be killed: use a bigger database"
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    left = [p for p in temp_root.rglob("*") if p.is_file()]
    assert left, "the kills left nothing to sweep: the test did not reproduce the debris"
    done = sx("--db", big_db, "summary", data=data, env={"TMPDIR": str(system_temp)})  # the next start
    assert done.returncode == 0, done.stderr
    assert [p for p in temp_root.rglob("*") if p.is_file()] == []  # swept (the summary's own folder is gone too)
    assert sorted(p.name for p in target_folder.iterdir()) == []  # no partial file where the user looks
    assert list(system_temp.iterdir()) == []


def test_a_partial_copy_to_another_drive_is_swept_on_the_next_start(data, tmp_path):
    # A process dies while copying the finished export to a target on another drive: the partial beside the
    # target is listed in its temporary folder, and the next start deletes it.
    target = tmp_path / "khac-o-dia" / "out.xlsx"
    target.parent.mkdir()
    script = (
        "import os, signal\n"
        "from pathlib import Path\n"
        "from desktop.store import tempfiles\n"
        "folder = tempfiles.start()\n"
        f"partial = Path({str(target.parent)!r}) / '.out.xlsx.1234abcd.partial'\n"
        "(folder / tempfiles.PARTIALS_FILE).write_text(str(partial) + '\\n', encoding='utf-8')\n"
        "partial.write_bytes(b'PK half a workbook')\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SXTDBV_DATA_DIR": str(data)}
    subprocess.run([sys.executable, "-c", script], env=env, check=False)
    assert [p.name for p in target.parent.iterdir()] == [".out.xlsx.1234abcd.partial"]
    unrelated = target.parent / "notes.partial.txt"
    unrelated.write_text("không phải của chương trình")
    init = sx("--db", tmp_path / "x.db", "init", "--empty", data=data)
    assert init.returncode == 0, init.stderr
    assert [p.name for p in target.parent.iterdir()] == ["notes.partial.txt"]


# -- 2. one backup policy, found by the list and the restore dialog ----------------------------------------------
def test_pre_import_backups_are_rotated_and_listed_with_their_reason(tmp_path, data):
    source = tmp_path / "nguon.db"
    init_database(source).close()
    workbook = tmp_path / "ke-hoach.xlsx"
    assert sx("--db", source, "export", workbook, data=data).returncode == 0
    target = tmp_path / "dich.db"
    assert sx("--db", target, "init", "--empty", data=data).returncode == 0
    assert sx("--db", target, "backup", "--keep", "3", data=data).returncode == 0
    done = sx("--db", target, "import", workbook, data=data)
    assert done.returncode == 0, done.stderr
    listed = sx("--db", target, "backup", "--list", data=data)
    assert "trước khi nhập tệp Excel" in listed.stdout and "tự động hằng ngày" in listed.stdout
    folder = data / "backups"
    assert [p.name for p in folder.iterdir()] == [backup_policy.backups_dir(target).name]  # one folder per database
    assert not (data / "backups" / "before-import").exists() and not list(folder.glob("before-import-*"))
    # 15 more imports' worth of automatic backups: the rotation keeps 3 of them whatever their reason.
    with open_for_writing(target, daily_backup=False) as store:
        for _ in range(15):
            backup_policy.backup_before_import(store)
        manual = backup_policy.backup_now(store)
    kept = backup_policy.list_backups(target)
    assert len([b for b in kept if b.automatic]) == 3
    assert manual in [b.path for b in kept]


def test_an_older_schema_is_backed_up_before_its_upgrade_and_listed(tmp_path, data, monkeypatch):
    from tests.packaging.conftest import make_schema_1

    monkeypatch.setenv("SXTDBV_DATA_DIR", str(data))
    old = tmp_path / "cu.db"
    make_schema_1(old)
    with open_for_writing(old, daily_backup=False) as store:
        assert store.schema_version == SCHEMA_VERSION
    reasons = [b.reason for b in backup_policy.list_backups(old)]
    assert reasons == ["upgrade"]
    listed = sx("--db", old, "backup", "--list", data=data)
    assert "trước khi nâng cấp lược đồ" in listed.stdout


def test_the_restore_dialog_lists_every_backup_with_its_reason(qtbot, tmp_path, data, monkeypatch):
    from PySide6.QtCore import Qt

    from desktop.ui.restore_dialog import RestoreDialog

    monkeypatch.setenv("SXTDBV_DATA_DIR", str(data))
    path = tmp_path / "ds.db"
    init_database(path).close()
    with open_for_writing(path) as store:  # the day's first backup
        backup_policy.backup_before_import(store)
        backup_policy.backup_now(store)
    dialog = RestoreDialog(path)
    qtbot.addWidget(dialog)
    reasons = sorted(dialog.table.item(row, 1).text() for row in range(dialog.table.rowCount()))
    assert reasons == sorted(["Daily (automatic)", "Before an Excel import", "On demand"])
    dialog.table.selectRow(1)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.chosen == str(backup_policy.list_backups(path)[1].path)


# -- 3. Python's errors never reach the user --------------------------------------------------------------------
def test_export_under_a_file_says_so_in_vietnamese(tmp_path, data):
    db = tmp_path / "a.db"
    init_database(db).close()
    done = sx("--db", db, "export", "/etc/passwd/out.xlsx", data=data)
    assert done.returncode == 1
    assert "không phải thư mục" in done.stderr and "/etc/passwd/out.xlsx" in done.stderr
    assert no_python_text(done.stderr) and done.stderr.count("Lỗi") == 1


def test_export_and_backup_into_a_read_only_folder(tmp_path, data):
    db = tmp_path / "a.db"
    init_database(db).close()
    with tmpfs(tmp_path / "ro", "1m") as folder:
        remount_read_only(folder)
        for args in (("export", folder / "out.xlsx"), ("backup", folder / "a.db")):
            done = sx("--db", db, *args, data=data)
            assert done.returncode == 1, done.stdout
            assert "chỉ cho đọc" in done.stderr and str(folder) in done.stderr
            assert no_python_text(done.stderr) and done.stderr.count("Lỗi") == 1


def test_import_into_a_database_the_user_may_not_write(tmp_path, data):
    db = tmp_path / "a.db"
    init_database(db).close()
    workbook = tmp_path / "a.xlsx"
    assert sx("--db", db, "export", workbook, data=data).returncode == 0
    before = digest(db)
    with immutable(db):
        done = sx("--db", db, "import", workbook, data=data)
    assert done.returncode == 1
    assert "chỉ cho đọc" in done.stderr and str(db) in done.stderr
    assert no_python_text(done.stderr)
    assert digest(db) == before


@pytest.mark.parametrize("temp_on_the_full_disk", [True, False], ids=["temp-full", "target-full"])
def test_export_to_a_full_disk_prints_one_message_and_leaves_nothing(big_db, tmp_path, data, temp_on_the_full_disk):
    # The workbook is written in the program's temporary folder, then moved (same disk) or copied (another disk) to
    # the target: either may be the full one.
    with tmpfs(tmp_path / "full", "256k") as folder:
        temp = folder / "data" if temp_on_the_full_disk else data
        done = sx("--db", big_db, "export", folder / "out.xlsx", env={"TMPDIR": str(temp)}, data=temp)
        assert done.returncode == 1
        assert "ổ đĩa đã đầy" in done.stderr
        assert no_python_text(done.stderr) and done.stderr.strip().count("\n") == 0
        assert not (folder / "out.xlsx").exists()
        assert [p for p in folder.rglob("*") if p.is_file() and "owner" not in p.name] == []


# -- 4. a read command never writes; read-only media can be read, exported, printed, backed up ----------------------
def test_a_read_command_does_not_turn_an_empty_file_into_a_database(tmp_path, data):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    for args in (("summary", "--json"), ("export", tmp_path / "x.xlsx"), ("backup",),
                 ("import", "--dry-run", tmp_path / "x.xlsx"), ("sample-data",)):
        done = sx("--db", empty, *args, data=data)
        assert done.returncode == 1, args
        assert "trống (0 byte)" in done.stderr and "init" in done.stderr, done.stderr
        assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "empty.db"]
    created = sx("--db", tmp_path / "new.db", "init", data=data)
    assert created.returncode == 0 and "Đã tạo cơ sở dữ liệu" in created.stdout


def test_a_database_on_read_only_media_is_read_exported_printed_and_backed_up(tmp_path, data):
    source = tmp_path / "nguon.db"
    init_database(source).close()
    with tmpfs(tmp_path / "cd", "4m") as media:
        db = media / "ke-hoach.db"
        db.write_bytes(source.read_bytes())
        remount_read_only(media)
        before = digest(db)
        summary = sx("--db", db, "summary", "--json", data=data)
        assert summary.returncode == 0, summary.stderr
        assert '"year": 2024' in summary.stdout
        export = sx("--db", db, "export", tmp_path / "out.xlsx", data=data)
        assert export.returncode == 0, export.stderr
        report = sx("--db", db, "report", "plan-report", "--pdf", tmp_path / "kh.pdf", data=data)
        assert report.returncode == 0, report.stderr
        made = sx("--db", db, "backup", data=data)
        assert made.returncode == 0, made.stderr
        assert len(backup_policy.list_backups(db)) == 1 or "Đã sao lưu" in made.stdout
        refused = sx("--db", db, "sample-data", data=data)
        assert refused.returncode == 1 and no_python_text(refused.stderr)
        assert digest(db) == before
        assert sorted(p.name for p in media.iterdir()) == ["ke-hoach.db"]
    assert (tmp_path / "kh.pdf").stat().st_size > 0 and (tmp_path / "out.xlsx").stat().st_size > 0


# -- 5. smaller ones -----------------------------------------------------------------------------------------------
def test_export_refuses_to_overwrite_without_force(tmp_path, data):
    db = tmp_path / "a.db"
    init_database(db).close()
    existing = tmp_path / "out.xlsx"
    existing.write_bytes(b"workbook the user edited")
    done = sx("--db", db, "export", existing, data=data)
    assert done.returncode == 1 and "--force" in done.stderr
    assert existing.read_bytes() == b"workbook the user edited"
    forced = sx("--db", db, "export", existing, "--force", data=data)
    assert forced.returncode == 0, forced.stderr
    assert existing.read_bytes()[:2] == b"PK"


def test_a_refusal_is_printed_once(tmp_path, data):
    db = tmp_path / "a.db"
    init_database(db).close()
    not_excel = tmp_path / "ghi-chu.xlsx"
    not_excel.write_text("không phải Excel", encoding="utf-8")
    done = sx("--db", db, "import", not_excel, data=data)
    assert done.returncode == 1
    lines = [line.strip() for line in done.stderr.splitlines() if line.strip()]
    assert lines and len(lines) == len(set(lines)), done.stderr


def test_import_of_a_folder_says_it_is_a_folder(tmp_path, data):
    db = tmp_path / "a.db"
    init_database(db).close()
    done = sx("--db", db, "import", tmp_path, data=data)
    assert done.returncode == 1
    assert "là một thư mục" in done.stderr and "Không tìm thấy" not in done.stderr


def test_a_window_opened_read_only_offers_to_edit_once_the_other_writer_is_gone(qtbot, tmp_path, own_settings):
    from PySide6.QtCore import Qt

    from desktop.services.opening import is_read_only
    from desktop.ui.main_window import MainWindow
    from desktop.ui.read_only import ReadOnlyRetry

    path = tmp_path / "chung.db"
    init_database(path).close()
    other = DatabaseLock(path).acquire()  # another window writes
    opened = open_for_window(path)
    assert opened.read_only and opened.held_elsewhere and opened.lock is None
    window = MainWindow(opened.store, lock=None, read_only_message=opened.reason)
    qtbot.addWidget(window)
    retry = ReadOnlyRetry(window, path)
    retry.timer.stop()  # the test drives the button itself
    qtbot.mouseClick(retry.button, Qt.MouseButton.LeftButton)
    assert window.lock is None and is_read_only(window.ctx.store)  # still held: stays read-only
    other.release()
    qtbot.mouseClick(retry.button, Qt.MouseButton.LeftButton)
    assert window.lock is not None and window.lock.acquired
    assert not is_read_only(window.ctx.store)
    assert window.saved_label.text() == window.tr("All changes saved")
    window.ctx.store.close()
    window.lock.release()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (Linux), a file that is always full")
def test_a_workbook_that_cannot_be_finished_leaves_no_second_traceback(monkeypatch):
    # ZipFile.__del__ used to try to finish the archive on the full disk again and print "Exception ignored in ...".
    import gc

    from openpyxl import Workbook

    from desktop.exchange.writer import _discard, _save_closing_on_failure

    unraisable = []
    monkeypatch.setattr(sys, "unraisablehook", unraisable.append)
    wb = Workbook(write_only=True)
    sheet = wb.create_sheet("Dữ liệu")
    for row in range(3000):
        sheet.append([row, f"Học viên số {row}", "Sở Công Thương Đồng Nai" * 3])
    with pytest.raises(OSError) as raised:
        _save_closing_on_failure(wb, Path("/dev/full"))
    assert raised.value.errno == 28  # ENOSPC
    _discard(wb)  # as _Writer.write does on any failure
    del raised, wb, sheet
    gc.collect()
    assert unraisable == []


def test_pre_import_backups_left_by_older_versions_are_listed_and_rotated_with_the_default_database(data, monkeypatch):
    monkeypatch.setenv("SXTDBV_DATA_DIR", str(data))
    default = data / "sxtdbv.db"
    init_database(default).close()
    old = data / "backups"
    old.mkdir()
    for day in range(1, 16):  # 15 imports of an older version: 15 full copies, never rotated
        (old / f"before-import-202605{day:02d}-080000-000000.db").write_bytes(default.read_bytes())
    listed = backup_policy.list_backups(default)
    assert len(listed) == 15 and {b.reason for b in listed} == {"import"}
    assert listed[0].made.day == 15
    with open_for_writing(default, daily_backup=False) as store:
        backup_policy.set_backup_keep(store, 4)
        made = backup_policy.backup_before_import(store)
    kept = backup_policy.list_backups(default)
    assert [b.path for b in kept][0] == made and len(kept) == 4
    assert len(list(old.glob("before-import-*.db"))) == 3
