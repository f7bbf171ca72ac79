"""The Excel exchange dialogs, by their long-standing import path; each lives in its own module of
desktop/ui/exchange (see its package docstring)."""

from __future__ import annotations

from desktop.ui.exchange.changes import ChangeModel
from desktop.ui.exchange.export_dialog import ExportProgressDialog
from desktop.ui.exchange.import_preview import ImportPreviewDialog
from desktop.ui.exchange.list_import import ForeignListDialog, ListImportDialog

__all__ = ["ChangeModel", "ExportProgressDialog", "ForeignListDialog", "ImportPreviewDialog", "ListImportDialog"]
