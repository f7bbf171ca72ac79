"""Runs one exchange service call in a worker thread, so that the window never freezes: progress, cancel, and the
result or a Vietnamese message back on the GUI thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop.exchange.errors import ExchangeCancelled, ExchangeError

Work = Callable[[Callable[[int, int, str], None], Callable[[], bool]], object]


class Job(QObject):
    """One service call `work(progress, cancelled)`: reports progress, the result or an error message."""

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, work: Work):
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
            logging.getLogger("sxtdbv.errors").exception("exchange job failed")
            self.failed.emit(str(exc))
        else:
            self.succeeded.emit(result)


class _Relay(QObject):
    """Lives in the GUI thread and calls the callbacks there: a job's signals connected straight to plain functions
    (lambdas) would run them in the worker thread, touching widgets from it."""

    def __init__(self, parent: QObject, on_progress: Callable, on_done: Callable, on_failed: Callable,
                 on_cancelled: Callable):
        super().__init__(parent)
        self._callbacks = (on_progress, on_done, on_failed, on_cancelled)

    @Slot(int, int, str)
    def progress(self, done: int, total: int, label: str) -> None:
        """Forward progress."""
        self._callbacks[0](done, total, label)

    @Slot(object)
    def done(self, result: object) -> None:
        """Forward the result."""
        self._callbacks[1](result)

    @Slot(str)
    def failed(self, message: str) -> None:
        """Forward the error message."""
        self._callbacks[2](message)

    @Slot()
    def cancelled(self) -> None:
        """Forward the cancellation."""
        self._callbacks[3]()


class Runner(QObject):
    """Owns the worker thread of one job at a time and forwards its signals."""

    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.thread: QThread | None = None
        self.job: Job | None = None

    def start(self, work: Work, on_progress: Callable, on_done: Callable, on_failed: Callable,
              on_cancelled: Callable) -> None:
        """Start `work(progress, cancelled)` in a new thread; the callbacks run in the GUI thread."""
        self.thread = QThread(self)
        self.job = Job(work)
        self.job.moveToThread(self.thread)
        # The job's end reaches the dialog before its thread has stopped: wait for the thread first, or a dialog that
        # closes on it leaves a running QThread to be destroyed (Qt aborts the program: "Destroyed while running").
        relay = _Relay(self.thread, on_progress, *(self._after_thread(c) for c in (on_done, on_failed, on_cancelled)))
        self.thread.started.connect(self.job.run)
        self.job.progress.connect(relay.progress)
        for signal, slot in ((self.job.succeeded, relay.done), (self.job.failed, relay.failed),
                             (self.job.cancelled, relay.cancelled)):
            signal.connect(slot)
            signal.connect(self.thread.quit)
        self.thread.start()

    def _after_thread(self, callback: Callable) -> Callable:
        def call(*args: object) -> None:
            self.wait()
            callback(*args)

        return call

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
