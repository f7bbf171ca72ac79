"""Agencies in time: an ended agency keeps its rows, is not offered for later plans, and old documents keep its name."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.domain import agencies as rules
from desktop.domain.entities import BY_NAME
from desktop.domain.errors import ValidationError
from desktop.figures.office_reports import office_report_figures as office_report_facts
from desktop.figures.tasks import task_figures as task_facts
from desktop.reports.data import build_report
from desktop.services import lookups
from desktop.services.agencies import agency_name_at, agency_names_at
from desktop.services.plan_year import copy_plan_to_year
from desktop.services.records import current_plan

DISTRICTS = {"BIENHOA", "LONGKHANH", "CAMMY", "DINHQUAN", "LONGTHANH", "NHONTRACH", "TANPHU", "THONGNHAT",
             "TRANGBOM", "VINHCUU", "XUANLOC"}


def _by_code(store) -> dict[str, dict]:
    return {row["code"]: row for row in store.repo("agencies").rows()}


def test_validity_rules_by_hand():
    district = {"valid_to": "2025-06-30"}
    commune = {"valid_from": "2025-07-01"}
    assert rules.in_force_in_year(district, 2024) and rules.in_force_in_year(district, 2025)
    assert not rules.in_force_in_year(district, 2026)
    assert not rules.in_force_in_year(commune, 2024) and rules.in_force_in_year(commune, 2025)
    assert rules.ended_before(district, "2025-07-01") and not rules.ended_before(district, "2025-06-30")
    renamed = {"name": "Sở Nông nghiệp và Môi trường", "former_name": "Sở Nông nghiệp", "renamed_on": "2025-03-01"}
    assert rules.name_at(renamed, dt.date(2024, 12, 31)) == "Sở Nông nghiệp"
    assert rules.name_at(renamed, "2025-03-01") == "Sở Nông nghiệp và Môi trường"
    assert rules.name_at(renamed, None) == "Sở Nông nghiệp và Môi trường"


def test_pick_lists_of_a_2026_plan_offer_no_ended_agency(seeded_store):
    plan_2024 = current_plan(seeded_store)
    plan_2026 = copy_plan_to_year(seeded_store, plan_2024["id"], 2026)
    codes = {row["id"]: row["code"] for row in seeded_store.repo("agencies").rows()}
    for entity, field in (("tasks", "lead_agency_id"), ("tasks", "coordinating_ids"),
                          ("responsibilities", "agency_ids"), ("office_reports", "agency_id")):
        offered_2026 = {codes[i] for i, _ in lookups.options(seeded_store, BY_NAME[entity].field(field), plan_2026)}
        offered_2024 = {codes[i] for i, _ in lookups.options(seeded_store, BY_NAME[entity].field(field),
                                                            plan_2024["id"])}
        assert not offered_2026 & DISTRICTS, (entity, field)
        assert {"SCT", "STC", "UBND_TINH"} <= offered_2026
        assert DISTRICTS <= offered_2024  # they existed in 2024


def test_an_ended_agency_keeps_every_row_pointing_at_it(seeded_store):
    agencies = _by_code(seeded_store)
    plan = current_plan(seeded_store)
    reports = seeded_store.repo("office_reports").rows(plan_id=plan["id"],
                                                       agency_id=agencies["LONGTHANH"]["id"])
    assert len(reports) == 1
    seeded_store.repo("agencies").update(agencies["LONGTHANH"]["id"], {"valid_to": "2025-06-30"})
    assert seeded_store.repo("office_reports").get(reports[0]["id"])["agency_id"] == agencies["LONGTHANH"]["id"]


def test_a_renamed_agency_prints_its_old_name_on_documents_dated_before_the_rename(seeded_store):
    agencies = _by_code(seeded_store)
    stc = agencies["STC"]
    seeded_store.repo("agencies").update(stc["id"], {"name": "Sở Tài chính tỉnh Đồng Nai",
                                                     "former_name": "Sở Tài chính", "renamed_on": "2025-03-01"})
    plan = current_plan(seeded_store)
    assert agency_name_at(seeded_store, stc["id"], "2024-12-20") == "Sở Tài chính"
    assert agency_name_at(seeded_store, stc["id"], "2025-03-01") == "Sở Tài chính tỉnh Đồng Nai"
    assert agency_names_at(seeded_store, dt.date(2026, 1, 1))[stc["id"]] == "Sở Tài chính tỉnh Đồng Nai"
    facts = office_report_facts(seeded_store, plan["id"], dt.date(2024, 12, 20))
    assert "Sở Tài chính" in {row["agency"] for row in facts.rows}
    assert "Sở Tài chính tỉnh Đồng Nai" not in {row["agency"] for row in facts.rows}
    later = office_report_facts(seeded_store, plan["id"], dt.date(2025, 12, 20))
    assert "Sở Tài chính tỉnh Đồng Nai" in {row["agency"] for row in later.rows}
    assert task_facts(seeded_store, plan["id"], dt.date(2024, 12, 20)).rows  # tasks print through the same names


def test_the_2024_plan_report_names_the_districts_after_they_ended(seeded_store):
    plan = current_plan(seeded_store)
    document = build_report(seeded_store, "plan-report", plan_id=plan["id"])
    assert "UBND huyện Long Thành" in str(document)


def test_a_rename_needs_both_its_former_name_and_its_date(seeded_store):
    stc = _by_code(seeded_store)["STC"]
    with pytest.raises(ValidationError) as error:
        seeded_store.repo("agencies").update(stc["id"], {"former_name": "Sở Tài chính cũ"})
    assert error.value.fields == ["renamed_on"]


def test_successors_are_stored_as_a_list_of_agencies(seeded_store):
    agencies = _by_code(seeded_store)
    new = seeded_store.repo("agencies").add({"code": "X_LONGTHANH", "name": "UBND xã Long Thành", "kind": "commune",
                                             "valid_from": "2025-07-01"})
    seeded_store.repo("agencies").update(agencies["LONGTHANH"]["id"], {"successor_ids": [new["id"]]})
    stored = seeded_store.repo("agencies").get(agencies["LONGTHANH"]["id"])
    assert rules.successor_ids(stored) == [new["id"]]
    with pytest.raises(ValidationError):  # an unknown successor is refused like any reference
        seeded_store.repo("agencies").update(agencies["CAMMY"]["id"], {"successor_ids": ["no-such-agency"]})
