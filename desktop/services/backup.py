"""Backups as one policy: one folder per database, one rotation, one list, for every reason a backup is made.

Reasons: the first start of each day (daily), before every applied import (import), before a schema upgrade
(upgrade), before a restore (restore) — these are automatic, and the newest N of them are kept (N a setting stored in
the database, 10 unless changed with `backup --keep N`) — and on demand (manual), never deleted by the rotation.

The folder is `<data folder>/backups/<database name>-<8 hex digits of its full path>/`, in the per-user data folder
rather than beside the database: a database on read-only media or on a shared folder is backed up on this computer,
and two databases of the same name in different folders never mix their backups. Files are named
`<database>-<date>-<time>-<ms>-<reason>.db`, so the list needs no index. Backups made by older versions in `backups/`
beside the database are listed (and rotated) too.

A restore first backs up the current database, refuses a file that is not an intact database of this program, and
needs the database's lock (another open window refuses it).
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from desktop.paths import data_dir, default_database_path
from desktop.store import Store, StoreError
from desktop.store.backup import BackupInfo, backup_connection, backup_file, backup_to, check_backup_file, copy_into
from desktop.store.files import explain_os_error
from desktop.store.lock import DatabaseLock
from desktop.store.settings import get_setting, get_setting_of, set_setting

BACKUP_KEEP_KEY = "backup_keep"
DEFAULT_KEEP = 10
MAX_KEEP = 1000
BACKUP_FOLDER = "backups"
DAILY, IMPORT, UPGRADE, RESTORE, MANUAL = "daily", "import", "upgrade", "restore", "manual"
AUTOMATIC_REASONS = (DAILY, IMPORT, UPGRADE, RESTORE)
# What each reason is called wherever backups are listed (the CLI's `backup --list`, the GUI's restore dialog).
REASON_TITLES = {DAILY: "tự động hằng ngày", IMPORT: "trước khi nhập tệp Excel", UPGRADE: "trước khi nâng cấp lược đồ",
                 RESTORE: "trước khi khôi phục", MANUAL: "theo yêu cầu"}
_STAMP = "%Y%m%d-%H%M%S"


class BackupFile(NamedTuple):
    """One backup in the backups folder: its file, when it was made (local time) and why."""

    path: Path
    made: datetime
    reason: str

    @property
    def reason_title(self) -> str:
        """Why it was made, in Vietnamese."""
        return REASON_TITLES.get(self.reason, self.reason)

    @property
    def automatic(self) -> bool:
        """True when the rotation may delete it (every reason but a backup on demand)."""
        return self.reason in AUTOMATIC_REASONS

    @property
    def size(self) -> int:
        """Its size in bytes (0 when it cannot be read)."""
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


class RestoreResult(NamedTuple):
    """What a restore did: where the previous content was saved, and what the restored database holds."""

    safety_backup: Path | None
    restored: BackupInfo


def backups_dir(database: Path | str) -> Path:
    """The folder of every backup of the database at `database` (see the module's docstring)."""
    full = os.path.normcase(os.path.abspath(str(database)))
    import hashlib  # loads OpenSSL: ~2 ms of the start-up, which makes no backup file name

    digest = hashlib.sha256(full.encode("utf-8")).hexdigest()[:8]
    return data_dir() / BACKUP_FOLDER / f"{Path(database).stem}-{digest}"


def _legacy_backups_dir(database: Path) -> Path:
    return database.parent / BACKUP_FOLDER


def backup_keep(store: Store) -> int:
    """How many automatic backups are kept (the setting `backup_keep`, 10 unless changed)."""
    value = get_setting(store.db, BACKUP_KEEP_KEY)
    try:
        keep = int(value) if value is not None else DEFAULT_KEEP
    except ValueError:
        return DEFAULT_KEEP
    return min(max(keep, 1), MAX_KEEP)


def set_backup_keep(store: Store, keep: int) -> None:
    """Change how many automatic backups are kept; refuses a number outside 1..1000 with a Vietnamese message."""
    if not isinstance(keep, int) or isinstance(keep, bool) or not 1 <= keep <= MAX_KEEP:
        raise StoreError(f"Số bản sao lưu tự động giữ lại phải là số nguyên từ 1 đến {MAX_KEEP} (đã nhập: {keep}).")
    with store.atomic():
        set_setting(store.db, BACKUP_KEEP_KEY, str(keep))


def list_backups(database: Path | str) -> list[BackupFile]:
    """Every backup of `database` (its backups folder, and `backups/` beside it where older versions wrote), newest
    first. The default database also gets the `before-import-*.db` files older versions left, unrotated, in the data
    folder's `backups/` (they name no database; most were the default one's), so that they are listed and rotated."""
    database = Path(database)
    found = _old_pre_import_backups() if _is_default(database) else []
    pattern = re.compile(rf"^{re.escape(database.stem)}-(\d{{8}}-\d{{6}})-(\d{{3}})-([a-z]+)\.db$")
    for folder in (backups_dir(database), _legacy_backups_dir(database)):
        try:
            entries = list(folder.iterdir()) if folder.is_dir() else []
        except OSError:
            continue  # a folder that cannot be read holds nothing we can offer
        for path in entries:
            match = pattern.match(path.name)
            if match and path.is_file():
                made = datetime.strptime(match.group(1), _STAMP).replace(microsecond=int(match.group(2)) * 1000)
                found.append(BackupFile(path, made, match.group(3)))
    return sorted(found, key=lambda backup: (backup.made, backup.path.name), reverse=True)


def _is_default(database: Path) -> bool:
    return os.path.normcase(os.path.abspath(database)) == os.path.normcase(os.path.abspath(default_database_path()))


_OLD_PRE_IMPORT = re.compile(r"^before-import-(\d{8}-\d{6})-(\d{6})\.db$")


def _old_pre_import_backups() -> list[BackupFile]:
    folder = data_dir() / BACKUP_FOLDER
    try:
        entries = list(folder.glob("before-import-*.db"))
    except OSError:
        return []
    found = []
    for path in entries:
        match = _OLD_PRE_IMPORT.match(path.name)
        if match and path.is_file():
            made = datetime.strptime(match.group(1), _STAMP).replace(microsecond=int(match.group(2)))
            found.append(BackupFile(path, made, IMPORT))
    return found


def rotate(database: Path | str, keep: int) -> list[Path]:
    """Delete the automatic backups of `database` beyond the newest `keep`; returns the files deleted."""
    automatic = [backup for backup in list_backups(database) if backup.automatic]
    removed = []
    for backup in automatic[max(keep, 1):]:
        try:
            backup.path.unlink()
            removed.append(backup.path)
        except OSError:
            pass  # a backup that cannot be deleted now is deleted next time
    return removed


def automatic_backup(store: Store, reason: str, *, now: datetime | None = None) -> Path:
    """Back up `store` into its backups folder for `reason` (daily, import, upgrade, restore), then rotate."""
    database = _store_path(store)
    destination = _new_backup_path(database, reason, now)
    backup_to(store, destination)
    rotate(database, backup_keep(store))
    return destination


def daily_backup_if_due(store: Store, *, now: datetime | None = None) -> Path | None:
    """The first start of each day backs the database up; later starts that day do nothing (returns None)."""
    today = (now or datetime.now()).date()
    if any(b.reason == DAILY and b.made.date() == today for b in list_backups(_store_path(store))):
        return None
    return automatic_backup(store, DAILY, now=now)


def backup_before_import(store: Store) -> Path:
    """The backup taken before every applied import (rotated with the others)."""
    return automatic_backup(store, IMPORT)


def before_upgrade(database: Path | str, made: list[Path] | None = None) -> Callable[[sqlite3.Connection, int], None]:
    """The hook `open_database` calls before upgrading an older schema: a backup named "upgrade", rotated with the
    others. The path of the backup is appended to `made` so that the caller can say where it is."""
    database = Path(database)

    def backup(conn: sqlite3.Connection, found_version: int) -> None:
        destination = backup_connection(conn, _new_backup_path(database, UPGRADE, None))
        if made is not None:
            made.append(destination)
        rotate(database, _keep_of_connection(conn))

    return backup


def _keep_of_connection(conn: sqlite3.Connection) -> int:
    value = get_setting_of(conn, BACKUP_KEEP_KEY)
    try:
        return min(max(int(value), 1), MAX_KEEP) if value else DEFAULT_KEEP
    except ValueError:
        return DEFAULT_KEEP


def backup_now(store: Store, destination: Path | str | None = None) -> Path:
    """A backup on demand: to `destination`, or into the backups folder (such backups are never rotated away).

    Refuses to overwrite an existing file or the database itself.
    """
    database = _store_path(store)
    if destination is None:
        return backup_to(store, _new_backup_path(database, MANUAL, None))
    destination = Path(destination)
    if destination.exists():
        same = destination.resolve() == database.resolve()
        raise StoreError(f"Không sao lưu đè lên chính cơ sở dữ liệu “{destination}”." if same else
                         f"Tệp “{destination}” đã có; không ghi đè. Hãy chọn tên khác.")
    return backup_to(store, destination)


def restore_database(database: Path | str, source: Path | str, *, lock: DatabaseLock | None = None) -> RestoreResult:
    """Replace the database at `database` by the backup `source`, keeping a backup of what it held before.

    The caller's Store on `database` must be closed. `lock` is the caller's DatabaseLock on it (the GUI holds one);
    without it the lock is taken here, so a restore while another window has the database open is refused.
    """
    database, source = Path(database), Path(source)
    if source.exists() and database.exists() and source.resolve() == database.resolve():
        raise StoreError("Không khôi phục một cơ sở dữ liệu từ chính nó: hãy chọn một tệp sao lưu.")
    info = check_backup_file(source)
    if lock is not None:
        if not lock.acquired or lock.database.resolve() != database.resolve():
            raise StoreError("Cần giữ quyền ghi cơ sở dữ liệu trước khi khôi phục.")
        return _restore_locked(database, source, info)
    with DatabaseLock(database):
        return _restore_locked(database, source, info)


def _restore_locked(database: Path, source: Path, info: BackupInfo) -> RestoreResult:
    safety = _backup_current(database) if database.exists() else None
    copy_into(source, database)
    store = Store.open(database)  # upgrades a backup of an older schema and checks the result
    try:
        rotate(database, backup_keep(store))
        restored = BackupInfo(database, store.schema_version, store.repo("plans").count())
    finally:
        store.close()
    return RestoreResult(safety, restored)


def _backup_current(database: Path) -> Path:
    """Save what `database` holds before a restore: through the backup API, or, when it is too damaged to be read,
    as a plain copy of its files (then removed, so that the restore starts from a fresh file)."""
    destination = _new_backup_path(database, RESTORE, None)
    try:
        return backup_file(database, destination)
    except (sqlite3.Error, StoreError):
        pass
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        damaged = destination.with_name(destination.stem + "-damaged.db")
        shutil.copy2(database, damaged)
        for suffix in ("-wal", "-shm"):
            companion = Path(f"{database}{suffix}")
            if companion.exists():
                if suffix == "-wal":
                    shutil.copy2(companion, Path(f"{damaged}{suffix}"))
                companion.unlink()
        database.unlink()
    except OSError as exc:
        raise StoreError(f"Không sao lưu được cơ sở dữ liệu hiện tại trước khi khôi phục: "
                         f"{explain_os_error(exc, database, 'chép')} Chưa thay đổi gì.") from exc
    return damaged


def _store_path(store: Store) -> Path:
    if store.path is None:
        raise StoreError("Cơ sở dữ liệu này không gắn với tệp nào nên không sao lưu tự động được.")
    return Path(store.path)


def _new_backup_path(database: Path, reason: str, now: datetime | None) -> Path:
    moment = now or datetime.now()
    folder = backups_dir(database)
    first = moment.microsecond // 1000
    for step in range(1000):  # two backups in the same millisecond get the next free millisecond's name
        path = folder / f"{database.stem}-{moment.strftime(_STAMP)}-{(first + step) % 1000:03d}-{reason}.db"
        if not path.exists():
            return path
    raise StoreError(f"Thư mục sao lưu “{folder}” đã có quá nhiều bản trong cùng một giây.")


def check_backup(path: Path | str) -> BackupInfo:
    """Make sure `path` is an intact backup of this program before offering to restore it (StoreError if not)."""
    return check_backup_file(path)
