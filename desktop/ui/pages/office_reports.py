"""Báo cáo đơn vị: who must report what by when; submitted / late / missing at a glance."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel

from desktop.domain import derived
from desktop.domain.entities import OFFICE_REPORTS
from desktop.domain.fields import Kind
from desktop.services import analysis
from desktop.ui import theme
from desktop.ui.context import AppContext
from desktop.ui.models.columns import Column, field_columns
from desktop.ui.pages.base import Page
from desktop.ui.widgets.list_panel import ListPanel, RowFilter, agency_filter

FIELDS = ["agency_id", "recipient_id", "subject", "period", "due_date", "submitted_date", "summary", "note"]
STATE_COLOURS = {derived.MISSING: theme.DANGER, derived.SUBMITTED_LATE: theme.WARNING,
                 derived.SUBMITTED_ON_TIME: theme.SUCCESS}


def state_text(state: str) -> str:
    """The state's name in the UI language."""
    texts = {
        derived.SUBMITTED_ON_TIME: QCoreApplication.translate("OfficeReports", "Submitted on time"),
        derived.SUBMITTED_LATE: QCoreApplication.translate("OfficeReports", "Submitted late"),
        derived.NOT_YET_DUE: QCoreApplication.translate("OfficeReports", "Not yet due"),
        derived.MISSING: QCoreApplication.translate("OfficeReports", "Overdue, not submitted"),
    }
    return texts[state]


def _state(row: dict) -> str:
    return derived.report_state(row.get("due_date"), row.get("submitted_date"))


class OfficeReportsPage(Page):
    """The reports each office owes, coloured by state; the overdue ones are red."""

    key = "office_reports"

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(ctx, parent)
        columns = field_columns(OFFICE_REPORTS, ["agency_id", "subject", "recipient_id", "due_date", "submitted_date"])
        columns.append(Column("state", self.tr("State"), Kind.TEXT, value=_state, display=state_text))
        filters = [
            RowFilter("state", self.tr("State"), lambda: [
                (state_text(s), lambda row, s=s: _state(row) == s)
                for s in (derived.MISSING, derived.NOT_YET_DUE, derived.SUBMITTED_LATE, derived.SUBMITTED_ON_TIME)]),
            agency_filter("agency_id", self.tr("Office"), ctx),
        ]
        self.panel = ListPanel(ctx, "office_reports", columns, FIELDS, filters=filters)
        self.panel.row_actions.append(
            ("submitted_today", self.tr("Handed in today"), self.mark_submitted_today,
             lambda row: bool(row) and not row.get("submitted_date")))
        self.panel.model.row_color = lambda row: (theme.row_background(STATE_COLOURS[_state(row)])
                                                  if _state(row) in STATE_COLOURS else None)
        self.summary = QLabel()
        self.summary.setObjectName("reports_summary")
        self.outer.addWidget(self.summary)
        self.outer.addWidget(self.panel, 1)
        self.panel.rows_changed.connect(self._update_summary)
        self.set_heading(self.title())

    def title(self) -> str:
        """Sidebar name."""
        return self.tr("Office reports")

    def mark_submitted_today(self, row: dict) -> bool:
        """"Đã nộp hôm nay": today's date as the submission date, without typing it (one undo step)."""
        import datetime as dt

        from desktop.ui.widgets.list_actions import commit_cell

        return commit_cell(self.panel, row, "submitted_date", dt.date.today().isoformat())

    def refresh(self) -> None:
        """Reload."""
        self.panel.reload()

    def _update_summary(self) -> None:
        if not self.ctx.plan_id:
            self.summary.clear()
            return
        figures = analysis.office_report_figures(self.ctx.store, self.ctx.plan_id)
        by_state = figures["by_state"]
        self.summary.setText(self.tr("%1 reports: %2 on time, %3 late, %4 not yet due, %5 overdue and missing")
                             .replace("%1", str(figures["count"]))
                             .replace("%2", str(by_state.get(derived.SUBMITTED_ON_TIME, 0)))
                             .replace("%3", str(by_state.get(derived.SUBMITTED_LATE, 0)))
                             .replace("%4", str(by_state.get(derived.NOT_YET_DUE, 0)))
                             .replace("%5", str(by_state.get(derived.MISSING, 0))))
