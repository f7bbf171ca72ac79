"""Print preview, print and save as PDF for the summaries and for any table as shown; the print options dialog.

Free of main-window knowledge: every function takes a parent widget and the store (or a ready document model).
Strings are English source text translated in the "Printing" context.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.reports.data import BY_ID, build_report, find_plan
from desktop.reports.options import (
    ReportOptions,
    chosen_date,
    load_options,
    option_errors,
    option_warnings,
    save_options,
)
from desktop.reports.render import RenderError, page_images, render_pdf, render_to_printer
from desktop.reports.table_print import table_document
from desktop.services.files import file_error_message
from desktop.store import Store, StoreError
from desktop.ui.number_box import DecimalSpinBox


def _new_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      printer.pageLayout().margins()))
    return printer


def _warn(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("Printing", "Printing"), message)


def _report(parent: QWidget | None, store: Store, report_id: str, plan_id: str | None) -> dict | None:
    try:
        doc = build_report(store, report_id, plan_id=plan_id)
    except StoreError as exc:
        _warn(parent, str(exc))
        return None
    if doc.get("warnings"):
        # What the data contradicts is left out of the document: tell the clerk before it is signed.
        _warn(parent, QCoreApplication.translate("Printing", "Data to check before signing:") + "\n\n"
              + "\n".join(f"• {w}" for w in doc["warnings"]))
    return doc


# -- any document model --------------------------------------------------------------------------------------------
class PreviewDialog(QDialog):
    """The print preview: every page as it will print, a landscape appendix upright on a landscape page (Qt's own
    preview can only show it turned on portrait paper), with Print, Save as PDF and Save as Word at hand."""

    DPI = 110

    def __init__(self, doc: dict, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.setWindowTitle(self.tr("Print preview — %1").replace("%1", doc.get("subject") or doc.get("doc_type", "")))
        self.resize(1000, 700)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        for name, text, slot in (("print", self.tr("&Print…"), self.print_),
                                 ("pdf", self.tr("Save as P&DF…"), self.save_pdf),
                                 ("docx", self.tr("Save as &Word…"), self.save_docx)):
            button = QPushButton(text)
            button.setObjectName(f"preview_{name}")
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        self.zoom = QComboBox()
        self.zoom.setObjectName("preview_zoom")
        for percent in (50, 75, 100, 125, 150):
            self.zoom.addItem(f"{percent}%", percent)
        self.zoom.setCurrentIndex(2)
        self.zoom.currentIndexChanged.connect(self._show_pages)
        bar.addWidget(QLabel(self.tr("Zoom")))
        bar.addWidget(self.zoom)
        layout.addLayout(bar)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        layout.addWidget(self.scroll, 1)
        self.images = page_images(doc, self.DPI)
        self.page_labels: list[QLabel] = []
        self._show_pages()

    def _show_pages(self) -> None:
        factor = (self.zoom.currentData() or 100) / 100 * 96 / self.DPI
        host = QWidget()
        column = QVBoxLayout(host)
        column.setSpacing(12)
        self.page_labels = []
        for image in self.images:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image).scaled(round(image.width() * factor),
                                                            round(image.height() * factor),
                                                            Qt.AspectRatioMode.KeepAspectRatio,
                                                            Qt.TransformationMode.SmoothTransformation))
            label.setFrameShape(QLabel.Shape.Box)
            column.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(label)
        self.scroll.setWidget(host)

    def print_(self) -> None:  # noqa: D102 - button
        print_document(self, self.doc)

    def save_pdf(self) -> None:  # noqa: D102 - button
        save_document_pdf(self, self.doc, suggested_name=self.doc.get("id", ""))

    def save_docx(self) -> None:  # noqa: D102 - button
        save_document_docx(self, self.doc, suggested_name=self.doc.get("id", ""))


def preview_document(parent: QWidget | None, doc: dict) -> int:
    """Show the print preview of a document model (from which the user may print or save); returns the result."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # a long list takes a few seconds to lay out
    try:
        dialog = PreviewDialog(doc, parent)
    except RenderError as exc:
        QApplication.restoreOverrideCursor()
        _warn(parent, str(exc))
        return 0
    QApplication.restoreOverrideCursor()
    return dialog.exec()


