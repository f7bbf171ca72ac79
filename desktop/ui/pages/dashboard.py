"""Tổng quan: plan progress, what is overdue, budget, participants vs target, enterprises vs target, missing reports.

The figures (and the two charts, desktop/ui/widgets/charts.py) are computed when the page is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from desktop.domain.choices import TASK_STATUSES
from desktop.services import analysis, lookups
from desktop.ui import formatting, theme
from desktop.ui.budget_balance import balance_html
from desktop.ui.context import AppContext
from desktop.ui.pages.base import Page
from desktop.ui.widgets.charts import BarChart, Part, PieChart


class Card(QFrame):
    """A figure with its caption, on a rounded panel coloured from the palette.

    Drawn and coloured directly (a font, the labels' palettes, a rounded rectangle) rather than with style sheets: a
    widget with a style sheet is styled and polished through Qt's style-sheet engine, ~5 ms of the start-up for the
    cards and page titles together.
    """

    def __init__(self, name: str, caption: str):
        super().__init__()
        self.setObjectName(f"card_{name}")
        layout = QVBoxLayout(self)
        self.value = QLabel()
        self.value.setObjectName(f"value_{name}")
        font = QFont(self.value.font())
        font.setPointSize(18)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)
        self._colours: tuple[str, ...] = ()
        self._background = QColor()
        self.apply_colours()

    def apply_colours(self) -> None:
        """Colour the card from the current palette (light or dark; see desktop/ui/theme.py)."""
        background = theme.card_background()
        colours = (background.name(), theme.text_colour(theme.GROUP, background), theme.body_text(background),
                   theme.muted_text(background))
        if colours == self._colours:
            return  # the same palette: nothing to colour again
        self._colours = colours
        card, figure, body, muted = colours
        self._background = QColor(card)
        for label, colour in ((self.value, figure), (self.caption, body), (self.detail, muted)):
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
            label.setPalette(palette)
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt API
        """The card's rounded panel."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._background)
        painter.drawRoundedRect(QRectF(self.rect()), 6, 6)
        painter.end()


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
        self.status_chart = PieChart("status_chart")
        self.budget_chart = BarChart("budget_chart")
        self.budget_chart.axis_text = lambda millions: formatting.format_int(round(millions))
        charts = QGridLayout()
        charts.addWidget(self.status_chart, 0, 0)
        charts.addWidget(self.budget_chart, 0, 1)
        self.outer.addLayout(charts, 2)
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
        self._show_charts(f)

    def _show_charts(self, f: dict) -> None:
        # The pie uses the timeline's status hues: a status has one colour on every screen.
        parts = [Part(f"{formatting.choice_text(TASK_STATUSES, choice.code)}: {count}", count,
                      QColor(theme.STATUS_HUES[choice.code]))
                 for choice in TASK_STATUSES if (count := f["tasks"]["by_status"].get(choice.code, 0))]
        self.status_chart.set_parts(self.tr("Activities by status"), parts)
        budget = f["budget"]
        amounts = [(self.tr("Plan"), budget["plan_total"]), (self.tr("Allocated"), budget["allocated"]),
                   (self.tr("Disbursed"), budget["disbursed"])]
        self.budget_chart.set_parts(
            self.tr("Budget (million VND)"),
            [Part(label, amount / 1_000_000, QColor(theme.GROUP)) for label, amount in amounts],
            describe=lambda part: f"{part.label}: {formatting.format_int(round(part.value * 1_000_000))}")
