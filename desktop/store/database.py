"""Opening the database: checks that the file is ours, sets the pragmas, creates or upgrades the schema.

Two ways in. For writing (the caller holds the database's lock): WAL journal on a local disk, a rollback journal on
a network volume (SQLite's WAL needs shared memory that two computers cannot share; one writer is already enforced
by the lock), then an older schema is upgraded after `before_upgrade` has backed it up. Read-only (read commands,
another window holds the lock, read-only media): a `mode=ro` connection that never writes a byte — no journal-mode
switch, no migration; an older schema is read from an upgraded copy in memory.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

from desktop.store.connection import Connection
from desktop.store.errors import StoreError
from desktop.store.files import explain_os_error, is_network_path, sqlite_uri
from desktop.store.schema import MIGRATION_NAMES, MIGRATION_SET, SCHEMA_VERSION, migration_set

SQLITE_HEADER = b"SQLite format 3\x00"
WAL, ROLLBACK = "wal", "delete"

# Called with the open connection and the schema version found, before an older schema is upgraded (a backup).
BeforeUpgrade = Callable[[sqlite3.Connection, int], None]


def _looks_like_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(16) == SQLITE_HEADER


def journal_mode_for(path: Path | str, *, network: bool | None = None) -> str:
    """The journal mode a writer uses for the database at `path`: WAL, or a rollback journal on a network volume."""
    on_network = is_network_path(path) if network is None else network
    return ROLLBACK if on_network else WAL


def connect(path: Path | str) -> Connection:
    """Open an SQLite connection with the project's pragmas (no schema checks): foreign keys on, WAL journal
    (a rollback journal on a network volume).

    synchronous=FULL because this file is often a department's only copy of its data.
    """
    db = _connect_plain(path)
    _set_journal(db, journal_mode_for(path))
    return db


def _connect_plain(path: Path | str) -> Connection:
    # No journal-mode change yet: switching to WAL writes to the file, and a refused file must stay as it was.
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=10)
    return _wrap(conn)


def _wrap(conn: sqlite3.Connection) -> Connection:
    db = Connection(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 10000")
    return db


def _set_journal(db: Connection, mode: str) -> None:
    db.conn.execute(f"PRAGMA journal_mode = {mode}")
    db.conn.execute("PRAGMA synchronous = FULL")


def schema_version(db: Connection) -> int:
    """The schema version recorded in the database (0 for a new, empty one)."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def open_database(path: Path | str, *, create: bool = False, before_upgrade: BeforeUpgrade | None = None,
                  network: bool | None = None, verify: bool = True) -> Connection:
    """Open (and, when `create`, make) the database at `path` for writing, upgrading an older schema in one
    transaction after calling `before_upgrade(connection, found_version)`.

    Raises StoreError, in Vietnamese, when the file is missing, is not a database of this program (an empty file
    included: only `create` makes a database), is damaged, was made by a newer version, or cannot be written.
    `network` overrides the detection of a network volume (tests). With `verify` False the pages are not read
    through at opening (`damage_in` then, off the window's thread: it takes as long as the file is big).
    """
    path = Path(path)
    _refuse_unusable(path, create=create)
    if not path.exists():
        blocker = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
        if blocker is not None:
            raise StoreError(f"Không tạo được “{path}”: “{blocker}” là một tệp, không phải thư mục.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(explain_os_error(exc, path.parent, "tạo", kind="thư mục")) from exc
    db: Connection | None = None
    try:
        db = _connect_plain(path)
        _check(db, path, verify=verify)
        _set_journal(db, journal_mode_for(path, network=network))
        _upgrade(db, before_upgrade)
    except sqlite3.DatabaseError as exc:
        _close_quietly(db)
        raise StoreError(_explain(exc, path)) from exc
    except BaseException:
        _close_quietly(db)
        raise
    return db


def open_read_only(path: Path | str) -> Connection:
    """Open the database at `path` without ever writing to it (`mode=ro`; `immutable` on read-only media).

    An older schema is copied into memory and upgraded there, so the file stays exactly as it was. The connection
    refuses every write (PRAGMA query_only). StoreError, in Vietnamese, as `open_database`.
    """
    path = Path(path)
    _refuse_unusable(path, create=False)
    db: Connection | None = None
    try:
        db = _wrap(_connect_read_only(path))
        _check(db, path)
        if _needs_upgrade(db):
            db = _upgraded_copy(db)
        db.conn.execute("PRAGMA query_only = ON")
    except sqlite3.DatabaseError as exc:
        _close_quietly(db)
        raise StoreError(_explain(exc, path)) from exc
    except BaseException:
        _close_quietly(db)
        raise
    return db


def _connect_read_only(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True, check_same_thread=False, timeout=10)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if os.access(path.parent, os.W_OK):
            raise
    # Read-only media: a WAL database cannot create its -shm there; nothing can change the file, so it is
    # opened as immutable (SQLite then takes no locks at all).
    return sqlite3.connect(sqlite_uri(path, mode="ro", immutable="1"), uri=True, check_same_thread=False)


def _upgraded_copy(source: Connection) -> Connection:
    """A copy in memory of the older database `source`, upgraded to the current schema (`source` is closed)."""
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    source.conn.backup(memory)
    source.close()
    db = _wrap(memory)
    _upgrade(db, None)
    return db


def _refuse_unusable(path: Path, *, create: bool) -> None:
    try:
        exists = path.exists()
        if exists and path.is_dir():
            raise StoreError(f"“{path}” là một thư mục, không phải tệp cơ sở dữ liệu.")
        if not exists and not create:
            raise StoreError(f"Không tìm thấy cơ sở dữ liệu “{path}”. "
                             f"Hãy tạo mới bằng lệnh: sxtdbv --db \"{path}\" init")
        if exists and path.stat().st_size == 0 and not create:
            raise StoreError(f"Tệp “{path}” trống (0 byte), không phải là cơ sở dữ liệu SXTDBV; không dùng tệp này. "
                             f"Chỉ lệnh init (hoặc lần mở chương trình đầu tiên) tạo cơ sở dữ liệu mới.")
        if exists and path.stat().st_size > 0 and not _looks_like_sqlite(path):
            raise StoreError(f"Tệp “{path}” không phải là cơ sở dữ liệu SXTDBV (không phải tệp SQLite).")
    except OSError as exc:
        raise StoreError(explain_os_error(exc, path, "đọc")) from exc


def _close_quietly(db: Connection | None) -> None:
    if db is None:
        return
    try:
        db.close()
    except sqlite3.Error:
        pass


def _check(db: Connection, path: Path, *, verify: bool = True) -> None:
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
    unknown = [name for name in applied_migrations(db) if name not in MIGRATION_NAMES]
    if unknown:
        raise StoreError(f"Cơ sở dữ liệu “{path}” có bước nâng cấp lạ ({unknown[0]}): hãy cập nhật chương trình.")
    problem = _damage(db, path) if verify else None
    if problem:
        raise StoreError(problem)


def _damage(db: Connection, path: Path) -> str | None:
    problems = [row[0] for row in db.execute("PRAGMA quick_check").fetchall() if row[0] != "ok"]
    return f"Tệp “{path}” bị hỏng ({problems[0]}). Hãy khôi phục từ bản sao lưu." if problems else None


def damage_in(path: Path | str) -> str | None:
    """Read every page of the database at `path` (on a read-only connection of its own): None when it is sound,
    else why not, in Vietnamese."""
    path = Path(path)
    db: Connection | None = None
    try:
        db = Connection(_connect_read_only(path))
        return _damage(db, path)
    except sqlite3.DatabaseError as exc:
        return _explain(exc, path)
    finally:
        _close_quietly(db)


def applied_migrations(db: Connection) -> list[str]:
    """The names of the migrations recorded in the database, in the order they ran.

    Read with plain SQL from sqlite-utils' bookkeeping table (`Migrations.migrations_table`; test_store_migrations
    checks this read against `Migrations.applied`), so that opening an up-to-date database never imports sqlite-utils.
    """
    if "_sqlite_migrations" not in db.table_names():
        return []
    sql = "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid"
    return [row[0] for row in db.execute(sql, [MIGRATION_SET])]


def _needs_upgrade(db: Connection) -> bool:
    return schema_version(db) < SCHEMA_VERSION or bool(set(MIGRATION_NAMES) - set(applied_migrations(db)))


def _upgrade(db: Connection, before_upgrade: BeforeUpgrade | None) -> None:
    if not _needs_upgrade(db):
        return
    found = schema_version(db)
    if before_upgrade is not None and found > 0:  # a new, empty database has nothing to back up
        before_upgrade(db.conn, found)
    with db.atomic():
        migration_set().apply(db.utils)
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def _explain(exc: sqlite3.DatabaseError, path: Path) -> str:
    text = str(exc).lower()
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return f"Tệp “{path}” bị hỏng hoặc không phải là cơ sở dữ liệu SXTDBV. Hãy khôi phục từ bản sao lưu."
    if "readonly" in text or "read-only" in text or "unable to open" in text or "permission" in text:
        return (f"Không ghi được vào “{path}”: tệp hoặc thư mục chỉ cho đọc, hoặc không có quyền ghi. "
                "Có thể xem, xuất, in và sao lưu; để sửa dữ liệu hãy chép tệp sang một thư mục ghi được.")
    if "locked" in text or "busy" in text:
        return f"Cơ sở dữ liệu “{path}” đang được một chương trình khác sử dụng. Hãy đóng chương trình đó rồi thử lại."
    if "full" in text:
        return f"Không ghi được vào “{path}”: ổ đĩa đã đầy. Hãy giải phóng chỗ trống rồi thử lại."
    code = getattr(exc, "sqlite_errorname", "") or type(exc).__name__
    return f"Không mở được cơ sở dữ liệu “{path}” (mã lỗi {code}). Hãy thử lại hoặc khôi phục từ bản sao lưu."


def close_database(db: Connection) -> None:
    """Close `db`; a writer first puts the file back in rollback-journal mode, so that a database at rest is one
    self-contained file (no -wal or -shm beside it) that a read-only opening reads without creating either. When
    another connection still reads it, the switch is refused and the next writer to close makes it."""
    try:
        if not db.execute("PRAGMA query_only").fetchone()[0]:
            if str(db.execute("PRAGMA journal_mode").fetchone()[0]).lower() == WAL:
                db.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error:
        pass  # busy (a reader) or already closed: the file stays in WAL mode, which is just as safe
    db.close()
