"""Kế hoạch năm mới after the reform: a 2024 database -> the 2026 plan in the structure of 2026."""

from __future__ import annotations

import json

import pytest

from desktop.cli import main
from desktop.domain import agencies as rules
from desktop.domain.entities import BY_NAME
from desktop.reports.data import build_report
from desktop.reports.options import load_options
from desktop.services import lookups
from desktop.services.new_year import AMBIGUOUS, MAPPED, MISSING, create_new_year, preview_new_year
from desktop.services.records import current_plan
from desktop.services.setup import init_database
from desktop.store import Store, StoreError
from tests.reform_helpers import DISTRICTS, codes, ids_of, plan_rows, reform


@pytest.fixture
def reformed(seeded_store):
    reform(seeded_store)
    return seeded_store


def _decide_rest(preview, ids, **explicit):
    """The user's answers: those given by code, every other undecided district dropped."""
    decisions = {ids[code]: [ids[c] for c in targets] for code, targets in explicit.items()}
    for m in preview.undecided:
        decisions.setdefault(m.agency_id, [])
    return decisions


def test_every_district_of_the_2024_plan_is_mapped_or_asked_about(reformed):
    preview = preview_new_year(reformed, 2026)
    assert preview.source_year == 2024
    state = {m.code: m.state for m in preview.mappings}
    assert set(DISTRICTS) | {"STNMT"} == set(state)  # exactly the agencies that ended, nothing else
    assert state["CAMMY"] == MAPPED and state["STNMT"] == MAPPED
    assert state["LONGTHANH"] == AMBIGUOUS
    assert {state[c] for c in DISTRICTS if c not in ("CAMMY", "LONGTHANH")} == {MISSING}
    undecided = {m.code for m in preview.undecided}
    assert undecided == set(DISTRICTS) - {"CAMMY"}
    long_thanh = next(m for m in preview.mappings if m.code == "LONGTHANH")
    assert [preview.codes[i] for i in long_thanh.candidates] == ["X_LT_A", "X_LT_B"]
    assert "Tổ chức thực hiện III.6" in long_thanh.uses
    # The headings of the groups whose agencies are replaced were written for them: listed to edit afterwards.
    assert [text.split(":")[0] for text in preview.review] == ["Tổ chức thực hiện III.3", "Tổ chức thực hiện III.6"]


def test_nothing_is_written_while_an_agency_is_undecided(reformed):
    plans_before = reformed.repo("plans").count()
    with pytest.raises(StoreError) as error:
        create_new_year(reformed, preview_new_year(reformed, 2026))
    assert "LONGTHANH" in str(error.value) and "CAMMY" not in str(error.value)
    assert reformed.repo("plans").count() == plans_before


def test_the_2026_plan_uses_the_successors_and_2024_is_untouched(reformed):
    ids = codes(reformed)
    plan_2024 = current_plan(reformed, 2024)
    before = plan_rows(reformed, plan_2024["id"])
    first = preview_new_year(reformed, 2026)
    preview = preview_new_year(reformed, 2026, decisions=_decide_rest(
        first, ids, LONGTHANH=["X_LT_A", "X_LT_B"], BIENHOA=["SCT"]))
    assert not preview.undecided
    plan_2026 = create_new_year(reformed, preview)

    assert plan_rows(reformed, plan_2024["id"]) == before  # nothing lost or changed in 2024

    district_group = reformed.repo("responsibilities").rows(plan_id=plan_2026, code="III.6")[0]
    # 11 districts: Biên Hòa -> SCT (chosen), Cẩm Mỹ -> its commune, Long Thành -> both communes, the rest dropped.
    assert ids_of(district_group["agency_ids"]) == [ids["SCT"], ids["X_CM"], ids["X_LT_A"], ids["X_LT_B"]]
    for task in reformed.repo("tasks").rows(plan_id=plan_2026):
        assert ids_of(task["coordinating_ids"]) == [ids["SNNMT"], ids["SKHCN"]]  # STNMT -> its successor

    owed = reformed.repo("office_reports").rows(plan_id=plan_2026)
    by_agency = {row["agency_id"]: row for row in owed}
    # 2024 owed 17 reports: 11 districts + 5 others to SCT, SCT to the province. Now: the 5 others (STNMT replaced),
    # X_CM, X_LT_A, X_LT_B, and SCT once for its own report and once in Biên Hòa's place.
    assert len(owed) == 17 - 11 + 3 + 1
    for code in ("X_CM", "X_LT_A", "X_LT_B", "SNNMT"):
        assert by_agency[ids[code]]["owner"] == code  # each successor owns (and sends) its own report
        assert by_agency[ids[code]]["due_date"] == "2026-12-01"
    ended = {ids[c] for c in (*DISTRICTS, "STNMT")}
    assert not ended & {row["agency_id"] for row in owed}
    assert not ended & {row["recipient_id"] for row in owed}


