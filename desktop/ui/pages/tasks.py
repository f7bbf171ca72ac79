"""Nhiệm vụ: the task tree (content items and their activities) with agencies, quarters, deadline, status, progress."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication

from desktop.domain.choices import QUARTERS
from desktop.domain.derived import task_is_overdue
from desktop.domain.entities import TASKS
from desktop.domain.fields import Kind
from desktop.ui import theme
from desktop.ui.context import AppContext
from desktop.ui.formatting import field_label
from desktop.ui.models.columns import Column, field_columns
from desktop.ui.pages.base import Page
from desktop.ui.widgets.list_panel import ListPanel, RowFilter, agency_filter, choice_filter

FIELDS = ["code", "kind", "parent_id", "title", "lead_agency_id", "coordinating_ids", "quarters", "start_date",
          "end_date", "status", "progress", "expected_output", "result", "note", "seq"]


def code_key(code: str) -> list:
    """Orders "II.1.10" after "II.1.9" and "II.10" after "II.9"."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"[.\s]", code or "")]


def arrange_tree(rows: list[dict]) -> list[dict]:
    """Each content item followed by its activities, in the order of their numbers."""
    return sorted(rows, key=lambda r: code_key(str(r.get("code") or "")))


def _indented_title(row: dict) -> str:
    title = str(row.get("title") or "")
    return ("      " + title) if row.get("parent_id") else title


def quarter_filter() -> RowFilter:
    """A filter on the planned quarter."""
    def entries() -> list:
        label = QCoreApplication.translate("TasksPage", "Quarter %1")
        return [(label.replace("%1", q), lambda row, q=q: q in [p.strip() for p in str(row.get("quarters")).split(",")])
                for q in QUARTERS]

    return RowFilter("quarter", QCoreApplication.translate("TasksPage", "Quarter"), entries)


class TasksPage(Page):
    """Content items (II.1, II.2) with their activities beneath; overdue activities are shown in red."""

    key = "tasks"
    report_id = "tasks"

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(ctx, parent)
        columns = field_columns(TASKS, ["code"])
        columns.append(Column("title", field_label(TASKS.field("title")), Kind.TEXT, value=_indented_title))
        columns += field_columns(TASKS, ["lead_agency_id", "coordinating_ids", "quarters", "end_date", "status",
                                         "progress"])
        filters = [choice_filter("status", self.tr("Status"), "tasks"),
                   agency_filter("lead_agency_id", self.tr("Lead agency"), ctx), quarter_filter()]
        self.panel = ListPanel(ctx, "tasks", columns, FIELDS, filters=filters, arrange=arrange_tree,
                               defaults=lambda: {"kind": "activity", "status": "not_started", "progress": 0})
        self.panel.model.row_color = lambda row: (theme.row_background(theme.DANGER) if task_is_overdue(row)
                                                  else theme.row_background(theme.GROUP) if row.get("kind") == "content"
                                                  else None)
        self.panel.preferred_widths = {0: 64, 1: 330, 3: 180, 4: 100, 5: 86}
        self.outer.addWidget(self.panel, 1)
        self.set_heading(self.title())

    def title(self) -> str:
        """Sidebar name."""
        return self.tr("Tasks")

    def refresh(self) -> None:
        """Reload."""
        self.panel.reload()
