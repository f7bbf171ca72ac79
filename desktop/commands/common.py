"""Helpers shared by the command modules: opening the store, errors, output streams, the error log."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback

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
