"""The schema is frozen history (migrations) and the entity catalogue is the live description: they must agree.

Adding an entity or a field to `desktop.domain.entities` without a migration fails here (an existing database would
have no such table or column); a database made by the first release is upgraded keeping every row.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from desktop.domain.entities import ENTITIES
from desktop.domain.fields import Kind
from desktop.store import Store
from desktop.store.database import open_database
from desktop.store.schema import SCHEMA_VERSION

SCHEMA_1 = Path(__file__).parent / "data" / "schema1.db"
SQL_TYPES = {str: "TEXT", int: "INTEGER", float: "REAL"}
MACHINERY = {"settings", "exchange_log", "_sqlite_migrations"}


def test_newest_schema_has_a_table_for_every_entity_and_a_column_for_every_field(tmp_path):
    db = open_database(tmp_path / "new.db", create=True)
    try:
        missing, wrong_type, missing_keys = [], [], []
        for spec in ENTITIES:
            if spec.name not in db.table_names():
                missing.append(spec.name)
                continue
            columns = {c.name: c.type for c in db.utils.table(spec.name).columns}
            keys = {(fk.column, fk.other_table) for fk in db.utils.table(spec.name).foreign_keys}
            for field in spec.fields:
                if field.name not in columns:
                    missing.append(f"{spec.name}.{field.name}")
                elif columns[field.name] != SQL_TYPES[field.sql_type]:
                    wrong_type.append(f"{spec.name}.{field.name}: {columns[field.name]}")
                if field.kind is Kind.REF and (field.name, field.ref) not in keys:
                    missing_keys.append(f"{spec.name}.{field.name} -> {field.ref}")
        assert not missing, f"entities/fields without a migration (add one in store/schema.py): {missing}"
        assert not wrong_type, f"columns whose type differs from the catalogue: {wrong_type}"
        # A reference added by a later migration (ALTER TABLE cannot add a foreign key) is checked by the repository;
        # the tables of the first release have every reference as a foreign key.
        assert all(name.split(".")[0] not in _first_release_tables() for name in missing_keys), missing_keys
    finally:
        db.close()


def test_no_table_outlives_the_catalogue(tmp_path):
    db = open_database(tmp_path / "new.db", create=True)
    try:
        extra = set(db.table_names()) - {spec.name for spec in ENTITIES} - MACHINERY
        assert not extra, f"tables with no entity in the catalogue: {extra}"
    finally:
        db.close()


def _first_release_tables() -> set[str]:
    conn = sqlite3.connect(f"file:{SCHEMA_1}?mode=ro", uri=True)
    try:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    finally:
        conn.close()


def _all_rows(path: Path) -> dict[str, set[tuple]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name != '_sqlite_migrations'")]
        found = {}
        for table in tables:
            columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
            found[table] = {tuple(zip(columns, row, strict=True))
                            for row in conn.execute(f'SELECT * FROM "{table}"')}
        return found
    finally:
        conn.close()


def test_a_database_of_the_first_release_is_upgraded_keeping_every_row(tmp_path):
    path = tmp_path / "old.db"
    shutil.copyfile(SCHEMA_1, path)
    before = _all_rows(path)
    assert sum(len(rows) for rows in before.values()) > 200  # the committed file holds a whole sample plan

    store = Store.open(path)
    try:
        assert store.schema_version == SCHEMA_VERSION
        plan = store.repo("plans").rows()[0]
        assert plan["total_budget"] == 1394200000
    finally:
        store.close()

    after = _all_rows(path)
    for table, rows in before.items():
        # Each old row is still there with every old value (new columns may have been added beside it).
        upgraded = [dict(row) for row in after[table]]
        lost = [row for row in rows if not any(dict(row).items() <= new.items() for new in upgraded)]
        assert not lost, f"{table}: {len(lost)} of {len(rows)} rows lost or changed by the upgrade"
