"""GUI start: QApplication, fonts, translations, the database and the main window."""

from __future__ import annotations

import argparse
import sys


def _has_display() -> bool:
    import os

    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


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


# Harmless notices of the offscreen platform (used for --smoke and tests) that would only alarm a reader.
_SILENCED = ("This plugin does not support propagateSizeHints()",)


def _qt_message(mode, context, message: str) -> None:  # noqa: ANN001
    if message in _SILENCED:
        return
    print(message, file=sys.stderr)


def run_gui(args: argparse.Namespace) -> int:
    """Open the main window on the database of `args` (created and seeded if it does not exist yet).

    With --smoke, visit every page, print "smoke ok: N pages" and exit 0.
    """
    import os

    from desktop.services.setup import open_or_create
    from desktop.store import Store, StoreError

    if not _has_display():
        if not args.smoke:
            print("Lỗi: không có màn hình để mở cửa sổ (DISPLAY chưa đặt). Dùng các lệnh dòng lệnh, xem sxtdbv --help.",
                  file=sys.stderr)
            return 1
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QMessageBox

    from desktop.store.lock import acquire_or_explain, make_read_only

    app = create_application()
    try:
        # One writer per database: a second window on the same file opens it read-only and says so.
        lock = acquire_or_explain(args.db, read_only_fallback=True)
        # The read-only fallback opens the existing file and never creates one.
        store = Store.open(args.db) if lock.read_only else open_or_create(args.db)
        if lock.read_only:
            make_read_only(store)
    except StoreError as exc:
        if args.smoke:
            raise
        QMessageBox.critical(None, "SXTDBV", str(exc))
        return 1

    from desktop.ui.errors import install_excepthook
    from desktop.ui.main_window import MainWindow

    window = MainWindow(store, lock=lock, read_only_message=lock.message)
    reporter = install_excepthook(lambda: window)
    window.show()
    if lock.read_only and not args.smoke:
        QMessageBox.warning(window, "SXTDBV", lock.message)
    elif not args.smoke:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(1500, lambda: _daily_backup(window))
    if args.smoke:
        for position in range(len(window.pages)):
            window.go_to(position)
            app.processEvents()
        print(f"smoke ok: {len(window.pages)} pages")
        window.close()
        reporter.uninstall()
        store.close()
        lock.release()
        return 0
    code = app.exec()
    reporter.uninstall()
    window.ctx.store.close()
    if window.lock is not None:
        window.lock.release()
    return code


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
