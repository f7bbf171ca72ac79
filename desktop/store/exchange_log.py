"""The exchange log: one row per import or export attempt (file, hash, office, status, counts), for the record."""

from __future__ import annotations

from collections.abc import Mapping

from desktop.store.store import Store


def add_entry(store: Store, entry: Mapping[str, object]) -> int:
    """Append `entry` (the columns of exchange_log but `id`) in its own transaction; returns its id."""
    with store.atomic():
        table = store.db.table("exchange_log")
        table.insert(dict(entry))
        return int(table.last_pk or 0)
