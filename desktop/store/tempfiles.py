"""Temporary files in a folder of the program's own, swept on the next start after a crash or a kill.

Each process works in `<data folder>/tmp/<pid>-<random>/`, which becomes Python's `tempfile.tempdir` (openpyxl's
write-only worksheets put their large temporary files there) and where exports are written before they are moved
into place. The folder holds an operating-system lock (the DatabaseLock of its `owner` file) for as long as the
process lives; `start()` — run by every command and the GUI — deletes the folders whose lock nobody holds any more,
and the half-copied files a killed process left beside a target on another drive (listed in `partials.txt`).

    start()                                   # once, at the start of a command or the GUI
    with staged(Path("out.xlsx")) as temp:    # write temp; on success it replaces out.xlsx, else it is removed
        write(temp)
"""

from __future__ import annotations

import atexit
import errno
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.paths import data_dir
from desktop.store.errors import StoreError
from desktop.store.files import retry_transient
from desktop.store.lock import DatabaseLock

TEMP_FOLDER = "tmp"
PARTIALS_FILE = "partials.txt"
PARTIAL_SUFFIX = ".partial"
_OWNER = "owner"
_YOUNG_SECONDS = 60  # a folder this young without its lock may be one being created by another process right now


class _Session:
    def __init__(self, folder: Path, lock: DatabaseLock):
        self.folder = folder
        self.lock = lock


_session: _Session | None = None


def temp_root() -> Path:
    """The folder of the program's temporary files (one sub-folder per running process)."""
    return data_dir() / TEMP_FOLDER


def _random_hex(size: int) -> str:
    """`size` random bytes as hex: a unique part of a file name (os.urandom rather than uuid, whose import with the
    platform module's costs ~2 ms of every start-up)."""
    return os.urandom(size).hex()


def start() -> Path:
    """Make this process's temporary folder (once), point Python's tempfile at it, and sweep what dead processes left.

    Returns the folder. Falls back on the system's temporary folder (swept nothing) when the data folder cannot be
    written, so that a read-only profile never stops a command.
    """
    global _session
    root = temp_root()
    if _session is not None and _session.folder.parent == root and _session.folder.is_dir():
        return _session.folder
    try:
        root.mkdir(parents=True, exist_ok=True)
        folder = root / f"{os.getpid()}-{_random_hex(4)}"
        folder.mkdir()
        lock = DatabaseLock(folder / _OWNER).acquire()
    except (OSError, StoreError):
        return Path(tempfile.gettempdir())
    _session = _Session(folder, lock)
    tempfile.tempdir = str(folder)
    sweep(root)
    return folder


def sweep(root: Path | None = None) -> list[Path]:
    """Delete the temporary folders of processes that are gone, and the partial files they listed; returns the
    folders deleted."""
    root = root or temp_root()
    removed: list[Path] = []
    try:
        folders = [p for p in root.iterdir() if p.is_dir()]
    except OSError:
        return removed
    own = _session.folder if _session is not None else None
    for folder in folders:
        if folder == own or not _is_stale(folder):
            continue
        _remove_listed_partials(folder / PARTIALS_FILE)
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            removed.append(folder)
    return removed


def _is_stale(folder: Path) -> bool:
    owner = folder / _OWNER
    if not (folder / (_OWNER + ".lock")).exists():
        try:
            return time.time() - folder.stat().st_mtime > _YOUNG_SECONDS
        except OSError:
            return False
    lock = DatabaseLock(owner, read_only_fallback=True)
    try:
        lock.acquire()
    except StoreError:
        return False
    if lock.read_only:
        return False  # its process is alive
    lock.release()
    return True


def _remove_listed_partials(listing: Path) -> None:
    try:
        lines = listing.read_text(encoding="utf-8").splitlines()
    except OSError:
        return
    for line in lines:
        candidate = Path(line)
        if candidate.name.endswith(PARTIAL_SUFFIX):  # only files of ours, named by us
            try:
                candidate.unlink(missing_ok=True)
            except OSError:
                pass


@contextmanager
def staged(target: Path) -> Iterator[Path]:
    """A path in this process's temporary folder to write `target` to; when the block ends without error the file
    replaces `target` (renamed on the same drive, else copied beside it under a listed partial name first, then
    renamed), and otherwise it is deleted. The user's folder never holds a half-written file after a crash: a kill
    during the copy leaves a partial that the next start deletes."""
    folder = start()
    temp = folder / f"{_random_hex(6)}{target.suffix}"
    try:
        yield temp
        _move_into_place(temp, target, folder)
    finally:
        try:
            temp.unlink(missing_ok=True)
        except OSError:
            pass


def _move_into_place(temp: Path, target: Path, folder: Path) -> None:
    try:
        retry_transient(lambda: os.replace(temp, target))
        return
    except OSError as exc:
        if exc.errno != errno.EXDEV:  # another drive; anything else is the caller's to explain
            raise
    partial = target.with_name(f".{target.name}.{_random_hex(4)}{PARTIAL_SUFFIX}")
    with open(folder / PARTIALS_FILE, "a", encoding="utf-8") as listing:
        listing.write(f"{partial}\n")
        listing.flush()
        os.fsync(listing.fileno())
    try:
        shutil.copyfile(temp, partial)
        retry_transient(lambda: os.replace(partial, target))
    except BaseException:
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass
        raise


@atexit.register
def finish() -> None:
    """Remove this process's folder (at exit, or when the program ends itself; a kill leaves it to the next start's
    sweep)."""
    global _session
    session, _session = _session, None
    if session is None:
        return
    if tempfile.tempdir == str(session.folder):
        tempfile.tempdir = None
    session.lock.release()
    shutil.rmtree(session.folder, ignore_errors=True)
