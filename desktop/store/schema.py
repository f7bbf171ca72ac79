"""The schema, created and upgraded by named migrations (sqlite-utils `Migrations`), all in one transaction.

The schema version is the number of migrations applied; it is also written to PRAGMA user_version so that an older
program can refuse a database made by a newer one without knowing its migrations.

Migrations are frozen history: each one creates exactly the tables and columns it created when it was written, from
the literal definitions below, never from the live entity catalogue (`desktop.domain.entities`). A field or entity
added to the catalogue needs a new migration here (see docs/architecture.md, "How to add an entity");
tests/test_schema_catalogue.py fails until the newest schema and the catalogue agree.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # sqlite-utils is imported only when a schema is created or upgraded (see store/connection.py)
    from sqlite_utils import Database
    from sqlite_utils.db import Table
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "sxtdbv"
MIGRATION_NAMES: list[str] = []
"""The names of this program's migrations, oldest first (sqlite-utils keeps its list private)."""

Migration = Callable[["Database"], None]
_REGISTERED: list[tuple[str, Migration]] = []
_SET: list[Migrations] = []

# The bookkeeping columns every entity table carries, before and after its fields (see store/repository.py).
BOOKKEEPING_BEFORE: dict[str, type] = {"id": str, "rev": str, "revs": str}
BOOKKEEPING_AFTER: dict[str, type] = {"updated_at": str, "updated_by": str, "owner": str, "deleted": int}


def migration(name: str) -> Callable[[Migration], Migration]:
    """Register `function` as the migration `name` (names sort in the order they run: "0003_…")."""

    def register(function: Migration) -> Migration:
        MIGRATION_NAMES.append(name)
        _REGISTERED.append((name, function))
        if _SET:  # registered after the set was built (a test adding a migration)
            _SET[0](name=name)(function)
        return function

    return register


def migration_set() -> Migrations:
    """sqlite-utils' migration set holding every registered migration (built, and sqlite-utils imported, on first
    use)."""
    if not _SET:
        from sqlite_utils.migrations import Migrations

        built = Migrations(MIGRATION_SET)
        for name, function in _REGISTERED:
            built(name=name)(function)
        _SET.append(built)
    return _SET[0]


def table(db: Database, name: str) -> Table:
    """The table `name` of `db` (a Table, never a View: migrations only touch tables)."""
    return db.table(name)


def create_entity_table(db: Database, name: str, fields: dict[str, type], refs: list[tuple[str, str]]) -> None:
    """Create an entity table: the bookkeeping columns around `fields`, a foreign key for each (column, table) in
    `refs`. For new migrations: pass the fields literally, as they are on the day the migration is written."""
    columns = {**BOOKKEEPING_BEFORE, **fields, **BOOKKEEPING_AFTER}
    table(db, name).create(
        columns, pk="id", foreign_keys=[(column, other, "id") for column, other in refs],
        not_null={"id", "rev", "deleted"}, defaults={"deleted": 0, "revs": "[]"}, if_not_exists=True,
    )


def add_fields(db: Database, name: str, fields: dict[str, type]) -> None:
    """Add `fields` (name -> Python type) to the entity table `name`, for new migrations. Existing rows get NULL.

    New columns go at the end of the table: column order does not matter to the program (it names every column)."""
    target = table(db, name)
    existing = {column.name for column in target.columns}
    for field, kind in fields.items():
        if field not in existing:
            target.add_column(field, kind)


