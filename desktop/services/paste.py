"""Rows to and from Excel through the clipboard: tab-separated text as Excel writes and reads it, and pasted rows
turned into record values (columns matched by title when a header row was pasted, by position otherwise), validated
as the forms validate. Qt-free: the list's paste action (ui/widgets/list_actions.py) puts the text in and out.

A paste may land on any list, while the list import's mapping (services/lists.py) covers the declared list kinds
only; the two could share their column matching later.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

from desktop.domain.entities import EntitySpec
from desktop.domain.errors import ValidationError
from desktop.domain.fields import Kind
from desktop.domain.text import search_key
from desktop.domain.validation import validate


def to_tsv(rows: list[list[str]]) -> str:
    """Cells joined by tabs and rows by CR LF, a cell holding a tab, a newline or a quote quoted as Excel quotes it
    (the csv module's "excel-tab" dialect), so Excel pastes each into one cell."""
    buffer = io.StringIO()
    csv.writer(buffer, dialect="excel-tab", lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def parse_tsv(text: str) -> list[list[str]]:
    """The rows of tab-separated text copied from Excel (quoted cells may hold newlines); blank rows dropped."""
    rows = csv.reader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n")), dialect="excel-tab")
    return [row for row in rows if any(cell.strip() for cell in row)]


@dataclass
class PastedRow:
    """One pasted row: its number in the paste (1 = first line), the values typed, and what validation said."""

    number: int
    cells: list[str]
    values: dict[str, object] = field(default_factory=dict)
    reason: str = ""  # empty when the row can be added

    @property
    def valid(self) -> bool:
        """True when the row can be added."""
        return not self.reason


@dataclass
class PastePlan:
    """What a paste onto a list would add: the field of each pasted column (None: left out) and each row."""

    fields: list[str | None]
    header: list[str] | None
    rows: list[PastedRow]

    @property
    def valid_rows(self) -> list[PastedRow]:
        """The rows that can be added."""
        return [r for r in self.rows if r.valid]

    @property
    def refused_rows(self) -> list[PastedRow]:
        """The rows refused, each with its reason."""
        return [r for r in self.rows if not r.valid]


def match_columns(first_row: list[str], titles: dict[str, list[str]], order: list[str]) -> tuple[list[str | None],
                                                                                                 bool]:
    """The field of each pasted column, and whether `first_row` is a header row.

    `titles` maps a field to the titles it answers to (its Vietnamese and English labels); when at least one cell of
    the first row is such a title, the first row is a header and columns are matched by title. Otherwise columns are
    taken in `order` (the list's shown columns, left to right), as when rows are pasted from the same list.
    """
    by_key = {search_key(t): name for name, names in titles.items() for t in names if t}
    matched = [by_key.get(search_key(c)) if c.strip() else None for c in first_row]
    if any(matched):
        seen: set[str] = set()
        unique = []
        for name in matched:
            unique.append(name if name and name not in seen else None)
            if name:
                seen.add(name)
        return unique, True
    return [order[i] if i < len(order) else None for i in range(len(first_row))], False


def plan_paste(spec: EntitySpec, grid: list[list[str]], titles: dict[str, list[str]], order: list[str],
               fixed: dict[str, object], ref_names: dict[str, dict[str, str]], *,
               fields: list[str | None] | None = None) -> PastePlan:
    """Match the pasted columns (unless `fields` gives them) and validate every row as the form would.

    `fixed` holds the values every new row takes (its plan, its parent row); `ref_names` maps each referenced
    entity to {id: shown name}, so a pasted agency name finds its row.
    """
    if not grid:
        return PastePlan(fields or [], None, [])
    guessed, has_header = match_columns(grid[0], titles, order)
    header = grid[0] if has_header else None
    body = grid[1:] if has_header else grid
    columns = fields if fields is not None else guessed
    rows = []
    for number, cells in enumerate(body, start=2 if has_header else 1):
        row = PastedRow(number, cells)
        values: dict[str, object] = {}
        problems: list[str] = []
        for position, name in enumerate(columns):
            if not name or position >= len(cells):
                continue
            text = cells[position].strip()
            spec_field = spec.field(name)
            if spec_field.kind in (Kind.REF, Kind.REFS) and text:
                ids, unknown = _resolve_refs(text, ref_names.get(spec_field.ref or "", {}),
                                             many=spec_field.kind is Kind.REFS)
                if unknown:
                    problems.append(f"{spec_field.title}: không tìm thấy “{unknown}”")
                    continue
                values[name] = json.dumps(ids) if spec_field.kind is Kind.REFS else ids[0]
            else:
                values[name] = text or None
        data = {**values, **fixed}
        if problems:
            row.reason = "; ".join(problems)
        else:
            try:
                row.values = validate(spec, data)
                row.values = data  # the store cleans again; keep what was typed (ids resolved)
            except ValidationError as exc:
                row.reason = "; ".join(str(e) for e in exc.errors)
        rows.append(row)
    return PastePlan(list(columns), header, rows)


def _resolve_refs(text: str, names: dict[str, str], *, many: bool) -> tuple[list[str], str]:
    by_key = {search_key(n): i for i, n in names.items()}
    parts = [p.strip() for p in (text.replace(";", ",").split(",") if many else [text]) if p.strip()]
    ids = []
    for part in parts:
        found = by_key.get(search_key(part)) or (part if part in names else None)
        if found is None:
            return [], part
        ids.append(found)
    return ids, ""
