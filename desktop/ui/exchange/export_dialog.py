"""The export of the plan (or an office's template) in a worker thread, with a progress bar and a Stop button."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QProgressBar, QPushButton, QVBoxLayout, QWidget

from desktop.services import exchange as service
from desktop.store import Store
from desktop.ui.exchange.worker import Runner


class ExportProgressDialog(QDialog):
    """Exports the plan (or an office's template) in a worker thread with a progress bar and a Stop button."""

    def __init__(self, parent: QWidget | None, store: Store, path: Path | str, office: str | None = None):
        super().__init__(parent)
        self.path = Path(path)
        self.result_value: service.ExportResult | None = None
        self.error = ""
        self.runner = Runner(self)
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
