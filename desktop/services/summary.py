"""The plan summary: counts and totals of every plan, as `sxtdbv summary --json` prints them."""

from __future__ import annotations

from typing import TypedDict

from desktop.domain.rows import Row
from desktop.store import Store


class PlanSummary(TypedDict):
    """Counts (live rows only) and totals of one plan; the keys are those of `summary --json`."""

    id: str
    number: str
    year: int
    title: str
    total_budget: int
    budget_lines_total: int
    legal_bases: int
    objectives: int
    indicators: int
    content_items: int
    activities: int
    responsibilities: int
    participants: int
    enterprises: int
    deadlines: list[str]


class DatabaseSummary(TypedDict):
    """The whole database: schema version, number of agencies, each plan's summary (by year)."""

    schema_version: int
    agencies: int
    plans: list[PlanSummary]


def plan_summary(store: Store, plan: Row) -> PlanSummary:
    """Counts (live rows only) and totals of one plan."""
    plan_id = plan["id"]
    objectives = store.repo("objectives").rows(plan_id=plan_id)
    courses = store.repo("training_courses").rows(plan_id=plan_id)
    deadlines = {str(d) for d in store.repo("responsibilities").distinct("report_deadline", plan_id=plan_id)}
    deadlines |= {str(d) for d in store.repo("office_reports").distinct("due_date", plan_id=plan_id)}
    return {
        "id": plan_id,
        "number": plan["number"],
        "year": plan["year"],
        "title": plan["title"],
        "total_budget": plan["total_budget"],
        "budget_lines_total": int(store.repo("budget_lines").total("amount", plan_id=plan_id)),
        "legal_bases": store.repo("legal_bases").count(plan_id=plan_id),
        "objectives": len(objectives),
        "indicators": sum(store.repo("indicators").count(objective_id=o["id"]) for o in objectives),
        "content_items": store.repo("tasks").count(plan_id=plan_id, kind="content"),
        "activities": store.repo("tasks").count(plan_id=plan_id, kind="activity"),
        "responsibilities": store.repo("responsibilities").count(plan_id=plan_id),
        "participants": sum(store.repo("participants").count(course_id=c["id"]) for c in courses),
        "enterprises": store.repo("enterprises").count(plan_id=plan_id),
        "deadlines": sorted(deadlines),
    }


def database_summary(store: Store) -> DatabaseSummary:
    """The whole database: schema version, number of agencies, and each plan's summary (by year)."""
    plans = store.repo("plans").rows(order_by=("year", "rowid"))
    return {
        "schema_version": store.schema_version,
        "agencies": store.repo("agencies").count(),
        "plans": [plan_summary(store, plan) for plan in plans],
    }
