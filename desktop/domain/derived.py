"""Figures derived from stored data (never stored themselves): report states, TOE, intensity, payback, execution."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

SUBMITTED_ON_TIME = "on_time"
SUBMITTED_LATE = "late"
NOT_YET_DUE = "pending"
MISSING = "missing"

REPORT_STATE_TITLES = {
    SUBMITTED_ON_TIME: "Đã nộp đúng hạn",
    SUBMITTED_LATE: "Nộp muộn",
    NOT_YET_DUE: "Chưa đến hạn",
    MISSING: "Quá hạn, chưa nộp",
}


def report_state(due_date: str | None, submitted_date: str | None, today: dt.date | None = None) -> str:
    """The state of an office report: on time, late, not yet due, or missing (overdue and not submitted)."""
    today = today or dt.date.today()
    if submitted_date:
        return SUBMITTED_LATE if due_date and submitted_date > due_date else SUBMITTED_ON_TIME
    if due_date and due_date < today.isoformat():
        return MISSING
    return NOT_YET_DUE


def task_is_overdue(task: Mapping[str, object], today: dt.date | None = None) -> bool:
    """True when a task that is not done has passed its deadline."""
    today = today or dt.date.today()
    end = task.get("end_date")
    return bool(end) and task.get("status") != "done" and str(end) < today.isoformat()


def toe_factor(factors: Iterable[Mapping[str, object]], resource: str, unit: str) -> float | None:
    """The TOE per unit for `resource` measured in `unit` (case-insensitive unit match), or None when unknown."""
    unit_key = unit.strip().casefold()
    for row in factors:
        if row.get("resource") == resource and str(row.get("unit", "")).strip().casefold() == unit_key:
            value = row["toe_per_unit"]
            return float(value) if isinstance(value, int | float | str) else None
    return None


def toe(quantity: float | None, factor: float | None) -> float | None:
    """Energy in tonnes of oil equivalent, or None when the quantity or factor is unknown."""
    if quantity is None or factor is None:
        return None
    return quantity * factor


def intensity(quantity: float | None, product_output: float | None) -> float | None:
    """Resource use per unit of product, or None when there is no output."""
    if quantity is None or not product_output:
        return None
    return quantity / product_output


def payback_years(investment: int | None, annual_saving: int | None) -> float | None:
    """Simple payback in years (investment / annual saving), or None when nothing is saved."""
    if investment is None or not annual_saving:
        return None
    return investment / annual_saving


def execution_percent(disbursed: int, allocated: int | None) -> float | None:
    """Disbursed as a percentage of the allocated amount, or None when nothing is allocated."""
    if not allocated:
        return None
    return 100.0 * disbursed / allocated


def weighted_score(scores: Mapping[str, float], weights: Mapping[str, float]) -> float | None:
    """The weighted average score (0–10) over the criteria that have both a weight and a score."""
    pairs = [(scores[c], w) for c, w in weights.items() if c in scores and w]
    total_weight = sum(w for _, w in pairs)
    if not total_weight:
        return None
    return sum(s * w for s, w in pairs) / total_weight
