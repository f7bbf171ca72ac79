"""Backups and restore: every row round-trips, a file that is not ours is refused, automatic backups rotate."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services.backup import (
    backup_before_import,
    backup_keep,
    backup_now,
    backups_dir,
    daily_backup_if_due,
    list_backups,
    restore_database,
    set_backup_keep,
)
from desktop.services.sample_data import fill_sample_data
from desktop.store import Store, StoreError
from desktop.store.backup import check_backup_file


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table of the database file at `path`, in rowid order."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
    finally:
        conn.close()


@pytest.fixture
def filled_store(seeded_store) -> Store:
    """The seeded plan filled with sample data: rows in most tables."""
    plan = seeded_store.repo("plans").rows()[0]
    fill_sample_data(seeded_store, plan["id"], participants=40)
    return seeded_store


def change_everything(store: Store) -> None:
    """Edits, additions, deletions and a settings change, as a day of work would make."""
    plan = store.repo("plans").rows()[0]
    store.repo("plans").update(plan["id"], {"title": "Kế hoạch đã sửa sau khi sao lưu"})
    store.repo("agencies").add({"code": "MOI", "name": "Đơn vị mới thêm", "kind": "department"})
    participant = store.repo("participants").rows()[0]
    store.repo("participants").delete(participant["id"], cascade=True)
    set_backup_keep(store, 4)


def test_every_row_of_every_table_survives_backup_change_restore(filled_store, db_path, tmp_path):
    copy = tmp_path / "saved.db"
    backup_now(filled_store, copy)
    before = dump(db_path)
    assert sum(len(rows) for rows in before.values()) > 250 and len([t for t in before if before[t]]) >= 15
    change_everything(filled_store)
    changed = dump(db_path)
    assert changed != before
    filled_store.close()

    result = restore_database(db_path, copy)

    assert dump(db_path) == before  # every row of every table, bookkeeping and settings included
    assert result.safety_backup is not None and dump(result.safety_backup) == changed  # the restore backed up first
    assert result.restored.plans == 1
    assert not Path(f"{copy}-wal").exists()
    reopened = Store.open(db_path)
    try:
        assert reopened.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert reopened.repo("plans").rows()[0]["title"] != "Kế hoạch đã sửa sau khi sao lưu"
    finally:
        reopened.close()


def test_a_backup_is_one_self_contained_file_checked_as_ours(seeded_store, tmp_path):
    copy = backup_now(seeded_store, tmp_path / "copy.db")
    assert not Path(f"{copy}-wal").exists()
    info = check_backup_file(copy)
    assert info.plans == 1 and info.schema_version == seeded_store.schema_version


@pytest.mark.parametrize("kind", ["text", "empty", "foreign_sqlite", "newer_schema", "unknown_migration", "damaged",
                                  "missing", "folder"])
def test_restore_refuses_what_is_not_an_intact_database_of_ours(seeded_store, db_path, tmp_path, kind):
    bad = tmp_path / f"{kind}.db"
    if kind == "text":
        bad.write_text("Đây không phải cơ sở dữ liệu", encoding="utf-8")
    elif kind == "empty":
        bad.write_bytes(b"")
    elif kind == "foreign_sqlite":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE khach_hang (ten TEXT)")
        conn.commit()
        conn.close()
    elif kind in ("newer_schema", "unknown_migration", "damaged"):
        backup_now(seeded_store, bad)
        conn = sqlite3.connect(bad)
        if kind == "newer_schema":
            conn.execute("PRAGMA user_version = 99")
        elif kind == "unknown_migration":
            conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                         "VALUES ('sxtdbv', '9999_from_the_future', '2030-01-01')")
        conn.commit()
        conn.close()
        if kind == "damaged":
            data = bytearray(bad.read_bytes())
            for offset in range(4096 * 3, len(data) - 4096, 4096):  # scribble over the middle of many pages
                data[offset + 100:offset + 600] = b"\xa5" * 500
            bad.write_bytes(bytes(data))
    elif kind == "folder":
        bad.mkdir()
    before = dump(db_path)
    seeded_store.close()
    with pytest.raises(StoreError) as refused:
        restore_database(db_path, bad)
    assert "“" in str(refused.value)  # a Vietnamese sentence naming the file
    assert dump(db_path) == before
    assert list_backups(db_path) == []  # refused before anything was written


def test_restore_replaces_a_damaged_database_and_keeps_a_copy_of_it(seeded_store, db_path, tmp_path):
    copy = backup_now(seeded_store, tmp_path / "copy.db")
    seeded_store.close()
    db_path.write_bytes(b"garbage" * 1000)
    result = restore_database(db_path, copy)
    assert result.safety_backup.read_bytes() == b"garbage" * 1000
    assert dump(db_path) == dump(copy)  # the same rows as the backup


def test_rotation_keeps_the_last_n_automatic_backups(seeded_store, db_path):
    set_backup_keep(seeded_store, 3)
    assert backup_keep(seeded_store) == 3
    manual = backup_now(seeded_store)
    start = datetime(2026, 3, 1, 8, 0, 0)
    made = [daily_backup_if_due(seeded_store, now=start + timedelta(days=day)) for day in range(6)]
    assert all(made)
    kept = list_backups(db_path)
    automatic = [b.path for b in kept if b.reason != "manual"]
    assert automatic == made[-3:][::-1]  # the newest three, newest first
    assert manual in [b.path for b in kept]  # backups made on demand are never rotated away
    assert sorted(p.name for p in backups_dir(db_path).iterdir()) == sorted(p.name for p in automatic + [manual])
    import_backup = backup_before_import(seeded_store)
    assert len([b for b in list_backups(db_path) if b.reason != "manual"]) == 3
    assert import_backup.exists() and not made[-3].exists()


def test_daily_backup_only_on_the_first_start_of_each_day(seeded_store, db_path):
    morning = datetime(2026, 5, 4, 7, 30)
    first = daily_backup_if_due(seeded_store, now=morning)
    # One folder per database, in the per-user data folder (not beside the database, which may be read-only).
    assert first is not None and first.parent == backups_dir(db_path)
    assert first.parent.parent == Path(os.environ["SXTDBV_DATA_DIR"]) / "backups"
    assert daily_backup_if_due(seeded_store, now=morning + timedelta(hours=9)) is None
    assert daily_backup_if_due(seeded_store, now=morning + timedelta(days=1)) is not None


def test_the_number_kept_is_a_setting_with_limits(seeded_store):
    assert backup_keep(seeded_store) == 10
    for wrong in (0, -1, 1001):
        with pytest.raises(StoreError, match="từ 1 đến 1000"):
            set_backup_keep(seeded_store, wrong)
    set_backup_keep(seeded_store, 25)
    assert backup_keep(seeded_store) == 25


def test_backup_now_never_overwrites(seeded_store, db_path, tmp_path):
    existing = tmp_path / "existing.db"
    existing.write_text("giữ nguyên")
    with pytest.raises(StoreError, match="không ghi đè"):
        backup_now(seeded_store, existing)
    assert existing.read_text() == "giữ nguyên"
    with pytest.raises(StoreError, match="chính cơ sở dữ liệu"):
        backup_now(seeded_store, db_path)


def test_cli_backup_and_restore(seeded_store, db_path, tmp_path, capsys):
    seeded_store.close()
    copy = tmp_path / "sao-luu.db"
    assert main(["--db", str(db_path), "backup", str(copy)]) == 0
    assert "Đã sao lưu" in capsys.readouterr().out and copy.exists()
    before = dump(db_path)
    assert main(["--db", str(db_path), "backup", "--keep", "2"]) == 0
    assert [b.reason for b in list_backups(db_path)] == ["daily"]  # a write command makes the day's first backup
    assert main(["--db", str(db_path), "restore", str(copy)]) == 0
    out = capsys.readouterr().out
    assert "Đã sao lưu cơ sở dữ liệu hiện tại vào" in out and "Đã khôi phục" in out
    assert dump(db_path) == before
    assert main(["--db", str(db_path), "backup", "--list"]) == 0
    assert "trước khi khôi phục" in capsys.readouterr().out
    not_ours = tmp_path / "notes.txt"
    not_ours.write_text("xin chào", encoding="utf-8")
    assert main(["--db", str(db_path), "restore", str(not_ours)]) == 1
    assert "không phải là bản sao lưu của SXTDBV" in capsys.readouterr().err
    assert main(["--db", str(db_path), "backup", str(copy)]) == 1  # exists: refused
    assert "không ghi đè" in capsys.readouterr().err


def test_only_init_creates_the_default_database_and_later_runs_open_it(tmp_path, monkeypatch, capsys):
    data = tmp_path / "appdata"
    monkeypatch.setenv("SXTDBV_DATA_DIR", str(data))
    default = data / "sxtdbv.db"
    assert main(["summary", "--json"]) == 1  # a read command never creates a database
    assert "init" in capsys.readouterr().err and not default.exists()
    assert main(["init"]) == 0
    assert "Đã tạo cơ sở dữ liệu" in capsys.readouterr().out
    assert main(["summary", "--json"]) == 0
    assert default.exists() and '"year": 2024' in capsys.readouterr().out
    first = dump(default)
    assert main(["backup"]) == 0
    assert main(["summary"]) == 0
    assert dump(default) == first  # later runs open the same database, never a new one
    assert len(list_backups(default)) == 1
    other = tmp_path / "khac.db"
    assert main(["--db", str(other), "summary"]) == 1  # --db chooses another; a missing one is not created
    assert not other.exists()
