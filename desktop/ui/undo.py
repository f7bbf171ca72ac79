"""Undo and redo of edits (Ctrl+Z / Ctrl+Y): each saved form or deletion becomes a QUndoCommand over the services."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from desktop.services import records
from desktop.store import Store
from desktop.ui.bus import DataBus


class _Command(QUndoCommand):
    def __init__(self, store: Store, bus: DataBus, entity: str, text: str):
        super().__init__(text)
        self.store, self.bus, self.entity = store, bus, entity
        self._first = True

    def redo(self) -> None:
        """Do the change again (the first call is the change already made by the form)."""
        if self._first:
            self._first = False
            return
        self._redo()
        self.bus.notify(self.entity)

    def undo(self) -> None:
        """Take the change back."""
        self._undo()
        self.bus.notify(self.entity)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class AddCommand(_Command):
    """A row that was added: undo deletes it."""

    def __init__(self, store: Store, bus: DataBus, entity: str, row_id: str, label: str):
        super().__init__(store, bus, entity, QCoreApplication.translate("Undo", "Add %1").replace("%1", label))
        self.row_id = row_id

    def _undo(self) -> None:
        records.delete_row(self.store, self.entity, self.row_id, cascade=True)

    def _redo(self) -> None:
        records.restore_rows(self.store, [(self.entity, self.row_id)])


class EditCommand(_Command):
    """A row that was edited: undo puts the old values back."""

    def __init__(self, store: Store, bus: DataBus, entity: str, row_id: str, before: dict, after: dict, label: str):
        super().__init__(store, bus, entity, QCoreApplication.translate("Undo", "Edit %1").replace("%1", label))
        self.row_id, self.before, self.after = row_id, before, after

    def _undo(self) -> None:
        records.save_row(self.store, self.entity, self.row_id, self.before)

    def _redo(self) -> None:
        records.save_row(self.store, self.entity, self.row_id, self.after)


class DeleteCommand(_Command):
    """Rows that were deleted: undo restores them."""

    def __init__(self, store: Store, bus: DataBus, entity: str, deleted: list[tuple[str, str]], label: str,
                 referrers: list[tuple[str, str, dict]] | None = None):
        super().__init__(store, bus, entity, QCoreApplication.translate("Undo", "Delete %1").replace("%1", label))
        self.deleted = deleted
        self.referrers = referrers or []  # rows that pointed at the deleted one, as they were (lists lose it)

    def _undo(self) -> None:
        records.restore_rows(self.store, self.deleted)
        gone = set(self.deleted)
        kept = [r for r in self.referrers if (r[0], r[1]) not in gone]
        records.put_back(self.store, kept)
        for table in dict.fromkeys([t for t, _ in reversed(self.deleted)] + [t for t, _, _ in kept]):  # parents first
            self.bus.notify(table)

    def _redo(self) -> None:
        table, row_id = self.deleted[-1]
        self.deleted = records.delete_row(self.store, table, row_id, cascade=True)


class AddRowsCommand(_Command):
    """Rows added together (a paste from Excel): one undo deletes them all, redo brings them all back."""

    def __init__(self, store: Store, bus: DataBus, entity: str, row_ids: list[str], label: str):
        super().__init__(store, bus, entity, QCoreApplication.translate("Undo", "Paste %1").replace("%1", label))
        self.row_ids = row_ids

    def _undo(self) -> None:
        with self.store.atomic():
            for row_id in reversed(self.row_ids):
                records.delete_row(self.store, self.entity, row_id, cascade=True)

    def _redo(self) -> None:
        records.restore_rows(self.store, [(self.entity, row_id) for row_id in reversed(self.row_ids)])
