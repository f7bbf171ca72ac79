"""The figures the pages and the dashboard show, as dicts, read from desktop.figures (one calculation per figure:
the same functions feed the printed documents). `today` is the as-of date (the real today when None)."""

from __future__ import annotations

import datetime as dt

from desktop.domain.rows import Row
from desktop.figures import budget, office_reports, plan, survey, tasks, training
from desktop.figures.plan import PlanFigures, as_of_line
from desktop.store import Store


def _as_of(today: dt.date | None) -> dt.date:
    return today or dt.date.today()


def task_figures(store: Store, plan_id: str, today: dt.date | None = None) -> Row:
    """Activities by status, the average progress (activities only) and the overdue activities."""
    f = tasks.task_figures(store, plan_id, _as_of(today))
    return {"count": f.activities, "by_status": dict(f.by_status), "average_progress": f.average_progress,
            "overdue": f.overdue}


def budget_figures(store: Store, plan_id: str) -> Row:
    """Allocated (sum of lines), the plan total, the difference (plan total − lines), disbursed, execution %."""
    f = budget.budget_figures(store, store.repo("plans").get(plan_id))
    return {
        "plan_total": f.total_budget,
        "allocated": f.estimate_total,
        "difference": f.difference,
        "disbursed": f.disbursed_total,
        "remaining": f.remaining,
        "execution_percent": f.execution_percent,
        "disbursed_by_line": f.disbursed_by_line,
        "lines": len(f.lines),
    }


def training_figures(store: Store, course_id: str) -> Row:
    """One course: registered vs target, attended, make-up of the attendees, evaluation averages (2 decimals)."""
    f = training.single_course_figures(store, course_id)
    return {
        "count": f.registered,
        "attended": f.attended,
        "target": f.target,
        "by_org_kind": dict(f.by_org_kind),
        "by_gender": dict(f.by_gender),
        "average_pre": f.pre_average,
        "average_post": f.post_average,
        "average_satisfaction": f.satisfaction_average,
    }


def plan_training_figures(store: Store, plan_id: str, today: dt.date | None = None, *,
                          figures: PlanFigures | None = None) -> Row:
    """Attendance over every course of the plan against the indicator's target (the courses' targets; the indicator
    of people trained when there is no course yet). `figures`: the plan's figures when already computed."""
    figures = figures or plan.plan_figures(store, plan_id, _as_of(today))
    f = figures.training
    target = f.target
    if not f.courses:
        target = int(next((i.target for i in figures.indicators if i.source == "attendance"), 0))
    return {"courses": len(f.courses), "count": f.attended, "registered": f.registered, "target": target}


def survey_figures(store: Store, plan_id: str, *, figures: PlanFigures | None = None) -> Row:
    """Enterprises surveyed against the indicator's target and the model enterprise chosen. `figures`: the plan's
    figures when already computed."""
    figures = figures or plan.plan_figures(store, plan_id)
    f = figures.survey
    targets = [i.target for i in figures.indicators if i.source == "surveyed"]
    return {"enterprises": len(f.enterprises), "surveyed": f.surveyed,
            "target": int(targets[0]) if targets else 5, "model": f.model}


def selection_ranking(store: Store, plan_id: str) -> list[Row]:
    """Each enterprise's weighted score over the plan's criteria (2 decimals, halves up), best first."""
    return survey.survey_figures(store, plan_id).ranking


def office_report_figures(store: Store, plan_id: str, today: dt.date | None = None) -> Row:
    """Office reports by state (on time, late, not yet due, missing) and the list of offices that have not reported."""
    f = office_reports.office_report_figures(store, plan_id, _as_of(today))
    return {
        "count": len(f.rows),
        "by_state": {state: len(rows) for state, rows in f.by_state.items()},
        "missing": f.missing,
        "not_submitted": f.not_submitted,
    }


def dashboard(store: Store, plan_id: str, today: dt.date | None = None) -> Row:
    """Everything the Tổng quan page shows, as of `today`, with the as-of line and the consistency warnings."""
    as_of = _as_of(today)
    figures = plan.plan_figures(store, plan_id, as_of)
    return {
        "as_of": as_of,
        "as_of_line": as_of_line(as_of),
        "tasks": task_figures(store, plan_id, as_of),
        "budget": budget_figures(store, plan_id),
        "training": plan_training_figures(store, plan_id, as_of, figures=figures),  # the plan's figures, once
        "survey": survey_figures(store, plan_id, figures=figures),
        "reports": office_report_figures(store, plan_id, as_of),
        "indicators": figures.indicators,
        "warnings": [w.text for w in figures.warnings],
    }
