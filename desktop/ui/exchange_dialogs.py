"""Excel exchange dialogs: the import preview (counts, filterable row changes with before -> after, conflict
resolution, apply / cancel) and the foreign-list column mapping. Both run the exchange services in a worker thread
with a progress bar and a cancel button, so the window never freezes.

    ImportPreviewDialog(parent, store, path).exec()
    ForeignListDialog(parent, store, path).exec()
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QSortFilterProxyModel,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
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

from desktop.domain.entities import BY_NAME
from desktop.domain.text import matches
from desktop.exchange.errors import CellError, ExchangeCancelled, ExchangeError
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
    UNCHANGED,
    ImportPreview,
    RowChange,
)
from desktop.services import exchange as service
from desktop.services import records
from desktop.store import Store
from desktop.ui import theme

_STATUS_COLOURS = {NEW: "#1b7f3b", CHANGED: "#1f5fa8", CONFLICT: "#b3261e", REJECTED: "#8a1c1c", STALE: "#7a6a00",
                   DELETED: "#6b4e16"}


# -- the worker ----------------------------------------------------------------------------------------------------
class _Job(QObject):
    """Runs one service call in a worker thread; reports progress, the result or a Vietnamese error message."""

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, work: Callable[[Callable, Callable], object]):
        super().__init__()
        self._work = work
        self._stop = threading.Event()

    def cancel(self) -> None:
        """Ask the running call to stop at its next checkpoint."""
        self._stop.set()

    def run(self) -> None:
        """Run the call (in the worker thread)."""
        try:
            result = self._work(lambda d, t, label: self.progress.emit(d, t, label), self._stop.is_set)
        except ExchangeCancelled:
            self.cancelled.emit()
        except ExchangeError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - shown to the user; the error log keeps the details
            import logging

            logging.getLogger("sxtdbv.errors").exception("exchange job failed")
            self.failed.emit(str(exc))
        else:
            self.succeeded.emit(result)


class _Runner(QObject):
    """Owns the worker thread of one job at a time and forwards its signals."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.thread: QThread | None = None
        self.job: _Job | None = None

    def start(self, work: Callable, on_progress: Callable, on_done: Callable, on_failed: Callable,
              on_cancelled: Callable) -> None:
        """Start `work(progress, cancel)` in a new thread."""
        self.thread = QThread(self)
        self.job = _Job(work)
        self.job.moveToThread(self.thread)
        self.thread.started.connect(self.job.run)
        self.job.progress.connect(on_progress)
        for signal, slot in ((self.job.succeeded, on_done), (self.job.failed, on_failed),
                             (self.job.cancelled, on_cancelled)):
            signal.connect(slot)
            signal.connect(self.thread.quit)
        self.thread.start()

    @property
    def busy(self) -> bool:
        """True while a job runs."""
        return self.thread is not None and self.thread.isRunning()

    def cancel(self) -> None:
        """Ask the running job to stop."""
        if self.job is not None:
            self.job.cancel()

    def wait(self) -> None:
        """Wait for the thread to finish (after a cancel)."""
        if self.thread is not None:
            self.thread.quit()
            self.thread.wait(30_000)


# -- the list of row changes -----------------------------------------------------------------------------------------
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
            return ImportPreviewDialog.translate_header(self.HEADERS[section])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        """Cell text, colour and tooltip."""
        change = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if column == 0:
                return ImportPreviewDialog.status_title(change.status)
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
                return ImportPreviewDialog.resolution_title(change.resolution)
        if role == Qt.ItemDataRole.ForegroundRole and column == 0 and change.status in _STATUS_COLOURS:
            return theme.readable(_STATUS_COLOURS[change.status], theme.palette().color(QPalette.ColorRole.Base))
        if role == Qt.ItemDataRole.UserRole:
            return change
        return None

    def refresh(self) -> None:
        """Repaint every row (after resolutions changed)."""
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.HEADERS) - 1))


