"""Screenshots of the main window as a user first sees it on a 1366×768 screen: every page, the preview of rows pasted
from Excel, the task outline (collapsed) and its quarter timeline. For the README and for looking at the UI.

Usage: xvfb-run -a -s '-screen 0 1366x768x24' .venv/bin/python scripts/screenshots.py DB OUT_DIR [--lang en]
(DB is created with the sample year when it does not exist.)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def _save(pixmap, path: Path) -> None:  # noqa: ANN001 - a QPixmap
    """Save as an RGB PNG at the highest compression (no alpha channel: the README's pictures stay small)."""
    from PySide6.QtGui import QImage

    image = pixmap.toImage().convertToFormat(QImage.Format.Format_RGB888)
    image.save(str(path), "PNG", 9)


def _settle(app, rounds: int = 6) -> None:  # noqa: ANN001
    for _ in range(rounds):
        app.processEvents()


def main() -> int:
    """Open the window on DB, show each page and the Excel-like views, save OUT_DIR/*.png."""
    import os

    os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="sxtdbv-shots-"))  # a first start
    db, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    from desktop.app import create_application
    from desktop.services import records
    from desktop.services.setup import init_database
    from desktop.store import Store
    from desktop.ui import app_settings

    app = create_application()
    if "--lang" in sys.argv:
        from desktop.ui.i18n import install_translators

        language = sys.argv[sys.argv.index("--lang") + 1]
        app_settings.put(app_settings.LANGUAGE, language)
        install_translators(app, language)
    from desktop.ui.main_window import MainWindow

    fresh = not db.exists()
    store = init_database(db) if fresh else Store.open(db)
    if fresh:
        from desktop.services.sample_data import fill_sample_data

        fill_sample_data(store, records.current_plan(store)["id"])
    window = MainWindow(store)
    window.show()
    _settle(app)

    def shot(name: str) -> None:
        _settle(app)
        _save(window.grab(), out / f"{name}.png")

    for position, key in enumerate(window.switcher.keys()):
        window.go_to(position)
        shot(f"{position + 1:02d}-{key}")

    tasks = window.page("tasks")
    window.go_to(window.switcher.keys().index("tasks"))
    contents = [r for r in tasks.panel.model.all_rows() if r.get("kind") == "content"]
    if contents:
        tasks.toggle(contents[-1]["id"])  # one item collapsed, the other open: the outline at a glance
    shot("tasks-outline")
    tasks.tabs.setCurrentIndex(1)
    shot("tasks-timeline")
    tasks.tabs.setCurrentIndex(0)

    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication

    from desktop.ui.widgets import list_actions

    window.go_to(window.switcher.keys().index("agencies"))
    agencies = window.page("agencies").panel
    QGuiApplication.clipboard().setText("Tên đơn vị\tMã đơn vị\tLoại đơn vị\n"
                                        "UBND xã Phước An\tXA_PA\tUBND xã, phường\n"
                                        "UBND xã Long Phước\tXA_LP\tUBND xã, phường\n"
                                        "Trung tâm Khuyến công\tTTKC\tSở, ban, ngành\n"
                                        "\tXA_TRONG\tUBND cấp xã\n")

    def grab_dialog() -> None:
        dialog = app.activeModalWidget()
        if dialog is not None:
            _settle(app)
            _save(dialog.grab(), out / "paste-preview.png")
            dialog.reject()

    QTimer.singleShot(300, grab_dialog)
    list_actions.paste_rows(agencies)
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