def print_document(parent: QWidget | None, doc: dict) -> bool:
    """Ask for a printer and print the document; True when it was sent to the printer."""
    printer = _new_printer()
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    try:
        render_to_printer(doc, printer)
    except RenderError as exc:
        _warn(parent, str(exc))
        return False
    return True


def default_pdf_name(doc: dict, name: str = "") -> str:
    """A file name for the document: its id and plan year or title, without characters Windows refuses."""
    base = name or doc.get("id") or "bao-cao"
    return re.sub(r'[\\/:*?"<>|]+', "-", base).strip() + ".pdf"


def _save_target(parent: QWidget | None, path: Path | str | None, title: str, name: str, file_filter: str,
                 suffix: str) -> Path | None:
    """Where to save: `path`, or what the user chooses in the Documents folder (None when cancelled); the suffix is
    added when the user typed a name without it."""
    if path is None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        chosen, _ = QFileDialog.getSaveFileName(parent, title, str(Path(folder) / name), file_filter)
        if not chosen:
            return None
        path = chosen
    target = Path(path)
    return target if target.suffix.lower() == suffix else target.with_name(target.name + suffix)


def save_document_pdf(parent: QWidget | None, doc: dict, path: Path | str | None = None, *,
                      suggested_name: str = "") -> Path | None:
    """Save the document as a PDF at `path`, or where the user chooses; returns the path written, or None."""
    target = _save_target(parent, path, QCoreApplication.translate("Printing", "Save as PDF"),
                          default_pdf_name(doc, suggested_name),
                          QCoreApplication.translate("Printing", "PDF files (*.pdf)"), ".pdf")
    if target is None:
        return None
    try:
        render_pdf(doc, target)
    except (RenderError, OSError) as exc:
        reason = file_error_message(exc, target) if isinstance(exc, OSError) else str(exc)
        _warn(parent, QCoreApplication.translate("Printing", "Could not write the PDF: %1").replace("%1", reason))
        return None
    return target


def default_docx_name(doc: dict, name: str = "") -> str:
    """A Word file name for the document (same rules as the PDF name)."""
    return default_pdf_name(doc, name)[:-4] + ".docx"


def save_document_docx(parent: QWidget | None, doc: dict, path: Path | str | None = None, *,
                       suggested_name: str = "") -> Path | None:
    """Save the document as a Word file at `path`, or where the user chooses; returns the path written, or None."""
    from desktop.reports.docx_render import DocxError, write_docx

    target = _save_target(parent, path, QCoreApplication.translate("Printing", "Save as Word"),
                          default_docx_name(doc, suggested_name),
                          QCoreApplication.translate("Printing", "Word files (*.docx)"), ".docx")
    if target is None:
        return None
    try:
        write_docx(doc, target)
    except (DocxError, OSError) as exc:
        reason = file_error_message(exc, target) if isinstance(exc, OSError) else str(exc)
        _warn(parent, QCoreApplication.translate("Printing", "Could not write the Word file: %1")
              .replace("%1", reason))
        return None
    return target


# -- summaries -----------------------------------------------------------------------------------------------------
def preview_report(parent: QWidget | None, store: Store, report_id: str, *, plan_id: str | None = None) -> int:
    """Print preview of summary `report_id` (see desktop.reports.data.REPORTS) for the plan (latest by default)."""
    doc = _report(parent, store, report_id, plan_id)
    return preview_document(parent, doc) if doc else 0


def print_report(parent: QWidget | None, store: Store, report_id: str, *, plan_id: str | None = None) -> bool:
    """Print summary `report_id` through the print dialog; True when printed."""
    doc = _report(parent, store, report_id, plan_id)
    return print_document(parent, doc) if doc else False


