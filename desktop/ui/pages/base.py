"""The base of every page of the main window."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from desktop.ui.context import AppContext


class Page(QWidget):
    """A page: a title, a refresh when shown or when the plan changes, and the table "print as shown" would print."""

    key = ""

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"page_{self.key}")
        self.outer = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold; margin-bottom: 4px;")
        self.outer.addWidget(self.heading)

    def title(self) -> str:
        """The page's name in the sidebar."""
        raise NotImplementedError

    def set_heading(self, text: str) -> None:
        """Set the big title at the top of the page."""
        self.heading.setText(text)

    def refresh(self) -> None:
        """Reload everything shown (a new plan or database was opened)."""

    def current_table(self) -> QTableView | None:
        """The table the user is looking at (for File → Print table), or None."""
        tables = [t for t in self.findChildren(QTableView) if t.isVisible()]
        focused = [t for t in tables if t.hasFocus()]
        return (focused or tables or [None])[0]


def section(title: str) -> QWidget:
    """A bold section title."""
    label = QLabel(f"<b>{title}</b>")
    label.setStyleSheet("margin-top: 6px;")
    return label
