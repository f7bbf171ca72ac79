"""Nhiệm vụ: the task tree (content items and their activities) with agencies, quarters, deadline, status, progress."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPalette, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.choices import QUARTERS
from desktop.domain.derived import task_is_overdue
from desktop.domain.entities import TASKS
from desktop.domain.fields import Kind
from desktop.ui import theme
from desktop.ui.context import AppContext
from desktop.ui.formatting import field_label
from desktop.ui.models.columns import Column, field_columns
from desktop.ui.pages.base import Page
from desktop.ui.widgets.lazy_tab import LazyTab
from desktop.ui.widgets.list_panel import ListPanel, RowFilter, agency_filter, choice_filter

if TYPE_CHECKING:  # drawn when its tab is first opened
    from desktop.ui.widgets.quarter_timeline import QuarterTimeline

FIELDS = ["code", "kind", "parent_id", "title", "lead_agency_id", "coordinating_ids", "quarters", "start_date",
          "end_date", "status", "progress", "expected_output", "result", "note", "seq"]


def code_key(code: str) -> list:
    """Orders "II.1.10" after "II.1.9" and "II.10" after "II.9"."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"[.\s]", code or "")]


def arrange_tree(rows: list[dict]) -> list[dict]:
    """Each content item followed by its activities, in the order of their numbers."""
    return sorted(rows, key=lambda r: code_key(str(r.get("code") or "")))


def roll_up(rows: list[dict]) -> list[dict]:
    """The outline (see arrange_tree) with each content item's status and progress computed from its activities, by
    the figures' one rule (desktop.figures.tasks.rolled_up); the values typed stay in stored_status/stored_progress."""
    from desktop.figures.tasks import rolled_up

    rows = arrange_tree(rows)
    children: dict[str, list[dict]] = {}
    for row in rows:
        if row.get("parent_id"):
            children.setdefault(str(row["parent_id"]), []).append(row)
    result = []
    for row in rows:
        below = [r for r in children.get(str(row["id"]), []) if r.get("kind") == "activity"]
        if row.get("kind") == "content" and below:
            status, progress = rolled_up(below)
            row = {**row, "stored_status": row.get("status"), "stored_progress": row.get("progress"),
                   "status": status, "progress": progress}
        result.append(row)
    return result


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


def outline_arrow(expanded: bool, colour: str) -> QIcon:
    """A content item's arrow, ▼ when its activities are shown and ▶ when they are hidden, in the text's colour.

    Drawn here rather than taken from the style (QStyle.standardIcon): the same look in every style, and touching
    QStyle made Qt build its Python enums, ~3 ms of the start-up.
    """
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    points = ((3, 5), (13, 5), (8, 11)) if expanded else ((5, 3), (11, 8), (5, 13))
    painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    painter.end()
    return QIcon(pixmap)


