"""Kinh phí: budget lines (quantity × unit price = amount) against the plan's total, disbursements, execution %."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from desktop.domain import derived
from desktop.domain.entities import BUDGET_LINES, DISBURSEMENTS
from desktop.domain.fields import Kind
from desktop.services import analysis
from desktop.ui import formatting
from desktop.ui.budget_balance import balance_html, balance_words
from desktop.ui.context import AppContext
from desktop.ui.models.columns import Column, field_columns
from desktop.ui.pages.base import Page
from desktop.ui.widgets.list_panel import ListPanel

LINE_FIELDS = ["seq", "item", "task_id", "unit", "quantity", "unit_price", "amount", "funding_source", "note"]


class BudgetPage(Page):
    """The estimate (dự toán) and its execution. A total that does not match the plan's is shown in red."""

    key = "budget"
    report_id = "budget"

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(ctx, parent)
        self._disbursed: dict[str, int] = {}
        self._difference: int | None = None
        self.totals = QLabel()
        self.totals.setObjectName("budget_totals")
        self.totals.setTextFormat(Qt.TextFormat.RichText)
        self.totals.setWordWrap(True)  # on two lines in a narrow window, rather than widening it past the screen
        # The figures side by side (amount, disbursed, execution) and the source of funds last: in a window of 1280
        # pixels what is disbursed is in sight beside the amount. A paste by column order follows the stored fields
        # only, whose order this keeps.
        self.lines = ListPanel(
            ctx, "budget_lines",
            field_columns(BUDGET_LINES, ["seq", "item", "task_id", "unit", "quantity", "unit_price", "amount"])
            + [Column("disbursed", self.tr("Disbursed (VND)"), Kind.MONEY,
                      value=lambda r: self._disbursed.get(r["id"], 0), display=formatting.format_int),
               Column("execution", self.tr("Execution"), Kind.PERCENT,
                      value=lambda r: derived.execution_percent(self._disbursed.get(r["id"], 0), r.get("amount")),
                      display=formatting.format_percent)]
            + field_columns(BUDGET_LINES, ["funding_source"]),
            LINE_FIELDS)
        self.disbursements = ListPanel(ctx, "disbursements",
                                       field_columns(DISBURSEMENTS, ["date", "amount", "voucher", "note"]),
                                       ["date", "amount", "voucher", "note"], parent_field="budget_line_id")
        self.lines.current_changed.connect(
            lambda row: self.disbursements.set_parent(row["id"] if row else None))
        self.lines.rows_changed.connect(self._update_totals)
        self.disbursements.rows_changed.connect(self._disbursements_changed)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(QLabel(self.tr("<b>Disbursements of the selected line</b>")))
        lower_layout.addWidget(self.disbursements, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.lines)
        split.addWidget(lower)
        split.setSizes([450, 250])
        self.outer.addWidget(self.totals)
        self.outer.addWidget(split, 1)
        self.set_heading(self.title())

    def title(self) -> str:
        """Sidebar name."""
        return self.tr("Budget")

    def refresh(self) -> None:
        """Reload."""
        self.lines.reload()
        current = self.lines.current_row()  # the first line is selected: show its disbursements
        self.disbursements.set_parent(current["id"] if current else None)

    def recolour(self) -> None:
        """The totals' colour follows the new palette."""
        self._update_totals()

    def _disbursements_changed(self) -> None:
        self._update_totals()
        self.lines.model.layoutChanged.emit()

    def _warn_if_newly_over(self, difference: int) -> None:
        # After a save that takes the lines over the plan total (or further over), say so at once, in words.
        previous, self._difference = self._difference, difference
        if previous is not None and difference < 0 and difference < previous and self.isVisible():
            from PySide6.QtWidgets import QMessageBox

            text, _hue = balance_words(difference)
            QMessageBox.warning(self, self.tr("Budget"),
                                text + "\n" + self.tr("The estimate lines now add up to more than the plan total."))

    def _update_totals(self) -> None:
        if not self.ctx.plan_id:
            self.totals.clear()
            return
        f = analysis.budget_figures(self.ctx.store, self.ctx.plan_id)
        self._disbursed = f["disbursed_by_line"]
        self._warn_if_newly_over(f["difference"])
        self.lines.update_totals()
        money = formatting.format_int
        difference = f["difference"]
        execution = formatting.format_percent(f["execution_percent"]) or "—"
        self.totals.setText(
            self.tr("Total of the lines: <b>%1</b> VND — plan total: <b>%2</b> VND — ")
            .replace("%1", money(f["allocated"])).replace("%2", money(f["plan_total"]))
            + balance_html(difference) + "<br>"
            + self.tr("Disbursed: %1 VND (%2); remaining: %3 VND")
            .replace("%1", money(f["disbursed"])).replace("%2", execution).replace("%3", money(f["remaining"])))
