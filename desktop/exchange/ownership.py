"""The office-scope rule (docs/exchange-format.md, "Office scope"): what an office other than the hub may write.

One place for the rule: the importer (merge.py) checks every row an office's file carries against it, and the writer
(writer.py) unlocks exactly the cells it allows in that office's template.

An office X may
* change any data field of a row it owns (`owner = X`), except the field assigning the row to an office, which
  must keep naming X;
* change the named fields of a row assigned to it through a field (the reporting office of a report, the lead
  agency of a task, the sending office of a participant) although another office owns it;
* add rows for X in the entities an office keeps (its reports, the participants it sends, its courses, surveyed
  enterprises and their figures); a new row's assignment field, when filled, must name X;
* delete (the `Xóa` mark) rows it owns.
Anything else it carries is refused row by row with the reason. The hub (Sở Công Thương) distributes the plan:
its files may write any row.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.entities import BY_NAME, EntitySpec


@dataclass(frozen=True)
class Assignment:
    """The field that assigns a row of an entity to an office, and the fields that office may then fill in."""

    field: str
    writable: tuple[str, ...]


ASSIGNMENTS: dict[str, Assignment] = {
    # The report an office hands in: the date it did and what it says.
    "office_reports": Assignment("agency_id", ("submitted_date", "summary", "note")),
    # A task the office leads: how far it is and what came of it.
    "tasks": Assignment("lead_agency_id", ("status", "progress", "result", "note")),
    # A participant the office sends: who the person is and how to reach them.
    "participants": Assignment("agency_id", ("full_name", "gender", "birth_year", "organisation", "org_kind",
                                             "position", "phone", "email", "note")),
}

# Entities in which an office may add rows of its own. The plan itself (its tasks, objectives, budget, agencies,
# factors, criteria) is the hub's: an office receives it.
OFFICE_MAY_ADD: frozenset[str] = frozenset({
    "office_reports", "participants", "training_courses", "training_materials", "enterprises",
    "consumption_records", "solutions", "workshops",
})


def assignment(spec: EntitySpec) -> Assignment | None:
    """How rows of the entity are assigned to an office, or None."""
    return ASSIGNMENTS.get(spec.name)


def writable_fields(spec: EntitySpec, *, owned: bool, assigned: bool) -> tuple[str, ...]:
    """The data fields an office may change in an existing row it owns (`owned`) or that is assigned to it."""
    rule = assignment(spec)
    if owned:
        return tuple(f for f in spec.field_names if rule is None or f != rule.field)
    if assigned and rule is not None:
        return rule.writable
    return ()


def field_titles(spec: EntitySpec, names: tuple[str, ...] | list[str]) -> str:
    """The Vietnamese titles of `names`, for messages."""
    return ", ".join(f"“{spec.field(n).title}”" for n in names)


def may_add(spec: EntitySpec) -> bool:
    """True when an office may add rows of its own to the entity."""
    return spec.name in OFFICE_MAY_ADD


def check_row_set() -> None:
    """Sanity of the tables above (every named entity and field exists); raises KeyError otherwise."""
    for name, rule in ASSIGNMENTS.items():
        spec = BY_NAME[name]
        spec.field(rule.field)
        for f in rule.writable:
            spec.field(f)
    for name in OFFICE_MAY_ADD:
        BY_NAME[name]


check_row_set()
