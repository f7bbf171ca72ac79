"""Reading the store's rows for the exchange: streaming row iterators, display texts of referenced rows, the
rows an office template carries."""

from __future__ import annotations

import json
from collections.abc import Iterator

from desktop.domain.entities import BY_NAME, ENTITIES, EntitySpec
from desktop.domain.fields import Kind
from desktop.exchange import ownership
from desktop.store import Store


def iter_rows(store: Store, spec: EntitySpec, ids: set[str] | None = None) -> Iterator[dict]:
    """Every row of the entity, tombstones included, in a stable order; only `ids` when given."""
    order = "seq, rowid" if "seq" in spec.field_names else "rowid"
    cursor = store.db.execute(f'SELECT * FROM "{spec.name}" ORDER BY {order}')
    columns = [d[0] for d in cursor.description]
    while True:
        batch = cursor.fetchmany(2000)
        if not batch:
            return
        for values in batch:
            row = dict(zip(columns, values, strict=True))
            if ids is None or row["id"] in ids:
                yield row


def count_rows(store: Store, spec: EntitySpec) -> int:
    """The number of rows (tombstones included) of the entity."""
    return int(store.db.execute(f'SELECT count(*) FROM "{spec.name}"').fetchone()[0])


def display_column(spec: EntitySpec) -> str:
    """The field whose value names a row of the entity in a reference column."""
    return "name" if spec.name == "agencies" else (spec.display or spec.field_names[0])


def display_texts(store: Store, table: str) -> dict[str, str]:
    """id -> display text of every row of `table` (tombstones included)."""
    spec = BY_NAME[table]
    column = display_column(spec)
    rows = store.db.execute(f'SELECT id, "{column}" FROM "{table}"').fetchall()
    return {row_id: _text(value) for row_id, value in rows}


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
    rows = store.db.execute("SELECT id FROM agencies WHERE upper(code) = ?", [office.upper()]).fetchall()
    return {r[0] for r in rows}


def office_template_ids(store: Store, office: str) -> dict[str, set[str]]:
    """The rows of an office's template: the rows the office owns or is assigned (its reports, the tasks it leads,
    the participants it sends), the tasks it coordinates and the courses it may send participants to (context), and
    every agency and what those rows refer to (their parents, recursively), so that the template imports on its own
    into the office's empty installation."""
    chosen: dict[str, set[str]] = {spec.name: set() for spec in ENTITIES}
    agencies = agency_ids_of(store, office)
    for spec in ENTITIES:
        rows = store.db.execute(f'SELECT id FROM "{spec.name}" WHERE owner = ?', [office]).fetchall()
        chosen[spec.name].update(r[0] for r in rows)
        rule = ownership.assignment(spec)
        if rule is not None and agencies:
            marks = ",".join("?" * len(agencies))
            rows = store.db.execute(f'SELECT id FROM "{spec.name}" WHERE "{rule.field}" IN ({marks})',
                                    sorted(agencies)).fetchall()
            chosen[spec.name].update(r[0] for r in rows)
    for row_id, coordinating in store.db.execute("SELECT id, coordinating_ids FROM tasks WHERE deleted = 0"):
        if agencies & set(ref_ids(Kind.REFS, coordinating)):
            chosen["tasks"].add(row_id)
    if ownership.may_add(BY_NAME["participants"]):
        chosen["training_courses"].update(
            r[0] for r in store.db.execute("SELECT id FROM training_courses WHERE deleted = 0").fetchall())
    chosen["agencies"].update(r[0] for r in store.db.execute("SELECT id FROM agencies").fetchall())
    changed = True
    while changed:
        changed = False
        for spec in reversed(ENTITIES):
            refs = spec.refs
            if not refs or not chosen[spec.name]:
                continue
            names = ", ".join(f'"{f.name}"' for f in refs)
            ids = list(chosen[spec.name])
            for start in range(0, len(ids), 500):
                part = ids[start:start + 500]
                marks = ",".join("?" * len(part))
                sql = f'SELECT {names} FROM "{spec.name}" WHERE id IN ({marks})'
                for values in store.db.execute(sql, part).fetchall():
                    for f, value in zip(refs, values, strict=True):
                        for target in ref_ids(f.kind, value):
                            if target not in chosen[f.ref]:
                                chosen[f.ref].add(target)
                                changed = True
    return chosen
