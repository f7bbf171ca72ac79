"""Helpers of the failure-path tests: running the real `sxtdbv` command, databases of an older schema, read-only
places made by the kernel (a read-only tmpfs, chattr +i) where root is available."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def sx(*args: object, data: Path, env: dict[str, str] | None = None, timeout: float = 120,
       ) -> subprocess.CompletedProcess[str]:
    """Run `python -m desktop ARGS` with its own data folder and temp folder; returns the finished process."""
    full = {**os.environ, "PYTHONPATH": str(ROOT), "SXTDBV_DATA_DIR": str(data), "QT_QPA_PLATFORM": "offscreen",
            **(env or {})}
    return subprocess.run([sys.executable, "-m", "desktop", *map(str, args)], capture_output=True, text=True,
                          env=full, timeout=timeout, cwd=ROOT)


def make_schema_1(path: Path) -> None:
    """Put at `path` a copy of the database the first version wrote (schema 1, committed as tests/data/schema1.db)."""
    shutil.copyfile(ROOT / "tests" / "data" / "schema1.db", path)


def _can_mount() -> bool:
    return os.geteuid() == 0 and shutil.which("mount") is not None if hasattr(os, "geteuid") else False


@contextlib.contextmanager
def tmpfs(folder: Path, size: str) -> Iterator[Path]:
    """A tmpfs of `size` mounted on `folder` (root only; the test is skipped otherwise)."""
    folder.mkdir(parents=True, exist_ok=True)
    if not _can_mount():
        pytest.skip("needs root to mount a small tmpfs (a full disk, read-only media); run as root to exercise it")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def remount_read_only(folder: Path) -> None:
    """Make the tmpfs on `folder` read-only (the kernel then refuses every write, root's included)."""
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)


@contextlib.contextmanager
def immutable(*paths: Path) -> Iterator[None]:
    """chattr +i on `paths` (root on ext4/xfs...; skipped otherwise), undone afterwards."""
    if shutil.which("chattr") is None or not _can_mount():
        pytest.skip("needs root and chattr to make a file immutable")
    done = subprocess.run(["chattr", "+i", *map(str, paths)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"chattr +i is not supported here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", *map(str, paths)], capture_output=True)


@pytest.fixture
def own_settings(tmp_path: Path) -> Iterator[Path]:
    """QSettings read and written in the test's own folder, never the user's (for tests that build windows)."""
    from PySide6.QtCore import QSettings

    from desktop.ui import app_settings

    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.SystemScope, str(folder / "system"))
    app_settings.forget()
    yield folder
    app_settings.forget()
