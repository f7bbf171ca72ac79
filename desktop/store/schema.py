"""The schema, created and upgraded by named migrations (sqlite-utils `Migrations`), all in one transaction.

The schema version is the number of migrations applied; it is also written to PRAGMA user_version so that an older
program can refuse a database made by a newer one without knowing its migrations.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from desktop.domain.entities import ENTITIES, EntitySpec
from desktop.domain.fields import Kind

migrations = Migrations("sxtdbv")


def _columns(spec: EntitySpec) -> dict[str, type]:
    columns: dict[str, type] = {"id": str, "rev": str, "revs": str}
    columns.update({f.name: f.sql_type for f in spec.fields})
    columns.update({"updated_at": str, "updated_by": str, "owner": str, "deleted": int})
    return columns


def _create_entity_table(db: Database, spec: EntitySpec) -> None:
    foreign_keys = [(f.name, f.ref, "id") for f in spec.fields if f.kind is Kind.REF]
    db[spec.name].create(  # type: ignore[union-attr]
        _columns(spec), pk="id", foreign_keys=foreign_keys, not_null={"id", "rev", "deleted"},
        defaults={"deleted": 0, "revs": "[]"}, if_not_exists=True,
    )


@migrations(name="0001_initial")
def _initial(db: Database) -> None:
    for spec in ENTITIES:
        _create_entity_table(db, spec)
    db["settings"].create({"key": str, "value": str}, pk="key", if_not_exists=True)  # type: ignore[union-attr]


@migrations(name="0002_indexes_and_exchange_log")
def _indexes_and_log(db: Database) -> None:
    for spec in ENTITIES:
        for field in spec.fields:
            if field.kind is Kind.REF:
                db[spec.name].create_index([field.name], if_not_exists=True)  # type: ignore[union-attr]
    db["agencies"].create_index(["code"], if_not_exists=True)  # type: ignore[union-attr]
    db["exchange_log"].create(  # type: ignore[union-attr]
        {"id": int, "time": str, "direction": str, "file_name": str, "file_hash": str, "office": str,
         "export_id": str, "status": str, "counts": str, "installation": str},
        pk="id", if_not_exists=True,
    )


SCHEMA_VERSION = len(migrations._migrations)
MIGRATION_NAMES = [m.name for m in migrations._migrations]
