"""One open SQLite connection, with the few things the store asks of it: statements, transactions, table names.

Written here rather than using sqlite-utils' `Database` for everything because importing sqlite-utils (click,
dateutil and pluggy come with it) took a sixth of the window's start-up. The store's own reads and writes are plain
SQL; sqlite-utils is loaded only when a schema is created or upgraded (`Connection.utils`, for the migrations).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlite_utils import Database


class Connection:
    """A wrapper of `sqlite3.Connection` (`.conn`) used by the store, the settings and the migrations."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self._utils: Database | None = None
        self._savepoints = 0  # a number for each savepoint opened: names unique on this connection

    def execute(self, sql: str, parameters: Iterable[Any] | dict[str, Any] = ()) -> sqlite3.Cursor:
        """Run one statement; its cursor."""
        return self.conn.execute(sql, parameters)  # type: ignore[arg-type]  # sqlite3 takes any sequence

    @contextmanager
    def atomic(self) -> Iterator[Connection]:
        """One transaction: committed when the block ends, rolled back when it raises. Nested blocks are savepoints
        (the semantics of sqlite-utils' `Database.atomic`, whose transactions the migrations share)."""
        if self.conn.in_transaction:
            self._savepoints += 1
            savepoint = f"sxtdbv_{self._savepoints}"
            self.conn.execute(f"SAVEPOINT {savepoint}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:  # a RAISE(ROLLBACK) may already have ended the whole transaction
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {savepoint}")
                    self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
                raise
            else:
                self.conn.execute(f"RELEASE SAVEPOINT {savepoint}")
            return
        self.conn.execute("BEGIN")
        try:
            yield self
        except BaseException:
            self.conn.rollback()
            raise
        else:
            try:
                self.conn.execute("COMMIT")
            except BaseException:
                self.conn.rollback()
                raise

    def table_names(self) -> list[str]:
        """The names of the tables, in creation order."""
        return [row[0] for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]

    def column_names(self, table: str) -> list[str]:
        """The columns of `table`, in their order."""
        return [row[1] for row in self.conn.execute(f'PRAGMA table_info("{table}")')]

    @property
    def utils(self) -> Database:
        """sqlite-utils on this same connection (loaded on first use: migrations and tests)."""
        if self._utils is None:
            from sqlite_utils import Database

            self._utils = Database(self.conn, execute_plugins=False)
        return self._utils

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()
