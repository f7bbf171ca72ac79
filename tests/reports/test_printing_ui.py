"""The GUI printing helpers: preview draws pages, print goes through the dialog, save writes a PDF, options dialog."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # noqa: E402
from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton  # noqa: E402

from desktop.reports.options import load_options  # noqa: E402
from desktop.ui import printing  # noqa: E402

from .pdftools import needs_poppler, pdf_text  # noqa: E402


def test_preview_draws_every_page(qtbot, seeded_store, monkeypatch):
    seen = {}

    def fake_exec(dialog):
        seen["pages"] = len(dialog.page_labels)
        return 0

    monkeypatch.setattr(printing.PreviewDialog, "exec", fake_exec)
    printing.preview_report(None, seeded_store, "plan-report")
    assert seen["pages"] >= 2


def test_preview_shows_a_landscape_appendix_upright(qtbot, seeded_store, monkeypatch, tmp_path):
    from desktop.reports.data import build_report
    from desktop.reports.render import render_pdf

    from .pdftools import page_sizes

    seen = {}

    def fake_exec(dialog):
        seen["sizes"] = [(label.pixmap().width(), label.pixmap().height()) for label in dialog.page_labels]
        return 0

    monkeypatch.setattr(printing.PreviewDialog, "exec", fake_exec)
    printing.preview_report(None, seeded_store, "tasks")
    pdf = tmp_path / "tasks.pdf"
    render_pdf(build_report(seeded_store, "tasks"), pdf)
    expected = page_sizes(pdf)  # the preview shows the pages of the PDF, each in its orientation
    assert len(seen["sizes"]) == len(expected)
    for (w, h), (pw, ph) in zip(seen["sizes"], expected, strict=True):
        assert (w > h) == (pw > ph)
    assert seen["sizes"][0][0] < seen["sizes"][0][1] and seen["sizes"][-1][0] > seen["sizes"][-1][1]


def test_preview_buttons_save_pdf_and_word(qtbot, seeded_store, monkeypatch, tmp_path):
    from desktop.reports.data import build_report

    dialog = printing.PreviewDialog(build_report(seeded_store, "budget"))
    qtbot.addWidget(dialog)
    answers = iter([str(tmp_path / "b.pdf"), str(tmp_path / "b.docx")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(answers), ""))
    dialog.findChild(QPushButton, "preview_pdf").click()
    dialog.findChild(QPushButton, "preview_docx").click()
    assert (tmp_path / "b.pdf").stat().st_size > 0 and (tmp_path / "b.docx").stat().st_size > 0


@needs_poppler
def test_print_goes_to_the_chosen_printer(qtbot, seeded_store, monkeypatch, tmp_path):
    out = tmp_path / "printed.pdf"

    def fake_printer():
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    monkeypatch.setattr(printing, "_new_printer", fake_printer)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert printing.print_report(None, seeded_store, "tasks") is True
    assert "TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ" in pdf_text(out)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert printing.print_report(None, seeded_store, "tasks") is False


@needs_poppler
def test_save_pdf_to_a_path_and_through_the_file_dialog(qtbot, seeded_store, monkeypatch, tmp_path):
    written = printing.save_report_pdf(None, seeded_store, "budget", path=tmp_path / "budget")
    assert written == tmp_path / "budget.pdf" and "1.394.200.000" in pdf_text(written)
    chosen = tmp_path / "chosen.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))
    assert printing.save_report_pdf(None, seeded_store, "survey") == chosen and chosen.exists()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert printing.save_report_pdf(None, seeded_store, "survey") is None


@needs_poppler
def test_table_as_shown(qtbot, tmp_path):
    out = printing.save_table_pdf(None, "Danh sách nhiệm vụ", ["Mục", "Nội dung"], [["II.1", "Tập huấn"]],
                                  path=tmp_path / "t.pdf")
    assert "DANH SÁCH NHIỆM VỤ" in pdf_text(out)


def test_unwritable_pdf_is_reported_not_raised(qtbot, seeded_store, monkeypatch, tmp_path):
    warnings = []
    monkeypatch.setattr(printing, "_warn", lambda parent, message: warnings.append(message))
    assert printing.save_report_pdf(None, seeded_store, "budget", path=tmp_path / "no" / "x.pdf") is None
    assert warnings and "không tồn tại" in warnings[0]


def test_options_dialog_saves_to_the_database(qtbot, seeded_store):
    dialog = printing.ReportOptionsDialog(seeded_store, "plan-report")
    qtbot.addWidget(dialog)
    dialog.number.setText("21/BC-SCT")
    dialog.signer_name.setText("Trần Văn B")
    dialog.date.setText("05/03/2024")
    dialog.accept()
    options = load_options(seeded_store, seeded_store.repo("plans").rows()[0], "plan-report")
    assert options.number == "21/BC-SCT" and options.signer_name == "Trần Văn B" and options.date == "2024-03-05"


def test_options_dialog_refuses_a_bad_date(qtbot, seeded_store, monkeypatch):
    warnings = []
    monkeypatch.setattr(printing, "_warn", lambda parent, message: warnings.append(message))
    dialog = printing.ReportOptionsDialog(seeded_store)
    qtbot.addWidget(dialog)
    dialog.date.setText("31/02/2024")
    dialog.accept()
    assert warnings and dialog.result() != QDialog.DialogCode.Accepted


@pytest.mark.parametrize(("answer", "saved"), [("No", False), ("Yes", True)])
def test_options_outside_decree_30_ask_before_saving(qtbot, seeded_store, monkeypatch, answer, saved):
    from PySide6.QtWidgets import QMessageBox

    asked = []

    def fake_question(parent, title, text, *args):
        asked.append(text)
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", fake_question)
    dialog = printing.ReportOptionsDialog(seeded_store, "budget")
    qtbot.addWidget(dialog)
    dialog.margins[2].setValue(25)  # left margin: Decree 30 says 30–35 mm
    dialog.thousand.setCurrentText("nghìn")
    dialog.accept()
    assert asked and "Lề trái 25 mm" in asked[0]
    options = load_options(seeded_store, seeded_store.repo("plans").rows()[0], "budget")
    assert (options.margin_left == 25) is saved and (options.thousand == "nghìn") is saved


def test_save_word_through_the_menu_and_the_file_dialog(qtbot, seeded_store, monkeypatch, tmp_path):
    from docx import Document

    chosen = tmp_path / "chosen"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))
    written = printing.save_report_docx(None, seeded_store, "budget")
    assert written == tmp_path / "chosen.docx"
    text = "\n".join(p.text for p in Document(str(written)).paragraphs)
    assert "Tổng kinh phí thực hiện Kế hoạch: 1.394.200.000 đồng" in text
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert printing.save_report_docx(None, seeded_store, "budget") is None
