"""Pilot-survey actions: choosing the model enterprise."""

from __future__ import annotations

from desktop.store import Store


def choose_model_enterprise(store: Store, plan_id: str, enterprise_id: str) -> None:
    """Make `enterprise_id` the plan's one model enterprise (clearing the mark on any other), in one transaction."""
    repo = store.repo("enterprises")
    with store.atomic():
        for row in (r for r in repo.rows(plan_id=plan_id, is_model=1) if r["id"] != enterprise_id):
            repo.update(row["id"], {"is_model": 0})
        repo.update(enterprise_id, {"is_model": 1, "surveyed": 1})
