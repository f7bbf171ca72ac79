"""GUI start: QApplication, fonts, translations, the database and the main window."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from typing import NoReturn


def create_application():  # noqa: ANN201 - returns QApplication; PySide6 is imported lazily
    """The QApplication with names (for QSettings and QStandardPaths), fonts and translations installed."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from desktop import APP_NAME, ORGANIZATION_NAME, __version__
    from desktop.ui import app_settings
    from desktop.ui.fonts import ensure_vietnamese_font
    from desktop.ui.i18n import install_translators

    qInstallMessageHandler(_qt_message)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    ensure_vietnamese_font(app)
    install_translators(app, str(app_settings.get(app_settings.LANGUAGE)))
    return app


def restore_python_import() -> None:
    """Put Python's own `__import__` back where importing PySide6 replaced it by `builtins.__feature_import__`.

    PySide's replacement serves only `from __feature__ import snake_case, true_property`, which this program does not
    use; on the way it runs Python code at every import statement and reads the source of every module imported after
    Qt (inspect.getsource, looking for "PySide6"): ~15 ms of each start-up, measured with the start-up check, and more
    at each first opening of a dialog. PySide keeps the original as `builtins.__orig_import__` (its documented names);
    an import hook installed by anyone else is left alone.
    """
    import builtins

    original = getattr(builtins, "__orig_import__", None)
    if original is not None and builtins.__import__ is getattr(builtins, "__feature_import__", None):
        builtins.__import__ = original


# Harmless notices of the offscreen platform (used for --smoke and tests) that would only alarm a reader.
_SILENCED = ("This plugin does not support propagateSizeHints()",)


def _qt_message(mode, context, message: str) -> None:  # noqa: ANN001
    if message in _SILENCED or sys.stderr is None:  # the windowed exe has no stderr at all
        return
    print(message, file=sys.stderr)


def run_gui(args: argparse.Namespace) -> int:
    """Open the main window on the database of `args` (the default one is created and seeded on the first start).

    With --smoke, visit every page, print "smoke ok: N pages" and exit 0. Once the window has been shown the process
    ends in `end_process`; the exit status is returned only when the window could not open (no display, a database
    that cannot be opened).
    """
    # Start-up creates ~30,000 objects (modules, classes, Qt wrappers, the pages) that live as long as the window: the
    # cyclic collector would walk them ~70 times while starting (8 ms measured) and again at every later pass and at
    # exit. It is paused until the window is up, and what exists then is frozen out of later collections (gc.freeze).
    gc.disable()
    try:
        return _run_gui(args)
    finally:
        gc.enable()


def _run_gui(args: argparse.Namespace) -> int:
    from desktop.display import use_offscreen_if_headless
    from desktop.services.opening import open_for_window
    from desktop.store import StoreError

    if use_offscreen_if_headless() and not args.smoke:
        del os.environ["QT_QPA_PLATFORM"]
        print("Lỗi: không có màn hình để mở cửa sổ (DISPLAY chưa đặt). Dùng các lệnh dòng lệnh, xem sxtdbv --help.",
              file=sys.stderr)
        return 1
    import PySide6.QtWidgets  # noqa: F401 - the first import of Qt, after which Python's own import is put back

    restore_python_import()
    app = create_application()
    try:
        # One writer per database: a second window on the same file (or a file on read-only media) opens read-only
        # and says so; the default database is created on the first start.
        opened = open_for_window(args.db, is_default=bool(getattr(args, "db_is_default", False)))
    except StoreError as exc:
        if args.smoke:
            raise
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "SXTDBV", str(exc))
        return 1

    from desktop.ui.errors import install_excepthook
    from desktop.ui.main_window import MainWindow

    store, lock = opened.store, opened.lock
    window = MainWindow(store, lock=lock, read_only_message=opened.reason)
    window.remember_state = not args.smoke
    retry = None
    if opened.held_elsewhere:  # another window writes it: offer to try again later
        from desktop.ui.read_only import ReadOnlyRetry

        retry = ReadOnlyRetry(window, args.db)
    reporter = install_excepthook(lambda: window)
    window.show()
    gc.freeze()
    gc.enable()
    if not args.smoke:
        _tell_about_opening(window, opened, retry)
    if not opened.read_only and not args.smoke:
        from PySide6.QtCore import QTimer

        if opened.verify_later:
            from desktop.ui.integrity import verify_in_background

            window.integrity_check = verify_in_background(window, args.db)
        QTimer.singleShot(1500, lambda: _daily_backup(window))
    if args.smoke:
        for position in range(len(window.pages)):
            window.go_to(position)
            app.processEvents()
        print(f"smoke ok: {len(window.pages)} pages")
        window.close()
        code = 0
    else:
        code = app.exec()
    reporter.uninstall()
    window.ctx.store.close()
    if window.lock is not None:
        window.lock.release()
    end_process(code)


def _tell_about_opening(window, opened, retry) -> None:  # noqa: ANN001 - Qt objects, imported lazily
    """Say once what opening the database did (created, moved, backed up before an upgrade) and why it is read-only."""
    from PySide6.QtWidgets import QMessageBox

    if opened.notes:
        QMessageBox.information(window, "SXTDBV", "\n\n".join(opened.notes))
    if opened.read_only:
        if retry is not None:
            retry.explain(opened.reason)
        else:
            QMessageBox.warning(window, "SXTDBV", opened.reason)


def end_process(code: int) -> NoReturn:
    """End the program once the window is closed, with what must outlast it written: the settings, the error log,
    the temporary folder removed (the database and its lock are closed by the caller).

    Python's own teardown would then destroy the ~30,000 objects and the Qt widget tree one by one: ~15 ms of every
    run (measured with the start-up check) that writes nothing, and where PySide programs are known to crash when
    Qt objects outlive the Python modules they need. So the process ends here, as a fast shutdown.
    """
    import logging

    from desktop.store import tempfiles
    from desktop.ui import app_settings

    app_settings.forget()  # syncs the settings file
    logging.shutdown()
    tempfiles.finish()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:  # the windowed Windows program has no console streams
            stream.flush()
    os._exit(code)


def _daily_backup(window) -> None:  # noqa: ANN001
    """The first start of each day backs the database up (after the window is up, so start-up stays quick)."""
    from desktop.services.backup import daily_backup_if_due
    from desktop.store import StoreError

    try:
        path = daily_backup_if_due(window.ctx.store)
    except StoreError as exc:
        window.statusBar().showMessage(str(exc), 10000)
        return
    if path:
        from PySide6.QtCore import QCoreApplication

        text = QCoreApplication.translate("MainWindow", "Daily backup made: %1").replace("%1", str(path))
        window.statusBar().showMessage(text, 8000)
