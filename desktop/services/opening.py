"""Opening a database, the one door the CLI and the GUI both use: creating (init, the GUI's first start), opening for
writing (the lock, then the file, a backup before a schema upgrade, the day's first backup), opening read-only (read
commands, another window writing, read-only media) without writing a byte, and finding the default database.

    store = open_for_reading(path)                 # summary, export, report, backup: never changes the file
    with open_for_writing(path) as store: ...      # import, sample-data, backup --keep: one writer at a time
    opened = open_for_window(path, is_default=...) # the GUI: writable, or read-only with the reason
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from desktop.paths import DATABASE_FILE_NAME, data_dir, roaming_data_dir
from desktop.services import backup
from desktop.store import Store, StoreError
from desktop.store.backup import backup_connection, check_backup_file
from desktop.store.database import damage_in as database_damage
from desktop.store.database import open_database, open_read_only
from desktop.store.lock import DatabaseLock, DatabaseLockedError

READ_ONLY_MEDIA_NOTE = ("Tệp cơ sở dữ liệu hoặc thư mục chứa nó chỉ cho đọc (ví dụ đĩa CD, USB bị khóa ghi, thư mục "
                        "dùng chung không có quyền ghi): có thể xem, xuất, in và sao lưu, nhưng không sửa được.")
MOVED_SUFFIX = ".da-chuyen"


class Opened(NamedTuple):
    """A database opened for the window: the store, the lock held (None when read-only), and what to tell the user."""

    store: Store
    lock: DatabaseLock | None
    read_only: bool = False
    # Why it is read-only (Vietnamese), empty when writable.
    reason: str = ""
    # True when another program holds the database: opening again later may give write access.
    held_elsewhere: bool = False
    # Things that happened while opening, to show once (Vietnamese): a database created, moved, backed up.
    notes: Sequence[str] = ()
    # True when the file was too big to read through at opening: `damage_in(path)` is to be run in the background.
    verify_later: bool = False

    def close(self) -> None:
        """Close the store and release the lock."""
        self.store.close()
        if self.lock is not None:
            self.lock.release()


def create_database(path: Path | str, *, empty: bool = False, office: str | None = None) -> Store:
    """Create a new database (`init`); refuses an existing file, a 0-byte one included (see init_database)."""
    from desktop.services.setup import init_database  # the seed data: read only when a database is created

    return init_database(path, empty=empty, office=office)


def open_for_reading(path: Path | str) -> Store:
    """Open the database at `path` read-only: the file is never written (no journal switch, no upgrade; an older
    schema is read from an upgraded copy in memory). Refuses a missing file or one that is not a database of ours."""
    path = Path(path)
    return Store(open_read_only(path), path)


def open_writable(path: Path | str, notes: list[str] | None = None, *, verify: bool = True) -> Store:
    """Open the database at `path` for writing; the caller holds its lock. An older schema is backed up (reason
    "upgrade") and then upgraded; the backup's path is told in `notes`. `verify` False leaves reading every page
    through to the caller (`damage_in`)."""
    path = Path(path)
    if path.exists() and not path.is_dir() and (not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK)):
        raise StoreError(f"Không ghi được vào cơ sở dữ liệu “{path}”: tệp hoặc thư mục chứa nó chỉ cho đọc, hoặc "
                         "không có quyền ghi. Chưa thay đổi gì. Có thể xem, xuất, in và sao lưu; để sửa dữ liệu hãy "
                         "chép tệp sang một thư mục ghi được (hoặc bỏ thuộc tính chỉ đọc của tệp).")
    made: list[Path] = []
    store = Store(open_database(path, before_upgrade=backup.before_upgrade(path, made), verify=verify), path)
    if notes is not None:
        notes.extend(f"Đã sao lưu cơ sở dữ liệu trước khi nâng cấp lược đồ: {p}" for p in made)
    return store


@contextmanager
def open_for_writing(path: Path | str, *, daily_backup: bool = True) -> Iterator[Store]:
    """The database at `path` opened for writing, holding its lock (a command is refused while the GUI or another
    command has it open), after the day's first automatic backup. Closed and released on exit.

        with open_for_writing(path) as store:
            ...
    """
    path = Path(path)
    if not path.exists():
        open_read_only(path)  # raises the usual "not found" message before any lock file is made
    with DatabaseLock(path):
        store = open_writable(path)
        try:
            if daily_backup:
                backup.daily_backup_if_due(store)
            yield store
        finally:
            store.close()


def open_for_window(path: Path | str, *, is_default: bool = False) -> Opened:
    """Open the database at `path` for the main window.

    A database that does not exist yet is created (seeded with the 2024 plan) — the program's first start — and
    `notes` says so; the default one left by an older version in the roaming profile is moved first. When
    another window holds the database, or the file or its folder cannot be written, it is opened read-only and
    `reason` says why. StoreError (Vietnamese) when it cannot be opened at all.
    """
    path = Path(path)
    notes: list[str] = []
    if is_default:
        notes.extend(adopt_roaming_database(path))
    if not path.exists():
        lock = DatabaseLock(path, read_only_fallback=True).acquire()
        if not lock.read_only and not path.exists():  # not made meanwhile by another window starting
            try:
                store = create_database(path)
            except BaseException:
                lock.release()
                raise
            notes.append(f"Đây là lần mở đầu tiên: đã tạo cơ sở dữ liệu mới (có sẵn kế hoạch năm 2024) tại “{path}”.")
            return Opened(store, lock, notes=notes)
        lock.release()
    lock = DatabaseLock(path, read_only_fallback=True)
    try:
        if not path.exists():
            open_read_only(path)  # the "not found" message, before a lock file is made
        lock.acquire()
    except StoreError:
        # No lock file can be made beside the database (read_only_fallback never refuses): its folder is read-only.
        return Opened(open_for_reading(path), None, read_only=True, reason=READ_ONLY_MEDIA_NOTE, notes=notes)
    if lock.read_only:
        return Opened(open_for_reading(path), None, read_only=True, reason=lock.message, held_elsewhere=True,
                      notes=notes)
    # A big database (years of participants) is read through in the background once the window is up, so that the
    # start does not grow with the data; a small one, in milliseconds, at once.
    verify_now = _size(path) <= VERIFY_AT_OPENING_BYTES
    try:
        store = open_writable(path, notes, verify=verify_now)
    except StoreError:
        lock.release()
        if _writable(path):
            raise
        return Opened(open_for_reading(path), None, read_only=True, reason=READ_ONLY_MEDIA_NOTE, notes=notes)
    return Opened(store, lock, notes=notes, verify_later=not verify_now)


VERIFY_AT_OPENING_BYTES = 8 * 1024 * 1024  # a plan year with its lists is well under 1 MB


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def damage_in(path: Path | str) -> str | None:
    """Why the database at `path` is damaged (Vietnamese), or None when every page reads well; as long as the file
    is big: run it off the window's thread."""
    return database_damage(path)


