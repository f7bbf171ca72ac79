"""Consistency checks between a task's status and the data recorded for it: warnings for the clerk, never facts."""

from __future__ import annotations

from typing import NamedTuple

from desktop.domain.dates import format_date
from desktop.domain.numbers import format_number
from desktop.domain.rows import Row
from desktop.domain.task_rules import status_progress_warning
from desktop.figures.budget import BudgetFigures
from desktop.figures.indicators import IndicatorFigure
from desktop.figures.survey import SurveyFigures
from desktop.figures.tasks import TaskFigures
from desktop.figures.training import TrainingFigures


class FigureWarning(NamedTuple):
    """Something the data contradicts: `area` (tasks, training, survey, budget, indicators) and a Vietnamese text."""

    area: str
    text: str
    ref: str = ""  # the id of the record whose fact is contested (documents leave it out)


def _task_for(tasks: TaskFigures, task_id: str | None) -> Row | None:
    for row in tasks.rows:
        if row["id"] == task_id:
            return row
    return None


def consistency_warnings(tasks: TaskFigures, training: TrainingFigures, survey: SurveyFigures,
                         budget: BudgetFigures, indicators: list[IndicatorFigure]) -> list[FigureWarning]:
    """The contradictions in the figures:

    - a workshop or a course held (dated on or before the as-of date) while its task says "not started";
    - a content item whose typed status or progress differs from what its activities give;
    - an activity whose status and progress contradict each other (domain/task_rules);
    - an indicator whose typed actual differs from the data it counts;
    - an estimate whose lines do not add up to the plan total.
    """
    out: list[FigureWarning] = []
    for w in survey.held_workshops:
        task = _task_for(tasks, w.get("task_id"))
        if task and task["status"] == "not_started":
            out.append(FigureWarning("survey", f"{w['title']} ghi đã tổ chức ngày {format_date(w['date'])} nhưng "
                                               f"nhiệm vụ {task['code'] or ''} ghi “Chưa thực hiện”; báo cáo không "
                                               "nêu hội thảo cho đến khi tình trạng nhiệm vụ được cập nhật.", w["id"]))
    for c in training.held:
        task = _task_for(tasks, c.get("task_id"))
        if task and task["status"] == "not_started":
            held = format_date(c["start_date"])
            code = task["code"] or ""
            text = f"Lớp “{c['title']}” ghi đã tổ chức ngày {held} nhưng nhiệm vụ {code} ghi “Chưa thực hiện”."
            out.append(FigureWarning("training", text, c["id"]))
    for row in tasks.rows:
        if row["kind"] == "content" and (row["stored_status"] != row["status"]
                                         or abs(row["stored_progress"] - row["progress"]) >= 0.5):
            out.append(FigureWarning("tasks", f"Nội dung {row['code'] or ''} ghi “{_status(row['stored_status'])}”, "
                                              f"{format_number(row['stored_progress'])}%; theo các hoạt động của nó là "
                                              f"“{row['status_title']}”, {format_number(row['progress'])}% (báo cáo "
                                              "dùng số theo các hoạt động)."))
        elif row["kind"] != "content":
            problem = status_progress_warning(row["status"], row["progress"])
            if problem:
                out.append(FigureWarning("tasks", f"Hoạt động {row['code'] or ''}: {problem}", row["id"]))
    for ind in indicators:
        if ind.source != "typed" and ind.stored_actual is not None and ind.actual is not None \
                and abs(ind.stored_actual - ind.actual) > 1e-9:
            out.append(FigureWarning("indicators", f"Chỉ tiêu “{ind.name}”: nhập tay {format_number(ind.stored_actual)}"
                                                   f", theo số liệu {format_number(ind.actual)} (báo cáo dùng số theo "
                                                   "số liệu)."))
    if budget.lines and budget.difference:
        out.append(FigureWarning("budget", f"Tổng dự toán chi tiết {format_number(budget.estimate_total)} đồng "
                                           f"{'thấp hơn' if budget.difference > 0 else 'vượt'} tổng kinh phí Kế hoạch "
                                           f"{format_number(abs(budget.difference))} đồng."))
    return out


def _status(code: str) -> str:
    from desktop.domain import choices as ch

    return ch.title_of(ch.TASK_STATUSES, code)
