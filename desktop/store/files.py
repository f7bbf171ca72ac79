"""Files as the operating system sees them: SQLite URIs that Windows accepts, network volumes, and the Vietnamese
explanation of a failed file operation (with a short retry for the moments antivirus or OneDrive holds a file).

Windows branches take their operating-system facts as arguments (the platform, the drive type) so that tests on Linux
reach them with PureWindowsPath values.
"""

from __future__ import annotations

import errno
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath
from typing import TypeVar
from urllib.parse import quote

T = TypeVar("T")

# Windows: "Access is denied" (a file open in Excel, read-only attribute) and sharing / lock violations.
WINERROR_ACCESS_DENIED = 5
WINERROR_SHARING_VIOLATION = 32
WINERROR_LOCK_VIOLATION = 33
_HELD_WINERRORS = (WINERROR_ACCESS_DENIED, WINERROR_SHARING_VIOLATION, WINERROR_LOCK_VIOLATION)
DRIVE_REMOTE = 4  # GetDriveTypeW's answer for a mapped network drive

HELD_BY_ANOTHER_PROGRAM = "Tệp đang mở trong Excel hoặc chương trình khác — hãy đóng tệp rồi thử lại"

# Linux file systems that live on another computer (/proc/mounts' third column).
_NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p", "afs", "ncpfs",
                        "fuse.rclone", "davfs", "fuse.davfs2"}


def sqlite_uri(path: PurePath | str, *, platform: str | None = None, **params: str) -> str:
    """The `file:` URI of the database at `path` for sqlite3.connect(..., uri=True), with `params` as query (mode=ro).

    Built by hand because pathlib's as_uri() writes a UNC or mapped path as `file://server/share/...`, whose
    authority SQLite on Windows refuses; SQLite wants `file:////server/share/...` and `file:///C:/...`. The path is
    made absolute but never resolved (resolving turns a mapped drive letter into its UNC name).
    """
    platform = platform or sys.platform
    if platform == "win32":
        win = PureWindowsPath(path)
        if not win.is_absolute() and isinstance(path, (str, Path)) and sys.platform == "win32":
            win = PureWindowsPath(os.path.abspath(str(path)))
        text = str(win).replace("\\", "/")
        # UNC: file:////server/share/dir/file.db (empty authority, then //server); drive: file:///C:/dir/file.db
        body = text if text.startswith("//") else "/" + text
    else:
        posix = PurePosixPath(path)
        if not posix.is_absolute():
            posix = PurePosixPath(os.path.abspath(str(path)))
        body = str(posix)
    # Keep the characters SQLite reads as path syntax; encode "?", "#", "%" and spaces, and non-ASCII as UTF-8.
    uri = "file://" + quote(body, safe="/:")  # an empty authority: SQLite refuses any other but "localhost"
    if params:
        uri += "?" + "&".join(f"{key}={quote(value, safe='')}" for key, value in params.items())
    return uri


def is_network_path(path: PurePath | str, *, platform: str | None = None,
                    drive_type: Callable[[str], int] | None = None,
                    mounts: Callable[[], list[tuple[str, str]]] | None = None) -> bool:
    """True when `path` is on a network volume: a UNC path or a remote (mapped) drive on Windows, an NFS/SMB mount
    on Linux. `drive_type` (GetDriveTypeW) and `mounts` ((mount point, file system type) pairs) are the operating
    system's facts, given by tests; by default they are asked of the running system."""
    platform = platform or sys.platform
    if platform == "win32":
        win = PureWindowsPath(path)
        text = str(win)
        if text.startswith("\\\\") and not text.startswith("\\\\?\\"):
            return True
        if text.upper().startswith("\\\\?\\UNC\\"):
            return True
        drive = win.drive
        if not drive:
            return False
        ask = drive_type or _windows_drive_type
        try:
            return ask(drive + "\\") == DRIVE_REMOTE
        except OSError:
            return False
    if platform.startswith("linux"):
        table = (mounts or _linux_mounts)()
        target = os.path.abspath(str(path))
        best = ("", "")
        for point, kind in table:
            inside = target == point or target.startswith(point.rstrip("/") + "/")
            if inside and len(point) > len(best[0]):
                best = (point, kind)
        return best[1] in _NETWORK_FILESYSTEMS
    return False


