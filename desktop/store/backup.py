"""Backups through SQLite's online backup API: a consistent copy even while the database is open, and the checks and
the copy-back of a restore (the policy — names, rotation, when — is in desktop/services/backup.py)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import NamedTuple

from desktop.store.database import SQLITE_HEADER, journal_mode_for
from desktop.store.errors import StoreError
from desktop.store.files import explain_os_error, retry_transient, sqlite_uri
from desktop.store.schema import MIGRATION_NAMES, SCHEMA_VERSION
from desktop.store.store import Store

# Tables every database of ours has from its first migration on.
REQUIRED_TABLES = ("settings", "plans", "agencies", "_sqlite_migrations")


def backup_to(store: Store, destination: Path | str) -> Path:
    """Copy the open database to `destination` (written to a temporary name first, then renamed into place).

    The copy is a single self-contained file (rollback journal, no -wal beside it), so it can be moved, mailed or
    opened read-only.
    """
    return backup_connection(store.db.conn, destination)


def backup_file(database: Path | str, destination: Path | str) -> Path:
    """Back up the database file at `database` (opened read-only, never changed) to `destination`; StoreError or
    sqlite3.Error when it cannot be read (damaged, not a database)."""
    conn = sqlite3.connect(sqlite_uri(Path(database), mode="ro"), uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # a file SQLite cannot read fails here
        return backup_connection(conn, destination)
    finally:
        conn.close()


def backup_connection(source: sqlite3.Connection, destination: Path | str) -> Path:
    """Copy the database open on `source` to the file `destination` (see `backup_to`)."""
    destination = Path(destination)
    partial = destination.with_name(destination.name + ".partial")
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        target = sqlite3.connect(str(partial))
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode = DELETE")
            target.commit()
        finally:
            target.close()
        retry_transient(lambda: partial.replace(destination))  # antivirus may hold a new file a moment
    except OSError as exc:
        _remove_quietly(partial)
        raise StoreError(f"Không sao lưu được. {explain_os_error(exc, destination)}") from exc
    except sqlite3.Error as exc:
        _remove_quietly(partial)
        raise StoreError(f"Không sao lưu được vào “{destination}”: {sqlite_reason(exc)}") from exc
    return destination


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass  # a folder that refused the copy may refuse the clean-up too; the first error is the one to tell


def sqlite_reason(exc: sqlite3.Error) -> str:
    """What a failed SQLite operation means for the user, in Vietnamese (never SQLite's English text)."""
    text = str(exc).lower()
    if "full" in text:
        return "ổ đĩa đã đầy. Hãy giải phóng chỗ trống hoặc chọn ổ đĩa khác."
    if "readonly" in text or "unable to open" in text or "permission" in text:
        return "thư mục chỉ cho đọc hoặc không có quyền ghi. Hãy chọn một thư mục khác."
    if "locked" in text or "busy" in text:
        return "cơ sở dữ liệu đang bận. Hãy thử lại sau ít phút."
    return f"lỗi của SQLite ({getattr(exc, 'sqlite_errorname', '') or type(exc).__name__}). Hãy thử lại."



class BackupInfo(NamedTuple):
    """What a checked backup file holds."""

    path: Path
    schema_version: int
    plans: int


def check_backup_file(path: Path | str) -> BackupInfo:
    """Make sure `path` is an intact database of this program, opening it read-only; StoreError (Vietnamese) if not.

    Checked: the SQLite header, our tables and migration records (none unknown), a schema version this program can
    read, and PRAGMA integrity_check.
    """
    path = Path(path)
    if not path.exists():
        raise StoreError(f"Không tìm thấy tệp sao lưu “{path}”.")
    if path.is_dir():
        raise StoreError(f"“{path}” là một thư mục, không phải tệp sao lưu.")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StoreError(explain_os_error(exc, path, "đọc")) from exc
    if header != SQLITE_HEADER:
        raise StoreError(f"Tệp “{path}” không phải là bản sao lưu của SXTDBV (không phải cơ sở dữ liệu SQLite).")
    try:
        conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"Không mở được tệp “{path}” để kiểm tra: {sqlite_reason(exc)}") from exc
    try:
        return _check_open_backup(conn, path)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"Tệp “{path}” bị hỏng, không dùng để khôi phục được.") from exc
    finally:
        conn.close()


def _check_open_backup(conn: sqlite3.Connection, path: Path) -> BackupInfo:
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    missing = [name for name in REQUIRED_TABLES if name not in tables]
    if missing:
        raise StoreError(f"Tệp “{path}” là một cơ sở dữ liệu SQLite khác, không phải bản sao lưu của SXTDBV "
                         f"(thiếu bảng {missing[0]}).")
    applied = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = 'sxtdbv'")]
    if not applied:
        raise StoreError(f"Tệp “{path}” không phải bản sao lưu của SXTDBV (không có lược đồ của chương trình).")
    unknown = [name for name in applied if name not in MIGRATION_NAMES]
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    if unknown or version > SCHEMA_VERSION:
        raise StoreError(f"Bản sao lưu “{path}” được tạo bởi phiên bản mới hơn của chương trình (lược đồ {version}). "
                         "Hãy cập nhật chương trình trước khi khôi phục.")
    result = [row[0] for row in conn.execute("PRAGMA integrity_check").fetchall()]
    if result != ["ok"]:
        raise StoreError(f"Tệp “{path}” bị hỏng, không dùng để khôi phục được ({'; '.join(result[:3])}).")
    plans = int(conn.execute("SELECT count(*) FROM plans WHERE deleted = 0").fetchone()[0])
    return BackupInfo(path, version, plans)


def copy_into(source: Path | str, database: Path | str) -> None:
    """Replace the content of the database file `database` by that of the checked backup `source`, atomically.

    The copy goes through the backup API into the target's own connection: one write transaction, so a crash or a
    power cut leaves the old content or the new, never a mixture. No other connection may be open on `database`
    (the caller holds its DatabaseLock and has closed its Store).
    """
    source, database = Path(source), Path(database)
    try:
        reader = sqlite3.connect(sqlite_uri(source, mode="ro"), uri=True)
    except sqlite3.Error as exc:
        raise StoreError(f"Không mở được tệp “{source}”: {sqlite_reason(exc)}") from exc
    try:
        target = sqlite3.connect(str(database), timeout=10)
        try:
            # A rollback journal for the copy: it makes the copy one atomic transaction whatever the page sizes
            # (a WAL target refuses a source of another page size); then the writer's mode, as database.connect sets.
            target.execute("PRAGMA journal_mode = DELETE")
            target.execute("PRAGMA synchronous = FULL")
            reader.backup(target)
            target.execute(f"PRAGMA journal_mode = {journal_mode_for(database)}")
        finally:
            target.close()
    except sqlite3.Error as exc:
        raise StoreError(f"Không khôi phục được vào “{database}”: {sqlite_reason(exc)} "
                         "Cơ sở dữ liệu vẫn như trước.") from exc
    finally:
        reader.close()
