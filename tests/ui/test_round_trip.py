"""Opening any form and saving it unchanged changes nothing: every editor shows the stored value in a form that
reads back to the same value (a decimal shown rounded, a date or a choice lost, would be written over the data)."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from desktop.ui.widgets.list_panel import ListPanel
from tests.ui.helpers import button, click, go_to_page, open_every_tab, reveal


def test_every_form_saved_unchanged_keeps_every_row_as_it_was(qtbot, sample_window, forms):
    store = sample_window.ctx.store
    checked = []
    for page in sample_window.pages:
        go_to_page(qtbot, sample_window, page.key)
        open_every_tab(qtbot, page)
        for list_panel in page.findChildren(ListPanel):
            reveal(qtbot, list_panel)
            if not list_panel.model.rowCount():
                continue
            view = list_panel.view
            for position in sorted({0, list_panel.model.rowCount() - 1}):
                index = view.model().index(position, 0)
                view.scrollTo(index)
                qtbot.mouseClick(view.viewport(), __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton,
                                 pos=view.visualRect(index).center())
                row = list_panel.current_row()
                assert row is not None
                row = list_panel.stored(row)  # a content item shows its rolled-up status; the stored one must stay
                forms.will()
                click(qtbot, button(list_panel, "edit"))
                assert forms.last.saved, (list_panel.entity, forms.last)
                after = store.repo(list_panel.entity).get(row["id"])
                changed = {k: (row[k], after[k]) for k in list_panel.spec.field_names if row[k] != after[k]}
                assert not changed, f"{list_panel.entity}: an unchanged save altered {changed}"
                assert after["rev"] == row["rev"], list_panel.entity
                checked.append(list_panel.entity)
    plan_page = go_to_page(qtbot, sample_window, "plan")
    before = store.repo("plans").get(sample_window.ctx.plan_id)
    forms.will()
    click(qtbot, plan_page.findChild(QPushButton, "edit_plan"))
    assert forms.last.saved
    after = store.repo("plans").get(sample_window.ctx.plan_id)
    assert after["rev"] == before["rev"], {k: (before[k], after[k]) for k in before if before[k] != after[k]}
    assert len(set(checked)) >= 19, sorted(set(checked))


def test_every_empty_form_is_refused_with_a_vietnamese_message_under_each_required_field(qtbot, sample_window, forms):
    import re

    store = sample_window.ctx.store
    vietnamese = re.compile(r"[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]", re.I)
    seen = []
    for page in sample_window.pages:
        go_to_page(qtbot, sample_window, page.key)
        open_every_tab(qtbot, page)
        for list_panel in page.findChildren(ListPanel):
            reveal(qtbot, list_panel)
            if not list_panel.add_button.isEnabled():
                continue
            count = store.repo(list_panel.entity).count()
            blank = {}
            for name in list_panel.form_fields:
                field = list_panel.spec.field(name)
                if field.kind.name in ("TEXT", "LONGTEXT", "MONEY", "DECIMAL", "INT", "PERCENT", "TAX_CODE", "YEAR"):
                    blank[name] = ""
            forms.will(**blank)
            click(qtbot, button(list_panel, "add"))
            result = forms.last
            required = [n for n in list_panel.form_fields
                        if list_panel.spec.field(n).required and n in blank]
            if not required:
                continue
            assert not result.saved, list_panel.entity
            assert set(required) <= set(result.errors), (list_panel.entity, required, result.errors)
            assert all(vietnamese.search(text) for text in result.errors.values()), result.errors
            assert vietnamese.search(result.banner), result.banner
            assert store.repo(list_panel.entity).count() == count
            seen.append(list_panel.entity)
    assert len(seen) >= 17, sorted(seen)