def _windows_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]  # Windows only


def _linux_mounts() -> list[tuple[str, str]]:
    try:
        with open("/proc/mounts", encoding="utf-8", errors="replace") as handle:
            rows = [line.split() for line in handle]
    except OSError:
        return []
    return [(row[1].replace("\\040", " "), row[2]) for row in rows if len(row) >= 3]


def is_held_by_another_program(exc: BaseException) -> bool:
    """True for Windows' "Access is denied" / sharing violation on a file another program has open."""
    return isinstance(exc, OSError) and getattr(exc, "winerror", None) in _HELD_WINERRORS


def _file_among_parents(path: PurePath | str) -> bool:
    try:
        return any(parent.exists() and not parent.is_dir() for parent in Path(path).parents)
    except OSError:
        return False


def explain_os_error(exc: OSError, path: PurePath | str, action: str = "ghi", *, kind: str = "tệp") -> str:
    """A Vietnamese sentence naming `path` and saying what went wrong and what to do, for a failed file operation.

    `action` is the verb of what was being done ("ghi", "đọc", "tạo", "xóa"), `kind` what `path` is ("tệp",
    "thư mục"). Never contains Python's or the
    operating system's own (English) text.
    """
    where = f"“{path}”"
    code = exc.errno
    if is_held_by_another_program(exc):
        return f"Không {action} được {kind} {where}: {HELD_BY_ANOTHER_PROGRAM}."
    if code == errno.ENOTDIR or (code == errno.EEXIST and _file_among_parents(path)):
        # mkdir(parents=True, exist_ok=True) says EEXIST when a folder of the path is in fact a file
        return (f"Không {action} được {kind} {where}: một phần của đường dẫn là tệp, không phải thư mục. "
                "Hãy chọn một thư mục khác.")
    if code == errno.ENOENT:
        return f"Không {action} được {kind} {where}: thư mục hoặc tệp không tồn tại. Hãy kiểm tra lại đường dẫn."
    if code == errno.EISDIR:
        return f"Không {action} được {where}: đó là một thư mục, không phải tệp. Hãy chọn tên tệp."
    if code == errno.EROFS:
        return (f"Không {action} được {kind} {where}: ổ đĩa hoặc thư mục chỉ cho đọc (ví dụ đĩa CD, USB bị khóa ghi). "
                "Hãy chọn một thư mục khác.")
    if code in (errno.EACCES, errno.EPERM):
        return (f"Không {action} được {kind} {where}: không có quyền {action} ở đó, hoặc tệp đang bị khóa. "
                "Hãy chọn một thư mục khác hoặc hỏi người quản trị máy.")
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return f"Không {action} được {kind} {where}: ổ đĩa đã đầy. Hãy giải phóng chỗ trống hoặc chọn ổ đĩa khác."
    if code == errno.ENAMETOOLONG:
        return f"Không {action} được {kind} {where}: tên hoặc đường dẫn quá dài. Hãy chọn tên ngắn hơn."
    if code == errno.EEXIST:
        return f"Không {action} được {kind} {where}: tệp đã có."
    return f"Không {action} được {kind} {where} (lỗi hệ thống số {code}). Hãy thử lại hoặc chọn nơi khác."


def retry_transient(operation: Callable[[], T], *, attempts: int = 5, delay: float = 0.2,
                    sleep: Callable[[float], None] = time.sleep) -> T:
    """Run `operation`, retrying a few times (about a second in all) while Windows says another program holds the
    file: antivirus and OneDrive hold a file for a moment after it is written. Other errors are raised at once."""
    for attempt in range(attempts):
        try:
            return operation()
        except OSError as exc:
            if not is_held_by_another_program(exc) or attempt == attempts - 1:
                raise
            sleep(delay * (attempt + 1))
    raise AssertionError("unreachable")  # pragma: no cover
