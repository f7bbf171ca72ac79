"""Every document also written as a Word file from the same document model: opened with python-docx (page set-up,
fonts, the header block table, repeated table headers, the signature block) and converted by LibreOffice to PDF to
compare its page count and text with the app's own PDF (one soffice run for every file of the session)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from dataclasses import replace

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm

from desktop.cli import main
from desktop.paths import resource
from desktop.reports.data import build_report, report_ids
from desktop.reports.docx_render import write_docx
from desktop.reports.options import load_options
from desktop.reports.render import ensure_app, render_pdf
from desktop.services.sample_data import fill_sample_data
from desktop.services.setup import init_database

from .pdftools import needs_poppler

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.fixture(scope="module")
def documents(tmp_path_factory):
    """The sample year's documents as .pdf (app) and .docx, and the .docx converted by LibreOffice when installed."""
    folder = tmp_path_factory.mktemp("docx")
    store = init_database(folder / "sample.db")
    plan = store.repo("plans").rows()[0]
    fill_sample_data(store, plan["id"], participants=300, seed=1)
    ensure_app()
    files = {}
    try:
        for report_id in report_ids():
            options = replace(load_options(store, plan, report_id), date="2024-12-25")
            doc = build_report(store, report_id, options=options)
            pdf, docx = folder / f"{report_id}.pdf", folder / f"{report_id}.docx"
            render_pdf(doc, pdf)
            write_docx(doc, docx)
            files[report_id] = (pdf, docx)
    finally:
        store.close()
    converted = {}
    if SOFFICE:
        # Times New Roman is not on the test machines: map it to the bundled Liberation Serif (same metrics), as the
        # app's PDF does, so that the two layouts are comparable.
        conf = folder / "fonts.conf"
        conf.write_text(
            "<?xml version='1.0'?><!DOCTYPE fontconfig SYSTEM 'fonts.dtd'><fontconfig>"
            "<include ignore_missing='yes'>/etc/fonts/fonts.conf</include>"
            f"<dir>{resource('fonts')}</dir><alias binding='same'><family>Times New Roman</family>"
            "<accept><family>Liberation Serif</family></accept></alias></fontconfig>", encoding="utf-8")
        out = folder / "lo"
        out.mkdir()
        env = {**os.environ, "FONTCONFIG_FILE": str(conf)}
        subprocess.run([SOFFICE, "--headless", f"-env:UserInstallation=file://{folder}/lo-profile", "--convert-to",
                        "pdf", "--outdir", str(out), *[str(d) for _, d in files.values()]], env=env,
                       capture_output=True, timeout=300, check=False)
        converted = {r: out / f"{r}.pdf" for r in files if (out / f"{r}.pdf").exists()}
    return files, converted


@pytest.mark.parametrize("report_id", report_ids())
def test_word_file_page_setup_fonts_and_header_block(documents, report_id):
    files, _ = documents
    word = Document(str(files[report_id][1]))
    body = word.sections[0]
    size = (round(body.page_width / Mm(1)), round(body.page_height / Mm(1)))
    assert size == ((297, 210) if body.orientation == WD_ORIENT.LANDSCAPE else (210, 297))
    assert [round(getattr(body, f"{side}_margin") / Mm(1)) for side in ("top", "bottom", "left", "right")] == [
        20, 20, 30, 15]
    for appendix in word.sections[1:]:
        assert appendix.orientation in (WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT)
        if appendix.orientation == WD_ORIENT.LANDSCAPE:
            assert round(appendix.page_width / Mm(1)) == 297
    normal = word.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size.pt == 13
    header = word.tables[0]
    left, right = header.cell(0, 0).text, header.cell(0, 1).text
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right and "Độc lập - Tự do - Hạnh phúc" in right
    if report_id == "plan":  # issued by the province: its own header, number and blank day
        assert "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI" in left and header.cell(1, 0).text == "Số:       /KH-UBND"
        assert header.cell(1, 1).text == "Đồng Nai, ngày      tháng      năm 2024"
    else:
        assert "UBND TỈNH ĐỒNG NAI" in left and "SỞ CÔNG THƯƠNG" in left
        lists = report_id in ("sign-in", "allowance")  # lists carry no number
        assert header.cell(1, 0).text.startswith("Số:") != lists
        assert header.cell(1, 1).text == "Đồng Nai, ngày 25 tháng 12 năm 2024"
        if report_id in ("request", "reminder"):
            assert header.cell(1, 0).text.split("\n")[-1].startswith("V/v ")  # a letter's subject under its number
    signature = [t for t in word.tables if "Nơi nhận:" in t.cell(0, 0).text or "NGƯỜI LẬP" in t.cell(0, 0).text]
    signer = signature[0].rows[0].cells[-1].text if signature else ""
    assert any(title in signer for title in ("GIÁM ĐỐC", "ĐƠN VỊ TỔ CHỨC", "PHÓ CHỦ TỊCH")), signer
    data = [t for t in word.tables[1:] if "Nơi nhận:" not in t.cell(0, 0).text and "NGƯỜI LẬP" not in
            t.cell(0, 0).text]
    for table in data:
        first_row = table.rows[0]._tr
        assert first_row.trPr is not None and first_row.trPr.find(qn("w:tblHeader")) is not None  # repeated header
        assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows)  # rows never split


def test_word_file_carries_the_same_figures(documents):
    files, _ = documents
    text = "\n".join(p.text for p in Document(str(files["budget"][1])).paragraphs)
    assert "Một tỷ ba trăm chín mươi bốn triệu hai trăm ngàn đồng" in text
    assert "(Số liệu tính đến ngày 25/12/2024)" in text


def _words(path) -> set[str]:
    """The distinct words of a PDF's text (page numbers left out). Distinct, because Qt writes the last line of a
    paragraph that continues on the next page into both pages' text (clipped away on the second, but extractable)."""
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    words = re.findall(r"\w[\w./,%–-]*", unicodedata.normalize("NFC", raw))
    return {w.strip(".,") for w in words if not w.isdigit() or len(w) > 2}


@needs_poppler
@pytest.mark.skipif(not SOFFICE, reason="LibreOffice not installed")
@pytest.mark.parametrize("report_id", report_ids())
def test_libreoffice_renders_the_word_file_like_the_app(documents, report_id):
    files, converted = documents
    assert report_id in converted, "LibreOffice did not convert the .docx"
    ours, theirs = files[report_id][0], converted[report_id]
    pages = [int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(p)], capture_output=True, text=True,
                                                              check=True).stdout).group(1)) for p in (ours, theirs)]
    assert abs(pages[0] - pages[1]) <= 1, pages
    a, b = _words(ours), _words(theirs)
    assert len(a - b) <= 0.01 * len(a) + 2, sorted(a - b)[:20]
    assert len(b - a) <= 0.01 * len(b) + 2, sorted(b - a)[:20]


def test_report_docx_from_the_command_line(tmp_path, capsys):
    db = str(tmp_path / "a.db")
    main(["--db", db, "init"])
    capsys.readouterr()
    out = tmp_path / "budget.docx"
    assert main(["--db", db, "report", "budget", "--docx", str(out)]) == 0
    assert "Đã ghi tệp Word" in capsys.readouterr().out
    assert "1.394.200.000" in "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert main(["--db", db, "report", "budget", "--docx", str(tmp_path / "x.doc")]) == 1
    assert ".docx" in capsys.readouterr().err
