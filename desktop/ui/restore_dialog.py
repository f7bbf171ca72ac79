"""File → Restore from a backup: every backup of the database (daily, before an import, before a schema upgrade,
before a restore, on demand), newest first, with when and why it was made; or another file chosen by the user."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services import backup


class RestoreDialog(QDialog):
    """Lists the backups of `database`; `chosen` is the file picked (empty when cancelled)."""

    def __init__(self, database: Path, parent: QWidget | None = None):
        super().__init__(parent)
        self.database = Path(database)
        self.chosen = ""
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.backups = backup.list_backups(self.database)
        reasons = {backup.DAILY: self.tr("Daily (automatic)"), backup.IMPORT: self.tr("Before an Excel import"),
                   backup.UPGRADE: self.tr("Before a schema upgrade"), backup.RESTORE: self.tr("Before a restore"),
                   backup.MANUAL: self.tr("On demand")}
        intro = QLabel(self.tr("Backups are kept in %1. The newest automatic backups are kept; backups made on "
                               "demand are never deleted.").replace("%1", str(backup.backups_dir(self.database))))
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(len(self.backups), 3)
        self.table.setObjectName("backups")
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Reason"), self.tr("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        locale = QLocale()
        for row, item in enumerate(self.backups):
            cells = (item.made.strftime("%d/%m/%Y %H:%M:%S"), reasons.get(item.reason, item.reason),
                     locale.formattedDataSize(item.size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat))
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                cell.setToolTip(str(item.path))
                self.table.setItem(row, column, cell)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.resizeColumnsToContents()
        self.table.doubleClicked.connect(self.accept)
        if self.backups:
            self.table.selectRow(0)
        empty = QLabel(self.tr("There is no backup of this database yet."))
        empty.setVisible(not self.backups)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(self.tr("&Restore the selected backup"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setEnabled(bool(self.backups))
        self.other_button = QPushButton(self.tr("&Other file…"))
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.other_button.clicked.connect(self._choose_other)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(empty)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def accept(self) -> None:
        """Take the selected backup."""
        rows = self.table.selectionModel().selectedRows()
        if not self.chosen and rows:
            self.chosen = str(self.backups[rows[0].row()].path)
        if self.chosen:
            super().accept()

    def _choose_other(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from a backup"),
                                              str(backup.backups_dir(self.database)),
                                              self.tr("SXTDBV database (*.db);;All files (*)"))
        if path:
            self.chosen = path
            super().accept()


def choose_backup(parent: QWidget | None, database: Path | str) -> str:
    """Ask which backup of `database` to restore; the file's path, or "" when cancelled."""
    dialog = RestoreDialog(Path(database), parent)
    return dialog.chosen if dialog.exec() else ""
