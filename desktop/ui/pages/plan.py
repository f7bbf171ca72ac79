"""Kế hoạch: the plan's header, legal bases, objectives with their indicators (target vs actual), responsibilities."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget

from desktop.domain.entities import INDICATORS, LEGAL_BASES, OBJECTIVES, PLANS, RESPONSIBILITIES
from desktop.services import lookups, records
from desktop.ui import formatting
from desktop.ui.context import AppContext
from desktop.ui.forms.entity_dialog import EntityDialog
from desktop.ui.models.columns import field_columns
from desktop.ui.pages.base import Page
from desktop.ui.undo import EditCommand
from desktop.ui.widgets.list_panel import ListPanel

HEADER_SHOWN = ["number", "issuer", "year", "title", "parent_plan", "total_budget", "funding_source", "signer_name",
                "status"]


class PlanPage(Page):
    """The plan as issued: its header fields, and its parts in tabs."""

    key = "plan"
    report_id = "plan-report"

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(ctx, parent)
        self.header_labels: dict[str, QLabel] = {}
        header = QWidget()
        form = QFormLayout(header)
        for name in HEADER_SHOWN:
            label = QLabel()
            label.setObjectName(f"plan_{name}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(formatting.field_label(PLANS.field(name)) + ":", label)
            self.header_labels[name] = label
        self.edit_button = QPushButton(self.tr("Edit plan details…"))
        self.edit_button.setObjectName("edit_plan")
        self.edit_button.clicked.connect(self.edit_plan)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)

        self.legal = ListPanel(ctx, "legal_bases", field_columns(LEGAL_BASES, ["seq", "number", "date", "issuer",
                                                                                "title"]),
                               ["seq", "kind", "number", "date", "issuer", "title"])
        self.objectives = ListPanel(ctx, "objectives", field_columns(OBJECTIVES, ["code", "text"]),
                                    ["code", "seq", "text"])
        self.indicators = ListPanel(ctx, "indicators",
                                    field_columns(INDICATORS, ["name", "unit", "target", "actual", "note"]),
                                    ["name", "unit", "target", "actual", "seq", "note"], parent_field="objective_id")
        self.objectives.current_changed.connect(
            lambda row: self.indicators.set_parent(row["id"] if row else None))
        objectives_split = QSplitter(Qt.Orientation.Vertical)
        objectives_split.addWidget(self.objectives)
        indicators_box = QWidget()
        indicators_layout = QVBoxLayout(indicators_box)
        indicators_layout.setContentsMargins(0, 0, 0, 0)
        indicators_layout.addWidget(QLabel(self.tr("<b>Indicators of the selected objective</b> (target vs actual)")))
        indicators_layout.addWidget(self.indicators)
        objectives_split.addWidget(indicators_box)
        self.responsibilities = ListPanel(
            ctx, "responsibilities",
            field_columns(RESPONSIBILITIES, ["code", "heading", "duties", "report_to", "report_deadline"]),
            ["code", "seq", "heading", "agency_ids", "duties", "report_to", "report_deadline"])

        self.tabs = QTabWidget()
        self.tabs.addTab(self.legal, self.tr("Legal bases"))
        self.tabs.addTab(objectives_split, self.tr("Objectives and indicators"))
        self.tabs.addTab(self.responsibilities, self.tr("Responsibilities"))
        self.outer.addWidget(header)
        self.outer.addLayout(buttons)
        self.outer.addWidget(self.tabs, 1)
        ctx.bus.changed.connect(lambda entity: self._show_header() if entity in ("plans", "*") else None)
        self.set_heading(self.title())

    def title(self) -> str:
        """Sidebar name."""
        return self.tr("Plan")

    def refresh(self) -> None:
        """Reload the header and every tab."""
        self._show_header()
        for panel in (self.legal, self.objectives, self.responsibilities):
            panel.reload()
        current = self.objectives.current_row()  # the first objective is selected: show its indicators
        self.indicators.set_parent(current["id"] if current else None)

    def _show_header(self) -> None:
        plan = records.get_row(self.ctx.store, "plans", self.ctx.plan_id) if self.ctx.plan_id else {}
        for name, label in self.header_labels.items():
            label.setText(formatting.format_value(PLANS.field(name), plan.get(name)) if plan else "")
        self.edit_button.setEnabled(bool(plan))

    def plan_dialog(self) -> EntityDialog:
        """The form of the plan's header (not shown yet)."""
        plan = records.get_row(self.ctx.store, "plans", self.ctx.plan_id)  # type: ignore[arg-type]

        def save(typed: dict) -> dict:
            return records.save_row(self.ctx.store, "plans", plan["id"], {**plan, **typed})

        return EntityDialog(PLANS, PLANS.field_names, plan, self.ctx.ref_options, save,
                            title=self.tr("Plan details"), parent=self.window())

    def edit_plan(self) -> None:
        """Edit the plan's header fields."""
        if not self.ctx.plan_id:
            return
        dialog = self.plan_dialog()
        before = dict(dialog.editors and records.get_row(self.ctx.store, "plans", self.ctx.plan_id))
        if dialog.exec() and dialog.saved_row and dialog.saved_row["rev"] != before["rev"]:
            fields = PLANS.field_names
            self.ctx.undo_stack.push(EditCommand(
                self.ctx.store, self.ctx.bus, "plans", before["id"], {n: before[n] for n in fields},
                {n: dialog.saved_row[n] for n in fields}, lookups.display_text("plans", before)))
            self.ctx.bus.notify("plans")
