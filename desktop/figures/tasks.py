"""Task figures: the outline with content items computed from their activities, counts by status, overdue tasks."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field

from desktop.domain import choices as ch
from desktop.domain import derived
from desktop.domain.agencies import name_at
from desktop.domain.rows import Row
from desktop.figures.rounding import half_up
from desktop.store import Store


@dataclass
class TaskFigures:
    """The plan's tasks in outline order with counts by status (activities only) as of a date.

    `rows` are the stored tasks with: depth, lead and coordinating agency names, `status`/`progress` as computed (a
    content item's from its activities), `stored_status`/`stored_progress` as typed, `status_title`, `overdue`.
    """

    rows: list[Row] = field(default_factory=list)
    activities: int = 0
    by_status: Counter[str] = field(default_factory=Counter)
    average_progress: float = 0.0
    overdue: list[Row] = field(default_factory=list)
    by_code: dict[str, Row] = field(default_factory=dict)


def agency_names(store: Store, on: dt.date | None = None) -> dict[str, str]:
    """Agency id -> the name it bore on `on`, the document's date (deleted agencies included: history keeps
    pointing at them). The same rule as services.agencies.agency_name_at."""
    return {a["id"]: name_at(a, on) for a in store.repo("agencies").rows(include_deleted=True)}


def rolled_up(activities: list[Row]) -> tuple[str, float]:
    """The status and progress of a content item from its activities: progress is their mean (rounded half up to a
    whole per cent); the status is "done" when every activity is done, "not_started" when none has started (all not
    started, progress 0), "paused" when every unfinished activity is paused, else "in_progress"."""
    if not activities:
        return "not_started", 0.0
    progress = half_up(sum(float(a["progress"] or 0) for a in activities) / len(activities), 0) or 0.0
    statuses = [a["status"] for a in activities]
    if all(s == "done" for s in statuses):
        return "done", progress
    if all(s == "not_started" for s in statuses) and not progress:
        return "not_started", 0.0
    unfinished = [s for s in statuses if s != "done"]
    if unfinished and all(s == "paused" for s in unfinished):
        return "paused", progress
    return "in_progress", progress


def task_figures(store: Store, plan_id: str, as_of: dt.date) -> TaskFigures:
    """Tasks in outline order (content items followed by their activities).

    Rules: counts, the average progress and the overdue list are over activities (content items summarise them);
    the average is the mean of the activities' progress rounded half up to one decimal; a task is overdue at `as_of`
    when it is not done and its deadline is before `as_of`. A plan with no activities counts its content items.
    """
    names = agency_names(store, as_of)
    tasks = store.repo("tasks").rows(plan_id=plan_id, order_by=("seq", "rowid"))
    children: dict[str | None, list[Row]] = {}
    ids = {t["id"] for t in tasks}
    for task in tasks:
        parent = task["parent_id"] if task["parent_id"] in ids else None
        children.setdefault(parent, []).append(task)
    figures = TaskFigures()

    def enrich(task: Row, depth: int) -> Row:
        coordinating = [names.get(i, "") for i in json.loads(task["coordinating_ids"] or "[]")]
        row = {**task, "depth": depth, "lead": names.get(task["lead_agency_id"] or "", ""),
               "coordinating": ", ".join(n for n in coordinating if n),
               "stored_status": task["status"], "stored_progress": float(task["progress"] or 0)}
        return row

    def walk(parent: str | None, depth: int) -> list[Row]:
        out = []
        for task in children.get(parent, []):
            row = enrich(task, depth)
            figures.rows.append(row)
            below = walk(task["id"], depth + 1)
            activities = [r for r in below if r["kind"] == "activity"]
            if task["kind"] == "content" and activities:
                row["status"], row["progress"] = rolled_up(activities)
            row["progress"] = float(row["progress"] or 0)
            row["status_title"] = ch.title_of(ch.TASK_STATUSES, row["status"])
            row["overdue"] = derived.task_is_overdue(row, as_of)
            out += [row, *below]
        return out

    walk(None, 0)
    figures.by_code = {r["code"]: r for r in figures.rows if r.get("code")}
    leaves = [t for t in figures.rows if t["kind"] == "activity"] or figures.rows
    figures.activities = len(leaves)
    figures.by_status = Counter(t["status"] for t in leaves)
    if leaves:
        figures.average_progress = half_up(sum(t["progress"] for t in leaves) / len(leaves), 1) or 0.0
    figures.overdue = [t for t in leaves if t["overdue"]]
    return figures
