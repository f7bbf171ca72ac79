"""Office report figures: each office's report and its state at a date (on time, late, missing, not yet due)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop.domain import derived
from desktop.domain.rows import Row
from desktop.figures.tasks import agency_names
from desktop.store import Store


@dataclass
class OfficeReportFigures:
    """Office reports by state at `as_of`.

    Rules (domain.derived.report_state): handed in on or before the due date is on time (the due date itself is on
    time), after it late; not handed in and the due date passed is missing; otherwise not yet due. A reminder letter
    goes to exactly the `missing` offices.
    """

    rows: list[Row] = field(default_factory=list)
    by_state: dict[str, list[Row]] = field(default_factory=dict)

    def count(self, state: str) -> int:
        """How many reports are in `state`."""
        return len(self.by_state.get(state, []))

    @property
    def missing(self) -> list[Row]:
        """Reports past their due date and not handed in."""
        return self.by_state.get(derived.MISSING, [])

    @property
    def late(self) -> list[Row]:
        """Reports handed in after their due date."""
        return self.by_state.get(derived.SUBMITTED_LATE, [])

    @property
    def not_submitted(self) -> list[Row]:
        """Reports not handed in yet (missing or not yet due)."""
        return [r for r in self.rows if r["state"] in (derived.MISSING, derived.NOT_YET_DUE)]


def office_report_figures(store: Store, plan_id: str, as_of: dt.date, *, exclude_agency_id: str = "") -> \
        OfficeReportFigures:
    """The plan's office reports with agency names and their state at `as_of` (in due-date order)."""
    names = agency_names(store, as_of)
    figures = OfficeReportFigures()
    for rep in store.repo("office_reports").rows(plan_id=plan_id, order_by=("due_date", "rowid")):
        if exclude_agency_id and rep["agency_id"] == exclude_agency_id:
            continue
        state = derived.report_state(rep["due_date"], rep["submitted_date"], as_of)
        item = {**rep, "agency": names.get(rep["agency_id"], ""), "recipient": names.get(rep["recipient_id"] or "", ""),
                "state": state, "state_title": derived.REPORT_STATE_TITLES[state]}
        figures.rows.append(item)
        figures.by_state.setdefault(state, []).append(item)
    return figures
