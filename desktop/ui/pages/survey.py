"""Khảo sát: enterprises, their consumption (intensity and TOE derived), solutions, the model-enterprise choice,
the consultation workshop and the TOE factors."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain import derived
from desktop.domain.entities import (
    BY_NAME,
    CONSUMPTION_RECORDS,
    CONVERSION_FACTORS,
    ENTERPRISES,
    SELECTION_CRITERIA,
    SELECTION_SCORES,
    SOLUTIONS,
    WORKSHOPS,
)
from desktop.domain.fields import Kind
from desktop.services import analysis, records, survey
from desktop.ui import formatting
from desktop.ui.context import AppContext
from desktop.ui.models.columns import Column, field_columns
from desktop.ui.models.entity_model import EntityTableModel, show_in
from desktop.ui.pages.base import Page
from desktop.ui.undo import ChangeRowsCommand
from desktop.ui.widgets.lazy_tab import LazyTab
from desktop.ui.widgets.list_panel import ListPanel, RowFilter

ENTERPRISE_FIELDS = ["name", "tax_code", "address", "industrial_zone", "vsic_code", "products", "contact_person",
                     "phone", "surveyed", "survey_date", "is_model", "note"]


class SurveyPage(Page):
    """The pilot survey of chemical enterprises (5 in the 2024 plan) and the choice of 1 model enterprise."""

    key = "survey"
    report_id = "survey"

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(ctx, parent)
        self._factors: list[dict] = []
        self.summary = QLabel()
        self.summary.setObjectName("survey_summary")
        self.enterprises = ListPanel(
            ctx, "enterprises",
            field_columns(ENTERPRISES, ["name", "tax_code", "industrial_zone", "vsic_code", "products", "surveyed",
                                        "is_model"]),
            ENTERPRISE_FIELDS,
            filters=[RowFilter("surveyed", self.tr("Survey"), lambda: [
                (self.tr("Surveyed"), lambda r: bool(r.get("surveyed"))),
                (self.tr("Not surveyed"), lambda r: not r.get("surveyed"))])])
        self.consumption = ListPanel(
            ctx, "consumption_records",
            field_columns(CONSUMPTION_RECORDS, ["period", "resource", "quantity", "unit", "product_output",
                                                "product_unit"])
            + [Column("intensity", self.tr("Per unit of product"), Kind.DECIMAL,
                      value=lambda r: derived.intensity(r.get("quantity"), r.get("product_output")),
                      display=lambda v: formatting.format_decimal(v, 4)),
               Column("toe", self.tr("TOE"), Kind.DECIMAL, value=self._toe,
                      display=lambda v: formatting.format_decimal(v, 3))],
            ["period", "resource", "quantity", "unit", "product_output", "product_unit", "note"],
            parent_field="enterprise_id")
        # Tabs other than the first of each tab widget are built when first opened (widgets/lazy_tab.py).
        self._solutions_tab = LazyTab(lambda: ListPanel(
            ctx, "solutions",
            field_columns(SOLUTIONS, ["category", "description", "investment", "annual_saving"])
            + [Column("payback", self.tr("Payback (years)"), Kind.DECIMAL,
                      value=lambda r: derived.payback_years(r.get("investment"), r.get("annual_saving")),
                      display=lambda v: formatting.format_decimal(v, 1))],
            ["category", "description", "investment", "annual_saving", "note"], parent_field="enterprise_id"))
        self._scores_tab = LazyTab(lambda: ListPanel(
            ctx, "selection_scores", field_columns(SELECTION_SCORES, ["criterion_id", "score", "note"]),
            ["criterion_id", "score", "note"], parent_field="enterprise_id"))
        for tab in (self._solutions_tab, self._scores_tab):
            tab.when_built(lambda panel: panel.set_parent(self.consumption.parent_id))
        self.enterprises.current_changed.connect(self._enterprise_changed)

        detail = QTabWidget()
        detail.addTab(self.consumption, self.tr("Consumption"))
        detail.addTab(self._solutions_tab, self.tr("Proposed solutions"))
        detail.addTab(self._scores_tab, self.tr("Selection scores"))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.enterprises)
        split.addWidget(detail)

        self.ranking_model = EntityTableModel([
            Column("name", formatting.field_label(ENTERPRISES.field("name")), value=lambda r: r["enterprise"]["name"]),
            Column("weighted", self.tr("Weighted score (0–10)"), Kind.DECIMAL, value=lambda r: r["weighted"],
                   display=lambda v: formatting.format_decimal(v, 2)),
            Column("model", formatting.field_label(ENTERPRISES.field("is_model")),
                   value=lambda r: self.tr("Yes") if r["enterprise"].get("is_model") else ""),
        ], self)
        self._selection_parts: tuple[ListPanel, QTableView] | None = None
        self._selection_tab = LazyTab(self._build_selection)

        self._workshops_tab = LazyTab(lambda: ListPanel(
            ctx, "workshops", field_columns(WORKSHOPS, ["title", "date", "venue", "participants_count", "summary"]),
            ["title", "task_id", "date", "venue", "participants_count", "summary"]))
        self._factors_tab = LazyTab(lambda: ListPanel(
            ctx, "conversion_factors",
            field_columns(CONVERSION_FACTORS, ["resource", "unit", "toe_per_unit", "source"]),
            ["resource", "unit", "toe_per_unit", "source"]))
        ctx.bus.changed.connect(self._data_changed)

        tabs = QTabWidget()
        tabs.setObjectName("survey_tabs")
        tabs.addTab(split, self.tr("Enterprises"))
        tabs.addTab(self._selection_tab, self.tr("Model enterprise"))
        tabs.addTab(self._workshops_tab, self.tr("Consultation workshop"))
        tabs.addTab(self._factors_tab, self.tr("TOE factors"))
        self.tabs = tabs
        self.outer.addWidget(self.summary)
        self.outer.addWidget(tabs, 1)
        self.set_heading(self.title())

    def title(self) -> str:
        """Sidebar name."""
        return self.tr("Pilot survey")

    @property
    def solutions(self) -> ListPanel:
        """The solutions proposed to the selected enterprise (built with their tab)."""
        return self._solutions_tab.content()

    @property
    def scores(self) -> ListPanel:
        """The selected enterprise's scores against the criteria (built with their tab)."""
        return self._scores_tab.content()

    @property
    def criteria(self) -> ListPanel:
        """The selection criteria and their weights (built with the model enterprise's tab)."""
        return self._selection()[0]

    @property
    def ranking_view(self) -> QTableView:
        """The enterprises ranked by weighted score (built with the model enterprise's tab)."""
        return self._selection()[1]

    @property
    def workshops(self) -> ListPanel:
        """The consultation workshop (built with its tab)."""
        return self._workshops_tab.content()

    @property
    def factors(self) -> ListPanel:
        """The TOE conversion factors (built with their tab)."""
        return self._factors_tab.content()

    def _selection(self) -> tuple[ListPanel, QTableView]:
        self._selection_tab.content()
        assert self._selection_parts is not None  # set by _build_selection
        return self._selection_parts

    def _build_selection(self) -> QWidget:
        criteria = ListPanel(self.ctx, "selection_criteria",
                             field_columns(SELECTION_CRITERIA, ["seq", "name", "weight"]), ["name", "weight", "seq"])
        ranking_view = QTableView()
        ranking_view.setObjectName("ranking")
        show_in(ranking_view, self.ranking_model)
        # A handful of enterprises: the name and the score take the width of their longest text and header, one line
        # a row as in the lists.
        header = ranking_view.horizontalHeader()
        for column in (0, 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        ranking_view.setWordWrap(False)
        ranking_view.verticalHeader().setDefaultSectionSize(26)
        ranking_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self._selection_parts = (criteria, ranking_view)
        choose_button = QPushButton(self.tr("Choose as model enterprise"))
        choose_button.setObjectName("choose_model")
        choose_button.clicked.connect(self.choose_model)
        selection = QWidget()
        selection_layout = QVBoxLayout(selection)
        selection_layout.setContentsMargins(0, 0, 0, 0)
        selection_layout.addWidget(QLabel(self.tr("<b>Criteria and weights</b>")))
        selection_layout.addWidget(criteria, 1)
        selection_layout.addWidget(QLabel(self.tr("<b>Ranking by weighted score</b>")))
        selection_layout.addWidget(ranking_view, 1)
        row = QHBoxLayout()
        row.addWidget(choose_button)
        row.addStretch(1)
        selection_layout.addLayout(row)
        return selection

    def refresh(self) -> None:
        """Reload everything built so far (a tab never opened reads its rows when it is)."""
        self._read_factors()
        self.enterprises.reload()
        if self._selection_tab.is_built():
            self.criteria.reload()
        for tab in (self._workshops_tab, self._factors_tab):
            if tab.is_built():
                tab.content().reload()
        self._enterprise_changed(self.enterprises.current_row())
        self._update_ranking()

    def _toe(self, row: dict) -> float | None:
        factor = derived.toe_factor(self._factors, str(row.get("resource")), str(row.get("unit") or ""))
        return derived.toe(row.get("quantity"), factor)

    def _read_factors(self) -> None:
        # The TOE column of the consumption list needs the factors whether or not their tab was ever opened.
        self._factors = records.list_rows(self.ctx.store, "conversion_factors")

    def _data_changed(self, entity: str) -> None:
        # From the data, not from the lists: a list on a tab not shown has not read its rows.
        if entity in ("conversion_factors", "*"):
            self._read_factors()
            self.consumption.reload()
        if entity in ("enterprises", "selection_scores", "selection_criteria", "*"):
            self._update_ranking()

    def _enterprise_changed(self, row: dict | None) -> None:
        enterprise_id = row["id"] if row else None
        panels = [self.consumption] + [t.content() for t in (self._solutions_tab, self._scores_tab) if t.is_built()]
        for panel in panels:
            if panel.parent_id != enterprise_id:
                panel.set_parent(enterprise_id)

    def _update_ranking(self) -> None:
        if not self.ctx.plan_id:
            return
        self.ranking_model.set_rows(analysis.selection_ranking(self.ctx.store, self.ctx.plan_id))
        figures = analysis.survey_figures(self.ctx.store, self.ctx.plan_id)
        model = figures["model"]["name"] if figures["model"] else self.tr("not chosen yet")
        self.summary.setText(self.tr("Enterprises surveyed: %1 / target %2 — model enterprise: %3")
                             .replace("%1", str(figures["surveyed"])).replace("%2", str(figures["target"]))
                             .replace("%3", model))

    def choose_model(self) -> None:
        """Mark the enterprise selected in the ranking as the model enterprise."""
        from PySide6.QtWidgets import QMessageBox

        index = self.ranking_view.currentIndex()
        if not index.isValid() or not self.ctx.plan_id:
            QMessageBox.information(self, self.title(), self.tr("Select an enterprise in the ranking first."))
            return
        enterprise = self.ranking_model.row_at(index.row())["enterprise"]
        store, fields = self.ctx.store, BY_NAME["enterprises"].field_names

        def values() -> dict[str, dict]:
            rows = records.list_rows(store, "enterprises", parent_field="plan_id", parent_id=self.ctx.plan_id)
            return {r["id"]: {n: r.get(n) for n in fields} for r in rows}

        snapshot = values()
        survey.choose_model_enterprise(store, self.ctx.plan_id, enterprise["id"])
        now = values()
        changed = [i for i in now if now[i] != snapshot.get(i)]
        # One undo step for the whole choice (the new model marked, the former one unmarked): the history stays.
        text = self.tr("Choose the model enterprise: %1").replace("%1", str(enterprise.get("name") or ""))
        self.ctx.undo_stack.push(ChangeRowsCommand(store, self.ctx.bus, "enterprises",
                                                   {i: snapshot[i] for i in changed if i in snapshot},
                                                   {i: now[i] for i in changed}, text))
        self.ctx.bus.notify("enterprises")
