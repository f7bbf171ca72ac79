"""The base of every page of the main window."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from desktop.ui.context import AppContext


class Page(QWidget):
    """A page: a title, a refresh when shown or when the plan changes, and the table "print as shown" would print."""

    key = ""
    is_page = True  # lists look up to their page: one on a tab not shown waits to read its rows (ListPanel.reload)
    report_id = ""  # the printed summary that belongs to this page, if any

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"page_{self.key}")
        self.outer = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("heading")
        font = QFont(self.heading.font())  # a font rather than a style sheet: see dashboard.Card
        font.setPointSize(15)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setContentsMargins(0, 0, 0, 4)
        self.heading_row = QHBoxLayout()
        self.heading_row.addWidget(self.heading)
        self.heading_row.addStretch(1)
        self.outer.addLayout(self.heading_row)

    def title(self) -> str:
        """The page's name in the sidebar."""
        raise NotImplementedError

    def set_heading(self, text: str) -> None:
        """Set the big title at the top of the page."""
        self.heading.setText(text)

    def add_heading_button(self, name: str, text: str, slot) -> QPushButton:  # noqa: ANN001
        """A button at the right of the page's title (e.g. printing the page's summary)."""
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        self.heading_row.addWidget(button)
        return button

    def refresh(self) -> None:
        """Reload everything shown (a new plan or database was opened)."""

    def recolour(self) -> None:
        """Colour again what the page coloured from the palette (texts with a colour of their own); list rows are
        recoloured by the main window."""

    def current_table(self) -> QTableView | None:
        """The table the user is looking at (for File → Print table), or None."""
        tables = [t for t in self.findChildren(QTableView) if t.isVisible()]
        focused = [t for t in tables if t.hasFocus()]
        return (focused or tables or [None])[0]


def section(title: str) -> QWidget:
    """A bold section title."""
    label = QLabel(f"<b>{title}</b>")
    label.setContentsMargins(0, 6, 0, 0)
    return label
