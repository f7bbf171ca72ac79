"""Helpers shared by the command modules: opening the store (through desktop/services/opening.py), errors, output
streams, the error log."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager

from desktop.paths import data_dir
from desktop.services.opening import open_for_reading, open_for_writing
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
    """The store named by --db, opened read-only: a read command never changes the file (no upgrade, no journal
    switch) and never creates one — only `init` and the GUI's first start do. Refuses a missing file and a file that
    is not a database of ours (an empty one included)."""
    return open_for_reading(args.db)


@contextmanager
def writing_store(args: argparse.Namespace) -> Iterator[Store]:
    """The store named by --db, opened for writing: holds the database's lock (one writer: a command is refused while
    the GUI or another command has it open) and makes the day's first automatic backup. Closed and released on exit.

        with writing_store(args) as store:
            ...
    """
    with open_for_writing(args.db) as store:
        yield store


def print_file_errors(errors: list[dict[str, object]], limit: int = 50) -> None:
    """Each refusal of a file on stderr, "Lỗi: Trang “S”, dòng R, cột “C”: message", the first `limit` of them."""
    for error in errors[:limit]:
        place = f"Trang “{error['sheet']}”" if error["sheet"] else ""
        place += f", dòng {error['row']}" if error["row"] else ""
        place += f", cột “{error['column']}”" if error["column"] else ""
        print(f"  Lỗi: {place + ': ' if place else ''}{error['message']}", file=sys.stderr)
    if len(errors) > limit:
        print(f"  ... và {len(errors) - limit} lỗi khác.", file=sys.stderr)


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
    print(f"Lỗi không mong đợi ({type(exc).__name__}).{where}", file=sys.stderr)
