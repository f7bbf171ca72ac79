"""Page switching of the main window: the sidebar, the stack of pages, and each page built when first shown.

A page's module is imported and its widgets built the first time it is shown (or asked for), so the window opens
with one page instead of eight, whatever the size of the data behind the others.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QSplitter, QStackedWidget, QWidget

from desktop.ui.context import AppContext


class PageEntry(NamedTuple):
    """Where a page lives and its sidebar title (translated in the page class's own context)."""

    key: str
    module: str
    class_name: str
    title_source: str

    def title(self) -> str:
        """The sidebar title in the UI language."""
        return QCoreApplication.translate(self.class_name, self.title_source)


PAGE_ENTRIES: tuple[PageEntry, ...] = (
    PageEntry("dashboard", "desktop.ui.pages.dashboard", "DashboardPage",
              QT_TRANSLATE_NOOP("DashboardPage", "Overview")),
    PageEntry("plan", "desktop.ui.pages.plan", "PlanPage", QT_TRANSLATE_NOOP("PlanPage", "Plan")),
    PageEntry("tasks", "desktop.ui.pages.tasks", "TasksPage", QT_TRANSLATE_NOOP("TasksPage", "Tasks")),
    PageEntry("training", "desktop.ui.pages.training", "TrainingPage",
              QT_TRANSLATE_NOOP("TrainingPage", "Training")),
    PageEntry("survey", "desktop.ui.pages.survey", "SurveyPage", QT_TRANSLATE_NOOP("SurveyPage", "Pilot survey")),
    PageEntry("budget", "desktop.ui.pages.budget", "BudgetPage", QT_TRANSLATE_NOOP("BudgetPage", "Budget")),
    PageEntry("office_reports", "desktop.ui.pages.office_reports", "OfficeReportsPage",
              QT_TRANSLATE_NOOP("OfficeReportsPage", "Office reports")),
    PageEntry("agencies", "desktop.ui.pages.agencies", "AgenciesPage",
              QT_TRANSLATE_NOOP("AgenciesPage", "Agencies")),
)


class PageSwitcher(QSplitter):
    """The sidebar at the left and the page shown at the right.

    Signals:
        page_built(object): a page was built (the window adds its print button, connects it…).
        page_shown(int): the page at that position is now shown.
    """

    page_built = Signal(object)
    page_shown = Signal(int)

    def __init__(self, ctx: AppContext, entries: tuple[PageEntry, ...] = PAGE_ENTRIES, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.entries = entries
        self._built: dict[int, QWidget] = {}
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setMaximumWidth(220)
        # Larger text and taller rows than a plain list, from a font and the items' heights: a style sheet would put
        # Qt's style-sheet engine in the start-up for one list.
        font = QFont(self.sidebar.font())
        font.setPointSize(11)
        self.sidebar.setFont(font)
        row = QSize(1, QFontMetrics(font).height() + 16)  # 8 pixels above and below; as wide as the list
        self.stack = QStackedWidget()
        for entry in entries:
            QListWidgetItem(entry.title(), self.sidebar).setSizeHint(row)
            self.stack.addWidget(QWidget())  # a placeholder until the page is first shown
        self.sidebar.currentRowChanged.connect(self.show_page)
        self.addWidget(self.sidebar)
        self.addWidget(self.stack)
        self.setStretchFactor(1, 1)
        self.setSizes([180, 1000])  # the longest name, “Báo cáo đơn vị”, with room to spare

    def count(self) -> int:
        """How many pages there are."""
        return len(self.entries)

    def keys(self) -> list[str]:
        """The pages' keys, in sidebar order."""
        return [e.key for e in self.entries]

    def page_at(self, position: int):  # noqa: ANN201 - a Page (imported lazily)
        """The page at `position`, built now if it was never shown."""
        page = self._built.get(position)
        if page is None:
            entry = self.entries[position]
            page_class = getattr(importlib.import_module(entry.module), entry.class_name)
            page = page_class(self.ctx)
            placeholder = self.stack.widget(position)
            current = self.stack.currentIndex()
            self.stack.insertWidget(position, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.setCurrentIndex(current)
            self._built[position] = page
            self.page_built.emit(page)
            page.refresh()
        return page

    def built_pages(self) -> list:
        """The pages built so far."""
        return [self._built[p] for p in sorted(self._built)]

    def go_to(self, position: int) -> None:
        """Select page `position` in the sidebar (which shows it)."""
        self.sidebar.setCurrentRow(position)

    def show_page(self, position: int) -> None:
        """Build (the first time) and show the page at `position`."""
        if 0 <= position < len(self.entries):
            page = self.page_at(position)
            self.stack.setCurrentWidget(page)
            self.page_shown.emit(position)

    def current_position(self) -> int:
        """The position of the page shown."""
        return self.stack.currentIndex()

    def refresh_built(self, before: Callable[[], None] | None = None) -> None:
        """Reload every page built so far (the others load when first shown)."""
        if before:
            before()
        for page in self.built_pages():
            page.refresh()
