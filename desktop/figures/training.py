"""Training figures: registered and attended participants, their make-up, the test scores and satisfaction."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
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
    # The participants' rows are read only when asked for (the lists printed in documents): the figures above are
    # computed from the few columns they count, so a course of 100,000 does not become 100,000 dicts for a page.
    read_participants: Callable[[], list[Row]] = field(default=list, repr=False, compare=False)
    _participants: list[Row] | None = field(default=None, repr=False, compare=False)

    @property
    def participants(self) -> list[Row]:
        """Every participant of the courses, in the order they were added (read on first use)."""
        if self._participants is None:
            self._participants = self.read_participants()
        return self._participants


def _average(values: list[float], decimals: int) -> float | None:
    return half_up(sum(values) / len(values), decimals) if values else None


def course_figures(store: Store, courses: list[Row], as_of: dt.date | None = None) -> TrainingFigures:
    """The figures of `courses` (see TrainingFigures for the rules); `as_of` decides which were held (all when None)."""
    people = store.repo("participants")

    def read_participants() -> list[Row]:
        return [p for course in courses for p in people.rows(course_id=course["id"], order_by="rowid")]

    figures = TrainingFigures(courses=list(courses), read_participants=read_participants)
    pre: list[float] = []
    post: list[float] = []
    for course in courses:
        figures.target += int(course["target_participants"] or 0)
        figures.materials += store.repo("training_materials").rows(course_id=course["id"])
        if course.get("start_date") and (as_of is None or course["start_date"] <= as_of.isoformat()):
            figures.held.append(course)
        # Counted by SQLite over the course's rows (see TrainingFigures for the rules); the scores are read as
        # numbers and added here, so that halves round as they always did.
        same = {"course_id": course["id"]}
        figures.registered += people.count_matching(same)
        figures.attended += sum(n for _value, n in people.tally("attended", same, truthy=["attended"]))
        for value, n in people.tally("gender", same, truthy=["attended"]):
            figures.by_gender[str(value or "")] += n
        for value, n in people.tally("org_kind", same, truthy=["attended"]):
            figures.by_org_kind[str(value or "")] += n
        for value, n in people.tally("satisfaction", same, truthy=["attended", "satisfaction"]):
            figures.satisfaction[int(value)] += n
        for pre_score, post_score in people.columns_of(("pre_score", "post_score"), same, truthy=["attended"]):
            if pre_score is not None:
                pre.append(float(pre_score))
            if post_score is not None:
                post.append(float(post_score))
    figures.attended_percent = percent_of(figures.attended, figures.target)
    figures.female_percent = percent_of(figures.by_gender["female"], figures.attended)
    figures.pre_average = _average(pre, 2)
    figures.post_average = _average(post, 2)
    if figures.pre_average is not None and figures.post_average is not None:
        figures.score_gain = half_up(figures.post_average - figures.pre_average, 2)
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
