"""Lists on a tab that is not shown read their rows when the tab is first opened, and show the data as it is then."""

from __future__ import annotations

from tests.ui.helpers import go_to_page, open_tab, panel, show_tab_of, table_texts


def test_a_list_behind_another_tab_reads_its_rows_when_the_tab_is_opened(qtbot, sample_window):
    page = go_to_page(qtbot, sample_window, "survey")
    factors = panel(sample_window, "conversion_factors")
    assert factors.model.rowCount() == 0  # not read while its tab was never opened (start-up does not pay for it)
    open_tab(qtbot, page.tabs, "TOE")
    stored = sample_window.ctx.store.repo("conversion_factors").count()
    assert stored > 0
    assert factors.model.rowCount() == stored
    assert "Điện" in table_texts(factors, "resource")


def test_a_change_made_while_the_tab_is_hidden_is_shown_when_it_is_opened(qtbot, sample_window):
    page = go_to_page(qtbot, sample_window, "survey")
    factors = panel(sample_window, "conversion_factors")
    open_tab(qtbot, page.tabs, "TOE")
    before = factors.model.rowCount()
    open_tab(qtbot, page.tabs, 0)
    # An edit elsewhere in the program (the bus says what changed) while the factors' tab is not shown.
    store = sample_window.ctx.store
    store.repo("conversion_factors").add({"resource": "coal", "unit": "tấn", "toe_per_unit": 0.7, "source": "Thử"})
    sample_window.bus.changed.emit("conversion_factors")
    assert factors.model.rowCount() == before  # still the older rows, not read again behind the tab
    open_tab(qtbot, page.tabs, "TOE")
    assert factors.model.rowCount() == before + 1
    assert "Thử" in table_texts(factors, "source")


def test_the_toe_column_uses_the_factors_without_their_tab_ever_opened(qtbot, sample_window):
    page = go_to_page(qtbot, sample_window, "survey")
    consumption = panel(sample_window, "consumption_records")
    show_tab_of(qtbot, consumption)
    toe = table_texts(consumption, "toe")
    assert "1.519,855" in toe  # the sample electricity line: 9.850.000 kWh × 0,0001543 TOE/kWh
    open_tab(qtbot, page.tabs, "TOE")
    open_tab(qtbot, page.tabs, 0)
    assert table_texts(consumption, "toe") == toe


def test_a_tab_never_opened_has_no_list_built_until_it_is_clicked(qtbot, sample_window):
    from desktop.ui.widgets.list_panel import ListPanel

    page = go_to_page(qtbot, sample_window, "survey")
    assert page.findChild(ListPanel, "panel_conversion_factors") is None  # start-up did not build it
    assert page.findChild(ListPanel, "panel_workshops") is None
    open_tab(qtbot, page.tabs, "TOE")
    factors = page.findChild(ListPanel, "panel_conversion_factors")
    assert factors is not None and factors.isVisible()
    assert "Điện" in table_texts(factors, "resource")  # its rows read as the tab opened
    assert page.findChild(ListPanel, "panel_workshops") is None  # the other tabs still wait
