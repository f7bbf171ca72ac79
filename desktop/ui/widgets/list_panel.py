"""A list of one entity's rows with everything around it: add / edit / delete, search, filters and a row count."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.entities import BY_NAME
from desktop.domain.fields import Kind
from desktop.services import lookups, records
from desktop.store import StoreError
from desktop.ui.context import AppContext
from desktop.ui.formatting import format_int
from desktop.ui.models.columns import Column
from desktop.ui.models.entity_model import EntityTableModel, show_in
from desktop.ui.undo import AddCommand, DeleteCommand, EditCommand
from desktop.ui.widgets import column_chooser, list_actions
from desktop.ui.widgets.cell_editing import CellDelegate
from desktop.ui.widgets.flow_layout import FlowLayout

if TYPE_CHECKING:
    from desktop.ui.forms.entity_dialog import EntityDialog

TEXT_MIN = 140  # the narrowest a text column is made to fit the list's width (about 18 letters)
SHRINKABLE = (Kind.TEXT, Kind.LONGTEXT, Kind.REF, Kind.REFS, Kind.CHOICE)  # words and names: they elide readably
LONG_LIST = 5000  # above this many rows a list shows its first batch at once and reads the rest in slices
BATCH = 1000
FIT_SAMPLE = 25  # the first rows, whose texts size the columns (_fit_columns)


def _add_group(bar: FlowLayout | QHBoxLayout, group: QHBoxLayout) -> None:
    # Widgets that stay together (the buttons; a filter's name and its drop-down) as one item of the bar.
    if isinstance(bar, FlowLayout):
        bar.add_layout(group)
    else:
        bar.addLayout(group)


def _text_width(metrics: QFontMetrics, text: str) -> int:
    """The width of `text` as a cell shows it (its widest line)."""
    return max(metrics.horizontalAdvance(line) for line in text.split("\n"))


class ListView(QTableView):
    """The list's table. A key press goes first to `key_handlers` (the list's Enter, a page's own keys), in order,
    until one returns True; then to the table.

    A subclass rather than an event filter: a filter is called from C++ for every event the table gets (~300 while
    the window starts, each converted to its Python type), a key handler only for key presses.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.key_handlers: list[Callable[[QKeyEvent], bool]] = []

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        """The key handlers first, then the table's own keys."""
        for handler in self.key_handlers:
            if handler(event):
                event.accept()
                return
        super().keyPressEvent(event)


class RowFilter(NamedTuple):
    """A drop-down filter: its label, and (text, predicate) entries; the first entry "All" is added for you."""

    name: str
    label: str
    entries: Callable[[], list[tuple[str, Callable[[dict], bool]]]]


