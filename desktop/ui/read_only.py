"""A window opened read-only because another window had the database: it says so, offers to try again, and notices
when the other window has closed it, offering to switch to editing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow, QPushButton

from desktop.services.opening import is_held_elsewhere, try_writable
from desktop.store import StoreError

POLL_MS = 3000


class ReadOnlyRetry(QObject):
    """Attached to the main window while it shows a database another window holds (see desktop/app.py)."""

    def __init__(self, window: QMainWindow, database: Path | str):
        super().__init__(window)
        self.window = window
        self.database = Path(database)
        self.button = QPushButton(self.tr("Open for editing"))
        self.button.setObjectName("retry_writable")
        self.button.setToolTip(self.tr("Try again to open the database for editing (once the other window has "
                                       "closed it)"))
        self.button.clicked.connect(self.retry)
        window.statusBar().addPermanentWidget(self.button)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self._poll)
        self.timer.start()
        self.asking = False

    def explain(self, reason: str) -> None:
        """Say why the window is read-only, with a button to try again."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, "SXTDBV", reason, QMessageBox.StandardButton.NoButton, self.window)
        retry = box.addButton(self.tr("&Try again"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("&Continue read-only"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is retry:
            self.retry()

    def retry(self) -> bool:
        """Open the database for editing if nobody holds it any more; True when the window now edits it."""
        from PySide6.QtWidgets import QMessageBox

        try:
            opened = try_writable(self.database)
        except StoreError as exc:
            QMessageBox.warning(self.window, "SXTDBV", str(exc))
            return False
        if opened is None:
            self.window.statusBar().showMessage(
                self.tr("The database is still open in another window; it stays read-only."), 8000)
            return False
        self.window.use_database(opened.store, opened.lock)  # type: ignore[attr-defined]  # MainWindow
        self.window.statusBar().showMessage(self.tr("The database is now open for editing."), 8000)
        self.stop()
        return True

    def stop(self) -> None:
        """Remove the button and stop watching."""
        self.timer.stop()
        self.window.statusBar().removeWidget(self.button)
        self.button.deleteLater()

    def _poll(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        if self.asking or is_held_elsewhere(self.database):
            return
        self.asking = True
        self.timer.stop()
        try:
            answer = QMessageBox.question(
                self.window, "SXTDBV",
                self.tr("The other window has closed the database. Open it for editing now?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
            if answer == QMessageBox.StandardButton.Yes and not self.retry():
                self.timer.start()  # taken again meanwhile: keep watching (after a No, the button stays)
        finally:
            self.asking = False
