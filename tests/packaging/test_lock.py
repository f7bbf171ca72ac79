"""One writer: a second process is refused with a clear message, a stale lock after a crash is recovered."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.store.lock import (
    DatabaseLock,
    DatabaseLockedError,
    lock_path_for,
    pid_alive,
    read_holder,
)

ROOT = Path(__file__).resolve().parents[2]
HOLDER = textwrap.dedent("""
    import sys, time
    from desktop.store.lock import DatabaseLock
    lock = DatabaseLock(sys.argv[1]).acquire()
    print("held", flush=True)
    time.sleep(60)
""")


def start_holder(db: Path) -> subprocess.Popen:
    """Another process holding the database's lock (it waits until killed)."""
    process = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert process.stdout.readline().strip() == "held"
    return process


def test_a_second_process_is_refused_with_a_clear_message(seeded_store, db_path):
    holder = start_holder(db_path)
    try:
        with pytest.raises(DatabaseLockedError) as refused:
            DatabaseLock(db_path).acquire()
        message = str(refused.value)
        assert message.startswith("Cơ sở dữ liệu đang được mở ở một cửa sổ khác")
        assert f"tiến trình {holder.pid}" in message and str(db_path) in message
        assert refused.value.holder.pid == holder.pid
    finally:
        holder.kill()
        holder.wait()


def test_the_lock_is_free_again_once_released(db_path):
    with DatabaseLock(db_path) as lock:
        assert lock.acquired and read_holder(lock_path_for(db_path)).pid == os.getpid()
        with pytest.raises(DatabaseLockedError):
            DatabaseLock(db_path).acquire()  # a second lock in the same process is refused too
    assert not lock_path_for(db_path).exists()
    with DatabaseLock(db_path) as again:
        assert again.acquired and again.recovered is None


def test_a_lock_left_by_a_killed_process_is_recovered(seeded_store, db_path):
    holder = start_holder(db_path)
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert read_holder(lock_path_for(db_path)).pid == holder.pid  # the file stays behind after SIGKILL
    with DatabaseLock(db_path) as lock:
        assert lock.acquired
        assert lock.recovered is not None and lock.recovered.pid == holder.pid


def test_a_lock_file_naming_a_dead_process_is_recovered(db_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead_pid = int(dead.stdout)
    assert not pid_alive(dead_pid)
    lock_path_for(db_path).write_text(json.dumps(
        {"pid": dead_pid, "hostname": socket.gethostname(), "started": "2026-01-02T03:04:05+00:00"}))
    with DatabaseLock(db_path) as lock:
        assert lock.recovered.pid == dead_pid


def test_another_computers_lock_is_not_taken_over(db_path):
    lock_path_for(db_path).write_text(json.dumps(
        {"pid": 4242, "hostname": "MAY-KE-TOAN", "started": "2026-01-02T03:04:05+00:00"}))
    with pytest.raises(DatabaseLockedError) as refused:
        DatabaseLock(db_path).acquire()
    assert "trên máy “MAY-KE-TOAN”" in str(refused.value)
    assert str(lock_path_for(db_path)) in str(refused.value)  # says which file to delete when sure
    assert lock_path_for(db_path).exists()


def test_read_only_fallback_explains_and_refuses_writes(seeded_store, db_path):
    holder = start_holder(db_path)
    try:
        lock = DatabaseLock(db_path, read_only_fallback=True).acquire()
        assert lock.read_only and not lock.acquired
        assert "chỉ đọc" in lock.message and "cửa sổ khác" in lock.message
        from desktop.services.opening import open_for_window

        opened = open_for_window(db_path)
        assert opened.read_only and opened.reason == lock.message
        store = opened.store
        try:
            assert store.repo("plans").count() == 1
            import sqlite3

            with pytest.raises(sqlite3.OperationalError, match="readonly"):
                store.db.execute("UPDATE settings SET value = value")
        finally:
            store.close()
    finally:
        holder.kill()
        holder.wait()


def test_cli_write_commands_are_refused_while_another_window_writes(seeded_store, db_path, tmp_path, capsys):
    seeded_store.close()  # this test plays the CLI: no connection of its own stays open
    backup = tmp_path / "copy.db"
    assert main(["--db", str(db_path), "backup", str(backup)]) == 0  # reading (backing up) is allowed
    holder = start_holder(db_path)
    try:
        assert main(["--db", str(db_path), "restore", str(backup)]) == 1
        assert "đang được mở ở một cửa sổ khác" in capsys.readouterr().err
        assert main(["--db", str(db_path), "backup", "--keep", "5"]) == 1
        assert main(["--db", str(db_path), "summary"]) == 0  # reading stays possible
    finally:
        holder.kill()
        holder.wait()
    assert main(["--db", str(db_path), "restore", str(backup)]) == 0
