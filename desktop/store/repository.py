"""One repository per entity: validated writes that keep each row's revision, owner and tombstone."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from desktop.domain import revisions
from desktop.domain.dates import utc_now_iso
from desktop.domain.entities import BY_NAME, ENTITIES, EntitySpec
from desktop.domain.errors import FieldError, ValidationError
from desktop.domain.fields import Kind
from desktop.domain.rows import Row
from desktop.domain.text import clean_text
from desktop.domain.validation import validate
from desktop.store.connection import Connection
from desktop.store.errors import NotFoundError, StoreError

_CHUNK = 500  # ids per statement: well under SQLite's limit of bound parameters


class WriteContext(NamedTuple):
    """Who writes: the installation id (`updated_by`) and the office that owns new rows."""

    installation_id: str
    office: str


class Repository:
    """Reads and writes the rows of one entity. Deleting leaves a tombstone so that the deletion can travel."""

    def __init__(self, db: Connection, spec: EntitySpec, context: WriteContext):
        self.db = db
        self.spec = spec
        self.context = context
        self._column_names: list[str] | None = None

    @property
    def table(self) -> str:
        """The table's name."""
        return self.spec.name

    # -- reading ---------------------------------------------------------------------------------------------------
    def get(self, row_id: str, *, include_deleted: bool = False) -> Row:
        """The row with `row_id`; NotFoundError when it does not exist or is deleted."""
        row = self.db.execute(f'SELECT * FROM "{self.table}" WHERE id = ?', [row_id]).fetchone()
        if row is None:
            raise NotFoundError(f"Không tìm thấy {self.spec.title.lower()} ({row_id}).")
        record = dict(zip(self._columns(), row, strict=True))
        if record["deleted"] and not include_deleted:
            raise NotFoundError(f"{self.spec.title} này đã bị xóa.")
        return record

    def rows(self, *, order_by: str | Sequence[str] = (), include_deleted: bool = False,
             **equals: object) -> list[Row]:
        """The rows whose columns equal the keyword values (`rows(plan_id=p)`), live rows only unless
        `include_deleted`; a value of None matches NULL. `order_by` names columns, "-" before a name for descending
        (`order_by=("-year", "rowid")`); by default the rows keep their `seq` order, then the order they were added.
        """
        return self.matching(equals, order_by=order_by, include_deleted=include_deleted)

    def matching(self, equals: Mapping[str, object], *, order_by: str | Sequence[str] = (),
                 include_deleted: bool = False) -> list[Row]:
        """`rows`, for column names known only at run time: `matching({parent_field: parent_id})`."""
        columns = self._columns()
        sql, params = self._matching_sql(equals, order_by, include_deleted)
        return [dict(zip(columns, row, strict=True)) for row in self.db.execute(sql, params).fetchall()]

    def _matching_sql(self, equals: Mapping[str, object], order_by: str | Sequence[str],
                      include_deleted: bool) -> tuple[str, list[object]]:
        conditions, params = self._conditions(equals, include_deleted)
        sql = f'SELECT * FROM "{self.table}"'
        if conditions:
            sql += " WHERE " + " AND ".join(conditions)
        return sql + " ORDER BY " + self._order_clause(order_by), params

    def matching_in_batches(self, equals: Mapping[str, object], batch: int) -> Iterator[list[Row]]:
        """The live rows `matching(equals)` gives, in its order, `batch` rows at a time (a long list shows its first
        rows while the rest is read)."""
        columns = self._columns()
        cursor = self.db.execute(*self._matching_sql(equals, (), False))
        while True:
            try:  # the reader may be asked for more after the database was closed (another one opened meanwhile)
                chunk = cursor.fetchmany(batch)
            except sqlite3.Error as exc:
                raise StoreError("Không đọc tiếp được danh sách: cơ sở dữ liệu đã đóng hoặc bị lỗi.") from exc
            if not chunk:
                return
            yield [dict(zip(columns, row, strict=True)) for row in chunk]

    def columns_of(self, columns: Sequence[str], equals: Mapping[str, object], *,
                   truthy: Sequence[str] = ()) -> list[tuple[Any, ...]]:
        """Only `columns` of the live rows `matching(equals)` whose `truthy` columns hold a value that is not 0 or
        empty, as tuples, in the order the rows were added (a figure reads what it counts, not whole rows)."""
        sql, params = self._filtered(", ".join(f'"{c}"' for c in columns), [*columns, *truthy], equals, truthy)
        return [tuple(row) for row in self.db.execute(sql + " ORDER BY rowid", params).fetchall()]

    def tally(self, column: str, equals: Mapping[str, object], *,
              truthy: Sequence[str] = ()) -> list[tuple[Any, int]]:
        """(value of `column`, how many rows hold it) over the live rows `matching(equals)` whose `truthy` columns
        hold a value, in the order each value first appears; counted by SQLite (100,000 rows in milliseconds)."""
        sql, params = self._filtered(f'"{column}", count(*)', [column, *truthy], equals, truthy)
        sql += f' GROUP BY "{column}" ORDER BY min(rowid)'
        return [(row[0], int(row[1])) for row in self.db.execute(sql, params).fetchall()]

    def _filtered(self, select: str, named: Sequence[str], equals: Mapping[str, object],
                  truthy: Sequence[str]) -> tuple[str, list[object]]:
        conditions, params = self._conditions({**dict.fromkeys(named, ...), **equals}, False)
        conditions += [f'"{c}" IS NOT NULL AND "{c}" != 0 AND "{c}" != \'\'' for c in truthy]
        return f'SELECT {select} FROM "{self.table}" WHERE ' + " AND ".join(conditions), params

    def count(self, *, include_deleted: bool = False, **equals: object) -> int:
        """How many live rows (every row with `include_deleted`) have columns equal to the keyword values
        (`count(year=2024)`)."""
        return self.count_matching(equals, include_deleted=include_deleted)

    def count_matching(self, equals: Mapping[str, object], *, include_deleted: bool = False) -> int:
        """`count`, for column names known only at run time."""
        conditions, params = self._conditions(equals, include_deleted=include_deleted)
        sql = f'SELECT count(*) FROM "{self.table}"' + (" WHERE " + " AND ".join(conditions) if conditions else "")
        return int(self.db.execute(sql, params).fetchone()[0])

    def total(self, column: str, **equals: object) -> int | float:
        """The sum of `column` over the live rows matching the keyword values (0 when there are none)."""
        conditions, params = self._conditions({column: ..., **equals}, include_deleted=False)
        sql = f'SELECT total("{column}") FROM "{self.table}" WHERE ' + " AND ".join(conditions)
        value = self.db.execute(sql, params).fetchone()[0]
        return int(value) if float(value).is_integer() else float(value)

    def distinct(self, column: str, **equals: object) -> list[object]:
        """The different non-empty values of `column` among the live rows matching the keyword values, sorted."""
        conditions, params = self._conditions({column: ..., **equals}, include_deleted=False)
        sql = (f'SELECT DISTINCT "{column}" FROM "{self.table}" WHERE ' + " AND ".join(conditions)
               + f' AND "{column}" IS NOT NULL AND "{column}" != \'\' ORDER BY 1')
        return [row[0] for row in self.db.execute(sql, params).fetchall()]

    # -- bulk reading for the exchange: every row, tombstones included (deletions travel too) ----------------------
    @property
    def columns(self) -> list[str]:
        """The table's columns in their stored order: bookkeeping and fields."""
        return list(self._columns())

    def stream(self, batch: int = 2000) -> Iterator[Row]:
        """Every row, tombstones included, in a stable order (`seq`, then as added), read `batch` rows at a time."""
        cursor = self.db.execute(f'SELECT * FROM "{self.table}" ORDER BY ' + self._order_clause(()))
        columns = [d[0] for d in cursor.description]
        while chunk := cursor.fetchmany(batch):
            for values in chunk:
                yield dict(zip(columns, values, strict=True))

    def values(self, *columns: str, include_deleted: bool = True) -> list[tuple[Any, ...]]:
        """(id, *columns) of every row (tombstones included unless `include_deleted` is False), as added."""
        conditions, _params = self._conditions(dict.fromkeys(columns, ...), include_deleted=include_deleted)
        names = ", ".join(["id", *(f'"{c}"' for c in columns)])
        sql = f'SELECT {names} FROM "{self.table}"' + (" WHERE " + " AND ".join(conditions) if conditions else "")
        return [tuple(row) for row in self.db.execute(sql + " ORDER BY rowid").fetchall()]

    def by_ids(self, ids: Iterable[str]) -> dict[str, Row]:
        """id -> row for the given ids that exist (tombstones included), read in chunks of SQLite's parameter limit."""
        wanted = list(dict.fromkeys(ids))
        found: dict[str, Row] = {}
        columns = self._columns()
        for start in range(0, len(wanted), _CHUNK):
            part = wanted[start:start + _CHUNK]
            sql = f'SELECT * FROM "{self.table}" WHERE id IN ({",".join("?" * len(part))})'
            found.update({row[0]: dict(zip(columns, row, strict=True)) for row in self.db.execute(sql, part)})
        return found

    def ids_where_in(self, column: str, values: Iterable[object]) -> set[str]:
        """The ids of the rows (tombstones included) whose `column` holds one of `values`."""
        self._conditions({column: ...}, include_deleted=True)
        wanted = list(values)
        found: set[str] = set()
        for start in range(0, len(wanted), _CHUNK):
            part = wanted[start:start + _CHUNK]
            sql = f'SELECT id FROM "{self.table}" WHERE "{column}" IN ({",".join("?" * len(part))})'
            found.update(row[0] for row in self.db.execute(sql, part))
        return found

    # -- bulk writing for the exchange: rows that come whole from another office, already merged ------------------
    def insert_many(self, records: Iterable[Sequence[object]]) -> None:
        """INSERT rows given as value sequences in `columns` order; a row whose id exists makes it fail
        (IntegrityError), which the caller's transaction turns into "nothing written"."""
        names = ", ".join(f'"{c}"' for c in self._columns())
        marks = ", ".join("?" * len(self._columns()))
        # A generator, not a list: at the import's limit (300,000 rows) a list of every row would double the memory.
        self.db.conn.executemany(f'INSERT INTO "{self.table}" ({names}) VALUES ({marks})',
                                 ([_sql_value(v) for v in record] for record in records))

    def upsert_many(self, records: Iterable[Sequence[object]]) -> None:
        """Insert or replace (by id) rows given as value sequences in `columns` order."""
        columns = self._columns()
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" * len(columns))
        updates = ", ".join(f'"{c}" = excluded."{c}"' for c in columns if c != "id")
        self.db.conn.executemany(
            f'INSERT INTO "{self.table}" ({names}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {updates}',
            ([_sql_value(v) for v in record] for record in records))

    def _conditions(self, equals: Mapping[str, object], include_deleted: bool) -> tuple[list[str], list[object]]:
        known = set(self._columns())
        conditions = [] if include_deleted else ["deleted = 0"]
        params: list[object] = []
        for name, value in equals.items():
            if name not in known:
                raise StoreError(f"Bảng {self.spec.title.lower()} không có cột “{name}”.")
            if value is ...:  # only checks the column's name (total, distinct)
                continue
            if value is None:
                conditions.append(f'"{name}" IS NULL')
            else:
                conditions.append(f'"{name}" = ?')
                params.append(_sql_value(value))
        return conditions, params

    def _order_clause(self, order_by: str | Sequence[str]) -> str:
        names = [order_by] if isinstance(order_by, str) else list(order_by)
        names = [n for n in names if n]
        if not names:
            names = ["seq", "rowid"] if "seq" in self.spec.field_names else ["rowid"]
        known = set(self._columns()) | {"rowid"}
        parts = []
        for name in names:
            column, descending = (name[1:], True) if name.startswith("-") else (name, False)
            if column not in known:
                raise StoreError(f"Bảng {self.spec.title.lower()} không có cột “{column}”.")
            parts.append(f'"{column}"' + (" DESC" if descending else "") if column != "rowid"
                         else "rowid" + (" DESC" if descending else ""))
        return ", ".join(parts)

    def _columns(self) -> list[str]:
        # The schema does not change while a database is open (migrations run when it is opened): read it once.
        if self._column_names is None:
            self._column_names = self.db.column_names(self.table)
        return self._column_names

    def _write_row(self, record: Mapping[str, object], *, upsert: bool = False) -> None:
        """INSERT (or, with `upsert`, insert-or-update by id) the given columns in plain SQL.

        sqlite-utils' table.insert/update/upsert introspect the schema on every call, which made each saved row
        several times slower than the statement itself.
        """
        known = set(self._columns())
        unknown = [k for k in record if k not in known]
        if unknown:
            raise StoreError(f"Bảng {self.spec.title.lower()} không có cột “{unknown[0]}”.")
        names = list(record)
        sql = (f'INSERT INTO "{self.table}" ({", ".join(f"{chr(34)}{n}{chr(34)}" for n in names)}) '
               f'VALUES ({", ".join("?" for _ in names)})')
        if upsert:
            updates = [f'"{n}" = excluded."{n}"' for n in names if n != "id"]
            sql += " ON CONFLICT(id) DO " + (f"UPDATE SET {', '.join(updates)}" if updates else "NOTHING")
        self.db.execute(sql, [_sql_value(record[n]) for n in names])

    # -- writing ---------------------------------------------------------------------------------------------------
    def add(self, data: Mapping[str, object], *, owner: str | None = None, row_id: str | None = None) -> Row:
        """Validate and insert a new row; returns it as stored. Owned by this installation's office unless given."""
        cleaned = validate(self.spec, data)
        import uuid  # with the platform module, ~2 ms the start-up does not need: rows are added later

        new_id = clean_text(row_id) if row_id else str(uuid.uuid4())
        if self.db.execute(f'SELECT 1 FROM "{self.table}" WHERE id = ?', [new_id]).fetchone():
            raise StoreError(f"Đã có {self.spec.title.lower()} mang mã {new_id}; không thêm trùng.")
        self._check_references(cleaned)
        self._check_no_cycle(cleaned, new_id)
        self._check_unique(cleaned, None)
        digest = revisions.content_hash(self.spec, cleaned)
        record = {
            "id": new_id,
            "rev": revisions.next_rev(None, digest),
            "revs": "[]",
            **cleaned,
            "updated_at": utc_now_iso(),
            "updated_by": self.context.installation_id,
            "owner": clean_text(owner) if owner else self.context.office,
            "deleted": 0,
        }
        try:
            with self.db.atomic():
                self._write_row(record)
        except sqlite3.IntegrityError as exc:  # checked above; kept as a message rather than a traceback
            raise StoreError(f"Không thêm được {self.spec.title.lower()}: {exc}") from exc
        return record

    def update(self, row_id: str, changes: Mapping[str, object]) -> Row:
        """Validate the row with `changes` applied and store it with a new revision; unchanged content is a no-op."""
        current = self.get(row_id)
        merged = {name: current.get(name) for name in self.spec.field_names}
        merged.update({k: v for k, v in changes.items() if k in self.spec.field_names})
        cleaned = validate(self.spec, merged)
        self._check_references(cleaned, previous=current)
        self._check_no_cycle(cleaned, row_id)
        self._check_unique(cleaned, row_id)
        digest = revisions.content_hash(self.spec, cleaned)
        if digest == revisions.rev_hash(current["rev"]):
            return current
        return self._write_revision(current, cleaned, digest, deleted=False)

    def delete(self, row_id: str, *, cascade: bool = False) -> list[tuple[str, str]]:
        """Tombstone the row (and, with `cascade`, the rows that depend on it). Returns the (table, id) deleted.

        Without `cascade`, a row that live rows still point at is refused with a message naming them. With it, rows
        that point at it through a single reference are deleted too, and lists of references (e.g. coordinating
        agencies) merely lose it, as a new revision of the row that holds the list.
        """
        current = self.get(row_id)
        dependants = self.dependants(row_id)
        listed_in = [d for d in self._listing_dependants(row_id) if d not in self._single_dependants(row_id)]
        if dependants and not cascade:
            listing = ", ".join(f"{n} {BY_NAME[t].title.lower()}" for t, n in _count_by_table(dependants).items())
            raise StoreError(f"Không xóa được: còn {listing} gắn với {self.spec.title.lower()} này.")
        deleted: list[tuple[str, str]] = []
        with self.db.atomic():
            for table, child_id in dependants:
                if (table, child_id) in listed_in:
                    continue
                child = Repository(self.db, BY_NAME[table], self.context)
                if child.exists(child_id):
                    deleted += child.delete(child_id, cascade=True)
            for table, holder_id in listed_in:
                holder = Repository(self.db, BY_NAME[table], self.context)
                if holder.exists(holder_id):
                    holder._drop_from_lists(holder_id, self.table, row_id)
            data = {name: current.get(name) for name in self.spec.field_names}
            digest = revisions.content_hash(self.spec, data, deleted=True)
            self._write_revision(current, data, digest, deleted=True)
            deleted.append((self.table, row_id))
        return deleted

    def restore(self, row_id: str) -> Row:
        """Bring a tombstoned row back (undo of a deletion), as a new revision."""
        current = self.get(row_id, include_deleted=True)
        if not current["deleted"]:
            return current
        data = {name: current.get(name) for name in self.spec.field_names}
        self._check_references(data)
        self._check_unique(data, row_id)
        return self._write_revision(current, data, revisions.content_hash(self.spec, data), deleted=False)

    def exists(self, row_id: str) -> bool:
        """True when a live row with `row_id` exists."""
        row = self.db.execute(f'SELECT 1 FROM "{self.table}" WHERE id = ? AND deleted = 0', [row_id]).fetchone()
        return row is not None

    def dependants(self, row_id: str) -> list[tuple[str, str]]:
        """(table, id) of the live rows whose references (single or in a list) point at `row_id`, each once."""
        found = self._single_dependants(row_id)
        return found + [d for d in self._listing_dependants(row_id) if d not in found]

    def _single_dependants(self, row_id: str) -> list[tuple[str, str]]:
        return self._find_referrers(row_id, Kind.REF, '"{name}" = ?')

    def _listing_dependants(self, row_id: str) -> list[tuple[str, str]]:
        return self._find_referrers(
            row_id, Kind.REFS, 'json_valid("{name}") AND EXISTS (SELECT 1 FROM json_each("{name}") WHERE value = ?)')

    def _find_referrers(self, row_id: str, kind: Kind, condition: str) -> list[tuple[str, str]]:
        found: list[tuple[str, str]] = []
        for other in ENTITIES:
            for field in other.fields:
                if field.ref != self.table or field.kind is not kind:
                    continue
                sql = f'SELECT id FROM "{other.name}" WHERE deleted = 0 AND ' + condition.format(name=field.name)
                for (other_id,) in self.db.execute(sql, [row_id]).fetchall():
                    if (other.name, other_id) not in found and not (other.name == self.table and other_id == row_id):
                        found.append((other.name, other_id))
        return found

    def _drop_from_lists(self, row_id: str, table: str, removed_id: str) -> None:
        current = self.get(row_id)
        changes = {}
        for field in self.spec.refs:
            if field.kind is Kind.REFS and field.ref == table:
                ids = json.loads(current.get(field.name) or "[]")
                changes[field.name] = [i for i in ids if i != removed_id]
        self.update(row_id, changes)

    def put(self, record: Mapping[str, object]) -> None:
        """Store a complete row exactly as given, bookkeeping included (used when applying another office's rows).

        The caller has validated it; references are still checked by the database's foreign keys.
        """
        with self.db.atomic():
            self._write_row(dict(record), upsert=True)

    def _write_revision(self, current: Row, data: Row, digest: str, *, deleted: bool) -> Row:
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
        names = [n for n in record if n != "id"]
        assignments = ", ".join(f'"{n}" = ?' for n in names)
        with self.db.atomic():
            self.db.execute(f'UPDATE "{self.table}" SET {assignments} WHERE id = ?',
                            [_sql_value(record[n]) for n in names] + [current["id"]])
        return record

    def _check_references(self, cleaned: Row, previous: Mapping[str, object] | None = None) -> None:
        """Refuse references to missing or deleted rows. With `previous` (an update), only references the change
        adds are checked: a row whose referenced row was deleted elsewhere (e.g. by another office) stays editable."""
        errors: list[FieldError] = []
        for field in self.spec.refs:
            ids = _ref_ids(field.kind, cleaned.get(field.name))
            if previous is not None:
                kept = set(_ref_ids(field.kind, previous.get(field.name)))
                ids = [i for i in ids if i not in kept]
            for ref_id in ids:
                row = self.db.execute(f'SELECT deleted FROM "{field.ref}" WHERE id = ?', [ref_id]).fetchone()
                if row is None or row[0]:
                    target = BY_NAME[field.ref].title.lower()
                    errors.append(FieldError(field.name, field.title, f"không tìm thấy {target} đã chọn"))
                    break
        if errors:
            raise ValidationError(errors)

    def _check_no_cycle(self, cleaned: Row, row_id: str) -> None:
        """A row of a tree (a task under a content item) cannot sit under itself or under one of its own children."""
        for field in self.spec.refs:
            if field.kind is not Kind.REF or field.ref != self.table:
                continue
            ancestor, seen = cleaned.get(field.name), set()
            while ancestor and ancestor not in seen:
                if ancestor == row_id:
                    raise ValidationError([FieldError(field.name, field.title,
                                                      "không được chọn chính mục này hoặc một mục con của nó")])
                seen.add(ancestor)
                row = self.db.execute(f'SELECT "{field.name}" FROM "{self.table}" WHERE id = ?', [ancestor]).fetchone()
                ancestor = row[0] if row else None

    def _check_unique(self, cleaned: Row, row_id: str | None) -> None:
        for name in self.spec.unique:
            sql = f'SELECT id FROM "{self.table}" WHERE deleted = 0 AND "{name}" = ? AND id IS NOT ?'
            if self.db.execute(sql, [cleaned[name], row_id]).fetchone():
                field = self.spec.field(name)
                raise ValidationError([FieldError(name, field.title, f"“{cleaned[name]}” đã có, không được trùng")])


def _sql_value(value: object) -> object:
    """A value SQLite can bind: lists and mappings as JSON text (as sqlite-utils stored them)."""
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _ref_ids(kind: Kind, value: object) -> list[str]:
    """The ids held by a reference field's stored value (one id, or a JSON list of ids)."""
    if not value:
        return []
    if kind is Kind.REFS:
        try:
            items = json.loads(value) if isinstance(value, str) else list(value)  # type: ignore[call-overload]  # a stored list arrives as JSON text or, from a form, as a list
        except (json.JSONDecodeError, TypeError):
            return []
        return [str(i) for i in items if i]
    return [str(value)]


def _count_by_table(rows: list[tuple[str, str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for table, _ in rows:
        counts[table] = counts.get(table, 0) + 1
    return counts
