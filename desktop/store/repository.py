"""One repository per entity: validated writes that keep each row's revision, owner and tombstone."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlite_utils import Database

from desktop.domain import revisions
from desktop.domain.dates import utc_now_iso
from desktop.domain.entities import BY_NAME, ENTITIES, EntitySpec
from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.fields import Kind
from desktop.domain.text import clean_text
from desktop.domain.validation import validate
from desktop.store.errors import NotFoundError, StoreError


@dataclass(frozen=True)
class WriteContext:
    """Who writes: the installation id (`updated_by`) and the office that owns new rows."""

    installation_id: str
    office: str


class Repository:
    """Reads and writes the rows of one entity. Deleting leaves a tombstone so that the deletion can travel."""

    def __init__(self, db: Database, spec: EntitySpec, context: WriteContext):
        self.db = db
        self.spec = spec
        self.context = context

    @property
    def table(self) -> str:
        """The table's name."""
        return self.spec.name

    # -- reading ---------------------------------------------------------------------------------------------------
    def get(self, row_id: str, *, include_deleted: bool = False) -> dict:
        """The row with `row_id`; NotFoundError when it does not exist or is deleted."""
        row = self.db.execute(f'SELECT * FROM "{self.table}" WHERE id = ?', [row_id]).fetchone()
        if row is None:
            raise NotFoundError(f"Không tìm thấy {self.spec.title.lower()} ({row_id}).")
        record = dict(zip(self._columns(), row, strict=True))
        if record["deleted"] and not include_deleted:
            raise NotFoundError(f"{self.spec.title} này đã bị xóa.")
        return record

    def list(self, where: str = "", params: Iterable[object] = (), *, order_by: str = "",
             include_deleted: bool = False) -> list[dict]:
        """The rows matching the SQL condition `where`, live rows only unless `include_deleted`."""
        conditions = [] if include_deleted else ["deleted = 0"]
        if where:
            conditions.append(f"({where})")
        sql = f'SELECT * FROM "{self.table}"'
        if conditions:
            sql += " WHERE " + " AND ".join(conditions)
        if order_by:
            sql += f" ORDER BY {order_by}"
        elif "seq" in self.spec.field_names:
            sql += " ORDER BY seq, rowid"
        else:
            sql += " ORDER BY rowid"
        columns = self._columns()
        return [dict(zip(columns, row, strict=True)) for row in self.db.execute(sql, list(params)).fetchall()]

    def count(self, where: str = "", params: Iterable[object] = ()) -> int:
        """How many live rows match `where`."""
        sql = f'SELECT count(*) FROM "{self.table}" WHERE deleted = 0'
        if where:
            sql += f" AND ({where})"
        return int(self.db.execute(sql, list(params)).fetchone()[0])

    def _columns(self) -> list[str]:
        return [c.name for c in self.db[self.table].columns]  # type: ignore[union-attr]

    # -- writing ---------------------------------------------------------------------------------------------------
    def add(self, data: Mapping[str, object], *, owner: str | None = None, row_id: str | None = None) -> dict:
        """Validate and insert a new row; returns it as stored. Owned by this installation's office unless given."""
        cleaned = validate(self.spec, data)
        self._check_references(cleaned)
        self._check_unique(cleaned, None)
        digest = revisions.content_hash(self.spec, cleaned)
        record = {
            "id": row_id or str(uuid.uuid4()),
            "rev": revisions.next_rev(None, digest),
            "revs": "[]",
            **cleaned,
            "updated_at": utc_now_iso(),
            "updated_by": self.context.installation_id,
            "owner": clean_text(owner) if owner else self.context.office,
            "deleted": 0,
        }
        with self.db.atomic():
            self.db[self.table].insert(record)  # type: ignore[union-attr]
        return record

    def update(self, row_id: str, changes: Mapping[str, object]) -> dict:
        """Validate the row with `changes` applied and store it with a new revision; unchanged content is a no-op."""
        current = self.get(row_id)
        merged = {name: current.get(name) for name in self.spec.field_names}
        merged.update({k: v for k, v in changes.items() if k in self.spec.field_names})
        cleaned = validate(self.spec, merged)
        self._check_references(cleaned)
        self._check_unique(cleaned, row_id)
        digest = revisions.content_hash(self.spec, cleaned)
        if digest == revisions.rev_hash(current["rev"]):
            return current
        return self._write_revision(current, cleaned, digest, deleted=False)

    def delete(self, row_id: str, *, cascade: bool = False) -> list[tuple[str, str]]:
        """Tombstone the row (and, with `cascade`, the rows that depend on it). Returns the (table, id) deleted.

        Without `cascade`, a row that live rows still point at is refused with a message naming them.
        """
        current = self.get(row_id)
        dependants = self.dependants(row_id)
        if dependants and not cascade:
            listing = ", ".join(f"{n} {BY_NAME[t].title.lower()}" for t, n in _count_by_table(dependants).items())
            raise StoreError(f"Không xóa được: còn {listing} gắn với {self.spec.title.lower()} này.")
        deleted: list[tuple[str, str]] = []
        with self.db.atomic():
            for table, child_id in dependants:
                child = Repository(self.db, BY_NAME[table], self.context)
                if child.exists(child_id):
                    deleted += child.delete(child_id, cascade=True)
            data = {name: current.get(name) for name in self.spec.field_names}
            digest = revisions.content_hash(self.spec, data, deleted=True)
            self._write_revision(current, data, digest, deleted=True)
            deleted.append((self.table, row_id))
        return deleted

    def exists(self, row_id: str) -> bool:
        """True when a live row with `row_id` exists."""
        row = self.db.execute(f'SELECT 1 FROM "{self.table}" WHERE id = ? AND deleted = 0', [row_id]).fetchone()
        return row is not None

    def dependants(self, row_id: str) -> list[tuple[str, str]]:
        """(table, id) of the live rows whose references point at `row_id`."""
        found: list[tuple[str, str]] = []
        for other in ENTITIES:
            for field in other.fields:
                if field.ref != self.table:
                    continue
                if field.kind is Kind.REF:
                    sql = f'SELECT id FROM "{other.name}" WHERE deleted = 0 AND "{field.name}" = ?'
                    found += [(other.name, r[0]) for r in self.db.execute(sql, [row_id]).fetchall() if r[0] != row_id]
        return found

    def put(self, record: Mapping[str, object]) -> None:
        """Store a complete row exactly as given, bookkeeping included (used when applying another office's rows).

        The caller has validated it; references are still checked by the database's foreign keys.
        """
        with self.db.atomic():
            self.db[self.table].upsert(dict(record), pk="id")  # type: ignore[union-attr]

    def _write_revision(self, current: dict, data: dict, digest: str, *, deleted: bool) -> dict:
        history = revisions.extend_history(revisions.parse_history(current.get("revs")), current["rev"])
        record = {
            **current,
            **data,
            "rev": revisions.next_rev(current["rev"], digest),
            "revs": json.dumps(history),
            "updated_at": utc_now_iso(),
            "updated_by": self.context.installation_id,
            "deleted": 1 if deleted else 0,
        }
        with self.db.atomic():
            self.db[self.table].update(current["id"], record)  # type: ignore[union-attr]
        return record

    def _check_references(self, cleaned: dict) -> None:
        errors: list[FieldError] = []
        for field in self.spec.refs:
            value = cleaned.get(field.name)
            ids = json.loads(value) if field.kind is Kind.REFS and value else ([value] if value else [])
            for ref_id in ids:
                row = self.db.execute(f'SELECT deleted FROM "{field.ref}" WHERE id = ?', [ref_id]).fetchone()
                if row is None or row[0]:
                    target = BY_NAME[field.ref].title.lower()
                    errors.append(FieldError(field.name, field.title, f"không tìm thấy {target} đã chọn"))
                    break
        if errors:
            raise ValidationError(errors)

    def _check_unique(self, cleaned: dict, row_id: str | None) -> None:
        for name in self.spec.unique:
            sql = f'SELECT id FROM "{self.table}" WHERE deleted = 0 AND "{name}" = ? AND id IS NOT ?'
            if self.db.execute(sql, [cleaned[name], row_id]).fetchone():
                field = self.spec.field(name)
                raise ValidationError([FieldError(name, field.title, f"“{cleaned[name]}” đã có, không được trùng")])


def _count_by_table(rows: list[tuple[str, str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for table, _ in rows:
        counts[table] = counts.get(table, 0) + 1
    return counts
