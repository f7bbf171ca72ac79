"""Generic record actions for the forms: list, save (add or update), delete and restore, each in one transaction."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from desktop.domain.entities import BY_NAME
from desktop.domain.fields import Kind
from desktop.store import Row, Store


def list_rows(store: Store, entity: str, *, parent_field: str = "", parent_id: str | None = None) -> list[Row]:
    """The live rows of `entity`, optionally only those whose `parent_field` is `parent_id`."""
    return store.repo(entity).matching({parent_field: parent_id} if parent_field else {})


def count_rows(store: Store, entity: str, *, parent_field: str = "", parent_id: str | None = None) -> int:
    """How many rows `list_rows` would give."""
    return store.repo(entity).count_matching({parent_field: parent_id} if parent_field else {})


def list_rows_in_batches(store: Store, entity: str, *, batch: int, parent_field: str = "",
                         parent_id: str | None = None) -> Iterator[list[Row]]:
    """The rows of `list_rows`, in its order, `batch` at a time (read as they are asked for)."""
    return store.repo(entity).matching_in_batches({parent_field: parent_id} if parent_field else {}, batch)


def save_row(store: Store, entity: str, row_id: str | None, data: Mapping[str, object]) -> Row:
    """Add a new row (row_id None) or update one; raises ValidationError with Vietnamese messages."""
    with store.atomic():
        if row_id is None:
            return store.repo(entity).add(data)
        return store.repo(entity).update(row_id, data)


def delete_row(store: Store, entity: str, row_id: str, *, cascade: bool = False) -> list[tuple[str, str]]:
    """Delete (tombstone) a row, and with `cascade` the rows that depend on it; returns what was deleted."""
    with store.atomic():
        return store.repo(entity).delete(row_id, cascade=cascade)


def restore_rows(store: Store, deleted: list[tuple[str, str]]) -> None:
    """Undo a deletion: restore the rows in reverse order (parents before their children)."""
    with store.atomic():
        for table, row_id in reversed(deleted):
            store.repo(table).restore(row_id)


def referrers(store: Store, entity: str, row_id: str) -> list[tuple[str, str, Row]]:
    """The live rows pointing at this one, with their values now: a deletion takes the row out of their reference
    lists (coordinating agencies…), and undoing it puts those values back with `put_back`."""
    return [(table, other_id, store.repo(table).get(other_id))
            for table, other_id in store.repo(entity).dependants(row_id)]


def put_back(store: Store, rows: list[tuple[str, str, Row]]) -> None:
    """Save earlier values of live rows again (undo of the list changes a deletion made), in one transaction."""
    with store.atomic():
        for table, row_id, values in rows:
            repo = store.repo(table)
            if repo.exists(row_id):
                repo.update(row_id, {name: values.get(name) for name in repo.spec.field_names})


def get_row(store: Store, entity: str, row_id: str) -> Row:
    """One live row."""
    return store.repo(entity).get(row_id)


def dependants_count(store: Store, entity: str, row_id: str) -> int:
    """How many live rows would be deleted with this one, at every depth (a task takes the course linked to it, the
    course its participants…), to say so before a cascading deletion. Rows that merely list it (a task's
    coordinating agencies) only lose it from the list and are not counted."""
    found: set[tuple[str, str]] = set()
    pending = [(entity, row_id)]
    while pending:
        table, current = pending.pop()
        for other, other_id, values in referrers(store, table, current):
            if (other, other_id) not in found and any(
                    f.kind is Kind.REF and f.ref == table and values.get(f.name) == current
                    for f in BY_NAME[other].fields):
                found.add((other, other_id))
                pending.append((other, other_id))
    return len(found)


def current_plan(store: Store, year: int | None = None) -> Row | None:
    """The plan of `year`, or the latest plan when no year is given; None when there is none."""
    plans = store.repo("plans").rows(order_by=("-year", "-rowid"))
    if year is not None:
        plans = [p for p in plans if p["year"] == year]
    return plans[0] if plans else None
