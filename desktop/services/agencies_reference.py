"""Bundled reference updates of the agency list (resources/reference/), applied only when the user asks.

An update names agencies by code and says what to set (valid-to, successors by code, …) and on which legal sources;
the sources are written into each agency's note so that the list itself says why an agency ended. Applying twice
changes nothing the second time. Agencies the update names but the list does not have are reported, never created.
See docs/reference-data.md for what is bundled.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from desktop.domain import agencies as rules
from desktop.domain.entities import AGENCIES
from desktop.domain.rows import Row
from desktop.paths import resource
from desktop.store import Store, StoreError

REFORM_2025 = "agencies_2025.json"
CHANGE, UNCHANGED, MISSING = "change", "unchanged", "missing"


@dataclass
class ReferenceRow:
    """One agency named by the update and what applying does to it."""

    code: str
    name: str
    status: str
    changes: list[tuple[str, str, str]] = field(default_factory=list)
    """(field title, before, after)."""
    values: Row = field(default_factory=dict)


@dataclass
class ReferencePreview:
    """What applying the update would change; `apply_reference_update` writes it."""

    title: str
    sources: list[str]
    rows: list[ReferenceRow] = field(default_factory=list)

    def count(self, status: str) -> int:
        """Agencies with `status`."""
        return sum(1 for r in self.rows if r.status == status)

    def to_json(self) -> Row:
        """Plain data for `sxtdbv agencies --apply-2025 --json`."""
        return {"title": self.title, "sources": self.sources,
                "counts": {s: self.count(s) for s in (CHANGE, UNCHANGED, MISSING)},
                "agencies": [{"code": r.code, "name": r.name, "status": r.status, "changes": r.changes}
                             for r in self.rows]}


def reference_path(name: str = REFORM_2025) -> Path:
    """The bundled update file `name`."""
    return resource("reference", name)


def preview_reference_update(store: Store, path: Path | None = None) -> ReferencePreview:
    """Read the update (the 2025 reform unless `path`) and compare it with the list; writes nothing."""
    update = _load(path or reference_path())
    sources: dict[str, str] = update.get("sources", {})
    preview = ReferencePreview(str(update.get("title", "")), list(sources.values()))
    agencies = {str(r["code"]).casefold(): r for r in store.repo("agencies").rows()}
    for change in update.get("changes", []):
        code = str(change["code"])
        current = agencies.get(code.casefold())
        if current is None:
            preview.rows.append(ReferenceRow(code, "", MISSING))
            continue
        values: dict[str, object] = dict(change.get("set", {}))
        if change.get("successors"):
            missing = [c for c in change["successors"] if c.casefold() not in agencies]
            if missing:
                raise StoreError(f"Bản cập nhật nêu đơn vị kế thừa “{missing[0]}” chưa có trong danh sách đơn vị.")
            wanted = [agencies[c.casefold()]["id"] for c in change["successors"]]
            have = rules.successor_ids(current)
            values["successor_ids"] = have + [i for i in wanted if i not in have]
        line = _note_line(str(update.get("title", "")), [sources[s] for s in change.get("sources", [])])
        note = str(current.get("note") or "")
        if line and line not in note:
            values["note"] = f"{note}\n{line}" if note else line
        row = ReferenceRow(code, str(current["name"]), UNCHANGED)
        for name, value in values.items():
            before = current.get(name)
            if name == "successor_ids":
                if value == rules.successor_ids(current):
                    continue
            elif (before or None) == (value or None):
                continue
            row.values[name] = value
            row.changes.append((AGENCIES.field(name).title, _shown(before), _shown(value)))
        row.status = CHANGE if row.values else UNCHANGED
        preview.rows.append(row)
    return preview


def apply_reference_update(store: Store, preview: ReferencePreview) -> int:
    """Write the changes of the preview in one transaction; returns how many agencies changed."""
    repo = store.repo("agencies")
    ids = {str(r["code"]).casefold(): r["id"] for r in repo.rows()}
    with store.atomic():
        for row in preview.rows:
            if row.status == CHANGE:
                repo.update(ids[row.code.casefold()], row.values)
    return preview.count(CHANGE)


def _load(path: Path) -> Row:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise StoreError(f"Không đọc được tệp cập nhật danh sách đơn vị “{path.name}”.") from exc
    if not isinstance(data, dict) or not isinstance(data.get("changes"), list):
        raise StoreError(f"Tệp “{path.name}” không phải là bản cập nhật danh sách đơn vị.")
    return data


def _note_line(title: str, sources: list[str]) -> str:
    if not sources:
        return ""
    return f"{title} — căn cứ: " + "; ".join(sources) + "."


def _shown(value: object) -> str:
    if value in (None, ""):
        return ""
    if isinstance(value, list):
        return f"{len(value)} đơn vị"
    text = str(value)
    if len(text) == 10 and text[4] == "-" and text[7] == "-":
        return f"{text[8:10]}/{text[5:7]}/{text[:4]}"
    return text
