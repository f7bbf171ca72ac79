"""The `sxtdbv` command: headless commands over the same services as the GUI; no subcommand opens the GUI.

Exit status: 0 success, 1 refused input (a Vietnamese message on stderr, never a traceback), 2 usage error.
Each command lives in a module of desktop/commands that exposes `register(subparsers)`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import __version__
from desktop.commands.common import CommandError, configure_streams, report_unexpected
from desktop.domain.errors import ValidationError
from desktop.paths import default_database_path
from desktop.services.files import file_error_message
from desktop.store import StoreError, tempfiles

COMMAND_MODULES = (
    "desktop.commands.basic",
    "desktop.commands.exchange",
    "desktop.commands.sample",
    "desktop.commands.report",
    "desktop.commands.backup",
    "desktop.commands.import_list",
    "desktop.commands.new_year",
    "desktop.commands.agencies",
)


class _Parser(argparse.ArgumentParser):
    """argparse with Vietnamese-friendly errors; usage errors still exit with 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi cú pháp: {message}\n")


def _opens_the_gui(argv: Sequence[str]) -> bool:
    """True when `argv` names no command (only --db PATH and --smoke): the GUI starts and no command is needed."""
    return _gui_arguments(argv) is not None


def _gui_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The arguments of a start of the window, or None when `argv` names a command or anything else (argparse then
    reads it). Read without argparse: building the parser asks gettext for its texts, which searches the disk for
    translations every time (~2 ms of each start)."""
    args = argparse.Namespace(db=None, smoke=False, command=None)
    tokens = list(argv)
    while tokens:
        token = tokens.pop(0)
        if token == "--smoke":
            args.smoke = True
        elif token == "--db" and tokens and not tokens[0].startswith("-"):  # argparse reads "-x" as an option
            args.db = Path(tokens.pop(0))
        elif token.startswith("--db="):
            args.db = Path(token.removeprefix("--db="))
        else:
            return None
    return args


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser with every command registered (none when `argv` only opens the GUI: the command modules
    import the exchange, report and backup code, which the window's start-up does not need)."""
    parser = _Parser(prog="sxtdbv", description="Kế hoạch sản xuất và tiêu dùng bền vững — Sở Công Thương Đồng Nai.")
    parser.add_argument("--version", action="version", version=f"sxtdbv {__version__}")
    parser.add_argument("--db", type=Path, default=None, metavar="PATH",
                        help=f"tệp cơ sở dữ liệu (mặc định: {default_database_path()})")
    parser.add_argument("--smoke", action="store_true",
                        help="mở cửa sổ chính, đi qua mọi trang rồi thoát (kiểm tra đóng gói)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    if argv is None or not _opens_the_gui(argv):
        for name in COMMAND_MODULES:
            importlib.import_module(name).register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    configure_streams()
    argv = sys.argv[1:] if argv is None else list(argv)
    args = _gui_arguments(argv) or build_parser(argv).parse_args(argv)
    if args.db is None:
        args.db = default_database_path()
        args.db_is_default = True
    else:
        args.db_is_default = False
    try:
        tempfiles.start()  # the program's own temporary folder; sweeps what killed runs left
        if args.command is None:
            from desktop.app import run_gui  # Qt is loaded only when the GUI is asked for.

            return run_gui(args)
        return int(args.handler(args) or 0)
    except (CommandError, StoreError, ValidationError) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # the output went to a program that stopped reading (sxtdbv ... | head): nothing to say
        return 1
    except OSError as exc:  # a file operation no command foresaw: its Vietnamese explanation, never Python's text
        print(f"Lỗi: {file_error_message(exc, exc.filename or args.db)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - the last line of defence: a message and a log, never a traceback
        report_unexpected(exc)
        return 1


if __name__ == "__main__":
    sys.exit(main())
