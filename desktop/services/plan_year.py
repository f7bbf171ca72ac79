"""New plan year: copy a plan's structure into another year with progress and actuals cleared."""

from __future__ import annotations

import datetime as dt

from desktop.store import Store, StoreError

_CLEARED_TASK = {"status": "not_started", "progress": 0, "result": ""}


def _shift(iso: str | None, years: int) -> str | None:
    if not iso:
        return iso
    date = dt.date.fromisoformat(iso)
    try:
        return date.replace(year=date.year + years).isoformat()
    except ValueError:  # 29 February into a common year
        return date.replace(year=date.year + years, day=28).isoformat()


def copy_plan_to_year(store: Store, plan_id: str, year: int) -> str:
    """Create the plan of `year` from plan `plan_id`: legal bases, objectives and indicators (targets kept, actuals
    cleared), tasks (status, progress and results cleared; dates moved by the years between), responsibilities,
    budget lines and the office reports owed (submissions cleared). Returns the new plan's id. One transaction."""
    source = store.repo("plans").get(plan_id)
    if store.repo("plans").count(year=year):
        raise StoreError(f"Đã có kế hoạch năm {year}.")
    years = year - int(source["year"])
    fields = store.repo("plans").spec.field_names
    with store.atomic():
        plan = {name: source[name] for name in fields}
        plan.update({
            "year": year, "number": "", "issue_date": None, "status": "draft",
            "title": str(source["title"]).replace(str(source["year"]), str(year)),
            "funding_source": str(source["funding_source"] or "").replace(str(source["year"]), str(year)),
            "budget_intro": "",
        })
        new_plan = store.repo("plans").add(plan)["id"]
        _copy(store, "legal_bases", "plan_id", plan_id, new_plan)
        for objective in store.repo("objectives").list("plan_id = ?", [plan_id]):
            new_objective = _copy_row(store, "objectives", objective, {"plan_id": new_plan})
            _copy(store, "indicators", "objective_id", objective["id"], new_objective, {"actual": None})
        task_ids: dict[str, str] = {}
        tasks = store.repo("tasks").list("plan_id = ?", [plan_id])
        for task in sorted(tasks, key=lambda t: t["parent_id"] is not None):
            changes = {"plan_id": new_plan, "parent_id": task_ids.get(task["parent_id"]) if task["parent_id"] else None,
                       "start_date": _shift(task["start_date"], years), "end_date": _shift(task["end_date"], years),
                       **_CLEARED_TASK}
            task_ids[task["id"]] = _copy_row(store, "tasks", task, changes)
        for row in store.repo("responsibilities").list("plan_id = ?", [plan_id]):
            _copy_row(store, "responsibilities", row, {"plan_id": new_plan,
                                                       "report_deadline": _shift(row["report_deadline"], years)})
        for row in store.repo("budget_lines").list("plan_id = ?", [plan_id]):
            _copy_row(store, "budget_lines", row, {"plan_id": new_plan, "task_id": task_ids.get(row["task_id"])})
        for row in store.repo("office_reports").list("plan_id = ?", [plan_id]):
            _copy_row(store, "office_reports", row, {
                "plan_id": new_plan, "due_date": _shift(row["due_date"], years), "submitted_date": None,
                "summary": "", "period": str(row["period"] or "").replace(str(source["year"]), str(year))},
                owner=row["owner"])
    return new_plan


def _copy_row(store: Store, entity: str, row: dict, changes: dict, owner: str | None = None) -> str:
    repo = store.repo(entity)
    data = {name: row[name] for name in repo.spec.field_names}
    data.update(changes)
    return repo.add(data, owner=owner)["id"]


def _copy(store: Store, entity: str, parent_field: str, old_parent: str, new_parent: str,
          changes: dict | None = None) -> None:
    for row in store.repo(entity).list(f'"{parent_field}" = ?', [old_parent]):
        _copy_row(store, entity, row, {parent_field: new_parent, **(changes or {})})
