"""Kế hoạch năm mới: the next year's plan in the structure of that year.

The user's action in two steps, shared by the GUI dialog and `sxtdbv new-year`:

1. `preview_new_year` reads the plan to copy and finds every agency its tasks, responsibilities and office reports
   name that is no longer in force in the new year (the districts after 1 July 2025, merged departments). Each one is
   mapped to its successors in force that year when it names exactly one (following chains: district -> commune ->
   ...); otherwise it waits for the user's decision: several successors (one district -> several communes) or none.
2. `create_new_year` writes the new plan with the mapping, refusing while any agency is undecided. Nothing of the
   source plan changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from desktop.domain import agencies as rules
from desktop.domain.rows import Row
from desktop.domain.text import collation_key
from desktop.services.plan_year import copy_plan_to_year
from desktop.store import Store, StoreError

MAPPED, AMBIGUOUS, MISSING = "mapped", "ambiguous", "missing"
"""How an ended agency is resolved: one successor in force (automatic), several, or none named."""


@dataclass
class AgencyMapping:
    """One agency of the copied rows that is not in force in the new year, and what replaces it."""

    agency_id: str
    code: str
    name: str
    valid_to: str
    state: str
    candidates: list[str]
    """Its successors in force in the new year (following chains), in stored order."""
    uses: list[str]
    """Where the copied rows name it ("Nhiệm vụ II.1 (chủ trì)", "Tổ chức thực hiện III.6", "Báo cáo …")."""
    targets: list[str] | None = None
    """The agencies that replace it: decided (automatically or by the user); None while undecided; [] drops it."""
    decided_by_user: bool = False


@dataclass
class NewYearPreview:
    """What creating the plan of `year` from the plan of `source_year` will do."""

    source_plan_id: str
    source_year: int
    year: int
    mappings: list[AgencyMapping] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    """Rows copied from the source plan, by entity."""
    names: dict[str, str] = field(default_factory=dict)
    """id -> name of every agency mentioned (for showing the preview)."""
    codes: dict[str, str] = field(default_factory=dict)
    """id -> code of every agency."""
    available: list[str] = field(default_factory=list)
    """Agencies in force in the new year, in Vietnamese order: what the user may map to."""
    review: list[str] = field(default_factory=list)
    """Copied texts written for the old agencies (a responsibility heading naming the districts): to edit after."""

    @property
    def undecided(self) -> list[AgencyMapping]:
        """The agencies still waiting for the user."""
        return [m for m in self.mappings if m.targets is None]

    def agency_map(self) -> dict[str, list[str]]:
        """Old id -> replacements, for the copy (only decided agencies)."""
        return {m.agency_id: list(m.targets) for m in self.mappings if m.targets is not None}

    def to_json(self) -> Row:
        """The preview as plain data (agencies by code), for `sxtdbv new-year --json`."""
        def code(agency_id: str) -> str:
            return self.codes.get(agency_id, agency_id)

        return {
            "from_year": self.source_year, "year": self.year, "copied": self.counts,
            "agencies": [{"code": m.code, "name": m.name, "valid_to": m.valid_to, "state": m.state,
                          "candidates": [code(i) for i in m.candidates], "uses": m.uses,
                          "to": None if m.targets is None else [code(i) for i in m.targets],
                          "decided_by_user": m.decided_by_user} for m in self.mappings],
            "undecided": [m.code for m in self.undecided], "review": self.review,
        }


def source_plan_for(store: Store, year: int, from_year: int | None = None) -> Row:
    """The plan to copy into `year`: the plan of `from_year`, or the latest plan before `year`."""
    plans = store.repo("plans").rows(order_by=("-year", "-rowid"))
    if store.repo("plans").count(year=year):
        raise StoreError(f"Đã có kế hoạch năm {year}; không tạo thêm.")
    if from_year is not None:
        found = [p for p in plans if p["year"] == from_year]
        if not found:
            raise StoreError(f"Không có kế hoạch năm {from_year} để sao chép.")
        return found[0]
    earlier = [p for p in plans if p["year"] < year]
    if not earlier:
        raise StoreError(f"Không có kế hoạch nào trước năm {year} để sao chép.")
    return earlier[0]


def preview_new_year(store: Store, year: int, from_year: int | None = None,
                     decisions: dict[str, list[str]] | None = None) -> NewYearPreview:
    """What creating the plan of `year` will copy and how each ended agency is mapped. Writes nothing.

    `decisions` (old agency id -> replacement ids, [] to drop it) are the user's answers; they also override an
    automatic mapping. A decision naming an agency not in force in `year` is refused (StoreError)."""
    source = source_plan_for(store, year, from_year)
    agencies = {row["id"]: row for row in store.repo("agencies").rows(include_deleted=True)}
    live = [row for row in agencies.values() if not row["deleted"]]
    preview = NewYearPreview(source["id"], int(source["year"]), year,
                             names={i: str(a["name"]) for i, a in agencies.items()},
                             codes={i: str(a["code"]) for i, a in agencies.items()})
    preview.available = [row["id"] for row in sorted(live, key=lambda r: collation_key(str(r["name"])))
                         if rules.in_force_in_year(row, year)]
    uses = _agency_uses(store, source["id"], preview.counts)
    for agency_id, places in uses.items():
        agency = agencies.get(agency_id)
        if agency is None or (rules.in_force_in_year(agency, year) and not agency["deleted"]):
            continue
        candidates = _successors_in_force(agencies, agency_id, year)
        state = MAPPED if len(candidates) == 1 else AMBIGUOUS if candidates else MISSING
        preview.mappings.append(AgencyMapping(
            agency_id, str(agency["code"]), str(agency["name"]), str(agency["valid_to"] or ""), state, candidates,
            places, targets=list(candidates) if state == MAPPED else None))
    preview.mappings.sort(key=lambda m: (m.state == MAPPED, int(agencies[m.agency_id]["seq"] or 0), m.code))
    replaced = {m.agency_id for m in preview.mappings}
    for row in store.repo("responsibilities").rows(plan_id=source["id"]):
        if replaced & set(json.loads(row["agency_ids"] or "[]")):
            preview.review.append(f"Tổ chức thực hiện {row['code'] or ''}: “{row['heading']}”")
    _apply_decisions(preview, decisions or {})
    return preview


def create_new_year(store: Store, preview: NewYearPreview) -> str:
    """Write the plan the preview describes; StoreError naming the agencies to decide while any is undecided."""
    if preview.undecided:
        listing = "; ".join(f"{m.code} ({m.name})" for m in preview.undecided)
        raise StoreError(f"Chưa chọn đơn vị thay thế cho các đơn vị đã hết hiệu lực: {listing}.")
    return copy_plan_to_year(store, preview.source_plan_id, preview.year, preview.agency_map())


def _apply_decisions(preview: NewYearPreview, decisions: dict[str, list[str]]) -> None:
    by_id = {m.agency_id: m for m in preview.mappings}
    allowed = set(preview.available)
    for agency_id, targets in decisions.items():
        mapping = by_id.get(agency_id)
        if mapping is None:
            name = preview.names.get(agency_id, agency_id)
            raise StoreError(f"{name}: đơn vị này không cần thay thế trong kế hoạch năm {preview.year}.")
        wrong = [t for t in targets if t not in allowed]
        if wrong:
            raise StoreError(f"{mapping.name}: không thể chuyển sang “{preview.names.get(wrong[0], wrong[0])}” vì "
                             f"đơn vị đó không có hiệu lực trong năm {preview.year}.")
        mapping.targets = list(dict.fromkeys(targets))
        mapping.decided_by_user = True


def _successors_in_force(agencies: dict[str, Row], agency_id: str, year: int) -> list[str]:
    """The successors of `agency_id` in force in `year`, following successors that ended too (each once)."""
    found: list[str] = []
    seen = {agency_id}
    queue = rules.successor_ids(agencies[agency_id])
    while queue:
        current = queue.pop(0)
        if current in seen or current not in agencies:
            continue
        seen.add(current)
        row = agencies[current]
        if rules.in_force_in_year(row, year) and not row["deleted"]:
            found.append(current)
        else:
            queue.extend(rules.successor_ids(row))
    return found


def _agency_uses(store: Store, plan_id: str, counts: dict[str, int]) -> dict[str, list[str]]:
    """Agency id -> where the plan's copied rows name it, in the plan's order; `counts` gets the rows per entity."""
    uses: dict[str, list[str]] = {}

    def note(agency_id: str | None, place: str) -> None:
        if agency_id and place not in uses.setdefault(agency_id, []):
            uses[agency_id].append(place)

    tasks = store.repo("tasks").rows(plan_id=plan_id)
    for role, tasks_by_agency in (("chủ trì", _tasks_by_agency(tasks, lead=True)),
                                  ("phối hợp", _tasks_by_agency(tasks, lead=False))):
        for agency_id, task_codes in tasks_by_agency.items():
            note(agency_id, f"Nhiệm vụ {', '.join(task_codes)} ({role})")
    responsibilities = store.repo("responsibilities").rows(plan_id=plan_id)
    for row in responsibilities:
        for agency_id in json.loads(row["agency_ids"] or "[]"):
            note(agency_id, f"Tổ chức thực hiện {row['code'] or row['heading']}")
    reports = store.repo("office_reports").rows(plan_id=plan_id)
    for row in reports:
        note(row["agency_id"], f"Báo cáo {row['period'] or ''} (đơn vị báo cáo)".replace("  ", " "))
        note(row["recipient_id"], f"Báo cáo {row['period'] or ''} (nơi nhận)".replace("  ", " "))
    counts.update({"tasks": len(tasks), "responsibilities": len(responsibilities), "office_reports": len(reports)})
    for entity in ("legal_bases", "budget_lines"):
        counts[entity] = store.repo(entity).count(plan_id=plan_id)
    return uses


def _tasks_by_agency(tasks: list[Row], *, lead: bool) -> dict[str, list[str]]:
    """Agency id -> the codes of the tasks it leads (or coordinates), in the plan's order."""
    found: dict[str, list[str]] = {}
    for task in tasks:
        agency_ids = [task["lead_agency_id"]] if lead else json.loads(task["coordinating_ids"] or "[]")
        for agency_id in agency_ids:
            if agency_id:
                found.setdefault(agency_id, []).append(str(task["code"] or "?"))
    return {agency_id: sorted(task_codes, key=_outline_key) for agency_id, task_codes in found.items()}


def _outline_key(code: str) -> list[tuple[int, int, str]]:
    """"II.1.10" after "II.1.9": numbers compared as numbers, other parts as text."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in code.split(".")]
