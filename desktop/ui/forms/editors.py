"""One editor widget per field kind, all with the same small interface: value(), set_value(), changed signal."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QDate, QObject, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QWidget,
    QWidgetAction,
)

from desktop.domain.choices import QUARTERS
from desktop.domain.fields import Field, Kind
from desktop.ui import formatting, theme
from desktop.ui.context import plan_year

Options = list[tuple[str, str]]  # (stored value, shown text)


class FieldEditor(QObject):
    """Wraps the widget editing one field.

    Signals:
        changed(): the user changed the value.
    """

    changed = Signal()

    def __init__(self, field: Field, widget: QWidget):
        super().__init__(widget)
        self.field = field
        self.widget = widget

    def value(self) -> object:
        """The value as typed, handed to the domain's validation."""
        raise NotImplementedError

    def set_value(self, value: object) -> None:
        """Show a stored value."""
        raise NotImplementedError


class LineEditor(FieldEditor):
    """Text, numbers, money, tax codes…: a line edit; numbers shown the Vietnamese way (1.394.200.000)."""

    def __init__(self, field: Field):
        edit = QLineEdit()
        super().__init__(field, edit)
        self.edit = edit
        edit.textEdited.connect(lambda _text: self.changed.emit())
        if field.kind in (Kind.MONEY, Kind.INT, Kind.DECIMAL, Kind.PERCENT, Kind.YEAR):
            edit.setAlignment(edit.alignment())
        if field.kind is Kind.MONEY:
            edit.setPlaceholderText("0")
            edit.editingFinished.connect(self._regroup)
        if field.max_length:
            edit.setMaxLength(field.max_length)

    def _regroup(self) -> None:
        # Show "1394200000" as "1.394.200.000" once the user leaves the field; invalid text is left for validation.
        try:
            self.edit.setText(formatting.format_int(self.field.clean(self.edit.text())))  # type: ignore[arg-type]
        except ValueError:
            pass

    def value(self) -> object:
        """The typed text."""
        return self.edit.text()

    def set_value(self, value: object) -> None:
        """Show the stored value formatted."""
        self.edit.setText(formatting.format_value(self.field, value) if self.field.kind is not Kind.YEAR
                          else ("" if value is None else str(value)))


class TextAreaEditor(FieldEditor):
    """Long text over several lines."""

    def __init__(self, field: Field):
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setMinimumHeight(60)
        edit.setMaximumHeight(110)
        super().__init__(field, edit)
        self.edit = edit
        edit.textChanged.connect(self.changed.emit)

    def value(self) -> object:
        """The typed text."""
        return self.edit.toPlainText()

    def set_value(self, value: object) -> None:
        """Show the stored text."""
        self.edit.setPlainText("" if value is None else str(value))


def _calendar_icon() -> QIcon:
    """A small calendar drawn in code (Qt's standard icons have none)."""
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    # Graphics need 3:1 against the field's background (WCAG 2, non-text contrast), in a dark palette too.
    ink = theme.readable("#555555", theme.palette().color(QPalette.ColorRole.Base), 3.0)
    painter.setPen(ink)
    painter.drawRect(1, 2, 13, 12)
    painter.fillRect(2, 3, 12, 3, QColor("#c62828"))
    for x in (4, 7, 10):
        for y in (8, 11):
            painter.fillRect(x, y, 2, 2, ink)
    painter.end()
    return QIcon(pixmap)


def calendar_start(today: QDate | None = None) -> QDate:
    """Where the calendar of a blank date opens: today's month when it is in the plan's year, else the plan year's
    January (or December when the plan year is past, where its deadlines and reports cluster)."""
    today = today or QDate.currentDate()
    year = plan_year()
    if year is None or year == today.year():
        return today
    return QDate(year, 12, 1) if year < today.year() else QDate(year, 1, 1)


