"""SQLite storage through sqlite-utils: schema and migrations, repositories, settings, seed. No Qt."""

from desktop.domain.rows import Row
from desktop.store.errors import NotFoundError, StoreError
from desktop.store.store import Store

__all__ = ["NotFoundError", "Row", "Store", "StoreError"]
