"""Training figures: registered and attended participants, their make-up, the test scores and satisfaction."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from desktop.domain.rows import Row
from desktop.figures.rounding import half_up, percent_of
from desktop.store import Store


@dataclass
class TrainingFigures:
    """One course or all courses of a plan.

    Rules: `registered` counts everyone on the lists, `attended` those who came; the indicator and the rate against
    the target count attendance (`attended_percent` = attended / target); the make-up (`by_gender`, `by_org_kind`) and
    its shares (`female_percent`) are over those who attended; average scores are over attendees with a score,
    rounded half up to two decimals; satisfaction is the share of 4 and 5 among attendees who rated. A course is
    `held` by a date when it started on or before that date.
    """

    courses: list[Row] = field(default_factory=list)
    participants: list[Row] = field(default_factory=list)
    materials: list[Row] = field(default_factory=list)
    held: list[Row] = field(default_factory=list)
    target: int = 0
    registered: int = 0
    attended: int = 0
    attended_percent: float | None = None
    by_gender: Counter[str] = field(default_factory=Counter)
    by_org_kind: Counter[str] = field(default_factory=Counter)
    female_percent: float | None = None
    pre_average: float | None = None
    post_average: float | None = None
    score_gain: float | None = None
    satisfaction: Counter[int] = field(default_factory=Counter)
    satisfaction_average: float | None = None
    satisfied_percent: float | None = None


def _average(values: list[float], decimals: int) -> float | None:
    return half_up(sum(values) / len(values), decimals) if values else None


def course_figures(store: Store, courses: list[Row], as_of: dt.date | None = None) -> TrainingFigures:
    """The figures of `courses` (see TrainingFigures for the rules); `as_of` decides which were held (all when None)."""
    figures = TrainingFigures(courses=list(courses))
    for course in courses:
        figures.target += int(course["target_participants"] or 0)
        figures.participants += store.repo("participants").rows(course_id=course["id"], order_by="rowid")
        figures.materials += store.repo("training_materials").rows(course_id=course["id"])
        if course.get("start_date") and (as_of is None or course["start_date"] <= as_of.isoformat()):
            figures.held.append(course)
    present = [p for p in figures.participants if p["attended"]]
    figures.registered = len(figures.participants)
    figures.attended = len(present)
    figures.attended_percent = percent_of(figures.attended, figures.target)
    figures.by_gender = Counter(p["gender"] or "" for p in present)
    figures.by_org_kind = Counter(p["org_kind"] or "" for p in present)
    figures.female_percent = percent_of(figures.by_gender["female"], figures.attended)
    pre = [float(p["pre_score"]) for p in present if p["pre_score"] is not None]
    post = [float(p["post_score"]) for p in present if p["post_score"] is not None]
    figures.pre_average = _average(pre, 2)
    figures.post_average = _average(post, 2)
    if figures.pre_average is not None and figures.post_average is not None:
        figures.score_gain = half_up(figures.post_average - figures.pre_average, 2)
    figures.satisfaction = Counter(int(p["satisfaction"]) for p in present if p["satisfaction"])
    rated = sum(figures.satisfaction.values())
    figures.satisfaction_average = _average([float(k) for k, n in figures.satisfaction.items() for _ in range(n)], 2)
    figures.satisfied_percent = percent_of(figures.satisfaction[4] + figures.satisfaction[5], rated)
    return figures


def training_figures(store: Store, plan_id: str, as_of: dt.date | None = None) -> TrainingFigures:
    """The figures over every course of the plan."""
    courses = store.repo("training_courses").rows(plan_id=plan_id, order_by=("start_date", "rowid"))
    return course_figures(store, courses, as_of)


def single_course_figures(store: Store, course_id: str) -> TrainingFigures:
    """The figures of one course (the Training page)."""
    return course_figures(store, [store.repo("training_courses").get(course_id)])