def save_report_pdf(parent: QWidget | None, store: Store, report_id: str, *, plan_id: str | None = None,
                    path: Path | str | None = None) -> Path | None:
    """Save summary `report_id` as a PDF at `path` or where the user chooses; returns the path written, or None."""
    doc = _report(parent, store, report_id, plan_id)
    return save_document_pdf(parent, doc, path, suggested_name=_file_name(store, report_id, plan_id)) if doc else None


def save_report_docx(parent: QWidget | None, store: Store, report_id: str, *, plan_id: str | None = None,
                     path: Path | str | None = None) -> Path | None:
    """Save document `report_id` as a Word file at `path` or where the user chooses; returns the path, or None."""
    doc = _report(parent, store, report_id, plan_id)
    return save_document_docx(parent, doc, path, suggested_name=_file_name(store, report_id, plan_id)) if doc else None


def _file_name(store: Store, report_id: str, plan_id: str | None) -> str:
    """"plan-report-2024": the document's id and its plan's year, the name offered when saving it."""
    try:
        return f"{report_id}-{find_plan(store, plan_id)['year']}"
    except StoreError:
        return report_id


def report_title(report_id: str) -> str:
    """The menu title of a summary: its Vietnamese title, or its English label when the UI is in English."""
    from desktop.ui.formatting import ui_language

    info = BY_ID[report_id]
    return info.title if ui_language() == "vi" else info.label_en


# -- any table as shown ---------------------------------------------------------------------------------------------
def _table(store: Store | None, title: str, headers: Sequence[str], rows: Sequence[Sequence[object]],
           subtitle: str) -> dict:
    options = load_options(store, _latest_plan(store)) if store is not None else None
    return table_document(title, headers, rows, subtitle=subtitle, options=options)


def _latest_plan(store: Store) -> dict | None:
    try:
        return find_plan(store)
    except StoreError:
        return None


def preview_table(parent: QWidget | None, title: str, headers: Sequence[str], rows: Sequence[Sequence[object]], *,
                  store: Store | None = None, subtitle: str = "") -> int:
    """Print preview of a table as shown (rows already filtered and sorted, cells as text)."""
    return preview_document(parent, _table(store, title, headers, rows, subtitle))


def print_table(parent: QWidget | None, title: str, headers: Sequence[str], rows: Sequence[Sequence[object]], *,
                store: Store | None = None, subtitle: str = "") -> bool:
    """Print a table as shown through the print dialog."""
    return print_document(parent, _table(store, title, headers, rows, subtitle))


def save_table_pdf(parent: QWidget | None, title: str, headers: Sequence[str], rows: Sequence[Sequence[object]], *,
                   store: Store | None = None, subtitle: str = "", path: Path | str | None = None) -> Path | None:
    """Save a table as shown as a PDF; returns the path written, or None."""
    return save_document_pdf(parent, _table(store, title, headers, rows, subtitle), path, suggested_name=title)