class ListPanel(QWidget):
    """Rows of `entity` in a table, scoped to a parent row (`parent_field` = the parent's id) or to the plan.

    Signals:
        current_changed(object): the selected row (dict) or None.
        rows_changed(): the rows were reloaded (totals beside the list recompute).
    """

    current_changed = Signal(object)
    rows_changed = Signal()

    def __init__(self, ctx: AppContext, entity: str, columns: list[Column], form_fields: list[str], *,
                 parent_field: str = "", title: str = "", filters: list[RowFilter] | None = None,
                 defaults: Callable[[], dict] | None = None,
                 arrange: Callable[[list[dict]], list[dict]] | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.entity = entity
        self.spec = BY_NAME[entity]
        self.form_fields = form_fields
        self.parent_field = parent_field or ("plan_id" if "plan_id" in self.spec.field_names else "")
        self.parent_id: str | None = None
        self.defaults = defaults or dict
        self.arrange = arrange
        self.setObjectName(f"panel_{entity}")

        self.model = EntityTableModel(columns, self)
        self.model.editable = True
        self.view = ListView()
        self.view.setObjectName(f"table_{entity}")
        show_in(self.view, self.model)
        # No sort indicator before sorting is enabled: rows keep their natural order until a header is clicked.
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self._sized = False
        self._sized_with_rows = False
        # Rows not read yet: a list never read (built with a tab first opened) or waiting behind another tab of its
        # page reads them when it is shown.
        self._stale = True
        self._batches: Iterator[list[dict]] | None = None  # the rest of a long list, read in slices
        self.expected_rows = 0  # how many rows a long list being read will have
        self.preferred_widths: dict[int, int] = {}  # column -> width, applied after fitting (e.g. a long title)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several rows at once (Shift/Ctrl+click) for copying; a cell is edited in place with F2 or Enter.
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.delegate = CellDelegate(columns, self.model.row_at, ctx.ref_options,
                                     lambda row, name, value: list_actions.commit_cell(self, row, name, value),
                                     self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.key_handlers.append(self._enter_edits)
        # The page's own row commands for the right-click menu: (name, text, slot(row), shown_for(row)).
        self.row_actions: list[tuple[str, str, Callable[[dict], object], Callable[[dict | None], bool]]] = []
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._row_menu)
        header = self.view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _i: self.edit_current())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.current_changed.emit(self.current_row()))

        self.add_button = QPushButton(self.tr("&Add"))
        self.add_button.setObjectName("add")
        self.edit_button = QPushButton(self.tr("&Edit"))
        self.edit_button.setObjectName("edit")
        self.delete_button = QPushButton(self.tr("De&lete"))
        self.delete_button.setObjectName("delete")
        self.add_button.clicked.connect(self.add_row)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search (accents optional)…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(150)  # filters never squeeze the search box to nothing
        self.search.textChanged.connect(self._search_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("count")

        # One line in a full-width window; in a narrow one (beside Excel, a small screen) the filters and the count
        # go onto a second line rather than forcing the window wider than the screen. A list without filters fits
        # 600 pixels on one line: a plain row, which Qt lays out without calling Python.
        bar: FlowLayout | QHBoxLayout = FlowLayout() if filters else QHBoxLayout()
        buttons = QHBoxLayout()
        if title:
            heading = QLabel(f"<b>{title}</b>")
            buttons.addWidget(heading)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        _add_group(bar, buttons)
        bar.addWidget(self.search, 1)
        self.filter_boxes: dict[str, tuple[QComboBox, RowFilter]] = {}
        for row_filter in filters or []:
            box = QComboBox()
            box.setObjectName(f"filter_{row_filter.name}")
            box.setToolTip(row_filter.label)
            box.setMaximumWidth(220)
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(8)  # about eight letters shown; every choice whole in the drop-down
            box.currentIndexChanged.connect(lambda _i, n=row_filter.name: self._filter_changed(n))
            labelled = QHBoxLayout()  # a filter's name and its drop-down stay on the same line
            labelled.addWidget(QLabel(row_filter.label))
            labelled.addWidget(box)
            _add_group(bar, labelled)
            self.filter_boxes[row_filter.name] = (box, row_filter)
        bar.addWidget(self.count_label)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        # A totals line under a list that holds money, as Excel's status bar sums a selection: the rows shown.
        # Prices are not summed: only amounts add up.
        self.money_columns = [p for p, c in enumerate(columns) if c.kind is Kind.MONEY and "price" not in c.key]
        self.totals_label = QLabel()
        self.totals_label.setObjectName("totals")
        self.totals_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.totals_label.setWordWrap(True)  # two lines in a narrow window rather than a wider window
        self.totals_label.setVisible(bool(self.money_columns))
        layout.addWidget(self.totals_label)

        self.view.key_handlers.append(self._list_keys)
        column_chooser.apply_hidden(self.view, [c.key for c in columns], self.objectName())
        ctx.bus.changed.connect(self._on_data_changed)
        self._watched = {self.entity} | {f.ref for f in self.spec.refs}
        if self.parent_field != "plan_id" and self.parent_field:
            self.set_enabled_for_parent(False)

    # -- Excel-like behaviour (see list_actions) ------------------------------------------------------------------
    def _list_keys(self, event: QKeyEvent) -> bool:
        """The list's keys: Delete, Ctrl+C (Ctrl+Shift+C with the titles), Ctrl+V, Ctrl+Enter for the form.

        Handled by the table rather than by six QShortcuts per list: the same keys while the table has the focus,
        without ~60 shortcut objects built at start-up."""
        ctrl_only = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.ControlModifier
        if event.matches(QKeySequence.StandardKey.Delete):
            self.delete_current()
        elif event.matches(QKeySequence.StandardKey.Copy):
            list_actions.copy_rows(self)
        elif event.key() == Qt.Key.Key_C and event.modifiers() == \
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier:
            list_actions.copy_rows(self, with_headers=True)
        elif event.matches(QKeySequence.StandardKey.Paste):
            list_actions.paste_rows(self)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and ctrl_only:
            self.edit_current()
        else:
            return False
        return True

    def _enter_edits(self, event: QKeyEvent) -> bool:
        """Enter edits the current cell in place, as F2 does (Excel's habit); Ctrl+Enter opens the form."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                event.modifiers() == Qt.KeyboardModifier.NoModifier and \
                self.view.state() != QAbstractItemView.State.EditingState:
            index = self.view.currentIndex()
            if index.isValid() and self.model.flags(index) & Qt.ItemFlag.ItemIsEditable:
                self.view.edit(index)
                return True
        return False

    def _row_menu(self, at: QPoint) -> None:
        list_actions.row_menu(self, at).popup(self.view.viewport().mapToGlobal(at))

    def _header_menu(self, at: QPoint) -> None:
        self.header_menu(at).popup(self.view.horizontalHeader().mapToGlobal(at))

    def header_menu(self, at: QPoint):  # noqa: ANN201 - QMenu
        """The header's right-click menu: the columns to show or hide (remembered)."""
        return column_chooser.header_menu(self.view, [c.key for c in self.model.columns],
                                          [c.header for c in self.model.columns], self.objectName(), at)

    def fixed_values(self) -> dict:
        """The values every new row of this list takes (its plan, its parent row)."""
        return self._fixed_values()

    # -- loading ---------------------------------------------------------------------------------------------------
    def set_parent(self, parent_id: str | None) -> None:
        """Show the rows belonging to `parent_id` (a course, an enterprise, a budget line…)."""
        self.parent_id = parent_id
        self.set_enabled_for_parent(parent_id is not None)
        self.reload()

    def set_enabled_for_parent(self, enabled: bool) -> None:
        """Adding needs a parent: grey the buttons out while there is none."""
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setEnabled(enabled)
        self.model.editable = enabled

    def scope_id(self) -> str | None:
        """The id rows are scoped to: the parent row, or the current plan."""
        return self.ctx.plan_id if self.parent_field == "plan_id" else self.parent_id

    def reload(self) -> None:
        """Read the rows again from the store (keeping the selection when possible); a list on a tab of its page that
        is not the current one is read when its tab is first opened instead (start-up does not pay for it)."""
        if self._behind_another_tab():
            self._stale = True
            return
        self._read()

    def _read(self) -> None:
        self._stale = False
        selected = self.current_row()
        if self.parent_field == "plan_id":  # no plan open (an empty database): nothing can be added to it
            self.set_enabled_for_parent(self.ctx.plan_id is not None)
        self._batches = None  # a reading still going on is abandoned: this one starts afresh
        self.expected_rows = 0
        if self.parent_field and self.scope_id() is None:
            rows: list[dict] = []
        elif self.arrange is None and (count := self._count()) > LONG_LIST:
            # A long list (a course of 100,000 participants) shows its first rows at once and reads the rest in
            # slices between the user's keystrokes and clicks (see _read_more); counting first is a quick query.
            self.expected_rows = count
            self._batches = records.list_rows_in_batches(self.ctx.store, self.entity, batch=BATCH,
                                                         parent_field=self.parent_field, parent_id=self.scope_id())
            rows = next(self._batches, [])
            QTimer.singleShot(0, self._read_more)
        else:
            rows = records.list_rows(self.ctx.store, self.entity, parent_field=self.parent_field,
                                     parent_id=self.scope_id())
            if self.arrange:
                rows = self.arrange(rows)
        names: dict[str, str] = {}
        for field in self.spec.refs:
            names.update(self.ctx.names(field.ref))
        self.model.set_rows(rows, names)
        if len(rows) > 2000 and self._batches is None:
            QTimer.singleShot(0, self._build_search_keys)
        if self.view.isVisible() and (not self._sized or (rows and not self._sized_with_rows)):
            self._fit_columns(bool(rows))
        self._refresh_filters()
        self._update_count()
        if selected:
            self.select_row(selected["id"])
        if self.current_row() is None and self.model.rowCount():
            self.view.selectRow(0)
        if selected and self.current_row() is None:
            self.current_changed.emit(None)  # the selected row is gone (the reset says nothing): details follow
        self.rows_changed.emit()

    def _count(self) -> int:
        return records.count_rows(self.ctx.store, self.entity, parent_field=self.parent_field,
                                  parent_id=self.scope_id())

    def _read_more(self) -> None:
        # One slice of a long list: a few batches, for at most ~40 ms, then the event loop answers the user again.
        batches = self._batches
        if batches is None:
            return
        started = time.perf_counter()
        while time.perf_counter() - started < 0.04:
            try:
                rows = next(batches, None)
            except StoreError:  # the database was closed under the reading (another one opened): nothing to show
                self._batches = None
                return
            if rows is None or batches is not self._batches:
                break
            self.model.append_rows(rows)
        else:
            self._update_count()
            QTimer.singleShot(0, self._read_more)
            return
        if batches is self._batches:
            # No rows_changed: the data did not change since the first batch said so, and what follows it (figures
            # computed from the database) would only be computed again.
            self._batches = None
            self.model.resort()
            self._update_count()

    def is_reading(self) -> bool:
        """True while a long list is still reading its rows (in slices, between the user's actions)."""
        return self._batches is not None

    def _behind_another_tab(self) -> bool:
        page = self.parentWidget()
        while page is not None and not getattr(page, "is_page", False):
            page = page.parentWidget()
        return page is not None and not self.isVisibleTo(page)

    def is_waiting(self) -> bool:
        """True while the list has rows to read when its tab is opened (its model holds older rows, or none)."""
        return self._stale

    def _build_search_keys(self) -> None:
        # A slice per event-loop turn: a big list's first search is instant and the window never freezes.
        if self.model.build_search_keys(4000):
            QTimer.singleShot(0, self._build_search_keys)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Read the rows if they waited behind another tab; fit the columns the first time the list is seen."""
        super().showEvent(event)
        if self._stale:
            self.reload()
        rows = bool(self.model.rowCount())
        if not self._sized or (rows and not self._sized_with_rows):
            self._fit_columns(rows)

    def _fit_columns(self, with_rows: bool) -> None:
        # Fit widths to the headers and first rows once, within bounds, so long texts don't make huge columns.
        # The texts are measured here with the list's font: resizeColumnToContents would ask the model for eight
        # roles of each cell through Python (~30 µs a cell, most of a page's first showing); one cell measured by Qt
        # gives the margins its style adds around a text.
        self._sized = True
        self._sized_with_rows = with_rows
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        rows = [self.model.row_at(r) for r in range(min(self.model.rowCount(), FIT_SAMPLE))]
        margins = 0
        if rows:
            last = self.model.columnCount() - 1
            margins = self.view.sizeHintForIndex(self.model.index(0, last)).width() + int(self.view.showGrid()) \
                - _text_width(metrics, self.model.columns[last].text(rows[0], self.model.ref_names))
        for position, column in enumerate(self.model.columns):
            if position in self.preferred_widths:  # set by the page: measuring its texts would be wasted
                header.resizeSection(position, self.preferred_widths[position])
                continue
            cells = max((_text_width(metrics, column.text(row, self.model.ref_names)) for row in rows), default=0)
            width = max(header.sectionSizeHint(position), cells + margins if rows else 0)
            header.resizeSection(position, max(70, min(width + 12, 300)))
        # Once the page's layout has given the list its width (a list being shown may not have it yet).
        QTimer.singleShot(0, self._fit_to_width)

    def _fit_to_width(self) -> None:
        # Columns wider than the list (a 1366-pixel screen less the sidebar) would hide the last ones, often the
        # amount or the status, behind a scroll bar. The columns of free text, names and long choices ("Báo chí,
        # phát thanh - truyền hình") give up width, the widest first (all those above a level are cut to it), never
        # below TEXT_MIN: they elide and their whole text is in the tooltip. Numbers, dates, codes and the short
        # choices (statuses) keep theirs; a list too wide even then keeps its scroll bar.
        header = self.view.horizontalHeader()
        excess = header.length() - header.width()  # the columns shown against the header, as wide as the list's view
        text = {c: header.sectionSize(c) for c in range(self.model.columnCount())
                if not header.isSectionHidden(c) and self.model.columns[c].kind in SHRINKABLE}
        if excess <= 0 or not text:
            return
        level = max(text.values())
        while level > TEXT_MIN and sum(max(0, size - level) for size in text.values()) < excess:
            level -= 1
        for column, size in text.items():
            if size > level:
                header.resizeSection(column, level)

    def _on_data_changed(self, entity: str) -> None:
        self.ctx.forget(entity)
        if entity == "*" or entity in self._watched:
            self.reload()

    def _refresh_filters(self) -> None:
        for box, row_filter in self.filter_boxes.values():
            current = box.currentText()
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("All"), None)
            for text, predicate in row_filter.entries():
                box.addItem(text, predicate)
            position = box.findText(current)
            box.setCurrentIndex(max(position, 0))
            box.blockSignals(False)
            self.model.set_filter(row_filter.name, box.currentData())

    def _filter_changed(self, name: str) -> None:
        box, _ = self.filter_boxes[name]
        self.model.set_filter(name, box.currentData())
        self._update_count()

    def _search_changed(self, text: str) -> None:
        self.model.set_search(text)
        self._update_count()

    def update_totals(self) -> None:
        """Recompute the totals line (the page calls it when a computed money column changed)."""
        if not self.money_columns:
            return
        parts = []
        for position in self.money_columns:
            column = self.model.columns[position]
            total = sum(int(v) for v in (column.raw(r) for r in self.model.visible_rows())
                        if isinstance(v, (int, float)))
            parts.append(f"{column.header}: <b>{format_int(total)}</b>")
        self.totals_label.setText(self.tr("Total of the rows shown — %1").replace("%1", " · ".join(parts)))

    def _update_count(self) -> None:
        self.update_totals()
        shown, total = self.model.rowCount(), len(self.model.all_rows())
        if self._batches is not None:
            self.count_label.setText(self.tr("Reading %1 of %2 rows…").replace("%1", format_int(total))
                                     .replace("%2", format_int(self.expected_rows)))
        elif shown == total:
            self.count_label.setText(self.tr("%Ln row(s)", "", total))  # %Ln: "100.000 dòng", as while reading
        else:
            self.count_label.setText(self.tr("%1 of %2 rows").replace("%1", format_int(shown))
                                     .replace("%2", format_int(total)))

    # -- selection -------------------------------------------------------------------------------------------------
    def current_row(self) -> dict | None:
        """The selected row, or None."""
        index = self.view.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.row_at(index.row())

    def select_row(self, row_id: str) -> None:
        """Select the row with `row_id` when it is shown."""
        position = self.model.view_row_of(row_id)
        if position >= 0:
            index = self.model.index(position, 0)
            self.view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.view.scrollTo(index)

    # -- actions ---------------------------------------------------------------------------------------------------
    def _fixed_values(self) -> dict:
        fixed = {}
        if self.parent_field:
            fixed[self.parent_field] = self.scope_id()
        if "plan_id" in self.spec.field_names and self.ctx.plan_id:
            fixed.setdefault("plan_id", self.ctx.plan_id)
        return fixed

    @staticmethod
    def stored(row: dict) -> dict:
        """`row` with the values as stored where the list shows computed ones (a content item's rolled-up status is
        shown, its stored one is what the form and an in-place edit start from)."""
        return {**row, **{k[len("stored_"):]: v for k, v in row.items() if k.startswith("stored_")}}

    def open_dialog(self, row: dict | None, *, values: dict | None = None) -> EntityDialog:
        """The form for a new row (None; `values` prefill it, e.g. a duplicate) or for `row`; not shown yet."""
        # The form and its warnings are imported when a form is first opened, not at start-up.
        from desktop.services.row_warnings import row_warnings
        from desktop.ui.forms.entity_dialog import EntityDialog

        row = self.stored(row) if row else None
        fixed = self._fixed_values()
        values = dict(row) if row else {**self.defaults(), **(values or {}), **fixed}
        row_id = row["id"] if row else None

        def merged(typed: dict) -> dict:
            return {**(row or {}), **fixed, **typed} if row else {**values, **typed, **fixed}

        def save(typed: dict) -> dict:
            return records.save_row(self.ctx.store, self.entity, row_id, merged(typed))

        def check(typed: dict) -> list[tuple[str, str]]:
            return [tuple(w) for w in row_warnings(self.ctx.store, self.entity, merged(typed), row_id)]

        title = (self.tr("Edit: %1") if row else self.tr("Add: %1")).replace("%1", self.spec_title())
        return EntityDialog(self.spec, self.form_fields, values, self.ctx.ref_options, save, title=title,
                            check=check, parent=self.window())

    def spec_title(self) -> str:
        """The entity's name in the UI language."""
        from desktop.ui.formatting import ui_language

        return self.spec.title if ui_language() == "vi" else self.spec.label_en

    def add_row(self) -> dict | None:
        """Ask for a new row; returns it once saved."""
        if self.parent_field and self.scope_id() is None:
            return None
        dialog = self.open_dialog(None)
        if dialog.exec() and dialog.saved_row:
            row = dialog.saved_row
            label = lookups.display_text(self.entity, row)
            self.ctx.undo_stack.push(AddCommand(self.ctx.store, self.ctx.bus, self.entity, row["id"], label))
            self.ctx.bus.notify(self.entity)
            self.select_row(row["id"])
            return row
        return None

    def edit_current(self) -> dict | None:
        """Edit the selected row; returns it once saved."""
        row = self.current_row()
        if row is None:
            return None
        row = self.stored(row)
        dialog = self.open_dialog(row)
        if dialog.exec() and dialog.saved_row:
            saved = dialog.saved_row
            if saved.get("rev") != row.get("rev"):
                before = {n: row.get(n) for n in self.spec.field_names}
                after = {n: saved.get(n) for n in self.spec.field_names}
                label = lookups.display_text(self.entity, saved)
                self.ctx.undo_stack.push(
                    EditCommand(self.ctx.store, self.ctx.bus, self.entity, row["id"], before, after, label))
                self.ctx.bus.notify(self.entity)
            return saved
        return None

    def delete_current(self) -> bool:
        """Delete the selected row after confirmation (and its dependent rows after a second one)."""
        from PySide6.QtWidgets import QMessageBox

        row = self.current_row()
        if row is None or not self.delete_button.isEnabled():
            return False
        label = lookups.display_text(self.entity, row)
        answer = QMessageBox.question(self, self.tr("Delete"), self.tr("Delete “%1”?").replace("%1", label),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        dependants = records.dependants_count(self.ctx.store, self.entity, row["id"])
        if dependants:
            answer = QMessageBox.warning(
                self, self.tr("Delete"),
                self.tr("%n other row(s) depend on “%1” and will be deleted with it. Continue?", "",
                        dependants).replace("%1", label),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        referrers = records.referrers(self.ctx.store, self.entity, row["id"])
        try:
            deleted = records.delete_row(self.ctx.store, self.entity, row["id"], cascade=True)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Delete"), str(exc))
            return False
        self.ctx.undo_stack.push(DeleteCommand(self.ctx.store, self.ctx.bus, self.entity, deleted, label, referrers))
        for table in dict.fromkeys([t for t, _ in reversed(deleted)] + [t for t, _, _ in referrers]):  # parents first
            self.ctx.bus.notify(table)
        return True


def choice_filter(field_name: str, label: str, entity: str) -> RowFilter:
    """A filter on a choice field: one entry per choice."""
    from desktop.ui.formatting import choice_text

    field = BY_NAME[entity].field(field_name)

    def entries() -> list[tuple[str, Callable[[dict], bool]]]:
        return [(choice_text(field.choices, c.code), lambda row, code=c.code: row.get(field_name) == code)
                for c in field.choices]

    return RowFilter(field_name, label, entries)


def agency_filter(field_name: str, label: str, ctx: AppContext) -> RowFilter:
    """A filter on an agency reference (or list of agencies): one entry per agency used in the rows."""
    import json

    def entries() -> list[tuple[str, Callable[[dict], bool]]]:
        names = ctx.names("agencies")
        live = dict(lookups.options(ctx.store, BY_NAME["tasks"].field("lead_agency_id")))
        result = []
        for agency_id, name in live.items():
            def match(row: dict, a: str = agency_id) -> bool:
                value = row.get(field_name)
                if isinstance(value, str) and value.startswith("["):
                    return a in json.loads(value)
                return value == a

            result.append((names.get(agency_id, name), match))
        return result

    return RowFilter(field_name, label, entries)
