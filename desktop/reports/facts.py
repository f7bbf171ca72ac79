"""The figures the summaries print, gathered from the store (Qt-free): tasks, training, survey, budget, reports."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field

from desktop.domain import choices as ch
from desktop.domain import derived
from desktop.domain.agencies import name_at
from desktop.store import Store


@dataclass
class TaskFacts:
    """The plan's tasks in outline order, with counts by status."""

    rows: list[dict] = field(default_factory=list)
    activities: int = 0
    by_status: Counter = field(default_factory=Counter)
    average_progress: float = 0.0
    overdue: list[dict] = field(default_factory=list)


@dataclass
class TrainingFacts:
    """The plan's course(s), participants and evaluation."""

    courses: list[dict] = field(default_factory=list)
    participants: list[dict] = field(default_factory=list)
    materials: list[dict] = field(default_factory=list)
    target: int = 0
    attended: int = 0
    by_gender: Counter = field(default_factory=Counter)
    by_org_kind: Counter = field(default_factory=Counter)
    pre_average: float | None = None
    post_average: float | None = None
    satisfaction: Counter = field(default_factory=Counter)
    satisfied_percent: float | None = None


@dataclass
class SurveyFacts:
    """Surveyed enterprises with consumption, intensity, TOE, solutions and selection scores."""

    enterprises: list[dict] = field(default_factory=list)
    periods: list[str] = field(default_factory=list)
    consumption: dict[str, list[dict]] = field(default_factory=dict)
    toe_by_period: dict[str, dict[str, float]] = field(default_factory=dict)
    solutions: dict[str, list[dict]] = field(default_factory=dict)
    criteria: list[dict] = field(default_factory=list)
    scores: dict[str, dict[str, float]] = field(default_factory=dict)
    weighted: dict[str, float | None] = field(default_factory=dict)
    model: dict | None = None
    workshops: list[dict] = field(default_factory=list)


@dataclass
class BudgetFacts:
    """Estimate lines against the plan total, with disbursements."""

    total_budget: int = 0
    lines: list[dict] = field(default_factory=list)
    estimate_total: int = 0
    disbursed_total: int = 0
    disbursed_by_line: dict[str, int] = field(default_factory=dict)
    disbursements: list[dict] = field(default_factory=list)
    by_source: dict[str, tuple[int, int]] = field(default_factory=dict)
    by_task: list[tuple[str, int, int]] = field(default_factory=list)


@dataclass
class OfficeReportFacts:
    """Office reports by state (on time, late, missing, not yet due) at the report date."""

    rows: list[dict] = field(default_factory=list)
    by_state: dict[str, list[dict]] = field(default_factory=dict)


def agency_names(store: Store, on: dt.date | None = None) -> dict[str, str]:
    """Agency id -> the name it bore on `on`, the document's date (tombstoned agencies included: history keeps
    pointing at them). The same rule as services.agencies.agency_name_at."""
    return {a["id"]: name_at(a, on) for a in store.repo("agencies").rows(include_deleted=True)}


def task_facts(store: Store, plan_id: str, today: dt.date) -> TaskFacts:
    """Tasks in outline order (content items followed by their activities) with agency names and status titles."""
    names = agency_names(store, today)
    tasks = store.repo("tasks").rows(plan_id=plan_id, order_by=("seq", "rowid"))
    children: dict[str | None, list[dict]] = {}
    for task in tasks:
        children.setdefault(task["parent_id"], []).append(task)
    facts = TaskFacts()

    def walk(parent: str | None, depth: int) -> None:
        for task in children.get(parent, []):
            coordinating = [names.get(i, "") for i in json.loads(task["coordinating_ids"] or "[]")]
            facts.rows.append({**task, "depth": depth, "lead": names.get(task["lead_agency_id"] or "", ""),
                               "coordinating": ", ".join(n for n in coordinating if n),
                               "status_title": ch.title_of(ch.TASK_STATUSES, task["status"]),
                               "overdue": derived.task_is_overdue(task, today)})
            walk(task["id"], depth + 1)

    walk(None, 0)
    known = {t["id"] for t in facts.rows}
    for task in tasks:  # orphans (a parent deleted) still count
        if task["id"] not in known:
            facts.rows.append({**task, "depth": 0, "lead": "", "coordinating": "",
                               "status_title": ch.title_of(ch.TASK_STATUSES, task["status"]),
                               "overdue": derived.task_is_overdue(task, today)})
    leaves = [t for t in facts.rows if t["kind"] == "activity"] or facts.rows
    facts.activities = len(leaves)
    facts.by_status = Counter(t["status"] for t in leaves)
    facts.average_progress = sum(t["progress"] or 0 for t in leaves) / len(leaves) if leaves else 0.0
    facts.overdue = [t for t in leaves if t["overdue"]]
    return facts


