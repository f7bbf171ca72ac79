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
    from PySide6.QtWidgets import QApplication

    from desktop import APP_NAME, ORGANIZATION_NAME, __version__
    from desktop.ui import app_settings
    from desktop.ui.fonts import ensure_vietnamese_font
    from desktop.ui.i18n import install_translators

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    ensure_vietnamese_font(app)
    install_translators(app, str(app_settings.get(app_settings.LANGUAGE)))
    return app


def run_gui(args: argparse.Namespace) -> int:
    """Open the main window on the database of `args` (created and seeded if it does not exist yet).

    With --smoke, visit every page, print "smoke ok: N pages" and exit 0.
    """
    import os

    from desktop.services.setup import open_or_create
    from desktop.store import StoreError

    if not _has_display():
        if not args.smoke:
            print("Lỗi: không có màn hình để mở cửa sổ (DISPLAY chưa đặt). Dùng các lệnh dòng lệnh, xem sxtdbv --help.",
                  file=sys.stderr)
            return 1
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QMessageBox

    app = create_application()
    try:
        store = open_or_create(args.db)
    except StoreError as exc:
        if args.smoke:
            raise
        QMessageBox.critical(None, "SXTDBV", str(exc))
        return 1

    from desktop.ui.main_window import MainWindow

    window = MainWindow(store)
    window.show()
    if args.smoke:
        for position in range(len(window.pages)):
            window.go_to(position)
            app.processEvents()
        print(f"smoke ok: {len(window.pages)} pages")
        window.close()
        store.close()
        return 0
    code = app.exec()
    store.close()
    return code
