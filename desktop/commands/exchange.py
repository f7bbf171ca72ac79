"""`sxtdbv export` and `sxtdbv import`: the Excel exchange between offices from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from desktop.commands.common import CommandError, open_store, print_file_errors, writing_store


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the commands of this module."""
    export = subparsers.add_parser("export", help="xuất kế hoạch ra tệp Excel để gửi cho đơn vị khác")
    export.add_argument("file", metavar="FILE.xlsx", help="tệp Excel sẽ tạo")
    export.add_argument("--office", metavar="CODE", help="chỉ xuất mẫu cho một đơn vị (mã đơn vị, ví dụ BIENHOA)")
    export.add_argument("--force", action="store_true", help="ghi đè tệp FILE.xlsx nếu đã có")
    export.set_defaults(handler=run_export)

    imp = subparsers.add_parser("import", help="nhập tệp Excel trao đổi (xem trước, rồi ghi trong một giao dịch)")
    imp.add_argument("files", metavar="FILE.xlsx", nargs="+", help="tệp Excel trao đổi")
    imp.add_argument("--dry-run", action="store_true", help="chỉ xem trước, không ghi gì")
    imp.add_argument("--resolve", choices=("mine", "theirs"),
                     help="giải quyết mọi xung đột: mine = giữ bản của máy này, theirs = lấy bản trong tệp")
    imp.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    imp.set_defaults(handler=run_import)


def run_export(args: argparse.Namespace) -> int:
    """Export the plan (or an office's template) to FILE.xlsx."""
    from desktop.exchange.errors import ExchangeError
    from desktop.services.exchange import export_workbook

    target = Path(args.file)
    if target.is_dir():
        raise CommandError(f"“{target}” là một thư mục: hãy cho biết tên tệp, ví dụ “{target / 'ke-hoach.xlsx'}”.")
    if target.exists() and not args.force:
        raise CommandError(f"Tệp “{target}” đã có; không ghi đè. Hãy chọn tên khác, hoặc thêm --force để ghi đè.")
    store = open_store(args)
    try:
        result = export_workbook(store, target, office=args.office)
    except ExchangeError as exc:
        raise CommandError(str(exc)) from exc
    finally:
        store.close()
    what = f"mẫu cho đơn vị {args.office.upper()}" if args.office else "toàn bộ kế hoạch"
    print(f"Đã xuất {what}: {result.total} dòng vào {result.path}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    """Import each file in its own transaction; exit 1 when any file was refused."""
    from desktop.exchange.model import STATUS_TITLES, STATUSES
    from desktop.services.exchange import import_report

    for name in args.files:
        if Path(name).is_dir():
            raise CommandError(f"“{name}” là một thư mục, không phải tệp Excel: hãy chỉ ra từng tệp .xlsx trong đó "
                               f"(ví dụ “{Path(name) / '*.xlsx'}”).")
    reports = []
    if args.dry_run:
        store = open_store(args)
        try:
            reports = [import_report(store, path, dry_run=True, resolve=args.resolve) for path in args.files]
        finally:
            store.close()
    else:
        with writing_store(args) as store:  # one writer: refused while the GUI or another command has it open
            reports = [import_report(store, path, resolve=args.resolve) for path in args.files]
    if args.json:
        print(json.dumps(reports[0] if len(reports) == 1 else reports, ensure_ascii=False, indent=1))
    else:
        for report in reports:
            counts = report["counts"]
            listed = ", ".join(f"{STATUS_TITLES[s].lower()} {counts[s]}" for s in STATUSES if counts.get(s))
            print(f"{report['file']}: {_STATUS_VI[report['status']]}" + (f" ({listed})" if listed else ""))
            for warning in report.get("warnings", []):
                print(f"  Lưu ý: {warning}")
            for row in report["rows"]:
                if row["status"] in ("conflict", "rejected", "stale"):
                    reason = f" — {row['reason']}" if row.get("reason") else ""
                    print(f"  [{STATUS_TITLES[row['status']]}] {row['sheet']} dòng {row['row']}: {row['title'][:60]}"
                          f"{reason}")
            told = {error["message"] for error in report["errors"]}
            print_file_errors(report["errors"])
            if report.get("message") and report["status"] == "refused" and report["message"] not in told:
                print(f"  {report['message']}", file=sys.stderr)
    return 1 if any(r["status"] == "refused" for r in reports) else 0


_STATUS_VI = {"applied": "đã nhập", "dry-run": "xem trước (chưa ghi)", "refused": "không nhập",
              "no-changes": "không có gì thay đổi"}
