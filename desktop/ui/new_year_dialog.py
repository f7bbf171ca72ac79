"""Kế hoạch năm mới: the dialog that copies a plan into a new year in the structure of that year.

It shows what will be copied and, for every agency of the copied rows that no longer exists in the new year, what
replaces it: its single successor (pre-selected), or a choice the user must make when there are several successors
(one district -> several communes) or none. Nothing is written until every agency is decided and the user confirms.

    dialog = NewYearDialog(store, current_year, parent)
    if dialog.exec():
        dialog.new_plan_id
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from desktop.domain.dates import format_date
from desktop.services.new_year import AMBIGUOUS, AgencyMapping, NewYearPreview, create_new_year, preview_new_year
from desktop.store import Store, StoreError
from desktop.ui import theme

UNDECIDED_COLOUR = theme.WARNING  # a row still waiting for a decision (tinted by theme.row_background)
_DROP = "__drop__"
_ALL = "__all__"


class NewYearDialog(QDialog):
    """Year, source plan, the mapping table (one choice per ended agency) and the button that creates the plan."""

    def __init__(self, store: Store, from_year: int, parent=None):
        super().__init__(parent)
        self.store = store
        self.new_plan_id: str | None = None
        self.preview: NewYearPreview | None = None
        self.choices: dict[str, QComboBox] = {}
        self.setWindowTitle(self.tr("New plan year"))
        self.resize(1100, 620)

        intro = QLabel(self.tr("The plan is copied into the new year (tasks, responsibilities, indicators with their "
                               "targets, budget lines, reports owed) with progress and results cleared. Agencies that "
                               "no longer exist in the new year are replaced by the agencies chosen below."))
        intro.setWordWrap(True)
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.source = QComboBox()
        self.source.setObjectName("source")
        years = sorted({int(p["year"]) for p in store.repo("plans").rows()}, reverse=True)
        for year in years:
            self.source.addItem(str(year), year)
        self.source.setCurrentIndex(max(self.source.findData(from_year), 0))
        # The year after the latest plan, and not a past year: in 2026 a database holding only 2024 proposes 2026.
        self.year.setValue(max(max(years, default=from_year) + 1, dt.date.today().year))
        self.year.setMaximumWidth(120)
        self.source.setMaximumWidth(120)
        form = QFormLayout()
        form.addRow(self.tr("Year of the new plan:"), self.year)
        form.addRow(self.tr("Copy the plan of:"), self.source)
        self.counts = QLabel()
        self.counts.setObjectName("counts")
        self.counts.setWordWrap(True)

        self.table = QTableWidget(0, 4)
        self.table.setObjectName("mapping")
        self.table.setHorizontalHeaderLabels([self.tr("Agency no longer in force"), self.tr("Ended on"),
                                              self.tr("Named in"), self.tr("Replaced by")])
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 320)
        self.table.setColumnWidth(1, 90)
        self.table.setColumnWidth(3, 330)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.review = QLabel()
        self.review.setObjectName("review")
        self.review.setWordWrap(True)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.create_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.create_button.setText(self.tr("&Create the plan"))
        self.create_button.setObjectName("create")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.counts)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.review)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.year.valueChanged.connect(lambda _v: self.reload())
        self.source.currentIndexChanged.connect(lambda _i: self.reload())
        self.reload()

    # -- reading the plan ----------------------------------------------------------------------------------------
    def reload(self) -> None:
        """Recompute the preview for the chosen years and refill the table (choices already made are forgotten)."""
        self.choices.clear()
        self.table.setRowCount(0)
        try:
            self.preview = preview_new_year(self.store, self.year.value(), self.source.currentData())
        except StoreError as exc:
            self.preview = None
            self.counts.setText("")
            self.review.setText("")
            self._say(str(exc), error=True)
            self.create_button.setEnabled(False)
            return
        counts = self.preview.counts
        self.counts.setText(self.tr("To copy: %1 tasks, %2 responsibility groups, %3 reports owed, %4 legal bases, "
                                    "%5 budget lines.")
                            .replace("%1", str(counts.get("tasks", 0)))
                            .replace("%2", str(counts.get("responsibilities", 0)))
                            .replace("%3", str(counts.get("office_reports", 0)))
                            .replace("%4", str(counts.get("legal_bases", 0)))
                            .replace("%5", str(counts.get("budget_lines", 0))))
        for mapping in self.preview.mappings:
            self._add_row(mapping)
        self._update_status()

    def _add_row(self, mapping: AgencyMapping) -> None:
        assert self.preview is not None
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(f"{mapping.name} ({mapping.code})"))
        self.table.setItem(row, 1, QTableWidgetItem(format_date(mapping.valid_to) if mapping.valid_to else ""))
        uses = QTableWidgetItem("; ".join(mapping.uses))
        uses.setToolTip("\n".join(mapping.uses))
        self.table.setItem(row, 2, uses)
        combo = QComboBox()
        combo.setObjectName(f"choice_{mapping.code}")
        combo.setMaxVisibleItems(20)
        names = self.preview.names
        if mapping.targets is None:
            combo.addItem(self.tr("— choose —"), None)
        if len(mapping.candidates) > 1:
            combo.addItem(self.tr("All %1 successors").replace("%1", str(len(mapping.candidates))), _ALL)
        for agency_id in mapping.candidates:
            combo.addItem(names[agency_id], agency_id)
        combo.addItem(self.tr("Drop (no agency in its place)"), _DROP)
        combo.insertSeparator(combo.count())
        for agency_id in self.preview.available:
            if agency_id not in mapping.candidates:
                combo.addItem(names[agency_id], agency_id)
        if mapping.targets:
            combo.setCurrentIndex(combo.findData(mapping.targets[0]))
        combo.setToolTip(self._why(mapping))
        combo.currentIndexChanged.connect(lambda _i: self._update_status())
        self.table.setCellWidget(row, 3, combo)
        self.choices[mapping.agency_id] = combo

    def _why(self, mapping: AgencyMapping) -> str:
        if mapping.state == AMBIGUOUS:
            return self.tr("Several successors: choose one, all of them, or another agency.")
        if not mapping.candidates:
            return self.tr("No successor is named: choose the agency that takes over, or drop it.")
        return self.tr("Its successor, chosen automatically; you may choose another.")

    # -- decisions ------------------------------------------------------------------------------------------------
    def decisions(self) -> dict[str, list[str]]:
        """The choices made in the table: old agency id -> replacements ([] drops it); undecided rows left out."""
        assert self.preview is not None
        candidates = {m.agency_id: m.candidates for m in self.preview.mappings}
        result: dict[str, list[str]] = {}
        for agency_id, combo in self.choices.items():
            value = combo.currentData()
            if value is None:
                continue
            result[agency_id] = (list(candidates[agency_id]) if value == _ALL else [] if value == _DROP
                                 else [str(value)])
        return result

    def _update_status(self) -> None:
        if self.preview is None:
            return
        decided = self.decisions()
        waiting = [m for m in self.preview.mappings if m.agency_id not in decided]
        for row, mapping in enumerate(self.preview.mappings):
            undecided = mapping.agency_id in {m.agency_id for m in waiting}
            for column in range(3):
                item = self.table.item(row, column)
                if item is not None:  # no brush at all for decided rows: the table's own (alternating) colours
                    item.setData(Qt.ItemDataRole.BackgroundRole,
                                 theme.row_background(UNDECIDED_COLOUR) if undecided else None)
        if not self.preview.mappings:
            self._say(self.tr("Every agency of the plan is still in force in %1.").replace(
                "%1", str(self.preview.year)))
        elif waiting:
            self._say(self.tr("Choose what replaces the %1 agencies highlighted before creating the plan.")
                      .replace("%1", str(len(waiting))), error=True)
        else:
            self._say(self.tr("%1 agencies will be replaced as shown.").replace("%1", str(len(decided))))
        self.review.setText(self.tr("To edit after creating the plan (written for the former agencies): %1")
                            .replace("%1", "; ".join(self.preview.review)) if self.preview.review else "")
        self.create_button.setEnabled(not waiting)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {theme.text_colour(theme.DANGER)}; font-weight: bold;" if error else "")

    # -- writing --------------------------------------------------------------------------------------------------
    def create(self) -> None:
        """Create the plan with the choices made; on refusal say why and stay open."""
        try:
            preview = preview_new_year(self.store, self.year.value(), self.source.currentData(), self.decisions())
            self.new_plan_id = create_new_year(self.store, preview)
        except StoreError as exc:
            QMessageBox.warning(self, self.tr("New plan year"), str(exc))
            return
        self.preview = preview
        self.accept()

    def selected_year(self) -> int:
        """The year of the new plan."""
        return self.year.value()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        """Enter in the table's choices must not create the plan by accident: only the button does."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.create_button.hasFocus():
            return
        super().keyPressEvent(event)
