"""The main window's commands: its actions, the menus and the toolbar (and nothing they do: the window's slots do it).

Texts are translated in the "MainWindow" context, where they have always been.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QComboBox, QLabel, QMainWindow, QToolBar


def make_action(window: QMainWindow, name: str, text: str, slot: Callable, shortcut: QKeySequence | str | None = None,
                tip: str = "") -> QAction:
    """An action of `window` named `name` (tests and the status bar find it by name)."""
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    action.triggered.connect(slot)
    return action


def create_actions(window) -> None:  # noqa: ANN001 - the MainWindow (its slots are connected here)
    """Create the window's actions as attributes (new_year_action, undo_action…)."""
    w, act = window, lambda *a, **k: make_action(window, *a, **k)
    w.new_year_action = act("new_year", QCoreApplication.translate("MainWindow", "New plan &year…"), w.new_plan_year,
                            QKeySequence.StandardKey.New,
                            QCoreApplication.translate("MainWindow", "Copy this plan into a new year"))
    w.open_action = act("open_db", QCoreApplication.translate("MainWindow", "&Open database…"), w.open_database,
                        QKeySequence.StandardKey.Open)
    w.quit_action = act("quit", QCoreApplication.translate("MainWindow", "&Quit"), w.close,
                        QKeySequence.StandardKey.Quit)
    # The Edit menu's Undo / Redo say what they undo ("Undo Edit II.1.2 …"); the toolbar's stay one short word with
    # the details in their tooltip, so a long record title never pushes the plan year off the toolbar.
    w.undo_action = w.undo_stack.createUndoAction(w, QCoreApplication.translate("MainWindow", "&Undo"))
    w.undo_action.setObjectName("undo")
    w.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
    w.redo_action = w.undo_stack.createRedoAction(w, QCoreApplication.translate("MainWindow", "&Redo"))
    w.redo_action.setObjectName("redo")
    w.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
    w.toolbar_undo_action = _short_twin(w, w.undo_stack, undo=True)
    w.toolbar_redo_action = _short_twin(w, w.undo_stack, undo=False)
    w.find_action = act("find", QCoreApplication.translate("MainWindow", "&Find"), w.focus_search,
                        QKeySequence.StandardKey.Find)
    w.settings_action = act("settings", QCoreApplication.translate("MainWindow", "&Settings…"), w.show_settings,
                            QKeySequence.StandardKey.Preferences)
    w.backup_action = act("backup_now", QCoreApplication.translate("MainWindow", "&Back up now"), w.backup_now,
                          "Ctrl+B", QCoreApplication.translate("MainWindow",
                                                               "Copy the database into the backups folder"))
    w.restore_action = act("restore", QCoreApplication.translate("MainWindow", "&Restore from a backup…"),
                           w.restore_backup)
    w.export_action = act("export_excel", QCoreApplication.translate("MainWindow", "E&xport to Excel…"),
                          w.export_excel, "Ctrl+E",
                          QCoreApplication.translate("MainWindow", "Write the plan, or one office's template, to an "
                                                                   "Excel workbook"))
    w.import_action = act("import_excel", QCoreApplication.translate("MainWindow", "&Import from Excel…"),
                          w.import_excel, "Ctrl+I",
                          QCoreApplication.translate("MainWindow", "Preview and import a workbook sent by another "
                                                                   "office"))
    w.import_list_action = act("import_list", QCoreApplication.translate("MainWindow", "Import a &list from Excel…"),
                               w.import_list, tip=QCoreApplication.translate(
                                   "MainWindow", "Participants or enterprises typed in an office's own list"))
    w.print_table_action = act("print_table", QCoreApplication.translate("MainWindow", "&Print the table shown…"),
                               w.preview_table, QKeySequence.StandardKey.Print,
                               QCoreApplication.translate("MainWindow", "Print preview of the table on screen, as "
                                                                        "filtered and sorted"))
    w.table_pdf_action = act("table_pdf", QCoreApplication.translate("MainWindow", "Save the table shown as P&DF…"),
                             w.table_pdf)
    w.help_action = act("help", QCoreApplication.translate("MainWindow", "User &guide"), w.show_help,
                        QKeySequence.StandardKey.HelpContents)
    w.about_action = act("about", QCoreApplication.translate("MainWindow", "&About"), w.show_about)
    w.page_actions = [act(f"go_{entry.key}", entry.title(), lambda _c=False, p=position: w.go_to(p),
                          f"Ctrl+{position + 1}")
                      for position, entry in enumerate(w.switcher.entries)]


