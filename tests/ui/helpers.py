"""Using the GUI as a person would: typing (Vietnamese too), clicking, choosing, filling and saving forms.

`qtbot.keyClicks` aborts the process on non-ASCII text, so `type_text` sends one QKeyEvent per character carrying the
character as its text (how a Vietnamese input method's committed text reaches a widget).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

from desktop.ui.forms.entity_dialog import EntityDialog
from desktop.ui.widgets.list_panel import ListPanel


def _key(widget: QWidget, key: int, text: str = "", modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers, text))


def type_text(widget: QWidget, text: str, *, replace: bool = True) -> None:
    """Type `text` into a line edit or text area (replacing what is there), one key event per character."""
    widget.setFocus()
    if replace:
        widget.selectAll()  # type: ignore[attr-defined]
        if isinstance(widget, QLineEdit):
            _key(widget, Qt.Key.Key_Backspace)
        else:
            _key(widget, Qt.Key.Key_Delete)
    for char in text:
        if char == "\n":
            _key(widget, Qt.Key.Key_Return, "\r")
        else:
            _key(widget, 0, char)
    if isinstance(widget, QLineEdit):
        widget.editingFinished.emit()  # leaving the field (regrouping of money happens here)


def choose(combo: QComboBox, text: str) -> None:
    """Pick the entry of a drop-down whose text is `text` (or starts with it)."""
    position = combo.findText(text)
    if position < 0:
        position = combo.findText(text, Qt.MatchFlag.MatchStartsWith)
    if position < 0:
        position = combo.findText(text, Qt.MatchFlag.MatchContains)
    assert position >= 0, f"{text!r} is not in {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setFocus()
    combo.setCurrentIndex(position)
    combo.activated.emit(position)


def tick(box: QCheckBox, checked: bool = True) -> None:
    """Click a tick box until it shows `checked`."""
    if box.isChecked() != checked:
        box.click()


def tick_items(listing: QListWidget, texts: list[str]) -> None:
    """Tick exactly the entries of a tick list whose text contains one of `texts`."""
    for i in range(listing.count()):
        item = listing.item(i)
        wanted = any(t in item.text() for t in texts)
        item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)


def set_field(dialog: QDialog, name: str, value: object) -> None:
    """Put `value` into the form's editor of field `name` the way a user would for that kind of editor.

    Text editors and dates: the text typed ("dd/MM/yyyy"). Drop-downs: the entry's shown text. Tick boxes: True/False.
    Quarters: a list like ["I", "III"]. Agency tick lists: a list of (parts of) names.
    """
    widget = dialog.findChild(QWidget, f"field_{name}")
    assert widget is not None, f"the form has no field {name}"
    if isinstance(widget, (QLineEdit, QPlainTextEdit)):
        type_text(widget, str(value))
    elif isinstance(widget, QComboBox):
        choose(widget, str(value))
    elif isinstance(widget, QCheckBox):
        tick(widget, bool(value))
    elif isinstance(widget, QListWidget):
        tick_items(widget, list(value))  # type: ignore[arg-type]
    else:  # the quarters: four tick boxes
        boxes = widget.findChildren(QCheckBox)
        wanted = set(value)  # type: ignore[arg-type]
        for quarter, box in zip(("I", "II", "III", "IV"), boxes, strict=True):
            tick(box, quarter in wanted)


def field_text(dialog: QDialog, name: str) -> str:
    """What the editor of `name` shows."""
    widget = dialog.findChild(QWidget, f"field_{name}")
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        return widget.currentText()
    if isinstance(widget, QCheckBox):
        return str(widget.isChecked())
    raise AssertionError(f"no text for {name}")


@dataclass
class FormResult:
    """What happened in one form: the values it opened with, whether it was saved, the messages it showed."""

    title: str
    opened_with: dict[str, str] = field(default_factory=dict)
    saved: bool = False
    errors: dict[str, str] = field(default_factory=dict)
    banner: str = ""
    warnings: dict[str, str] = field(default_factory=dict)  # shown under the fields once typed, before Save


@dataclass
class _Plan:
    values: dict
    save: bool
    then: Callable[[EntityDialog], None] | None


class FormRobot:
    """Stands in for the person at a modal form: `will(**values)` queues what to type into the next form opened;
    the form is shown, filled through its widgets, and Save is clicked. A refused form is recorded (errors shown
    beside the fields, the banner) and closed as if cancelled."""

    def __init__(self, qtbot, monkeypatch):
        self.qtbot = qtbot
        self.plans: list[_Plan] = []
        self.results: list[FormResult] = []
        robot = self

        def fake_exec(dialog: EntityDialog) -> int:
            return robot._run(dialog)

        monkeypatch.setattr(EntityDialog, "exec", fake_exec)

    def will(self, *, save: bool = True, then: Callable[[EntityDialog], None] | None = None, **values) -> FormRobot:
        """Queue the values to type into the next form (and whether to click Save)."""
        self.plans.append(_Plan(values, save, then))
        return self

    @property
    def last(self) -> FormResult:
        """The last form handled."""
        return self.results[-1]

    def _run(self, dialog: EntityDialog) -> int:
        assert self.plans, f"a form opened that the test did not expect: {dialog.windowTitle()}"
        plan = self.plans.pop(0)
        dialog.show()
        self.qtbot.waitExposed(dialog)
        result = FormResult(dialog.windowTitle())
        for name in dialog.editors:
            try:
                result.opened_with[name] = field_text(dialog, name)
            except AssertionError:
                pass
        for name, value in plan.values.items():
            set_field(dialog, name, value)
        if plan.then:
            plan.then(dialog)
        result.warnings = {n: label.text() for n, label in dialog.warning_labels.items() if label.isVisible()}
        if plan.save:
            self.qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                                  Qt.MouseButton.LeftButton)
        result.errors = {n: label.text() for n, label in dialog.error_labels.items() if label.isVisible()}
        result.banner = dialog.banner.text() if dialog.banner.isVisible() else ""
        result.saved = dialog.result() == QDialog.DialogCode.Accepted and dialog.saved_row is not None
        if dialog.isVisible():
            QDialog.done(dialog, QDialog.DialogCode.Rejected)
        self.results.append(result)
        return int(result.saved)


def click(qtbot, widget: QWidget) -> None:
    """A left click in the middle of `widget`."""
    assert widget.isEnabled(), f"{widget.objectName()} is greyed out"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def go_to_page(qtbot, window, key: str):
    """Click the page `key` in the sidebar; returns the page."""
    position = [p.key for p in window.pages].index(key)
    item = window.sidebar.item(position)
    window.sidebar.scrollToItem(item)
    rect = window.sidebar.visualItemRect(item)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_page().key == key
    return window.current_page()


def open_tab(qtbot, tabs: QTabWidget, title_part: str) -> None:
    """Click the tab whose title contains `title_part` (or the tab at that index when given a number)."""
    if isinstance(title_part, int):
        position = title_part
    else:
        titles = [tabs.tabText(i).replace("&", "") for i in range(tabs.count())]
        position = next(i for i, t in enumerate(titles) if title_part.lower() in t.lower())
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(position).center())
    assert tabs.currentIndex() == position


def open_every_tab(qtbot, page: QWidget) -> None:
    """Click every tab of the page, nested ones too (a tab's lists are built when it is first opened), then the first
    tab of each again."""
    seen: set[int] = set()
    while True:
        tab_widgets = [t for t in page.findChildren(QTabWidget) if id(t) not in seen]
        if not tab_widgets:
            return
        for tabs in tab_widgets:
            seen.add(id(tabs))
            for position in [*range(1, tabs.count()), 0]:
                reveal(qtbot, tabs)
                open_tab(qtbot, tabs, position)


def panel(window: QWidget, entity: str) -> ListPanel:
    """The list of `entity` in the window (a list on a tab never opened is built, as opening the tab would, but its
    rows are read only when the tab opens, as for the user)."""
    found = window.findChild(ListPanel, f"panel_{entity}")
    if found is None:
        from desktop.ui.widgets.lazy_tab import LazyTab

        for tab in window.findChildren(LazyTab):
            tab.content()
        found = window.findChild(ListPanel, f"panel_{entity}")
    assert found is not None, f"no list of {entity}"
    return found


def button(list_panel: ListPanel, name: str) -> QWidget:
    """The add / edit / delete button of a list."""
    return list_panel.findChild(QWidget, name)


def table_texts(list_panel: ListPanel, column: int | str = 0) -> list[str]:
    """The texts shown in one column of the list (by index or by the column's key), top to bottom."""
    model = list_panel.view.model()
    if isinstance(column, str):
        column = [c.key for c in list_panel.model.columns].index(column)
    return [model.index(row, column).data() or "" for row in range(model.rowCount())]


def row_texts(list_panel: ListPanel, row: int) -> list[str]:
    """The texts of every cell of one shown row."""
    model = list_panel.view.model()
    return [model.index(row, c).data() or "" for c in range(model.columnCount())]


def find_row(list_panel: ListPanel, text: str) -> int:
    """The shown position of the first row with a cell containing `text`, or -1."""
    model = list_panel.view.model()
    for row in range(model.rowCount()):
        if any(text in (model.index(row, c).data() or "") for c in range(model.columnCount())):
            return row
    return -1


def select_row(qtbot, list_panel: ListPanel, text: str) -> dict:
    """Click the first row showing `text`; returns the row (dict) now selected."""
    row = find_row(list_panel, text)
    assert row >= 0, f"{text!r} is not shown in {list_panel.objectName()}"
    view: QAbstractItemView = list_panel.view
    index = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())
    current = list_panel.current_row()
    assert current is not None and view.currentIndex().row() == row
    return current


def search(list_panel: ListPanel, text: str) -> None:
    """Type into the list's search box."""
    box = list_panel.findChild(QLineEdit, "search")
    type_text(box, text)


def count_text(list_panel: ListPanel) -> str:
    """The row count shown beside the list."""
    from PySide6.QtWidgets import QLabel

    return list_panel.findChild(QLabel, "count").text()


def choose_filter(list_panel: ListPanel, name: str, text: str) -> None:
    """Pick an entry of the list's filter `name`."""
    combo = list_panel.findChild(QComboBox, f"filter_{name}")
    assert combo is not None, f"no filter {name}"
    choose(combo, text)


def add_through_form(qtbot, forms: FormRobot, list_panel: ListPanel, **values) -> FormResult:
    """Click Add, type `values`, click Save."""
    forms.will(**values)
    click(qtbot, button(list_panel, "add"))
    return forms.last


def edit_through_form(qtbot, forms: FormRobot, list_panel: ListPanel, row_text: str, **values) -> FormResult:
    """Select the row showing `row_text`, click Edit, type `values`, click Save."""
    select_row(qtbot, list_panel, row_text)
    forms.will(**values)
    click(qtbot, button(list_panel, "edit"))
    return forms.last


def delete_through_button(qtbot, list_panel: ListPanel, row_text: str) -> None:
    """Select the row showing `row_text` and click Delete (answer the questions with the `answers` fixture)."""
    select_row(qtbot, list_panel, row_text)
    click(qtbot, button(list_panel, "delete"))


def click_header(qtbot, list_panel: ListPanel, key: str) -> None:
    """Click the header of the column `key` (sorts by it; a second click reverses)."""
    from PySide6.QtCore import QPoint

    column = [c.key for c in list_panel.model.columns].index(key)
    header = list_panel.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def tabs_of(widget: QWidget) -> QTabWidget:
    """The tab widget holding `widget` (a list in a tab)."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QTabWidget):
        parent = parent.parentWidget()
    assert parent is not None, f"{widget.objectName()} is not in a tab"
    return parent


def show_tab_of(qtbot, widget: QWidget) -> None:
    """Click the tab that holds `widget`."""
    tabs = tabs_of(widget)
    for position in range(tabs.count()):
        page = tabs.widget(position)
        if page is widget or page.isAncestorOf(widget):
            open_tab(qtbot, tabs, position)
            return
    raise AssertionError("tab not found")


def reveal(qtbot, widget: QWidget) -> None:
    """Click every tab (outermost first) that hides `widget`."""
    chain = []
    parent = widget.parentWidget()
    child = widget
    while parent is not None:
        if isinstance(parent, QTabWidget):
            chain.append((parent, child))
        child, parent = parent, parent.parentWidget()
    for tabs, holder in reversed(chain):
        for position in range(tabs.count()):
            page = tabs.widget(position)
            if page is holder or page.isAncestorOf(widget):
                open_tab(qtbot, tabs, position)
                break
