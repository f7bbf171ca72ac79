"""Stands in for the person at the "New plan year" dialog: sets the year, picks choices in the mapping table through
the combo boxes, and clicks "Create the plan" when it is enabled (or cancels)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QDialog

from desktop.ui.new_year_dialog import NewYearDialog


@dataclass
class NewYearVisit:
    """What the dialog showed: its status line, whether Create was enabled, the agencies in its table."""

    status: str = ""
    create_enabled: bool = False
    rows: list[str] = field(default_factory=list)
    created: bool = False


class NewYearRobot:
    """`will(year, choices={"LONGTHANH": "UBND xã Long Thành A", ...})` before triggering the action."""

    def __init__(self, qtbot, monkeypatch):
        self.qtbot = qtbot
        self.plans: list[tuple[int, dict[str, str], Callable[[NewYearDialog], None] | None]] = []
        self.visits: list[NewYearVisit] = []
        robot = self
        monkeypatch.setattr(NewYearDialog, "exec", lambda dialog: robot._run(dialog))

    def will(self, year: int, choices: dict[str, str] | None = None,
             then: Callable[[NewYearDialog], None] | None = None) -> NewYearRobot:
        """Queue the year to type and the entry (shown text) to pick for each agency code."""
        self.plans.append((year, choices or {}, then))
        return self

    def _run(self, dialog: NewYearDialog) -> int:
        assert self.plans, "the new-year dialog opened unexpectedly"
        year, choices, then = self.plans.pop(0)
        dialog.show()
        self.qtbot.waitExposed(dialog)
        dialog.year.selectAll()
        QTest.keyClicks(dialog.year, str(year))
        QTest.keyClick(dialog.year, Qt.Key.Key_Tab)
        for code, text in choices.items():
            combo = dialog.findChild(QComboBox, f"choice_{code}")
            assert combo is not None, f"no choice for {code}"
            index = combo.findText(text)
            assert index >= 0, f"{code}: no entry “{text}”"
            combo.setCurrentIndex(index)
        if then:
            then(dialog)
        visit = NewYearVisit(dialog.status.text(), dialog.create_button.isEnabled(),
                             [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())])
        self.visits.append(visit)
        if visit.create_enabled:
            QTest.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        else:
            dialog.reject()
        visit.created = dialog.result() == QDialog.DialogCode.Accepted
        dialog.hide()
        return dialog.result()
