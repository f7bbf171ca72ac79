"""The data bus: one signal telling every open view that an entity's rows changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataBus(QObject):
    """Announces changes so that models reload.

    Signals:
        changed(str): the rows of the entity (table name) changed; "*" means everything (a new database, an import).
    """

    changed = Signal(str)

    def notify(self, *entities: str) -> None:
        """Emit `changed` for each entity."""
        for entity in entities or ("*",):
            self.changed.emit(entity)
