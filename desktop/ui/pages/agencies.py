"""Đơn vị: the editable list of agencies, with their kind, dates of validity and successors; official lists are
imported from Excel (with a preview), the list exported, and the bundled 2025 update applied on request."""

from __future__ import annotations

from pathlib import Path

from desktop.domain.entities import AGENCIES
from desktop.services import agencies
from desktop.store import StoreError
from desktop.ui import app_settings, theme
from desktop.ui.context import AppContext
from desktop.ui.models.columns import field_columns
from desktop.ui.pages.base import Page
from desktop.ui.widgets.list_panel import ListPanel, choice_filter

FIELDS = ["code", "name", "short_name", "kind", "valid_from", "valid_to", "successor_ids", "former_name", "renamed_on",
          "seq", "note"]
ENDED_COLOUR = theme.NEUTRAL  # ended agencies are greyed: kept for history, no longer offered for new rows


class AgenciesPage(Page):
    """Agencies are data, not code: districts ended in 2025, departments merged; history keeps the old ones."""

    key = "agencies"

    def __init__(self, ctx: AppContext, parent=None):
        super().__init__(ctx, parent)
        columns = field_columns(AGENCIES, ["code", "name", "short_name", "kind", "valid_from", "valid_to",
                                           "successor_ids", "note"])
        self.panel = ListPanel(ctx, "agencies", columns, FIELDS,
                               filters=[choice_filter("kind", self.tr("Kind"), "agencies")])
        self.panel.model.row_color = lambda row: theme.row_background(ENDED_COLOUR) if agencies.is_ended(row) else None
        self.outer.addWidget(self.panel, 1)
        self.set_heading(self.title())
        self.add_heading_button("import_list", self.tr("Import list from Excel…"), self.import_list)
        self.add_heading_button("export_list", self.tr("Export list…"), self.export_list)
        self.add_heading_button("apply_2025", self.tr("Apply the 2025 reorganisation…"), self.apply_2025)

    def title(self) -> str:
        """Sidebar name."""
        return self.tr("Agencies")

    def refresh(self) -> None:
        """Reload the list."""
        self.panel.reload()

    def import_list(self) -> None:
        """Choose an official agency list (.xlsx), see what it changes, import it."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from desktop.ui.agency_list_dialogs import AgencyListImportDialog

        folder = str(app_settings.get(app_settings.LAST_FOLDER) or "")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import list from Excel"), folder,
                                              self.tr("Excel workbook (*.xlsx);;All files (*)"))
        if not path:
            return
        dialog = AgencyListImportDialog(self.ctx.store, path, self)
        if dialog.error:
            QMessageBox.warning(self, dialog.windowTitle(), dialog.error)
            return
        if dialog.exec() and dialog.result_counts is not None:
            self._changed()

    def export_list(self) -> None:
        """Save the agency list (.xlsx) in the layout the import reads."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        folder = str(app_settings.get(app_settings.LAST_FOLDER) or "")
        name = str(Path(folder) / "danh-sach-don-vi.xlsx") if folder else "danh-sach-don-vi.xlsx"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export list"), name,
                                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            from desktop.services import agencies_lists  # reads and writes Excel: loaded when first used

            count = agencies_lists.export_agency_list(self.ctx.store, path)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Export list"), str(exc))
            return
        status_bar = getattr(self.window(), "statusBar", None)
        if status_bar is not None:
            status_bar().showMessage(
                self.tr("%1 agencies exported to %2.").replace("%1", str(count)).replace("%2", path), 8000)

    def apply_2025(self) -> None:
        """Show the bundled 2025 update with its legal sources; apply it if the user confirms."""
        from desktop.ui.agency_list_dialogs import ReferenceUpdateDialog

        if ReferenceUpdateDialog(self.ctx.store, self).exec():
            self._changed()

    def _changed(self) -> None:
        # Like an Excel import: undo steps recorded before the bulk change no longer apply to these rows.
        self.ctx.undo_stack.clear()
        self.ctx.forget("agencies")
        self.ctx.bus.notify("agencies")
        self.panel.reload()
