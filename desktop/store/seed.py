"""Loading the embedded default: the 2024 Đồng Nai plan transcribed from the seed document (resources/seed/)."""

from __future__ import annotations

import json
from pathlib import Path

from desktop.domain.rows import Row
from desktop.paths import resource
from desktop.store.store import Store

SEED_FILE = "plan_2024.json"


def seed_path() -> Path:
    """The bundled seed file."""
    return resource("seed", SEED_FILE)


def load_seed(store: Store, path: Path | None = None) -> str:
    """Load the agencies, reference data and the plan of the seed file in one transaction; returns the plan id.

    Agencies that already exist (same code) are reused, so the seed can be loaded into a database that has some.
    """
    data = json.loads((path or seed_path()).read_text(encoding="utf-8"))
    with store.atomic():
        agencies = _load_agencies(store, data["agencies"])
        factors = store.repo("conversion_factors")
        if not factors.count():
            for row in data.get("conversion_factors", []):
                factors.add({**row, "source": data.get("conversion_factor_source", "")})
        plan_id: str = store.repo("plans").add(data["plan"])["id"]
        for seq, row in enumerate(data["legal_bases"], 1):
            store.repo("legal_bases").add({**row, "plan_id": plan_id, "seq": seq})
        _load_objectives(store, plan_id, data["objectives"])
        _load_tasks(store, plan_id, data["tasks"], data.get("task_defaults", {}), agencies)
        for seq, row in enumerate(data["responsibilities"], 1):
            ids = [agencies[c] for c in row.get("agencies", [])]
            fields = {k: v for k, v in row.items() if k != "agencies"}
            store.repo("responsibilities").add({**fields, "plan_id": plan_id, "seq": seq, "agency_ids": ids})
        _load_office_reports(store, plan_id, data.get("office_reports", {}), agencies)
    return plan_id


def _load_agencies(store: Store, rows: list[Row]) -> dict[str, str]:
    repo = store.repo("agencies")
    existing = {row["code"]: row["id"] for row in repo.rows()}
    for seq, row in enumerate(rows, 1):
        if row["code"] not in existing:
            existing[row["code"]] = repo.add({**row, "seq": seq})["id"]
    return existing


def _load_objectives(store: Store, plan_id: str, rows: list[Row]) -> None:
    for seq, row in enumerate(rows, 1):
        objective_id = store.repo("objectives").add({"plan_id": plan_id, "seq": seq, "code": row["code"],
                                                     "text": row["text"]})["id"]
        for iseq, indicator in enumerate(row.get("indicators", []), 1):
            store.repo("indicators").add({**indicator, "objective_id": objective_id, "seq": iseq})


def _load_tasks(store: Store, plan_id: str, rows: list[Row], defaults: Row, agencies: dict[str, str]) -> None:
    repo = store.repo("tasks")
    schedule = {
        "quarters": defaults.get("quarters", ""),
        "start_date": defaults.get("start_date"),
        "end_date": defaults.get("end_date"),
        "lead_agency_id": agencies.get(defaults.get("lead", "")),
        "coordinating_ids": [agencies[c] for c in defaults.get("coordinating", [])],
    }
    for seq, row in enumerate(rows, 1):
        item = {k: v for k, v in row.items() if k != "children"}
        parent_id = repo.add({**schedule, **item, "plan_id": plan_id, "seq": seq, "kind": "content"})["id"]
        for cseq, child in enumerate(row.get("children", []), 1):
            repo.add({**schedule, **child, "plan_id": plan_id, "parent_id": parent_id, "seq": cseq,
                      "kind": "activity"})


def _load_office_reports(store: Store, plan_id: str, spec: Row, agencies: dict[str, str]) -> None:
    repo = store.repo("office_reports")
    to_sct = spec.get("to_sct")
    if to_sct:
        for code in to_sct["agencies"]:
            repo.add({"plan_id": plan_id, "agency_id": agencies[code], "recipient_id": agencies[to_sct["recipient"]],
                      "subject": to_sct["subject"], "period": to_sct["period"], "due_date": to_sct["due_date"]},
                     owner=code)
    upward = spec.get("sct_to_province")
    if upward:
        repo.add({"plan_id": plan_id, "agency_id": agencies[upward["agency"]],
                  "recipient_id": agencies[upward["recipient"]], "subject": upward["subject"],
                  "period": upward["period"], "due_date": upward["due_date"]}, owner=upward["agency"])
