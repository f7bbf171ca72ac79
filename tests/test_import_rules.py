"""The headless layers import without Qt (the CLI and most tests run them on machines without a display)."""

import subprocess
import sys


def test_domain_store_services_cli_do_not_import_qt():
    code = (
        "import sys, desktop.domain, desktop.store, desktop.services.setup, desktop.services.summary, desktop.cli;"
        "import desktop.commands.basic;"
        "bad = sorted(m for m in sys.modules if m.startswith('PySide6'));"
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
