"""Indicator figures: each indicator's target and its actual taken from the data it counts."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.figures.rounding import half_up, percent_of
from desktop.figures.survey import SurveyFigures
from desktop.figures.tasks import TaskFigures
from desktop.figures.training import TrainingFigures
from desktop.store import Row, Store

COURSES = "courses"
ATTENDANCE = "attendance"
SURVEYED = "surveyed"
MODEL = "model"
TYPED = "typed"

SOURCE_TITLES = {
    COURSES: "số lớp đã tổ chức",
    ATTENDANCE: "số học viên tham dự (không tính người đăng ký vắng mặt)",
    SURVEYED: "số doanh nghiệp đã khảo sát",
    MODEL: "số doanh nghiệp mẫu đã hoàn thành xây dựng mô hình",
    TYPED: "số liệu nhập tay",
}


@dataclass
class IndicatorFigure:
    """An indicator with its actual: `source` says what data counted it; `note` qualifies a partial result
    ("đang thực hiện, đạt 60%"); `stored_actual` is what was typed on the indicator."""

    number: int
    name: str
    unit: str
    target: float
    actual: float | None
    percent: float | None
    source: str
    note: str = ""
    stored_actual: float | None = None


def plan_indicators(store: Store, plan_id: str) -> list[Row]:
    """The live indicators of the plan's live objectives, in outline order (objective, then indicator, each by its
    number and then as added)."""
    return [indicator for objective in store.repo("objectives").rows(plan_id=plan_id)
            for indicator in store.repo("indicators").rows(objective_id=objective["id"])]


def source_of(name: str, unit: str) -> str:
    """Which data an indicator counts, from its unit and wording: "lớp" → courses held; "người" → attendance;
    "doanh nghiệp" with "mô hình" → model enterprises built; "doanh nghiệp" with "khảo sát" → enterprises surveyed;
    anything else → the typed actual."""
    unit_key, text = (unit or "").strip().casefold(), (name or "").casefold()
    if unit_key == "lớp":
        return COURSES
    if unit_key == "người" and ("tập huấn" in text or "học viên" in text):
        return ATTENDANCE
    if unit_key == "doanh nghiệp" and "mô hình" in text:
        return MODEL
    if unit_key == "doanh nghiệp" and "khảo sát" in text:
        return SURVEYED
    return TYPED


def model_task(tasks: TaskFigures) -> Row | None:
    """The activity that builds and applies the model ("xây dựng mô hình … áp dụng"), if the plan has one."""
    for row in tasks.rows:
        title = (row["title"] or "").casefold()
        if row["kind"] == "activity" and "xây dựng mô hình" in title and "áp dụng" in title:
            return row
    return None


def indicator_figures(store: Store, plan_id: str, tasks: TaskFigures, training: TrainingFigures,
                      survey: SurveyFigures) -> list[IndicatorFigure]:
    """Every indicator of the plan in outline order with its actual from the data (see `source_of`).

    Rules: courses held count courses started by the date; attendance "mỗi lớp" (per course) is attendees divided by
    the courses held, rounded half up to a whole person, otherwise the attendees; a model enterprise counts once the
    task building the model is done — before that the actual is 0 and the note gives the task's progress. The rate
    is actual / target rounded half up to one decimal.
    """
    rows = [(i["name"], i["unit"], i["target"], i["actual"]) for i in plan_indicators(store, plan_id)]
    out = []
    for number, (name, unit, target, stored) in enumerate(rows, 1):
        source = source_of(name, unit or "")
        note = ""
        actual: float | None
        if source == COURSES:
            actual = float(len(training.held))
        elif source == ATTENDANCE:
            held = len(training.held) or len(training.courses)
            per_course = "mỗi lớp" in name.casefold() and held > 1
            actual = half_up(training.attended / held, 0) if per_course else float(training.attended)
        elif source == SURVEYED:
            actual = float(survey.surveyed)
        elif source == MODEL:
            models = sum(1 for e in survey.enterprises if e["is_model"])
            task = model_task(tasks)
            if task is not None and task["status"] != "done":
                actual = 0.0
                if models:
                    note = f"đang xây dựng mô hình, đạt {half_up(task['progress'], 0):g}%".replace(".", ",")
            else:
                actual = float(models)
        else:
            actual = float(stored) if stored is not None else None
        out.append(IndicatorFigure(number, name, unit or "", float(target or 0), actual,
                                   percent_of(actual, target, 1) if actual is not None else None, source, note,
                                   float(stored) if stored is not None else None))
    return out
