"""Where things live: bundled resources (from the source tree or a PyInstaller bundle) and the per-user data folder."""

from __future__ import annotations

import os
import sys
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


def data_dir() -> Path:
    """The per-user data folder, the same as Qt's QStandardPaths.AppDataLocation for this app.

    Computed without Qt so that the headless CLI does not load it. SXTDBV_DATA_DIR overrides (tests, portable use).
    """
    override = os.environ.get("SXTDBV_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / ORGANIZATION_NAME / APP_NAME


def default_database_path() -> Path:
    """The database opened when no --db is given."""
    return data_dir() / DATABASE_FILE_NAME
