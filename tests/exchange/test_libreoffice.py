"""A workbook re-saved by LibreOffice Calc imports as "no changes" (veryHidden becomes hidden, panes dropped,
number formats re-escaped: none of it matters)."""

from __future__ import annotations

from desktop.services.exchange import export_workbook, import_report
from tests.exchange.helpers import add_course, digest


def test_libreoffice_resave_imports_as_no_changes(seeded_store, tmp_path, calc):
    add_course(seeded_store, 4)
    path = export_workbook(seeded_store, tmp_path / "plan.xlsx").path
    resaved = tmp_path / "lo" / "plan.xlsx"
    resaved.parent.mkdir()
    calc.run(path, [], save_as=resaved)  # opened in Calc and saved as Excel 2007-365, untouched
    assert resaved.exists()
    before = digest(seeded_store)
    report = import_report(seeded_store, resaved)
    assert report["errors"] == [] and report["status"] == "no-changes", report
    assert report["counts"]["unchanged"] > 50
    assert digest(seeded_store) == before
