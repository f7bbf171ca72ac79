"""Warnings about a row being typed: things a clerk should look at twice, never reasons to refuse it.

A duplicate tax code (the same enterprise surveyed twice in a plan) and a task whose status and progress disagree.
The form shows them under their fields as they are typed, an edit in a cell says them after saving; saving goes on.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from desktop.domain.entities import BY_NAME
from desktop.domain.task_rules import status_progress_warning
from desktop.domain.taxcode import normalize_tax_code, tax_code_error
from desktop.store import Store


class FieldWarning(NamedTuple):
    """A warning about one field of a row, in Vietnamese."""

    field: str
    message: str


def row_warnings(store: Store, entity: str, values: Mapping[str, object], row_id: str | None) -> list[FieldWarning]:
    """The warnings about the row `row_id` (None: a new row) of `entity` if it held `values` (as typed or stored;
    what cannot be read yet is left to validation)."""
    cleaned = _cleaned(entity, values)
    found: list[FieldWarning] = []
    if entity == "enterprises":
        found += _duplicate_tax_code(store, cleaned, row_id)
    if entity == "tasks" and cleaned.get("kind", "activity") != "content":  # a content item rolls its activities up
        message = status_progress_warning(cleaned.get("status"), cleaned.get("progress"))
        if message:
            found.append(FieldWarning("progress", message))
    return found


def _cleaned(entity: str, values: Mapping[str, object]) -> dict[str, object]:
    spec = BY_NAME[entity]
    cleaned: dict[str, object] = {}
    for name, value in values.items():
        if name not in spec.field_names:
            continue
        try:
            cleaned[name] = spec.field(name).clean(value)
        except ValueError:
            cleaned[name] = None
    return cleaned


def _duplicate_tax_code(store: Store, row: Mapping[str, object], row_id: str | None) -> list[FieldWarning]:
    code = row.get("tax_code")
    if not isinstance(code, str) or not code or tax_code_error(code):
        return []
    code = normalize_tax_code(code)
    same: dict[str, object] = {"tax_code": code}
    if row.get("plan_id"):
        same["plan_id"] = row["plan_id"]
    for other in store.repo("enterprises").matching(same):
        if other["id"] != row_id:
            return [FieldWarning("tax_code", f"Mã số thuế {code} đã có ở doanh nghiệp “{other['name']}” "
                                             "trong kế hoạch này: có thể là khảo sát trùng.")]
    return []
