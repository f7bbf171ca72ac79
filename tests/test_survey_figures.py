"""Survey figures worked out by hand on a small survey: enterprises surveyed against those listed, the model
enterprise, TOE per record (factor of the resource *in its unit*) and per period, the trend "giảm"/"tăng", the
weighted selection score (decimals, halves up) and the ranking, workshops held by a date."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.figures.survey import SurveyFigures, survey_figures, weighted_score

# Hand-chosen factors (TOE per unit), not the seed's, so every TOE below is easy to check.
FACTORS = [("electricity", "kWh", 0.0002), ("do", "tấn", 1.0), ("do", "1000 lít", 0.8), ("coal", "tấn", 0.5)]


@pytest.fixture
def plan_id(empty_store) -> str:
    for resource, unit, factor in FACTORS:
        empty_store.repo("conversion_factors").add({"resource": resource, "unit": unit, "toe_per_unit": factor})
    plan = empty_store.repo("plans").add({"issuer": "UBND tỉnh Đồng Nai", "year": 2099, "title": "Kế hoạch thử",
                                          "total_budget": 0})
    return plan["id"]


def _enterprise(store, plan_id, name, *, surveyed=1, model=0) -> dict:
    return store.repo("enterprises").add({"plan_id": plan_id, "name": name, "surveyed": surveyed,
                                          "is_model": model})


def _use(store, ent, period, resource, unit, quantity, output=None) -> None:
    store.repo("consumption_records").add({"enterprise_id": ent["id"], "period": period, "resource": resource,
                                           "unit": unit, "quantity": quantity, "product_output": output})


def test_surveyed_against_listed_and_the_first_model(empty_store, plan_id):
    store = empty_store
    _enterprise(store, plan_id, "Công ty A", surveyed=1)
    first = _enterprise(store, plan_id, "Công ty B", surveyed=1, model=1)
    _enterprise(store, plan_id, "Công ty C", surveyed=0, model=1)
    _enterprise(store, plan_id, "Công ty D", surveyed=0)
    f = survey_figures(store, plan_id)
    assert [e["name"] for e in f.enterprises] == ["Công ty A", "Công ty B", "Công ty C", "Công ty D"]
    assert f.surveyed == 2
    assert f.model is not None and f.model["id"] == first["id"]


def test_nothing_surveyed_yet(empty_store, plan_id):
    _enterprise(empty_store, plan_id, "Công ty A", surveyed=0)
    f = survey_figures(empty_store, plan_id)
    assert (f.surveyed, f.model, f.periods, f.toe_totals, f.toe_change_percent) == (0, None, [], {}, None)
    assert f.trend_word() == ""


def test_toe_per_record_with_the_factor_of_its_unit(empty_store, plan_id):
    store = empty_store
    a = _enterprise(store, plan_id, "Công ty A")
    _use(store, a, "2024", "electricity", "kWh", 1_000_000, output=500)  # 200 TOE; 2.000 kWh per product unit
    _use(store, a, "2024", "do", "1000 LÍT", 50)     # 40 TOE: the per-1000-litre factor, unit as typed
    _use(store, a, "2024", "do", "tấn", 10, output=0)  # 10 TOE; no output, no intensity
    _use(store, a, "2024", "coal", "kg", 700)         # no factor for coal in kg: no TOE
    records = survey_figures(store, plan_id).consumption[a["id"]]
    assert [(r["factor"], r["toe"]) for r in records] == [
        (0.0002, pytest.approx(200.0)), (0.8, pytest.approx(40.0)), (1.0, pytest.approx(10.0)), (None, None)]
    assert [r["intensity"] for r in records] == [2000.0, None, None, None]
    assert [r["resource_title"] for r in records] == ["Điện", "Dầu DO", "Dầu DO", "Than"]
    assert [r["quantity"] for r in records] == [1_000_000, 50, 10, 700]


def test_toe_totals_by_period_over_all_enterprises_and_the_trend(empty_store, plan_id):
    store = empty_store
    a = _enterprise(store, plan_id, "Công ty A")
    b = _enterprise(store, plan_id, "Công ty B")
    _use(store, a, "2024", "do", "tấn", 30)
    _use(store, a, "2022", "do", "tấn", 60)
    _use(store, a, "2022", "coal", "tấn", 40)         # 60 + 20 = 80 TOE in 2022 for A
    _use(store, b, "2022", "electricity", "kWh", 100_000)  # 20 TOE
    _use(store, b, "2023", "electricity", "kWh", 500_000)  # 100 TOE, the middle year does not count in the trend
    _use(store, b, "2024", "coal", "kg", 999)          # no factor: no TOE, but the period is listed
    _use(store, b, "2024", "coal", "tấn", 20)          # 10 TOE
    f = survey_figures(store, plan_id)
    assert f.periods == ["2022", "2023", "2024"]
    assert f.toe_by_period[a["id"]] == {"2022": pytest.approx(80.0), "2024": pytest.approx(30.0)}
    assert f.toe_by_period[b["id"]] == {"2022": pytest.approx(20.0), "2023": pytest.approx(100.0),
                                        "2024": pytest.approx(10.0)}
    assert f.toe_totals == {"2022": pytest.approx(100.0), "2023": pytest.approx(100.0), "2024": pytest.approx(40.0)}
    assert f.toe_change_percent == -60.0  # (40 − 100) / 100
    assert f.trend_word() == "giảm"


def test_a_period_whose_records_have_no_factor_totals_zero(empty_store, plan_id):
    a = _enterprise(empty_store, plan_id, "Công ty A")
    _use(empty_store, a, "2023", "coal", "kg", 10)
    _use(empty_store, a, "2024", "coal", "tấn", 10)
    f = survey_figures(empty_store, plan_id)
    assert f.toe_totals == {"2023": 0.0, "2024": pytest.approx(5.0)}
    assert f.toe_change_percent is None  # no base to compare with
    assert f.trend_word() == ""


def test_one_period_has_no_trend(empty_store, plan_id):
    a = _enterprise(empty_store, plan_id, "Công ty A")
    _use(empty_store, a, "2024", "do", "tấn", 10)
    f = survey_figures(empty_store, plan_id)
    assert f.toe_totals == {"2024": pytest.approx(10.0)} and f.toe_change_percent is None


@pytest.mark.parametrize(("before", "after", "percent", "word"), [
    (100, 90, -10.0, "giảm"), (100, 110, 10.0, "tăng"), (100, 100, 0.0, ""),
    (1000, 999.5, -0.1, "giảm"),  # −0,05 % rounds (away from zero) to −0,1
    (1000, 1000.5, 0.1, "tăng"), (3, 2, -33.3, "giảm"), (3, 4, 33.3, "tăng"),
])
def test_the_trend_compares_the_first_and_last_periods(empty_store, plan_id, before, after, percent, word):
    a = _enterprise(empty_store, plan_id, "Công ty A")
    _use(empty_store, a, "2023", "do", "tấn", before)
    _use(empty_store, a, "2024", "do", "tấn", after)
    f = survey_figures(empty_store, plan_id)
    assert (f.toe_change_percent, f.trend_word()) == (percent, word)


@pytest.mark.parametrize(("change", "word"), [(None, ""), (0.0, ""), (-0.1, "giảm"), (0.1, "tăng"),
                                              (-100.0, "giảm"), (250.0, "tăng")])
def test_trend_word(change, word):
    assert SurveyFigures(toe_change_percent=change).trend_word() == word


@pytest.mark.parametrize(("scores", "weights", "expected"), [
    ({"a": 8, "b": 6}, {"a": 3, "b": 1}, 7.5),        # (24 + 6) / 4
    ({"a": 7.1, "b": 7.25}, {"a": 1, "b": 1}, 7.18),  # 7,175 on the decimal value, half up
    ({"a": 5.95, "b": 6}, {"a": 1, "b": 1}, 5.98),    # 5,975
    ({"a": 8, "b": 6}, {"a": 1, "b": 2}, 6.67),       # 6,666…
    ({"a": 8, "b": 6}, {"a": 3, "b": 0}, 8.0),        # a criterion weighing nothing is left out
    ({"a": 8}, {"a": 3, "b": 1}, 8.0),                # an unscored criterion is left out, weight included
    ({"a": 0, "b": 10}, {"a": 1, "b": 1}, 5.0),       # a score of 0 counts
    ({"a": 8, "c": 2}, {"a": 1}, 8.0),                # a score without a criterion is left out
])
def test_weighted_score(scores, weights, expected):
    assert weighted_score(scores, weights) == expected


@pytest.mark.parametrize(("scores", "weights"), [({}, {"a": 1}), ({"a": 8}, {"a": 0}), ({"a": 8}, {}),
                                                 ({"a": 8}, {"b": 2})])
def test_no_weighted_score_without_a_weighed_criterion_scored(scores, weights):
    assert weighted_score(scores, weights) is None


def test_scores_weighted_and_the_ranking(empty_store, plan_id):
    store = empty_store
    energy = store.repo("selection_criteria").add({"plan_id": plan_id, "seq": 2, "name": "Năng lượng", "weight": 3})
    safety = store.repo("selection_criteria").add({"plan_id": plan_id, "seq": 1, "name": "An toàn", "weight": 1})
    unused = store.repo("selection_criteria").add({"plan_id": plan_id, "seq": 3, "name": "Chưa dùng", "weight": 0})
    unscored = _enterprise(store, plan_id, "Công ty Chưa chấm")
    low = _enterprise(store, plan_id, "Công ty Thấp")
    high = _enterprise(store, plan_id, "Công ty Cao")
    tie = _enterprise(store, plan_id, "Công ty Bằng điểm")
    for ent, e_score, s_score in ((low, 5, 9), (high, 9, 5), (tie, 8, 8)):
        store.repo("selection_scores").add({"enterprise_id": ent["id"], "criterion_id": energy["id"],
                                            "score": e_score})
        store.repo("selection_scores").add({"enterprise_id": ent["id"], "criterion_id": safety["id"],
                                            "score": s_score})
        store.repo("selection_scores").add({"enterprise_id": ent["id"], "criterion_id": unused["id"], "score": 0})
    f = survey_figures(store, plan_id)
    assert [c["name"] for c in f.criteria] == ["An toàn", "Năng lượng", "Chưa dùng"]  # by number
    # low: (15 + 9) / 4 = 6; high: (27 + 5) / 4 = 8; tie: (24 + 8) / 4 = 8; the criterion weighing 0 left out
    # (counted with weight 1 it would pull them to 4,8 and 6,4)
    assert f.weighted == {unscored["id"]: None, low["id"]: 6.0, high["id"]: 8.0, tie["id"]: 8.0}
    assert f.scores[high["id"]] == {energy["id"]: 9.0, safety["id"]: 5.0, unused["id"]: 0.0}
    assert f.scores[unscored["id"]] == {}
    # best first, equal scores as listed, the unscored last
    assert [(r["enterprise"]["name"], r["weighted"]) for r in f.ranking] == [
        ("Công ty Cao", 8.0), ("Công ty Bằng điểm", 8.0), ("Công ty Thấp", 6.0), ("Công ty Chưa chấm", None)]
    assert f.ranking[0]["scores"] == f.scores[high["id"]]


def test_a_score_of_zero_ranks_above_no_score(empty_store, plan_id):
    store = empty_store
    crit = store.repo("selection_criteria").add({"plan_id": plan_id, "seq": 1, "name": "An toàn", "weight": 1})
    unscored = _enterprise(store, plan_id, "Công ty Chưa chấm")
    zero = _enterprise(store, plan_id, "Công ty Không điểm")
    store.repo("selection_scores").add({"enterprise_id": zero["id"], "criterion_id": crit["id"], "score": 0})
    f = survey_figures(store, plan_id)
    assert [r["enterprise"]["id"] for r in f.ranking] == [zero["id"], unscored["id"]]
    assert f.weighted[zero["id"]] == 0.0


def test_solutions_with_their_payback(empty_store, plan_id):
    store = empty_store
    a = _enterprise(store, plan_id, "Công ty A")
    for category, investment, saving in (("energy", 300_000_000, 120_000_000), ("other", 50_000_000, 0),
                                         ("housekeeping", None, 10_000_000)):
        store.repo("solutions").add({"enterprise_id": a["id"], "category": category, "description": category,
                                     "investment": investment, "annual_saving": saving})
    solutions = survey_figures(store, plan_id).solutions[a["id"]]
    assert [(s["category_title"], s["payback"]) for s in solutions] == [
        ("Tiết kiệm năng lượng", 2.5), ("Khác", None), ("Quản lý nội vi", None)]
    assert [s["investment"] for s in solutions] == [300_000_000, 50_000_000, None]


@pytest.mark.parametrize(("as_of", "held"), [
    (dt.date(2099, 5, 19), []),
    (dt.date(2099, 5, 20), ["Hội thảo 1"]),  # held on its day
    (dt.date(2099, 9, 1), ["Hội thảo 1", "Hội thảo 2"]),
    (None, ["Hội thảo 1", "Hội thảo 2"]),  # no date given: every workshop with a date
])
def test_workshops_held_by_a_date(empty_store, plan_id, as_of, held):
    store = empty_store
    for title, date in (("Hội thảo 2", "2099-09-01"), ("Hội thảo chưa định ngày", None),
                        ("Hội thảo 1", "2099-05-20")):
        store.repo("workshops").add({"plan_id": plan_id, "title": title, "date": date})
    f = survey_figures(store, plan_id, as_of)
    assert [w["title"] for w in f.held_workshops] == held
    assert len(f.workshops) == 3
    assert [w["title"] for w in f.workshops if w["date"]] == ["Hội thảo 1", "Hội thảo 2"]
