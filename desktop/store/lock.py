"""One writer per database: a lock file beside it (`sxtdbv.db.lock`), pure Python so the CLI can use it without Qt.

The lock file holds who has the database open (process id, computer name, time) so that a refusal can say so. Whether
that holder is still alive is told by an operating-system lock held on the file for as long as the database is open
(fcntl.flock on Linux and macOS, msvcrt.locking on Windows): the system releases it when the process ends in any way,
crash and SIGKILL included, so a lock left behind by a dead process on this computer is recovered by taking the file
over. Where the file system has no such locks, a lock whose process id is dead on this computer is recovered instead.
A lock written by another computer (a database on a shared folder) is never taken over silently: the message names
that computer and the lock file to delete once it is sure nobody uses the database there.

    with DatabaseLock(path):            # raises DatabaseLockedError (a StoreError) when another instance writes
        ...
    lock = DatabaseLock(path, read_only_fallback=True).acquire()  # lock.read_only: open read-only (services/opening)
"""

from __future__ import annotations

import errno
import json
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import NamedTuple

from desktop.store.errors import StoreError
from desktop.store.files import explain_os_error

LOCK_SUFFIX = ".lock"
_WINDOWS = sys.platform == "win32"
# Windows locks are mandatory: lock one byte far past the text so that others can still read who holds the lock.
_WINDOWS_LOCK_OFFSET = 1 << 20
_ATTEMPTS = 8


class DatabaseLockedError(StoreError):
    """Another instance has the database open for writing; the message says who, in Vietnamese."""

    def __init__(self, message: str, holder: LockHolder | None = None):
        super().__init__(message)
        self.holder = holder


class LockHolder(NamedTuple):
    """Who holds a lock file: process id, computer name and when it was taken (ISO 8601, UTC)."""

    pid: int | None
    hostname: str
    started: str

    @property
    def on_this_computer(self) -> bool:
        """True when the holder runs (or ran) on this computer, or the file does not say where."""
        return not self.hostname or self.hostname == _hostname()

    def started_text(self) -> str:
        """The time the lock was taken, in local time as a Vietnamese reader writes it ("14:05 ngày 23/11/2026")."""
        try:
            moment = datetime.fromisoformat(self.started).astimezone()
        except (TypeError, ValueError):
            return "không rõ lúc nào"
        return moment.strftime("%H:%M ngày %d/%m/%Y")


def lock_path_for(database: Path | str) -> Path:
    """The lock file of the database at `database`: the same name with ".lock" added, in the same folder."""
    database = Path(database)
    return database.with_name(database.name + LOCK_SUFFIX)


def read_holder(lock_file: Path | str) -> LockHolder | None:
    """Who the lock file says holds it; None when the file is missing or empty (a lock released cleanly)."""
    try:
        with open(lock_file, "rb") as handle:
            text = handle.read(4096)
    except FileNotFoundError:
        return None
    except OSError:
        return LockHolder(None, "", "")
    if not text.strip(b"\0 \r\n"):
        return None
    try:
        data = json.loads(text.decode("utf-8").rstrip("\0"))
        pid = data.get("pid")
        return LockHolder(int(pid) if pid is not None else None, str(data.get("hostname", "")),
                          str(data.get("started", "")))
    except (ValueError, AttributeError, UnicodeDecodeError):
        return LockHolder(None, "", "")


def pid_alive(pid: int) -> bool:
    """True when a process with this id runs on this computer (never signals or stops it)."""
    if pid <= 0:
        return False
    if _WINDOWS:
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    return True


def holder_message(database: Path | str, holder: LockHolder | None) -> str:
    """The Vietnamese explanation shown when the database is held by another instance."""
    database = Path(database)
    if holder is None or not holder.hostname:
        where = ""
    elif holder.on_this_computer:
        where = f" (tiến trình {holder.pid}, mở từ {holder.started_text()})" if holder.pid else ""
    else:
        where = f" trên máy “{holder.hostname}” (mở từ {holder.started_text()})"
    message = (f"Cơ sở dữ liệu đang được mở ở một cửa sổ khác{where}: “{database}”. "
               "Để tránh ghi đè lên nhau, mỗi lúc chỉ một cửa sổ được sửa dữ liệu. "
               "Hãy dùng cửa sổ đó, hoặc đóng nó rồi thử lại.")
    if holder is not None and not holder.on_this_computer:
        message += (f" Nếu chắc chắn máy “{holder.hostname}” không còn mở chương trình, hãy xóa tệp khóa "
                    f"“{lock_path_for(database)}”.")
    return message


READ_ONLY_NOTE = "Cơ sở dữ liệu được mở ở chế độ chỉ đọc: có thể xem và in, nhưng mọi thay đổi sẽ không được lưu."


