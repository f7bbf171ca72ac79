"""Helpers shared by the command modules: opening the store, errors, output streams, the error log."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager

from desktop.paths import data_dir
from desktop.services.setup import open_or_create
from desktop.store import Store


class CommandError(Exception):
    """A refused command: the message (Vietnamese) goes to stderr and the exit status is 1."""


def configure_streams() -> None:
    """Write UTF-8 whatever the console's code page, so Vietnamese never raises UnicodeEncodeError on Windows."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure:
            reconfigure(encoding="utf-8", errors="replace")


def open_store(args: argparse.Namespace) -> Store:
    """The store named by --db. The default database is created and seeded on first use; an explicit path that
    does not exist is refused, so that a typing mistake does not create a new, empty-looking plan."""
    if args.db_is_default:
        return open_or_create(args.db)
    return Store.open(args.db)


@contextmanager
def writing_store(args: argparse.Namespace) -> Iterator[Store]:
    """The store named by --db, opened for writing: holds the database's lock (one writer: a command is refused while
    the GUI or another command has it open) and makes the day's first automatic backup. Closed and released on exit.

        with writing_store(args) as store:
            ...
    """
    from desktop.services.backup import daily_backup_if_due
    from desktop.store.lock import DatabaseLock

    if args.db_is_default:
        args.db.parent.mkdir(parents=True, exist_ok=True)
    elif not args.db.exists():
        Store.open(args.db)  # raises the usual "not found" message before any lock file is made
    with DatabaseLock(args.db):
        store = open_store(args)
        try:
            daily_backup_if_due(store)
            yield store
        finally:
            store.close()


def log_file_path() -> str:
    """The error log in the data folder."""
    return str(data_dir() / "sxtdbv.log")


def report_unexpected(exc: BaseException) -> None:
    """Tell the user briefly and write the traceback to the log file (or stderr when the log cannot be written)."""
    details = "".join(traceback.format_exception(exc))
    try:
        data_dir().mkdir(parents=True, exist_ok=True)
        logging.basicConfig(filename=log_file_path(), level=logging.INFO, encoding="utf-8")
        logging.getLogger("sxtdbv").error("Unexpected error\n%s", details)
        where = f" Chi tiết đã ghi vào {log_file_path()}."
    except OSError:
        where = ""
    print(f"Lỗi không mong đợi: {exc}.{where}", file=sys.stderr)
