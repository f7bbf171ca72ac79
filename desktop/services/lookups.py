"""Names shown for referenced rows (an agency's name, a task's number and title…) and the options of pick lists."""

from __future__ import annotations

from desktop.domain import agencies as agency_rules
from desktop.domain.entities import BY_NAME, ENTITIES
from desktop.domain.fields import Field
from desktop.domain.rows import Row
from desktop.domain.text import collation_key
from desktop.store import Store

_SHORT = 70

# Entities whose rows belong to a plan (a `plan_id` reference): their pick lists show only the current plan's rows.
_PLAN_SCOPED = frozenset(spec.name for spec in ENTITIES
                         if any(f.name == "plan_id" and f.ref == "plans" for f in spec.fields))


def display_text(entity: str, row: Row) -> str:
    """How a row of `entity` is named in lists and pick lists."""
    if entity == "tasks":
        title = str(row.get("title") or "")
        title = title if len(title) <= _SHORT else title[: _SHORT - 1] + "…"
        return f"{row.get('code')} {title}".strip()
    if entity == "objectives":
        return f"{row.get('code')}) {str(row.get('text') or '')[:_SHORT]}"
    spec = BY_NAME[entity]
    text = str(row.get(spec.display) or "")
    return text if len(text) <= _SHORT * 2 else text[: _SHORT * 2 - 1] + "…"


def names(store: Store, entity: str, *, include_deleted: bool = True) -> dict[str, str]:
    """id -> shown name for every row of `entity` (deleted rows too, so history still shows their names)."""
    return {row["id"]: display_text(entity, row) for row in store.repo(entity).rows(include_deleted=include_deleted)}


def options(store: Store, field: Field, plan_id: str | None = None) -> list[tuple[str, str]]:
    """(id, name) pairs a reference field may point at: live rows, the current plan's where that applies.

    Agencies are sorted in Vietnamese order; tasks and other plan rows keep the plan's order. With a plan, the
    agencies offered are those in force during the plan's year: an agency that ended before it (a district after
    the 2025 reform) is not offered for that plan's rows, though rows that already name it keep it. The list of an
    agency's own successors offers every agency (successors are usually newer than the plan being worked on).
    """
    entity = field.ref
    repo = store.repo(entity)
    rows = repo.rows(plan_id=plan_id) if entity in _PLAN_SCOPED and plan_id else repo.rows()
    if entity == "agencies" and plan_id and field.name != "successor_ids":
        year = _plan_year(store, plan_id)
        if year is not None:
            rows = [row for row in rows if agency_rules.in_force_in_year(row, year)]
    pairs = [(row["id"], display_text(entity, row)) for row in rows]
    if entity == "tasks":
        pairs.sort(key=lambda pair: [int(p) if p.isdigit() else p for p in pair[1].split(" ")[0].split(".")])
    elif entity == "agencies":
        pairs.sort(key=lambda pair: collation_key(pair[1]))
    return pairs


def _plan_year(store: Store, plan_id: str) -> int | None:
    found = store.repo("plans").rows(id=plan_id)
    return int(found[0]["year"]) if found and found[0]["year"] else None
