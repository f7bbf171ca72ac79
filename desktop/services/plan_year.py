"""New plan year: copy a plan's structure into another year with progress and actuals cleared, in the structure of
that year: agencies that ended before it are replaced by their successors (see desktop.services.new_year)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping

from desktop.domain.rows import Row
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


AgencyMap = Mapping[str, list[str]]
"""Old agency id -> the agencies that take its place in the new year's rows ([] drops it from them)."""


def copy_plan_to_year(store: Store, plan_id: str, year: int, agency_map: AgencyMap | None = None) -> str:
    """Create the plan of `year` from plan `plan_id`: legal bases, objectives and indicators (targets kept, actuals
    cleared), tasks (status, progress and results cleared; dates moved by the years between), responsibilities,
    budget lines and the office reports owed (submissions cleared). Returns the new plan's id. One transaction.

    `agency_map` replaces agencies in the copied tasks, responsibilities and office reports: a list of agencies
    (coordinating, responsible) takes every replacement, a single reference (lead agency, report recipient) the
    first, and a report owed by a replaced agency is owed by each of its replacements (one row each). The source
    plan's rows are never changed."""
    mapping = dict(agency_map or {})
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
        new_plan = str(store.repo("plans").add(plan)["id"])
        _copy(store, "legal_bases", "plan_id", plan_id, new_plan)
        for objective in store.repo("objectives").rows(plan_id=plan_id):
            new_objective = _copy_row(store, "objectives", objective, {"plan_id": new_plan})
            _copy(store, "indicators", "objective_id", objective["id"], new_objective, {"actual": None})
        task_ids: dict[str, str] = {}
        tasks = store.repo("tasks").rows(plan_id=plan_id)
        for task in sorted(tasks, key=lambda t: t["parent_id"] is not None):
            changes = {"plan_id": new_plan, "parent_id": task_ids.get(task["parent_id"]) if task["parent_id"] else None,
                       "start_date": _shift(task["start_date"], years), "end_date": _shift(task["end_date"], years),
                       "lead_agency_id": _map_one(task["lead_agency_id"], mapping),
                       "coordinating_ids": _map_list(task["coordinating_ids"], mapping),
                       **_CLEARED_TASK}
            task_ids[task["id"]] = _copy_row(store, "tasks", task, changes)
        for row in store.repo("responsibilities").rows(plan_id=plan_id):
            _copy_row(store, "responsibilities", row, {"plan_id": new_plan,
                                                       "report_deadline": _shift(row["report_deadline"], years),
                                                       "agency_ids": _map_list(row["agency_ids"], mapping)})
        for row in store.repo("budget_lines").rows(plan_id=plan_id):
            _copy_row(store, "budget_lines", row, {"plan_id": new_plan, "task_id": task_ids.get(row["task_id"])})
        codes = {a["id"]: a["code"] for a in store.repo("agencies").rows(include_deleted=True)}
        for row in store.repo("office_reports").rows(plan_id=plan_id):
            changes = {"plan_id": new_plan, "due_date": _shift(row["due_date"], years), "submitted_date": None,
                       "summary": "", "period": str(row["period"] or "").replace(str(source["year"]), str(year)),
                       "recipient_id": _map_one(row["recipient_id"], mapping)}
            if row["agency_id"] not in mapping:
                _copy_row(store, "office_reports", row, changes, owner=row["owner"])
                continue
            for successor in mapping[row["agency_id"]]:  # each successor owes the report (its own row)
                _copy_row(store, "office_reports", row, {**changes, "agency_id": successor},
                          owner=codes.get(successor, row["owner"]))
    return new_plan


def _map_one(agency_id: str | None, mapping: Mapping[str, list[str]]) -> str | None:
    if not agency_id or agency_id not in mapping:
        return agency_id
    replacements = mapping[agency_id]
    return replacements[0] if replacements else None


def _map_list(value: object, mapping: Mapping[str, list[str]]) -> list[str]:
    ids = json.loads(value) if isinstance(value, str) and value else list(value or [])  # type: ignore[call-overload]  # stored JSON text or a list
    result: list[str] = []
    for agency_id in ids:
        for new_id in mapping.get(agency_id, [agency_id]):
            if new_id not in result:
                result.append(new_id)
    return result


def _copy_row(store: Store, entity: str, row: Row, changes: Row, owner: str | None = None) -> str:
    repo = store.repo(entity)
    data = {name: row[name] for name in repo.spec.field_names}
    data.update(changes)
    return str(repo.add(data, owner=owner)["id"])


def _copy(store: Store, entity: str, parent_field: str, old_parent: str, new_parent: str,
          changes: Row | None = None) -> None:
    for row in store.repo(entity).matching({parent_field: old_parent}):
        _copy_row(store, entity, row, {parent_field: new_parent, **(changes or {})})
