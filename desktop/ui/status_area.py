"""The main window's status bar: the database in use, and whether every change is saved (or cannot be)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QStatusBar

from desktop.ui import theme


class StatusArea:
    """Two labels in `bar`: the database path (left) and the saved state (right)."""

    def __init__(self, bar: QStatusBar):
        self.bar = bar
        self.db_label = QLabel()
        self.db_label.setObjectName("status_db")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("status_saved")
        bar.addWidget(self.db_label, 1)
        bar.addPermanentWidget(self.saved_label)

    def show_database(self, path: str, read_only: bool) -> None:
        """Say which database is open and whether it can be written."""
        self.db_label.setText(QCoreApplication.translate("MainWindow", "Database: %1").replace("%1", path))
        if read_only:
            self.saved_label.setText(QCoreApplication.translate("MainWindow", "Read-only: changes cannot be saved"))
            self.saved_label.setStyleSheet(f"color: {theme.text_colour(theme.DANGER)}; font-weight: bold;")
        else:
            self.saved_label.setText(QCoreApplication.translate("MainWindow", "All changes saved"))
            self.saved_label.setStyleSheet("")  # writable again after a retry

    def show_saved(self) -> None:
        """Every change is saved at once: say so with the time of the last one."""
        from PySide6.QtCore import QDateTime

        self.saved_label.setText(QCoreApplication.translate("MainWindow", "All changes saved (%1)")
                                 .replace("%1", QDateTime.currentDateTime().toString("HH:mm:ss")))

    def message(self, text: str, milliseconds: int = 8000) -> None:
        """A passing message at the left of the bar."""
        self.bar.showMessage(text, milliseconds)
