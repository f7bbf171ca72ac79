"""Reading the store's rows for the exchange: streaming row iterators, display texts of referenced rows, the
rows an office template carries."""

from __future__ import annotations

import json
from collections.abc import Iterator

from desktop.domain.entities import BY_NAME, ENTITIES, EntitySpec
from desktop.domain.fields import Kind
from desktop.exchange import ownership
from desktop.store import Row, Store


def iter_rows(store: Store, spec: EntitySpec, ids: set[str] | None = None) -> Iterator[Row]:
    """Every row of the entity, tombstones included, in a stable order; only `ids` when given."""
    for row in store.repo(spec.name).stream():
        if ids is None or row["id"] in ids:
            yield row


def count_rows(store: Store, spec: EntitySpec) -> int:
    """The number of rows (tombstones included) of the entity."""
    return store.repo(spec.name).count(include_deleted=True)


def display_column(spec: EntitySpec) -> str:
    """The field whose value names a row of the entity in a reference column."""
    return "name" if spec.name == "agencies" else (spec.display or spec.field_names[0])


def display_texts(store: Store, table: str) -> dict[str, str]:
    """id -> display text of every row of `table` (tombstones included)."""
    spec = BY_NAME[table]
    column = display_column(spec)
    return {row_id: _text(value) for row_id, value in store.repo(table).values(column)}


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def ref_ids(field_kind: Kind, value: object) -> list[str]:
    """The ids a REF or REFS value points at."""
    if not value:
        return []
    if field_kind is Kind.REFS:
        try:
            items = json.loads(str(value))
        except json.JSONDecodeError:
            return []
        return [str(i) for i in items] if isinstance(items, list) else []
    return [str(value)]


def agency_ids_of(store: Store, office: str) -> set[str]:
    """The ids of the agency (agencies) whose code is `office`."""
    wanted = office.upper()
    return {row_id for row_id, code in store.repo("agencies").values("code") if str(code or "").upper() == wanted}


def office_template_ids(store: Store, office: str) -> dict[str, set[str]]:
    """The rows of an office's template: the rows the office owns or is assigned (its reports, the tasks it leads,
    the participants it sends), the tasks it coordinates and the courses it may send participants to (context), and
    every agency and what those rows refer to (their parents, recursively), so that the template imports on its own
    into the office's empty installation."""
    chosen: dict[str, set[str]] = {spec.name: set() for spec in ENTITIES}
    agencies = agency_ids_of(store, office)
    for spec in ENTITIES:
        chosen[spec.name].update(store.repo(spec.name).ids_where_in("owner", [office]))
        rule = ownership.assignment(spec)
        if rule is not None and agencies:
            chosen[spec.name].update(store.repo(spec.name).ids_where_in(rule.field, sorted(agencies)))
    for row_id, coordinating in store.repo("tasks").values("coordinating_ids", include_deleted=False):
        if agencies & set(ref_ids(Kind.REFS, coordinating)):
            chosen["tasks"].add(row_id)
    if ownership.may_add(BY_NAME["participants"]):
        chosen["training_courses"].update(r[0] for r in store.repo("training_courses").values(include_deleted=False))
    chosen["agencies"].update(r[0] for r in store.repo("agencies").values())
    changed = True
    while changed:
        changed = False
        for spec in reversed(ENTITIES):
            refs = spec.refs
            if not refs or not chosen[spec.name]:
                continue
            for row in store.repo(spec.name).by_ids(chosen[spec.name]).values():
                for f in refs:
                    for target in ref_ids(f.kind, row[f.name]):
                        if target not in chosen[f.ref]:
                            chosen[f.ref].add(target)
                            changed = True
    return chosen
