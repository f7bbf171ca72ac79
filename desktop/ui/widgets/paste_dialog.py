"""The preview of rows pasted from Excel onto a list: which column goes to which field (changeable), the rows that
will be added and those refused with the reason; Add saves the valid rows together (one undo step)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.entities import EntitySpec
from desktop.services.paste import PastePlan
from desktop.ui import theme
from desktop.ui.formatting import field_label


class PasteDialog(QDialog):
    """Shows a PastePlan; `replan(fields)` recomputes it when the user changes a column's field."""

    def __init__(self, spec: EntitySpec, plan: PastePlan, replan: Callable[[list[str | None]], PastePlan],
                 choices: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("paste_dialog")
        self.spec = spec
        self.plan = plan
        self._replan = replan
        self.setWindowTitle(self.tr("Paste rows into: %1").replace("%1", spec.title))
        layout = QVBoxLayout(self)
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        layout.addWidget(self.explain)
        self.mapping_row = QHBoxLayout()
        layout.addLayout(self.mapping_row)
        self.boxes: list[QComboBox] = []
        for position, name in enumerate(plan.fields):
            box = QComboBox()
            box.setObjectName(f"map_{position}")
            box.addItem(self.tr("(leave out)"), None)
            for choice in choices:
                box.addItem(field_label(spec.field(choice)), choice)
            box.setCurrentIndex(max(box.findData(name), 0))
            box.currentIndexChanged.connect(self._mapping_changed)
            self.boxes.append(box)
            self.mapping_row.addWidget(box)
        self.table = QTableWidget()
        self.table.setObjectName("paste_rows")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.add_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.add_button.setObjectName("paste_add")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(900, 420)
        self._show_plan()

    def fields(self) -> list[str | None]:
        """The field chosen for each pasted column."""
        return [box.currentData() for box in self.boxes]

    def _mapping_changed(self) -> None:
        self.plan = self._replan(self.fields())
        self._show_plan()

    def _show_plan(self) -> None:
        plan = self.plan
        matched = self.tr("Columns matched by their titles (the first row pasted is a header).") if plan.header \
            else self.tr("Columns taken in the order of the list's columns.")
        self.explain.setText(matched + " " + self.tr("%1 row(s) will be added, %2 refused.")
                             .replace("%1", str(len(plan.valid_rows))).replace("%2", str(len(plan.refused_rows))))
        width = max((len(r.cells) for r in plan.rows), default=0)
        self.table.clear()
        self.table.setColumnCount(width + 2)
        self.table.setRowCount(len(plan.rows))
        headers = [self.tr("Row"), self.tr("Result")] + [
            (plan.header[i] if plan.header and i < len(plan.header) else str(i + 1)) for i in range(width)]
        self.table.setHorizontalHeaderLabels(headers)
        bad = theme.row_background(theme.DANGER)
        for r, row in enumerate(plan.rows):
            result = QTableWidgetItem(self.tr("Will be added") if row.valid
                                      else self.tr("Refused: %1").replace("%1", row.reason))
            result.setToolTip(result.text())
            self.table.setItem(r, 0, QTableWidgetItem(str(row.number)))
            self.table.setItem(r, 1, result)
            for c, text in enumerate(row.cells):
                self.table.setItem(r, c + 2, QTableWidgetItem(text))
            if not row.valid:
                for c in range(width + 2):
                    item = self.table.item(r, c)
                    if item is not None:
                        item.setBackground(bad)
        self.table.resizeColumnsToContents()
        for c in range(self.table.columnCount()):
            self.table.setColumnWidth(c, min(self.table.columnWidth(c), 320))
        self.add_button.setText(self.tr("Add %n row(s)", "", len(plan.valid_rows)))
        self.add_button.setEnabled(bool(plan.valid_rows))
