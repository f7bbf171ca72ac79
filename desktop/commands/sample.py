"""`sxtdbv sample-data`: fill a plan with realistic, clearly marked sample data (for testers and demonstrations)."""

from __future__ import annotations

import argparse

from desktop.commands.common import CommandError, writing_store
from desktop.services.sample_data import fill_sample_data
from desktop.store import Store  # the type only: the store is opened by writing_store

COUNT_TITLES = (
    ("participants", "học viên"), ("training_materials", "tài liệu"), ("enterprises", "doanh nghiệp"),
    ("consumption_records", "số liệu tiêu thụ"), ("solutions", "giải pháp"), ("budget_lines", "khoản dự toán"),
    ("disbursements", "lần giải ngân"), ("office_reports_submitted", "báo cáo đơn vị đã nộp"),
)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the `sample-data` command."""
    parser = subparsers.add_parser("sample-data", help="thêm dữ liệu mẫu (để thử nghiệm) vào kế hoạch")
    parser.add_argument("--participants", type=int, default=300, metavar="N",
                        help="số học viên mẫu của lớp tập huấn (mặc định 300)")
    parser.add_argument("--year", type=int, default=None, help="năm của kế hoạch (mặc định: kế hoạch mới nhất)")
    parser.add_argument("--seed", type=int, default=1, help="hạt giống ngẫu nhiên (cùng hạt giống, cùng dữ liệu)")
    parser.set_defaults(handler=run_sample_data)


def find_plan(store: Store, year: int | None) -> dict:
    """The plan of `year`, or the latest plan; CommandError when there is none."""
    plans = store.repo("plans").rows(order_by=("year", "rowid"))
    if year is not None:
        plans = [p for p in plans if p["year"] == year]
    if not plans:
        raise CommandError(f"Không có kế hoạch năm {year}." if year else "Cơ sở dữ liệu chưa có kế hoạch nào.")
    return plans[-1]


def run_sample_data(args: argparse.Namespace) -> int:
    """Fill the chosen plan with sample data and say what was added."""
    if args.participants < 0 or args.participants > 5000:
        raise CommandError("Số học viên phải từ 0 đến 5000.")
    with writing_store(args) as store:  # one writer: refused while the GUI has the database open
        plan = find_plan(store, args.year)
        counts = fill_sample_data(store, plan["id"], participants=args.participants, seed=args.seed)
    added = ", ".join(f"{counts.get(key, 0)} {title}" for key, title in COUNT_TITLES)
    print(f"Đã thêm dữ liệu mẫu vào kế hoạch năm {plan['year']}: {added}.")
    return 0
