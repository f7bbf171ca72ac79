"""Exchange after the 2025 reform: workbooks carry validity and succession; a district that no longer exists still
sends its 2024 report, which lands in the 2024 plan."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

from desktop.domain import agencies as rules
from desktop.domain.entities import AGENCIES
from desktop.exchange.format import sheet_columns
from desktop.exchange.model import CHANGED, CONFLICT, REJECTED
from desktop.services.exchange import apply_import, export_workbook, preview_import
from desktop.services.new_year import create_new_year, preview_new_year
from desktop.store import Store
from tests.exchange.helpers import column_of, edit, find_row, new_store, spec_sheet
from tests.reform_helpers import codes, reform

OFFICE = "LONGTHANH"
SCHEMA_1 = Path(__file__).parent.parent / "data" / "schema1.db"
LATER_COLUMNS = ("Đơn vị kế thừa", "Tên trước khi đổi", "Ngày đổi tên", "_ref:successor_ids")


def _as_made_by_the_previous_version(wb) -> None:
    """The agency sheet as the release before the reform wrote it: without the succession columns."""
    ws = wb[spec_sheet("agencies")]
    for title in LATER_COLUMNS:
        ws.delete_cols(column_of(ws, title))


def test_agency_sheets_carry_validity_and_succession_columns():
    titles = [c.title for c in sheet_columns(AGENCIES) if not c.hidden]
    assert {"Hiệu lực từ", "Hiệu lực đến", "Đơn vị kế thừa", "Tên trước khi đổi", "Ngày đổi tên"} <= set(titles)


def test_successions_travel_to_an_empty_database(tmp_path):
    hub = new_store(tmp_path / "hub.db")
    reform(hub)
    export_workbook(hub, tmp_path / "all.xlsx")
    other = new_store(tmp_path / "other.db", office="XUANLOC", empty=True)
    preview = preview_import(other, tmp_path / "all.xlsx")
    assert not preview.errors and preview.counts[REJECTED] == 0, preview.errors
    apply_import(other, preview)
    ids = codes(other)
    long_thanh = other.repo("agencies").get(ids["LONGTHANH"])
    assert long_thanh["valid_to"] == "2025-06-30"
    assert rules.successor_ids(long_thanh) == [ids["X_LT_A"], ids["X_LT_B"]]
    assert other.repo("agencies").get(ids["SNNMT"])["valid_from"] == "2025-03-01"
    hub.close()
    other.close()


def test_a_district_that_ended_still_sends_its_2024_report_into_the_2024_plan(tmp_path):
    hub = new_store(tmp_path / "hub.db")
    template = export_workbook(hub, tmp_path / "mau_longthanh.xlsx", office=OFFICE).path  # sent out in 2024
    plan_2024 = hub.repo("plans").rows(year=2024)[0]
    agency = codes(hub)[OFFICE]
    report = hub.repo("office_reports").rows(plan_id=plan_2024["id"], agency_id=agency)[0]

    # 2025: the reform, then the 2026 plan in the new structure (Long Thành's report now owed by its communes).
    reform(hub)
    first = preview_new_year(hub, 2026)
    decisions = {m.agency_id: list(m.candidates) for m in first.undecided if m.candidates}
    decisions.update({m.agency_id: [] for m in first.undecided if not m.candidates})
    create_new_year(hub, preview_new_year(hub, 2026, decisions=decisions))

    def fill(wb):  # the former district's office fills its 2024 report, late, in the file it was sent
        _as_made_by_the_previous_version(wb)
        ws = wb[spec_sheet("office_reports")]
        row = find_row(ws, "_id", report["id"])
        ws.cell(row, column_of(ws, "Tóm tắt kết quả")).value = "Đã phổ biến kế hoạch tới 100% doanh nghiệp."
        ws.cell(row, column_of(ws, "Ngày nộp")).value = dt.datetime(2025, 6, 20)

    returned = edit(template, tmp_path / "longthanh_gui_lai.xlsx", fill)
    preview = preview_import(hub, returned)
    assert not preview.errors and preview.counts[REJECTED] == 0, preview.errors
    assert preview.counts[CHANGED] == 1
    apply_import(hub, preview)
    stored = hub.repo("office_reports").get(report["id"])
    assert stored["plan_id"] == plan_2024["id"] and stored["agency_id"] == agency
    assert stored["submitted_date"] == "2025-06-20"
    assert stored["summary"] == "Đã phổ biến kế hoạch tới 100% doanh nghiệp."
    plan_2026 = hub.repo("plans").rows(year=2026)[0]
    assert not hub.repo("office_reports").rows(plan_id=plan_2026["id"], agency_id=agency)  # 2026 untouched
    hub.close()


def test_a_database_of_the_first_release_exports_and_reimports_unchanged(tmp_path):
    """Adding the succession fields changes no revision: the upgraded database's own export is "no changes"."""
    path = tmp_path / "old.db"
    shutil.copyfile(SCHEMA_1, path)
    store = Store.open(path)
    export_workbook(store, tmp_path / "old.xlsx")
    preview = preview_import(store, tmp_path / "old.xlsx")
    assert preview.counts[CHANGED] == 0 and preview.counts[CONFLICT] == 0 and not preview.errors
    old_format = edit(tmp_path / "old.xlsx", tmp_path / "old-format.xlsx", _as_made_by_the_previous_version)
    preview = preview_import(store, old_format)
    assert preview.counts[CHANGED] == 0 and not preview.errors, preview.errors
    store.close()
