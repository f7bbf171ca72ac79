"""The import preview: every row of an exchange workbook validated, its references resolved, and classified by the
merge rules (docs/exchange-format.md): unchanged / stale / new / changed / deleted / conflict / rejected.

Nothing is written here; `apply.py` writes a preview in one transaction.
"""

from __future__ import annotations

import json
import re
import sys
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.domain import choices as ch
from desktop.domain import revisions
from desktop.domain.dates import format_date, utc_now_iso
from desktop.domain.entities import BY_NAME, ENTITIES, EntitySpec
from desktop.domain.errors import ValidationError
from desktop.domain.fields import Field, Kind
from desktop.domain.numbers import format_money, format_number
from desktop.domain.rows import Row
from desktop.domain.text import clean_text
from desktop.domain.validation import validate
from desktop.exchange import format as fmt
from desktop.exchange import ownership
from desktop.exchange.errors import CellError, ExchangeCancelled
from desktop.exchange.model import (
    CHANGED,
    CONFLICT,
    DELETED,
    NEW,
    REJECTED,
    STALE,
    UNCHANGED,
    ImportPreview,
    RowChange,
)
from desktop.exchange.reader import ExchangeWorkbook, FileRow, file_hash
from desktop.exchange.rows import agency_ids_of, display_column, ref_ids
from desktop.store import Store

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]

_REV = re.compile(r"^[0-9]{1,9}-[0-9a-f]{32}$")
_ID = re.compile(r"^[0-9A-Za-z_.:-]{1,64}$")
# Rows get UUIDs: an id that starts like one but is not whole was cut short in the workbook (imported as it is, it
# would add the row a second time instead of updating it).
_UUID_START = re.compile(r"^[0-9a-fA-F]{8}-")
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
MAX_CHANGE_DETAILS = 20_000  # rows whose before -> after values are worked out for display
MEMO_LIMIT = 30_000  # cleaned values remembered; repeated values are met early, unique ones need not be kept


def build_preview(store: Store, path: Path | str, *, progress: Progress | None = None,
                  cancel: Cancel | None = None) -> ImportPreview:
    """Read and check the workbook at `path` against the database; raises ExchangeError for a refused file."""
    workbook = ExchangeWorkbook(path)
    try:
        with store.snapshot() as reading:
            return _Builder(reading, workbook, progress, cancel).build()
    finally:
        workbook.close()


@dataclass(frozen=True)
class _FileRevision:
    """The revision a file row carries: its content hash, its rev and ancestry, and whether it was edited in the
    workbook (its content no longer matches the hash in its `_rev`: then its new revision's parent is that `_rev`)."""

    digest: str
    rev: str
    history: list[str]
    edited: bool

    @classmethod
    def of(cls, spec: EntitySpec, fr: FileRow, data: dict[str, object]) -> _FileRevision:
        """Work out the revision of the file row `fr` whose validated values are `data`."""
        digest = revisions.content_hash(spec, data, fr.deleted)
        revs = [r for r in fr.revs if _REV.match(r)]
        edited = not fr.rev or revisions.rev_hash(fr.rev) != digest
        if fr.rev and not edited:
            return cls(digest, fr.rev, revs, edited)
        return cls(digest, revisions.next_rev(fr.rev or None, digest), revisions.extend_history(revs, fr.rev or None),
                   edited)