def test_2024_documents_print_2024_names_and_2026_documents_the_new_ones(reformed):
    ids = codes(reformed)
    plan_2024 = current_plan(reformed, 2024)
    first = preview_new_year(reformed, 2026)
    plan_2026 = create_new_year(reformed, preview_new_year(reformed, 2026, decisions=_decide_rest(first, ids)))
    old = json.dumps(build_report(reformed, "plan-report", plan_id=plan_2024["id"]), ensure_ascii=False)
    assert "UBND huyện Long Thành" in old and "Sở Tài nguyên và Môi trường" in old
    options = load_options(reformed, reformed.repo("plans").get(plan_2026), "plan-report")
    new = json.dumps(build_report(reformed, "plan-report", plan_id=plan_2026, options=options), ensure_ascii=False)
    assert "Sở Nông nghiệp và Môi trường" in new and "UBND xã Cẩm Mỹ" in new
    assert "UBND huyện Long Thành" not in new


def test_pick_lists_of_the_new_plan_offer_no_ended_agency(reformed):
    ids = codes(reformed)
    first = preview_new_year(reformed, 2026)
    plan_2026 = create_new_year(reformed, preview_new_year(reformed, 2026, decisions=_decide_rest(first, ids)))
    agencies = {row["id"]: row for row in reformed.repo("agencies").rows()}
    offered = {i for i, _ in lookups.options(reformed, BY_NAME["office_reports"].field("agency_id"), plan_2026)}
    assert offered and all(rules.in_force_in_year(agencies[i], 2026) for i in offered)
    assert {ids["X_CM"], ids["SNNMT"], ids["SCT"]} <= offered


def test_a_decision_for_an_agency_not_in_force_is_refused(reformed):
    ids = codes(reformed)
    with pytest.raises(StoreError, match="không có hiệu lực trong năm 2026"):
        preview_new_year(reformed, 2026, decisions={ids["LONGTHANH"]: [ids["CAMMY"]]})


# -- the command ---------------------------------------------------------------------------------------------------
@pytest.fixture
def reformed_db(tmp_path):
    path = tmp_path / "plan.db"
    store = init_database(path)
    reform(store)
    store.close()
    return path


def _plan_years(path) -> list[int]:
    store = Store.open(path)
    try:
        return sorted(p["year"] for p in store.repo("plans").rows())
    finally:
        store.close()


def test_cli_refuses_listing_what_must_be_decided_and_writes_nothing(reformed_db, capsys):
    assert main(["--db", str(reformed_db), "new-year", "2026"]) == 1
    err = capsys.readouterr().err
    assert "LONGTHANH (UBND huyện Long Thành): có nhiều đơn vị kế thừa: X_LT_A, X_LT_B" in err
    assert "XUANLOC (UBND huyện Xuân Lộc): chưa có đơn vị kế thừa" in err
    assert "Traceback" not in err
    assert _plan_years(reformed_db) == [2024]


def test_cli_dry_run_json_then_maps_and_writes(reformed_db, capsys):
    assert main(["--db", str(reformed_db), "new-year", "2026", "--dry-run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["written"] is False and "LONGTHANH" in report["undecided"]
    assert {a["code"]: a["to"] for a in report["agencies"]}["CAMMY"] == ["X_CM"]
    maps = ["--map", "LONGTHANH=*", "--map", "bienhoa=SCT"]
    maps += [x for code in DISTRICTS if code not in ("LONGTHANH", "BIENHOA", "CAMMY") for x in ("--map", f"{code}=-")]
    assert main(["--db", str(reformed_db), "new-year", "2026", "--from", "2024", *maps]) == 0
    out = capsys.readouterr().out
    assert "Đã tạo kế hoạch năm 2026 từ kế hoạch năm 2024" in out
    assert "LONGTHANH UBND huyện Long Thành (hết hiệu lực 30/06/2025) → X_LT_A (UBND xã Long Thành A), " \
           "X_LT_B (UBND xã Long Thành B) [theo lựa chọn]" in out
    assert _plan_years(reformed_db) == [2024, 2026]
    assert main(["--db", str(reformed_db), "new-year", "2026", *maps]) == 1  # one plan a year
    assert "Đã có kế hoạch năm 2026" in capsys.readouterr().err


def test_cli_refuses_an_unknown_code(reformed_db, capsys):
    assert main(["--db", str(reformed_db), "new-year", "2026", "--map", "LONGTHANH=NOPE"]) == 1
    assert "không có đơn vị mã “NOPE”" in capsys.readouterr().err
    assert _plan_years(reformed_db) == [2024]
