"""Show or hide a list's columns from its header's right-click menu, remembered (QSettings) across starts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QSettings
from PySide6.QtWidgets import QMenu, QTableView


def _key(name: str) -> str:
    return f"lists/{name}/hidden_columns"


def hidden_columns(name: str) -> list[str]:
    """The keys of the columns hidden in the list called `name`."""
    value = QSettings().value(_key(name), [])
    if isinstance(value, str):
        return [value] if value else []
    return [str(v) for v in value or []]


def remember_hidden(name: str, keys: list[str]) -> None:
    """Store the hidden columns of the list `name`."""
    settings = QSettings()
    settings.setValue(_key(name), keys)
    settings.sync()


def apply_hidden(view: QTableView, keys: list[str], name: str) -> None:
    """Hide the columns of `view` (an EntityTableModel's) listed in the settings."""
    hidden = set(hidden_columns(name))
    for position, key in enumerate(keys):
        view.setColumnHidden(position, key in hidden)


def header_menu(view: QTableView, keys: list[str], titles: list[str], name: str, at: QPoint) -> QMenu:
    """The header's menu: one check per column; unticking hides it. The last visible column cannot be hidden."""
    menu = QMenu(view)
    menu.setObjectName("header_menu")
    menu.addSection(QCoreApplication.translate("ListPanel", "Columns shown"))
    visible = [p for p in range(len(keys)) if not view.isColumnHidden(p)]
    for position, title in enumerate(titles):
        action = menu.addAction(title)
        action.setObjectName(f"column_{keys[position]}")
        action.setCheckable(True)
        action.setChecked(not view.isColumnHidden(position))
        action.setEnabled(not (visible == [position]))

        def toggle(checked: bool, p: int = position) -> None:
            view.setColumnHidden(p, not checked)
            remember_hidden(name, [k for i, k in enumerate(keys) if view.isColumnHidden(i)])

        action.toggled.connect(toggle)
    menu.addSeparator()
    show_all = menu.addAction(QCoreApplication.translate("ListPanel", "Show all columns"))
    show_all.setObjectName("show_all_columns")

    def reveal() -> None:
        for p in range(len(keys)):
            view.setColumnHidden(p, False)
        remember_hidden(name, [])

    show_all.triggered.connect(reveal)
    return menu