# -- print options ---------------------------------------------------------------------------------------------------
class ReportOptionsDialog(QDialog):
    """Edits the print options kept in the database: agencies, number, place and date, signer, recipients, margins."""

    def __init__(self, store: Store, report_id: str = "plan-report", parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.report_id = report_id
        self.setWindowTitle(self.tr("Print options"))
        try:
            plan = find_plan(store)
        except StoreError:
            plan = None
        self.options = load_options(store, plan, report_id)
        form = QFormLayout(self)
        o = self.options
        stored_date = chosen_date(store)
        self.parent_agency = self._line(form, self.tr("Parent agency"), o.parent_agency)
        self.issuing_agency = self._line(form, self.tr("Issuing agency"), o.issuing_agency)
        self.number = self._line(form, self.tr("Document number"), o.number)
        self.place = self._line(form, self.tr("Place"), o.place)
        self.date = self._line(form, self.tr("Date (dd/mm/yyyy)"), _vn_date(stored_date))
        self.date.setPlaceholderText(self.tr("automatic: %1").replace("%1", _vn_date(o.date)))
        self.signer_authority = self._line(form, self.tr("Signing authority"),
                                           o.signer_authority)
        self.signer_title = self._line(form, self.tr("Signer's title"), o.signer_title)
        self.signer_name = self._line(form, self.tr("Signer"), o.signer_name)
        self.recipients = QPlainTextEdit("\n".join(o.recipients))
        form.addRow(self.tr("Recipients (one a line)"), self.recipients)
        self.margins = []
        for label, value in ((self.tr("Top margin (mm)"), o.margin_top),
                             (self.tr("Bottom margin (mm)"), o.margin_bottom),
                             (self.tr("Left margin (mm)"), o.margin_left),
                             (self.tr("Right margin (mm)"), o.margin_right)):
            spin = DecimalSpinBox()
            spin.setRange(5, 60)
            spin.setDecimals(0)
            spin.setValue(value)
            form.addRow(label, spin)
            self.margins.append(spin)
        self.body_pt = DecimalSpinBox()
        self.body_pt.setRange(11, 16)
        self.body_pt.setSingleStep(0.5)
        self.body_pt.setValue(o.body_pt)
        form.addRow(self.tr("Body text size (pt)"), self.body_pt)
        self.table_pt = DecimalSpinBox()
        self.table_pt.setRange(7, 16)
        self.table_pt.setSingleStep(0.5)
        self.table_pt.setValue(o.table_pt)
        form.addRow(self.tr("Table text size (pt)"), self.table_pt)
        self.thousand = QComboBox()
        self.thousand.addItems(["ngàn", "nghìn"])
        self.thousand.setCurrentText(o.thousand)
        form.addRow(self.tr("Amounts in words: thousands"), self.thousand)
        self.zero_tens = QComboBox()
        self.zero_tens.addItems(["linh", "lẻ"])
        self.zero_tens.setCurrentText(o.zero_tens)
        form.addRow(self.tr("Amounts in words: zero tens (105)"), self.zero_tens)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @staticmethod
    def _line(form: QFormLayout, label: str, value: str) -> QLineEdit:
        edit = QLineEdit(value)
        form.addRow(label, edit)
        return edit

    def edited_options(self) -> ReportOptions:
        """The options as edited (raises ValueError with a Vietnamese message for a bad date)."""
        from desktop.domain.dates import to_iso

        recipients = tuple(line.strip() for line in self.recipients.toPlainText().splitlines() if line.strip())
        top, bottom, left, right = (s.value() for s in self.margins)
        return replace(self.options, parent_agency=self.parent_agency.text().strip(),
                       issuing_agency=self.issuing_agency.text().strip(), number=self.number.text(),
                       place=self.place.text().strip(), date=to_iso(self.date.text()),
                       signer_authority=self.signer_authority.text().strip(),
                       signer_title=self.signer_title.text().strip(), signer_name=self.signer_name.text().strip(),
                       recipients=recipients, margin_top=top, margin_bottom=bottom, margin_left=left,
                       margin_right=right, body_pt=self.body_pt.value(), table_pt=self.table_pt.value(),
                       thousand=self.thousand.currentText(), zero_tens=self.zero_tens.currentText())

    def accept(self) -> None:  # noqa: D102 - Qt override
        try:
            options = self.edited_options()
        except ValueError as exc:
            _warn(self, str(exc))
            return
        errors = option_errors(options)
        if errors:
            _warn(self, "\n".join(errors))
            return
        warnings = option_warnings(options)
        if warnings:
            answer = QMessageBox.question(
                self, self.tr("Print options"),
                "\n".join(warnings) + "\n\n" + self.tr("Save these values anyway?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return
        save_options(self.store, options, self.report_id)
        self.options = options
        super().accept()


def _vn_date(iso: str) -> str:
    from desktop.domain.dates import format_date

    try:
        return format_date(iso)
    except ValueError:
        return iso


def edit_report_options(parent: QWidget | None, store: Store, report_id: str = "plan-report") -> bool:
    """Show the print options dialog; True when the user saved."""
    return ReportOptionsDialog(store, report_id, parent).exec() == QDialog.DialogCode.Accepted
