"""Applying an import preview: a backup first, then every row in ONE transaction, then the exchange log.

Before writing, every row is checked again against the database: when anything changed since the preview, the
import is refused and nothing is written.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.domain import revisions
from desktop.domain.dates import utc_now_iso
from desktop.domain.entities import ENTITIES
from desktop.domain.rows import Row
from desktop.exchange.errors import ExchangeError
from desktop.exchange.model import CHANGED, CONFLICT, DELETED, MINE, NEW, THEIRS, ImportPreview, RowChange
from desktop.store import Store, exchange_log
from desktop.store.backup import sqlite_reason


@dataclass(frozen=True)
class ApplyResult:
    """What an apply wrote: rows per status, the backup taken, and the exchange log id."""

    written: dict[str, int]
    backup: Path | None
    log_id: int | None

    @property
    def total(self) -> int:
        """Rows written."""
        return sum(self.written.values())


def resolve_all(preview: ImportPreview, resolution: str) -> None:
    """Resolve every conflict of `preview` the same way ("mine" keeps this database's row, "theirs" the file's)."""
    if resolution not in (MINE, THEIRS):
        raise ValueError(resolution)
    for change in preview.conflicts:
        change.resolution = resolution


def unresolved(preview: ImportPreview) -> list[RowChange]:
    """The conflicts without a resolution."""
    return [c for c in preview.conflicts if c.resolution not in (MINE, THEIRS)]


def apply_preview(store: Store, preview: ImportPreview, *, allow_rejected: bool = False,
                  backup: Callable[[Store], Path] | None = None) -> ApplyResult:
    """Write the preview's rows in one transaction after `backup(store)` (the backup policy's pre-import backup,
    desktop/services/backup.backup_before_import); raise ExchangeError (nothing written) when errors, rejected rows
    (unless `allow_rejected`), unresolved conflicts or changes since the preview stop it."""
    if preview.errors and not allow_rejected:
        raise ExchangeError(f"Tệp có {len(preview.errors)} lỗi: không nhập dòng nào. Hãy sửa rồi nhập lại.")
    if preview.counts["rejected"] and not allow_rejected:
        raise ExchangeError(f"Có {preview.counts['rejected']} dòng bị từ chối: không nhập dòng nào.")
    pending = unresolved(preview)
    if pending:
        raise ExchangeError(f"Còn {len(pending)} dòng xung đột chưa chọn cách giải quyết (giữ bản của máy này "
                            f"hoặc lấy bản trong tệp).")
    to_write = [c for c in preview.rows if c.writes and c.status in (NEW, CHANGED, DELETED, CONFLICT)]
    if not to_write:
        return ApplyResult({}, None, _log(store, preview, "no-changes", {}))
    backup_path = backup(store) if backup is not None else None
    by_table: dict[str, list[RowChange]] = {}
    for change in to_write:
        by_table.setdefault(change.entity, []).append(change)
    written: dict[str, int] = {}
    try:
        # Foreign keys are checked at COMMIT (a failure there rolls everything back): rows keep the file's order
        # even where a task comes before the task it belongs to.
        with store.atomic(defer_foreign_keys=True):
            now = utc_now_iso()
            for spec in ENTITIES:
                changes = by_table.get(spec.name)
                if not changes:
                    continue
                repo = store.repo(spec.name)
                columns = repo.columns
                fresh = [c for c in changes if c.local_rev is None]
                others = [c for c in changes if c.local_rev is not None]
                _check_unchanged_since_preview(store, spec.name, others)
                # A row that appeared since the preview makes this INSERT fail: nothing is written then.
                repo.insert_many(c.values_for(columns) for c in fresh)
                for change in fresh:
                    written[change.status] = written.get(change.status, 0) + 1
                records = []
                for change in others:
                    record = _final_record(store, change, now)
                    records.append(tuple(record.get(c) for c in columns))
                    key = change.status if change.status != CONFLICT else f"conflict-{change.resolution}"
                    written[key] = written.get(key, 0) + 1
                repo.upsert_many(records)
            log_id = _log(store, preview, "applied", written)
    except sqlite3.IntegrityError as exc:
        if "UNIQUE" in str(exc) or "PRIMARY KEY" in str(exc):
            raise ExchangeError("Dữ liệu đã thay đổi sau khi xem trước tệp này: hãy xem trước lại rồi mới "
                                "nhập.") from exc
        raise ExchangeError("Không nhập được, chưa có gì thay đổi: có dòng trỏ tới dòng không tồn tại. Hãy xem "
                            "trước lại tệp rồi mới nhập.") from exc  # never SQLite's own English text
    except sqlite3.Error as exc:
        raise ExchangeError(f"Không ghi được vào cơ sở dữ liệu, chưa có gì thay đổi: {sqlite_reason(exc)}") from exc
    return ApplyResult(written, backup_path, log_id)


def _check_unchanged_since_preview(store: Store, table: str, changes: list[RowChange]) -> None:
    current = store.repo(table).by_ids(c.row_id for c in changes)
    for change in changes:
        if current.get(change.row_id, {}).get("rev") != change.local_rev:
            raise ExchangeError("Dữ liệu đã thay đổi sau khi xem trước tệp này: hãy xem trước lại rồi mới nhập.")


def _final_record(store: Store, change: RowChange, now: str) -> Row:
    record = change.record
    assert record is not None
    if change.status != CONFLICT:
        return record
    local = store.repo(change.entity).get(change.row_id, include_deleted=True)
    local_rev, file_rev = local["rev"], record["rev"]
    history = [local_rev, file_rev, *revisions.parse_history(local.get("revs")), *json.loads(record["revs"])]
    history = list(dict.fromkeys(history))[: revisions.HISTORY_LENGTH]
    generation = max(revisions.generation(local_rev), revisions.generation(file_rev)) + 1
    if change.resolution == THEIRS:
        digest = revisions.rev_hash(file_rev)
        merged = {**record, "owner": local["owner"]}
    else:
        digest = revisions.rev_hash(local_rev)
        merged = dict(local)
    merged.update(rev=f"{generation}-{digest}", revs=json.dumps(history), updated_at=now,
                  updated_by=store.context.installation_id)
    return merged


def _log(store: Store, preview: ImportPreview, status: str, written: dict[str, int]) -> int | None:
    """Record the import in exchange_log (file hash, office, time, counts)."""
    entry = {
        "time": utc_now_iso(), "direction": "import", "file_name": preview.path.name, "file_hash": preview.file_hash,
        "office": preview.acting_office, "export_id": preview.meta.get("export_id", ""), "status": status,
        "counts": json.dumps({"preview": preview.counts, "written": written}, ensure_ascii=False),
        "installation": store.context.installation_id,
    }
    return exchange_log.add_entry(store, entry)


def log_refused(store: Store, preview: ImportPreview | None, path: Path, file_hash: str, message: str) -> None:
    """Record a refused import attempt in exchange_log; a database that cannot take the record (read-only, damaged)
    does not hide the refusal: the record is then left out."""
    entry = {"time": utc_now_iso(), "direction": "import", "file_name": path.name, "file_hash": file_hash,
             "office": preview.acting_office if preview else "", "export_id": preview.meta.get("export_id", "")
             if preview else "", "status": "refused", "counts": json.dumps({"message": message}, ensure_ascii=False),
             "installation": store.context.installation_id}
    try:
        exchange_log.add_entry(store, entry)
    except sqlite3.Error:
        pass
