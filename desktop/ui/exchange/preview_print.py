"""An import preview as a printable page (file, counts, messages, the rows with a change), shown in Qt's print
preview, from which it is printed or saved as PDF."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QWidget

from desktop.exchange.model import STATUSES, ImportPreview
from desktop.ui.exchange.changes import ChangeModel, header_title, status_title


def preview_html(title: str, path: str, preview: ImportPreview, messages: str, model: ChangeModel,
                 limit: int = 2000) -> str:
    """The preview as an HTML page: file, counts, errors and the rows with a change (at most `limit`)."""
    parts = [f"<h3>{escape(title)}</h3>", f"<p>{escape(path)}</p><p>"]
    parts += [f"{escape(status_title(s))}: <b>{preview.counts[s]}</b> &nbsp; " for s in STATUSES]
    parts.append("</p>")
    if messages:
        parts.append("<pre>" + escape(messages) + "</pre>")
    parts.append('<table border="1" cellspacing="0" cellpadding="3" width="100%"><tr>')
    parts += [f"<th>{escape(header_title(h))}</th>" for h in ChangeModel.HEADERS]
    parts.append("</tr>")
    for row in range(min(model.rowCount(), limit)):
        cells = [model.data(model.index(row, c)) for c in range(len(ChangeModel.HEADERS))]
        parts.append("<tr>" + "".join(f"<td>{escape(str(v if v is not None else ''))}</td>" for v in cells)
                     + "</tr>")
    parts.append("</table>")
    return "".join(parts)


def show_print_preview(parent: QWidget, html: str) -> None:
    """Show `html` in a print preview window."""
    from PySide6.QtGui import QTextDocument
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    document = QTextDocument()
    document.setHtml(html)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(document.print_)
    dialog.exec()
