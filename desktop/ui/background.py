"""One way to run long work off the GUI thread (like Anki's CollectionOp): progress, cancel, busy window, callbacks.

    from desktop.ui.background import BackgroundOp

    def work(progress, cancelled):                      # runs in a worker thread: no widgets here
        for done, item in enumerate(items):
            if cancelled():                             # or call check_cancelled(cancelled) to raise Cancelled
                raise Cancelled
            progress(done, len(items), item.name)
            ...
        return result

    BackgroundOp(window, work) \\
        .with_progress(window.tr("Writing the workbook…")) \\
        .success(lambda result: window.statusBar().showMessage("…")) \\
        .failure(lambda message: QMessageBox.warning(window, "…", message)) \\
        .run_in_background()

`work(progress, cancelled)` has the signature the services' long functions already take (export_workbook,
preview_import…), so they are passed as they are. While it runs the window is busy: a wait cursor, and its menu and
toolbar actions disabled (a second import cannot start over the first). The callbacks run on the GUI thread.

Failures reach the user as a sentence, never as raw exception text: the errors the program raises on purpose (a refused
workbook, a database that cannot be written, a refused row) carry a Vietnamese message and it is shown as it is;
anything else is logged with its traceback in the error log and the user reads a short apology. A cancelled job
(Cancelled, or the exchange's ExchangeCancelled) calls the `cancelled` callback, not the failure one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

Progress = Callable[[int, int, str], None]
IsCancelled = Callable[[], bool]
Work = Callable[[Progress, IsCancelled], Any]


class Cancelled(Exception):
    """Raised by a job that noticed it was asked to stop; nothing it did should remain."""


def check_cancelled(cancelled: IsCancelled) -> None:
    """Raise Cancelled when the user asked the job to stop (a checkpoint for loops)."""
    if cancelled():
        raise Cancelled


def _is_cancel(exc: BaseException) -> bool:
    if isinstance(exc, Cancelled):
        return True
    from desktop.exchange.errors import ExchangeCancelled

    return isinstance(exc, ExchangeCancelled)


def user_message(exc: BaseException) -> str:
    """What the user reads for `exc`: the message of an error raised on purpose, else a short apology (logged)."""
    from desktop.domain.errors import ValidationError
    from desktop.exchange.errors import ExchangeError
    from desktop.store import StoreError

    if isinstance(exc, (StoreError, ExchangeError, ValidationError)) and str(exc):
        return str(exc)
    from desktop.ui.errors import log_exception

    log = log_exception((type(exc), exc, exc.__traceback__))
    text = QCoreApplication.translate("BackgroundOp", "The work stopped on an unexpected error; nothing was lost.")
    if log is not None:
        text += " " + QCoreApplication.translate("BackgroundOp", "The details are in %1.").replace("%1", str(log))
    return text


class _Signals(QObject):
    """Carries the worker's news to the GUI thread (queued connections: the receiver lives in the GUI thread)."""

    progress = Signal(int, int, str)
    finished = Signal(str, object)  # outcome ("ok", "failed", "cancelled"), result or exception


def _run(work: Work, signals: _Signals, stop: threading.Event, done: threading.Event) -> None:
    """Run the work in a pool thread and report how it ended (the pool is given this plain function, so no
    QRunnable wrapper's lifetime has to be managed across threads)."""
    try:
        result = work(lambda d, t, label="": signals.progress.emit(int(d), int(t), str(label)), stop.is_set)
    except BaseException as exc:  # noqa: BLE001 - every ending is reported to the GUI thread
        outcome, result = ("cancelled" if _is_cancel(exc) else "failed"), exc
    else:
        outcome = "ok"
    done.set()
    signals.finished.emit(outcome, result)


_RUNNING: set[BackgroundOp] = set()  # keeps running operations (and their Python callbacks) alive


