"""The row changes of an import preview as a table: status (coloured), sheet, row, title, what changes, conflict
resolution; a filter by status and accent-insensitive text; the translated names of statuses and resolutions."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QSortFilterProxyModel, Qt
from PySide6.QtGui import QPalette

from desktop.domain.text import matches
from desktop.exchange.model import (
    CHANGED,
    CONFLICT,
    DELETED,
    MINE,
    NEW,
    REJECTED,
    STALE,
    THEIRS,
    UNCHANGED,
    RowChange,
)
from desktop.ui import theme

STATUS_COLOURS = {NEW: "#1b7f3b", CHANGED: "#1f5fa8", CONFLICT: "#b3261e", REJECTED: "#8a1c1c", STALE: "#7a6a00",
                  DELETED: "#6b4e16"}


# The context is written out in every call (lupdate reads only literal contexts): these titles keep the
# translations they had in the import preview dialog.


def status_title(status: str) -> str:
    """The translated name of a row status."""
    titles = {
        NEW: QCoreApplication.translate("ImportPreviewDialog", "New"),
        CHANGED: QCoreApplication.translate("ImportPreviewDialog", "Changed"),
        UNCHANGED: QCoreApplication.translate("ImportPreviewDialog", "Unchanged"),
        STALE: QCoreApplication.translate("ImportPreviewDialog", "Older (skipped)"),
        CONFLICT: QCoreApplication.translate("ImportPreviewDialog", "Conflict"),
        REJECTED: QCoreApplication.translate("ImportPreviewDialog", "Rejected"),
        DELETED: QCoreApplication.translate("ImportPreviewDialog", "Deleted"),
    }
    return titles.get(status, status)


def resolution_title(resolution: str) -> str:
    """The translated name of a conflict resolution."""
    if resolution == MINE:
        return QCoreApplication.translate("ImportPreviewDialog", "Keep this computer's version")
    if resolution == THEIRS:
        return QCoreApplication.translate("ImportPreviewDialog", "Take the file's version")
    return QCoreApplication.translate("ImportPreviewDialog", "Not chosen yet")


def header_title(text: str) -> str:
    """The translated title of a column of the change list."""
    return {
        "Status": QCoreApplication.translate("ImportPreviewDialog", "Status"),
        "Sheet": QCoreApplication.translate("ImportPreviewDialog", "Sheet"),
        "Row": QCoreApplication.translate("ImportPreviewDialog", "Row"),
        "Title": QCoreApplication.translate("ImportPreviewDialog", "Title"),
        "Changes (before → after)": QCoreApplication.translate("ImportPreviewDialog", "Changes (before → after)"),
        "Resolution": QCoreApplication.translate("ImportPreviewDialog", "Resolution"),
    }[text]


class ChangeModel(QAbstractTableModel):
    """The rows of an import preview: status, sheet, row, title, what changes, conflict resolution."""

    HEADERS = ("Status", "Sheet", "Row", "Title", "Changes (before → after)", "Resolution")

    def __init__(self, rows: list[RowChange], parent: QObject | None = None):
        super().__init__(parent)
        self.rows = rows

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Number of rows."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Number of columns."""
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        """Column titles (translated)."""
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return header_title(self.HEADERS[section])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        """Cell text, colour and tooltip."""
        change = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return status_title(change.status)
            if column == 1:
                return change.sheet
            if column == 2:
                return change.row
            if column == 3:
                return change.display
            if column == 4:
                text = "; ".join(f"{c}: {b or '∅'} → {a or '∅'}" for c, b, a in change.changes)
                if change.reason:
                    text = f"{change.reason} {text}".strip()
                return text if role == Qt.ItemDataRole.ToolTipRole else text[:300]
            if column == 5 and change.status == CONFLICT:
                return resolution_title(change.resolution)
        if role == Qt.ItemDataRole.ForegroundRole and column == 0 and change.status in STATUS_COLOURS:
            return theme.readable(STATUS_COLOURS[change.status], theme.palette().color(QPalette.ColorRole.Base))
        if role == Qt.ItemDataRole.UserRole:
            return change
        return None

    def set_rows(self, rows: list[RowChange]) -> None:
        """Show other rows."""
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def refresh(self) -> None:
        """Repaint every row (after resolutions changed)."""
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.HEADERS) - 1))


class ChangeFilter(QSortFilterProxyModel):
    """Shows the changes of one status (all when "") whose texts hold every word searched for."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.status = ""
        self.text = ""

    def set(self, status: str, text: str) -> None:
        """Filter by `status` ("" for any) and `text` (accents optional)."""
        if hasattr(self, "endFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            self.status, self.text = status, text
            self.endFilterChange()
        else:  # pragma: no cover - older Qt
            self.status, self.text = status, text
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802 - Qt API
        """True when the change matches the status and the text."""
        change: RowChange = self.sourceModel().rows[row]  # type: ignore[attr-defined]
        if self.status and change.status != self.status:
            return False
        if self.text:
            details = " ".join(f"{c} {b} {a}" for c, b, a in change.changes)
            return matches(self.text, change.display, change.sheet, change.reason, details)
        return True