class DateEditor(FieldEditor):
    """A date typed the way it is written, dd/MM/yyyy (also 1/12/2024 or 01.12.2024), or picked from a calendar;
    may be left blank.

    A line edit rather than QDateEdit: QDateEdit silently changes a typed 31 into 30 while the month shown has 30
    days, and cannot be left blank; here the text goes to the domain, which names a wrong date in Vietnamese.
    """

    def __init__(self, field: Field):
        edit = QLineEdit()
        edit.setPlaceholderText(QCoreApplication.translate("DateEditor", "dd/mm/yyyy"))
        edit.setMaxLength(10)
        super().__init__(field, edit)
        self.edit = edit
        pick = edit.addAction(_calendar_icon(), QLineEdit.ActionPosition.TrailingPosition)
        pick.setToolTip(QCoreApplication.translate("DateEditor", "Choose from a calendar"))
        pick.triggered.connect(self.show_calendar)
        edit.textEdited.connect(lambda _t: self.changed.emit())
        edit.editingFinished.connect(self._tidy)

    def _tidy(self) -> None:
        # "1/3/2024" becomes "01/03/2024" once the user leaves the field; a wrong date is left for validation.
        try:
            self.edit.setText(formatting.format_date(self.field.clean(self.edit.text())))  # type: ignore[arg-type]
        except ValueError:
            pass

    def show_calendar(self) -> QCalendarWidget:
        """Pop a calendar under the field; a click on a day fills it in."""
        menu = QMenu(self.edit)
        calendar = QCalendarWidget(menu)
        calendar.setLocale(formatting.locale())
        calendar.setGridVisible(True)
        try:
            current = self.field.clean(self.edit.text())
        except ValueError:
            current = None
        if current:
            calendar.setSelectedDate(QDate.fromString(str(current), "yyyy-MM-dd"))
        else:
            start = calendar_start()
            calendar.setCurrentPage(start.year(), start.month())

        def chosen(date: QDate) -> None:
            self.edit.setText(date.toString(formatting.DATE_FORMAT))
            self.changed.emit()
            menu.close()

        calendar.clicked.connect(chosen)
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)
        menu.popup(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        return calendar

    def value(self) -> object:
        """The text typed (ISO, dd/MM/yyyy…), or None when blank; the domain parses and checks it."""
        text = self.edit.text().strip()
        return text or None

    def set_value(self, value: object) -> None:
        """Show an ISO date as dd/MM/yyyy (blank for none)."""
        self.edit.setText(formatting.format_date(str(value)) if value else "")


class CheckEditor(FieldEditor):
    """Yes / no."""

    def __init__(self, field: Field):
        box = QCheckBox()
        super().__init__(field, box)
        self.box = box
        box.toggled.connect(lambda _b: self.changed.emit())

    def value(self) -> object:
        """True or False."""
        return self.box.isChecked()

    def set_value(self, value: object) -> None:
        """Tick when the value is true."""
        self.box.setChecked(bool(value))


class ComboEditor(FieldEditor):
    """A choice from a list (enumerations, agencies, tasks…); a blank entry when the field is optional."""

    def __init__(self, field: Field, options: Options):
        combo = QComboBox()
        combo.setMinimumContentsLength(20)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        super().__init__(field, combo)
        self.combo = combo
        if not field.required:
            combo.addItem("", None)
        for code, text in options:
            combo.addItem(text, code)
        combo.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def value(self) -> object:
        """The chosen code or id (None for the blank entry)."""
        return self.combo.currentData()

    def set_value(self, value: object) -> None:
        """Select the entry of `value` (the first entry when empty). A stored value no longer offered (an agency that
        ended before the plan's year) is kept as an extra entry, so that saving the form never changes it."""
        position = self.combo.findData(value) if value not in (None, "") else -1
        if position < 0 and value not in (None, ""):
            self.combo.addItem(self.tr("(no longer offered)"), value)
            position = self.combo.count() - 1
        self.combo.setCurrentIndex(max(position, 0))


class MultiCheckEditor(FieldEditor):
    """Several agencies ticked in a list (coordinating agencies)."""

    def __init__(self, field: Field, options: Options):
        listing = QListWidget()
        listing.setMaximumHeight(120)
        super().__init__(field, listing)
        self.listing = listing
        self._stored: list[str] = []
        for code, text in options:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setCheckState(Qt.CheckState.Unchecked)
            listing.addItem(item)
        listing.itemChanged.connect(lambda _i: self.changed.emit())

    def value(self) -> object:
        """The ids ticked: those stored first in their stored order (the order of the document), then new ones."""
        ticked = [self.listing.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.listing.count())
                  if self.listing.item(i).checkState() == Qt.CheckState.Checked]
        listed = {self.listing.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.listing.count())}
        # Stored ids the list does not offer (an agency that ended before the plan's year) are kept as they are.
        return ([i for i in self._stored if i in ticked or i not in listed]
                + [i for i in ticked if i not in self._stored])

    def set_value(self, value: object) -> None:
        """Tick the ids stored (JSON list)."""
        self._stored = list(json.loads(value) if isinstance(value, str) and value else (value or []))  # type: ignore[arg-type]
        ids = set(self._stored)
        for i in range(self.listing.count()):
            item = self.listing.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


class QuartersEditor(FieldEditor):
    """The quarters I–IV as four tick boxes."""

    def __init__(self, field: Field):
        box = QWidget()
        layout = QHBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        super().__init__(field, box)
        self.boxes = {}
        for quarter in QUARTERS:
            check = QCheckBox(self.tr("Quarter %1").replace("%1", quarter))
            check.toggled.connect(lambda _b: self.changed.emit())
            layout.addWidget(check)
            self.boxes[quarter] = check
        layout.addStretch(1)

    def value(self) -> object:
        """"II, III" style text."""
        return ", ".join(q for q, box in self.boxes.items() if box.isChecked())

    def set_value(self, value: object) -> None:
        """Tick the stored quarters."""
        chosen = {q.strip() for q in str(value or "").split(",")}
        for quarter, box in self.boxes.items():
            box.setChecked(quarter in chosen)


def make_editor(field: Field, options: Callable[[Field], Options]) -> FieldEditor:
    """The editor for `field`; `options` gives the entries of choice and reference fields."""
    kind = field.kind
    if kind is Kind.LONGTEXT:
        return TextAreaEditor(field)
    if kind is Kind.DATE:
        return DateEditor(field)
    if kind is Kind.BOOL:
        return CheckEditor(field)
    if kind is Kind.CHOICE:
        return ComboEditor(field, [(c.code, formatting.choice_text(field.choices, c.code)) for c in field.choices])
    if kind is Kind.REF:
        return ComboEditor(field, options(field))
    if kind is Kind.REFS:
        return MultiCheckEditor(field, options(field))
    if kind is Kind.QUARTERS:
        return QuartersEditor(field)
    return LineEditor(field)
