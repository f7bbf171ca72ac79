"""`sxtdbv import-list`: a list typed by an office in its own layout (participants, enterprises), imported headless
through the same service as the list dialog.

Exit status: 0 applied, clean dry run or nothing new; 1 refused or rejected rows (nothing written, unless
--skip-rejected leaves the rejected rows out and imports the others); 2 usage.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desktop.commands.common import open_store, print_file_errors, writing_store

_STATUS_VI = {"applied": "đã nhập", "dry-run": "xem trước (chưa ghi)", "refused": "không nhập",
              "no-changes": "không có gì mới"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the command."""
    from desktop.exchange.lists.spec import SPECS  # the list kinds only: the import itself loads when it runs

    cmd = subparsers.add_parser(
        "import-list", help="nhập danh sách học viên hoặc doanh nghiệp do đơn vị tự lập (kể cả mẫu công văn)",
        description="Nhập danh sách trong tệp Excel do đơn vị tự lập: tìm dòng tiêu đề theo tên cột, bỏ qua dòng "
                    "trống, dòng tổng cộng và phần chữ ký, rồi ghi các dòng mới trong một giao dịch (có sao lưu).")
    cmd.add_argument("file", metavar="FILE.xlsx", help="tệp Excel chứa danh sách")
    cmd.add_argument("--entity", required=True, choices=list(SPECS), help="loại danh sách")
    cmd.add_argument("--parent", metavar="ID_OR_TITLE",
                     help="lớp tập huấn (mã hoặc đúng tên) cho học viên; kế hoạch cho doanh nghiệp (mặc định: lớp "
                          "duy nhất của kế hoạch / kế hoạch mới nhất)")
    cmd.add_argument("--sheet", metavar="NAME", help="trang tính (mặc định: trang đầu tiên có dòng tiêu đề khớp)")
    cmd.add_argument("--header-row", type=_positive, metavar="N", help="số dòng tiêu đề (mặc định: tự tìm)")
    cmd.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN_TITLE", type=_assignment,
                     help="gán cột cho trường, ví dụ organisation=\"Nơi làm việc\" (để trống sau dấu = để bỏ "
                          "trường); có thể lặp lại")
    cmd.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    cmd.add_argument("--skip-rejected", action="store_true",
                     help="nhập các dòng hợp lệ và bỏ các dòng bị từ chối (mặc định: có dòng bị từ chối thì "
                          "không nhập gì)")
    cmd.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    cmd.set_defaults(handler=run)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” không phải là số dòng") from None
    if value < 1:
        raise argparse.ArgumentTypeError("số dòng phải từ 1 trở lên")
    return value


def _assignment(text: str) -> tuple[str, str]:
    name, sep, title = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"“{text}” phải có dạng TRƯỜNG=TÊN CỘT")
    return name.strip(), title.strip()


def run(args: argparse.Namespace) -> int:
    """Import the list; print the report (text or JSON); 0, 1 or 2 as documented above."""
    from desktop.services.lists import ListUsageError, import_list

    options = {"parent": args.parent, "sheet": args.sheet, "header_row": args.header_row,
               "columns": dict(args.map), "dry_run": args.dry_run, "skip_rejected": args.skip_rejected}
    try:
        if args.dry_run:
            store = open_store(args)
            try:
                report = import_list(store, args.file, args.entity, **options)
            finally:
                store.close()
        else:
            with writing_store(args) as store:
                report = import_list(store, args.file, args.entity, **options)
    except ListUsageError as exc:
        print(f"sxtdbv import-list: lỗi cú pháp: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        _print(report)
    return 1 if report["status"] == "refused" else 0


def _print(report: dict[str, Any]) -> None:
    counts = report["counts"]
    where = f" — trang “{report['sheet']}”, dòng tiêu đề {report['header_row']}" if report["sheet"] else ""
    print(f"{report['file']}{where}: {_STATUS_VI[report['status']]} (mới {counts['new']}, đã có "
          f"{counts['unchanged']}, bị từ chối {counts['rejected']}, bỏ qua {counts['skipped']})")
    if report["mapping"]:
        print("  Cột: " + "; ".join(f"{field} ← “{title}”" for field, title in report["mapping"].items()))
    for note in report.get("notes", []):
        print(f"  Lưu ý: {note}")
    print_file_errors(report["errors"])
    if report.get("message") and report["status"] == "refused":
        print(f"  {report['message']}", file=sys.stderr)
