"""The main window: the rooms around it (commands in main_actions, pages in page_switcher, the status bar in
status_area) put together, and the slots of its commands (database, plan year, Excel, printing, backups)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QMainWindow

from desktop import APP_DISPLAY_NAME, __version__
from desktop.services import records
from desktop.store import Store, StoreError
from desktop.ui import app_settings
from desktop.ui.bus import DataBus
from desktop.ui.context import AppContext, set_plan_year
from desktop.ui.main_actions import create_actions, create_menus_and_toolbar, make_action
from desktop.ui.page_switcher import PageSwitcher
from desktop.ui.status_area import StatusArea

DEFAULT_SIZE = (1280, 800)


def fit_to_screen(window: QMainWindow, available: QRect) -> None:
    """Give a window without remembered geometry a size that fits the screen's free area (a 1366×768 screen less
    its taskbar shows the whole window, status bar included) and centre it there."""
    frame = window.frameGeometry().size() - window.geometry().size()
    extra_w, extra_h = max(frame.width(), 0), max(frame.height(), 30)  # 30: a title bar not yet decorated
    width = min(DEFAULT_SIZE[0], available.width() - extra_w)
    height = min(DEFAULT_SIZE[1], available.height() - extra_h)
    window.resize(width, height)
    window.move(available.x() + (available.width() - width - extra_w) // 2,
                available.y() + (available.height() - height - extra_h) // 2)


class MainWindow(QMainWindow):
    """The application window over one open Store. Every edit is saved at once in its own transaction."""

    def __init__(self, store: Store, parent=None, *, lock=None, read_only_message: str = ""):
        super().__init__(parent)
        self.lock = lock
        self.read_only_message = read_only_message
        self.remember_state = True  # size, toolbar and last page are saved on closing (not by a --smoke check)
        self.bus = DataBus(self)
        self.undo_stack = QUndoStack(self)
        plan = records.current_plan(store)
        self.ctx = AppContext(store, self.bus, self.undo_stack, plan["id"] if plan else None)
        self.setObjectName("main_window")
        self.setWindowTitle(APP_DISPLAY_NAME)

        self.switcher = PageSwitcher(self.ctx)
        self.sidebar = self.switcher.sidebar
        self.stack = self.switcher.stack
        self.switcher.page_built.connect(self._page_built)
        self.setCentralWidget(self.switcher)
        # The application's palette signal rather than a changeEvent override: a Python changeEvent is handed every
        # change event as a plain QEvent, and converting the first one makes PySide build the Python types of all
        # ~50 event classes (~3 ms of the start-up).
        QApplication.instance().paletteChanged.connect(self._palette_changed)

        create_actions(self)
        create_menus_and_toolbar(self)
        self.status = StatusArea(self.statusBar())
        self.db_label, self.saved_label = self.status.db_label, self.status.saved_label
        self.bus.changed.connect(self._on_data_changed)
        self.plan_combo.currentIndexChanged.connect(self._plan_chosen)
        self._fill_plan_combo()
        self._plan_year_for_calendars()
        self._update_status()
        self._restore_state()

    def _action(self, name: str, text: str, slot, shortcut=None, tip: str = ""):  # noqa: ANN001, ANN202
        return make_action(self, name, text, slot, shortcut, tip)

    def _page_built(self, page) -> None:  # noqa: ANN001
        if hasattr(page, "open_row"):
            page.open_row.connect(self.show_row)
        if page.report_id:
            page.add_heading_button(f"print_{page.key}", self.tr("Print summary…"),
                                    lambda _c=False, r=page.report_id: self.preview_report(r))

    # -- pages -----------------------------------------------------------------------------------------------------
    @property
    def pages(self) -> list:
        """Every page, in sidebar order (builds those never shown yet)."""
        return [self.switcher.page_at(p) for p in range(self.switcher.count())]

    def show_row(self, key: str, row_id: str) -> None:
        """Go to page `key` and select the row `row_id` in its list (search and filters cleared if they hide it)."""
        self.go_to(self.switcher.keys().index(key))
        panel = getattr(self.current_page(), "panel", None)
        if panel is None:
            return
        if panel.model.view_row_of(row_id) < 0:
            panel.search.clear()
            for box, _filter in panel.filter_boxes.values():
                box.setCurrentIndex(0)
        panel.select_row(row_id)
        panel.view.setFocus()

    def go_to(self, position: int) -> None:
        """Show page number `position` (0 = Tổng quan)."""
        self.switcher.go_to(position)

    def show_page(self, position: int) -> None:
        """Switch to the page at `position`."""
        self.switcher.show_page(position)

    def current_page(self):  # noqa: ANN201 - a Page
        """The page shown."""
        return self.switcher.page_at(self.switcher.current_position())

    def page(self, key: str):  # noqa: ANN201 - a Page
        """The page with `key` (built now if it was never shown)."""
        return self.switcher.page_at(self.switcher.keys().index(key))

    def refresh_all(self) -> None:
        """Reload every page built so far (a database or plan was opened); the others load when first shown."""
        self._fill_plan_combo()
        self._plan_year_for_calendars()
        self.switcher.refresh_built()
        self._update_status()

    def _plan_year_for_calendars(self) -> None:
        year = self.plan_combo.currentText()
        set_plan_year(int(year) if year.isdigit() else None)

    def _fill_plan_combo(self) -> None:
        self.plan_combo.blockSignals(True)
        self.plan_combo.clear()
        for plan in self.ctx.store.repo("plans").rows(order_by="-year"):
            self.plan_combo.addItem(str(plan["year"]), plan["id"])
        position = self.plan_combo.findData(self.ctx.plan_id)
        self.plan_combo.setCurrentIndex(max(position, 0))
        self.plan_combo.blockSignals(False)

    def _plan_chosen(self, _position: int) -> None:
        plan_id = self.plan_combo.currentData()
        if plan_id and plan_id != self.ctx.plan_id:
            self.ctx.plan_id = plan_id
            self.undo_stack.clear()
            self.refresh_all()

    def _on_data_changed(self, entity: str) -> None:
        if entity in ("plans", "*"):
            self._fill_plan_combo()
        self.status.show_saved()

    def _update_status(self) -> None:
        path = str(self.ctx.store.path or "")
        self.status.show_database(path, bool(self.read_only_message))
        self.setWindowFilePath(path)

    def focus_search(self) -> None:
        """Put the cursor in the search box of the page's first list."""
        from PySide6.QtWidgets import QLineEdit

        boxes = [b for b in self.current_page().findChildren(QLineEdit, "search") if b.isVisible()]
        if boxes:
            boxes[0].setFocus()
            boxes[0].selectAll()

    # -- actions ---------------------------------------------------------------------------------------------------
    def new_plan_year(self) -> None:
        """Kế hoạch năm mới: copy a plan into a new year in that year's structure (see ui/new_year_dialog.py)."""
        if not self.ctx.plan_id:
            return
        from desktop.ui.new_year_dialog import NewYearDialog

        current = records.get_row(self.ctx.store, "plans", self.ctx.plan_id)
        dialog = NewYearDialog(self.ctx.store, int(current["year"]), self)
        if not dialog.exec() or not dialog.new_plan_id:
            return
        year = dialog.selected_year()
        self.ctx.plan_id = dialog.new_plan_id
        self.undo_stack.clear()
        self.bus.notify("*")
        self.refresh_all()
        self.statusBar().showMessage(self.tr("The plan of %1 was created.").replace("%1", str(year)), 5000)

    def open_database(self) -> None:
        """Choose another database file and open it in place of this one."""
        from PySide6.QtWidgets import QFileDialog

        folder = str(app_settings.get(app_settings.LAST_FOLDER) or "")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open database"), folder,
                                              self.tr("SXTDBV database (*.db);;All files (*)"))
        if path:
            self.switch_database(path)

    def switch_database(self, path: str) -> bool:
        """Open the database at `path`; on refusal say why and keep the current one."""
        from PySide6.QtWidgets import QMessageBox

        from desktop.services.opening import open_other

        try:
            opened = open_other(path)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Open database"), str(exc))
            return False
        self.use_database(opened.store, opened.lock)
        if opened.notes:
            self.statusBar().showMessage(" ".join(opened.notes), 15000)
        return True

    def use_database(self, store: Store, lock) -> None:  # noqa: ANN001 - a DatabaseLock held for `store`
        """Show `store` (opened for writing under `lock`) in place of the current database, which is closed."""
        self.ctx.store.close()
        if self.lock is not None and self.lock is not lock:
            self.lock.release()
        self.lock = lock
        self.read_only_message = ""
        self._reopen(store.path, store)

    # -- Excel exchange --------------------------------------------------------------------------------------------
    def _excel_folder(self) -> str:
        return str(app_settings.get(app_settings.LAST_FOLDER) or "")

    def _remember_folder(self, path: str) -> None:
        from pathlib import Path

        app_settings.put(app_settings.LAST_FOLDER, str(Path(path).parent))

    def export_excel(self) -> None:
        """Write the whole plan, or one office's template, to a workbook (in a worker, with progress and Stop)."""
        from PySide6.QtWidgets import QFileDialog, QInputDialog

        from desktop.ui.exchange.export_dialog import ExportProgressDialog

        agencies = sorted(self.ctx.store.repo("agencies").rows(), key=lambda r: r["name"])
        whole = self.tr("The whole plan")
        choices = [whole] + [f"{a['name']} ({a['code']})" for a in agencies]
        choice, ok = QInputDialog.getItem(self, self.tr("Export to Excel"),
                                          self.tr("Export the whole plan, or the template of one office:"),
                                          choices, 0, False)
        if not ok:
            return
        office = None if choice == whole else agencies[choices.index(choice) - 1]["code"]
        year = records.get_row(self.ctx.store, "plans", self.ctx.plan_id)["year"] if self.ctx.plan_id else ""
        name = f"sxtdbv-{year}-{office or self.ctx.store.context.office}.xlsx"
        folder = self._excel_folder()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"),
                                              str(Path(folder) / name) if folder else name,
                                              self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        self._remember_folder(path)
        dialog = ExportProgressDialog(self, self.ctx.store, path, office)
        if dialog.exec() and dialog.result_value is not None:
            self.statusBar().showMessage(self.tr("Exported to %1").replace("%1", path), 8000)

    def import_excel(self) -> None:
        """Preview a workbook from another office, resolve conflicts, then import it in one transaction."""
        from PySide6.QtWidgets import QFileDialog

        from desktop.ui.exchange.import_preview import ImportPreviewDialog

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import from Excel"), self._excel_folder(),
                                              self.tr("Excel workbook (*.xlsx);;All files (*)"))
        if not path or not self._history_may_go():
            return
        self._remember_folder(path)
        dialog = ImportPreviewDialog(self, self.ctx.store, path)
        dialog.exec()
        if dialog.result_written:
            self._after_import()

    def import_list(self) -> None:
        """Import participants or enterprises from an office's own Excel list (map the columns, preview, apply)."""
        from PySide6.QtWidgets import QFileDialog

        from desktop.ui.exchange.list_import import ListImportDialog

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a list from Excel"), self._excel_folder(),
                                              self.tr("Excel workbook (*.xlsx);;All files (*)"))
        if not path or not self._history_may_go():
            return
        self._remember_folder(path)
        entity = "enterprises" if self.current_page().key == "survey" else "participants"
        dialog = ListImportDialog(self, self.ctx.store, path, entity)
        if dialog.exec():
            self._after_import()

    def _history_may_go(self) -> bool:
        """An import cannot be undone and ends the undo history: say so first when there is history to lose."""
        from PySide6.QtWidgets import QMessageBox

        if self.undo_stack.index() == 0:
            return True
        answer = QMessageBox.question(
            self, self.tr("Import"),
            self.tr("After an import, the changes made before it can no longer be undone (Ctrl+Z). The "
                    "data as it was is kept in the backup taken just before it. Continue?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        return answer == QMessageBox.StandardButton.Yes

    def _after_import(self) -> None:
        # Imported rows can touch any list: reload everything, and forget undo steps that predate the import.
        self.undo_stack.clear()
        self.ctx.forget("*")
        self.bus.notify("*")
        self.refresh_all()

    # -- printing --------------------------------------------------------------------------------------------------
    def _fill_reports_menu(self) -> None:
        if self.reports_menu.actions():
            return
        from desktop.reports.data import report_ids
        from desktop.ui.printing import report_title

        for report_id in report_ids():
            submenu = self.reports_menu.addMenu(report_title(report_id))
            submenu.addAction(self._action(f"preview_{report_id}", self.tr("Print &preview…"),
                                           lambda _c=False, r=report_id: self.preview_report(r)))
            submenu.addAction(self._action(f"print_{report_id}", self.tr("&Print…"),
                                           lambda _c=False, r=report_id: self.print_report(r)))
            submenu.addAction(self._action(f"pdf_{report_id}", self.tr("Save as P&DF…"),
                                           lambda _c=False, r=report_id: self.report_pdf(r)))
            submenu.addAction(self._action(f"docx_{report_id}", self.tr("Save as &Word…"),
                                           lambda _c=False, r=report_id: self.report_docx(r)))
            submenu.addSeparator()
            submenu.addAction(self._action(f"options_{report_id}", self.tr("Number, signer and &options…"),
                                           lambda _c=False, r=report_id: self.report_options(r)))
        self.reports_menu.addSeparator()
        self.reports_menu.addAction(self._action("report_options", self.tr("Print &options…"),
                                                 lambda _c=False: self.report_options()))

    def preview_report(self, report_id: str) -> None:
        """Print preview of a summary of the current plan."""
        from desktop.ui.printing import preview_report

        preview_report(self, self.ctx.store, report_id, plan_id=self.ctx.plan_id)

    def print_report(self, report_id: str) -> None:
        """Print a summary through the print dialog."""
        from desktop.ui.printing import print_report

        print_report(self, self.ctx.store, report_id, plan_id=self.ctx.plan_id)

    def report_pdf(self, report_id: str) -> None:
        """Save a summary as PDF."""
        from desktop.ui.printing import save_report_pdf

        path = save_report_pdf(self, self.ctx.store, report_id, plan_id=self.ctx.plan_id)
        if path:
            self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 8000)

    def report_docx(self, report_id: str) -> None:
        """Save a document as a Word file, to finish and sign in Word."""
        from desktop.ui.printing import save_report_docx

        path = save_report_docx(self, self.ctx.store, report_id, plan_id=self.ctx.plan_id)
        if path:
            self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 8000)

    def report_options(self, report_id: str = "plan-report") -> None:
        """The print options (agencies, number, signer, recipients, margins) of a kind of document."""
        from desktop.ui.printing import edit_report_options

        edit_report_options(self, self.ctx.store, report_id)

    def shown_table(self) -> tuple[str, list[str], list[list[str]]] | None:
        """Title, headers and rows (as text, as filtered and sorted) of the table the user is looking at."""
        from PySide6.QtWidgets import QMessageBox

        view = self.current_page().current_table()
        if view is None or view.model() is None:
            QMessageBox.information(self, self.tr("Print"), self.tr("There is no table on this page."))
            return None
        model = view.model()
        columns = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
        headers = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns]
        rows = [[str(model.data(model.index(r, c)) or "") for c in columns] for r in range(model.rowCount())]
        return self.current_page().title(), headers, rows

    def preview_table(self) -> None:
        """Print preview of the table shown."""
        table = self.shown_table()
        if table:
            from desktop.ui.printing import preview_table

            preview_table(self, *table, store=self.ctx.store)

    def table_pdf(self) -> None:
        """Save the table shown as PDF."""
        table = self.shown_table()
        if table:
            from desktop.ui.printing import save_table_pdf

            path = save_table_pdf(self, *table, store=self.ctx.store)
            if path:
                self.statusBar().showMessage(self.tr("Saved %1").replace("%1", str(path)), 8000)

    def show_settings(self) -> None:
        """The settings dialog."""
        from desktop.ui.settings_dialog import SettingsDialog

        if SettingsDialog(self.ctx.store, self).exec():
            self.statusBar().showMessage(self.tr("Settings saved."), 5000)

    def backup_now(self) -> None:
        """Copy the database into its backups folder now."""
        from PySide6.QtWidgets import QMessageBox

        from desktop.services import backup

        try:
            path = backup.backup_now(self.ctx.store)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Back up"), str(exc))
            return
        self.statusBar().showMessage(self.tr("Backed up to %1").replace("%1", str(path)), 8000)

    def restore_backup(self) -> None:
        """Replace the database by a backup chosen by the user (the current data is backed up first)."""
        from PySide6.QtWidgets import QMessageBox

        from desktop.services import backup
        from desktop.ui.restore_dialog import choose_backup

        path = self.ctx.store.path
        if path is None:
            return
        source = choose_backup(self, path)
        if not source:
            return
        answer = QMessageBox.question(
            self, self.tr("Restore from a backup"),
            self.tr("Replace the data in use by the backup “%1”? The data in use is backed up first.")
            .replace("%1", source), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            backup.check_backup(source)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Restore from a backup"), str(exc))
            return
        self.ctx.store.close()
        try:
            backup.restore_database(path, source, lock=self.lock if self.lock and self.lock.acquired else None)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Restore from a backup"), str(exc))
        self._reopen(path)

    def _reopen(self, path, store: Store | None = None) -> None:
        from desktop.services.opening import reopen

        store = store or reopen(self.lock, path)
        self.ctx.store = store
        plan = records.current_plan(store)
        self.ctx.plan_id = plan["id"] if plan else None
        self.ctx.forget("*")
        self.undo_stack.clear()
        self.bus.notify("*")
        self.refresh_all()

    def show_help(self) -> None:
        """The Vietnamese user guide shipped with the app (offline)."""
        from desktop.ui.help import HelpDialog

        HelpDialog(self).exec()

    def show_about(self) -> None:
        """Name, version and purpose."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About SXTDBV"),
                          self.tr("<b>SXTDBV</b> version %1<br>Sustainable production and consumption plan — "
                                  "Department of Industry and Trade of Đồng Nai.<br>Works offline; data is kept in "
                                  "a local database.").replace("%1", __version__))

    # -- window state ----------------------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = app_settings.get(app_settings.GEOMETRY)
        if not geometry or not self.restoreGeometry(QByteArray(geometry)):  # type: ignore[arg-type]
            screen = self.screen()
            if screen is not None:
                fit_to_screen(self, screen.availableGeometry())
            else:
                self.resize(*DEFAULT_SIZE)
        state = app_settings.get(app_settings.WINDOW_STATE)
        if state:
            self.restoreState(QByteArray(state))  # type: ignore[arg-type]
        last = str(app_settings.get(app_settings.LAST_PAGE))
        keys = self.switcher.keys()
        self.go_to(keys.index(last) if last in keys else 0)

    def _palette_changed(self) -> None:
        """When the palette changes (Windows switched between light and dark while the program runs), colour the rows,
        cards and messages again from the new one (desktop/ui/theme.py)."""
        # A closed window (its database closed too) waiting for deletion is left alone.
        if self.isVisible():
            self.recolour()

    def recolour(self) -> None:
        """Recompute every colour taken from the palette: list rows, the current page's figures, the status bar."""
        from desktop.ui.widgets.list_panel import ListPanel

        for panel in self.findChildren(ListPanel):
            panel.model.recolour()
        for page in self.switcher.built_pages():  # pages not built yet take the palette when they are
            page.recolour()
        self._update_status()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Remember the window's geometry; every edit is already saved, so closing loses nothing."""
        if not self.remember_state:  # a check run (--smoke) leaves the user's remembered page and size alone
            event.accept()
            return
        app_settings.put(app_settings.GEOMETRY, self.saveGeometry().data())
        app_settings.put(app_settings.WINDOW_STATE, self.saveState().data())
        app_settings.put(app_settings.LAST_PAGE, self.current_page().key)
        app_settings.settings().sync()
        event.accept()
