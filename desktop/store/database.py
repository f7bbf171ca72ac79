"""Opening the database: checks that the file is ours, sets the pragmas, creates or upgrades the schema."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from desktop.store.errors import StoreError
from desktop.store.schema import MIGRATION_NAMES, SCHEMA_VERSION, migrations

SQLITE_HEADER = b"SQLite format 3\x00"


def _looks_like_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(16) == SQLITE_HEADER


def connect(path: Path | str) -> Database:
    """Open an SQLite connection with the project's pragmas (no schema checks): foreign keys on, WAL journal.

    synchronous=FULL because this file is often a department's only copy of its data.
    """
    db = _connect_plain(path)
    _use_wal(db)
    return db


def _connect_plain(path: Path | str) -> Database:
    # No journal-mode change yet: switching to WAL writes to the file, and a refused file must stay as it was.
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=10)
    db = Database(conn, execute_plugins=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 10000")
    return db


def _use_wal(db: Database) -> None:
    db.conn.execute("PRAGMA journal_mode = WAL")
    db.conn.execute("PRAGMA synchronous = FULL")


def schema_version(db: Database) -> int:
    """The schema version recorded in the database (0 for a new, empty one)."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def open_database(path: Path | str, *, create: bool = False) -> Database:
    """Open (and, when `create`, make) the database at `path`, upgrading an older schema in one transaction.

    Raises StoreError, in Vietnamese, when the file is missing, is not a database of this program, is damaged,
    was made by a newer version, or cannot be written.
    """
    path = Path(path)
    exists = path.exists()
    if exists and path.is_dir():
        raise StoreError(f"“{path}” là một thư mục, không phải tệp cơ sở dữ liệu.")
    if not exists and not create:
        raise StoreError(f"Không tìm thấy cơ sở dữ liệu “{path}”. Hãy tạo mới bằng lệnh: sxtdbv --db \"{path}\" init")
    if exists and path.stat().st_size > 0 and not _looks_like_sqlite(path):
        raise StoreError(f"Tệp “{path}” không phải là cơ sở dữ liệu SXTDBV (không phải tệp SQLite).")
    if not exists:
        blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
        if blocker is not None:
            raise StoreError(f"Không tạo được “{path}”: “{blocker}” là một tệp, không phải thư mục.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"Không tạo được thư mục “{path.parent}”: không có quyền ghi hoặc ổ đĩa chỉ đọc "
                             f"({exc.strerror or exc}).") from exc
    db: Database | None = None
    try:
        db = _connect_plain(path)
        _check_and_upgrade(db, path)
    except sqlite3.DatabaseError as exc:
        _close_quietly(db)
        raise StoreError(_explain(exc, path)) from exc
    except StoreError:
        _close_quietly(db)
        raise
    return db


def _close_quietly(db: Database | None) -> None:
    if db is None:
        return
    try:
        db.close()
    except sqlite3.Error:
        pass


def _check_and_upgrade(db: Database, path: Path) -> None:
    # Every refusal comes before the first write, so a refused file is left exactly as it was.
    found = schema_version(db)
    if found > SCHEMA_VERSION:
        raise StoreError(
            f"Cơ sở dữ liệu “{path}” được tạo bởi phiên bản mới hơn của chương trình (lược đồ {found}, "
            f"phiên bản này chỉ đọc được đến {SCHEMA_VERSION}). Hãy cập nhật chương trình."
        )
    tables = set(db.table_names())
    if found == 0 and tables - {"_sqlite_migrations"}:
        raise StoreError(f"Tệp “{path}” là một cơ sở dữ liệu SQLite khác, không phải của SXTDBV.")
    unknown = [m.name for m in migrations.applied(db) if m.name not in MIGRATION_NAMES]
    if unknown:
        raise StoreError(f"Cơ sở dữ liệu “{path}” có bước nâng cấp lạ ({unknown[0]}): hãy cập nhật chương trình.")
    problems = [row[0] for row in db.execute("PRAGMA quick_check").fetchall() if row[0] != "ok"]
    if problems:
        raise StoreError(f"Tệp “{path}” bị hỏng ({problems[0]}). Hãy khôi phục từ bản sao lưu.")
    _use_wal(db)
    if found < SCHEMA_VERSION or migrations.pending(db):
        with db.atomic():
            migrations.apply(db)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _explain(exc: sqlite3.DatabaseError, path: Path) -> str:
    text = str(exc).lower()
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return f"Tệp “{path}” bị hỏng hoặc không phải là cơ sở dữ liệu SXTDBV. Hãy khôi phục từ bản sao lưu."
    if "readonly" in text or "read-only" in text or "unable to open" in text or "permission" in text:
        return f"Không ghi được vào “{path}”: thư mục chỉ đọc hoặc không có quyền ghi."
    if "locked" in text or "busy" in text:
        return f"Cơ sở dữ liệu “{path}” đang được một chương trình khác sử dụng."
    return f"Không mở được cơ sở dữ liệu “{path}”: {exc}"
