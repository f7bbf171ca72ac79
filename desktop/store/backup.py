"""Backups through SQLite's online backup API: a consistent copy even while the database is open."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from desktop.store.errors import StoreError
from desktop.store.store import Store


def backup_to(store: Store, destination: Path | str) -> Path:
    """Copy the open database to `destination` (written to a temporary name first, then renamed into place)."""
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    try:
        target = sqlite3.connect(str(partial))
        try:
            store.db.conn.backup(target)
        finally:
            target.close()
        partial.replace(destination)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise StoreError(f"Không sao lưu được vào “{destination}”: {exc}") from exc
    return destination
