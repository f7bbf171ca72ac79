"""The Store: one open database with a repository per entity and this installation's write context."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlite_utils import Database

from desktop.domain.entities import BY_NAME
from desktop.store import settings
from desktop.store.database import close_database, open_database, schema_version
from desktop.store.repository import Repository, WriteContext


class Store:
    """The data of one database file. `store.repo("tasks")` gives the tasks' repository."""

    def __init__(self, db: Database, path: Path | None = None):
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
    def atomic(self) -> Iterator[Store]:
        """One transaction (a savepoint when nested): everything inside is written, or nothing."""
        with self.db.atomic():
            yield self

    def set_office(self, code: str) -> None:
        """Make `code` this installation's office: rows created from now on belong to it."""
        with self.db.atomic():
            settings.set_setting(self.db, settings.OFFICE_KEY, code)
        self.context = WriteContext(self.context.installation_id, code)
        self._repos.clear()

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        return schema_version(self.db)

    def close(self) -> None:
        """Close the database connection (see database.close_database)."""
        close_database(self.db)
