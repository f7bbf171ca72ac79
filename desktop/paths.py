"""Where things live: bundled resources (from the source tree or a PyInstaller bundle) and the per-user data folder."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from desktop import APP_NAME, ORGANIZATION_NAME

DATABASE_FILE_NAME = "sxtdbv.db"


def resources_dir() -> Path:
    """The resources/ folder: beside the package in a source tree, inside the bundle when frozen."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """The path of a bundled resource file."""
    return resources_dir().joinpath(*parts)


def data_dir(*, platform: str | None = None, environ: Mapping[str, str] | None = None) -> Path:
    """The per-user data folder: the database, its backups, the error log and the program's temporary files.

    On Windows the local (not roaming) application data folder, %LOCALAPPDATA%\\SXTDBV\\SXTDBV (Qt's
    AppLocalDataLocation): a database and its backups must not travel with a roaming profile, which copies them at
    every logon and logoff. Computed without Qt so that the headless CLI does not load it. SXTDBV_DATA_DIR overrides
    (tests, portable use). `platform` and `environ` are the system's facts, given by tests.
    """
    platform = platform or sys.platform
    env = os.environ if environ is None else environ
    override = env.get("SXTDBV_DATA_DIR")
    if override:
        return Path(override)
    if platform == "win32":
        base = Path(env.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(env.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / ORGANIZATION_NAME / APP_NAME


def roaming_data_dir(*, platform: str | None = None, environ: Mapping[str, str] | None = None) -> Path | None:
    """Where versions before 0.2 kept the data on Windows (the roaming %APPDATA%); None elsewhere or when overridden."""
    platform = platform or sys.platform
    env = os.environ if environ is None else environ
    if platform != "win32" or env.get("SXTDBV_DATA_DIR"):
        return None
    return Path(env.get("APPDATA") or Path.home() / "AppData" / "Roaming") / ORGANIZATION_NAME / APP_NAME


def default_database_path() -> Path:
    """The database opened when no --db is given (in the data folder; see desktop/services/opening.py for the move
    of a database left in the old roaming folder)."""
    return data_dir() / DATABASE_FILE_NAME
