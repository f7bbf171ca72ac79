"""What a list does beyond add / edit / delete, the way Excel users work: copy rows out as tab-separated text, paste
rows from Excel (with a preview), edit a cell in place, duplicate a row, and the right-click menus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QMenu

from desktop.domain.errors import ValidationError
from desktop.services import lookups, records
from desktop.store import StoreError
from desktop.ui.undo import AddCommand, AddRowsCommand, EditCommand

if TYPE_CHECKING:
    from desktop.services.paste import PastePlan
    from desktop.ui.widgets.list_panel import ListPanel

# The paste and warning rules (with the csv module) are imported at the first copy, paste or edit, not at start-up.


# -- copy ------------------------------------------------------------------------------------------------------------
def selected_view_rows(panel: ListPanel) -> list[int]:
    """The shown positions of the selected rows, top to bottom (the current row when none is selected)."""
    rows = sorted({i.row() for i in panel.view.selectionModel().selectedRows()})
    if not rows and panel.view.currentIndex().isValid():
        rows = [panel.view.currentIndex().row()]
    return rows


def copy_rows(panel: ListPanel, *, with_headers: bool = False) -> str:
    """Put the selected rows on the clipboard as Excel pastes them (the shown columns, as shown); returns the text."""
    from desktop.services.paste import to_tsv

    model, view = panel.model, panel.view
    columns = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
    lines = []
    if with_headers:
        lines.append([str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns])
    for row in selected_view_rows(panel):
        lines.append([str(model.data(model.index(row, c)) or "") for c in columns])
    text = to_tsv(lines)
    if lines:
        QGuiApplication.clipboard().setText(text)
        panel.window().statusBar().showMessage(  # type: ignore[attr-defined]
            QCoreApplication.translate("ListPanel", "%n row(s) copied: paste them into Excel with Ctrl+V.", "",
                                       len(lines) - (1 if with_headers else 0)), 5000)
    return text


# -- paste -----------------------------------------------------------------------------------------------------------
def _titles(panel: ListPanel) -> dict[str, list[str]]:
    titles: dict[str, list[str]] = {}
    for column in panel.model.columns:
        if column.field is not None:
            titles.setdefault(column.key, []).extend([column.header, column.field.title, column.field.label_en])
    for field in panel.spec.fields:
        titles.setdefault(field.name, []).extend([field.title, field.label_en])
    return titles


def paste_choices(panel: ListPanel) -> list[str]:
    """Fields a pasted column may go to: the form's fields without the list's fixed parent."""
    return [name for name in panel.form_fields if name != panel.parent_field and name != "plan_id"]


def make_paste_plan(panel: ListPanel, text: str, fields: list[str | None] | None = None) -> PastePlan:
    """Match and validate the rows of `text` for this list (writes nothing)."""
    from desktop.services.paste import parse_tsv, plan_paste

    order = [c.key for p, c in enumerate(panel.model.columns)
             if c.field is not None and c.value is None and not panel.view.isColumnHidden(p)]
    refs = {f.ref: panel.ctx.names(f.ref) for f in panel.spec.refs if f.ref}
    fixed = {**panel.defaults(), **panel.fixed_values()}
    return plan_paste(panel.spec, parse_tsv(text), _titles(panel), order, fixed, refs, fields=fields)


def paste_rows(panel: ListPanel, text: str | None = None) -> list[str]:
    """Paste rows copied from Excel: preview and mapping first, then the valid rows are added as one undo step.
    Returns the ids of the rows added."""
    from desktop.ui.widgets.paste_dialog import PasteDialog

    if not panel.add_button.isEnabled():
        return []
    text = QGuiApplication.clipboard().text() if text is None else text
    if not text.strip():
        return []
    plan = make_paste_plan(panel, text)
    dialog = PasteDialog(panel.spec, plan, lambda fields: make_paste_plan(panel, text, fields),
                         paste_choices(panel), panel.window())
    if not dialog.exec():
        return []
    return add_pasted(panel, dialog.plan)


def add_pasted(panel: ListPanel, plan: PastePlan) -> list[str]:
    """Save the valid rows of `plan` in one transaction and push one undo step; say what was refused."""
    from PySide6.QtWidgets import QMessageBox

    added: list[str] = []
    refused = [(r.number, r.reason) for r in plan.refused_rows]
    store = panel.ctx.store
    with store.atomic():
        for row in plan.valid_rows:
            try:
                added.append(records.save_row(store, panel.entity, None, row.values)["id"])
            except (ValidationError, StoreError) as exc:
                refused.append((row.number, str(exc)))
    if added:
        label = QCoreApplication.translate("ListPanel", "%n row(s)", "", len(added))
        panel.ctx.undo_stack.push(AddRowsCommand(store, panel.ctx.bus, panel.entity, added, label))
        panel.ctx.bus.notify(panel.entity)
        panel.select_row(added[0])
    if refused:
        head = QCoreApplication.translate("ListPanel", "%1 row(s) added. Refused:").replace("%1", str(len(added)))
        line = QCoreApplication.translate("ListPanel", "row %1: %2")
        lines = [line.replace("%1", str(n)).replace("%2", reason) for n, reason in sorted(refused)]
        QMessageBox.information(panel.window(), QCoreApplication.translate("ListPanel", "Paste"),
                                "\n".join([head, *lines]))
    return added


# -- in place --------------------------------------------------------------------------------------------------------
def commit_cell(panel: ListPanel, row: dict, name: str, value: object) -> bool:
    """Save one field typed in a cell (validated like the form); one undo step. A refusal is explained."""
    from PySide6.QtWidgets import QMessageBox

    row = panel.stored(row)
    before = {n: row.get(n) for n in panel.spec.field_names}
    data = {**row, name: value}
    for derived, compute in panel.spec.derived.items():
        # A figure that followed the others (amount = quantity × unit price) follows the new value too.
        if derived != name and row.get(derived) is not None and row.get(derived) == compute(row):
            data[derived] = None
    try:
        saved = records.save_row(panel.ctx.store, panel.entity, row["id"], data)
    except ValidationError as exc:
        QMessageBox.warning(panel.window(), QCoreApplication.translate("ListPanel", "Not saved"),
                            "\n".join(str(e) for e in exc.errors))
        return False
    except StoreError as exc:
        QMessageBox.warning(panel.window(), QCoreApplication.translate("ListPanel", "Not saved"), str(exc))
        return False
    after = {n: saved.get(n) for n in panel.spec.field_names}
    label = lookups.display_text(panel.entity, saved)
    panel.ctx.undo_stack.push(EditCommand(panel.ctx.store, panel.ctx.bus, panel.entity, row["id"], before, after,
                                          label))
    panel.ctx.bus.notify(panel.entity)
    panel.select_row(row["id"])
    from desktop.services.row_warnings import row_warnings

    warnings = row_warnings(panel.ctx.store, panel.entity, saved, row["id"])
    status_bar = getattr(panel.window(), "statusBar", None)
    if warnings and status_bar is not None:  # saved, as typed; what to look at twice is said, without a dialog
        status_bar().showMessage(QCoreApplication.translate("ListPanel", "Saved. Note: %1")
                                 .replace("%1", " ".join(w.message for w in warnings)), 15000)
    return True


# -- duplicate -------------------------------------------------------------------------------------------------------
def duplicate_current(panel: ListPanel) -> dict | None:
    """Open the form on a copy of the selected row; saving adds it (one undo step)."""
    row = panel.current_row()
    if row is None or not panel.add_button.isEnabled():
        return None
    copy = {n: row.get(n) for n in panel.spec.field_names if n not in panel.spec.unique}
    dialog = panel.open_dialog(None, values=copy)
    if dialog.exec() and dialog.saved_row:
        saved = dialog.saved_row
        panel.ctx.undo_stack.push(AddCommand(panel.ctx.store, panel.ctx.bus, panel.entity, saved["id"],
                                             lookups.display_text(panel.entity, saved)))
        panel.ctx.bus.notify(panel.entity)
        panel.select_row(saved["id"])
        return saved
    return None


# -- the right-click menu --------------------------------------------------------------------------------------------
def row_menu(panel: ListPanel, at: QPoint) -> QMenu:
    """The menu of the row under the mouse: open, duplicate, copy, copy with headers, delete, and the page's own."""
    index = panel.view.indexAt(at)
    if index.isValid() and index.row() not in selected_view_rows(panel):
        panel.view.selectRow(index.row())
    menu = QMenu(panel.view)
    menu.setObjectName("row_menu")
    has_row = panel.current_row() is not None
    can_add = panel.add_button.isEnabled()
    entries = [
        ("open_row", QCoreApplication.translate("ListPanel", "Open the form"), "Ctrl+Return", panel.edit_current,
         has_row),
        ("duplicate_row", QCoreApplication.translate("ListPanel", "Duplicate"), "", lambda: duplicate_current(panel),
         has_row and can_add),
        ("copy_rows", QCoreApplication.translate("ListPanel", "Copy"), QKeySequence(QKeySequence.StandardKey.Copy),
         lambda: copy_rows(panel), has_row),
        ("copy_rows_headers", QCoreApplication.translate("ListPanel", "Copy with headers"), "Ctrl+Shift+C",
         lambda: copy_rows(panel, with_headers=True), has_row),
        ("paste_rows", QCoreApplication.translate("ListPanel", "Paste rows from Excel"),
         QKeySequence(QKeySequence.StandardKey.Paste), lambda: paste_rows(panel), can_add),
    ]
    for name, text, keys, slot, enabled in entries:
        action = menu.addAction(text)
        action.setObjectName(name)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.setEnabled(bool(enabled))
        action.triggered.connect(lambda _c=False, s=slot: s())
    extra = [(n, t, s) for n, t, s, show in panel.row_actions if show(panel.current_row())] if has_row else []
    if extra:
        menu.addSeparator()
        for name, text, slot in extra:
            action = menu.addAction(text)
            action.setObjectName(name)
            action.triggered.connect(lambda _c=False, s=slot: s(panel.current_row()))
    menu.addSeparator()
    delete = menu.addAction(QCoreApplication.translate("ListPanel", "Delete"))
    delete.setObjectName("delete_row")
    delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
    delete.setEnabled(has_row and panel.delete_button.isEnabled())
    delete.triggered.connect(lambda _c=False: panel.delete_current())
    return menu
