"""The main window: a sidebar of pages, menus, a toolbar, keyboard shortcuts and a status bar."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QDateTime, QEvent, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QToolBar,
)

from desktop import APP_DISPLAY_NAME, __version__
from desktop.services import records
from desktop.store import Store, StoreError
from desktop.ui import app_settings, theme
from desktop.ui.bus import DataBus
from desktop.ui.context import AppContext
from desktop.ui.pages.agencies import AgenciesPage
from desktop.ui.pages.base import Page
from desktop.ui.pages.budget import BudgetPage
from desktop.ui.pages.dashboard import DashboardPage
from desktop.ui.pages.office_reports import OfficeReportsPage
from desktop.ui.pages.plan import PlanPage
from desktop.ui.pages.survey import SurveyPage
from desktop.ui.pages.tasks import TasksPage
from desktop.ui.pages.training import TrainingPage

PAGE_CLASSES: tuple[type[Page], ...] = (DashboardPage, PlanPage, TasksPage, TrainingPage, SurveyPage, BudgetPage,
                                        OfficeReportsPage, AgenciesPage)


class MainWindow(QMainWindow):
    """The application window over one open Store. Every edit is saved at once in its own transaction."""

    def __init__(self, store: Store, parent=None, *, lock=None, read_only_message: str = ""):
        super().__init__(parent)
        self.lock = lock
        self.read_only_message = read_only_message
        self.bus = DataBus(self)
        self.undo_stack = QUndoStack(self)
        plan = records.current_plan(store)
        self.ctx = AppContext(store, self.bus, self.undo_stack, plan["id"] if plan else None)
        self.setObjectName("main_window")
        self.setWindowTitle(APP_DISPLAY_NAME)

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setMaximumWidth(220)
        self.sidebar.setStyleSheet("QListWidget { font-size: 11pt; } QListWidget::item { padding: 8px 6px; }")
        self.stack = QStackedWidget()
        self.pages: list[Page] = []
        for page_class in PAGE_CLASSES:
            page = page_class(self.ctx)
            self.pages.append(page)
            self.stack.addWidget(page)
            QListWidgetItem(page.title(), self.sidebar)
        self.sidebar.currentRowChanged.connect(self.show_page)
        for page in self.pages:
            if page.report_id:
                page.add_heading_button(f"print_{page.key}", self.tr("Print summary…"),
                                        lambda _c=False, r=page.report_id: self.preview_report(r))
        splitter = QSplitter()
        splitter.addWidget(self.sidebar)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 1000])
        self.setCentralWidget(splitter)

        self._create_actions()
        self._create_menus_and_toolbar()
        self._create_status_bar()
        self._connect_signals()
        self.refresh_all()
        self._restore_state()

    # -- construction ----------------------------------------------------------------------------------------------
    def _action(self, name: str, text: str, slot, shortcut: QKeySequence | str | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _create_actions(self) -> None:
        self.new_year_action = self._action("new_year", self.tr("New plan &year…"), self.new_plan_year,
                                            QKeySequence.StandardKey.New, self.tr("Copy this plan into a new year"))
        self.open_action = self._action("open_db", self.tr("&Open database…"), self.open_database,
                                        QKeySequence.StandardKey.Open)
        self.quit_action = self._action("quit", self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.find_action = self._action("find", self.tr("&Find"), self.focus_search, QKeySequence.StandardKey.Find)
        self.settings_action = self._action("settings", self.tr("&Settings…"), self.show_settings,
                                            QKeySequence.StandardKey.Preferences)
        self.backup_action = self._action("backup_now", self.tr("&Back up now"), self.backup_now, "Ctrl+B",
                                          self.tr("Copy the database into the backups folder"))
        self.restore_action = self._action("restore", self.tr("&Restore from a backup…"), self.restore_backup)
        self.export_action = self._action("export_excel", self.tr("E&xport to Excel…"), self.export_excel, "Ctrl+E",
                                          self.tr("Write the plan, or one office's template, to an Excel workbook"))
        self.import_action = self._action("import_excel", self.tr("&Import from Excel…"), self.import_excel, "Ctrl+I",
                                          self.tr("Preview and import a workbook sent by another office"))
        self.import_list_action = self._action("import_list", self.tr("Import a &list from Excel…"), self.import_list,
                                               tip=self.tr("Participants or enterprises typed in an office's own list"))
        self.print_table_action = self._action("print_table", self.tr("&Print the table shown…"), self.preview_table,
                                               QKeySequence.StandardKey.Print,
                                               self.tr("Print preview of the table on screen, as filtered and sorted"))
        self.table_pdf_action = self._action("table_pdf", self.tr("Save the table shown as P&DF…"), self.table_pdf)
        self.help_action = self._action("help", self.tr("User &guide"), self.show_help,
                                        QKeySequence.StandardKey.HelpContents)
        self.about_action = self._action("about", self.tr("&About"), self.show_about)
        self.page_actions = []
        for position, page in enumerate(self.pages):
            action = self._action(f"go_{page.key}", page.title(), lambda _c=False, p=position: self.go_to(p),
                                  f"Ctrl+{position + 1}")
            self.page_actions.append(action)

    def _create_menus_and_toolbar(self) -> None:
        menu = self.menuBar()
        self.file_menu = menu.addMenu(self.tr("&File"))
        self.file_menu.addActions([self.new_year_action, self.open_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.backup_action, self.restore_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.export_action, self.import_action, self.import_list_action])
        self.file_menu.addSeparator()
        self.file_menu.addActions([self.print_table_action, self.table_pdf_action])
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        edit_menu = menu.addMenu(self.tr("&Edit"))
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.find_action)
        view_menu = menu.addMenu(self.tr("&View"))
        view_menu.addActions(self.page_actions)
        self.reports_menu = menu.addMenu(self.tr("&Reports"))
        self.reports_menu.setObjectName("reports_menu")
        # Filled when first opened: the reports package is not loaded at start-up.
        self.reports_menu.aboutToShow.connect(self._fill_reports_menu)
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addActions([self.help_action, self.about_action])

        self.toolbar = QToolBar(self.tr("Main toolbar"))
        self.toolbar.setObjectName("main_toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(self.toolbar)
        self.toolbar.addAction(self.new_year_action)
        self.toolbar.addAction(self.open_action)
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.export_action, self.import_action])
        self.toolbar.addAction(self.print_table_action)
        self.toolbar.addAction(self.backup_action)
        self.toolbar.addSeparator()
        self.toolbar.addActions([self.undo_action, self.redo_action])
        self.toolbar.addSeparator()
        self.toolbar.addWidget(QLabel(self.tr("Plan year:") + " "))
        self.plan_combo = QComboBox()
        self.plan_combo.setObjectName("plan_year")
        self.toolbar.addWidget(self.plan_combo)

    def _create_status_bar(self) -> None:
        self.db_label = QLabel()
        self.db_label.setObjectName("status_db")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("status_saved")
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.saved_label)

    def _connect_signals(self) -> None:
        self.bus.changed.connect(self._on_data_changed)
        self.plan_combo.currentIndexChanged.connect(self._plan_chosen)

    # -- pages -----------------------------------------------------------------------------------------------------
    def go_to(self, position: int) -> None:
        """Show page number `position` (0 = Tổng quan)."""
        self.sidebar.setCurrentRow(position)

    def show_page(self, position: int) -> None:
        """Switch the stack to `position` and remember it."""
        if 0 <= position < len(self.pages):
            self.stack.setCurrentIndex(position)

    def current_page(self) -> Page:
        """The page shown."""
        return self.pages[self.stack.currentIndex()]

    def page(self, key: str) -> Page:
        """The page with `key`."""
        return next(p for p in self.pages if p.key == key)

    def refresh_all(self) -> None:
        """Reload every page (a database or plan was opened)."""
        self._fill_plan_combo()
        for page in self.pages:
            page.refresh()
        self._update_status()

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
        self.saved_label.setText(self.tr("All changes saved (%1)")
                                 .replace("%1", QDateTime.currentDateTime().toString("HH:mm:ss")))

    def _update_status(self) -> None:
        path = str(self.ctx.store.path or "")
        self.db_label.setText(self.tr("Database: %1").replace("%1", path))
        if self.read_only_message:
            self.saved_label.setText(self.tr("Read-only: changes cannot be saved"))
            self.saved_label.setStyleSheet(f"color: {theme.text_colour(theme.DANGER)}; font-weight: bold;")
        else:
            self.saved_label.setText(self.tr("All changes saved"))
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
        folder = str(app_settings.get(app_settings.LAST_FOLDER) or "")
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open database"), folder,
                                              self.tr("SXTDBV database (*.db);;All files (*)"))
        if path:
            self.switch_database(path)

    def switch_database(self, path: str) -> bool:
        """Open the database at `path`; on refusal say why and keep the current one."""
        from desktop.store.lock import DatabaseLock, DatabaseLockedError

        lock = DatabaseLock(path)
        try:
            lock.acquire()
            Store.open(path).close()
        except (StoreError, DatabaseLockedError) as exc:
            lock.release()
            QMessageBox.warning(self, self.tr("Open database"), str(exc))
            return False
        self.ctx.store.close()
        if self.lock is not None:
            self.lock.release()
        self.lock = lock
        self.read_only_message = ""
        self._reopen(path)
        return True

    # -- Excel exchange --------------------------------------------------------------------------------------------
    def _excel_folder(self) -> str:
        return str(app_settings.get(app_settings.LAST_FOLDER) or "")

    def _remember_folder(self, path: str) -> None:
        from pathlib import Path

        app_settings.put(app_settings.LAST_FOLDER, str(Path(path).parent))

    def export_excel(self) -> None:
        """Write the whole plan, or one office's template, to a workbook (in a worker, with progress and Stop)."""
        from desktop.ui.exchange_dialogs import ExportProgressDialog

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
        from desktop.ui.exchange_dialogs import ImportPreviewDialog

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import from Excel"), self._excel_folder(),
                                              self.tr("Excel workbook (*.xlsx);;All files (*)"))
        if not path:
            return
        self._remember_folder(path)
        dialog = ImportPreviewDialog(self, self.ctx.store, path)
        dialog.exec()
        if dialog.result_written:
            self._after_import()

    def import_list(self) -> None:
        """Import participants or enterprises from an office's own Excel list (map the columns, preview, apply)."""
        from desktop.ui.exchange_dialogs import ForeignListDialog

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a list from Excel"), self._excel_folder(),
                                              self.tr("Excel workbook (*.xlsx);;All files (*)"))
        if not path:
            return
        self._remember_folder(path)
        entity = "enterprises" if self.current_page().key == "survey" else "participants"
        dialog = ForeignListDialog(self, self.ctx.store, path, entity)
        if dialog.exec():
            self._after_import()

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
        self.reports_menu.addSeparator()
        self.reports_menu.addAction(self._action("report_options", self.tr("Print &options…"),
                                                 self.report_options))

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

    def report_options(self) -> None:
        """The print options (agencies, number, signer, recipients, margins)."""
        from desktop.ui.printing import edit_report_options

        edit_report_options(self, self.ctx.store)

    def shown_table(self) -> tuple[str, list[str], list[list[str]]] | None:
        """Title, headers and rows (as text, as filtered and sorted) of the table the user is looking at."""
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
        from desktop.services import backup

        try:
            path = backup.backup_now(self.ctx.store)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Back up"), str(exc))
            return
        self.statusBar().showMessage(self.tr("Backed up to %1").replace("%1", str(path)), 8000)

    def restore_backup(self) -> None:
        """Replace the database by a backup chosen by the user (the current data is backed up first)."""
        from desktop.services import backup

        path = self.ctx.store.path
        if path is None:
            return
        folder = str(backup.backups_dir(path))
        source, _ = QFileDialog.getOpenFileName(self, self.tr("Restore from a backup"), folder,
                                                self.tr("SXTDBV database (*.db);;All files (*)"))
        if not source:
            return
        answer = QMessageBox.question(
            self, self.tr("Restore from a backup"),
            self.tr("Replace the data in use by the backup “%1”? The data in use is backed up first.")
            .replace("%1", source), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return
        from desktop.store.backup import check_backup_file

        try:
            check_backup_file(source)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Restore from a backup"), str(exc))
            return
        self.ctx.store.close()
        try:
            backup.restore_database(path, source, lock=self.lock if self.lock and self.lock.acquired else None)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("Restore from a backup"), str(exc))
        self._reopen(path)

    def _reopen(self, path) -> None:
        store = Store.open(path)
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
        QMessageBox.about(self, self.tr("About SXTDBV"),
                          self.tr("<b>SXTDBV</b> version %1<br>Sustainable production and consumption plan — "
                                  "Department of Industry and Trade of Đồng Nai.<br>Works offline; data is kept in "
                                  "a local database.").replace("%1", __version__))

    # -- window state ----------------------------------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = app_settings.get(app_settings.GEOMETRY)
        if geometry:
            self.restoreGeometry(QByteArray(geometry))  # type: ignore[arg-type]
        else:
            self.resize(1280, 800)
        state = app_settings.get(app_settings.WINDOW_STATE)
        if state:
            self.restoreState(QByteArray(state))  # type: ignore[arg-type]
        last = str(app_settings.get(app_settings.LAST_PAGE))
        keys = [p.key for p in self.pages]
        self.go_to(keys.index(last) if last in keys else 0)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """When the palette changes (Windows switched between light and dark while the program runs), colour the rows,
        cards and messages again from the new one (desktop/ui/theme.py)."""
        super().changeEvent(event)
        # A closed window (its database closed too) waiting for deletion is left alone.
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "pages") and self.isVisible():
            self.recolour()

    def recolour(self) -> None:
        """Recompute every colour taken from the palette: list rows, the current page's figures, the status bar."""
        from desktop.ui.widgets.list_panel import ListPanel

        for panel in self.findChildren(ListPanel):
            panel.model.recolour()
        for page in self.pages:
            page.recolour()
        self._update_status()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        """Remember the window's geometry; every edit is already saved, so closing loses nothing."""
        app_settings.put(app_settings.GEOMETRY, self.saveGeometry().data())
        app_settings.put(app_settings.WINDOW_STATE, self.saveState().data())
        app_settings.put(app_settings.LAST_PAGE, self.current_page().key)
        app_settings.settings().sync()
        event.accept()
