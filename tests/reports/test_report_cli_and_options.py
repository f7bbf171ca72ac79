"""The report command line, the print options and the Qt-free report builders."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from dataclasses import replace

import pytest

from desktop.cli import main
from desktop.reports.data import build_report, report_ids
from desktop.reports.model import all_text
from desktop.reports.options import ReportOptions, agency_caps, date_line, load_options, save_options
from desktop.store import StoreError

from .pdftools import needs_poppler, page_sizes, pdf_text


def test_report_list_prints_one_id_a_line(tmp_path, capsys):
    db = str(tmp_path / "a.db")
    assert main(["--db", db, "init"]) == 0
    capsys.readouterr()
    assert main(["--db", db, "report", "--list"]) == 0
    assert capsys.readouterr().out.split("\n")[:-1] == ["plan-report", "tasks", "training", "survey", "budget",
                                                        "request", "reminder", "estimate", "submission", "sign-in",
                                                        "allowance", "plan"]


@needs_poppler
def test_report_pdf_from_the_command_line(tmp_path, capsys):
    db = str(tmp_path / "a.db")
    main(["--db", db, "init"])
    out = tmp_path / "budget.pdf"
    assert main(["--db", db, "report", "budget", "--pdf", str(out)]) == 0
    assert "Đã ghi" in capsys.readouterr().out
    assert "1.394.200.000" in pdf_text(out)
    assert set(page_sizes(out)) <= {(595, 842), (842, 595)}


@pytest.mark.parametrize(("argv", "message"), [
    (["report", "nope", "--pdf", "x.pdf"], "Không có báo cáo"),
    (["report", "budget"], "--docx"),
    (["report"], "mã báo cáo"),
    (["report", "budget", "--pdf", "missing-folder/x.pdf"], "không tồn tại"),
    (["report", "budget", "--pdf", "x.txt"], ".pdf"),
    (["report", "budget", "--pdf", "x.pdf", "--year", "1999"], "năm 1999"),
])
def test_report_refusals(tmp_path, capsys, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    db = str(tmp_path / "a.db")
    main(["--db", db, "init"])
    capsys.readouterr()
    assert main(["--db", db, *argv]) == 1
    assert message in capsys.readouterr().err


def test_report_on_an_empty_database_is_refused(tmp_path, capsys):
    db = str(tmp_path / "e.db")
    main(["--db", db, "init", "--empty"])
    capsys.readouterr()
    assert main(["--db", db, "report", "tasks", "--pdf", str(tmp_path / "t.pdf")]) == 1
    assert "chưa có kế hoạch" in capsys.readouterr().err
    assert not (tmp_path / "t.pdf").exists()


def test_date_line_of_decree_30():
    assert date_line("Đồng Nai", dt.date(2024, 3, 5)) == "Đồng Nai, ngày 05 tháng 3 năm 2024"
    assert date_line("Đồng Nai", dt.date(2024, 2, 15)) == "Đồng Nai, ngày 15 tháng 02 năm 2024"
    assert date_line("Đồng Nai", dt.date(2024, 12, 25)) == "Đồng Nai, ngày 25 tháng 12 năm 2024"
    assert date_line("Biên Hòa", None).startswith("Biên Hòa, ngày ")


def test_agency_names_in_capitals():
    assert agency_caps("Ủy ban nhân dân tỉnh Đồng Nai") == "UBND TỈNH ĐỒNG NAI"
    assert agency_caps("Sở Công Thương") == "SỞ CÔNG THƯƠNG"


def test_options_prefilled_from_the_plan_then_saved(seeded_store):
    plan = seeded_store.repo("plans").rows()[0]
    options = load_options(seeded_store, plan, "budget")
    assert options.parent_agency == "UBND TỈNH ĐỒNG NAI"
    assert options.issuing_agency == "SỞ CÔNG THƯƠNG"
    assert options.place == "Đồng Nai"
    assert options.recipients[0] == "UBND tỉnh (để báo cáo)"
    changed = replace(options, number="15/BC-SCT", signer_name="Nguyễn Văn A", recipients=("UBND tỉnh", "Lưu: VT"),
                      margin_left=32.0, date="2024-12-20")
    save_options(seeded_store, changed, "budget")
    again = load_options(seeded_store, plan, "budget")
    assert again.number == "15/BC-SCT" and again.signer_name == "Nguyễn Văn A"
    assert again.recipients == ("UBND tỉnh", "Lưu: VT") and again.margin_left == 32.0
    assert again.report_date() == dt.date(2024, 12, 20)
    assert load_options(seeded_store, plan, "tasks").number != "15/BC-SCT"  # the number belongs to one report
    text = all_text(build_report(seeded_store, "budget"))
    assert "Kèm theo Báo cáo số 15/BC-SCT ngày 20/12/2024" not in text  # no appendix without budget lines


def test_budget_that_does_not_add_up_is_flagged(seeded_store):
    plan = seeded_store.repo("plans").rows()[0]
    seeded_store.repo("budget_lines").add({"plan_id": plan["id"], "item": "Hội trường", "unit": "ngày",
                                           "quantity": 2, "unit_price": 15_000_000, "amount": 30_000_000})
    text = all_text(build_report(seeded_store, "budget"))
    assert "thấp hơn tổng kinh phí của Kế hoạch 1.364.200.000 đồng" in text
    assert "Bằng chữ: Ba mươi triệu đồng." in text


def test_zero_tens_and_thousand_options_reach_the_words(seeded_store):
    options = replace(ReportOptions(), thousand="ngàn")
    text = all_text(build_report(seeded_store, "budget", options=options))
    assert "Một tỷ ba trăm chín mươi bốn triệu hai trăm ngàn đồng" in text


def test_unknown_report_and_empty_database(seeded_store, empty_store):
    with pytest.raises(StoreError):
        build_report(seeded_store, "nope")
    for report_id in report_ids():
        with pytest.raises(StoreError):
            build_report(empty_store, report_id)


def test_builders_and_commands_do_not_load_qt():
    code = ("import sys; import desktop.reports.data, desktop.reports.table_print, desktop.commands.report, "
            "desktop.commands.sample, desktop.services.sample_data, desktop.domain.words; "
            "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
