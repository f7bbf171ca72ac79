"""Editing a cell in place (Enter or F2), with the form's own editor for the field and the same validation.

The delegate only builds and fills the editor; saving goes back to the list (`commit(row, field, value)`), which saves
through the records service and pushes one undo step, or says why the value was refused.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import QStyledItemDelegate, QWidget

from desktop.domain.fields import Field, Kind
from desktop.ui.models.columns import Column

if TYPE_CHECKING:  # the editors (calendar, spin boxes…) are loaded when a cell is first edited, not with every list
    from PySide6.QtWidgets import QStyleOptionViewItem

    from desktop.ui.forms.editors import FieldEditor

# Fields a cell can hold an editor for; long texts, lists of agencies and quarters keep to the form.
IN_PLACE_KINDS = (Kind.TEXT, Kind.INT, Kind.MONEY, Kind.DECIMAL, Kind.PERCENT, Kind.YEAR, Kind.DATE, Kind.CHOICE,
                  Kind.REF)

Index = QModelIndex | QPersistentModelIndex


def editable_in_place(column: Column) -> bool:
    """True for a stored field of a simple kind (computed columns and long texts are edited in the form)."""
    return column.field is not None and column.value is None and column.kind in IN_PLACE_KINDS


class CellDelegate(QStyledItemDelegate):
    """Opens the field's editor in the cell; on commit calls `commit(row, field_name, value)`."""

    def __init__(self, columns: list[Column], row_at: Callable[[int], dict],
                 options: Callable[[Field], list[tuple[str, str]]], commit: Callable[[dict, str, object], None],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.columns, self.row_at, self.options, self.commit = columns, row_at, options, commit
        self._editors: dict[int, FieldEditor] = {}

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:  # noqa: N802
        """The form's editor for the column's field."""
        from desktop.ui.forms.editors import make_editor

        column = self.columns[index.column()]
        assert column.field is not None
        editor = make_editor(column.field, self.options)
        widget = editor.widget
        widget.setParent(parent)
        widget.setObjectName(f"cell_{column.key}")
        widget.setAutoFillBackground(True)
        key = id(widget)
        self._editors[key] = editor
        widget.destroyed.connect(lambda *_a, key=key: self._editors.pop(key, None))
        return widget

    def setEditorData(self, widget: QWidget, index: Index) -> None:  # noqa: N802 - Qt API
        """Put the stored value in the editor."""
        editor = self._editors.get(id(widget))
        if editor is not None:
            editor.set_value(self.row_at(index.row()).get(self.columns[index.column()].key))

    def setModelData(self, widget: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        """Hand the typed value to the list, which saves it (or explains the refusal)."""
        editor = self._editors.get(id(widget))
        if editor is None:
            return
        row = self.row_at(index.row())
        name = self.columns[index.column()].key
        value = editor.value()
        if value != row.get(name):
            # After the editor has closed: saving reloads the list, which must not happen under an open editor.
            QTimer.singleShot(0, lambda: self.commit(row, name, value))

    def updateEditorGeometry(self, widget: QWidget, option: QStyleOptionViewItem, index: Index) -> None:  # noqa: N802
        """The editor covers the cell (at least as tall as it needs)."""
        rect = option.rect
        rect.setHeight(max(rect.height(), widget.sizeHint().height()))
        widget.setGeometry(rect)


def cell_flags(column: Column, base: Qt.ItemFlag) -> Qt.ItemFlag:
    """The item flags of a cell of `column`: editable when it can be edited in place."""
    return base | Qt.ItemFlag.ItemIsEditable if editable_in_place(column) else base
