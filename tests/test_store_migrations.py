"""Opening databases: creation, upgrade of an older schema keeping its rows, refusal of newer or foreign files."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from desktop.domain.entities import ENTITIES, META_COLUMNS
from desktop.store import Store, StoreError, schema
from desktop.store.database import applied_migrations, open_database, schema_version
from desktop.store.schema import MIGRATION_NAMES, SCHEMA_VERSION, migration_set

FIRST_ONLY_STOP = "0002_indexes_and_exchange_log"


def file_digest(path: Path) -> str:
    """The bytes of the database file and of its WAL/SHM companions, hashed."""
    digest = hashlib.sha256()
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        digest.update(candidate.name.encode())
        digest.update(candidate.read_bytes() if candidate.exists() else b"<none>")
    return digest.hexdigest()


def make_version_1_database(path: Path) -> None:
    """A database as the first release made it: only the first migration, user_version 1, with rows."""
    db = Database(sqlite3.connect(str(path)))
    migration_set().apply(db, stop_before=FIRST_ONLY_STOP)
    db.execute("PRAGMA user_version = 1")
    meta = {"rev": "1-abc", "revs": "[]", "updated_at": "2024-05-01T00:00:00.000000Z", "updated_by": "old",
            "owner": "SCT", "deleted": 0}
    db["agencies"].insert({"id": "a1", "code": "SCT", "name": "Sở Công Thương", "kind": "department", **meta})
    db["plans"].insert({"id": "p1", "issuer": "UBND tỉnh Đồng Nai", "year": 2024, "title": "Kế hoạch cũ",
                        "total_budget": 1394200000, "status": "issued", **meta})
    db["tasks"].insert({"id": "t1", "plan_id": "p1", "title": "Tập huấn", "kind": "activity", "status": "done",
                        "coordinating_ids": '["a1"]', "progress": 100.0, **meta})
    db["settings"].insert({"key": "installation_id", "value": "old-installation"})
    db.conn.commit()
    db.close()


def test_new_database_has_every_table_with_bookkeeping(tmp_path):
    db = open_database(tmp_path / "new.db", create=True)
    try:
        assert schema_version(db) == SCHEMA_VERSION == len(MIGRATION_NAMES)
        for spec in ENTITIES:
            columns = set(db.column_names(spec.name))
            assert set(META_COLUMNS) <= columns, spec.name
            assert set(spec.field_names) <= columns, spec.name
        assert {"settings", "exchange_log"} <= set(db.table_names())
        assert [m.name for m in migration_set().applied(db.utils)] == MIGRATION_NAMES
    finally:
        db.close()


def test_wal_journal_and_foreign_keys_are_on(tmp_path):
    store = Store.open(tmp_path / "new.db", create=True)
    try:
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        with pytest.raises(sqlite3.IntegrityError):  # the database itself refuses a dangling reference
            store.db.execute("INSERT INTO tasks (id, rev, deleted, plan_id, title) VALUES ('t', '1-x', 0, 'nope', 'T')")
    finally:
        store.close()


def test_reference_columns_are_foreign_keys(tmp_path):
    store = Store.open(tmp_path / "new.db", create=True)
    try:
        keys = {(fk.column, fk.other_table) for fk in store.db.utils["tasks"].foreign_keys}
        assert {("plan_id", "plans"), ("parent_id", "tasks"), ("lead_agency_id", "agencies")} <= keys
    finally:
        store.close()


def test_older_database_is_upgraded_on_open_and_keeps_its_rows(tmp_path):
    path = tmp_path / "v1.db"
    make_version_1_database(path)
    before = Database(sqlite3.connect(str(path)))
    assert "exchange_log" not in before.table_names() and schema_version(before) == 1
    before.close()

    store = Store.open(path)
    try:
        assert store.schema_version == SCHEMA_VERSION
        assert "exchange_log" in store.db.table_names()
        assert [m.name for m in migration_set().applied(store.db.utils)] == MIGRATION_NAMES
        plan = store.repo("plans").get("p1")
        assert plan["title"] == "Kế hoạch cũ" and plan["total_budget"] == 1394200000
        assert store.repo("tasks").get("t1")["coordinating_ids"] == '["a1"]'
        assert store.repo("agencies").count() == 1
        assert store.context.installation_id == "old-installation"
        indexes = {tuple(i.columns) for i in store.db.utils["tasks"].indexes}
        assert ("plan_id",) in indexes
        # The upgraded rows are ordinary rows: they can be edited.
        assert store.repo("tasks").update("t1", {"progress": 90})["rev"].startswith("2-")
    finally:
        store.close()


def test_failed_upgrade_leaves_the_older_database_unchanged(tmp_path, monkeypatch):
    path = tmp_path / "v1.db"
    make_version_1_database(path)
    original = schema.table

    def broken(db, name):
        if name == "exchange_log":  # the second migration fails after its indexes were made
            raise sqlite3.OperationalError("disk I/O error")
        return original(db, name)

    monkeypatch.setattr(schema, "table", broken)
    with pytest.raises(StoreError):
        Store.open(path)
    monkeypatch.setattr(schema, "table", original)
    db = Database(sqlite3.connect(str(path)))
    try:
        assert schema_version(db) == 1
        assert "exchange_log" not in db.table_names()
        assert [m.name for m in migration_set().applied(db)] == MIGRATION_NAMES[:1]
        assert db.execute("SELECT title FROM plans").fetchall() == [("Kế hoạch cũ",)]
    finally:
        db.close()


def test_newer_database_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "future.db"
    make_version_1_database(path)
    conn = sqlite3.connect(str(path))
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    conn.commit()
    conn.close()
    before = file_digest(path)
    with pytest.raises(StoreError) as info:
        Store.open(path)
    message = str(info.value)
    assert "phiên bản mới hơn" in message and f"lược đồ {SCHEMA_VERSION + 5}" in message
    assert "Hãy cập nhật chương trình" in message
    assert file_digest(path) == before


def test_database_of_another_program_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(str(path))
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('x')")
    conn.commit()
    conn.close()
    before = file_digest(path)
    with pytest.raises(StoreError, match="cơ sở dữ liệu SQLite khác"):
        Store.open(path)
    assert file_digest(path) == before


def test_unknown_migration_is_refused(tmp_path):
    path = tmp_path / "odd.db"
    Store.open(path, create=True).close()
    conn = sqlite3.connect(str(path))
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('sxtdbv', '9999_x', 'now')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="bước nâng cấp lạ"):
        Store.open(path)


@pytest.mark.parametrize("content", [b"hello, this is a text file\n" * 10, bytes(range(256)) * 20])
def test_file_that_is_not_a_database_is_refused_and_left_unchanged(tmp_path, content):
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="không phải là cơ sở dữ liệu SXTDBV"):
        Store.open(path)
    assert path.read_bytes() == content
    assert not Path(f"{path}-wal").exists()


def test_damaged_database_is_refused_and_left_unchanged(tmp_path):
    path = tmp_path / "damaged.db"
    Store.open(path, create=True).close()
    data = bytearray(path.read_bytes())
    data[100:] = bytes(len(data) - 100)  # keep the header, wipe the schema pages
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(StoreError, match="hỏng"):
        Store.open(path)
    assert path.read_bytes() == before


def test_missing_database_is_not_created_unless_asked(tmp_path):
    path = tmp_path / "missing.db"
    with pytest.raises(StoreError, match="Không tìm thấy cơ sở dữ liệu"):
        Store.open(path)
    assert not path.exists()


def test_directory_and_path_under_a_file_are_refused(tmp_path):
    with pytest.raises(StoreError, match="là một thư mục"):
        Store.open(tmp_path)
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match="là một tệp, không phải thư mục"):
        Store.open(blocker / "sub" / "x.db", create=True)


def test_reopening_is_idempotent(tmp_path):
    path = tmp_path / "x.db"
    Store.open(path, create=True).close()
    store = Store.open(path)
    try:
        assert store.schema_version == SCHEMA_VERSION
        assert len(migration_set().applied(store.db.utils)) == len(MIGRATION_NAMES)
    finally:
        store.close()


def test_plain_read_of_applied_migrations_agrees_with_sqlite_utils(tmp_path):
    # Opening reads sqlite-utils' bookkeeping table with plain SQL (no sqlite-utils import at start-up): it must list
    # what the library itself says was applied, in the same order.
    store = Store.open(tmp_path / "a.db", create=True)
    try:
        assert applied_migrations(store.db) == [m.name for m in migration_set().applied(store.db.utils)]
        assert applied_migrations(store.db) == MIGRATION_NAMES
    finally:
        store.close()