def training_facts(store: Store, plan_id: str) -> TrainingFacts:
    """The plan's courses and the figures of their participants."""
    facts = TrainingFacts()
    facts.courses = store.repo("training_courses").rows(plan_id=plan_id, order_by=("start_date", "rowid"))
    for course in facts.courses:
        facts.target += course["target_participants"] or 0
        facts.participants += store.repo("participants").rows(course_id=course["id"])
        facts.materials += store.repo("training_materials").rows(course_id=course["id"])
    people = facts.participants
    present = [p for p in people if p["attended"]]
    facts.attended = len(present)
    facts.by_gender = Counter(p["gender"] or "" for p in people)
    facts.by_org_kind = Counter(p["org_kind"] or "" for p in people)
    pre = [p["pre_score"] for p in present if p["pre_score"] is not None]
    post = [p["post_score"] for p in present if p["post_score"] is not None]
    facts.pre_average = sum(pre) / len(pre) if pre else None
    facts.post_average = sum(post) / len(post) if post else None
    facts.satisfaction = Counter(p["satisfaction"] for p in present if p["satisfaction"])
    rated = sum(facts.satisfaction.values())
    if rated:
        facts.satisfied_percent = 100.0 * (facts.satisfaction[4] + facts.satisfaction[5]) / rated
    return facts


def survey_facts(store: Store, plan_id: str) -> SurveyFacts:
    """Enterprises with their consumption (intensity and TOE per record), solutions and weighted selection score."""
    facts = SurveyFacts()
    factors = store.repo("conversion_factors").rows()
    facts.enterprises = store.repo("enterprises").rows(plan_id=plan_id)
    facts.criteria = store.repo("selection_criteria").rows(plan_id=plan_id)
    weights = {c["id"]: c["weight"] for c in facts.criteria}
    periods: set[str] = set()
    for ent in facts.enterprises:
        records = store.repo("consumption_records").rows(enterprise_id=ent["id"])
        enriched = []
        for rec in records:
            factor = derived.toe_factor(factors, rec["resource"], rec["unit"])
            enriched.append({**rec, "resource_title": ch.title_of(ch.RESOURCES, rec["resource"]),
                             "intensity": derived.intensity(rec["quantity"], rec["product_output"]),
                             "toe": derived.toe(rec["quantity"], factor)})
            periods.add(rec["period"])
            if enriched[-1]["toe"] is not None:
                per = facts.toe_by_period.setdefault(ent["id"], {})
                per[rec["period"]] = per.get(rec["period"], 0.0) + enriched[-1]["toe"]
        facts.consumption[ent["id"]] = enriched
        facts.solutions[ent["id"]] = [
            {**s, "category_title": ch.title_of(ch.SOLUTION_CATEGORIES, s["category"]),
             "payback": derived.payback_years(s["investment"], s["annual_saving"])}
            for s in store.repo("solutions").rows(enterprise_id=ent["id"])]
        scores = {s["criterion_id"]: s["score"] for s in store.repo("selection_scores").rows(enterprise_id=ent["id"])}
        facts.scores[ent["id"]] = scores
        facts.weighted[ent["id"]] = derived.weighted_score(scores, weights)
        if ent["is_model"]:
            facts.model = ent
    facts.periods = sorted(periods)
    facts.workshops = store.repo("workshops").rows(plan_id=plan_id, order_by=("date", "rowid"))
    return facts


def budget_facts(store: Store, plan: dict) -> BudgetFacts:
    """The plan's estimate lines, what was disbursed on each, and totals by funding source and by task."""
    facts = BudgetFacts(total_budget=int(plan["total_budget"] or 0))
    facts.lines = store.repo("budget_lines").rows(plan_id=plan["id"])
    tasks = {t["id"]: t for t in store.repo("tasks").rows(plan_id=plan["id"])}
    by_task: dict[str, list[int]] = {}
    for line in facts.lines:
        paid = store.repo("disbursements").rows(budget_line_id=line["id"], order_by=("date", "rowid"))
        facts.disbursements += [{**d, "item": line["item"]} for d in paid]
        amount = sum(d["amount"] for d in paid)
        facts.disbursed_by_line[line["id"]] = amount
        facts.estimate_total += line["amount"] or 0
        facts.disbursed_total += amount
        source = line["funding_source"] or "Chưa ghi nguồn"
        est, dis = facts.by_source.get(source, (0, 0))
        facts.by_source[source] = (est + (line["amount"] or 0), dis + amount)
        task = tasks.get(line["task_id"] or "")
        top = task
        while top and top.get("parent_id") and top["parent_id"] in tasks:
            top = tasks[top["parent_id"]]
        key = top["code"] if top and top.get("code") else "Khác"
        pair = by_task.setdefault(key, [0, 0])
        pair[0] += line["amount"] or 0
        pair[1] += amount
    facts.disbursements.sort(key=lambda d: (d["date"], d["voucher"] or ""))
    facts.by_task = [(k, v[0], v[1]) for k, v in sorted(by_task.items())]
    return facts


def office_report_facts(store: Store, plan_id: str, today: dt.date) -> OfficeReportFacts:
    """The plan's office reports with agency names and their state at `today`."""
    names = agency_names(store, today)
    facts = OfficeReportFacts()
    for rep in store.repo("office_reports").rows(plan_id=plan_id, order_by=("due_date", "rowid")):
        state = derived.report_state(rep["due_date"], rep["submitted_date"], today)
        item = {**rep, "agency": names.get(rep["agency_id"], ""), "recipient": names.get(rep["recipient_id"] or "", ""),
                "state": state, "state_title": derived.REPORT_STATE_TITLES[state]}
        facts.rows.append(item)
        facts.by_state.setdefault(state, []).append(item)
    return facts
