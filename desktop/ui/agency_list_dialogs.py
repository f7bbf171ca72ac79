"""The agency list's own dialogs: the preview of an official list imported from Excel, and the preview of the bundled
2025 update. Both show every change before anything is written; nothing is written unless the user confirms.

    AgencyListImportDialog(store, path, parent).exec()
    ReferenceUpdateDialog(store, parent).exec()
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.dates import format_date
from desktop.domain.errors import ValidationError
from desktop.exchange.errors import ExchangeError
from desktop.services import agencies_lists as lists
from desktop.services import agencies_reference as reference
from desktop.store import Store, StoreError
from desktop.ui import theme

# Row hues by status, tinted by theme.row_background so that they stay readable under a dark palette.
_COLOURS = {lists.NEW: theme.SUCCESS, lists.CHANGED: theme.WARNING, lists.REJECTED: theme.DANGER}


class _PreviewDialog(QDialog):
    """A summary line, a table of rows, notes under it, and Apply / Cancel."""

    def __init__(self, title: str, headers: list[str], apply_text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(1000, 560)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, len(headers))
        self.table.setObjectName("changes")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
        self.notes = QLabel()
        self.notes.setObjectName("notes")
        self.notes.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setText(apply_text)
        self.apply_button.setObjectName("apply")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.notes)
        layout.addWidget(self.buttons)

    def add_row(self, values: list[str], colour: str | None = None) -> None:
        """One line of the table."""
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            item.setToolTip(value)
            if colour:
                item.setBackground(theme.row_background(colour))
            self.table.setItem(row, column, item)

    def apply(self) -> None:
        """Write, then close."""
        raise NotImplementedError


class AgencyListImportDialog(_PreviewDialog):
    """What importing an agency list from Excel does, row by row; Import writes it."""

    def __init__(self, store: Store, path: str, parent: QWidget | None = None):
        super().__init__(self.tr("Import agency list"), [self.tr("Row"), self.tr("Status"), self.tr("Code"),
                                                         self.tr("Name"), self.tr("Details")],
                         self.tr("&Import"), parent)
        self.store = store
        self.result_counts: dict[str, int] | None = None
        self.error = ""
        self.preview: lists.AgencyListPreview | None = None
        try:
            self.preview = lists.preview_agency_list(store, path)
        except (ExchangeError, StoreError) as exc:
            self.error = str(exc)
            self.summary.setText(self.error)
            self.apply_button.setEnabled(False)
            return
        self._fill(self.preview)

    def _fill(self, preview: lists.AgencyListPreview) -> None:
        self.table.setColumnWidth(0, 50)
        self.table.setColumnWidth(1, 90)
        self.table.setColumnWidth(2, 110)
        self.table.setColumnWidth(3, 300)
        for row in preview.rows:
            if row.status == lists.REJECTED:
                details = row.reason
            elif row.status == lists.CHANGED:
                details = "; ".join(f"{t}: “{b}” → “{a}”" for t, b, a in row.changes)
            else:
                details = (self.tr("successor of %1").replace("%1", ", ".join(row.predecessors))
                           if row.predecessors else "")
            details = "; ".join(part for part in (details, *row.warnings) if part)
            self.add_row([str(row.row), lists.STATUS_TITLES[row.status], row.code, row.name, details],
                         _COLOURS.get(row.status))
        rejected = preview.count(lists.REJECTED)
        self.summary.setText(self.tr("Sheet “%1”: %2 new, %3 changed, %4 unchanged, %5 refused.")
                             .replace("%1", preview.sheet).replace("%2", str(preview.count(lists.NEW)))
                             .replace("%3", str(preview.count(lists.CHANGED)))
                             .replace("%4", str(preview.count(lists.UNCHANGED))).replace("%5", str(rejected)))
        notes = [self.tr("%1 ends on %2 (it has a successor).").replace("%1", code).replace("%2", format_date(day))
                 for code, day in preview.endings]
        if rejected:
            notes.append(self.tr("Rows in red are refused: correct the file and import it again. Nothing is "
                                 "imported while a row is refused."))
        elif not preview.writes:
            notes.append(self.tr("The list already holds everything in this file."))
        self.notes.setText("\n".join(notes))
        self.notes.setStyleSheet(f"color: {theme.text_colour(theme.DANGER)};" if rejected else "")
        self.apply_button.setEnabled(preview.writes and not rejected)

    def apply(self) -> None:
        """Import the previewed list."""
        assert self.preview is not None
        try:
            self.result_counts = lists.apply_agency_list(self.store, self.preview)
        except (StoreError, ValidationError) as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self.accept()


class ReferenceUpdateDialog(_PreviewDialog):
    """The bundled update of the 2025 reform: each agency it changes, and its legal sources; Apply writes it."""

    def __init__(self, store: Store, parent: QWidget | None = None):
        super().__init__(self.tr("Apply the 2025 reorganisation"), [self.tr("Code"), self.tr("Name"),
                                                                    self.tr("Changes")], self.tr("&Apply"), parent)
        self.store = store
        self.changed = 0
        self.preview = reference.preview_reference_update(store)
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(1, 300)
        for row in self.preview.rows:
            if row.status == reference.MISSING:
                text = self.tr("not in the agency list: skipped")
            elif row.status == reference.UNCHANGED:
                text = self.tr("already up to date")
            else:
                text = "; ".join(self.tr("legal source added to the note") if t == "Ghi chú" else f"{t}: “{b}” → “{a}”"
                                 for t, b, a in row.changes)
            self.add_row([row.code, row.name, text], theme.WARNING if row.status == reference.CHANGE else None)
        count = self.preview.count(reference.CHANGE)
        self.summary.setText(self.tr("%1: %2 agencies to change.").replace("%1", self.preview.title)
                             .replace("%2", str(count)))
        self.notes.setText(self.tr("Legal sources:") + "\n" + "\n".join(f"• {s}" for s in self.preview.sources))
        self.apply_button.setEnabled(count > 0)

    def apply(self) -> None:
        """Apply the update."""
        try:
            self.changed = reference.apply_reference_update(self.store, self.preview)
        except (StoreError, ValidationError) as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            return
        self.accept()
