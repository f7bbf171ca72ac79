"""Settings kept inside the database (they travel with it): this installation's office and id, plan defaults."""

from __future__ import annotations

import sqlite3

from desktop.store.connection import Connection

DEFAULT_OFFICE = "SCT"
OFFICE_KEY = "office"
INSTALLATION_KEY = "installation_id"


def get_setting(db: Connection, key: str, default: str | None = None) -> str | None:
    """The value stored under `key`, or `default`."""
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def get_setting_of(conn: sqlite3.Connection, key: str) -> str | None:
    """`get_setting` on a bare connection (a schema upgrade's callback, before the Store exists); None when the
    settings cannot be read."""
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


def set_setting(db: Connection, key: str, value: str) -> None:
    """Store `value` under `key`, replacing an older value."""
    db.execute("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
               [key, value])


def installation_id(db: Connection) -> str:
    """This database's random installation id, created the first time it is asked for."""
    value = get_setting(db, INSTALLATION_KEY)
    if not value:
        import uuid  # with the platform module, ~2 ms of the start-up: the id is made once per database

        value = uuid.uuid4().hex
        with db.atomic():
            set_setting(db, INSTALLATION_KEY, value)
    return value


def office_code(db: Connection) -> str:
    """The code of the office this installation belongs to (Sở Công Thương by default)."""
    return get_setting(db, OFFICE_KEY, DEFAULT_OFFICE) or DEFAULT_OFFICE
