"""Survey figures: consumption with intensity and TOE, the TOE trend, solutions, selection scores, the workshops."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop.domain import choices as ch
from desktop.domain import derived
from desktop.domain.rows import Row
from desktop.figures.rounding import half_up, percent_of, to_decimal
from desktop.store import Store


@dataclass
class SurveyFigures:
    """Surveyed enterprises and what was found.

    Rules: TOE of a record = quantity × the factor of its resource *in its unit* (diesel per 1.000 lít is not diesel
    per tấn); a record whose unit has no factor has no TOE. The trend compares the total TOE of the first and last
    periods: `toe_change_percent` < 0 is a fall ("giảm"), > 0 a rise ("tăng"). The weighted score is Σ score × weight
    / Σ weight over the criteria scored, computed in decimals and rounded half up to two places (7,175 → 7,18).
    A workshop is `held` by a date when its date is on or before it.
    """

    enterprises: list[Row] = field(default_factory=list)
    surveyed: int = 0
    periods: list[str] = field(default_factory=list)
    consumption: dict[str, list[Row]] = field(default_factory=dict)
    toe_by_period: dict[str, dict[str, float]] = field(default_factory=dict)
    toe_totals: dict[str, float] = field(default_factory=dict)
    toe_change_percent: float | None = None
    solutions: dict[str, list[Row]] = field(default_factory=dict)
    criteria: list[Row] = field(default_factory=list)
    scores: dict[str, dict[str, float]] = field(default_factory=dict)
    weighted: dict[str, float | None] = field(default_factory=dict)
    ranking: list[Row] = field(default_factory=list)
    model: Row | None = None
    workshops: list[Row] = field(default_factory=list)
    held_workshops: list[Row] = field(default_factory=list)

    def trend_word(self) -> str:
        """"giảm" when the total TOE fell from the first to the last period, "tăng" when it rose, "" otherwise."""
        if not self.toe_change_percent:
            return ""
        return "giảm" if self.toe_change_percent < 0 else "tăng"


def weighted_score(scores: dict[str, float], weights: dict[str, float]) -> float | None:
    """Σ score × weight / Σ weight over the criteria with both, in decimals, rounded half up to two places."""
    pairs = [(to_decimal(scores[c]), to_decimal(w)) for c, w in weights.items() if c in scores and w]
    total = sum((w for _, w in pairs), start=to_decimal(0))
    if not total:
        return None
    return half_up(sum((s * w for s, w in pairs), start=to_decimal(0)) / total, 2)


def survey_figures(store: Store, plan_id: str, as_of: dt.date | None = None) -> SurveyFigures:
    """Enterprises with their consumption (intensity and TOE per record), solutions and weighted selection score."""
    figures = SurveyFigures()
    factors = store.repo("conversion_factors").rows()
    figures.enterprises = store.repo("enterprises").rows(plan_id=plan_id, order_by="rowid")
    figures.surveyed = sum(1 for e in figures.enterprises if e["surveyed"])
    figures.criteria = store.repo("selection_criteria").rows(plan_id=plan_id, order_by=("seq", "rowid"))
    weights = {c["id"]: float(c["weight"] or 0) for c in figures.criteria}
    periods: set[str] = set()
    for ent in figures.enterprises:
        enriched = []
        for rec in store.repo("consumption_records").rows(enterprise_id=ent["id"], order_by="rowid"):
            factor = derived.toe_factor(factors, rec["resource"], rec["unit"] or "")
            toe = derived.toe(rec["quantity"], factor)
            enriched.append({**rec, "resource_title": ch.title_of(ch.RESOURCES, rec["resource"]),
                             "intensity": derived.intensity(rec["quantity"], rec["product_output"]),
                             "factor": factor, "toe": toe})
            periods.add(rec["period"])
            if toe is not None:
                per = figures.toe_by_period.setdefault(ent["id"], {})
                per[rec["period"]] = per.get(rec["period"], 0.0) + toe
        figures.consumption[ent["id"]] = enriched
        figures.solutions[ent["id"]] = [
            {**s, "category_title": ch.title_of(ch.SOLUTION_CATEGORIES, s["category"]),
             "payback": derived.payback_years(s["investment"], s["annual_saving"])}
            for s in store.repo("solutions").rows(enterprise_id=ent["id"], order_by="rowid")]
        scores = {s["criterion_id"]: float(s["score"]) for s in
                  store.repo("selection_scores").rows(enterprise_id=ent["id"]) if s["score"] is not None}
        figures.scores[ent["id"]] = scores
        figures.weighted[ent["id"]] = weighted_score(scores, weights)
        figures.ranking.append({"enterprise": ent, "scores": scores, "weighted": figures.weighted[ent["id"]]})
        if ent["is_model"] and figures.model is None:
            figures.model = ent
    figures.ranking.sort(key=lambda r: -1.0 if r["weighted"] is None else r["weighted"], reverse=True)
    figures.periods = sorted(periods)
    for period in figures.periods:
        figures.toe_totals[period] = sum(p.get(period, 0.0) for p in figures.toe_by_period.values())
    if len(figures.periods) >= 2:
        base, last = figures.toe_totals[figures.periods[0]], figures.toe_totals[figures.periods[-1]]
        figures.toe_change_percent = percent_of(last - base, base)
    figures.workshops = store.repo("workshops").rows(plan_id=plan_id, order_by=("date", "rowid"))
    figures.held_workshops = [w for w in figures.workshops
                              if w["date"] and (as_of is None or w["date"] <= as_of.isoformat())]
    return figures
