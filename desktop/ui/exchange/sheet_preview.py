"""The first rows of a sheet as the office typed them: merged cells spanned, the header row marked, the rows the
import skips (title block, blank, totals, signatures) greyed with the reason as a tooltip. A click on a row asks for
it to become the header row."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.services.lists import ListTable, SheetGrid
from desktop.ui import theme

PREVIEW_ROWS = 30
_HEADER_HUE = "#1f5fa8"


def _column_letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)


class SheetPreviewModel(QAbstractTableModel):
    """The first PREVIEW_ROWS rows of a sheet; row i is Excel row i + 1."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.grid: SheetGrid | None = None
        self.table: ListTable | None = None
        self.header_row = 0
        self._reasons: dict[int, str] = {}
        self._width = 0

    def show(self, grid: SheetGrid | None, table: ListTable | None, header_row: int) -> None:
        """Show `grid`, marking `header_row` and the rows `table` skips."""
        self.beginResetModel()
        self.grid, self.table, self.header_row = grid, table, header_row
        self._reasons = {r.row: r.skipped for r in table.rows if r.skipped} if table is not None else {}
        rows = grid.cells[:PREVIEW_ROWS] if grid is not None else []
        self._width = max((len(r) for r in rows), default=0)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Rows shown."""
        return 0 if parent.isValid() or self.grid is None else min(len(self.grid.cells), PREVIEW_ROWS)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Columns shown."""
        return 0 if parent.isValid() else self._width

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        """Column letters across, Excel row numbers down (the header row's in bold)."""
        if role == Qt.ItemDataRole.DisplayRole:
            return _column_letters(section) if orientation == Qt.Orientation.Horizontal else str(section + 1)
        if role == Qt.ItemDataRole.FontRole and orientation == Qt.Orientation.Vertical and \
                section + 1 == self.header_row:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        """Cell text; the header row bold on blue, skipped rows grey with the reason as tooltip."""
        assert self.grid is not None
        excel_row = index.row() + 1
        cells = self.grid.cells[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _shown(cells[index.column()]) if index.column() < len(cells) else ""
        if role == Qt.ItemDataRole.FontRole and excel_row == self.header_row:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and excel_row == self.header_row:
            return QBrush(theme.row_background(_HEADER_HUE))
        if role == Qt.ItemDataRole.ForegroundRole and self.is_left_out(excel_row):
            return QBrush(QColor(theme.muted_text(theme.palette().color(QPalette.ColorRole.Base))))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.row_note(excel_row)
        return None

    def is_left_out(self, excel_row: int) -> bool:
        """True for a row above the header or skipped by the import."""
        return 0 < self.header_row and (excel_row < self.header_row or excel_row in self._reasons)

    def row_note(self, excel_row: int) -> str:
        """What the import does with a row, for its tooltip."""
        if excel_row == self.header_row:
            return self.tr("Header row: the titles of the columns")
        if self.header_row and excel_row < self.header_row:
            return self.tr("Above the header (title block): not imported")
        reason = self._reasons.get(excel_row)
        return self.tr("Skipped: %1").replace("%1", reason) if reason else ""


class SheetPreview(QTableView):
    """The sheet preview; `row_chosen(excel_row)` when the user clicks a row."""

    row_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.preview_model = SheetPreviewModel(self)
        self.setModel(self.preview_model)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setDefaultSectionSize(120)
        self.verticalHeader().setDefaultSectionSize(22)
        self.setWordWrap(False)
        self.clicked.connect(lambda index: self.row_chosen.emit(index.row() + 1))
        self.verticalHeader().sectionClicked.connect(lambda section: self.row_chosen.emit(section + 1))

    def show_sheet(self, grid: SheetGrid | None, table: ListTable | None, header_row: int) -> None:
        """Show the first rows of `grid` with its merged cells spanned, the header row in view."""
        self.preview_model.show(grid, table, header_row)
        self.clearSpans()
        if grid is not None:
            for top, left, bottom, right in grid.merged:
                if top < PREVIEW_ROWS and (bottom > top or right > left):
                    self.setSpan(top, left, min(bottom, PREVIEW_ROWS - 1) - top + 1, right - left + 1)
        self.scrollToTop()
        if header_row:  # the title block stays in view unless the header is further down
            self.scrollTo(self.preview_model.index(min(header_row + 2, self.preview_model.rowCount()) - 1, 0),
                          QAbstractItemView.ScrollHint.EnsureVisible)
