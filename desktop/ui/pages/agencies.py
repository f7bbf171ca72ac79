"""Đơn vị: the editable list of agencies, with their kind and dates of validity."""

from __future__ import annotations

from desktop.domain.entities import AGENCIES
from desktop.services import agencies
from desktop.ui import theme
from desktop.ui.context import AppContext
from desktop.ui.models.columns import field_columns
from desktop.ui.pages.base import Page
from desktop.ui.widgets.list_panel import ListPanel, choice_filter

FIELDS = ["code", "name", "short_name", "kind", "valid_from", "valid_to", "successor_ids", "former_name", "renamed_on",
          "seq", "note"]
ENDED_COLOUR = theme.NEUTRAL  # ended agencies are greyed: kept for history, no longer offered for new rows


class AgenciesPage(Page):
    """Agencies are data, not code: districts ended in 2025, departments merged; history keeps the old ones."""

    key = "agencies"

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(ctx, parent)
        columns = field_columns(AGENCIES, ["code", "name", "short_name", "kind", "valid_from", "valid_to",
                                           "successor_ids", "note"])
        self.panel = ListPanel(ctx, "agencies", columns, FIELDS,
                               filters=[choice_filter("kind", self.tr("Kind"), "agencies")])
        self.panel.model.row_color = lambda row: theme.row_background(ENDED_COLOUR) if agencies.is_ended(row) else None
        self.outer.addWidget(self.panel, 1)
        self.set_heading(self.title())

    def title(self) -> str:
        """Sidebar name."""
        return self.tr("Agencies")

    def refresh(self) -> None:
        """Reload the list."""
        self.panel.reload()
