"""SQLite storage through sqlite-utils: schema and migrations, repositories, settings, seed. No Qt."""

from desktop.store.errors import NotFoundError, StoreError
from desktop.store.store import Store

__all__ = ["NotFoundError", "Store", "StoreError"]