class _ChangeFilter(QSortFilterProxyModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.status = ""
        self.text = ""

    def set(self, status: str, text: str) -> None:
        if hasattr(self, "endFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            self.status, self.text = status, text
            self.endFilterChange()
        else:  # pragma: no cover - older Qt
            self.status, self.text = status, text
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802 - Qt API
        change: RowChange = self.sourceModel().rows[row]  # type: ignore[attr-defined]
        if self.status and change.status != self.status:
            return False
        if self.text:
            details = " ".join(f"{c} {b} {a}" for c, b, a in change.changes)
            return matches(self.text, change.display, change.sheet, change.reason, details)
        return True


# -- the import preview dialog ---------------------------------------------------------------------------------------
class ImportPreviewDialog(QDialog):
    """Preview of an exchange workbook before it is imported; applies it in one transaction on request."""

    def __init__(self, parent: QWidget | None, store: Store, path: Path | str):
        super().__init__(parent)
        self.store = store
        self.path = Path(path)
        self.preview: ImportPreview | None = None
        self.result_written: dict[str, int] | None = None
        self.runner = _Runner(self)
        self.setWindowTitle(self.tr("Import Excel — %1").replace("%1", self.path.name))
        self.resize(1100, 680)
        self._build()
        self._start_preview()

    # -- translated labels, shared with the model ---------------------------------------------------------------
    @staticmethod
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

    @staticmethod
    def resolution_title(resolution: str) -> str:
        """The translated name of a conflict resolution."""
        if resolution == MINE:
            return QCoreApplication.translate("ImportPreviewDialog", "Keep this computer's version")
        if resolution == THEIRS:
            return QCoreApplication.translate("ImportPreviewDialog", "Take the file's version")
        return QCoreApplication.translate("ImportPreviewDialog", "Not chosen yet")

    @staticmethod
    def translate_header(text: str) -> str:
        """The translated title of a column of the change list."""
        return {
            "Status": QCoreApplication.translate("ImportPreviewDialog", "Status"),
            "Sheet": QCoreApplication.translate("ImportPreviewDialog", "Sheet"),
            "Row": QCoreApplication.translate("ImportPreviewDialog", "Row"),
            "Title": QCoreApplication.translate("ImportPreviewDialog", "Title"),
            "Changes (before → after)": QCoreApplication.translate("ImportPreviewDialog", "Changes (before → after)"),
            "Resolution": QCoreApplication.translate("ImportPreviewDialog", "Resolution"),
        }[text]

    # -- layout ---------------------------------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.file_label = QLabel(self.tr("File: %1").replace("%1", str(self.path)))
        self.file_label.setWordWrap(True)
        layout.addWidget(self.file_label)

        progress_row = QHBoxLayout()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress_label = QLabel(self.tr("Reading the file…"))
        self.cancel_work = QPushButton(self.tr("Stop"))
        self.cancel_work.clicked.connect(self._cancel_work)
        progress_row.addWidget(self.progress_label)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_work)
        layout.addLayout(progress_row)

        counts_box = QGroupBox(self.tr("What the import would do"))
        counts = QGridLayout(counts_box)
        self.count_labels: dict[str, QLabel] = {}
        for index, status in enumerate(STATUSES):
            name = QLabel(self.status_title(status) + ":")
            value = QLabel("–")
            value.setObjectName(f"count_{status}")
            counts.addWidget(name, 0, index * 2)
            counts.addWidget(value, 0, index * 2 + 1)
            self.count_labels[status] = value
        layout.addWidget(counts_box)

        self.messages = QPlainTextEdit()
        self.messages.setReadOnly(True)
        self.messages.setMaximumHeight(110)
        self.messages.setPlaceholderText(self.tr("No errors or warnings."))
        layout.addWidget(self.messages)

        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Show:")))
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All rows with a change"), "")
        for status in (NEW, CHANGED, DELETED, CONFLICT, STALE, REJECTED):
            self.status_filter.addItem(self.status_title(status), status)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search (accents optional)…"))
        filters.addWidget(self.status_filter)
        filters.addWidget(self.search, 1)
        layout.addLayout(filters)

        self.model = ChangeModel([], self)
        self.proxy = _ChangeFilter(self)
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
        layout.addWidget(self.table, 1)
        self.status_filter.currentIndexChanged.connect(self._filter)
        self.search.textChanged.connect(self._filter)

        conflicts = QHBoxLayout()
        self.conflict_label = QLabel(self.tr("Conflicts:"))
        self.mine_selected = QPushButton(self.tr("Keep mine for selected"))
        self.theirs_selected = QPushButton(self.tr("Take theirs for selected"))
        self.mine_all = QPushButton(self.tr("Keep mine for all"))
        self.theirs_all = QPushButton(self.tr("Take theirs for all"))
        self.mine_selected.clicked.connect(lambda: self._resolve_selected(MINE))
        self.theirs_selected.clicked.connect(lambda: self._resolve_selected(THEIRS))
        self.mine_all.clicked.connect(lambda: self.resolve_all(MINE))
        self.theirs_all.clicked.connect(lambda: self.resolve_all(THEIRS))
        conflicts.addWidget(self.conflict_label)
        for button in (self.mine_selected, self.theirs_selected, self.mine_all, self.theirs_all):
            conflicts.addWidget(button)
        conflicts.addStretch(1)
        layout.addLayout(conflicts)

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
        self.model.beginResetModel()
        self.model.rows = preview.rows
        self.model.endResetModel()
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

    def _cancel_work(self) -> None:
        self.runner.cancel()

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
        busy = getattr(self, "working", True)
        conflicts = preview.conflicts if preview else []
        open_conflicts = [c for c in conflicts if c.resolution not in (MINE, THEIRS)]
        for button in (self.mine_selected, self.theirs_selected, self.mine_all, self.theirs_all,
                       self.conflict_label):
            button.setVisible(bool(conflicts))
            button.setEnabled(not busy)
        if conflicts:
            self.conflict_label.setText(self.tr("Conflicts: %1 of %2 still to choose")
                                        .replace("%1", str(len(open_conflicts))).replace("%2", str(len(conflicts))))
        rejected = bool(preview and (preview.errors or preview.counts[REJECTED]))
        self.skip_rejected.setVisible(rejected)
        ready = (preview is not None and not busy and not open_conflicts and preview.has_changes
                 and (not rejected or self.skip_rejected.isChecked()))
        self.apply_button.setEnabled(bool(ready))
        self.print_button.setEnabled(preview is not None and not busy)

    # -- printing -------------------------------------------------------------------------------------------------
    def preview_html(self, limit: int = 2000) -> str:
        """The preview as an HTML page: file, counts, errors and the rows with a change (at most `limit`)."""
        from html import escape

        preview = self.preview
        if preview is None:
            return ""
        parts = [f"<h3>{escape(self.windowTitle())}</h3>", f"<p>{escape(str(self.path))}</p><p>"]
        parts += [f"{escape(self.status_title(s))}: <b>{preview.counts[s]}</b> &nbsp; " for s in STATUSES]
        parts.append("</p>")
        if self.messages.toPlainText():
            parts.append("<pre>" + escape(self.messages.toPlainText()) + "</pre>")
        parts.append('<table border="1" cellspacing="0" cellpadding="3" width="100%"><tr>')
        parts += [f"<th>{escape(self.translate_header(h))}</th>" for h in ChangeModel.HEADERS]
        parts.append("</tr>")
        for row in range(min(self.model.rowCount(), limit)):
            cells = [self.model.data(self.model.index(row, c)) for c in range(len(ChangeModel.HEADERS))]
            parts.append("<tr>" + "".join(f"<td>{escape(str(v if v is not None else ''))}</td>" for v in cells)
                         + "</tr>")
        parts.append("</table>")
        return "".join(parts)

    def print_preview(self) -> None:
        """Show the preview in a print preview window (from which it can be printed or saved as PDF)."""
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        document = QTextDocument()
        document.setHtml(self.preview_html())
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.paintRequested.connect(document.print_)
        dialog.exec()

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


# -- foreign lists ---------------------------------------------------------------------------------------------------
class ForeignListDialog(QDialog):
    """Import participants or enterprises from an office's own Excel list: sheet, column mapping, preview, apply."""

    def __init__(self, parent: QWidget | None, store: Store, path: Path | str, entity: str = "participants"):
        super().__init__(parent)
        self.store = store
        self.path = Path(path)
        self.preview: ImportPreview | None = None
        self.table_data: service.ForeignTable | None = None
        self.runner = _Runner(self)
        self.setWindowTitle(self.tr("Import a list from Excel — %1").replace("%1", self.path.name))
        self.resize(980, 640)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.entity = QComboBox()
        self.entity.addItem(self.tr("Participants"), "participants")
        self.entity.addItem(self.tr("Surveyed enterprises"), "enterprises")
        self.entity.setCurrentIndex(self.entity.findData(entity))
        self.sheet = QComboBox()
        self.parent_row = QComboBox()
        form.addRow(self.tr("Import as:"), self.entity)
        form.addRow(self.tr("Sheet:"), self.sheet)
        self.parent_label = QLabel()
        form.addRow(self.parent_label, self.parent_row)
        layout.addLayout(form)
        self.mapping_box = QGroupBox(self.tr("Columns (suggested from the titles; check them)"))
        self.mapping_grid = QGridLayout(self.mapping_box)
        layout.addWidget(self.mapping_box)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = ChangeModel([], self)
        self.list_view = QTableView()
        self.list_view.setModel(self.model)
        self.list_view.verticalHeader().setVisible(False)
        for column, width in enumerate((100, 120, 50, 260, 380, 10)):
            self.list_view.setColumnWidth(column, width)
        self.list_view.setColumnHidden(5, True)
        layout.addWidget(self.list_view, 1)
        self.buttons = QDialogButtonBox()
        self.preview_button = self.buttons.addButton(self.tr("Preview"), QDialogButtonBox.ButtonRole.ActionRole)
        self.apply_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel).clicked.connect(self.reject)
        self.preview_button.clicked.connect(self.run_preview)
        self.apply_button.clicked.connect(self.apply)
        self.apply_button.setEnabled(False)
        layout.addWidget(self.buttons)
        self.combos: dict[str, QComboBox] = {}
        try:
            for name in service.foreign_sheets(self.path):
                self.sheet.addItem(name, name)
        except ExchangeError as exc:
            self.summary.setText(str(exc))
            self.preview_button.setEnabled(False)
        self.entity.currentIndexChanged.connect(self._reload)
        self.sheet.currentIndexChanged.connect(self._reload)
        self._reload()

    def _reload(self) -> None:
        entity = self.entity.currentData()
        self.preview = None
        self.apply_button.setEnabled(False)
        parent_table = "training_courses" if entity == "participants" else "plans"
        self.parent_label.setText(self.tr("Course:") if entity == "participants" else self.tr("Plan:"))
        self.parent_row.clear()
        for row in records.list_rows(self.store, parent_table):
            self.parent_row.addItem(str(row["title"])[:120], row["id"])
        while self.mapping_grid.count():
            item = self.mapping_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.combos.clear()
        if not self.sheet.count():
            return
        try:
            self.table_data = service.read_foreign(self.path, self.sheet.currentData())
        except ExchangeError as exc:
            self.summary.setText(str(exc))
            return
        headers = self.table_data.headers
        mapping = service.suggest_mapping(entity, headers)
        spec = BY_NAME[entity]
        parent_field = "course_id" if entity == "participants" else "plan_id"
        fields = [f for f in spec.fields if f.name != parent_field and f.kind.value not in ("ref", "refs")]
        for index, f in enumerate(fields):
            combo = QComboBox()
            combo.addItem(self.tr("(not imported)"), -1)
            for col, title in enumerate(headers):
                combo.addItem(title or self.tr("Column %1").replace("%1", str(col + 1)), col)
            combo.setCurrentIndex(combo.findData(mapping.get(f.name, -1)))
            combo.currentIndexChanged.connect(lambda *_: self.apply_button.setEnabled(False))
            self.combos[f.name] = combo
            self.mapping_grid.addWidget(QLabel(f.title), index // 3, (index % 3) * 2)
            self.mapping_grid.addWidget(combo, index // 3, (index % 3) * 2 + 1)
        self.summary.setText(self.tr("%1 rows found under the header on row %2.")
                             .replace("%1", str(len(self.table_data.rows)))
                             .replace("%2", str(self.table_data.header_row)))

    def mapping(self) -> dict[str, int]:
        """field name -> column index chosen by the user."""
        return {name: combo.currentData() for name, combo in self.combos.items() if combo.currentData() >= 0}

    def run_preview(self) -> None:
        """Check the mapped rows (nothing is written)."""
        if self.table_data is None or self.parent_row.currentData() is None:
            self.summary.setText(self.tr("Choose the sheet and the course or plan first."))
            return
        table, entity, mapping = self.table_data, self.entity.currentData(), self.mapping()
        parent_id, store = self.parent_row.currentData(), self.store
        self.preview_button.setEnabled(False)
        self.runner.start(lambda progress, cancel: service.preview_foreign(store, table, entity, mapping, parent_id),
                          lambda *_: None, self._on_preview, self._on_failed, lambda: None)

    def _on_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        self.model.beginResetModel()
        self.model.rows = preview.rows
        self.model.endResetModel()
        self.summary.setText(self.tr("New: %1, already present: %2, rejected: %3.")
                             .replace("%1", str(preview.counts[NEW]))
                             .replace("%2", str(preview.counts[UNCHANGED]))
                             .replace("%3", str(preview.counts[REJECTED])))
        self.preview_button.setEnabled(True)
        self.apply_button.setEnabled(preview.counts[NEW] > 0)

    def _on_failed(self, message: str) -> None:
        self.summary.setText(message)
        self.preview_button.setEnabled(True)

    def apply(self) -> None:
        """Add the new rows (rejected rows are left out) in one transaction."""
        if self.preview is None:
            return
        preview, store = self.preview, self.store
        self.apply_button.setEnabled(False)
        self.runner.start(lambda progress, cancel: service.apply_import(store, preview, allow_rejected=True),
                          lambda *_: None, self._on_applied, self._on_failed, lambda: None)

    def _on_applied(self, result: object) -> None:
        self.summary.setText(self.tr("Imported: %1 rows added.").replace("%1", str(getattr(result, "total", 0))))
        self.accept()

    def reject(self) -> None:
        """Close, waiting for a running job."""
        self.runner.wait()
        super().reject()



# -- export with progress --------------------------------------------------------------------------------------------
class ExportProgressDialog(QDialog):
    """Exports the plan (or an office's template) in a worker thread with a progress bar and a Stop button."""

    def __init__(self, parent: QWidget | None, store: Store, path: Path | str, office: str | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.result_value: service.ExportResult | None = None
        self.error = ""
        self.runner = _Runner(self)
        self.setWindowTitle(self.tr("Export Excel — %1").replace("%1", self.path.name))
        layout = QVBoxLayout(self)
        self.label = QLabel(self.tr("Writing the workbook…"))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.stop = QPushButton(self.tr("Stop"))
        self.stop.clicked.connect(self.runner.cancel)
        layout.addWidget(self.label)
        layout.addWidget(self.progress)
        layout.addWidget(self.stop)
        self.resize(420, 120)
        self.runner.start(lambda progress, cancel: service.export_workbook(store, self.path, office, progress, cancel),
                          self._on_progress, self._on_done, self._on_failed, self._on_cancelled)

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if label:
            self.label.setText(self.tr("Writing “%1”…").replace("%1", label))

    def _on_done(self, result: object) -> None:
        self.result_value = result  # type: ignore[assignment]
        self.accept()

    def _on_failed(self, message: str) -> None:
        self.error = message
        QMessageBox.warning(self, self.windowTitle(), message)
        self.reject()

    def _on_cancelled(self) -> None:
        self.error = self.tr("Stopped: no file was written.")
        self.reject()

    def reject(self) -> None:
        """Stop a running export (its partial file is removed) and close."""
        if self.runner.busy:
            self.runner.cancel()
            self.runner.wait()
        super().reject()
