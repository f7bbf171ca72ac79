"""Print options: Decree 30 ranges (a warning outside, a refusal beyond reason), per-kind memory of the number,
signer and place, and the spelling of amounts in words chosen by the user (issue 11)."""

from __future__ import annotations

from dataclasses import replace

from desktop.reports.data import build_report
from desktop.reports.model import all_text
from desktop.reports.options import ReportOptions, load_options, option_errors, option_warnings, save_options


def test_decree_ranges_warn_and_absurd_values_are_refused():
    assert option_warnings(ReportOptions()) == []
    warnings = option_warnings(replace(ReportOptions(), margin_left=25, body_pt=12))
    assert any("Lề trái 25 mm" in w and "30–35 mm" in w for w in warnings)
    assert any("Cỡ chữ nội dung 12 pt" in w and "13–14 pt" in w for w in warnings)
    assert option_errors(replace(ReportOptions(), margin_left=25)) == []
    assert option_errors(replace(ReportOptions(), margin_top=80)) == ["Lề trên phải từ 5 đến 60."]


def test_signer_number_and_place_are_remembered_per_document_kind(seeded_store):
    plan = seeded_store.repo("plans").rows()[0]
    budget = replace(load_options(seeded_store, plan, "budget"), signer_name="Nguyễn Văn A", number="12/BC-SCT",
                     signer_title="GIÁM ĐỐC", signer_authority="")
    save_options(seeded_store, budget, "budget")
    tasks = replace(load_options(seeded_store, plan, "tasks"), signer_name="Trần Thị B", number="13/BC-SCT",
                    place="Biên Hòa")
    save_options(seeded_store, tasks, "tasks")
    again = load_options(seeded_store, plan, "budget")
    assert (again.signer_name, again.number, again.signer_title, again.place) == (
        "Nguyễn Văn A", "12/BC-SCT", "GIÁM ĐỐC", "Đồng Nai")
    assert load_options(seeded_store, plan, "tasks").signer_name == "Trần Thị B"


def test_amounts_in_words_follow_the_chosen_spelling(seeded_store):
    plan = seeded_store.repo("plans").rows()[0]
    # 1.394.200.000: the 2024 plan writes "… hai trăm ngàn đồng", the default.
    default = all_text(build_report(seeded_store, "budget", plan_id=plan["id"]))
    assert "Một tỷ ba trăm chín mươi bốn triệu hai trăm ngàn đồng" in default
    save_options(seeded_store, replace(load_options(seeded_store, plan, "budget"), thousand="nghìn"), "budget")
    chosen = all_text(build_report(seeded_store, "budget", plan_id=plan["id"]))
    assert "Một tỷ ba trăm chín mươi bốn triệu hai trăm nghìn đồng" in chosen
