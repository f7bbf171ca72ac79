"""Figures computed from a plan's rows, for the dashboard, the pages' totals and the printed summaries."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from desktop.domain import derived
from desktop.store import Row, Store


def _live(store: Store, entity: str, **equals: object) -> list[Row]:
    return store.repo(entity).rows(**equals)


def task_figures(store: Store, plan_id: str, today: dt.date | None = None) -> dict:
    """Activities by status, the average progress (activities only) and the overdue tasks."""
    tasks = _live(store, "tasks", plan_id=plan_id)
    activities = [t for t in tasks if t["kind"] == "activity"] or tasks
    progress = [float(t["progress"] or 0) for t in activities]
    return {
        "count": len(activities),
        "by_status": dict(Counter(t["status"] for t in activities)),
        "average_progress": sum(progress) / len(progress) if progress else 0.0,
        "overdue": [t for t in tasks if derived.task_is_overdue(t, today)],
    }


def budget_figures(store: Store, plan_id: str) -> dict:
    """Allocated (sum of lines), the plan total, the difference, disbursed per line and overall, execution %."""
    plan = store.repo("plans").get(plan_id)
    lines = _live(store, "budget_lines", plan_id=plan_id)
    disbursed_by_line: dict[str, int] = {}
    for row in store.db.execute(
        "SELECT d.budget_line_id, sum(d.amount) FROM disbursements d JOIN budget_lines b ON b.id = d.budget_line_id "
        "WHERE d.deleted = 0 AND b.deleted = 0 AND b.plan_id = ? GROUP BY d.budget_line_id", [plan_id]
    ).fetchall():
        disbursed_by_line[row[0]] = int(row[1] or 0)
    allocated = sum(int(line["amount"] or 0) for line in lines)
    disbursed = sum(disbursed_by_line.values())
    total = int(plan["total_budget"] or 0)
    return {
        "plan_total": total,
        "allocated": allocated,
        "difference": total - allocated,
        "disbursed": disbursed,
        "remaining": allocated - disbursed,
        "execution_percent": derived.execution_percent(disbursed, allocated),
        "disbursed_by_line": disbursed_by_line,
        "lines": len(lines),
    }


def training_figures(store: Store, course_id: str) -> dict:
    """Participants of a course: count vs target, counts by organisation kind and gender, evaluation averages."""
    course = store.repo("training_courses").get(course_id)
    people = _live(store, "participants", course_id=course_id)

    def average(key: str) -> float | None:
        values = [float(p[key]) for p in people if p.get(key) is not None]
        return sum(values) / len(values) if values else None

    return {
        "count": len(people),
        "attended": sum(1 for p in people if p.get("attended")),
        "target": int(course.get("target_participants") or 0),
        "by_org_kind": dict(Counter(p["org_kind"] or "" for p in people)),
        "by_gender": dict(Counter(p["gender"] or "" for p in people)),
        "average_pre": average("pre_score"),
        "average_post": average("post_score"),
        "average_satisfaction": average("satisfaction"),
    }


def plan_training_figures(store: Store, plan_id: str) -> dict:
    """Participants over all courses of the plan, against the target of the courses (200 in the 2024 plan)."""
    courses = _live(store, "training_courses", plan_id=plan_id)
    total = {"courses": len(courses), "count": 0, "target": 0}
    for course in courses:
        figures = training_figures(store, course["id"])
        total["count"] += figures["count"]
        total["target"] += figures["target"]
    if not courses:
        total["target"] = _indicator_target(store, plan_id, "người") or 0
    return total


def _indicator_target(store: Store, plan_id: str, unit: str) -> int | None:
    row = store.db.execute(
        "SELECT i.target FROM indicators i JOIN objectives o ON o.id = i.objective_id WHERE i.deleted = 0 "
        "AND o.deleted = 0 AND o.plan_id = ? AND i.unit = ? ORDER BY o.seq, i.seq LIMIT 1", [plan_id, unit]
    ).fetchone()
    return int(row[0]) if row and row[0] is not None else None


def survey_figures(store: Store, plan_id: str) -> dict:
    """Enterprises surveyed against the target (5 in the 2024 plan) and the model enterprise chosen."""
    enterprises = _live(store, "enterprises", plan_id=plan_id)
    target = _indicator_target(store, plan_id, "doanh nghiệp")
    return {
        "enterprises": len(enterprises),
        "surveyed": sum(1 for e in enterprises if e.get("surveyed")),
        "target": target if target is not None else 5,
        "model": next((e for e in enterprises if e.get("is_model")), None),
    }


def selection_ranking(store: Store, plan_id: str) -> list[dict]:
    """Each enterprise's weighted score over the plan's criteria, best first."""
    criteria = {c["id"]: float(c["weight"] or 0) for c in _live(store, "selection_criteria", plan_id=plan_id)}
    ranking = []
    for enterprise in _live(store, "enterprises", plan_id=plan_id):
        scores = {s["criterion_id"]: float(s["score"]) for s in
                  _live(store, "selection_scores", enterprise_id=enterprise["id"])}
        ranking.append({"enterprise": enterprise, "scores": scores,
                        "weighted": derived.weighted_score(scores, criteria)})
    ranking.sort(key=lambda r: -1 if r["weighted"] is None else r["weighted"], reverse=True)
    return ranking


def office_report_figures(store: Store, plan_id: str, today: dt.date | None = None) -> dict:
    """Office reports by state (on time, late, not yet due, missing) and the list of offices that have not reported."""
    reports = _live(store, "office_reports", plan_id=plan_id)
    states = [(r, derived.report_state(r["due_date"], r["submitted_date"], today)) for r in reports]
    return {
        "count": len(reports),
        "by_state": dict(Counter(state for _, state in states)),
        "missing": [r for r, state in states if state == derived.MISSING],
        "not_submitted": [r for r, state in states if state in (derived.MISSING, derived.NOT_YET_DUE)],
    }


def dashboard(store: Store, plan_id: str, today: dt.date | None = None) -> dict:
    """Everything the Tổng quan page shows."""
    return {
        "tasks": task_figures(store, plan_id, today),
        "budget": budget_figures(store, plan_id),
        "training": plan_training_figures(store, plan_id),
        "survey": survey_figures(store, plan_id),
        "reports": office_report_figures(store, plan_id, today),
    }
