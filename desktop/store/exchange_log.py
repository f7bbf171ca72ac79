"""The exchange log: one row per import or export attempt (file, hash, office, status, counts), for the record."""

from __future__ import annotations

from collections.abc import Mapping

from desktop.store.store import Store


def add_entry(store: Store, entry: Mapping[str, object]) -> int:
    """Append `entry` (the columns of exchange_log but `id`) in its own transaction; returns its id."""
    names = list(entry)
    columns, marks = ", ".join(f'"{n}"' for n in names), ", ".join("?" for _ in names)
    with store.atomic():
        cursor = store.db.execute(f"INSERT INTO exchange_log ({columns}) VALUES ({marks})", [entry[n] for n in names])
        return int(cursor.lastrowid or 0)
