"""A quarter timeline of the plan's tasks (Gantt-like): one line per task, a bar over the quarters it runs in (its
start and end dates, or its planned quarters), a mark at its deadline, coloured by status; it prints on one page."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.ui import theme

ROW_HEIGHT = 22
LABEL_WIDTH = 360
HEADER_HEIGHT = 26


def _day(iso: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(iso)) if iso else None
    except ValueError:
        return None


def task_span(task: dict, year: int) -> tuple[float, float] | None:
    """Where the bar of `task` runs, in quarters from the start of `year` (0.0 … 4.0): from its start to its end date
    when it has them, else over its planned quarters ("I, III" → I to III); None when it has neither."""
    start, end = _day(task.get("start_date")), _day(task.get("end_date"))

    def position(day: dt.date) -> float:
        offset = (day - dt.date(year, 1, 1)).days / ((dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days)
        return max(0.0, min(4.0, offset * 4))

    if start or end:
        first = position(start or dt.date(year, 1, 1))
        last = position(end or dt.date(year, 12, 31))
        return (min(first, last), max(first, last, min(first, last) + 0.05))
    roman = {"I": 0, "II": 1, "III": 2, "IV": 3}
    quarters = sorted(roman[q.strip()] for q in str(task.get("quarters") or "").split(",") if q.strip() in roman)
    if not quarters:
        return None
    return float(quarters[0]), float(quarters[-1] + 1)


class QuarterTimeline(QWidget):
    """Paints `tasks` (outline order, content items first) of `year` across its four quarters."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("quarter_timeline")
        self.tasks: list[dict] = []
        self.year = dt.date.today().year
        self.today: dt.date = dt.date.today()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_tasks(self, tasks: list[dict], year: int, today: dt.date | None = None) -> None:
        """Show `tasks` on the quarters of `year`."""
        self.tasks, self.year = tasks, year
        self.today = today or dt.date.today()
        self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """As tall as its lines."""
        return QSize(900, HEADER_HEIGHT + ROW_HEIGHT * max(len(self.tasks), 1) + 8)

    def paintEvent(self, _event) -> None:  # noqa: N802, ANN001 - Qt API
        """Paint on screen."""
        painter = QPainter(self)
        self.paint(painter, QRectF(self.rect()), self.palette())
        painter.end()

    def paint(self, painter: QPainter, area: QRectF, palette: QPalette, *, printing: bool = False) -> None:
        """Paint the timeline into `area` (on screen with the palette, on paper in black on white)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = QColor(Qt.GlobalColor.black) if printing else palette.color(QPalette.ColorRole.Text)
        grid = QColor(Qt.GlobalColor.gray) if printing else palette.color(QPalette.ColorRole.Mid)
        label_width = min(LABEL_WIDTH, area.width() * 0.42)
        chart = QRectF(area.left() + label_width, area.top(), area.width() - label_width - 4, area.height())
        quarter = chart.width() / 4
        painter.setPen(text)
        bold = QFont(painter.font())
        bold.setBold(True)
        painter.setFont(bold)
        label = QCoreApplication.translate("QuarterTimeline", "Quarter %1")
        for q, roman in enumerate(("I", "II", "III", "IV")):
            cell = QRectF(chart.left() + q * quarter, area.top(), quarter, HEADER_HEIGHT)
            painter.drawText(cell, Qt.AlignmentFlag.AlignCenter, label.replace("%1", f"{roman}/{self.year}"))
        plain = QFont(painter.font())
        plain.setBold(False)
        painter.setFont(plain)
        painter.setPen(grid)
        bottom = area.top() + HEADER_HEIGHT + ROW_HEIGHT * len(self.tasks)
        for q in range(5):
            x = chart.left() + q * quarter
            painter.drawLine(int(x), int(area.top()), int(x), int(bottom))
        for line, task in enumerate(self.tasks):
            top = area.top() + HEADER_HEIGHT + line * ROW_HEIGHT
            content = task.get("kind") == "content"
            font = QFont(painter.font())
            font.setBold(content)
            painter.setFont(font)
            painter.setPen(text)
            title = f"{task.get('code') or ''} {task.get('title') or ''}".strip()
            indent = 0 if content else 14
            painter.drawText(QRectF(area.left() + 4 + indent, top, label_width - 8 - indent, ROW_HEIGHT),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             painter.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight,
                                                              int(label_width - 8 - indent)))
            span = task_span(task, self.year)
            if span is None:
                continue
            hue = QColor(theme.STATUS_HUES.get(str(task.get("status")), theme.NEUTRAL))
            if task.get("overdue"):
                hue = QColor(theme.DANGER)
            bar = QRectF(chart.left() + span[0] * quarter, top + 5, max((span[1] - span[0]) * quarter, 4),
                         ROW_HEIGHT - 10)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(hue if not content else hue.darker(120))
            painter.drawRoundedRect(bar, 3, 3)
            deadline = _day(task.get("end_date"))
            if deadline and deadline.year == self.year:
                x = bar.right()
                painter.setBrush(text)
                painter.drawRect(QRectF(x - 1.5, top + 2, 3, ROW_HEIGHT - 4))
        if self.today.year == self.year:
            x = chart.left() + ((self.today - dt.date(self.year, 1, 1)).days / 365.25) * chart.width()
            painter.setPen(QColor(theme.DANGER))
            painter.drawLine(int(x), int(area.top() + HEADER_HEIGHT - 4), int(x), int(bottom))
