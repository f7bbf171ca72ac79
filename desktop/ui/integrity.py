"""A big database is read through in the background once the window is up (services/opening decides which):
damage found is told at once, with what to do."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.services.opening import damage_in
from desktop.ui.background import BackgroundOp


def verify_in_background(window: QWidget, path: Path) -> BackgroundOp:
    """Start reading every page of the database at `path`; a damaged file is told in a message over `window`."""

    def work(_progress, _cancelled) -> str:  # noqa: ANN001
        return damage_in(path) or ""

    def done(problem: str) -> None:
        if problem:
            QMessageBox.critical(window, "SXTDBV", problem)

    job = BackgroundOp(window, work).quietly().success(done)
    job.run_in_background()
    return job
