"""One calculation per figure (Qt-free): every figure a page, the dashboard, a printed document or an export shows
is computed here, once, from the store, as of a given date.

The rules (each written again where it is computed):

- **Attended, not registered.** People count towards an indicator and a rate when they attended; shares ("trong đó
  nữ …%") are over the same base as the count they qualify (women among those who attended).
- **A content item's progress comes from its activities**: the mean of their progress, its status "done" only when
  every activity is done, "not started" only when none has started; what is stored on the item is ignored (and a
  difference is a warning).
- **An indicator's actual comes from the data it counts** (courses held, people who attended per course, enterprises
  surveyed, model enterprises whose building task is done); the typed value is used only for an indicator no data
  counts, and a typed value that differs from the data is a warning.
- **Inconsistencies are warnings, not facts**: a workshop or a course held while its task says "not started", an
  estimate that does not add up to the plan total, … are listed in `PlanFigures.warnings`; documents leave the
  contested fact out and the clerk is shown the warning.
- **Halves are rounded up** (7,175 → 7,18; 5,975 → 5,98), on the decimal value, never on the binary float.
- **As of a date**: overdue tasks, late or missing reports and what has been held are judged at `as_of`, which every
  document and the dashboard print ("Số liệu tính đến ngày …").
"""

from desktop.figures.budget import BudgetFigures, budget_figures
from desktop.figures.checks import FigureWarning, consistency_warnings
from desktop.figures.indicators import IndicatorFigure, indicator_figures
from desktop.figures.office_reports import OfficeReportFigures, office_report_figures
from desktop.figures.plan import PlanFigures, as_of_line, plan_figures
from desktop.figures.rounding import half_up, percent_of
from desktop.figures.survey import SurveyFigures, survey_figures
from desktop.figures.tasks import TaskFigures, task_figures
from desktop.figures.training import TrainingFigures, training_figures

__all__ = [
    "BudgetFigures", "FigureWarning", "IndicatorFigure", "OfficeReportFigures", "PlanFigures", "SurveyFigures",
    "TaskFigures", "TrainingFigures", "as_of_line", "budget_figures", "consistency_warnings", "half_up",
    "indicator_figures", "office_report_figures", "percent_of", "plan_figures", "survey_figures", "task_figures",
    "training_figures",
]
