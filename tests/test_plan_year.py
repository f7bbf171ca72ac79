"""New plan year and one plan a year."""

import pytest

from desktop.domain.errors import ValidationError
from desktop.services.plan_year import copy_plan_to_year
from desktop.services.records import current_plan
from desktop.services.summary import database_summary
from desktop.store import StoreError


def test_copy_plan_to_next_year_keeps_structure_and_clears_progress(seeded_store):
    plan = current_plan(seeded_store)
    tasks = seeded_store.repo("tasks")
    first = tasks.rows(plan_id=plan["id"], kind="activity")[0]
    tasks.update(first["id"], {"progress": 80, "status": "in_progress", "result": "Đã tổ chức"})
    new_id = copy_plan_to_year(seeded_store, plan["id"], 2025)
    summary = {p["year"]: p for p in database_summary(seeded_store)["plans"]}
    for key in ("legal_bases", "objectives", "indicators", "content_items", "activities", "responsibilities"):
        assert summary[2025][key] == summary[2024][key], key
    assert summary[2025]["deadlines"] == ["2025-12-01", "2025-12-25"]
    copied = tasks.rows(plan_id=new_id)
    assert {t["progress"] for t in copied} == {0}
    assert {t["status"] for t in copied} == {"not_started"}
    assert all(not t["result"] for t in copied)
    assert seeded_store.repo("plans").get(new_id)["title"].endswith("năm 2025")


def test_a_second_plan_for_the_same_year_is_refused(seeded_store):
    plan = current_plan(seeded_store)
    with pytest.raises(StoreError):
        copy_plan_to_year(seeded_store, plan["id"], 2024)
    other = copy_plan_to_year(seeded_store, plan["id"], 2025)
    with pytest.raises(ValidationError) as error:
        seeded_store.repo("plans").update(other, {"year": 2024})
    assert error.value.fields == ["year"]
