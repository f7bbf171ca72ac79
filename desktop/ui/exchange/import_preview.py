"""The import preview of an exchange workbook: counts, messages, the filterable row changes with before -> after,
conflict resolution, then apply (one transaction after a backup) or cancel. The services run in a worker thread.

    ImportPreviewDialog(parent, store, path).exec()
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.exchange.errors import CellError
from desktop.exchange.model import (
    CHANGED,
    CONFLICT,
    DELETED,
    MINE,
    NEW,
    REJECTED,
    STALE,
    STATUSES,
    THEIRS,
    ImportPreview,
    RowChange,
)
from desktop.services import exchange as service
from desktop.store import Store
from desktop.ui.exchange import changes
from desktop.ui.exchange.changes import ChangeFilter, ChangeModel
from desktop.ui.exchange.conflicts import ConflictBar
from desktop.ui.exchange.preview_print import preview_html, show_print_preview
from desktop.ui.exchange.worker import Runner


class ImportPreviewDialog(QDialog):
    """Preview of an exchange workbook before it is imported; applies it in one transaction on request."""

    status_title = staticmethod(changes.status_title)
    resolution_title = staticmethod(changes.resolution_title)
    translate_header = staticmethod(changes.header_title)

    def __init__(self, parent: QWidget | None, store: Store, path: Path | str):
        super().__init__(parent)
        self.store = store
        self.path = Path(path)
        self.preview: ImportPreview | None = None
        self.result_written: dict[str, int] | None = None
        self.working = True
        self.runner = Runner(self)
        self.setWindowTitle(self.tr("Import Excel — %1").replace("%1", self.path.name))
        self.resize(1100, 680)
        self._build()
        self._start_preview()

    # -- layout ---------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.file_label = QLabel(self.tr("File: %1").replace("%1", str(self.path)))
        self.file_label.setWordWrap(True)
        layout.addWidget(self.file_label)
        layout.addLayout(self._progress_row())
        layout.addWidget(self._counts_box())

        self.messages = QPlainTextEdit()
        self.messages.setReadOnly(True)
        self.messages.setMaximumHeight(110)
        self.messages.setPlaceholderText(self.tr("No errors or warnings."))
        layout.addWidget(self.messages)
        layout.addLayout(self._filter_row())
        layout.addWidget(self._change_table(), 1)

        self.conflicts = ConflictBar(self)
        self.conflict_label = self.conflicts.label
        self.mine_selected, self.theirs_selected, self.mine_all, self.theirs_all = self.conflicts.buttons()
        self.conflicts.resolve_selected.connect(self._resolve_selected)
        self.conflicts.resolve_all.connect(self.resolve_all)
        layout.addWidget(self.conflicts)

        self.skip_rejected = QCheckBox(self.tr("Import the other rows and leave the rejected rows out"))
        self.skip_rejected.toggled.connect(self._update_buttons)
        layout.addWidget(self.skip_rejected)

        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.print_button = self.buttons.addButton(self.tr("Print preview…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_preview)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button.clicked.connect(self.apply)
        self.close_button.clicked.connect(self.reject)
        layout.addWidget(self.buttons)
        self._set_busy(True)

    def _progress_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress_label = QLabel(self.tr("Reading the file…"))
        self.cancel_work = QPushButton(self.tr("Stop"))
        self.cancel_work.clicked.connect(self.runner.cancel)
        row.addWidget(self.progress_label)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_work)
        return row

    def _counts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("What the import would do"))
        grid = QGridLayout(box)
        self.count_labels: dict[str, QLabel] = {}
        for index, status in enumerate(STATUSES):
            value = QLabel("–")
            value.setObjectName(f"count_{status}")
            grid.addWidget(QLabel(self.status_title(status) + ":"), 0, index * 2)
            grid.addWidget(value, 0, index * 2 + 1)
            self.count_labels[status] = value
        return box

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Show:")))
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All rows with a change"), "")
        for status in (NEW, CHANGED, DELETED, CONFLICT, STALE, REJECTED):
            self.status_filter.addItem(self.status_title(status), status)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search (accents optional)…"))
        row.addWidget(self.status_filter)
        row.addWidget(self.search, 1)
        self.status_filter.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)
        return row

    def _change_table(self) -> QTableView:
        self.model = ChangeModel([], self)
        self.proxy = ChangeFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((110, 150, 50, 260, 330, 170)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(self._toggle_current)
        return self.table

    # -- running the services -------------------------------------------------------------------------------------
    def _set_busy(self, busy: bool) -> None:
        self.working = busy
        self.progress.setVisible(busy)
        self.progress_label.setVisible(busy)
        self.cancel_work.setVisible(busy)
        for widget in (self.table, self.status_filter, self.search, self.skip_rejected):
            widget.setEnabled(not busy)
        self._update_buttons()

    def _start_preview(self) -> None:
        store, path = self.store, self.path
        self.runner.start(lambda progress, cancel: service.preview_import(store, path, progress, cancel),
                          self._on_progress, self._on_preview, self._on_failed, self._on_cancelled)

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if label:
            self.progress_label.setText(self.tr("Checking “%1”…").replace("%1", label))

    def _on_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.model.set_rows(preview.rows)
        for status, label in self.count_labels.items():
            label.setText(str(preview.counts.get(status, 0)))
        lines = [str(e) for e in preview.errors[:500]]
        listed = {(e.sheet, e.row) for e in preview.errors}
        lines += [str(CellError(c.sheet, c.row, "", c.reason)) for c in preview.rows
                  if c.status == REJECTED and (c.sheet, c.row) not in listed][:200]
        if len(preview.errors) > 500:
            lines.append(self.tr("… and %1 more errors.").replace("%1", str(len(preview.errors) - 500)))
        lines += preview.notes + preview.warnings
        if not preview.has_changes and not preview.errors and not preview.counts[REJECTED]:
            lines.insert(0, self.tr("Nothing to import: the database already has everything in this file."))
        self.messages.setPlainText("\n".join(lines))
        self._set_busy(False)
        if preview.conflicts:
            self.status_filter.setCurrentIndex(self.status_filter.findData(CONFLICT))

    def _on_failed(self, message: str) -> None:
        self._set_busy(False)
        self.progress_label.setVisible(True)
        self.progress_label.setText(message)
        self.messages.setPlainText(message)
        self.apply_button.setEnabled(False)

    def _on_cancelled(self) -> None:
        self._set_busy(False)
        self.messages.setPlainText(self.tr("Stopped: nothing was imported."))
        self.apply_button.setEnabled(False)

    # -- filters and conflicts ------------------------------------------------------------------------------------
    def _filter(self) -> None:
        self.proxy.set(self.status_filter.currentData() or "", self.search.text().strip())

    def _selected_changes(self) -> list[RowChange]:
        rows = {self.proxy.mapToSource(i).row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.rows[r] for r in sorted(rows)]

    def _resolve_selected(self, resolution: str) -> None:
        for change in self._selected_changes():
            if change.status == CONFLICT:
                change.resolution = resolution
        self.model.refresh()
        self._update_buttons()

    def resolve_all(self, resolution: str) -> None:
        """Resolve every conflict the same way."""
        if self.preview is not None:
            for change in self.preview.conflicts:
                change.resolution = resolution
        self.model.refresh()
        self._update_buttons()

    def _toggle_current(self, index: QModelIndex) -> None:
        change = self.model.rows[self.proxy.mapToSource(index).row()]
        if change.status == CONFLICT:
            change.resolution = THEIRS if change.resolution == MINE else MINE
            self.model.refresh()
            self._update_buttons()

    def _update_buttons(self) -> None:
        preview = self.preview
        conflicts = preview.conflicts if preview else []
        open_conflicts = [c for c in conflicts if c.resolution not in (MINE, THEIRS)]
        self.conflicts.show_state(len(open_conflicts), len(conflicts), not self.working)
        rejected = bool(preview and (preview.errors or preview.counts[REJECTED]))
        self.skip_rejected.setVisible(rejected)
        ready = (preview is not None and not self.working and not open_conflicts and preview.has_changes
                 and (not rejected or self.skip_rejected.isChecked()))
        self.apply_button.setEnabled(bool(ready))
        self.print_button.setEnabled(preview is not None and not self.working)

    # -- printing -------------------------------------------------------------------------------------------------
    def preview_html(self, limit: int = 2000) -> str:
        """The preview as an HTML page: file, counts, errors and the rows with a change (at most `limit`)."""
        if self.preview is None:
            return ""
        return preview_html(self.windowTitle(), str(self.path), self.preview, self.messages.toPlainText(), self.model,
                            limit)

    def print_preview(self) -> None:
        """Show the preview in a print preview window (from which it can be printed or saved as PDF)."""
        show_print_preview(self, self.preview_html())

    # -- applying ---------------------------------------------------------------------------------------------------
    def apply(self) -> None:
        """Apply the preview in one transaction (after a backup), in the worker thread."""
        if self.preview is None or not self.apply_button.isEnabled():
            return
        preview, store, skip = self.preview, self.store, self.skip_rejected.isChecked()
        self.progress_label.setText(self.tr("Importing…"))
        self.progress.setRange(0, 0)
        self._set_busy(True)
        self.cancel_work.setVisible(False)
        self.apply_button.setEnabled(False)
        self.runner.start(lambda progress, cancel: service.apply_import(store, preview, allow_rejected=skip),
                          self._on_progress, self._on_applied, self._on_failed, self._on_cancelled)

    def _on_applied(self, result: object) -> None:
        self._set_busy(False)
        self.result_written = getattr(result, "written", {})
        total = getattr(result, "total", 0)
        QMessageBox.information(self, self.windowTitle(),
                                self.tr("Imported: %1 rows written. A backup was taken first.")
                                .replace("%1", str(total)))
        self.accept()

    def reject(self) -> None:
        """Close; a running preview is stopped first (nothing is written by a preview)."""
        if self.runner.busy:
            self.runner.cancel()
            self.runner.wait()
        super().reject()
