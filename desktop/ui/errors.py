"""The GUI's last line of defence: an unexpected exception shows a short message and goes to a rotating log file in the
data folder (sxtdbv.log, kept to a few hundred kilobytes), and the application keeps running.

    reporter = install_excepthook(lambda: main_window)   # once, after the QApplication exists

PySide6 hands exceptions raised in slots and event handlers to sys.excepthook, so replacing it is enough; exceptions in
other threads (threading.excepthook) are logged there and their message is shown by the GUI thread.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QWidget

from desktop.paths import data_dir

LOG_FILE_NAME = "sxtdbv.log"
LOG_MAX_BYTES = 512 * 1024
LOG_BACKUPS = 3
_REPEAT_SECONDS = 3.0  # the same error again within this time is logged without another dialog
_LOGGER_NAME = "sxtdbv.errors"

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def error_log_path() -> Path:
    """The error log file in the per-user data folder."""
    return data_dir() / LOG_FILE_NAME


def error_logger() -> logging.Logger:
    """The logger writing to the rotating error log (configured on first use; the folder is created if missing)."""
    import logging.handlers  # pickle, socket, queue...: ~5 ms the start-up does not need before the first error

    logger = logging.getLogger(_LOGGER_NAME)
    path = error_log_path()
    current = [h for h in logger.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]
    if current and Path(current[0].baseFilename) == path.resolve():
        return logger
    for handler in current:
        logger.removeHandler(handler)
        handler.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS,
                                                   encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    return logger


def log_exception(info: ExcInfo) -> Path | None:
    """Write the traceback of `info` to the error log; returns the log's path, or None when it cannot be written."""
    details = "".join(traceback.format_exception(*info))
    try:
        logger = error_logger()
        logger.error("Unexpected error\n%s", details.rstrip())
        for handler in logger.handlers:
            handler.flush()
    except OSError:
        if sys.stderr is not None:  # None in the windowed exe (no console): the dialog is all there is
            sys.stderr.write(details)
        return None
    return error_log_path()


class ErrorReporter(QObject):
    """Shows the message of unexpected errors in the GUI thread; created by `install_excepthook`."""

    _report = Signal(str, str, str)

    def __init__(self, parent_getter: Callable[[], QWidget | None]):
        super().__init__()
        self.parent_getter = parent_getter
        self.previous_hook = sys.excepthook
        self.previous_thread_hook = threading.excepthook
        self.showing = False
        self.last: tuple[str, float] = ("", 0.0)
        self.shown = 0  # how many dialogs were shown (tests read it)
        self._report.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def handle(self, kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        """sys.excepthook: log the exception and tell the user briefly; Ctrl+C keeps its usual meaning."""
        from PySide6.QtCore import QThread

        if issubclass(kind, KeyboardInterrupt):
            self.previous_hook(kind, value, tb)
            return
        log = log_exception((kind, value, tb))
        summary = str(value).strip() or kind.__name__
        details = "".join(traceback.format_exception(kind, value, tb))
        app = QApplication.instance()
        if app is not None and QThread.currentThread() == app.thread():
            self._show(summary, details, str(log) if log else "")
        else:
            self._report.emit(summary, details, str(log) if log else "")

    def handle_thread(self, args: threading.ExceptHookArgs) -> None:
        """threading.excepthook: the same, from a Python thread."""
        if args.exc_value is None:
            return
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _show(self, summary: str, details: str, log: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        now = time.monotonic()
        repeated = self.last[0] == summary and now - self.last[1] < _REPEAT_SECONDS
        self.last = (summary, now)
        if self.showing or repeated:
            return  # one dialog at a time; a burst of the same error is only logged
        self.showing = True
        try:
            box = QMessageBox(self._parent())
            box.setIcon(QMessageBox.Icon.Warning)
            # Literal QCoreApplication.translate calls so that lupdate files them under the "Errors" context.
            box.setWindowTitle(QCoreApplication.translate("Errors", "Unexpected error"))
            box.setText(QCoreApplication.translate("Errors", "Something went wrong: %1").replace("%1", summary[:300]))
            if log:
                info = QCoreApplication.translate(
                    "Errors", "The program keeps running and the data already saved is safe. "
                    "The details were written to %1.").replace("%1", log)
            else:
                info = QCoreApplication.translate(
                    "Errors", "The program keeps running and the data already saved is safe. "
                    "The details could not be written to the log file.")
            box.setInformativeText(info)
            box.setDetailedText(details)
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            self.shown += 1
            box.exec()
        finally:
            self.showing = False

    def _parent(self) -> QWidget | None:
        try:
            parent = self.parent_getter()
        except Exception:  # noqa: BLE001 - the window may be half-built or gone; the dialog then has no parent
            return None
        return parent if isinstance(parent, QWidget) else None

    def uninstall(self) -> None:
        """Put the previous hooks back."""
        if sys.excepthook == self.handle:
            sys.excepthook = self.previous_hook
        if threading.excepthook == self.handle_thread:
            threading.excepthook = self.previous_thread_hook


def install_excepthook(parent_getter: Callable[[], QWidget | None]) -> ErrorReporter:
    """Route unexpected exceptions to the log and a short dialog over the window `parent_getter()` returns.

    Call once after the QApplication exists; keep the returned reporter (its uninstall() restores the old hooks).
    """
    reporter = ErrorReporter(parent_getter)
    sys.excepthook = reporter.handle
    threading.excepthook = reporter.handle_thread
    return reporter
