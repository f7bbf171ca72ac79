"""The overview's two small charts, painted with QPainter: a pie of counts with its legend, and bars over categories
with a value axis.

Why not QtCharts (used before): it drew the same two charts through a QGraphicsView scene, ~16 ms of every start-up
(import, scene, first paint; bench/bench_window.py measures the start-up), for charts that need no zoom, animation or
interaction (the printed documents still draw theirs with QtCharts, reports/render.py). The figures are also in the
charts' tooltips and accessible descriptions, so a screen reader (and a test) reads what the picture shows.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

MARGIN = 10
SWATCH = 12


class Part(NamedTuple):
    """One slice or bar: its label, its value and its colour (a hue from the theme)."""

    label: str
    value: float
    colour: QColor


def nice_step(largest: float, ticks: int = 4) -> float:
    """A round step (1, 2 or 5 times a power of ten) that divides 0 … `largest` into about `ticks` intervals."""
    if largest <= 0:
        return 1.0
    rough = largest / ticks
    power = 10 ** math.floor(math.log10(rough))
    for factor in (1, 2, 5, 10):
        if factor * power >= rough:
            return float(factor * power)
    return float(10 * power)  # not reached: factor 10 always covers rough


class _Chart(QWidget):
    """Title and colours shared by the two charts; the palette's Base is the background, as the lists'."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.title = ""
        self.parts: list[Part] = []
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        """Half of a 1366-pixel screen's page, and as tall as its minimum."""
        return QSize(420, 240)

    def set_parts(self, title: str, parts: Sequence[Part], describe: Callable[[Part], str] | None = None) -> None:
        """Show `parts` under `title`; `describe` gives each part's line of the tooltip (label: value by default)."""
        self.title, self.parts = title, list(parts)
        lines = [describe(p) if describe else f"{p.label}: {p.value:g}" for p in self.parts]
        text = "\n".join([title, *lines])
        self.setToolTip(text)
        self.setAccessibleName(title)
        self.setAccessibleDescription(text)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """Background, frame and title; the chart itself in the area below the title."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        background, text = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1))
        painter.setBrush(background)  # drawRect with a brush: fillRect's overloads make Qt build QGradient's types
        painter.drawRect(frame)
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        title_height = QFontMetricsF(bold).height()
        painter.drawText(QRectF(MARGIN, MARGIN / 2, self.width() - 2 * MARGIN, title_height),
                         Qt.AlignmentFlag.AlignCenter, self.title)
        painter.setFont(self.font())
        area = QRectF(MARGIN, MARGIN + title_height, self.width() - 2 * MARGIN,
                      self.height() - 1.5 * MARGIN - title_height)
        if area.width() > 40 and area.height() > 40:
            self.paint_chart(painter, area, text)
        painter.end()

    def paint_chart(self, painter: QPainter, area: QRectF, text: QColor) -> None:
        """Paint the chart into `area` (below the title) with `text` as the colour of its words."""
        raise NotImplementedError


class PieChart(_Chart):
    """A pie of counts, its legend on the right (each line: colour, label with its count)."""

    def paint_chart(self, painter: QPainter, area: QRectF, text: QColor) -> None:
        """The pie on the left of `area`, the legend beside it."""
        total = sum(p.value for p in self.parts if p.value > 0)
        metrics = QFontMetricsF(self.font())
        legend_width = max((metrics.horizontalAdvance(p.label) for p in self.parts), default=0) + SWATCH + 10
        diameter = min(area.height(), max(area.width() - legend_width - MARGIN, 40))
        pie = QRectF(area.left(), area.top() + (area.height() - diameter) / 2, diameter, diameter)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Base), 1.5))
        start = 90 * 16  # from twelve o'clock, clockwise as a reader expects
        for part in self.parts:
            if part.value <= 0 or total <= 0:
                continue
            span = -round(part.value / total * 360 * 16)
            painter.setBrush(part.colour)
            painter.drawPie(pie, start, span)
            start += span
        line = max(metrics.height(), SWATCH) + 4
        top = area.top() + max((area.height() - line * len(self.parts)) / 2, 0)
        left = pie.right() + MARGIN
        for number, part in enumerate(self.parts):
            y = top + number * line
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(part.colour)
            painter.drawRect(QRectF(left, y + (line - SWATCH) / 2, SWATCH, SWATCH))
            painter.setPen(text)
            painter.drawText(QRectF(left + SWATCH + 6, y, area.right() - left - SWATCH - 6, line),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             metrics.elidedText(part.label, Qt.TextElideMode.ElideRight,
                                                area.right() - left - SWATCH - 6))


class BarChart(_Chart):
    """Bars over their categories, a value axis with round steps and grid lines."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(name, parent)
        self.axis_text: Callable[[float], str] = lambda v: f"{v:g}"

    def paint_chart(self, painter: QPainter, area: QRectF, text: QColor) -> None:
        """The axis on the left of `area`, the bars to its right, the categories under them."""
        metrics = QFontMetricsF(self.font())
        largest = max((p.value for p in self.parts), default=0.0)
        step = nice_step(largest)
        ticks = max(math.ceil(largest / step), 1) if largest > 0 else 4
        labels = [self.axis_text(step * i) for i in range(ticks + 1)]
        axis_width = max(metrics.horizontalAdvance(label) for label in labels) + 6
        plot = QRectF(area.left() + axis_width, area.top() + metrics.height() / 2,
                      area.width() - axis_width, area.height() - metrics.height() * 1.5 - 4)
        top_value = step * ticks
        grid = QColor(text)
        grid.setAlpha(60)
        for i, label in enumerate(labels):
            y = plot.bottom() - plot.height() * i / ticks
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(QRectF(area.left(), y - metrics.height() / 2, axis_width - 6, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)
        if not self.parts:
            return
        slot = plot.width() / len(self.parts)
        for number, part in enumerate(self.parts):
            height = plot.height() * max(part.value, 0) / top_value if top_value else 0
            bar = QRectF(plot.left() + slot * number + slot * 0.2, plot.bottom() - height, slot * 0.6, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(part.colour)
            painter.drawRect(bar)
            painter.setPen(text)
            painter.drawText(QRectF(plot.left() + slot * number, plot.bottom() + 4, slot, metrics.height()),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                             metrics.elidedText(part.label, Qt.TextElideMode.ElideRight, slot))
