"""`sxtdbv report`: list the printable documents and write one as a PDF and/or a Word file, headless."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.common import CommandError, open_store
from desktop.display import use_offscreen_if_headless
from desktop.reports.data import REPORTS, build_report, report_ids
from desktop.reports.options import option_warnings, options_of


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `report` command."""
    parser = subparsers.add_parser("report", help="in văn bản ra tệp PDF hoặc Word (theo thể thức Nghị định 30/2020)")
    parser.add_argument("report_id", nargs="?", metavar="ID", help="mã báo cáo (xem --list)")
    parser.add_argument("--list", action="store_true", help="liệt kê mã các báo cáo, mỗi dòng một mã")
    parser.add_argument("--pdf", type=Path, metavar="OUT.pdf", help="tệp PDF sẽ ghi")
    parser.add_argument("--docx", type=Path, metavar="OUT.docx", help="tệp Word (.docx) sẽ ghi, để sửa và ký")
    parser.add_argument("--year", type=int, default=None, help="năm của kế hoạch (mặc định: kế hoạch mới nhất)")
    parser.set_defaults(handler=run_report)


def run_report(args: argparse.Namespace) -> int:
    """`--list` prints the ids; `ID --pdf OUT.pdf --docx OUT.docx` writes that document (either or both files);
    what the data contradicts and options outside Decree 30 are printed on stderr as warnings."""
    if args.list:
        for info in REPORTS:
            print(info.id)
        return 0
    if not args.report_id:
        raise CommandError("Hãy cho biết mã báo cáo (xem: sxtdbv report --list).")
    if args.report_id not in report_ids():
        raise CommandError(f"Không có báo cáo “{args.report_id}”. Các báo cáo: {', '.join(report_ids())}.")
    if args.pdf is None and args.docx is None:
        raise CommandError("Hãy cho biết tệp sẽ ghi: --pdf TÊN_TỆP.pdf và/hoặc --docx TÊN_TỆP.docx")
    for out, suffix in ((args.pdf, ".pdf"), (args.docx, ".docx")):
        if out is None:
            continue
        if out.suffix.lower() != suffix:
            raise CommandError(f"Tệp “{out}” phải có đuôi {suffix}.")
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
    for warning in [*option_warnings(options_of(doc)), *doc.get("warnings", [])]:
        print(f"Cảnh báo: {warning}", file=sys.stderr)
    use_offscreen_if_headless()
    from desktop.reports.docx_render import DocxError, write_docx
    from desktop.reports.render import RenderError, ensure_app, render_pdf  # Qt is loaded only here.

    ensure_app()  # charts are drawn by Qt in both files
    if args.pdf is not None:
        try:
            pages = render_pdf(doc, args.pdf)
        except RenderError as exc:
            raise CommandError(str(exc)) from exc
        if not args.pdf.exists() or args.pdf.stat().st_size == 0:
            raise CommandError(f"Không ghi được tệp “{args.pdf}” (kiểm tra quyền ghi).")
        print(f"Đã ghi {pages} trang: {args.pdf}")
    if args.docx is not None:
        try:
            write_docx(doc, args.docx)
        except DocxError as exc:
            raise CommandError(str(exc)) from exc
        print(f"Đã ghi tệp Word: {args.docx}")
    return 0


def _plan_id(store, year: int | None) -> str | None:
    if year is None:
        return None
    plans = [p for p in store.repo("plans").rows() if p["year"] == year]
    if not plans:
        raise CommandError(f"Không có kế hoạch năm {year}.")
    return plans[-1]["id"]
