"""`sxtdbv init` and `sxtdbv summary`."""

from __future__ import annotations

import argparse
import json

from desktop.commands.common import open_store
from desktop.domain.numbers import format_money
from desktop.services.opening import create_database
from desktop.services.summary import database_summary


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the commands of this module."""
    init = subparsers.add_parser("init", help="tạo cơ sở dữ liệu mới (có sẵn kế hoạch năm 2024)")
    init.add_argument("--empty", action="store_true", help="tạo cơ sở dữ liệu trống, không nạp kế hoạch 2024")
    init.add_argument("--office", metavar="CODE", help="mã đơn vị của máy này (mặc định SCT — Sở Công Thương)")
    init.set_defaults(handler=run_init)

    summary = subparsers.add_parser("summary", help="tóm tắt các kế hoạch trong cơ sở dữ liệu")
    summary.add_argument("--json", action="store_true", help="in dạng JSON")
    summary.set_defaults(handler=run_summary)


def run_init(args: argparse.Namespace) -> int:
    """Create the database named by --db."""
    store = create_database(args.db, empty=args.empty, office=args.office)
    plans = store.repo("plans").count()
    store.close()
    what = "trống" if args.empty else f"có {plans} kế hoạch"
    print(f"Đã tạo cơ sở dữ liệu {what}: {args.db}")
    return 0


def run_summary(args: argparse.Namespace) -> int:
    """Print the summary of every plan."""
    store = open_store(args)
    try:
        data = database_summary(store)
    finally:
        store.close()
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return 0
    print(f"Cơ sở dữ liệu: {args.db} (lược đồ {data['schema_version']}, {data['agencies']} đơn vị)")
    for plan in data["plans"]:
        print(f"- Kế hoạch {plan['number']} năm {plan['year']}: {plan['title']}")
        print(f"  Tổng kinh phí {format_money(plan['total_budget'])} đồng; dự toán chi tiết "
              f"{format_money(plan['budget_lines_total'])} đồng")
        print(f"  {plan['legal_bases']} căn cứ, {plan['objectives']} mục tiêu, {plan['indicators']} chỉ tiêu, "
              f"{plan['content_items']} nội dung, {plan['activities']} hoạt động, "
              f"{plan['responsibilities']} nhóm nhiệm vụ tổ chức thực hiện")
        print(f"  {plan['participants']} học viên, {plan['enterprises']} doanh nghiệp; "
              f"hạn: {', '.join(plan['deadlines'])}")
    return 0