class _Builder:
    def __init__(self, store: Store, workbook: ExchangeWorkbook, progress: Progress | None, cancel: Cancel | None):
        self.store = store
        self.workbook = workbook
        self.progress = progress
        self.cancel = cancel
        meta = workbook.meta
        # The sender is the installation that exported the file; edits typed into the workbook after the export
        # are the template's office's (scope "office:X") or else the sender's. See ownership.py.
        self.sender = (meta.get("office", "") or fmt.HUB_OFFICE).strip().upper()
        acting = fmt.scope_office(meta.get("scope", "")) or self.sender
        self.preview = ImportPreview(Path(workbook.path), file_hash(workbook.path), meta, acting.strip().upper(),
                                     store.context.office)
        self.agency_codes: dict[str, str] = {}
        self.now = utc_now_iso()
        self.editor = f"excel:{self.preview.acting_office}"
        self.local: dict[str, dict[str, tuple[Any, ...]]] = {}
        self.writes: dict[str, dict[str, bool]] = {spec.name: {} for spec in ENTITIES}
        self.file_display: dict[str, dict[str, str]] = {spec.name: {} for spec in ENTITIES}
        # An agency the file carries is found by its code and short name too, as the file writes them (only
        # agencies have such aliases; every other row is named by its display column alone).
        self.file_aliases: dict[str, list[str]] = {}
        self.local_display: dict[str, dict[str, str]] = {}
        self.names: dict[str, dict[str, list[str]]] = {}
        self.pending: list[tuple[EntitySpec, RowChange]] = []
        self.done = 0
        self.total = 0
        self.typed: dict[tuple[str, str], int] = {}
        self.memo: dict[tuple[object, ...], object] = {}
        self.referenced = {f.ref for spec in ENTITIES for f in spec.refs}
        self.refs = {spec.name: spec.refs for spec in ENTITIES}

    # -- driving --------------------------------------------------------------------------------------------------
    def build(self) -> ImportPreview:
        preview = self.preview
        specs = self.workbook.entity_sheets(preview.errors)
        if not specs:
            preview.errors.append(CellError(fmt.META_SHEET, 0, "", "tệp không có trang dữ liệu nào."))
        self.total = sum(self.workbook.row_count(self.workbook.sheet_name_of(s)) for s in specs) or 1
        for spec in specs:
            self._sheet(spec)
        self._check_until_settled()
        self._describe_changes()
        preview.warnings += self.workbook.warnings
        preview.notes += self.workbook.legacy_notes()
        if self.progress:
            self.progress(self.total, self.total, "")
        return preview

    def _tick(self, label: str) -> None:
        if self.cancel is not None and self.cancel():
            raise ExchangeCancelled("Đã hủy.")
        if self.progress is not None:
            self.progress(min(self.done, self.total), self.total, label)

    def _sheet(self, spec: EntitySpec) -> None:
        local = {r[0]: r[1:] for r in self.store.repo(spec.name).values("rev", "revs", "owner", "deleted")}
        self.local[spec.name] = local
        seen: dict[str, int] = {}
        sheet = self.workbook.sheet_name_of(spec)
        for file_row in self.workbook.sheet_rows(spec, self.preview.errors):
            self.done += 1
            if self.done % 2000 == 0:
                self._tick(spec.title)
            change = self._row(spec, sheet, file_row, local, seen)
            self.preview.counts[change.status if change else UNCHANGED] += 1
            if change is not None:
                self.preview.rows.append(change)
                if change.writes:
                    self.pending.append((spec, change))
        self._tick(spec.title)

    # -- one row --------------------------------------------------------------------------------------------------
    def _row(self, spec: EntitySpec, sheet: str, fr: FileRow, local: dict[str, tuple[Any, ...]],
             seen: dict[str, int]) -> RowChange | None:
        """What one row of the file does, in the merge's steps: its bookkeeping checked, its references resolved and
        its values validated (any error rejects it), its revision worked out, then classified against the local
        row (new, unchanged, stale, changed, conflict), each step refusing what the office scope forbids."""
        errors = self._bookkeeping_errors(sheet, fr, seen)
        data_in = self._with_references_resolved(spec, sheet, fr, errors)
        data = self._validated(spec, sheet, fr, data_in, errors)
        display = clean_text(fr.values.get(display_column(spec)) or "")[:200]
        if errors:
            self.preview.errors += errors
            return RowChange(spec.name, sheet, fr.row, fr.row_id, REJECTED, display,
                             reason="; ".join(f"{e.column}: {e.message}" if e.column else e.message for e in errors))
        rev = _FileRevision.of(spec, fr, data)
        row_id = fr.row_id or self._typed_row_id(spec, rev.digest)
        if not fr.deleted and spec.name in self.referenced:
            self._remember_display(spec, row_id, data)
        if spec.name == "agencies":
            self.agency_codes[row_id] = str(data.get("code") or "").upper()
        author = self.preview.acting_office if rev.edited else self.sender
        record = self._record(fr, row_id, rev, data)
        found = local.get(row_id)
        if found is None:
            return self._new_row(spec, sheet, fr, row_id, display, record, author, data)
        return self._existing_row(spec, sheet, fr, row_id, display, record, author, data, rev, found)

    @staticmethod
    def _bookkeeping_errors(sheet: str, fr: FileRow, seen: dict[str, int]) -> list[CellError]:
        """The file's own errors of the row, and a damaged or duplicated `_id`, a damaged `_rev`."""
        errors = list(fr.errors)
        if fr.row_id:
            if not _ID.match(fr.row_id) or (_UUID_START.match(fr.row_id) and not _UUID.match(fr.row_id)):
                errors.append(CellError(sheet, fr.row, fmt.ID_COL, "mã dòng bị sửa hỏng."))
            elif fr.row_id in seen:
                errors.append(CellError(sheet, fr.row, fmt.ID_COL, f"mã dòng trùng với dòng {seen[fr.row_id]} "
                                                                      f"(dòng bị chép lặp?)."))
            else:
                seen[fr.row_id] = fr.row
        if fr.rev and not _REV.match(fr.rev):
            errors.append(CellError(sheet, fr.row, fmt.REV_COL, "mã phiên bản bị sửa hỏng."))
        return errors

    def _with_references_resolved(self, spec: EntitySpec, sheet: str, fr: FileRow,
                                  errors: list[CellError]) -> dict[str, object]:
        """The row's values with each reference column's names (or hidden ids) turned into ids; a name found
        nowhere, or found twice, adds an error naming the cell."""
        data_in = dict(fr.values)
        for f in self.refs[spec.name]:
            ids, message = self._resolve(f, fr.values.get(f.name), fr.ref_ids.get(f.name))
            if message:
                errors.append(CellError(sheet, fr.row, f.title, message))
            data_in[f.name] = (ids[0] if ids else None) if f.kind is Kind.REF else ids
        return data_in

    def _validated(self, spec: EntitySpec, sheet: str, fr: FileRow, data_in: dict[str, object],
                   errors: list[CellError]) -> dict[str, object]:
        """The values as the forms would store them; each refusal adds an error naming its cell."""
        try:
            return self._validate(spec, data_in)
        except ValidationError as exc:
            # A reference whose name was not found already has its error: not also "bắt buộc phải nhập".
            unresolved = {e.column for e in errors}
            errors += [CellError(sheet, fr.row, e.title, e.message) for e in exc.errors if e.title not in unresolved]
            return {}

    def _record(self, fr: FileRow, row_id: str, rev: _FileRevision, data: dict[str, object]) -> Row:
        """The row as it would be stored (its owner is decided by the classification)."""
        updated_at, updated_by = (self.now, self.editor)
        if not rev.edited and "|" in fr.updated:
            updated_at, updated_by = (sys.intern(v) for v in fr.updated.split("|", 1))
        return {"id": row_id, "rev": rev.rev, "revs": json.dumps(rev.history) if rev.history else "[]", **data,
                "updated_at": updated_at, "updated_by": updated_by, "deleted": 1 if fr.deleted else 0}

    def _new_row(self, spec: EntitySpec, sheet: str, fr: FileRow, row_id: str, display: str, record: Row,
                 author: str, data: dict[str, object]) -> RowChange:
        """A row this database does not have: new (or a deletion that arrives first), if its author may add it."""
        owner = sys.intern(fr.owner) if fr.owner and fr.row_id else self.preview.acting_office
        record["owner"] = owner
        refusal = self._new_row_refusal(spec, author, owner, data)
        if refusal:
            return self._reject(spec, sheet, fr, row_id, display, refusal)
        status = DELETED if fr.deleted else NEW
        return self._write(spec, RowChange(spec.name, sheet, fr.row, row_id, status, display, record=record))

    def _existing_row(self, spec: EntitySpec, sheet: str, fr: FileRow, row_id: str, display: str, record: Row,
                      author: str, data: dict[str, object], rev: _FileRevision,
                      found: tuple[Any, ...]) -> RowChange | None:
        """A row this database has, compared by revision (CouchDB's rules, docs/architecture.md): same content →
        nothing; the file's revision an ancestor of ours → stale; ours an ancestor of the file's → changed;
        otherwise a conflict, where an office's author keeps only the fields it may fill."""
        local_rev, local_revs, local_owner, local_deleted = found
        record["owner"] = local_owner
        if revisions.rev_hash(local_rev) == rev.digest:
            return None
        if rev.rev in revisions.parse_history(local_revs):
            return RowChange(spec.name, sheet, fr.row, row_id, STALE, display, local_rev=local_rev,
                             reason="tệp mang bản cũ hơn bản đang có (đã được cập nhật sau khi xuất tệp này).")
        concurrent = local_rev not in rev.history
        refusal = self._change_refusal(spec, author, local_owner, row_id, data, fr.deleted, bool(local_deleted),
                                       concurrent=concurrent)
        if refusal:
            return self._reject(spec, sheet, fr, row_id, display, refusal, local_rev)
        if not concurrent:
            status = DELETED if fr.deleted and not local_deleted else CHANGED
            return self._write(spec, RowChange(spec.name, sheet, fr.row, row_id, status, display, record=record,
                                               local_rev=local_rev))
        if author != fmt.HUB_OFFICE and author != local_owner:
            record = self._office_fields_only(spec, record, row_id, rev.history)
        return self._write(spec, RowChange(spec.name, sheet, fr.row, row_id, CONFLICT, display, record=record,
                                           local_rev=local_rev,
                                           reason="dòng đã được sửa ở cả hai nơi kể từ lần trao đổi trước."))

    def _validate(self, spec: EntitySpec, data: dict[str, object]) -> dict[str, object]:
        """desktop.domain.validation.validate, with each field's cleaning remembered per distinct cell value
        (lists repeat the same course, organisation, gender... thousands of times)."""
        return validate(spec, data, clean=lambda f, value: self._clean(spec, f, value))

    def _clean(self, spec: EntitySpec, f: Field, value: object) -> object:
        memo = self.memo
        key = (spec.name, f.name, type(value), value) if isinstance(value, str | int | float) else None
        if key is not None and key in memo:
            result = memo[key]
        else:
            try:
                result = f.clean(value)
            except ValueError as exc:
                result = _Refused(str(exc))
            if key is not None and len(memo) < MEMO_LIMIT:
                memo[key] = result
        if isinstance(result, _Refused):
            raise ValueError(result.message)
        return result

    def _typed_row_id(self, spec: EntitySpec, digest: str) -> str:
        """A row typed into the workbook has no id: derive one from the export and its content, so that importing
        the same file twice finds the row again instead of adding it twice."""
        key = (spec.name, digest)
        self.typed[key] = self.typed.get(key, 0) + 1
        export = self.preview.meta.get("export_id", "") or self.preview.file_hash
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"sxtdbv:{export}:{spec.name}:{digest}:{self.typed[key]}"))

    def _reject(self, spec: EntitySpec, sheet: str, fr: FileRow, row_id: str, display: str, reason: str,
                local_rev: str | None = None) -> RowChange:
        return RowChange(spec.name, sheet, fr.row, row_id, REJECTED, display, reason=reason, local_rev=local_rev)

    def _write(self, spec: EntitySpec, change: RowChange) -> RowChange:
        assert change.writes
        self.writes[spec.name][change.row_id] = bool(change.get("deleted"))
        return change

    # -- office scope (ownership.py) ---------------------------------------------------------------------------------
    def _agency_ids(self, office: str) -> set[str]:
        """The ids of the agency whose code is `office` (as known here or carried by the file)."""
        ids = {i for i, code in self.agency_codes.items() if code == office}
        ids.update(agency_ids_of(self.store, office))
        return ids

    def _assigned_to(self, spec: EntitySpec, data: dict[str, object], office: str) -> bool | None:
        """True when the row's assignment field names `office`, False when it names another, None when empty or
        the entity has no assignment field."""
        rule = ownership.assignment(spec)
        if rule is None or not data.get(rule.field):
            return None
        return str(data[rule.field]) in self._agency_ids(office)

    def _new_row_refusal(self, spec: EntitySpec, author: str, owner: str, data: dict[str, object]) -> str:
        """Why an office may not add this row ("" when it may)."""
        if author == fmt.HUB_OFFICE:
            return ""
        if owner != author:
            return f"dòng mới thuộc đơn vị {owner}; tệp của đơn vị {author} chỉ được thêm dòng cho chính đơn vị đó."
        if not ownership.may_add(spec):
            return (f"đơn vị {author} không được thêm dòng vào trang “{fmt.sheet_name(spec)}” "
                    f"(phần này do Sở Công Thương lập).")
        if self._assigned_to(spec, data, author) is False:
            rule = ownership.assignment(spec)
            assert rule is not None
            return (f"{spec.field(rule.field).title}: đơn vị {author} chỉ được thêm dòng cho chính đơn vị mình, "
                    f"không cho “{self._display_of('agencies', str(data[rule.field])) or data[rule.field]}”.")
        return ""

    def _change_refusal(self, spec: EntitySpec, author: str, owner: str, row_id: str, data: dict[str, object],
                        deleted: bool, local_deleted: bool, *, concurrent: bool) -> str:
        """Why an office may not make this change to an existing row ("" when it may). For a row changed here too
        (`concurrent`), the fields that differ may be this side's changes: they are not checked, the conflict's
        "theirs" takes only the office's fields (_office_fields_only)."""
        if author == fmt.HUB_OFFICE:
            return ""
        local = self.store.repo(spec.name).by_ids([row_id])[row_id]
        owned = owner == author
        assigned = bool(self._assigned_to(spec, local, author))
        if not owned and not assigned:
            return f"dòng thuộc đơn vị {owner}; tệp của đơn vị {author} không được sửa."
        if deleted != local_deleted and not owned:
            return f"dòng thuộc đơn vị {owner}; tệp của đơn vị {author} không được xóa hay khôi phục dòng này."
        allowed = set(ownership.writable_fields(spec, owned=owned, assigned=assigned))
        if concurrent:
            return ""
        changed = [f.name for f in spec.fields
                   if f.name not in allowed and _same(local.get(f.name)) != _same(data.get(f.name))]
        if changed:
            may = ownership.field_titles(spec, sorted(allowed, key=spec.field_names.index)) or "không cột nào"
            return (f"đơn vị {author} chỉ được sửa {may} của dòng này; tệp đã sửa "
                    f"{ownership.field_titles(spec, changed)}.")
        return ""

    def _office_fields_only(self, spec: EntitySpec, record: dict[str, object], row_id: str,
                            history: list[str]) -> dict[str, object]:
        """The file's version of a row assigned to the office and changed on both sides, reduced to what the office
        may write: this side's values elsewhere, as a new revision following the file's (so "theirs" keeps the
        hub's deadline and takes the office's result, and the next exchange converges)."""
        local = self.store.repo(spec.name).by_ids([row_id])[row_id]
        allowed = set(ownership.writable_fields(spec, owned=False, assigned=True))
        merged = dict(record)
        for f in spec.fields:
            if f.name not in allowed:
                merged[f.name] = local.get(f.name)
        if all(_same(merged[f.name]) == _same(record[f.name]) for f in spec.fields):
            return record
        file_rev = str(record["rev"])
        digest = revisions.content_hash(spec, merged, bool(record.get("deleted")))
        merged["rev"] = revisions.next_rev(file_rev, digest)
        merged["revs"] = json.dumps(revisions.extend_history(history, file_rev))
        return merged

    # -- references -----------------------------------------------------------------------------------------------
    def _remember_display(self, spec: EntitySpec, row_id: str, data: Row) -> None:
        text = clean_text(data.get(display_column(spec)) or "")
        self.file_display[spec.name][row_id] = text
        keys = self._keys(spec, data)
        if spec.name == "agencies":
            self.file_aliases[row_id] = keys
        index = self.names.get(spec.name)
        if index is not None:
            for key in keys:
                ids = index.setdefault(key, [])
                if row_id not in ids:
                    ids.append(row_id)

    @staticmethod
    def _keys(spec: EntitySpec, data: Row) -> list[str]:
        keys = [clean_text(data.get(display_column(spec)) or "").casefold()]
        if spec.name == "agencies":
            keys += [clean_text(data.get("code") or "").casefold(), clean_text(data.get("short_name") or "").casefold()]
        return [k for k in keys if k]

    def _display_of(self, table: str, row_id: str) -> str | None:
        if row_id in self.file_display[table]:
            return self.file_display[table][row_id]
        return self._local_display_of(table, row_id)

    def _local_display_of(self, table: str, row_id: str) -> str | None:
        if table not in self.local_display:
            column = display_column(BY_NAME[table])
            self.local_display[table] = {
                row_id: clean_text(value or "") for row_id, value in self.store.repo(table).values(column)}
        return self.local_display[table].get(row_id)

    def _name_index(self, table: str) -> dict[str, list[str]]:
        if table not in self.names:
            spec = BY_NAME[table]
            index: dict[str, list[str]] = {}
            extra = ("code", "short_name") if table == "agencies" else ()
            for row in self.store.repo(table).values(display_column(spec), *extra, include_deleted=False):
                if row[0] in self.file_display[table]:
                    continue
                data = {display_column(spec): row[1]}
                if extra:
                    data.update(code=row[2], short_name=row[3])
                for key in self._keys(spec, data):
                    index.setdefault(key, []).append(row[0])
            for row_id, text in self.file_display[table].items():
                for key in self.file_aliases.get(row_id, [text.casefold()] if text else []):
                    index.setdefault(key, []).append(row_id)
            self.names[table] = index
        return self.names[table]

    def _resolve(self, f: Field, visible: object, hidden: object) -> tuple[list[str], str]:
        text = clean_text(visible) if visible is not None else ""
        if not text:
            return [], ""
        hidden_ids = ref_ids(f.kind, hidden) if isinstance(hidden, str) and hidden.strip() else []
        if hidden_ids:
            # The text still names the rows behind the hidden ids (as written in the file or as known here).
            shown = [self._display_of(f.ref, i) for i in hidden_ids]
            local = [self._local_display_of(f.ref, i) for i in hidden_ids]
            if all(s is not None for s in shown):
                wanted = text.casefold()
                known_here = [s for s in local if s is not None]
                if "; ".join(s or "" for s in shown).casefold() == wanted or (
                        len(known_here) == len(local) and "; ".join(known_here).casefold() == wanted):
                    return hidden_ids, ""
            elif f.kind is Kind.REF:
                return hidden_ids, ""  # a row further down the same sheet; checked once every row is read
        parts = [p.strip() for p in text.split(";")] if f.kind is Kind.REFS else [text]
        index = self._name_index(f.ref)
        target = BY_NAME[f.ref].title.lower()
        ids: list[str] = []
        for part in parts:
            if not part:
                continue
            found = index.get(part.casefold(), [])
            if not found:
                return [], f"không tìm thấy {target} “{part}”."
            if len(set(found)) > 1:
                return [], f"có nhiều {target} cùng tên “{part}”: hãy chọn lại trong danh sách."
            ids.append(found[0])
        return ids, ""

    def _live(self, table: str, row_id: str) -> bool:
        if row_id in self.writes[table]:
            return not self.writes[table][row_id]
        found = self.local.get(table, {}).get(row_id)
        if found is None and table not in self.local:
            row = self.store.repo(table).by_ids([row_id]).get(row_id)
            found = (row["rev"], row["revs"], row["owner"], row["deleted"]) if row else None
        return found is not None and not found[3]

    def _demote(self, spec: EntitySpec, change: RowChange, reason: str) -> None:
        self.preview.counts[change.status] -= 1
        self.preview.counts[REJECTED] += 1
        change.status = REJECTED
        change.reason = reason
        self.writes[spec.name].pop(change.row_id, None)
        self.preview.errors.append(CellError(change.sheet, change.row, "", reason))
        change.record = None

    def _check_until_settled(self) -> None:
        """Refuse what the rows written together would break: a reference to a row that will not exist, deleting a
        row still needed, a unique value twice. A refusal can break a row already checked (a participant sent by a
        new agency then refused for its code; a code taken from a row whose own change is then refused), so the
        checks run again until a round refuses nothing."""
        while True:
            refused = self.preview.counts[REJECTED]
            self._check_references()
            self._check_deletions()
            self._check_unique()
            if self.preview.counts[REJECTED] == refused:
                return

    def _check_references(self) -> None:
        for spec, change in self.pending:
            if not change.writes or change.get("deleted"):  # a row refused here has no record left
                continue
            for f in self.refs[spec.name]:
                for target in ref_ids(f.kind, change.get(f.name)):
                    if target == change.row_id or self._live(f.ref, target):
                        continue
                    title = BY_NAME[f.ref].title.lower()
                    self._demote(spec, change, f"{f.title}: không tìm thấy {title} mà dòng này trỏ tới "
                                               f"(chưa có hoặc đã bị xóa).")
                    break
                if not change.writes:
                    break

    def _check_deletions(self) -> None:
        """Refuse deleting a row that live rows still point at, counting them for the message. Only rows of the
        database the file does not write can: a row of the file pointing at a row the file deletes was already
        refused by _check_references (a deleted row is not live), so it stays as the database has it."""
        for spec, change in self.pending:
            if not change.writes or change.status != DELETED:
                continue
            repo = self.store.repo(spec.name)
            blocking = sum(1 for t, i in repo.dependants(change.row_id) if i not in self.writes[t])
            if blocking:
                self._demote(spec, change, f"không xóa được: còn {blocking} dòng khác gắn với dòng này; "
                                           f"hãy đánh dấu xóa cả các dòng đó.")

    def _check_unique(self) -> None:
        for spec in ENTITIES:
            for name in spec.unique:
                owners: dict[str, str] = {}
                for row_id, value, deleted in self.store.repo(spec.name).values(name, "deleted"):
                    if not deleted and row_id not in self.writes[spec.name]:
                        owners[str(value).casefold()] = row_id
                for other, change in self.pending:
                    if other is not spec or not change.writes or change.get("deleted"):
                        continue
                    key = str(change.get(name)).casefold()
                    if key in owners and owners[key] != change.row_id:
                        field = spec.field(name)
                        self._demote(spec, change, f"{field.title}: “{change.get(name)}” đã có ở một dòng "
                                                   f"khác, không được trùng.")
                    else:
                        owners[key] = change.row_id

    # -- before -> after --------------------------------------------------------------------------------------------
    def _describe_changes(self) -> None:
        wanted: dict[str, list[RowChange]] = {}
        for spec, change in self.pending[:MAX_CHANGE_DETAILS]:
            if change.writes and change.status in (CHANGED, DELETED, CONFLICT):
                wanted.setdefault(spec.name, []).append(change)
        for table, changes in wanted.items():
            spec = BY_NAME[table]
            current = self.store.repo(table).by_ids(c.row_id for c in changes)
            for change in changes:
                before = current.get(change.row_id, {})
                after = change.record or {}
                for f in spec.fields:
                    old, new = self._show(f, before.get(f.name)), self._show(f, after.get(f.name))
                    if old != new:
                        change.changes.append((f.title, old, new))
                if bool(before.get("deleted")) != bool(after.get("deleted")):
                    change.changes.append((fmt.DELETE_TITLE, "x" if before.get("deleted") else "",
                                           "x" if after.get("deleted") else ""))

    def _show(self, f: Field, value: object) -> str:
        if value is None or value == "":
            return ""
        if f.kind is Kind.CHOICE:
            return ch.title_of(f.choices, str(value))
        if f.kind is Kind.BOOL:
            return fmt.TRUE_TEXT if value else fmt.FALSE_TEXT
        if f.kind in (Kind.REF, Kind.REFS):
            return "; ".join(self._display_of(f.ref, i) or i for i in ref_ids(f.kind, value))
        if f.kind is Kind.DATE:
            return format_date(value)
        if f.kind is Kind.MONEY:
            return format_money(int(value))  # type: ignore[call-overload]  # a MONEY cell holds a whole number (checked by Field.clean)
        if f.kind in (Kind.DECIMAL, Kind.PERCENT) and isinstance(value, int | float):
            return format_number(value, 0 if float(value).is_integer() else 2)
        return str(value)


def _same(value: object) -> str:
    """A field's value in the form the content hash compares (3 and 3.0, None and "" are the same)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if value is None:
        value = ""
    if isinstance(value, list | tuple):
        value = json.dumps(list(value))
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


class _Refused:
    """A remembered refusal of a cell value (its Vietnamese reason)."""

    __slots__ = ("message",)

    def __init__(self, message: str):
        self.message = message
