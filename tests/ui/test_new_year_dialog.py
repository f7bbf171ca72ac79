"""The new-year dialog after the 2025 reform, driven as a person would: the mapping table, the choices, Create; and the
lists of the agencies page and the forms of the new year."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from desktop.domain.entities import BY_NAME
from desktop.ui import theme
from desktop.ui.forms.editors import ComboEditor, MultiCheckEditor
from desktop.ui.pages.agencies import ENDED_COLOUR
from tests.reform_helpers import DISTRICTS, codes, reform
from tests.ui.helpers import click, find_row, go_to_page, panel
from tests.ui.new_year_robot import NewYearRobot

DROP = "Bỏ, không giao cho đơn vị nào"


def test_the_dialog_asks_for_each_undecided_agency_then_creates_the_2026_plan(qtbot, main_window, monkeypatch):
    store = main_window.ctx.store
    reform(store)
    ids = codes(store)
    robot = NewYearRobot(qtbot, monkeypatch)

    def check_table(dialog):
        combo = dialog.findChild(QComboBox, "choice_CAMMY")
        assert combo.currentText() == "UBND xã Cẩm Mỹ"  # its one successor, chosen for the user
        long_thanh = dialog.findChild(QComboBox, "choice_LONGTHANH")
        entries = [long_thanh.itemText(i) for i in range(long_thanh.count())]
        assert entries[:4] == ["— chọn —", "Cả 2 đơn vị kế thừa", "UBND xã Long Thành A", "UBND xã Long Thành B"]
        assert "UBND huyện Xuân Lộc" not in entries  # an ended agency is never offered in its place
        assert "Chọn đơn vị thay thế" in dialog.status.text() and not dialog.create_button.isEnabled()
        assert "Tổ chức thực hiện III.6: “UBND các huyện" in dialog.review.text()  # its heading names the districts

    # First visit: nothing chosen, Create stays disabled, nothing written.
    robot.will(2026, then=check_table)
    click(qtbot, main_window.toolbar.widgetForAction(main_window.new_year_action))
    first = robot.visits[0]
    assert not first.created and store.repo("plans").count(year=2026) == 0
    assert len(first.rows) == len(DISTRICTS) + 1  # 11 districts and Sở TN&MT
    assert "UBND huyện Long Thành (LONGTHANH)" in first.rows

    choices = {code: DROP for code in DISTRICTS if code not in ("CAMMY", "LONGTHANH")}
    choices["LONGTHANH"] = "Cả 2 đơn vị kế thừa"
    choices["BIENHOA"] = "Sở Công Thương"
    robot.will(2026, choices)
    click(qtbot, main_window.toolbar.widgetForAction(main_window.new_year_action))
    assert robot.visits[1].created
    plan = store.repo("plans").get(main_window.ctx.plan_id)
    assert plan["year"] == 2026
    group = store.repo("responsibilities").rows(plan_id=plan["id"], code="III.6")[0]
    assert json.loads(group["agency_ids"]) == [ids["SCT"], ids["X_CM"], ids["X_LT_A"], ids["X_LT_B"]]

    # A new office report of 2026: the form offers no ended agency.
    reports_page = go_to_page(qtbot, main_window, "office_reports")
    offered = main_window.ctx.ref_options(BY_NAME["office_reports"].field("agency_id"))
    names = {name for _, name in offered}
    assert "UBND xã Cẩm Mỹ" in names and "UBND huyện Cẩm Mỹ" not in names
    assert "Sở Tài nguyên và Môi trường" not in names
    assert reports_page is not None


def test_ended_agencies_are_greyed_in_the_agencies_list(qtbot, main_window):
    reform(main_window.ctx.store)
    main_window.bus.notify("agencies")
    go_to_page(qtbot, main_window, "agencies")
    agencies = panel(main_window, "agencies")
    agencies.reload()
    ended = agencies.model.index(find_row(agencies, "UBND huyện Long Thành"), 0)
    live = agencies.model.index(find_row(agencies, "Sở Công Thương"), 0)
    assert agencies.model.data(ended, Qt.ItemDataRole.BackgroundRole) == theme.row_background(ENDED_COLOUR)  # greyed
    assert agencies.model.data(live, Qt.ItemDataRole.BackgroundRole) is None


def test_editors_keep_a_stored_agency_that_is_no_longer_offered(qtbot):
    field = BY_NAME["tasks"].field("lead_agency_id")
    combo = ComboEditor(field, [("a", "Sở A"), ("b", "Sở B")])
    qtbot.addWidget(combo.widget)
    combo.set_value("ended")
    assert combo.value() == "ended"
    listing = MultiCheckEditor(BY_NAME["tasks"].field("coordinating_ids"), [("a", "Sở A"), ("b", "Sở B")])
    qtbot.addWidget(listing.widget)
    listing.set_value(["ended", "a"])
    listing.listing.item(1).setCheckState(Qt.CheckState.Checked)  # the user ticks Sở B
    assert listing.value() == ["ended", "a", "b"]

