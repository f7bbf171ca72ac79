"""The exchange dialogs' background work: one job at a time per dialog, run by the application's background helper
(desktop/ui/background.py: a pool thread, progress, cancel, the user's message on failure, callbacks on the GUI
thread). The dialogs show their own progress bar and Stop button, so no progress window is asked for."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from desktop.ui.background import BackgroundOp, Work


class Runner(QObject):
    """Starts a dialog's jobs and remembers the running one (to stop it, or wait for it when the dialog closes)."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self._widget = parent
        self.op: BackgroundOp | None = None

    def start(self, work: Work, on_progress: Callable[[int, int, str], None], on_done: Callable[[Any], None],
              on_failed: Callable[[str], None], on_cancelled: Callable[[], None]) -> None:
        """Run `work(progress, cancelled)` in the background; the callbacks run on the GUI thread."""
        self.op = (BackgroundOp(self._widget, work).on_progress(on_progress).success(on_done).failure(on_failed)
                   .on_cancelled(on_cancelled))
        self.op.run_in_background()

    @property
    def busy(self) -> bool:
        """True while a job runs (until its callback has run)."""
        return self.op is not None and self.op.running

    def cancel(self) -> None:
        """Ask the running job to stop at its next checkpoint."""
        if self.op is not None:
            self.op.cancel()

    def wait(self) -> None:
        """Wait for the running job to end (after a cancel, or for an import being written)."""
        if self.op is not None:
            self.op.wait()
