"""Tổng quan: plan progress, what is overdue, budget, participants vs target, enterprises vs target, missing reports.

The charts (QtCharts) are built when the page is first shown, not at start-up.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from desktop.domain.choices import TASK_STATUSES
from desktop.services import analysis, lookups
from desktop.ui import formatting, theme
from desktop.ui.budget_balance import balance_html
from desktop.ui.context import AppContext
from desktop.ui.pages.base import Page


class Card(QFrame):
    """A figure with its caption."""

    def __init__(self, name: str, caption: str):
        super().__init__()
        self.setObjectName(f"card_{name}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        self.value = QLabel()
        self.value.setObjectName(f"value_{name}")
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        self.apply_colours()

    def apply_colours(self) -> None:
        """Colour the card from the current palette (light or dark; see desktop/ui/theme.py)."""
        background = theme.card_background()
        self.setStyleSheet(f"QFrame#{self.objectName()} {{ background: {background.name()}; border-radius: 6px; }}")
        figure = theme.text_colour(theme.GROUP, background)
        self.value.setStyleSheet(f"font-size: 18pt; font-weight: bold; color: {figure};")
        self.caption.setStyleSheet(f"color: {theme.body_text(background)};")
        self.detail.setStyleSheet(f"color: {theme.muted_text(background)};")


BACKGROUND_FROM_PARTICIPANTS = 20_000  # above this the figures are computed off the GUI thread


class DashboardPage(Page):
    """The state of the plan at a glance; overdue work is visible the moment the app opens.

    Signals:
        open_row(str, str): a row of a list was double-clicked: the page key and the row's id, to go to it.
    """

    open_row = Signal(str, str)

    key = "dashboard"

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(ctx, parent)
        self.cards = {
            "progress": Card("progress", self.tr("Average progress of the activities")),
            "budget": Card("budget", self.tr("Budget disbursed of the allocated lines")),
            "participants": Card("participants", self.tr("Training participants / target")),
            "enterprises": Card("enterprises", self.tr("Enterprises surveyed / target")),
        }
        self.as_of = QLabel()
        self.as_of.setObjectName("as_of")
        self.as_of.setWordWrap(True)
        self.outer.addWidget(self.as_of)
        grid = QGridLayout()
        for position, card in enumerate(self.cards.values()):
            grid.addWidget(card, 0, position)
        self.outer.addLayout(grid)
        self.charts_host = QWidget()
        self.charts_layout = QGridLayout(self.charts_host)
        self.charts_layout.setContentsMargins(0, 0, 0, 0)
        self.charts_layout.setColumnStretch(0, 1)
        self.charts_layout.setColumnStretch(1, 1)
        self.outer.addWidget(self.charts_host, 2)
        self.overdue = QListWidget()
        self.overdue.setObjectName("overdue")
        self.missing = QListWidget()
        for listing in (self.overdue, self.missing):
            listing.itemDoubleClicked.connect(lambda item: self.open_row.emit(*item.data(Qt.ItemDataRole.UserRole)))
        self.missing.setObjectName("missing_reports")
        lists = QGridLayout()
        self.overdue_label = QLabel()
        self.missing_label = QLabel()
        lists.addWidget(self.overdue_label, 0, 0)
        lists.addWidget(self.missing_label, 0, 1)
        lists.addWidget(self.overdue, 1, 0)
        lists.addWidget(self.missing, 1, 1)
        self.outer.addLayout(lists, 1)
        self._charts_built = False
        self._job = None
        self._again = False
        self.figures: dict = {}
        ctx.bus.changed.connect(lambda _entity: self.refresh() if self.isVisible() else None)
        self.set_heading(self.title())

    def title(self) -> str:
        """Sidebar name."""
        return self.tr("Overview")

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Build the charts the first time the page is shown."""
        super().showEvent(event)
        self.refresh()

    def recolour(self) -> None:
        """Cards and charts follow the new palette (at once when shown, else when next shown)."""
        for card in self.cards.values():
            card.apply_colours()
        self.refresh()

    def refresh(self) -> None:
        """Recompute every figure and chart (when the page is next shown, if it is hidden now)."""
        if not self.ctx.plan_id or not self.isVisible():
            return
        if self.ctx.store.path is not None and \
                self.ctx.store.repo("participants").count() > BACKGROUND_FROM_PARTICIPANTS:
            self._refresh_in_background()
            return
        self.show_figures(analysis.dashboard(self.ctx.store, self.ctx.plan_id))

    def _refresh_in_background(self) -> None:
        # With tens of thousands of participants the figures take seconds: they are computed on a connection of
        # their own (read-only, beside the window's) while the page stays usable, and shown when ready.
        from desktop.ui.background import BackgroundOp, on_own_connection

        if self._job is not None and self._job.running:
            self._again = True
            return
        plan_id = self.ctx.plan_id
        work = on_own_connection(self.ctx.store.path, lambda store: analysis.dashboard(store, plan_id))
        self.as_of.setText(self.tr("Computing the figures…"))
        self._again = False
        self._job = BackgroundOp(self, work).quietly().success(self._figures_ready).failure(self.as_of.setText)
        self._job.run_in_background()

    def _figures_ready(self, figures: dict) -> None:
        if self._again:
            self._again = False
            self._refresh_in_background()
            return
        if self.isVisible():
            self.show_figures(figures)

    def show_figures(self, f: dict) -> None:
        """Show the figures `f` (analysis.dashboard) in the cards, charts and lists."""
        self.figures = f
        as_of = self.tr("Figures as of %1").replace("%1", formatting.format_date(f["as_of"].isoformat()))
        if f["warnings"]:
            note = self.tr("%1 inconsistencies in the data to check").replace("%1", str(len(f["warnings"])))
            as_of += f" — <span style='color:{theme.text_colour(theme.DANGER)}'>{note}</span>"
        self.as_of.setText(as_of)
        self.as_of.setToolTip("\n".join(f"• {w}" for w in f["warnings"]))
        money = formatting.format_int
        for card in self.cards.values():
            card.apply_colours()
        self.cards["progress"].value.setText(formatting.format_percent(round(f["tasks"]["average_progress"], 1)))
        self.cards["progress"].detail.setText(
            self.tr("%1 activities, %2 done, %3 overdue").replace("%1", str(f["tasks"]["count"]))
            .replace("%2", str(f["tasks"]["by_status"].get("done", 0))).replace("%3", str(len(f["tasks"]["overdue"]))))
        budget = f["budget"]
        self.cards["budget"].value.setText(formatting.format_percent(
            round(budget["execution_percent"], 1) if budget["execution_percent"] is not None else None) or "—")
        self.cards["budget"].detail.setText(
            self.tr("Allocated %1 of %2 VND; disbursed %3; remaining %4").replace("%1", money(budget["allocated"]))
            .replace("%2", money(budget["plan_total"])).replace("%3", money(budget["disbursed"]))
            .replace("%4", money(budget["remaining"])) + "<br>" + balance_html(budget["difference"]))
        training = f["training"]
        self.cards["participants"].value.setText(f"{money(training['count'])} / {money(training['target'])}")
        self.cards["participants"].detail.setText(self.tr("%n course(s)", "", training["courses"]))
        survey = f["survey"]
        self.cards["enterprises"].value.setText(f"{survey['surveyed']} / {survey['target']}")
        self.cards["enterprises"].detail.setText(
            self.tr("Model enterprise: %1").replace("%1", survey["model"]["name"] if survey["model"]
                                                     else self.tr("not chosen yet")))
        self.overdue.clear()
        for task in f["tasks"]["overdue"]:  # in the plan's order (II.1.1, II.1.2 … II.2.1)
            item = QListWidgetItem(f"{lookups.display_text('tasks', task)} — "
                                   f"{formatting.format_date(task['end_date'])}")
            item.setData(Qt.ItemDataRole.UserRole, ("tasks", task["id"]))
            self.overdue.addItem(item)
        self.overdue_label.setText(self.tr("<b>Overdue tasks (%1)</b>").replace("%1", str(len(f["tasks"]["overdue"]))))
        names = self.ctx.names("agencies")
        self.missing.clear()
        for report in f["reports"]["not_submitted"]:
            item = QListWidgetItem(f"{names.get(report['agency_id'], '?')} — "
                                   + self.tr("due %1").replace("%1", formatting.format_date(report["due_date"])))
            item.setData(Qt.ItemDataRole.UserRole, ("office_reports", report["id"]))
            self.missing.addItem(item)
        self.missing_label.setText(self.tr("<b>Offices that have not reported (%1)</b>")
                                   .replace("%1", str(len(f["reports"]["not_submitted"]))))
        if self.isVisible():
            self._build_charts(f)

    def _build_charts(self, f: dict) -> None:
        from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QPieSeries, QValueAxis

        while self.charts_layout.count():
            item = self.charts_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()

        status_chart = QChart()
        status_chart.setTheme(theme.chart_theme())
        status_chart.setTitle(self.tr("Activities by status"))
        pie = QPieSeries()
        colours = {"not_started": "#b0bec5", "in_progress": "#42a5f5", "done": "#66bb6a", "paused": "#ffa726"}
        for choice in TASK_STATUSES:
            count = f["tasks"]["by_status"].get(choice.code, 0)
            if count:
                slice_ = pie.append(f"{formatting.choice_text(TASK_STATUSES, choice.code)}: {count}", count)
                slice_.setColor(QColor(colours[choice.code]))
        status_chart.addSeries(pie)
        status_chart.legend().setAlignment(Qt.AlignmentFlag.AlignRight)

        budget = f["budget"]
        budget_chart = QChart()
        budget_chart.setTheme(theme.chart_theme())
        budget_chart.setTitle(self.tr("Budget (million VND)"))
        bars = QBarSeries()
        values = [budget["plan_total"], budget["allocated"], budget["disbursed"]]
        bar_set = QBarSet(self.tr("million VND"))
        bar_set.append([v / 1_000_000 for v in values])
        bar_set.setColor(QColor("#1f77b4"))
        bars.append(bar_set)
        budget_chart.addSeries(bars)
        axis_x = QBarCategoryAxis()
        axis_x.append([self.tr("Plan"), self.tr("Allocated"), self.tr("Disbursed")])
        axis_y = QValueAxis()
        axis_y.setRange(0, max(values + [1]) / 1_000_000 * 1.1)
        axis_y.setLabelFormat("%.0f")
        budget_chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        budget_chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(axis_x)
        bars.attachAxis(axis_y)
        budget_chart.legend().hide()

        for column, chart in enumerate((status_chart, budget_chart)):
            view = QChartView(chart)
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(220)
            self.charts_layout.addWidget(view, 0, column)
        self._charts_built = True
