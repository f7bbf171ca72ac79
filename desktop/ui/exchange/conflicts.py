"""The bar under an import preview's changes that resolves conflicts: keep this computer's version or take the
file's, for the selected rows or for all, with how many are still to choose."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.exchange.model import MINE, THEIRS


class ConflictBar(QWidget):
    """Label and four buttons; emits the resolution chosen for the selection or for every conflict."""

    resolve_selected = Signal(str)
    resolve_all = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(QCoreApplication.translate("ImportPreviewDialog", "Conflicts:"))
        self.mine_selected = QPushButton(QCoreApplication.translate("ImportPreviewDialog", "Keep mine for selected"))
        self.theirs_selected = QPushButton(QCoreApplication.translate("ImportPreviewDialog",
                                                                      "Take theirs for selected"))
        self.mine_all = QPushButton(QCoreApplication.translate("ImportPreviewDialog", "Keep mine for all"))
        self.theirs_all = QPushButton(QCoreApplication.translate("ImportPreviewDialog", "Take theirs for all"))
        self.mine_selected.clicked.connect(lambda: self.resolve_selected.emit(MINE))
        self.theirs_selected.clicked.connect(lambda: self.resolve_selected.emit(THEIRS))
        self.mine_all.clicked.connect(lambda: self.resolve_all.emit(MINE))
        self.theirs_all.clicked.connect(lambda: self.resolve_all.emit(THEIRS))
        row.addWidget(self.label)
        for button in self.buttons():
            row.addWidget(button)
        row.addStretch(1)

    def buttons(self) -> tuple[QPushButton, ...]:
        """The four resolution buttons."""
        return (self.mine_selected, self.theirs_selected, self.mine_all, self.theirs_all)

    def show_state(self, still_open: int, total: int, enabled: bool) -> None:
        """Shown only when there are conflicts; says how many of them are still to choose."""
        self.setVisible(bool(total))
        for button in self.buttons():
            button.setEnabled(enabled)
        if total:
            self.label.setText(QCoreApplication.translate("ImportPreviewDialog", "Conflicts: %1 of %2 still to choose")
                               .replace("%1", str(still_open)).replace("%2", str(total)))
