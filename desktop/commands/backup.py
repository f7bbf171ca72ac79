"""`sxtdbv backup [FILE]` and `sxtdbv restore FILE`."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.common import CommandError, open_store, writing_store
from desktop.services.backup import (
    DEFAULT_KEEP,
    MAX_KEEP,
    backup_keep,
    backup_now,
    backups_dir,
    list_backups,
    restore_database,
    set_backup_keep,
)
from desktop.store import StoreError


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the commands of this module."""
    backup = subparsers.add_parser(
        "backup", help="sao lưu cơ sở dữ liệu (vào FILE, hoặc vào thư mục sao lưu của nó; xem --list)")
    backup.add_argument("file", nargs="?", type=Path, metavar="FILE", help="tệp sao lưu sẽ tạo (không ghi đè)")
    backup.add_argument("--list", action="store_true",
                        help="liệt kê mọi bản sao lưu (hằng ngày, trước khi nhập, trước khi nâng cấp, theo yêu cầu)")
    backup.add_argument("--keep", type=int, metavar="N",
                        help=f"đặt số bản sao lưu tự động được giữ lại (1–{MAX_KEEP}, mặc định {DEFAULT_KEEP})")
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser(
        "restore", help="khôi phục cơ sở dữ liệu từ một bản sao lưu (bản hiện tại được sao lưu trước)")
    restore.add_argument("file", type=Path, metavar="FILE", help="tệp sao lưu")
    restore.set_defaults(handler=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    """Back up now, list the backups, or change how many automatic backups are kept."""
    if args.keep is not None:
        if args.file is not None or args.list:
            raise CommandError("--keep dùng riêng, không kèm FILE hay --list.")
        with writing_store(args) as store:
            set_backup_keep(store, args.keep)
        print(f"Từ nay giữ lại {args.keep} bản sao lưu tự động gần nhất.")
        return 0
    if args.list:
        return _print_list(args)
    store = open_store(args)
    try:
        destination = backup_now(store, args.file)
        plans = store.repo("plans").count()
    finally:
        store.close()
    print(f"Đã sao lưu cơ sở dữ liệu ({plans} kế hoạch) vào: {destination}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    """Restore the database from FILE after backing up what it holds now."""
    if not args.db_is_default and not args.db.exists() and not args.db.parent.is_dir():
        raise CommandError(f"Không có thư mục “{args.db.parent}”.")
    if args.db_is_default:
        args.db.parent.mkdir(parents=True, exist_ok=True)
    result = restore_database(args.db, args.file)
    if result.safety_backup:
        print(f"Đã sao lưu cơ sở dữ liệu hiện tại vào: {result.safety_backup}")
    print(f"Đã khôi phục “{args.db}” từ “{args.file}” ({result.restored.plans} kế hoạch).")
    return 0


def _print_list(args: argparse.Namespace) -> int:
    backups = list_backups(args.db)
    if not backups:
        print(f"Chưa có bản sao lưu nào trong {backups_dir(args.db)}.")
        return 0
    keep = _kept_count(args)
    print(f"Các bản sao lưu trong {backups_dir(args.db)} (giữ {keep} bản tự động gần nhất; "
          "bản sao lưu theo yêu cầu không bị xóa):")
    for item in backups:
        print(f"- {item.made:%d/%m/%Y %H:%M:%S}  {item.reason_title}  {item.size // 1024} KB  {item.path}")
    print("Khôi phục một bản: sxtdbv restore TỆP (dữ liệu hiện tại được sao lưu trước).")
    return 0


def _kept_count(args: argparse.Namespace) -> int:
    try:
        store = open_store(args)
    except StoreError:
        return DEFAULT_KEEP  # the database is gone or damaged: its backups are still worth listing
    try:
        return backup_keep(store)
    finally:
        store.close()