def _short_twin(window: QMainWindow, stack: QUndoStack, *, undo: bool) -> QAction:
    text = QCoreApplication.translate("MainWindow", "Undo") if undo else QCoreApplication.translate("MainWindow",
                                                                                                     "Redo")
    action = QAction(text, window)
    action.setObjectName("toolbar_undo" if undo else "toolbar_redo")
    action.triggered.connect(stack.undo if undo else stack.redo)

    state = {"can": stack.canUndo() if undo else stack.canRedo(),
             "detail": stack.undoText() if undo else stack.redoText()}

    def follow(**change: object) -> None:
        # Only the signals' arguments are used: the stack may be going away with the window when they arrive.
        state.update(change)
        action.setEnabled(bool(state["can"]))
        action.setToolTip(f"{text}: {state['detail']}" if state["can"] and state["detail"] else text)

    (stack.canUndoChanged if undo else stack.canRedoChanged).connect(lambda can: follow(can=can))
    (stack.undoTextChanged if undo else stack.redoTextChanged).connect(lambda detail: follow(detail=detail))
    follow()
    return action


def create_menus_and_toolbar(window) -> None:  # noqa: ANN001 - the MainWindow
    """The menu bar and the toolbar, with the plan-year selector first on the toolbar (always in sight)."""
    w = window
    menu = w.menuBar()
    w.file_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    w.file_menu.addActions([w.new_year_action, w.open_action])
    w.file_menu.addSeparator()
    w.file_menu.addActions([w.backup_action, w.restore_action])
    w.file_menu.addSeparator()
    w.file_menu.addActions([w.export_action, w.import_action, w.import_list_action])
    w.file_menu.addSeparator()
    w.file_menu.addActions([w.print_table_action, w.table_pdf_action])
    w.file_menu.addSeparator()
    w.file_menu.addAction(w.settings_action)
    w.file_menu.addSeparator()
    w.file_menu.addAction(w.quit_action)
    edit_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    edit_menu.addActions([w.undo_action, w.redo_action])
    edit_menu.addSeparator()
    edit_menu.addAction(w.find_action)
    view_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    view_menu.addActions(w.page_actions)
    w.reports_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "&Reports"))
    w.reports_menu.setObjectName("reports_menu")
    # Filled when first opened: the reports package is not loaded at start-up.
    w.reports_menu.aboutToShow.connect(w._fill_reports_menu)
    help_menu = menu.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    help_menu.addActions([w.help_action, w.about_action])

    w.toolbar = QToolBar(QCoreApplication.translate("MainWindow", "Main toolbar"))
    w.toolbar.setObjectName("main_toolbar")
    w.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    w.addToolBar(w.toolbar)
    w.toolbar.addWidget(QLabel(" " + QCoreApplication.translate("MainWindow", "Plan year:") + " "))
    w.plan_combo = QComboBox()
    w.plan_combo.setObjectName("plan_year")
    w.toolbar.addWidget(w.plan_combo)
    w.toolbar.addSeparator()
    w.toolbar.addActions([w.toolbar_undo_action, w.toolbar_redo_action])
    w.toolbar.addSeparator()
    w.toolbar.addAction(w.new_year_action)
    w.toolbar.addAction(w.open_action)
    w.toolbar.addSeparator()
    w.toolbar.addActions([w.export_action, w.import_action])
    w.toolbar.addAction(w.print_table_action)
    w.toolbar.addAction(w.backup_action)
