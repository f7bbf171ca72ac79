"""Helpers for the exchange tests: stores for the hub and an office, workbook edits made the way a user would."""

from __future__ import annotations

import hashlib
from pathlib import Path

import openpyxl

from desktop.domain.entities import ENTITIES
from desktop.exchange.format import sheet_columns, sheet_name
from desktop.services.setup import init_database
from desktop.store import Store

SKIP_TABLES = {"exchange_log", "settings", "_sqlite_migrations"}


def new_store(path: Path, *, office: str | None = None, empty: bool = False) -> Store:
    """A new database (seeded unless `empty`) whose installation belongs to `office`."""
    return init_database(path, empty=empty, office=office)


def add_course(store: Store, participants: int = 3) -> str:
    """A training course with a few participants (sent by Biên Hòa, owned by the writing office)."""
    plan = store.repo("plans").rows()[0]
    agency = store.db.execute("SELECT id FROM agencies WHERE code = 'BIENHOA'").fetchone()[0]
    course = store.repo("training_courses").add({"plan_id": plan["id"], "title": "Lớp tập huấn SXTDBV 2024",
                                                 "venue": "Biên Hòa", "start_date": "2024-06-10",
                                                 "end_date": "2024-06-11", "target_participants": 200})
    for i in range(participants):
        store.repo("participants").add({"course_id": course["id"], "full_name": f"Nguyễn Văn {chr(65 + i)}",
                                        "gender": "male", "birth_year": 1980 + i, "organisation": "Công ty ABC",
                                        "agency_id": agency, "phone": "0251 3822 111", "pre_score": 6.5,
                                        "post_score": 8})
    return course["id"]


def table_rows(store: Store) -> dict[str, list[tuple]]:
    """Every entity table's rows (all columns), sorted, for exact comparisons."""
    out = {}
    for spec in ENTITIES:
        cursor = store.db.execute(f'SELECT * FROM "{spec.name}" ORDER BY id')
        out[spec.name] = [tuple(r) for r in cursor.fetchall()]
    return out


def digest(store: Store) -> str:
    """A hash of all data tables (bookkeeping tables excluded): equal digests mean nothing was written."""
    h = hashlib.sha256()
    for name, rows in sorted(table_rows(store).items()):
        h.update(name.encode())
        h.update(repr(rows).encode())
    return h.hexdigest()


def column_of(ws, title: str) -> int:
    """1-based column index of the header `title`."""
    for cell in ws[1]:
        if cell.value == title:
            return cell.column
    raise KeyError(title)


def find_row(ws, title: str, value: object) -> int:
    """The Excel row whose column `title` holds `value`."""
    col = column_of(ws, title)
    for row in range(2, ws.max_row + 1):
        if ws.cell(row, col).value == value:
            return row
    raise KeyError(value)


def edit(path: Path, target: Path, changes) -> Path:
    """Open `path` in openpyxl (as Excel would), call `changes(workbook)`, save to `target`."""
    wb = openpyxl.load_workbook(path)
    changes(wb)
    wb.save(target)
    return target


def spec_sheet(spec_name: str) -> str:
    """The sheet name of an entity."""
    return next(sheet_name(s) for s in ENTITIES if s.name == spec_name)


def titles(spec_name: str) -> list[str]:
    """The column titles of an entity's sheet."""
    return [c.title for c in sheet_columns(next(s for s in ENTITIES if s.name == spec_name))]
