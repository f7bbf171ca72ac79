"""Excel exchange services shared by the CLI and the GUI: export, import preview, apply. (Lists typed by offices in
their own layout: desktop/services/lists.py.)

Long operations take `progress(done, total, label)` and `cancel() -> bool` callbacks so that the GUI can run them in
a worker thread with a progress bar and a cancel button.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from desktop.domain.rows import Row
from desktop.exchange.apply import ApplyResult, apply_preview, log_refused, resolve_all, unresolved
from desktop.exchange.errors import ExchangeError
from desktop.exchange.merge import build_preview
from desktop.exchange.model import CONFLICT, MINE, THEIRS, ImportPreview
from desktop.exchange.reader import file_hash
from desktop.exchange.safety import require_defusedxml
from desktop.exchange.writer import ExportResult
from desktop.exchange.writer import export_workbook as _export
from desktop.services.backup import backup_before_import
from desktop.store import Store

Progress = Callable[[int, int, str], None]
Cancel = Callable[[], bool]

__all__ = ["ApplyResult", "ExportResult", "ImportPreview", "apply_import", "export_workbook", "import_report",
           "preview_import"]


def export_workbook(store: Store, path: Path | str, office: str | None = None, progress: Progress | None = None,
                    cancel: Cancel | None = None) -> ExportResult:
    """Export the whole plan (or the template of `office`) to the .xlsx file at `path`."""
    return _export(store, path, office=office, progress=progress, cancel=cancel)


def preview_import(store: Store, path: Path | str, progress: Progress | None = None,
                   cancel: Cancel | None = None) -> ImportPreview:
    """Read and check the workbook and say what importing it would do; writes nothing. ExchangeError refuses it."""
    require_defusedxml()
    return build_preview(store, path, progress=progress, cancel=cancel)


def apply_import(store: Store, preview: ImportPreview, resolutions: Mapping[str, str] | str | None = None,
                 *, allow_rejected: bool = False) -> ApplyResult:
    """Apply a preview in one transaction (after a backup). `resolutions` is "mine"/"theirs" for every conflict, or a
    mapping from RowChange.key to "mine"/"theirs"."""
    if isinstance(resolutions, str):
        resolve_all(preview, resolutions)
    elif resolutions:
        for change in preview.conflicts:
            choice = resolutions.get(change.key)
            if choice in (MINE, THEIRS):
                change.resolution = choice
    return apply_preview(store, preview, allow_rejected=allow_rejected, backup=backup_before_import)


def import_report(store: Store, path: Path | str, *, dry_run: bool = False, resolve: str | None = None) -> Row:
    """Import one file as the CLI does and return its JSON report:
    {"file", "status": applied|dry-run|refused|no-changes, "counts", "errors", "rows"} plus "message"/"warnings"."""
    path = Path(path)
    report: dict[str, Any] = {"file": str(path), "status": "refused", "counts": {}, "errors": [], "rows": []}
    preview = None
    try:
        preview = preview_import(store, path)
        report["counts"] = dict(preview.counts)
        report["errors"] = [e.as_dict() for e in preview.errors]
        report["rows"] = [r.as_dict() for r in preview.rows]
        report["warnings"] = preview.warnings + preview.notes
        report["office"] = preview.acting_office
        if resolve:
            resolve_all(preview, resolve)
        problems = []
        if preview.errors:
            problems.append(f"{len(preview.errors)} lỗi")
        if preview.counts["rejected"]:
            problems.append(f"{preview.counts['rejected']} dòng bị từ chối")
        if unresolved(preview):
            problems.append(f"{len(unresolved(preview))} dòng xung đột chưa giải quyết (dùng --resolve mine|theirs)")
        if problems:
            report["message"] = "Không nhập: " + ", ".join(problems) + "."
            if not dry_run:
                _log_refused_quietly(store, preview, path, preview.file_hash, report["message"])
            return report
        if dry_run:
            report["status"] = "dry-run"
            return report
        if not preview.has_changes:
            apply_preview(store, preview, backup=backup_before_import)
            report["status"] = "no-changes"
            return report
        result = apply_preview(store, preview, backup=backup_before_import)
        report["status"] = "applied"
        report["written"] = result.written
        report["backup"] = str(result.backup) if result.backup else ""
        for row in report["rows"]:
            if row["status"] == CONFLICT:
                row["resolution"] = resolve
    except ExchangeError as exc:
        report["message"] = str(exc)
        if not report["errors"]:
            report["errors"] = [{"sheet": "", "row": 0, "column": "", "message": str(exc)}]
        if not dry_run and path.is_file():
            try:
                _log_refused_quietly(store, preview, path, file_hash(path), str(exc))
            except OSError:
                pass
    return report


def _log_refused_quietly(store: Store, preview: ImportPreview | None, path: Path, digest: str, message: str) -> None:
    """Record a refused import; a database that cannot take the record (read-only) does not hide the refusal."""
    try:
        log_refused(store, preview, path, digest, message)
    except sqlite3.Error:
        pass
