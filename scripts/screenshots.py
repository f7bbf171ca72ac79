"""Take a screenshot of every page of the main window (for the README and for looking at the UI).

Usage: xvfb-run -a .venv/bin/python scripts/screenshots.py DB OUT_DIR [--lang en]
"""

from __future__ import annotations

import sys
from pathlib import Path


def main() -> int:
    """Open the window on DB, show each page, save OUT_DIR/NN-key.png."""
    db, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    from desktop.app import create_application
    from desktop.services.setup import open_or_create
    from desktop.ui import app_settings

    app = create_application()
    if "--lang" in sys.argv:
        from desktop.ui.i18n import install_translators

        language = sys.argv[sys.argv.index("--lang") + 1]
        app_settings.put(app_settings.LANGUAGE, language)
        install_translators(app, language)
    from desktop.ui.main_window import MainWindow

    window = MainWindow(open_or_create(db))
    window.resize(1366, 800)
    window.show()
    for position, page in enumerate(window.pages):
        window.go_to(position)
        for _ in range(5):
            app.processEvents()
        window.grab().save(str(out / f"{position + 1:02d}-{page.key}.png"))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
