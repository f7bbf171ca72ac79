"""Kế hoạch: the plan's header, legal bases, objectives with their indicators (target vs actual), responsibilities."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QSplitter, QTabWidget, QVBoxLayout, QWidget

from desktop.domain.entities import INDICATORS, LEGAL_BASES, OBJECTIVES, PLANS, RESPONSIBILITIES
from desktop.services import lookups, records
from desktop.ui import formatting
from desktop.ui.context import AppContext
from desktop.ui.models.columns import field_columns
from desktop.ui.pages.base import Page
from desktop.ui.undo import EditCommand
from desktop.ui.widgets.lazy_tab import LazyTab
from desktop.ui.widgets.list_panel import ListPanel

if TYPE_CHECKING:
    from desktop.ui.forms.entity_dialog import EntityDialog

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
        # The second and third tabs are built when first opened (widgets/lazy_tab.py).
        self._objective_lists: tuple[ListPanel, ListPanel] | None = None
        self._objectives_tab = LazyTab(self._build_objectives)
        self._objectives_tab.when_built(lambda _split: self._load_objectives())
        self._responsibilities_tab = LazyTab(lambda: ListPanel(
            ctx, "responsibilities",
            field_columns(RESPONSIBILITIES, ["code", "heading", "duties", "report_to", "report_deadline"]),
            ["code", "seq", "heading", "agency_ids", "duties", "report_to", "report_deadline"]))

        self.tabs = QTabWidget()
        self.tabs.addTab(self.legal, self.tr("Legal bases"))
        self.tabs.addTab(self._objectives_tab, self.tr("Objectives and indicators"))
        self.tabs.addTab(self._responsibilities_tab, self.tr("Responsibilities"))
        self.outer.addWidget(header)
        self.outer.addLayout(buttons)
        self.outer.addWidget(self.tabs, 1)
        ctx.bus.changed.connect(lambda entity: self._show_header() if entity in ("plans", "*") else None)
        self.set_heading(self.title())

    def title(self) -> str:
        """Sidebar name."""
        return self.tr("Plan")

    @property
    def objectives(self) -> ListPanel:
        """The plan's objectives (built with their tab)."""
        return self._objectives_and_indicators()[0]

    @property
    def indicators(self) -> ListPanel:
        """The indicators of the objective selected (built with their tab)."""
        return self._objectives_and_indicators()[1]

    @property
    def responsibilities(self) -> ListPanel:
        """The responsibilities of each agency (built with their tab)."""
        return self._responsibilities_tab.content()

    def _objectives_and_indicators(self) -> tuple[ListPanel, ListPanel]:
        self._objectives_tab.content()
        assert self._objective_lists is not None  # set by _build_objectives
        return self._objective_lists

    def _build_objectives(self) -> QSplitter:
        objectives = ListPanel(self.ctx, "objectives", field_columns(OBJECTIVES, ["code", "text"]),
                               ["code", "seq", "text"])
        indicators = ListPanel(self.ctx, "indicators",
                               field_columns(INDICATORS, ["name", "unit", "target", "actual", "note"]),
                               ["name", "unit", "target", "actual", "seq", "note"], parent_field="objective_id")
        objectives.current_changed.connect(lambda row: indicators.set_parent(row["id"] if row else None))
        self._objective_lists = (objectives, indicators)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(objectives)
        indicators_box = QWidget()
        indicators_layout = QVBoxLayout(indicators_box)
        indicators_layout.setContentsMargins(0, 0, 0, 0)
        indicators_layout.addWidget(QLabel(self.tr("<b>Indicators of the selected objective</b> (target vs actual)")))
        indicators_layout.addWidget(indicators)
        split.addWidget(indicators_box)
        return split

    def refresh(self) -> None:
        """Reload the header and every tab built so far (the others read their rows when first opened)."""
        self._show_header()
        self.legal.reload()
        if self._objectives_tab.is_built():
            self._load_objectives()
        if self._responsibilities_tab.is_built():
            self.responsibilities.reload()

    def _load_objectives(self) -> None:
        objectives, indicators = self._objectives_and_indicators()
        objectives.reload()
        current = objectives.current_row()  # the first objective is selected: show its indicators
        indicators.set_parent(current["id"] if current else None)

    def _show_header(self) -> None:
        plan = records.get_row(self.ctx.store, "plans", self.ctx.plan_id) if self.ctx.plan_id else {}
        for name, label in self.header_labels.items():
            label.setText(formatting.format_value(PLANS.field(name), plan.get(name)) if plan else "")
        self.edit_button.setEnabled(bool(plan))

    def plan_dialog(self) -> EntityDialog:
        """The form of the plan's header (not shown yet)."""
        from desktop.ui.forms.entity_dialog import EntityDialog

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
