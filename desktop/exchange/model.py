"""The import preview: what each row of a workbook would do, with counts, errors and warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain.rows import Row
from desktop.exchange.errors import CellError

NEW, CHANGED, UNCHANGED, STALE, CONFLICT, REJECTED, DELETED = (
    "new", "changed", "unchanged", "stale", "conflict", "rejected", "deleted")
STATUSES = (NEW, CHANGED, UNCHANGED, STALE, CONFLICT, REJECTED, DELETED)
STATUS_TITLES = {
    NEW: "Mới", CHANGED: "Thay đổi", UNCHANGED: "Không đổi", STALE: "Cũ hơn (bỏ qua)", CONFLICT: "Xung đột",
    REJECTED: "Bị từ chối", DELETED: "Xóa",
}
MINE, THEIRS = "mine", "theirs"


_KEY_INDEX: dict[tuple[str, ...], dict[str, int]] = {}
_CANONICAL: dict[tuple[str, ...], tuple[str, ...]] = {}


class RowChange:
    """One row of the file that is not simply unchanged: its status, what it would write and why.

    `record` is the complete row the import writes (for new / changed / deleted, and for a conflict resolved
    "theirs"), kept as a tuple of values to stay small with 100,000 rows; `local_rev` is the local revision seen by
    the preview (None for a new row). `changes` lists (column title, before, after) for display.
    """

    __slots__ = ("entity", "sheet", "row", "row_id", "status", "display", "reason", "local_rev", "changes",
                 "resolution", "_keys", "_values")

    def __init__(self, entity: str, sheet: str, row: int, row_id: str, status: str, display: str, reason: str = "",
                 record: Row | None = None, local_rev: str | None = None,
                 changes: list[tuple[str, str, str]] | None = None, resolution: str = ""):
        self.entity = entity
        self.sheet = sheet
        self.row = row
        self.row_id = row_id
        self.status = status
        self.display = display
        self.reason = reason
        self.local_rev = local_rev
        self.changes = changes if changes is not None else []
        self.resolution = resolution
        self._keys: tuple[str, ...] = ()
        self._values: tuple[object, ...] | None = None
        self.record = record

    @property
    def record(self) -> Row | None:
        """The complete row to write, or None."""
        if self._values is None:
            return None
        return dict(zip(self._keys, self._values, strict=True))

    @record.setter
    def record(self, value: Row | None) -> None:
        if value is None:
            self._values = None
            return
        keys = tuple(value)
        if keys not in _KEY_INDEX:
            _KEY_INDEX[keys] = {k: i for i, k in enumerate(keys)}
            _CANONICAL[keys] = keys
        self._keys = _CANONICAL[keys]  # one shared tuple of column names per layout
        self._values = tuple(value.values())

    @property
    def writes(self) -> bool:
        """True when the row carries a record to write."""
        return self._values is not None

    def get(self, name: str, default: object = None) -> object:
        """One value of the record (default when there is no record or no such column)."""
        if self._values is None:
            return default
        index = _KEY_INDEX[self._keys].get(name)
        return default if index is None else self._values[index]

    def values_for(self, columns: list[str]) -> tuple[object, ...]:
        """The record's values in the order of `columns` (for executemany)."""
        index = _KEY_INDEX[self._keys]
        values = self._values or ()
        return tuple(values[index[c]] if c in index else None for c in columns)

    @property
    def key(self) -> str:
        """The key naming this row in conflict resolutions: "<entity>:<id>"."""
        return f"{self.entity}:{self.row_id}"

    def __repr__(self) -> str:
        return f"RowChange({self.entity}, {self.sheet}:{self.row}, {self.status}, {self.display!r})"

    def as_dict(self) -> dict[str, object]:
        """The row as the CLI's JSON prints it."""
        data = {"sheet": self.sheet, "row": self.row, "id": self.row_id, "status": self.status,
                "title": self.display}
        if self.reason:
            data["reason"] = self.reason
        if self.changes:
            data["changes"] = [{"column": c, "before": b, "after": a} for c, b, a in self.changes]
        if self.resolution:
            data["resolution"] = self.resolution
        return data


@dataclass
class ImportPreview:
    """Everything the import would do, computed without writing anything."""

    path: Path
    file_hash: str
    meta: dict[str, str]
    acting_office: str
    local_office: str
    rows: list[RowChange] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    errors: list[CellError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def conflicts(self) -> list[RowChange]:
        """The rows in conflict."""
        return [r for r in self.rows if r.status == CONFLICT]

    @property
    def writes(self) -> int:
        """How many rows an apply would write (conflicts counted as if resolved)."""
        return sum(self.counts[s] for s in (NEW, CHANGED, DELETED, CONFLICT))

    @property
    def has_changes(self) -> bool:
        """True when applying would change the database."""
        return self.writes > 0

    @property
    def blocked(self) -> bool:
        """True when errors or rejected rows stop the import."""
        return bool(self.errors) or self.counts[REJECTED] > 0

    def summary(self) -> str:
        """One line with the counts, in Vietnamese."""
        parts = [f"{STATUS_TITLES[s].lower()}: {self.counts[s]}" for s in STATUSES if self.counts[s]]
        return ", ".join(parts) if parts else "không có dòng nào"
