"""Errors of the storage layer, each with a message a user can act on (in Vietnamese)."""


class StoreError(Exception):
    """The database cannot be used as asked: the message says why, in Vietnamese."""


class NotFoundError(StoreError):
    """A row that was asked for does not exist (or was deleted)."""
