"""`sxtdbv agencies`: the agency list — show it, import an official list from Excel, export it, apply the bundled
update of the 2025 reform (only when asked)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from desktop.commands.common import CommandError, open_store, writing_store
from desktop.domain import agencies as rules
from desktop.domain import choices as ch
from desktop.domain.dates import format_date
from desktop.exchange.errors import ExchangeError
from desktop.services import agencies_lists as lists
from desktop.services import agencies_reference as reference


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the command of this module."""
    command = subparsers.add_parser(
        "agencies", help="danh sách đơn vị: xem, nhập từ Excel, xuất ra Excel, áp dụng sắp xếp năm 2025",
        description="Không có tùy chọn: in danh sách đơn vị với thời gian hiệu lực và đơn vị kế thừa.")
    action = command.add_mutually_exclusive_group()
    action.add_argument("--import", dest="import_file", type=Path, metavar="FILE",
                        help="nhập danh sách đơn vị (Mã đơn vị, Tên đơn vị, Loại đơn vị, Hiệu lực từ, Đơn vị tiền "
                             "thân…) từ tệp .xlsx")
    action.add_argument("--export", dest="export_file", type=Path, metavar="FILE",
                        help="xuất danh sách đơn vị hiện có ra tệp .xlsx (cùng bố cục, nhập lại được)")
    action.add_argument("--apply-2025", action="store_true",
                        help="áp dụng bản cập nhật sắp xếp đơn vị hành chính năm 2025 kèm theo chương trình")
    command.add_argument("--sheet", metavar="NAME", help="trang cần đọc khi nhập (mặc định: trang đầu)")
    command.add_argument("--dry-run", action="store_true", help="chỉ cho xem sẽ thay đổi gì, không ghi")
    command.add_argument("--json", action="store_true", help="in dạng JSON")
    command.set_defaults(handler=run_agencies)


def run_agencies(args: argparse.Namespace) -> int:
    """Dispatch on the chosen action."""
    if args.import_file:
        return _import(args)
    if args.export_file:
        return _export(args)
    if args.apply_2025:
        return _apply_2025(args)
    return _list(args)


def _list(args: argparse.Namespace) -> int:
    store = open_store(args)
    try:
        agencies = store.repo("agencies").rows()
    finally:
        store.close()
    codes = {a["id"]: a["code"] for a in agencies}
    if args.json:
        print(json.dumps([{"code": a["code"], "name": a["name"], "kind": a["kind"], "valid_from": a["valid_from"],
                           "valid_to": a["valid_to"], "ended": rules.ended_before(a, _today()),
                           "successors": [codes.get(i, i) for i in rules.successor_ids(a)]} for a in agencies],
                         ensure_ascii=False))
        return 0
    for a in agencies:
        state = f"đã kết thúc {format_date(a['valid_to'])}" if rules.ended_before(a, _today()) else "còn hiệu lực"
        successors = ", ".join(codes.get(i, i) for i in rules.successor_ids(a))
        print(f"{a['code']:<14} {a['name']} ({ch.title_of(ch.AGENCY_KINDS, a['kind'])}; {state}"
              + (f"; kế thừa: {successors}" if successors else "") + ")")
    return 0


def _import(args: argparse.Namespace) -> int:
    if not args.import_file.exists():
        raise CommandError(f"Không tìm thấy tệp “{args.import_file}”.")
    with writing_store(args) as store:
        try:
            preview = lists.preview_agency_list(store, args.import_file, args.sheet)
        except ExchangeError as exc:
            raise CommandError(str(exc)) from exc
        rejected = [r for r in preview.rows if r.status == lists.REJECTED]
        if args.json:
            print(json.dumps({**preview.to_json(), "written": not (args.dry_run or rejected)}, ensure_ascii=False))
        else:
            _print_list_preview(preview)
        if rejected:
            raise CommandError("Không nhập danh sách vì có dòng sai (sửa tệp rồi nhập lại):\n"
                               + "\n".join(f"- {r.reason}" for r in rejected))
        if args.dry_run or not preview.writes:
            return 0
        counts = lists.apply_agency_list(store, preview)
    if not args.json:
        print(f"Đã nhập: {counts['new']} đơn vị mới, {counts['changed']} đơn vị cập nhật, {counts['links']} liên kết "
              f"kế thừa, {counts['endings']} đơn vị kết thúc.")
    return 0


def _print_list_preview(preview: lists.AgencyListPreview) -> None:
    counts = ", ".join(f"{preview.count(s)} {lists.STATUS_TITLES[s].lower()}"
                       for s in (lists.NEW, lists.CHANGED, lists.UNCHANGED, lists.REJECTED))
    print(f"Tệp {preview.path.name}, trang “{preview.sheet}”: {counts}.")
    for row in preview.rows:
        if row.status == lists.NEW:
            extra = f" (tiền thân: {', '.join(row.predecessors)})" if row.predecessors else ""
            print(f"+ {row.code} {row.name}{extra}")
        elif row.status == lists.CHANGED:
            print(f"~ {row.code} {row.name}: " + "; ".join(f"{t}: “{b}” → “{a}”" for t, b, a in row.changes))
        for warning in row.warnings:
            print(f"! {warning}")
    for code, valid_to in preview.endings:
        print(f"- {code} kết thúc hiệu lực {format_date(valid_to)} (có đơn vị kế thừa)")


def _export(args: argparse.Namespace) -> int:
    if args.export_file.suffix.lower() != ".xlsx":
        raise CommandError("Tệp xuất phải có đuôi .xlsx.")
    store = open_store(args)
    try:
        count = lists.export_agency_list(store, args.export_file)
    finally:
        store.close()
    print(f"Đã xuất {count} đơn vị ra {args.export_file}")
    return 0


def _apply_2025(args: argparse.Namespace) -> int:
    if args.dry_run:
        store = open_store(args)
        try:
            _show_reference(reference.preview_reference_update(store), args, written=False)
        finally:
            store.close()
        return 0
    with writing_store(args) as store:
        preview = reference.preview_reference_update(store)
        changed = reference.apply_reference_update(store, preview)
    _show_reference(preview, args, written=True, changed=changed)
    return 0


def _show_reference(preview: reference.ReferencePreview, args: argparse.Namespace, *, written: bool,
                    changed: int = 0) -> None:
    if args.json:
        print(json.dumps({**preview.to_json(), "written": written}, ensure_ascii=False))
        return
    print(f"{preview.title}: {preview.count(reference.CHANGE)} đơn vị thay đổi, "
          f"{preview.count(reference.UNCHANGED)} không đổi, "
          f"{preview.count(reference.MISSING)} không có trong danh sách.")
    for row in preview.rows:
        if row.status == reference.CHANGE:
            print(f"~ {row.code} {row.name}: " + "; ".join(f"{t}: “{b}” → “{a}”" if t != "Ghi chú" else "thêm căn cứ "
                                                           "vào ghi chú" for t, b, a in row.changes))
        elif row.status == reference.MISSING:
            print(f"? {row.code}: không có trong danh sách đơn vị, bỏ qua")
    print("Căn cứ:")
    for source in preview.sources:
        print(f"  - {source}")
    if written:
        print(f"Đã áp dụng: {changed} đơn vị thay đổi.")
    elif preview.count(reference.CHANGE):
        print("Chưa ghi (--dry-run).")


def _today() -> dt.date:
    return dt.date.today()