def try_writable(path: Path | str) -> Opened | None:
    """Open the database at `path` for writing if nobody holds it any more (the window opened read-only offers this);
    None while it is still held. StoreError when it cannot be opened."""
    lock = DatabaseLock(path, read_only_fallback=True).acquire()
    if lock.read_only:
        return None
    return _open_under(lock, path)


def open_other(path: Path | str) -> Opened:
    """Open another database chosen in the window (File → Open), for writing; refused (StoreError, Vietnamese) while
    another window holds it or when it is not a database of ours. Nothing is created."""
    path = Path(path)
    open_read_only(path).close()  # refuses a missing, empty or foreign file before any lock file is made
    return _open_under(DatabaseLock(path).acquire(), path)


def _open_under(lock: DatabaseLock, path: Path | str) -> Opened:
    """Open `path` for writing under `lock`, already held; the lock is let go when the opening fails."""
    notes: list[str] = []
    try:
        store = open_writable(path, notes)
    except BaseException:
        lock.release()
        raise
    return Opened(store, lock, notes=notes)


def reopen(opened_lock: DatabaseLock | None, path: Path | str) -> Store:
    """Open again, for writing, the database whose lock the window holds (after a restore)."""
    if opened_lock is None or not opened_lock.acquired:
        return open_for_reading(path)
    return open_writable(path)


def adopt_roaming_database(default: Path) -> list[str]:
    """Move a default database left by an older version in the roaming profile (%APPDATA%) into the local data
    folder, with its backups; returns what to tell the user (nothing when there is nothing to move).

    The copy is made through SQLite's backup API and checked before the old file is renamed "….da-chuyen", so that an
    interruption leaves the old database in use. A database another window holds is left where it is this time.
    """
    roaming = roaming_data_dir()
    if roaming is None or default.exists() or default.parent != data_dir():
        return []
    old = roaming / DATABASE_FILE_NAME
    if not old.is_file():
        return []
    try:
        with DatabaseLock(old):
            reader = open_read_only(old)
            try:
                default.parent.mkdir(parents=True, exist_ok=True)
                backup_connection(reader.conn, default)
            finally:
                reader.close()
            check_backup_file(default)
            old_backups = old.parent / backup.BACKUP_FOLDER
            if old_backups.is_dir():
                target = backup.backups_dir(default)
                target.mkdir(parents=True, exist_ok=True)
                for item in old_backups.glob(f"{old.stem}-*.db"):
                    shutil.move(str(item), str(target / item.name))
            old.replace(old.with_name(old.name + MOVED_SUFFIX))
    except DatabaseLockedError:
        default.unlink(missing_ok=True)
        return [f"Cơ sở dữ liệu cũ ở “{old}” đang mở ở cửa sổ khác nên chưa chuyển được sang “{default}”; "
                "hãy đóng các cửa sổ khác rồi mở lại chương trình."]
    except (StoreError, OSError):
        default.unlink(missing_ok=True)
        return [f"Không chuyển được cơ sở dữ liệu cũ ở “{old}” sang “{default}”. Tệp cũ vẫn nguyên vẹn; "
                "hãy chép nó bằng lệnh sao lưu và khôi phục (xem README)."]
    return [f"Đã chuyển cơ sở dữ liệu từ thư mục cũ “{old}” sang thư mục dữ liệu của máy này “{default}” "
            f"(tệp cũ được đổi tên thành “{old.name}{MOVED_SUFFIX}”)."]


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def is_held_elsewhere(path: Path | str) -> bool:
    """True while another window or command holds the database's lock (asked without keeping the lock)."""
    lock = DatabaseLock(path, read_only_fallback=True)
    try:
        lock.acquire()
    except StoreError:
        return True  # no lock can be made here: treat it as held, never as free
    held = lock.read_only
    lock.release()
    return held


def is_read_only(store: Store) -> bool:
    """True when `store` was opened read-only (every write would be refused)."""
    return store.read_only