# Frozen on 2026-11-30 from the catalogue of the first release: do not edit, add a migration instead.
_TABLES_0001: dict[str, tuple[dict[str, type], list[tuple[str, str]]]] = {
    "agencies": (
        {"code": str, "name": str, "short_name": str, "kind": str, "valid_from": str, "valid_to": str, "seq": int,
         "note": str},
        [],
    ),
    "plans": (
        {"number": str, "parent_agency": str, "issuer": str, "place": str, "issue_date": str, "year": int,
         "title": str, "parent_plan": str, "parent_plan_title": str, "preamble": str, "purpose": str,
         "objectives_intro": str, "total_budget": int, "funding_source": str, "budget_intro": str, "closing": str,
         "recipients": str, "signer_authority": str, "signer_title": str, "signer_name": str, "status": str},
        [],
    ),
    "legal_bases": (
        {"plan_id": str, "seq": int, "kind": str, "number": str, "date": str, "issuer": str, "title": str},
        [("plan_id", "plans")],
    ),
    "objectives": (
        {"plan_id": str, "seq": int, "code": str, "text": str},
        [("plan_id", "plans")],
    ),
    "indicators": (
        {"objective_id": str, "seq": int, "name": str, "unit": str, "target": float, "actual": float, "note": str},
        [("objective_id", "objectives")],
    ),
    "tasks": (
        {"plan_id": str, "parent_id": str, "code": str, "seq": int, "kind": str, "title": str, "lead_agency_id": str,
         "coordinating_ids": str, "quarters": str, "start_date": str, "end_date": str, "status": str,
         "progress": float, "expected_output": str, "result": str, "note": str},
        [("plan_id", "plans"), ("parent_id", "tasks"), ("lead_agency_id", "agencies")],
    ),
    "responsibilities": (
        {"plan_id": str, "seq": int, "code": str, "heading": str, "agency_ids": str, "duties": str, "report_to": str,
         "report_deadline": str},
        [("plan_id", "plans")],
    ),
    "training_courses": (
        {"plan_id": str, "task_id": str, "title": str, "venue": str, "start_date": str, "end_date": str,
         "target_participants": int, "organiser_id": str, "lecturers": str, "content": str, "note": str},
        [("plan_id", "plans"), ("task_id", "tasks"), ("organiser_id", "agencies")],
    ),
    "participants": (
        {"course_id": str, "full_name": str, "gender": str, "birth_year": int, "organisation": str, "org_kind": str,
         "agency_id": str, "position": str, "phone": str, "email": str, "attended": int, "pre_score": float,
         "post_score": float, "satisfaction": int, "note": str},
        [("course_id", "training_courses"), ("agency_id", "agencies")],
    ),
    "training_materials": (
        {"course_id": str, "title": str, "kind": str, "copies": int, "note": str},
        [("course_id", "training_courses")],
    ),
    "enterprises": (
        {"plan_id": str, "name": str, "tax_code": str, "address": str, "industrial_zone": str, "vsic_code": str,
         "products": str, "contact_person": str, "phone": str, "surveyed": int, "survey_date": str, "is_model": int,
         "note": str},
        [("plan_id", "plans")],
    ),
    "conversion_factors": (
        {"resource": str, "unit": str, "toe_per_unit": float, "source": str},
        [],
    ),
    "consumption_records": (
        {"enterprise_id": str, "period": str, "resource": str, "quantity": float, "unit": str,
         "product_output": float, "product_unit": str, "note": str},
        [("enterprise_id", "enterprises")],
    ),
    "solutions": (
        {"enterprise_id": str, "category": str, "description": str, "investment": int, "annual_saving": int,
         "note": str},
        [("enterprise_id", "enterprises")],
    ),
    "selection_criteria": (
        {"plan_id": str, "seq": int, "name": str, "weight": float},
        [("plan_id", "plans")],
    ),
    "selection_scores": (
        {"enterprise_id": str, "criterion_id": str, "score": float, "note": str},
        [("enterprise_id", "enterprises"), ("criterion_id", "selection_criteria")],
    ),
    "workshops": (
        {"plan_id": str, "task_id": str, "title": str, "date": str, "venue": str, "participants_count": int,
         "summary": str},
        [("plan_id", "plans"), ("task_id", "tasks")],
    ),
    "budget_lines": (
        {"plan_id": str, "task_id": str, "seq": int, "item": str, "unit": str, "quantity": float, "unit_price": int,
         "amount": int, "funding_source": str, "note": str},
        [("plan_id", "plans"), ("task_id", "tasks")],
    ),
    "disbursements": (
        {"budget_line_id": str, "date": str, "amount": int, "voucher": str, "note": str},
        [("budget_line_id", "budget_lines")],
    ),
    "office_reports": (
        {"plan_id": str, "agency_id": str, "recipient_id": str, "subject": str, "period": str, "due_date": str,
         "submitted_date": str, "summary": str, "note": str},
        [("plan_id", "plans"), ("agency_id", "agencies"), ("recipient_id", "agencies")],
    ),
}


@migration("0001_initial")
def _initial(db: Database) -> None:
    for name, (fields, refs) in _TABLES_0001.items():
        create_entity_table(db, name, fields, refs)
    table(db, "settings").create({"key": str, "value": str}, pk="key", if_not_exists=True)


@migration("0002_indexes_and_exchange_log")
def _indexes_and_log(db: Database) -> None:
    for name, (_fields, refs) in _TABLES_0001.items():
        for column, _other in refs:
            table(db, name).create_index([column], if_not_exists=True)
    table(db, "agencies").create_index(["code"], if_not_exists=True)
    table(db, "exchange_log").create(
        {"id": int, "time": str, "direction": str, "file_name": str, "file_hash": str, "office": str,
         "export_id": str, "status": str, "counts": str, "installation": str},
        pk="id", if_not_exists=True,
    )


@migration("0003_agency_succession")
def _agency_succession(db: Database) -> None:
    # The 2025 reform: an agency names its successors (a JSON list of agency ids, like the other lists of
    # references) and keeps the name it had before a rename, so old documents print the name of their date.
    add_fields(db, "agencies", {"successor_ids": str, "former_name": str, "renamed_on": str})


SCHEMA_VERSION = len(MIGRATION_NAMES)
