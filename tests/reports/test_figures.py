"""The figures module (desktop.figures) on the sample year, against values worked out by hand from the rules, and the
same figure read from a page, the dashboard and a printed document (issue 11), plus the rules issue 16's mutants broke.

Hand computations (sample data: services/sample_data.py TASK_PROGRESS, the selection scores, 300 participants):
- activities II.1.1–II.1.4 done at 100, II.1.5 85; II.2.1–II.2.3 done, II.2.4 60, II.2.5 0 → 7 done, 2 in progress,
  1 not started; average (4×100 + 85 + 3×100 + 60 + 0) / 10 = 84,5; II.1 = 485/5 = 97 (in progress, not "done
  100"); II.2 = 360/5 = 72.
- weighted score (weights 30, 25, 20, 15, 10): Đồng Xanh 5,5×30 + 9×25 + 9×20 + 6,5×15 + 5×10 = 717,5 → 7,175 →
  7,18; Tân Thành 5×30 + 8×25 + 5×20 + 6,5×15 + 5×10 = 597,5 → 5,975 → 5,98.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import replace

import pytest

from desktop.domain import derived
from desktop.figures import half_up, plan_figures
from desktop.paths import resource
from desktop.reports import model as m
from desktop.reports.data import build_report
from desktop.reports.options import load_options
from desktop.services import analysis
from desktop.services.sample_data import fill_sample_data
from desktop.services.setup import init_database

AS_OF = dt.date(2024, 12, 25)


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = tmp_path_factory.mktemp("figures") / "sample.db"
    store = init_database(path)
    plan = store.repo("plans").rows()[0]
    fill_sample_data(store, plan["id"], participants=300, seed=1)
    try:
        yield store, plan, path
    finally:
        store.close()


def _doc_text(store, plan, report_id: str) -> str:
    options = replace(load_options(store, plan, report_id), date=AS_OF.isoformat())
    return " ".join(m.all_text(build_report(store, report_id, plan_id=plan["id"], options=options)).split())


def _raw(path, sql: str, params=()) -> tuple:
    """A figure straight from SQLite, independent of the code under test."""
    with sqlite3.connect(path) as db:
        return db.execute(sql, params).fetchone()


def test_halves_are_rounded_up_on_the_decimal_value():
    assert half_up(7.175, 2) == 7.18 and half_up(5.975, 2) == 5.98
    assert half_up(2.5, 0) == 3 and half_up(0.125, 2) == 0.13 and half_up(84.45, 1) == 84.5
    assert half_up(None, 2) is None


def test_tasks_content_items_from_their_activities(sample):
    store, plan, _ = sample
    f = plan_figures(store, plan["id"], AS_OF)
    assert f.tasks.activities == 10
    assert dict(f.tasks.by_status) == {"done": 7, "in_progress": 2, "not_started": 1}
    assert f.tasks.average_progress == 84.5
    assert (f.tasks.by_code["II.1"]["status"], f.tasks.by_code["II.1"]["progress"]) == ("in_progress", 97)
    assert (f.tasks.by_code["II.2"]["status"], f.tasks.by_code["II.2"]["progress"]) == ("in_progress", 72)
    options = replace(load_options(store, plan, "tasks"), date=AS_OF.isoformat())
    doc = build_report(store, "tasks", plan_id=plan["id"], options=options)
    rows = {r["cells"][0]: r["cells"] for p in doc["parts"] for b in p["blocks"] if b["type"] == "table"
            for r in b["rows"]}
    assert rows["II.1"][5:7] == ["Đang thực hiện", "97"]  # not "Hoàn thành 100" while II.1.5 is at 85%
    assert rows["II.2.5"][5:7] == ["Chưa thực hiện", "0"]
    assert any("Nội dung II.1" in w.text and "97%" in w.text for w in f.warnings)


def test_training_counts_attendance_and_shares_over_attendees(sample):
    store, plan, path = sample
    attended, women = _raw(path, "SELECT sum(attended), sum(attended AND gender = 'female') FROM participants "
                                 "WHERE deleted = 0")
    assert attended == 281
    share = half_up(100 * women / attended, 1)
    f = plan_figures(store, plan["id"], AS_OF)
    assert (f.training.registered, f.training.attended, f.training.attended_percent) == (300, 281, 140.5)
    assert f.training.female_percent == share
    people = next(i for i in f.indicators if i.unit == "người")
    assert (people.actual, people.percent) == (281, 140.5)  # the indicator counts attendance, not the 300 registered
    text = _doc_text(store, plan, "plan-report")
    assert "tham dự: 281 người, đạt 140,5%" in text.replace("số học viên tham dự", "tham dự")
    assert f"có {women} nữ ({str(share).replace('.', ',')}%)" in text
    assert "150%" not in text and "300 150" not in text


def test_average_scores_equal_on_the_page_the_dashboard_and_the_document(sample):
    store, plan, path = sample
    pre, post = _raw(path, "SELECT avg(pre_score), avg(post_score) FROM participants "
                           "WHERE deleted = 0 AND attended = 1")
    pre, post = half_up(pre, 2), half_up(post, 2)
    course = store.repo("training_courses").rows(plan_id=plan["id"])[0]
    page = analysis.training_figures(store, course["id"])
    assert (page["average_pre"], page["average_post"]) == (pre, post) == (5.03, 7.22)
    text = _doc_text(store, plan, "training")
    assert "trước tập huấn 5,03, sau tập huấn 7,22 (tăng 2,19 điểm)" in text
    dashboard = analysis.dashboard(store, plan["id"], AS_OF)
    f = plan_figures(store, plan["id"], AS_OF)
    assert dashboard["training"]["count"] == f.training.attended == 281
    assert dashboard["tasks"]["average_progress"] == f.tasks.average_progress
    assert "Tiến độ bình quân đạt 84,5%" in _doc_text(store, plan, "tasks")
    assert dashboard["as_of_line"] == "Số liệu tính đến ngày 25/12/2024"


def test_weighted_scores_rounded_half_up(sample):
    store, plan, _ = sample
    f = plan_figures(store, plan["id"], AS_OF)
    by_name = {e["name"].split(" (")[0]: f.survey.weighted[e["id"]] for e in f.survey.enterprises}
    assert by_name["Công ty Cổ phần Phân bón Đồng Xanh"] == 7.18
    assert by_name["Công ty TNHH Nhựa và Hạt màu Tân Thành"] == 5.98
    ranking = analysis.selection_ranking(store, plan["id"])
    assert ranking[0]["weighted"] == 7.18  # the Survey page's ranking reads the same figure
    text = _doc_text(store, plan, "survey")
    assert "7,18" in text and "5,98" in text and "7,17" not in text and "5,97" not in text


def test_model_indicator_follows_its_task_and_the_workshop_is_a_warning(sample):
    store, plan, _ = sample
    f = plan_figures(store, plan["id"], AS_OF)
    model = next(i for i in f.indicators if "mô hình" in i.name)
    assert (model.actual, model.percent) == (0, 0)  # task II.2.4 at 60%: the model is not built yet
    assert "60%" in model.note
    assert any("II.2.5" in w.text and "20/11/2024" in w.text for w in f.warnings)
    for report_id in ("plan-report", "survey"):
        text = _doc_text(store, plan, report_id)
        assert "85 đại biểu" not in text  # not printed as a fact while its task says not started
        assert "Số liệu tính đến ngày 25/12/2024" in text


def test_every_document_says_as_of_when(sample):
    store, plan, _ = sample
    for report_id in ("plan-report", "tasks", "training", "survey", "budget"):
        assert "(Số liệu tính đến ngày 25/12/2024)" in _doc_text(store, plan, report_id), report_id


def test_documents_print_texts_whole(sample):
    store, plan, _ = sample
    text = _doc_text(store, plan, "plan-report")
    assert "…" not in text.replace("…/KH-UBND", "")
    assert " ".join(plan["purpose"].split()).rstrip(".") in text


# -- the rules issue 16's mutants broke ---------------------------------------------------------------------------
def test_budget_difference_is_plan_total_minus_lines_and_a_mismatch_is_printed(seeded_store):
    plan = seeded_store.repo("plans").rows()[0]
    seeded_store.repo("budget_lines").add({"plan_id": plan["id"], "item": "Thuê hội trường", "unit": "ngày",
                                              "quantity": 2, "unit_price": 15_000_000, "amount": 30_000_000})
    f = analysis.budget_figures(seeded_store, plan["id"])
    assert (f["plan_total"], f["allocated"], f["difference"]) == (1_394_200_000, 30_000_000, 1_364_200_000)
    text = _doc_text(seeded_store, plan, "budget")
    assert "thấp hơn tổng kinh phí của Kế hoạch 1.364.200.000 đồng; cần rà soát lại dự toán" in text


def test_a_matching_estimate_is_not_flagged(seeded_store):
    plan = seeded_store.repo("plans").rows()[0]
    seeded_store.repo("budget_lines").add({"plan_id": plan["id"], "item": "Toàn bộ", "unit": "gói", "quantity": 1,
                                              "unit_price": 1_394_200_000, "amount": 1_394_200_000})
    text = _doc_text(seeded_store, plan, "budget")
    assert "khớp với tổng kinh phí của Kế hoạch" in text and "rà soát" not in text


def test_seeded_diesel_factors_are_those_of_the_ministry(seeded_store):
    # docs/domain-rules.md: DO 1,02 TOE/t (0,88 per 1000 l).
    factors = seeded_store.repo("conversion_factors").rows()
    assert derived.toe_factor(factors, "do", "tấn") == 1.02
    assert derived.toe_factor(factors, "do", "1000 lít") == 0.88
    seed = json.loads(resource("seed/plan_2024.json").read_text(encoding="utf-8"))
    assert {"resource": "do", "unit": "tấn", "toe_per_unit": 1.02} in seed["conversion_factors"]


def _survey_plan(store, records: list[tuple[str, str, float, str]]):
    plan = store.repo("plans").rows()[0]
    ent = store.repo("enterprises").add({"plan_id": plan["id"], "name": "Công ty Thử", "surveyed": 1})
    for resource_, unit, quantity, period in records:
        store.repo("consumption_records").add({"enterprise_id": ent["id"], "period": period,
                                                  "resource": resource_, "unit": unit, "quantity": quantity})
    return plan


def test_toe_factor_is_looked_up_with_its_unit(seeded_store):
    # 100 × 1000 lít of diesel at 0,88 TOE per 1000 lít = 88 TOE (not 102 with the per-tonne factor).
    plan = _survey_plan(seeded_store, [("do", "1000 lít", 100, "2024")])
    f = plan_figures(seeded_store, plan["id"], AS_OF)
    assert f.survey.toe_totals["2024"] == pytest.approx(88.0)


@pytest.mark.parametrize(("before", "after", "expected"), [(1_000_000, 900_000, "giảm 10,0%"),
                                                            (1_000_000, 1_100_000, "tăng 10,0%")])
def test_printed_toe_trend_says_fall_or_rise(seeded_store, before, after, expected):
    # Electricity at 0,0001543 TOE/kWh: 1.000.000 kWh = 154,3 TOE; 900.000 = 138,9; 1.100.000 = 169,7.
    plan = _survey_plan(seeded_store, [("electricity", "kWh", before, "2023"), ("electricity", "kWh", after, "2024")])
    text = _doc_text(seeded_store, plan, "survey")
    assert f"năm 2023 154,3 TOE, năm 2024 {'138,9' if after < before else '169,7'} TOE ({expected})" in text


def test_a_report_handed_in_on_its_due_date_is_on_time(seeded_store):
    assert derived.report_state("2024-12-01", "2024-12-01", AS_OF) == derived.SUBMITTED_ON_TIME
    assert derived.report_state("2024-12-01", "2024-12-02", AS_OF) == derived.SUBMITTED_LATE
    plan = seeded_store.repo("plans").rows()[0]
    report = seeded_store.repo("office_reports").rows(plan_id=plan["id"])[0]
    seeded_store.repo("office_reports").update(report["id"], {"submitted_date": report["due_date"]})
    f = plan_figures(seeded_store, plan["id"], AS_OF)
    assert report["id"] not in {r["id"] for r in f.reports.late}
    assert report["id"] in {r["id"] for r in f.reports.by_state[derived.SUBMITTED_ON_TIME]}
