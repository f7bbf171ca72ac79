"""What every page needs: the open store, the data bus, the undo stack and the plan being worked on."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QUndoStack

from desktop.domain.fields import Field
from desktop.services import lookups
from desktop.store import Store
from desktop.ui.bus import DataBus


@dataclass
class AppContext:
    """Shared by the main window and its pages."""

    store: Store
    bus: DataBus
    undo_stack: QUndoStack
    plan_id: str | None = None
    _names: dict[str, dict[str, str]] = field(default_factory=dict)

    def ref_options(self, f: Field) -> list[tuple[str, str]]:
        """The pick-list entries of a reference field, scoped to the current plan."""
        return lookups.options(self.store, f, self.plan_id)

    def names(self, entity: str) -> dict[str, str]:
        """id -> shown name of `entity`'s rows (cached until the entity changes)."""
        if entity not in self._names:
            self._names[entity] = lookups.names(self.store, entity)
        return self._names[entity]

    def forget(self, entity: str) -> None:
        """Drop cached names after `entity` changed ("*" for all)."""
        if entity == "*":
            self._names.clear()
        else:
            self._names.pop(entity, None)


_PLAN_YEAR: list[int] = []  # the year of the plan being worked on (set by the window when a plan is opened)


def set_plan_year(year: int | None) -> None:
    """Remember the year of the plan being worked on: blank date fields open their calendar in it rather than in
    today's (a 2024 plan's deadlines are in 2024, however late it is being filled in)."""
    _PLAN_YEAR[:] = [year] if year else []


def plan_year() -> int | None:
    """The year of the plan being worked on, if a plan is open."""
    return _PLAN_YEAR[0] if _PLAN_YEAR else None
