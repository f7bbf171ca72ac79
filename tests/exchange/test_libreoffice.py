"""A workbook re-saved by LibreOffice Calc imports as "no changes" (veryHidden becomes hidden, panes dropped,
number formats re-escaped: none of it matters)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from desktop.services.exchange import export_workbook, import_report
from tests.exchange.helpers import add_course, digest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_resave_imports_as_no_changes(seeded_store, tmp_path):
    add_course(seeded_store, 4)
    path = export_workbook(seeded_store, tmp_path / "plan.xlsx").path
    out = tmp_path / "lo"
    profile = tmp_path / "profile"
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "xlsx",
                    "--outdir", str(out), str(path)], check=True, capture_output=True, timeout=180)
    resaved = out / "plan.xlsx"
    assert resaved.exists()
    before = digest(seeded_store)
    report = import_report(seeded_store, resaved)
    assert report["errors"] == [] and report["status"] == "no-changes", report
    assert report["counts"]["unchanged"] > 50
    assert digest(seeded_store) == before
