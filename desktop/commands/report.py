"""`sxtdbv report`: list the printable summaries and write one as a PDF, headless."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from desktop.commands.common import CommandError, open_store
from desktop.reports.data import REPORTS, build_report, report_ids


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `report` command."""
    parser = subparsers.add_parser("report", help="in báo cáo tổng hợp ra tệp PDF (theo thể thức Nghị định 30/2020)")
    parser.add_argument("report_id", nargs="?", metavar="ID", help="mã báo cáo (xem --list)")
    parser.add_argument("--list", action="store_true", help="liệt kê mã các báo cáo, mỗi dòng một mã")
    parser.add_argument("--pdf", type=Path, metavar="OUT.pdf", help="tệp PDF sẽ ghi")
    parser.add_argument("--year", type=int, default=None, help="năm của kế hoạch (mặc định: kế hoạch mới nhất)")
    parser.set_defaults(handler=run_report)


def prepare_headless_qt() -> None:
    """Use Qt's offscreen platform when no display is available and QT_QPA_PLATFORM is not set (Linux)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return
    if sys.platform.startswith("linux") and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def run_report(args: argparse.Namespace) -> int:
    """`--list` prints the ids; `ID --pdf OUT.pdf` writes that summary."""
    if args.list:
        for info in REPORTS:
            print(info.id)
        return 0
    if not args.report_id:
        raise CommandError("Hãy cho biết mã báo cáo (xem: sxtdbv report --list).")
    if args.report_id not in report_ids():
        raise CommandError(f"Không có báo cáo “{args.report_id}”. Các báo cáo: {', '.join(report_ids())}.")
    if args.pdf is None:
        raise CommandError("Hãy cho biết tệp PDF sẽ ghi: --pdf TÊN_TỆP.pdf")
    out = args.pdf
    if out.suffix.lower() != ".pdf":
        raise CommandError(f"Tệp “{out}” phải có đuôi .pdf.")
    if not out.parent.exists():
        raise CommandError(f"Thư mục “{out.parent}” không tồn tại.")
    if out.is_dir():
        raise CommandError(f"“{out}” là một thư mục, không phải tệp.")
    store = open_store(args)
    try:
        plan_id = _plan_id(store, args.year)
        doc = build_report(store, args.report_id, plan_id=plan_id)
    finally:
        store.close()
    prepare_headless_qt()
    from desktop.reports.render import RenderError, render_pdf  # Qt is loaded only here.

    try:
        pages = render_pdf(doc, out)
    except RenderError as exc:
        raise CommandError(str(exc)) from exc
    if not out.exists() or out.stat().st_size == 0:
        raise CommandError(f"Không ghi được tệp “{out}” (kiểm tra quyền ghi).")
    print(f"Đã ghi {pages} trang: {out}")
    return 0


def _plan_id(store, year: int | None) -> str | None:
    if year is None:
        return None
    plans = [p for p in store.repo("plans").rows() if p["year"] == year]
    if not plans:
        raise CommandError(f"Không có kế hoạch năm {year}.")
    return plans[-1]["id"]