class TasksPage(Page):
    """Content items (II.1, II.2) with their activities beneath; overdue activities are shown in red."""

    key = "tasks"
    report_id = "tasks"

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(ctx, parent)
        self.collapsed: set[str] = set()
        self._arrows: dict[tuple[bool, str], QIcon] = {}  # (expanded, colour): the outline's arrows, drawn once
        columns = field_columns(TASKS, ["code"])
        columns.append(Column("title", field_label(TASKS.field("title")), Kind.TEXT, value=_indented_title))
        columns += field_columns(TASKS, ["lead_agency_id", "coordinating_ids", "quarters", "end_date", "status",
                                         "progress"])
        filters = [choice_filter("status", self.tr("Status"), "tasks"),
                   agency_filter("lead_agency_id", self.tr("Lead agency"), ctx), quarter_filter()]
        self.panel = ListPanel(ctx, "tasks", columns, FIELDS, filters=filters, arrange=roll_up,
                               defaults=lambda: {"kind": "activity", "status": "not_started", "progress": 0})
        self.panel.model.row_color = lambda row: (theme.row_background(theme.DANGER) if task_is_overdue(row)
                                                  else theme.row_background(theme.GROUP) if row.get("kind") == "content"
                                                  else None)
        self.panel.model.decoration = self._arrow
        self.panel.model.set_filter("outline", self._outside_collapsed)
        self.panel.search.textChanged.connect(lambda _t: self.panel.model.set_filter("outline",
                                                                                      self._outside_collapsed))
        self.panel.view.clicked.connect(self._clicked)
        self.panel.view.key_handlers.append(self._arrow_keys)
        self.panel.row_actions.append(("toggle_outline", self.tr("Collapse / expand"),
                                       lambda row: self.toggle(row["id"]),
                                       lambda row: bool(row) and row.get("kind") == "content"))
        self.panel.preferred_widths = {0: 78, 1: 330, 3: 180, 4: 100, 5: 86}
        self.panel.rows_changed.connect(self._refresh_timeline)

        # The timeline is drawn when its tab is first opened: until then a reload has no figures to compute for it.
        self._timeline: QuarterTimeline | None = None
        self._timeline_tab: LazyTab[QWidget] = LazyTab(self._build_timeline_page)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("tasks_tabs")
        self.tabs.addTab(self.panel, self.tr("Outline"))
        self.tabs.addTab(self._timeline_tab, self.tr("Quarter timeline"))
        collapse = self.add_heading_button("collapse_all", self.tr("Collapse all"), self.collapse_all)
        expand = self.add_heading_button("expand_all", self.tr("Expand all"), self.expand_all)
        for button_ in (collapse, expand):
            button_.setToolTip(self.tr("Content items show or hide their activities (← and → on a row)"))
        self.outer.addWidget(self.tabs, 1)
        self.set_heading(self.title())

    def title(self) -> str:
        """Sidebar name."""
        return self.tr("Tasks")

    def refresh(self) -> None:
        """Reload."""
        self.panel.reload()

    # -- the outline -----------------------------------------------------------------------------------------------
    def _outside_collapsed(self, row: dict) -> bool:
        # A search looks inside collapsed items too: a match must never be hidden by the outline.
        return bool(self.panel.search.text().strip()) or str(row.get("parent_id") or "") not in self.collapsed

    def _arrow(self, row: dict, column: int) -> object:
        if column != 0 or row.get("kind") != "content":
            return None
        expanded = row["id"] not in self.collapsed
        colour = self.palette().color(QPalette.ColorRole.Text).name()
        if (expanded, colour) not in self._arrows:
            self._arrows[(expanded, colour)] = outline_arrow(expanded, colour)
        return self._arrows[(expanded, colour)]

    def _clicked(self, index) -> None:  # noqa: ANN001
        if index.column() == 0:
            row = self.panel.model.row_at(index.row())
            if row.get("kind") == "content":
                self.toggle(row["id"])

    def _arrow_keys(self, event: QKeyEvent) -> bool:
        """← collapses the content item of the current row, → expands it (as in a tree)."""
        if event.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            row = self.panel.current_row()
            if row is not None:
                target = row["id"] if row.get("kind") == "content" else str(row.get("parent_id") or "")
                if target:
                    collapse = event.key() == Qt.Key.Key_Left
                    if collapse != (target in self.collapsed):
                        self.toggle(target)
                    return True
        return False

    def toggle(self, content_id: str) -> None:
        """Show or hide the activities of a content item."""
        self.collapsed ^= {content_id}
        self._apply_outline(select=content_id)

    def collapse_all(self) -> None:
        """Every content item shows only its own line."""
        self.collapsed = {r["id"] for r in self.panel.model.all_rows() if r.get("kind") == "content"}
        self._apply_outline()

    def expand_all(self) -> None:
        """Every activity shown."""
        self.collapsed = set()
        self._apply_outline()

    def _apply_outline(self, select: str | None = None) -> None:
        current = select or (self.panel.current_row() or {}).get("id")
        self.panel.model.set_filter("outline", self._outside_collapsed)
        self.panel.model.layoutChanged.emit()
        self.panel._update_count()
        if current:
            self.panel.select_row(current)

    # -- the timeline ----------------------------------------------------------------------------------------------
    @property
    def timeline(self) -> QuarterTimeline:
        """The quarter timeline (built now if its tab was never opened)."""
        self._timeline_tab.content()
        assert self._timeline is not None
        return self._timeline

    def _build_timeline_page(self) -> QWidget:
        from desktop.ui.widgets.quarter_timeline import QuarterTimeline

        self._timeline = QuarterTimeline()
        timeline_scroll = QScrollArea()
        timeline_scroll.setWidgetResizable(True)
        timeline_scroll.setWidget(self._timeline)
        timeline_page = QWidget()
        timeline_layout = QVBoxLayout(timeline_page)
        timeline_layout.setContentsMargins(0, 0, 0, 0)
        print_row = QHBoxLayout()
        legend = QLabel(self.tr("Bars from the start to the deadline (or over the planned quarters); the mark is the "
                                "deadline; red: overdue; the vertical line is today."))
        legend.setWordWrap(True)
        print_row.addWidget(legend, 1)
        print_button = QPushButton(self.tr("Print the timeline…"))
        print_button.setObjectName("print_timeline")
        print_button.clicked.connect(self.print_timeline)
        print_row.addWidget(print_button)
        timeline_layout.addLayout(print_row)
        timeline_layout.addWidget(timeline_scroll, 1)
        self._fill_timeline(self._timeline)
        return timeline_page

    def _refresh_timeline(self) -> None:
        if self._timeline is not None:
            self._fill_timeline(self._timeline)

    def _fill_timeline(self, timeline: QuarterTimeline) -> None:
        import datetime as dt

        from desktop.figures.tasks import task_figures

        if not self.ctx.plan_id:
            timeline.set_tasks([], dt.date.today().year)
            return
        plan = self.ctx.store.repo("plans").get(self.ctx.plan_id)
        figures = task_figures(self.ctx.store, self.ctx.plan_id, dt.date.today())
        timeline.set_tasks(figures.rows, int(plan["year"]))

    def print_timeline(self) -> None:
        """Print preview of the timeline on a landscape A4 page (printed black on white)."""
        from PySide6.QtGui import QPageLayout, QPageSize
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        printer.setDocName(self.tr("Quarter timeline"))
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setObjectName("timeline_preview")
        dialog.paintRequested.connect(self.render_timeline)
        dialog.exec()

    def render_timeline(self, printer) -> None:  # noqa: ANN001 - QPrinter
        """Paint the timeline onto `printer`'s page, scaled to its width (and height when needed)."""
        from PySide6.QtGui import QFont, QPainter

        painter = QPainter(printer)
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        size = self.timeline.sizeHint()
        width = 1100.0
        scale = min(page.width() / width, page.height() / max(size.height() + 40, 1))
        painter.scale(scale, scale)
        font = QFont(self.font())
        font.setPixelSize(12)  # in the page's scaled coordinates, as on screen (a point size would follow the DPI)
        painter.setFont(font)
        painter.drawText(QRectF(0, 0, width, 30), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         self.tr("Quarter timeline of the tasks"))
        self.timeline.paint(painter, QRectF(0, 36, width, size.height()), self.palette(), printing=True)
        painter.end()
