"""GUI start (placeholder until the forms land): QApplication and a main window."""

from __future__ import annotations

import argparse


def run_gui(args: argparse.Namespace) -> int:
    """Open the main window on the database of `args`; with --smoke visit every page and exit."""
    import sys

    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    from desktop.commands.common import open_store

    store = open_store(args) if args.db.exists() or args.db_is_default else None
    app = QApplication.instance() or QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("SXTDBV")
    window.setCentralWidget(QLabel(f"Cơ sở dữ liệu: {args.db}"))
    window.show()
    if args.smoke:
        app.processEvents()
        print("smoke ok: 1 pages")
        return 0
    code = app.exec()
    if store:
        store.close()
    return code
