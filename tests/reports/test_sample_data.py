"""Sample data: a plan filled through the repositories, realistic and consistent with the plan's rules."""

from __future__ import annotations

import pytest

from desktop.cli import main
from desktop.domain.taxcode import tax_code_error
from desktop.services.sample_data import fill_sample_data
from desktop.store import StoreError


@pytest.fixture
def filled(seeded_store):
    plan_id = seeded_store.repo("plans").rows()[0]["id"]
    counts = fill_sample_data(seeded_store, plan_id, participants=120, seed=3)
    return seeded_store, plan_id, counts


def test_budget_lines_add_up_to_the_plan_total(filled):
    store, plan_id, _ = filled
    lines = store.repo("budget_lines").rows(plan_id=plan_id)
    assert sum(line["amount"] for line in lines) == 1_394_200_000
    for line in lines:
        assert line["amount"] == round(line["quantity"] * line["unit_price"])
    disbursed = sum(d["amount"] for d in store.repo("disbursements").rows())
    assert 0 < disbursed < 1_394_200_000


def test_course_participants_and_every_kind_of_organisation(filled):
    store, _, counts = filled
    people = store.repo("participants").rows()
    assert len(people) == counts["participants"] == 120
    assert {p["gender"] for p in people} == {"male", "female"}
    assert {"department", "district", "enterprise_zone", "enterprise", "commerce", "production"} <= {
        p["org_kind"] for p in people}
    attended = [p for p in people if p["attended"]]
    assert all(p["post_score"] >= p["pre_score"] for p in attended)


def test_five_chemical_enterprises_with_valid_tax_codes_and_one_model(filled):
    store, plan_id, _ = filled
    enterprises = store.repo("enterprises").rows(plan_id=plan_id)
    assert len(enterprises) == 5
    assert all(tax_code_error(e["tax_code"]) is None for e in enterprises)
    assert all(e["vsic_code"].startswith("20") for e in enterprises)
    assert all("(mẫu)" in e["name"] for e in enterprises)
    assert sum(e["is_model"] for e in enterprises) == 1
    assert store.repo("consumption_records").count() == 50


def test_office_reports_on_time_late_and_missing(filled):
    store, plan_id, _ = filled
    reports = [r for r in store.repo("office_reports").rows(plan_id=plan_id) if r["due_date"] == "2024-12-01"]
    on_time = [r for r in reports if r["submitted_date"] and r["submitted_date"] <= r["due_date"]]
    late = [r for r in reports if r["submitted_date"] and r["submitted_date"] > r["due_date"]]
    missing = [r for r in reports if not r["submitted_date"]]
    assert on_time and late and missing


def test_same_seed_same_data(seeded_store, tmp_path):
    from desktop.services.setup import init_database

    other = init_database(tmp_path / "other.db")
    try:
        names = []
        for store in (seeded_store, other):
            plan_id = store.repo("plans").rows()[0]["id"]
            fill_sample_data(store, plan_id, participants=20, seed=7)
            names.append([p["full_name"] for p in store.repo("participants").rows()])
        assert names[0] == names[1]
    finally:
        other.close()


def test_refused_twice(filled):
    store, plan_id, _ = filled
    with pytest.raises(StoreError, match="đã có"):
        fill_sample_data(store, plan_id)


def test_cli_sample_data(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    assert main(["--db", db, "init"]) == 0
    assert main(["--db", db, "sample-data", "--participants", "40"]) == 0
    assert "40 học viên" in capsys.readouterr().out
    assert main(["--db", db, "sample-data"]) == 1
    assert "đã có" in capsys.readouterr().err
