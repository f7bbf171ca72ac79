"""What the preview reads: one message per wrong cell, and one consistent state of the database."""

from __future__ import annotations

from desktop.exchange.model import STALE, UNCHANGED
from desktop.services.exchange import export_workbook, preview_import
from desktop.store import Store
from tests.exchange.helpers import add_course, column_of, edit, spec_sheet


def test_unknown_name_in_a_reference_column_is_one_error_not_also_required(seeded_store, tmp_path):
    add_course(seeded_store, 2)
    path = export_workbook(seeded_store, tmp_path / "a.xlsx").path

    def rename(wb):
        ws = wb[spec_sheet("participants")]
        ws.cell(2, column_of(ws, "Lớp tập huấn")).value = "Lớp không có thật"

    preview = preview_import(seeded_store, edit(path, tmp_path / "b.xlsx", rename))
    on_cell = [e for e in preview.errors if (e.sheet, e.row, e.column) == ("Học viên", 2, "Lớp tập huấn")]
    assert [e.message for e in on_cell] == ["không tìm thấy lớp tập huấn “Lớp không có thật”."]


def test_dry_run_overlapping_another_import_sees_one_state(seeded_store, db_path, tmp_path):
    """Another import commits (an agency and a report, in one transaction) while the preview is between sheets:
    the preview must show the state before it (nothing stale) or after it (both stale), never half of each."""
    path = export_workbook(seeded_store, tmp_path / "a.xlsx").path
    agency = seeded_store.repo("agencies").rows(code="BIENHOA")[0]
    report = seeded_store.repo("office_reports").rows(agency_id=agency["id"])[0]
    other = Store.open(db_path)
    committed = []

    def progress(done, total, label):
        if label == "Kế hoạch" and not committed:  # agencies are read; reports are not yet
            with other.atomic():
                other.repo("agencies").update(agency["id"], {"short_name": "TP. Biên Hòa (mới)"})
                other.repo("office_reports").update(report["id"], {"summary": "nộp trong lúc xem trước"})
            committed.append(True)

    preview = preview_import(seeded_store, path, progress=progress)
    other.close()
    assert committed
    assert preview.counts[STALE] == 0 and preview.counts[UNCHANGED] > 50
    assert seeded_store.repo("office_reports").get(report["id"])["summary"] == "nộp trong lúc xem trước"
