"""A table model over the rows of one entity, with fast search, filters and Vietnamese sorting.

Filtering and sorting are done here on precomputed keys instead of through a QSortFilterProxyModel with Python
`lessThan`/`filterAcceptsRow` overrides, which call back into Python per comparison and are too slow at 100,000 rows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QStandardItemModel
from PySide6.QtWidgets import QTableView

from desktop.domain.fields import Kind
from desktop.domain.text import search_key
from desktop.ui.models.columns import Column

ROW_ID_ROLE = Qt.ItemDataRole.UserRole + 1
RAW_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex

# Roles and flags as plain ints, computed once: data() and flags() run for every painted cell, and combining PySide6's
# enum members builds new enum objects each time (a fifth of a 100-row page's paint time).
_DISPLAY, _TOOLTIP = int(Qt.ItemDataRole.DisplayRole.value), int(Qt.ItemDataRole.ToolTipRole.value)
_ALIGNMENT, _BACKGROUND = int(Qt.ItemDataRole.TextAlignmentRole.value), int(Qt.ItemDataRole.BackgroundRole.value)
_DECORATION = int(Qt.ItemDataRole.DecorationRole.value)
_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_LEFT = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value)
_ROW_ID, _RAW = int(ROW_ID_ROLE), int(RAW_ROLE)


class EntityTableModel(QAbstractTableModel):
    """Rows (dicts) of one entity shown through `columns`.

    `ref_names` maps ids of referenced rows (agencies, tasks…) to the text shown for them. `row_color` may give a
    background colour name for a row (e.g. overdue reports).
    """

    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self.columns = columns
        self.ref_names: dict[str, str] = {}
        self.row_color: Callable[[dict], str | None] | None = None
        self._rows: list[dict] = []
        self._visible: list[int] = []
        self._search = ""
        self._filters: dict[str, Callable[[dict], bool]] = {}
        self._search_keys: list[str] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._colours: dict[int, QColor | None] = {}
        self._sort_keys: dict[int, list] = {}
        self.decoration: Callable[[dict, int], object] | None = None  # (row, column) -> an icon, e.g. an outline arrow
        self._flags: dict[tuple[int, bool], Qt.ItemFlag] = {}
        self.editable = False  # cells editable in place (the list turns it on when the plan can be edited)

    def recolour(self) -> None:
        """Ask row_color again for every row (the palette changed: Windows switched between light and dark)."""
        self._colours = {}
        if self.rowCount() and self.columnCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1),
                                  [Qt.ItemDataRole.BackgroundRole])

    # -- content ---------------------------------------------------------------------------------------------------
    def set_rows(self, rows: list[dict], ref_names: dict[str, str] | None = None) -> None:
        """Replace every row (after a reload); search, filters and sort order are kept."""
        self.beginResetModel()
        self._rows = rows
        self._colours = {}
        if ref_names is not None:
            self.ref_names = ref_names
        self._search_keys = None
        self._sort_keys = {}
        self._recompute()
        self.endResetModel()

    def append_rows(self, rows: list[dict]) -> None:
        """Add rows read later (a long list arriving in batches): those passing the search and filters are shown at
        the end at once; a sort by a column is applied again by `resort` once every batch is in."""
        if not rows:
            return
        start = len(self._rows)
        self._rows.extend(rows)
        self._sort_keys = {}
        keys = self._keys()  # the new rows' keys now: a keystroke never has to build a long list's keys all at once
        words = self._search.split()
        filters = list(self._filters.values())
        new = [i for i in range(start, len(self._rows))
               if (not words or all(w in keys[i] for w in words))
               and all(f(self._rows[i]) for f in filters)]
        if new:
            self.beginInsertRows(QModelIndex(), len(self._visible), len(self._visible) + len(new) - 1)
            self._visible.extend(new)
            self.endInsertRows()

    def resort(self) -> None:
        """Apply the current sort again (after `append_rows`)."""
        if self._sort:
            self.layoutAboutToBeChanged.emit()
            self._apply_sort()
            self.layoutChanged.emit()

    def all_rows(self) -> list[dict]:
        """Every row, whatever the filter."""
        return self._rows

    def visible_rows(self) -> list[dict]:
        """The rows shown, in the order shown."""
        return [self._rows[i] for i in self._visible]

    def row_at(self, view_row: int) -> dict:
        """The row shown at `view_row`."""
        return self._rows[self._visible[view_row]]

    def view_row_of(self, row_id: str) -> int:
        """The shown position of the row with `row_id`, or -1."""
        for position, index in enumerate(self._visible):
            if self._rows[index]["id"] == row_id:
                return position
        return -1

    # -- search, filters, sort -------------------------------------------------------------------------------------
    def set_search(self, text: str) -> None:
        """Show only rows whose shown text contains every word of `text`, accents and case ignored."""
        self.layoutAboutToBeChanged.emit()
        self._search = search_key(text)
        self._recompute()
        self.layoutChanged.emit()

    def set_filter(self, name: str, predicate: Callable[[dict], bool] | None) -> None:
        """Add (or with None remove) a named filter on rows."""
        self.layoutAboutToBeChanged.emit()
        if predicate is None:
            self._filters.pop(name, None)
        else:
            self._filters[name] = predicate
        self._recompute()
        self.layoutChanged.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the shown rows by `column` (called by the view's header)."""
        if not 0 <= column < len(self.columns):
            return
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._apply_sort()
        self.layoutChanged.emit()

    def _keys(self) -> list[str]:
        while self.build_search_keys(len(self._rows)):
            pass
        return self._search_keys  # type: ignore[return-value]

    def build_search_keys(self, chunk: int = 5000) -> bool:
        """Build the search keys of the next `chunk` rows; True while some remain.

        Only columns a person would search (not numbers); each distinct cell text converted once (organisations,
        kinds and agencies repeat across thousands of rows). Called from idle time so the first search is instant.
        """
        if self._search_keys is None:
            self._search_keys = []
            self._key_memo: dict[str, str] = {}
        keys, memo = self._search_keys, self._key_memo
        if len(keys) >= len(self._rows):
            return False
        searchable = [c for c in self.columns if not c.numeric and c.kind is not Kind.BOOL]
        for row in self._rows[len(keys): len(keys) + chunk]:
            parts = []
            for column in searchable:
                text = column.text(row, self.ref_names)
                key = memo.get(text)
                if key is None:
                    key = memo[text] = search_key(text)
                parts.append(key)
            keys.append(" ".join(parts))
        return len(keys) < len(self._rows)

    def _recompute(self) -> None:
        candidates = range(len(self._rows))
        if self._search:
            words = self._search.split()
            keys = self._keys()
            candidates = [i for i in candidates if all(w in keys[i] for w in words)]
        filters = list(self._filters.values())
        if filters:
            candidates = [i for i in candidates if all(f(self._rows[i]) for f in filters)]
        self._visible = list(candidates)
        self._apply_sort()

    def _apply_sort(self) -> None:
        if not self._sort:
            return
        column, order = self._sort
        col = self.columns[column]
        cache = self._sort_keys.get(column)
        if cache is None:
            cache = self._sort_keys[column] = col.sort_keys(self._rows, self.ref_names)
        keys = cache
        self._visible.sort(key=keys.__getitem__, reverse=order == Qt.SortOrder.DescendingOrder)

    # -- Qt model interface ----------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Rows shown."""
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Columns."""
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Shown text, alignment, colour, row id or raw value of a cell."""
        if not index.isValid():
            return None
        row = self._rows[self._visible[index.row()]]
        column = self.columns[index.column()]
        role = int(role)
        if role == _DISPLAY or role == _TOOLTIP:
            return column.text(row, self.ref_names)
        if role == _ALIGNMENT:
            return _RIGHT if column.numeric else _LEFT
        if role == _BACKGROUND and self.row_color:
            position = self._visible[index.row()]
            if position not in self._colours:
                colour = self.row_color(row)
                self._colours[position] = QColor(colour) if colour else None
            return self._colours[position]
        if role == _DECORATION and self.decoration:
            return self.decoration(row, index.column())
        if role == _ROW_ID:
            return row.get("id")
        if role == _RAW:
            return column.raw(row)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Selectable cells; simple stored fields are editable in place while `editable` is on."""
        if not index.isValid():
            return super().flags(index)
        key = (index.column(), self.editable)
        flags = self._flags.get(key)
        if flags is None:
            base = super().flags(index)
            if self.editable:
                from desktop.ui.widgets.cell_editing import cell_flags

                base = cell_flags(self.columns[index.column()], base)
            flags = self._flags[key] = base
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Column headers; row numbers down the side."""
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header if 0 <= section < len(self.columns) else None
        return str(section + 1)


def show_in(view: QTableView, model: EntityTableModel) -> None:
    """Show `model` in `view`, the column titles on screen answered by a Qt model of their own.

    A header asks for seven roles of every title each time it measures itself, ~40 calls a column while a page
    opens: answered by the Python model each call crosses from C++ and builds an enum for the orientation (~3 µs),
    ~8 ms of the start-up; a QStandardItemModel answers them in C++. The model's own headerData still answers
    Python callers, accessibility and the row numbers down the side (their count follows the rows).
    """
    view.setModel(model)
    titles = QStandardItemModel(0, len(model.columns), view)
    titles.setHorizontalHeaderLabels([column.header for column in model.columns])
    view.horizontalHeader().setModel(titles)
