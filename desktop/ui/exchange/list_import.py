"""Importing a list typed by an office in its own layout (participants of a course, surveyed enterprises), often in
the official document layout: the sheet, the header row (found from the titles; changed with the spin box or by a
click on a row of the sheet's preview), the column of each field, a preview of what would be added, then the import
in one transaction. Reading, checking and writing run in a worker thread with progress and Stop.

    ListImportDialog(parent, store, path, "participants").exec()
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.exchange.model import NEW, REJECTED, UNCHANGED, ImportPreview
from desktop.services import lists
from desktop.store import Store
from desktop.ui.exchange.changes import ChangeModel
from desktop.ui.exchange.sheet_preview import SheetPreview
from desktop.ui.exchange.worker import Runner

_MAPPING_COLUMNS = 4


class ListImportDialog(QDialog):
    """Import participants or enterprises from an office's own Excel list."""

    def __init__(self, parent: QWidget | None, store: Store, path: Path | str, entity: str = "participants"):
        super().__init__(parent)
        self.store = store
        self.path = Path(path)
        self.opened: lists.OpenedList | None = None
        self.table_data: lists.ListTable | None = None
        self.preview: ImportPreview | None = None
        self.working = False
        self._pending_header: int | None = None
        self.combos: dict[str, QComboBox] = {}
        self.runner = Runner(self)
        self.setWindowTitle(self.tr("Import a list from Excel — %1").replace("%1", self.path.name))
        self.resize(1180, 660)  # fits a 1366x768 screen with the taskbar and the title bar
        layout = QVBoxLayout(self)
        layout.addLayout(self._choices(entity))
        self.sheet_view = SheetPreview(self)
        self.sheet_view.setMinimumHeight(170)
        self.sheet_view.row_chosen.connect(self.header_row.setValue)
        layout.addWidget(self.sheet_view, 3)
        self.mapping_box = QGroupBox(self.tr("Columns (suggested from the titles; check them)"))
        self.mapping_grid = QGridLayout(self.mapping_box)
        layout.addWidget(self.mapping_box)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addLayout(self._progress_row())
        self.model = ChangeModel([], self)
        self.list_view = QTableView()
        self.list_view.setModel(self.model)
        self.list_view.verticalHeader().setVisible(False)
        self.list_view.verticalHeader().setDefaultSectionSize(22)
        for column, width in enumerate((100, 120, 50, 260, 480, 10)):
            self.list_view.setColumnWidth(column, width)
        self.list_view.setColumnHidden(5, True)
        self.list_view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.list_view, 2)
        self.skip_rejected = QCheckBox(self.tr("Import the other rows and leave the rejected rows out"))
        self.skip_rejected.setVisible(False)
        self.skip_rejected.toggled.connect(self._update_buttons)
        layout.addWidget(self.skip_rejected)
        self.buttons = QDialogButtonBox()
        self.preview_button = self.buttons.addButton(self.tr("Preview"), QDialogButtonBox.ButtonRole.ActionRole)
        self.apply_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        self.preview_button.clicked.connect(self.run_preview)
        self.apply_button.clicked.connect(self.apply)
        layout.addWidget(self.buttons)
        self._fill_parents()
        self.entity.currentIndexChanged.connect(self._entity_changed)
        self.sheet.currentIndexChanged.connect(lambda: self._open(self.sheet.currentData()))
        self.header_row.valueChanged.connect(self._header_changed)
        self._open(None)

    # -- layout ---------------------------------------------------------------------------------------------------
    def _choices(self, entity: str) -> QGridLayout:
        grid = QGridLayout()
        self.entity = QComboBox()
        for name in lists.list_entities():  # every declared list kind
            self.entity.addItem(self._kind_title(name), name)
        self.entity.setCurrentIndex(max(self.entity.findData(entity), 0))
        self.sheet = QComboBox()
        self.sheet.setMinimumContentsLength(16)
        self.sheet.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.parent_row = QComboBox()
        self.parent_row.setMinimumWidth(260)
        self.parent_label = QLabel()
        self.header_row = QSpinBox()
        self.header_row.setRange(1, 1)
        self.header_row.setKeyboardTracking(False)  # "17" typed is row 17, not row 1 then row 17
        self.header_row.setToolTip(self.tr("The row holding the column titles (STT, Họ và tên…)"))
        hint = QLabel(self.tr("or click that row in the preview below"))
        hint.setEnabled(False)
        grid.addWidget(QLabel(self.tr("Import as:")), 0, 0)
        grid.addWidget(self.entity, 0, 1)
        grid.addWidget(QLabel(self.tr("Sheet:")), 0, 2)
        grid.addWidget(self.sheet, 0, 3)
        grid.addWidget(self.parent_label, 0, 4)
        grid.addWidget(self.parent_row, 0, 5)
        grid.addWidget(QLabel(self.tr("Header row:")), 1, 0)
        grid.addWidget(self.header_row, 1, 1)
        grid.addWidget(hint, 1, 2, 1, 4)
        grid.setColumnStretch(5, 1)
        return grid

    def _kind_title(self, entity: str) -> str:
        """The translated name of a list kind (a kind declared later shows its catalogue title)."""
        known = {"participants": self.tr("Participants"), "enterprises": self.tr("Surveyed enterprises")}
        return known.get(entity) or lists.spec_of(entity).entity_spec.title

    def _progress_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.stop = QPushButton(self.tr("Stop"))
        self.stop.clicked.connect(self.runner.cancel)
        row.addWidget(self.progress_label)
        row.addWidget(self.progress, 1)
        row.addWidget(self.stop)
        return row

    # -- state ----------------------------------------------------------------------------------------------------
    def _set_busy(self, busy: bool, label: str = "") -> None:
        self.working = busy
        self.progress_label.setText(label)
        for widget in (self.progress_label, self.progress, self.stop):
            widget.setVisible(busy)
        if busy:
            self.progress.setRange(0, 0)
        for widget in (self.entity, self.sheet, self.parent_row, self.header_row, self.sheet_view,
                       self.mapping_box, self.skip_rejected):
            widget.setEnabled(not busy)
        self._update_buttons()

    def _update_buttons(self) -> None:
        preview = self.preview
        rejected = bool(preview and preview.counts[REJECTED])
        self.skip_rejected.setVisible(rejected)
        self.preview_button.setEnabled(not self.working and self.table_data is not None)
        self.apply_button.setEnabled(bool(not self.working and preview is not None and preview.counts[NEW]
                                          and (not rejected or self.skip_rejected.isChecked())))

    def _forget_preview(self) -> None:
        self.preview = None
        self.model.set_rows([])
        self._update_buttons()

    def _fill_parents(self) -> None:
        entity = self.entity.currentData()
        spec = lists.spec_of(entity)
        if spec.parent_field:
            known = {"training_courses": self.tr("Course:"), "plans": self.tr("Plan:")}
            self.parent_label.setText(known.get(spec.parent_entity)
                                      or spec.entity_spec.field(spec.parent_field).title + ":")
        self.parent_label.setVisible(bool(spec.parent_field))
        self.parent_row.setVisible(bool(spec.parent_field))
        self.parent_row.clear()
        for row_id, title in lists.parent_choices(self.store, entity):
            self.parent_row.addItem(title[:120], row_id)
        chosen = lists.default_parent(self.store, entity)
        if chosen is not None:
            self.parent_row.setCurrentIndex(self.parent_row.findData(chosen))

    # -- reading the sheet (worker) -------------------------------------------------------------------------------
    def _open(self, sheet: str | None) -> None:
        path, entity = self.path, self.entity.currentData()
        self._forget_preview()
        self._set_busy(True, self.tr("Reading the file…"))
        self.runner.start(lambda progress, cancel: lists.open_list(path, entity, sheet, cancel=cancel),
                          lambda *_: None, self._on_opened, self._on_failed, self._on_cancelled)

    def _on_opened(self, opened: lists.OpenedList) -> None:
        self.opened = opened
        with QSignalBlocker(self.sheet):
            if self.sheet.count() != len(opened.sheets):
                self.sheet.clear()
                for name in opened.sheets:
                    self.sheet.addItem(name, name)
            self.sheet.setCurrentIndex(self.sheet.findData(opened.grid.sheet))
        self._set_busy(False)
        self._show(opened.table, opened.message)

    def _entity_changed(self) -> None:
        self._fill_parents()
        self._open(None)  # the list of the other kind may be on another sheet

    def _header_changed(self, row: int) -> None:
        if self.table_data is None or self.table_data.header_row != row:
            self._reshape(row)

    def _reshape(self, header_row: int | None) -> None:
        if self.opened is None:
            return
        if self.working:  # asked again while reading: done when the current read ends
            self._pending_header = header_row
            return
        grid, entity = self.opened.grid, self.entity.currentData()
        self._forget_preview()
        self._set_busy(True, self.tr("Reading the rows…"))
        self.runner.start(lambda progress, cancel: lists.list_under(grid, entity, header_row),
                          lambda *_: None, lambda result: self._on_reshaped(result, header_row), self._on_failed,
                          self._on_cancelled)

    def _on_reshaped(self, result: tuple[lists.ListTable | None, str], header_row: int | None) -> None:
        self._set_busy(False)
        table, message = result
        self._show(table, message, header_row)
        if self._pending_header is not None and self._pending_header != header_row:
            wanted, self._pending_header = self._pending_header, None
            self._reshape(wanted)

    def _show(self, table: lists.ListTable | None, message: str, header_row: int | None = None) -> None:
        assert self.opened is not None
        grid = self.opened.grid
        self.table_data = table
        row = table.header_row if table is not None else (header_row or 0)
        with QSignalBlocker(self.header_row):
            self.header_row.setRange(1, max(grid.last_row, 1))
            self.header_row.setValue(max(row, 1))
        self.sheet_view.show_sheet(grid, table, row)
        self._build_mapping()
        if table is None:
            self.summary.setText(message + " " + self.tr("Choose the header row with the box above or a click "
                                                         "on the row in the preview."))
        else:
            self.summary.setText(self.tr("Header on row %1: %2 rows to check, %3 rows skipped (blank, totals, "
                                         "signatures…).").replace("%1", str(table.header_row))
                                 .replace("%2", str(len(table.data_rows))).replace("%3", str(len(table.skipped))))
        self._update_buttons()

    def _build_mapping(self) -> None:
        while self.mapping_grid.count():
            item = self.mapping_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.combos.clear()
        table = self.table_data
        if table is None:
            return
        mapping = lists.suggest_mapping(table.spec.entity, table.headers)
        for index, f in enumerate(table.spec.fields()):
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), -1)
            for col, title in enumerate(table.headers):
                combo.addItem(title or self.tr("Column %1").replace("%1", str(col + 1)), col)
            combo.setCurrentIndex(combo.findData(mapping.get(f.name, -1)))
            combo.currentIndexChanged.connect(self._forget_preview)
            self.combos[f.name] = combo
            row, column = divmod(index, _MAPPING_COLUMNS)
            self.mapping_grid.addWidget(QLabel(f.title), row, column * 2)
            self.mapping_grid.addWidget(combo, row, column * 2 + 1)

    def mapping(self) -> dict[str, int]:
        """field name -> column index chosen by the user."""
        return {name: combo.currentData() for name, combo in self.combos.items() if combo.currentData() >= 0}

    # -- preview and apply (worker) -------------------------------------------------------------------------------
    def run_preview(self) -> None:
        """Check the mapped rows (nothing is written)."""
        if self.table_data is None or (self.table_data.spec.parent_field and self.parent_row.currentData() is None):
            self.summary.setText(self.tr("Choose the sheet, the header row and the course or plan first."))
            return
        store, table, mapping = self.store, self.table_data, self.mapping()
        parent_id = self.parent_row.currentData() or ""
        self._set_busy(True, self.tr("Checking the rows…"))
        self.runner.start(lambda progress, cancel: lists.preview_list(store, table, mapping, parent_id, progress,
                                                                      cancel),
                          self._on_progress, self._on_preview, self._on_failed, self._on_cancelled)

    def _on_progress(self, done: int, total: int, _label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.model.set_rows(preview.rows)
        skipped = len(self.table_data.skipped) if self.table_data is not None else 0
        self.summary.setText(self.tr("New: %1, already present: %2, rejected: %3, skipped: %4.")
                             .replace("%1", str(preview.counts[NEW])).replace("%2", str(preview.counts[UNCHANGED]))
                             .replace("%3", str(preview.counts[REJECTED])).replace("%4", str(skipped)))
        self.summary.setToolTip("\n".join(preview.notes))
        self._set_busy(False)

    def _on_failed(self, message: str) -> None:
        self._set_busy(False)
        self.summary.setText(message)

    def _on_cancelled(self) -> None:
        self._set_busy(False)
        self.summary.setText(self.tr("Stopped: nothing was imported."))

    def apply(self) -> None:
        """Add the new rows in one transaction (a backup first); rejected rows only left out when ticked."""
        if self.preview is None or not self.apply_button.isEnabled():
            return
        preview, store, skip = self.preview, self.store, self.skip_rejected.isChecked()
        self._set_busy(True, self.tr("Importing…"))
        self.stop.setVisible(False)
        self.runner.start(lambda progress, cancel: lists.apply_list(store, preview, skip_rejected=skip),
                          lambda *_: None, self._on_applied, self._on_failed, self._on_cancelled)

    def _on_applied(self, result: object) -> None:
        self._set_busy(False)
        self.summary.setText(self.tr("Imported: %1 rows added.").replace("%1", str(getattr(result, "total", 0))))
        self.accept()

    def reject(self) -> None:
        """Close; a running read or check is stopped first (an import being written is waited for)."""
        if self.runner.busy:
            self.runner.cancel()
            self.runner.wait()
        super().reject()

