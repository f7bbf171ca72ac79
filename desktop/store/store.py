"""The Store: one open database with a repository per entity and this installation's write context."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.domain.entities import BY_NAME
from desktop.store import settings
from desktop.store.connection import Connection
from desktop.store.database import close_database, open_database, schema_version
from desktop.store.repository import Repository, WriteContext


class Store:
    """The data of one database file. `store.repo("tasks")` gives the tasks' repository."""

    def __init__(self, db: Connection, path: Path | None = None):
        self.db = db
        self.path = path
        self._repos: dict[str, Repository] = {}
        self.context = WriteContext(settings.installation_id(db), settings.office_code(db))

    @classmethod
    def open(cls, path: Path | str, *, create: bool = False) -> Store:
        """Open the database at `path` (see `open_database`)."""
        return cls(open_database(path, create=create), Path(path))

    def repo(self, name: str) -> Repository:
        """The repository of the entity (table) called `name`."""
        if name not in self._repos:
            self._repos[name] = Repository(self.db, BY_NAME[name], self.context)
        return self._repos[name]

    @contextmanager
    def atomic(self, *, defer_foreign_keys: bool = False) -> Iterator[Store]:
        """One transaction (a savepoint when nested): everything inside is written, or nothing.

        With `defer_foreign_keys`, references are checked at COMMIT (a failure there rolls everything back), so rows
        may be written in any order: the exchange writes a file's rows in the file's order."""
        with self.db.atomic():
            if defer_foreign_keys:
                self.db.execute("PRAGMA defer_foreign_keys = ON")
            yield self

    @contextmanager
    def snapshot(self) -> Iterator[Store]:
        """The store as ONE read transaction sees it, so that a long read (an import preview) overlapping another
        program's commit never mixes the states before and after it. A second, read-only connection holds the
        snapshot: this store's own connection stays free for the program's other work. A store without a file (or
        whose file is gone) is its own snapshot."""
        if self.path is None or not Path(self.path).is_file():
            yield self
            return
        conn = sqlite3.connect(str(self.path), check_same_thread=False, timeout=10)
        try:
            conn.execute("PRAGMA query_only = ON")
            conn.execute("BEGIN")
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot starts at the first read
            reading = Store.__new__(Store)  # __init__ would read the settings: the copy shares this write context
            reading.db = Connection(conn)
            reading.path = self.path
            reading._repos = {}
            reading.context = self.context
            yield reading
        finally:
            conn.rollback()
            conn.close()

    def set_office(self, code: str) -> None:
        """Make `code` this installation's office: rows created from now on belong to it."""
        with self.db.atomic():
            settings.set_setting(self.db, settings.OFFICE_KEY, code)
        self.context = WriteContext(self.context.installation_id, code)
        self._repos.clear()

    @property
    def read_only(self) -> bool:
        """True when this store was opened read-only (every write would be refused)."""
        return bool(self.db.execute("PRAGMA query_only").fetchone()[0])

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        return schema_version(self.db)

    def close(self) -> None:
        """Close the database connection (see database.close_database)."""
        close_database(self.db)