class DatabaseLock:
    """The right to write one database, held from `acquire()` to `release()` (or as a context manager).

    With `read_only_fallback`, a database held elsewhere does not raise: `read_only` is True and `message` says why,
    so the caller opens the database read-only (desktop/services/opening.py).
    """

    def __init__(self, database: Path | str, *, read_only_fallback: bool = False):
        self.database = Path(database)
        self.lock_file = lock_path_for(self.database)
        self.read_only_fallback = read_only_fallback
        self.read_only = False
        self.message = ""
        self.holder: LockHolder | None = None
        self.recovered: LockHolder | None = None  # the dead holder whose stale lock was taken over
        self._fd: int | None = None

    @property
    def acquired(self) -> bool:
        """True while this object holds the lock."""
        return self._fd is not None

    def acquire(self) -> DatabaseLock:
        """Take the lock; raise DatabaseLockedError (or fall back to read-only) when another instance holds it."""
        if self._fd is not None:
            return self
        self.lock_file.parent.mkdir(parents=True, exist_ok=True)
        for _ in range(_ATTEMPTS):
            outcome = self._try_once()
            if outcome is _TAKEN:
                return self
            if isinstance(outcome, _Refusal):
                return self._refuse(outcome.holder)
        return self._refuse(read_holder(self.lock_file))

    def release(self) -> None:
        """Give the lock back (nothing happens when it is not held)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            os.ftruncate(fd, 0)  # an empty lock file is a free one, should the unlink below not happen
            if not _WINDOWS:
                # Unlinked while still locked: a process waiting on this file sees another inode and starts again.
                self.lock_file.unlink(missing_ok=True)
        except OSError:
            pass
        finally:
            _os_unlock(fd)
            os.close(fd)

    def __enter__(self) -> DatabaseLock:
        return self.acquire()

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.release()

    def __del__(self) -> None:
        if getattr(self, "_fd", None) is not None:
            self.release()

    # -- internals -------------------------------------------------------------------------------------------------
    def _try_once(self) -> object:
        try:
            fd = os.open(self.lock_file, os.O_CREAT | os.O_EXCL | os.O_RDWR | getattr(os, "O_BINARY", 0), 0o644)
            created = True
        except FileExistsError:
            try:
                fd = os.open(self.lock_file, os.O_RDWR | getattr(os, "O_BINARY", 0))
            except FileNotFoundError:
                return _AGAIN  # released between the two calls
            except PermissionError as exc:
                if _WINDOWS:
                    return _AGAIN  # being deleted or opened exclusively for a moment
                raise StoreError(explain_os_error(exc, self.lock_file, "mở", kind="tệp khóa")) from exc
            created = False
        except OSError as exc:
            raise StoreError(explain_os_error(exc, self.lock_file, "tạo", kind="tệp khóa")
                             + " Không sửa được cơ sở dữ liệu ở thư mục này; vẫn có thể xem, xuất, in và sao lưu nó."
                             ) from exc
        locked = _os_lock(fd)
        if locked is False:
            os.close(fd)
            return _Refusal(read_holder(self.lock_file))
        if not _same_file(fd, self.lock_file):
            _os_unlock(fd)
            os.close(fd)
            return _AGAIN  # the holder released (unlinked) it meanwhile
        if not created:
            holder = read_holder(self.lock_file)
            if holder is not None and not self._may_take_over(holder, os_locked=locked is True):
                _os_unlock(fd)
                os.close(fd)
                return _Refusal(holder)
            self.recovered = holder
        try:
            _write_holder(fd)
        except OSError as exc:
            _os_unlock(fd)
            os.close(fd)
            raise StoreError(explain_os_error(exc, self.lock_file, kind="tệp khóa")) from exc
        self._fd = fd
        return _TAKEN

    @staticmethod
    def _may_take_over(holder: LockHolder, *, os_locked: bool) -> bool:
        """Whether a lock file written by `holder` is stale, now that nobody holds the file's system lock."""
        if not holder.on_this_computer:
            return False  # another computer's lock: its process cannot be checked from here
        if holder.pid == os.getpid():
            return False  # another DatabaseLock of this very process holds it (or held it and leaked it)
        if os_locked:
            return True  # the system lock dies with its process: the holder is gone
        return holder.pid is None or not pid_alive(holder.pid)

    def _refuse(self, holder: LockHolder | None) -> DatabaseLock:
        self.holder = holder
        explanation = holder_message(self.database, holder)
        if not self.read_only_fallback:
            raise DatabaseLockedError(explanation, holder)
        self.read_only = True
        self.message = f"{explanation} {READ_ONLY_NOTE}"
        return self


class _Refusal:
    def __init__(self, holder: LockHolder | None):
        self.holder = holder


_TAKEN = object()
_AGAIN = object()


def _hostname() -> str:
    # On Linux and macOS gethostname() is uname()'s node name; reading that spares the start-up the socket module
    # (~3 ms). Windows keeps socket's name (its DNS host name), the one every lock written so far holds.
    if hasattr(os, "uname"):
        return os.uname().nodename
    import socket

    return socket.gethostname()


def _write_holder(fd: int) -> None:
    info = {"pid": os.getpid(), "hostname": _hostname(),
            "started": datetime.now(UTC).isoformat(timespec="seconds"), "program": "sxtdbv"}
    os.lseek(fd, 0, os.SEEK_SET)
    os.ftruncate(fd, 0)
    # Not fsync'd: other processes read it through the same cache, and after a crash of the computer the lock is
    # stale whatever it says (the system lock is what tells); forcing it to disk cost every start-up a disk flush.
    os.write(fd, json.dumps(info).encode("utf-8"))


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


def _os_lock(fd: int) -> bool | None:
    """Take the system lock without waiting: True taken, False held by another process, None not supported here."""
    if sys.platform == "win32":  # spelt out (not _WINDOWS) so that type checkers skip the other platform's branch
        import msvcrt

        os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            os.lseek(fd, 0, os.SEEK_SET)
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        return None  # ENOLCK, EOPNOTSUPP...: this file system has no such locks; fall back on the process id
    return True


def _os_unlock(fd: int) -> None:
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, _WINDOWS_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass


def _windows_pid_alive(pid: int) -> bool:
    if sys.platform != "win32":  # called on Windows only; spelt out so that type checkers skip the rest elsewhere
        return pid_alive(pid)
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    process_query_limited_information = 0x1000
    still_active = 259
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return ctypes.get_last_error() == 5  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
