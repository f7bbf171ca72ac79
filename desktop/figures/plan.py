"""All the figures of a plan as of a date, computed once for a document or the dashboard."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from desktop.domain.dates import format_date
from desktop.domain.rows import Row
from desktop.figures.budget import BudgetFigures, budget_figures
from desktop.figures.checks import FigureWarning, consistency_warnings
from desktop.figures.indicators import IndicatorFigure, indicator_figures
from desktop.figures.office_reports import OfficeReportFigures, office_report_figures
from desktop.figures.survey import SurveyFigures, survey_figures
from desktop.figures.tasks import TaskFigures, task_figures
from desktop.figures.training import TrainingFigures, training_figures
from desktop.store import Store


@dataclass
class PlanFigures:
    """Every figure of one plan at `as_of`."""

    plan: Row
    as_of: dt.date
    tasks: TaskFigures
    training: TrainingFigures
    survey: SurveyFigures
    budget: BudgetFigures
    reports: OfficeReportFigures
    indicators: list[IndicatorFigure]
    warnings: list[FigureWarning] = field(default_factory=list)

    @property
    def contested(self) -> set[str]:
        """Ids of records whose recorded fact a warning contradicts (documents leave them out)."""
        return {w.ref for w in self.warnings if w.ref}


def as_of_line(as_of: dt.date) -> str:
    """The line every document and the dashboard carry: "Số liệu tính đến ngày 25/12/2024"."""
    return f"Số liệu tính đến ngày {format_date(as_of.isoformat())}"


def plan_figures(store: Store, plan_id: str, as_of: dt.date | None = None) -> PlanFigures:
    """The figures of the plan as of `as_of` (today when None), with the consistency warnings."""
    as_of = as_of or dt.date.today()
    plan = store.repo("plans").get(plan_id)
    tasks = task_figures(store, plan_id, as_of)
    training = training_figures(store, plan_id, as_of)
    survey = survey_figures(store, plan_id, as_of)
    budget = budget_figures(store, plan)
    reports = office_report_figures(store, plan_id, as_of)
    indicators = indicator_figures(store, plan_id, tasks, training, survey)
    warnings = consistency_warnings(tasks, training, survey, budget, indicators)
    return PlanFigures(plan, as_of, tasks, training, survey, budget, reports, indicators, warnings)