class BackgroundOp(QObject):
    """One long operation of a window; build it with the chainable methods, then `run_in_background()`."""

    def __init__(self, parent: QWidget, work: Work):
        super().__init__(parent)
        self._parent_widget = parent
        self._work = work
        self._on_success: Callable[[Any], None] | None = None
        self._on_failure: Callable[[str], None] | None = None
        self._on_cancelled: Callable[[], None] | None = None
        self._on_progress: Progress | None = None
        self._progress_label = ""
        self._dialog: QProgressDialog | None = None
        self._stop = threading.Event()
        self._done = threading.Event()
        self._disabled: list[QAction] = []
        self._busy = True
        self.outcome = ""  # "ok", "failed" or "cancelled" once finished
        self.message = ""  # the user's message of a failure

    # -- building ----------------------------------------------------------------------------------------------------
    def success(self, callback: Callable[[Any], None]) -> BackgroundOp:
        """Call `callback(result)` on the GUI thread when the work returns."""
        self._on_success = callback
        return self

    def failure(self, callback: Callable[[str], None]) -> BackgroundOp:
        """Call `callback(message)` with the user's message when the work fails (default: a warning box)."""
        self._on_failure = callback
        return self

    def on_cancelled(self, callback: Callable[[], None]) -> BackgroundOp:
        """Call `callback()` when the work stopped because it was cancelled."""
        self._on_cancelled = callback
        return self

    def on_progress(self, callback: Progress) -> BackgroundOp:
        """Call `callback(done, total, label)` on the GUI thread for each progress report."""
        self._on_progress = callback
        return self

    def quietly(self) -> BackgroundOp:
        """Leave the window usable meanwhile (no wait cursor, commands stay enabled): for work the user did not
        ask for and need not wait on, such as figures refreshed beside the page."""
        self._busy = False
        return self

    def with_progress(self, label: str) -> BackgroundOp:
        """Show a progress dialog with `label` and a Cancel button (after half a second, so quick work flashes
        nothing)."""
        self._progress_label = label
        return self

    # -- running -----------------------------------------------------------------------------------------------------
    def run_in_background(self) -> BackgroundOp:
        """Start the work in Qt's thread pool; the window is busy until it ends."""
        self._set_busy(True)
        if self._progress_label:
            dialog = QProgressDialog(self._progress_label, self.tr("Cancel"), 0, 0, self._parent_widget)
            dialog.setObjectName("background_progress")
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(500)
            dialog.setAutoClose(False)
            dialog.setAutoReset(False)
            dialog.canceled.connect(self.cancel)
            dialog.setValue(0)  # starts the dialog's timer: it shows itself once the work has lasted half a second
            self._dialog = dialog
        # The signals object belongs to the application, not to this operation: the worker may hold it after the
        # window closed, and Python must never delete it from the worker thread. It goes with deleteLater once the
        # work ended; a window closed meanwhile tells the work to stop.
        signals = _Signals(QCoreApplication.instance())
        signals.progress.connect(self._progress)
        signals.finished.connect(self._finished)
        signals.finished.connect(signals.deleteLater)
        stop, done, work = self._stop, self._done, self._work
        self.destroyed.connect(lambda *_: stop.set())
        _RUNNING.add(self)
        QThreadPool.globalInstance().start(lambda: _run(work, signals, stop, done))
        return self

    def cancel(self) -> None:
        """Ask the work to stop at its next checkpoint (it polls `cancelled()`)."""
        self._stop.set()
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("Stopping…"))

    @property
    def running(self) -> bool:
        """True until the work has ended and its callbacks have run."""
        return self in _RUNNING

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until the work ends and its callbacks have run (for closing a dialog, and for tests)."""
        if not self._done.wait(timeout_ms / 1000):
            return False
        while self.running:
            QCoreApplication.sendPostedEvents(self)
            QCoreApplication.processEvents()
        return True

    # -- on the GUI thread -----------------------------------------------------------------------------------------
    @Slot(int, int, str)
    def _progress(self, done: int, total: int, label: str) -> None:
        if self._dialog is not None and not self._stop.is_set():
            self._dialog.setMaximum(max(total, 0))
            self._dialog.setValue(min(done, total) if total else 0)
            if label:
                self._dialog.setLabelText(f"{self._progress_label}\n{label}")
        if self._on_progress is not None:
            self._on_progress(done, total, label)

    @Slot(str, object)
    def _finished(self, outcome: str, result: object) -> None:
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
        self._set_busy(False)
        _RUNNING.discard(self)
        self.outcome = outcome
        # The operation itself stays a child of its window (a deleteLater here crashed PySide6 6.11 when the
        # exception that ended the work still referenced the worker's frame): one small QObject per long job.
        if outcome == "ok":
            if self._on_success is not None:
                self._on_success(result)
        elif outcome == "cancelled":
            if self._on_cancelled is not None:
                self._on_cancelled()
        else:
            self.message = user_message(result)  # type: ignore[arg-type]
            if self._on_failure is not None:
                self._on_failure(self.message)
            else:
                QMessageBox.warning(self._parent_widget, QGuiApplication.applicationDisplayName(), self.message)

    def _set_busy(self, busy: bool) -> None:
        if not self._busy:
            return
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            window = self._parent_widget.window()
            # The window's own menu and toolbar commands; a dialog's buttons are the dialog's business.
            self._disabled = [a for a in window.findChildren(QAction) if a.isEnabled() and not a.isSeparator()
                              and a.menu() is None and a.objectName() != "quit"]
            for action in self._disabled:
                action.setEnabled(False)
        else:
            QApplication.restoreOverrideCursor()
            for action in self._disabled:
                action.setEnabled(True)
            self._disabled = []


def on_own_connection(path: Any, compute: Callable[[Any], Any]) -> Callable[[Any, Any], Any]:
    """A BackgroundOp work function running `compute(store)` on a read-only connection of its own to the database
    at `path`, so that the window's connection stays free for the user meanwhile."""

    def work(_progress: Any, _cancelled: Any) -> Any:
        from desktop.services.opening import open_for_reading

        store = open_for_reading(path)
        try:
            return compute(store)
        finally:
            store.close()

    return work
