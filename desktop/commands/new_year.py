"""`sxtdbv new-year YEAR [--from YEAR] [--map OLD=NEW]... [--dry-run] [--json]`: next year's plan, new structure."""

from __future__ import annotations

import argparse
import json

from desktop.commands.common import CommandError, open_store, writing_store
from desktop.domain.dates import format_date
from desktop.services.new_year import AMBIGUOUS, MAPPED, NewYearPreview, create_new_year, preview_new_year
from desktop.store import Store

_COUNTS = (("tasks", "nhiệm vụ"), ("responsibilities", "nhóm tổ chức thực hiện"),
           ("office_reports", "báo cáo phải nộp"), ("legal_bases", "căn cứ"), ("budget_lines", "khoản dự toán"))


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the command of this module."""
    command = subparsers.add_parser(
        "new-year", help="tạo kế hoạch năm mới theo cơ cấu đơn vị của năm đó",
        description="Sao chép kế hoạch của năm trước sang năm mới; đơn vị đã hết hiệu lực được thay bằng đơn vị kế "
                    "thừa. Khi một đơn vị có nhiều đơn vị kế thừa hoặc chưa có, phải chọn bằng --map.")
    command.add_argument("year", type=int, metavar="YEAR", help="năm của kế hoạch mới")
    command.add_argument("--from", dest="from_year", type=int, metavar="YEAR",
                         help="năm của kế hoạch được sao chép (mặc định: kế hoạch gần nhất trước YEAR)")
    command.add_argument("--map", dest="maps", action="append", default=[], metavar="OLD=NEW",
                         help="đơn vị thay thế cho đơn vị cũ, theo mã: OLD=NEW, OLD=NEW1,NEW2 (nhiều đơn vị), "
                              "OLD=* (mọi đơn vị kế thừa), OLD=- (bỏ, không giao cho đơn vị nào)")
    command.add_argument("--dry-run", action="store_true", help="chỉ cho xem sẽ làm gì, không ghi")
    command.add_argument("--json", action="store_true", help="in dạng JSON")
    command.set_defaults(handler=run_new_year)


def run_new_year(args: argparse.Namespace) -> int:
    """Preview, then (unless --dry-run, and only when every agency is decided) create the plan."""
    if args.dry_run:
        store = open_store(args)
        try:
            preview = _preview(store, args)
        finally:
            store.close()
        _show(preview, args, written=False)
        return 0
    with writing_store(args) as store:
        preview = _preview(store, args)
        if preview.undecided:
            _show(preview, args, written=False, to_stderr=True)
            raise CommandError(_undecided_message(preview))
        create_new_year(store, preview)
    _show(preview, args, written=True)
    return 0


def _preview(store: Store, args: argparse.Namespace) -> NewYearPreview:
    first = preview_new_year(store, args.year, args.from_year)
    if not args.maps:
        return first
    return preview_new_year(store, args.year, args.from_year, _decisions(first, args.maps))


def _decisions(preview: NewYearPreview, maps: list[str]) -> dict[str, list[str]]:
    """--map OLD=NEW options as agency ids (codes compared without regard to case)."""
    by_code = {code.casefold(): agency_id for agency_id, code in preview.codes.items()}
    candidates = {m.agency_id: m.candidates for m in preview.mappings}
    decisions: dict[str, list[str]] = {}
    for item in maps:
        old, sep, new = item.partition("=")
        if not sep or not old.strip() or not new.strip():
            raise CommandError(f"--map “{item}”: phải có dạng MÃ_CŨ=MÃ_MỚI (hoặc MÃ_CŨ=* , MÃ_CŨ=-).")
        old_id = by_code.get(old.strip().casefold())
        if old_id is None:
            raise CommandError(f"--map “{item}”: không có đơn vị mã “{old.strip()}”.")
        if new.strip() == "-":
            decisions[old_id] = []
        elif new.strip() == "*":
            if not candidates.get(old_id):
                raise CommandError(f"--map “{item}”: đơn vị “{old.strip()}” chưa có đơn vị kế thừa nào; "
                                   "hãy ghi mã đơn vị thay thế.")
            decisions[old_id] = list(candidates[old_id])
        else:
            targets = []
            for code in (c.strip() for c in new.split(",") if c.strip()):
                if code.casefold() not in by_code:
                    raise CommandError(f"--map “{item}”: không có đơn vị mã “{code}”.")
                targets.append(by_code[code.casefold()])
            decisions[old_id] = targets
    return decisions


def _undecided_message(preview: NewYearPreview) -> str:
    lines = [f"Chưa tạo kế hoạch năm {preview.year}: cần chọn đơn vị thay thế cho {len(preview.undecided)} đơn vị "
             "đã hết hiệu lực (thêm --map MÃ_CŨ=MÃ_MỚI, MÃ_CŨ=* hoặc MÃ_CŨ=-):"]
    for m in preview.undecided:
        why = ("có nhiều đơn vị kế thừa: " + ", ".join(preview.codes[i] for i in m.candidates)
               if m.state == AMBIGUOUS else "chưa có đơn vị kế thừa")
        lines.append(f"- {m.code} ({m.name}): {why}")
    return "\n".join(lines)


def _show(preview: NewYearPreview, args: argparse.Namespace, *, written: bool, to_stderr: bool = False) -> None:
    if args.json:
        print(json.dumps({**preview.to_json(), "written": written}, ensure_ascii=False))
        return
    if to_stderr:
        return  # the refusal message lists what must be decided
    verb = "Đã tạo" if written else "Sẽ tạo"
    copied = ", ".join(f"{preview.counts.get(key, 0)} {title}" for key, title in _COUNTS)
    print(f"{verb} kế hoạch năm {preview.year} từ kế hoạch năm {preview.source_year}: {copied}.")
    if not preview.mappings:
        print("Mọi đơn vị của kế hoạch đều còn hiệu lực.")
    for m in preview.mappings:
        ended = f" (hết hiệu lực {format_date(m.valid_to)})" if m.valid_to else ""
        if m.targets is None:
            target = "CHƯA CHỌN — " + ("nhiều đơn vị kế thừa: " + ", ".join(preview.codes[i] for i in m.candidates)
                                       if m.state == AMBIGUOUS else "chưa có đơn vị kế thừa")
        elif not m.targets:
            target = "bỏ, không giao cho đơn vị nào"
        else:
            how = "theo lựa chọn" if m.decided_by_user else "tự động" if m.state == MAPPED else ""
            target = ", ".join(f"{preview.codes[i]} ({preview.names[i]})" for i in m.targets) + f" [{how}]"
        print(f"- {m.code} {m.name}{ended} → {target}")
        print(f"    dùng ở: {'; '.join(m.uses)}")
    if preview.review:
        print("Cần sửa lại sau khi tạo (nội dung viết cho các đơn vị cũ):")
        for text in preview.review:
            print(f"  - {text}")
