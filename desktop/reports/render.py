"""Drawing a summary (the document model of desktop/reports/model.py) onto a QPrinter: PDF, printer or preview.

Import this module lazily: it loads Qt. The layout follows Decree 30/2020/NĐ-CP (see docs/domain-rules.md): A4, the
margins and type sizes of the options, Times New Roman where installed and the bundled Liberation Serif otherwise, the
header block drawn on page 1, page numbers centred in the top margin from page 2, table headers repeated on every
page.

Orientation: QTextDocument lays out every page at one size, so each part of a document (the body, each appendix)
is its own QTextDocument, paginated and painted page by page with QPainter onto the same QPrinter. When the output is
a PDF, a landscape part gets real landscape pages (setPageLayout before newPage, which Qt allows for PDF output). A
native printer or the print preview refuses a layout change while printing, so there a landscape part is drawn
rotated on portrait paper, which is exactly what a printer does with a landscape page.
"""

from __future__ import annotations

import html
import re
import sys
from dataclasses import dataclass, field, fields
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPageLayout,
    QPageSize,
    QPaintEngine,
    QPainter,
    QPen,
    QTextBlock,
    QTextCursor,
    QTextDocument,
    QTextFrame,
    QTextTable,
)
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from desktop.display import use_offscreen_if_headless
from desktop.domain.dates import parse_date
from desktop.paths import resource
from desktop.reports.model import LANDSCAPE
from desktop.reports.options import ReportOptions, date_line

A4_MM = (210.0, 297.0)
BUNDLED_FAMILY = "Liberation Serif"
PREFERRED_FAMILY = "Times New Roman"
_registered: list[str] = []


class RenderError(Exception):
    """A document could not be drawn (the PDF file or the printer could not be opened); message in Vietnamese."""


def ensure_app() -> QCoreApplication:
    """The running Qt application, creating a QApplication when there is none.

    On Linux without a display (no DISPLAY or WAYLAND_DISPLAY) and no QT_QPA_PLATFORM set, the offscreen platform
    is chosen so that headless commands work.
    """
    app = QCoreApplication.instance()
    if app is not None:
        return app
    use_offscreen_if_headless()
    return QApplication([sys.argv[0] if sys.argv else "sxtdbv"])


def font_family(preferred: str = "") -> str:
    """The serif family to print with: `preferred` or Times New Roman when installed, else the bundled one."""
    ensure_app()
    if not _registered:
        for path in sorted(resource("fonts").glob("LiberationSerif-*.ttf")):
            if QFontDatabase.addApplicationFont(str(path)) >= 0:
                _registered.append(path.name)
        _registered.append("")  # registration tried once
    families = set(QFontDatabase.families())
    for family in (preferred, PREFERRED_FAMILY):
        if family and family in families:
            return family
    return BUNDLED_FAMILY


def options_from(doc: dict) -> ReportOptions:
    """The ReportOptions stored in a document model."""
    names = {f.name for f in fields(ReportOptions)}
    values = {k: v for k, v in doc.get("options", {}).items() if k in names and k != "extra"}
    if "recipients" in values:
        values["recipients"] = tuple(values["recipients"])
    return ReportOptions(**values)


@dataclass
class _Page:
    """Device geometry of one orientation: paper and content rectangles in device pixels."""

    paper_w: float
    paper_h: float
    left: float
    top: float
    content_w: float
    content_h: float


class _Renderer:
    def __init__(self, doc: dict, printer: QPrinter):
        self.doc = doc
        self.printer = printer
        self.options = options_from(doc)
        self.family = font_family(self.options.font_family)
        self.res = float(printer.resolution()) if isinstance(printer, QPrinter) else float(printer.logicalDpiX())
        # Qt lets the page layout change between pages only on its PDF engine (not a printer, not the preview).
        engine = printer.paintEngine() if isinstance(printer, QPrinter) else None
        self.real_layouts = engine is not None and engine.type() == QPaintEngine.Type.Pdf

    # -- units ---------------------------------------------------------------------------------------------------------
    def mm(self, value: float) -> float:
        return value * self.res / 25.4

    def pt(self, value: float) -> float:
        return value * self.res / 72.0

    def page(self, orientation: str) -> _Page:
        w, h = (self.mm(A4_MM[1]), self.mm(A4_MM[0])) if orientation == LANDSCAPE else (self.mm(A4_MM[0]),
                                                                                         self.mm(A4_MM[1]))
        o = self.options
        # Landscape pages keep the same margins as portrait ones (wide binding margin on the left).
        return _Page(w, h, self.mm(o.margin_left), self.mm(o.margin_top), w - self.mm(o.margin_left + o.margin_right),
                     h - self.mm(o.margin_top + o.margin_bottom))

    def font(self, size_pt: float, *, bold: bool = False, italic: bool = False) -> QFont:
        font = QFont(self.family)
        font.setPointSizeF(size_pt)
        font.setBold(bold)
        font.setItalic(italic)
        return font

    def layout_for(self, orientation: str) -> QPageLayout:
        qt_orientation = QPageLayout.Orientation.Landscape if orientation == LANDSCAPE and self.real_layouts \
            else QPageLayout.Orientation.Portrait
        return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), qt_orientation, QMarginsF(0, 0, 0, 0),
                           QPageLayout.Unit.Millimeter)

    # -- drawing -------------------------------------------------------------------------------------------------------
    def pages(self):  # noqa: ANN201 - an iterator of (part, geometry, header, text, number)
        """Every page to draw, in order: its part, geometry, header block (page 1), laid-out text and page index."""
        for index, part in enumerate(self.doc["parts"]):
            geometry = self.page(part["orientation"])
            header = _Header(self, geometry) if index == 0 else None
            text = _build_text_document(self, part, index == 0, geometry, header.height if header else 0.0)
            for number in range(_used_pages(text)):
                yield part, geometry, header, text, number

    def draw_page(self, painter: QPainter, page: tuple, page_number: int, *, rotate: bool) -> None:
        """Draw one page; `rotate` turns a landscape page onto portrait paper (printers and Qt's preview)."""
        part, geometry, header, text, number = page
        painter.save()
        if part["orientation"] == LANDSCAPE and rotate:
            # Turned counter-clockwise: the top of the landscape page faces the bound (left) edge.
            painter.translate(0, self.mm(A4_MM[1]))
            painter.rotate(-90)
        if page_number > 1:
            self.draw_page_number(painter, geometry, page_number)
        if header and number == 0:
            header.draw(painter)
        painter.translate(geometry.left, geometry.top - number * geometry.content_h)
        text.drawContents(painter, QRectF(0, number * geometry.content_h, geometry.content_w, geometry.content_h))
        painter.restore()

    def run(self) -> int:
        parts = self.doc["parts"]
        self.printer.setFullPage(True)
        self.printer.setPageLayout(self.layout_for(parts[0]["orientation"]))
        painter = QPainter()
        if not painter.begin(self.printer):
            raise RenderError("Không mở được máy in hoặc tệp PDF để ghi (kiểm tra đường dẫn và quyền ghi).")
        pages = 0
        try:
            for page in self.pages():
                if pages:
                    if self.real_layouts:
                        self.printer.setPageLayout(self.layout_for(page[0]["orientation"]))
                    self.printer.newPage()
                pages += 1
                self.draw_page(painter, page, pages, rotate=not self.real_layouts)
        finally:
            painter.end()
        return pages

    def draw_page_number(self, painter: QPainter, geometry: _Page, number: int) -> None:
        font = self.font(13)
        metrics = QFontMetricsF(font, self.printer)
        text = str(number)
        painter.setFont(font)
        painter.setPen(QColor("black"))
        x = geometry.left + (geometry.content_w - metrics.horizontalAdvance(text)) / 2
        baseline = geometry.top - self.mm(6) - metrics.descent()
        painter.drawText(QPointF(x, baseline), text)


class _Header:
    """The Decree 30 header block of page 1: agencies and number on the left, national motto and date on the right."""

    def __init__(self, renderer: _Renderer, geometry: _Page):
        self.r = renderer
        self.g = geometry
        o = renderer.options
        self.left_w = geometry.content_w * 0.42
        self.right_w = geometry.content_w - self.left_w
        self.ops: list[tuple] = []
        gap = renderer.pt(2)
        y = 0.0
        if o.parent_agency.strip():
            y = self._text(o.parent_agency.upper(), renderer.font(12.5), 0, self.left_w, y)
        y = self._text(o.issuing_agency.upper(), renderer.font(12.5, bold=True), 0, self.left_w, y, rule=0.45)
        left_bottom = y + gap
        y = 0.0
        y = self._text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", renderer.font(12.5, bold=True), self.left_w,
                       self.right_w, y)
        y = self._text("Độc lập - Tự do - Hạnh phúc", renderer.font(13.5, bold=True), self.left_w, self.right_w, y,
                       rule=1.0)
        line_y = max(left_bottom, y + gap) + renderer.pt(6)
        number = f"Số: {o.number.rstrip()}" if o.number.strip() else "Số:        "
        y1 = line_y if renderer.doc.get("no_number") else self._text(number, renderer.font(13), 0, self.left_w,
                                                                      line_y)
        if renderer.doc.get("excerpt"):  # a letter's "V/v …" under its number (Decree 30, công văn)
            y1 = self._text(renderer.doc["excerpt"], renderer.font(12), 0, self.left_w, y1)
        try:
            date = parse_date(o.date) if o.date else renderer.options.report_date()
        except ValueError:
            date = None
        y2 = self._text(renderer.doc.get("date_line") or date_line(o.place, date), renderer.font(13.5, italic=True),
                        self.left_w, self.right_w, line_y)
        self.height = max(y1, y2) + renderer.pt(12)

    def _text(self, text: str, font: QFont, x: float, width: float, y: float, *, rule: float = 0.0) -> float:
        metrics = QFontMetricsF(font, self.r.printer)
        lines = _wrap(text, metrics, width)
        widest = 0.0
        for line in lines:
            advance = metrics.horizontalAdvance(line)
            widest = max(widest, advance)
            self.ops.append(("text", line, font, QPointF(x + (width - advance) / 2, y + metrics.ascent())))
            y += metrics.lineSpacing()
        if rule and lines:
            length = widest * rule
            rule_y = y + self.r.pt(1)
            self.ops.append(("line", QPointF(x + (width - length) / 2, rule_y), QPointF(x + (width + length) / 2,
                                                                                        rule_y)))
            y = rule_y + self.r.pt(2)
        return y

    def draw(self, painter: QPainter) -> None:
        painter.save()
        painter.translate(self.g.left, self.g.top)
        painter.setPen(QPen(QColor("black"), self.r.pt(0.6)))
        for op in self.ops:
            if op[0] == "text":
                _, text, font, point = op
                painter.setFont(font)
                painter.drawText(point, text)
            else:
                painter.drawLine(op[1], op[2])
        painter.restore()


def _wrap(text: str, metrics: QFontMetricsF, width: float) -> list[str]:
    """Break `text` into lines no wider than `width` (at spaces; explicit line breaks kept)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split(" "):
            candidate = f"{current} {word}" if current else word
            if current and metrics.horizontalAdvance(candidate) > width:
                lines.append(current)
                current = word
            else:
                current = candidate
        lines.append(current)
    return lines


# -- HTML ------------------------------------------------------------------------------------------------------------
def _esc(text: object) -> str:
    return html.escape(str(text or "")).replace("\n", "<br/>")


# Dates (04/07/2024), item codes (II.1.5), numbers and amounts (1.394.200.000, 140,5%), document numbers (15/BC-SCT)
# and "Quý II, III": never cut at a line end.
_UNBREAKABLE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}|\b[IVX]+(?:\.\d+)+\.?|\d[\d.,]*\d%?|\d+%|\d+/[A-ZĐ][\w-]*")


def _cell_html(text: object) -> str:
    """Escaped text with dates, codes and numbers kept on one line (white-space: nowrap)."""
    out, last = [], 0
    raw = str(text or "")
    for match in _UNBREAKABLE.finditer(raw):
        out.append(_esc(raw[last:match.start()]))
        out.append(f"<span style=\"white-space:nowrap\">{_esc(match.group())}</span>")
        last = match.end()
    out.append(_esc(raw[last:]))
    return "".join(out)


def _build_text_document(r: _Renderer, part: dict, first: bool, geometry: _Page, header_height: float) -> QTextDocument:
    """The part laid out in pages, with the breaks Qt does not make itself (see `_Breaks`)."""
    breaks = _Breaks()
    for _ in range(200):  # each round fixes one break; a document never needs nearly as many
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(r.printer)
        doc.setDocumentMargin(0)
        doc.setUseDesignMetrics(True)
        doc.setDefaultFont(r.font(r.options.body_pt))
        doc.setPageSize(QSizeF(geometry.content_w, geometry.content_h))
        doc.setHtml(_HtmlWriter(r, doc, geometry, breaks).write(part, first, header_height))
        if not breaks.fix_first_violation(doc):
            break
    return doc


@dataclass
class _Breaks:
    """Page breaks added after layout, because QTextDocument has no "keep together":

    - a table row cut by a page break: the table is split before that row and continues on the next page under its
      repeated header (a row taller than a page is left to Qt); a group heading row goes with the row under it;
    - a caption or unit note on one page and its table's first row on the next: break before the caption;
    - a heading last on a page: break before the heading;
    - the closing paragraph, the signature block and "Nơi nhận" not on one page: break before the closing paragraph.
    """

    before: set[int] = field(default_factory=set)          # top-level block indexes that start a page
    rows: dict[int, set[int]] = field(default_factory=dict)  # table block index -> rows that start a page
    closing: bool = False
    tail: bool = False

    def fix_first_violation(self, doc: QTextDocument) -> bool:
        """Add the first missing break in document order; True when one was added (lay out again)."""
        page_h = doc.pageSize().height()
        layout = doc.documentLayout()

        def page(y: float) -> int:
            return int(y // page_h)

        anchors: dict[str, QRectF] = {}
        block = doc.begin()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                for name in it.fragment().charFormat().anchorNames():
                    anchors.setdefault(name, layout.blockBoundingRect(block))
                it += 1
            block = block.next()
        candidates: list[tuple[float, str, int, int]] = []
        for table in _tables(doc.rootFrame()):
            head = _anchor_of(table.cellAt(0, 0).firstCursorPosition().block(), "t")
            if not head:
                continue
            index, first_row = (int(x) for x in head[1:].split("_"))
            body_rows = range(1, table.rows())
            if f"c{index}" in anchors and first_row == 0 and table.rows() > 1:
                caption = anchors[f"c{index}"]
                row_top = _row_box(layout, table, 1)[0]
                if page(caption.top()) != page(row_top - 1) and index not in self.before:
                    candidates.append((caption.top(), "before", index, 0))
            for r in body_rows:
                top, bottom = _row_box(layout, table, r)
                if bottom - top < page_h and page(top) != page(bottom - 0.5):
                    candidates.append((top, "row", index, first_row + r - 1))
                    break
                grouped = _anchor_of(table.cellAt(r, 0).firstCursorPosition().block(), "g")
                if grouped and r > 1 and r + 1 < table.rows():
                    following = _row_box(layout, table, r + 1)
                    if page(top) != page(following[1] - 0.5) and following[1] - top < page_h:
                        candidates.append((top, "row", index, first_row + r - 1))
                        break
        for name, rect in anchors.items():
            if name.startswith("h"):
                index = int(name[1:])
                following = anchors.get(f"k{index + 1}")
                if following is not None and page(rect.top()) != page(following.bottom() - 0.5) \
                        and index not in self.before:
                    candidates.append((rect.top(), "before", index, 0))
        tables = _tables(doc.rootFrame())
        for n, table in enumerate(tables):
            if not _anchor_of(table.cellAt(0, 0).firstCursorPosition().block(), "signature"):
                continue
            bottom = _row_box(layout, table, 0)[1]
            if "closing" in anchors and not self.closing:
                closing = anchors["closing"]
                if page(closing.top()) != page(bottom - 0.5):
                    candidates.append((closing.top(), "closing", 0, 0))
            elif "closing" not in anchors and n and not self.tail:
                # A document ending with a table (a list): its last two rows (the total, the amount in words) go
                # with the signatures to the next page rather than leaving them alone there.
                last = tables[n - 1]
                head = _anchor_of(last.cellAt(0, 0).firstCursorPosition().block(), "t")
                if head and last.rows() > 3:
                    index, first_row = (int(x) for x in head[1:].split("_"))
                    top = _row_box(layout, last, last.rows() - 2)[0]
                    if page(top) != page(bottom - 0.5):
                        candidates.append((top, "tail", index, first_row + last.rows() - 3))
        if not candidates:
            return False
        _, kind, index, row = min(candidates)
        if kind == "before":
            self.before.add(index)
        elif kind in ("row", "tail"):
            self.rows.setdefault(index, set()).add(row)
            self.tail = self.tail or kind == "tail"
        else:
            self.closing = True
        return True


def _used_pages(doc: QTextDocument) -> int:
    """Pages holding text: Qt's pageCount() also counts a page holding only the empty block it keeps after a final
    table (the signature block), which would print as a blank page."""
    layout = doc.documentLayout()
    block, bottom = doc.lastBlock(), 0.0
    while block.isValid():
        if block.text().strip() or QTextCursor(block).currentTable() is not None:
            bottom = layout.blockBoundingRect(block).bottom()
            break
        block = block.previous()
    return max(1, min(doc.pageCount(), int((bottom - 0.5) // doc.pageSize().height()) + 1))


def _anchor_of(block: QTextBlock, prefix: str = "") -> str:
    """The first anchor name in `block` starting with `prefix` ("" when none)."""
    it = block.begin()
    while not it.atEnd():
        for name in it.fragment().charFormat().anchorNames():
            if name.startswith(prefix):
                return name
        it += 1
    return ""


def _row_box(layout: object, table: QTextTable, row: int) -> tuple[float, float]:
    """Top and bottom of a table row in document coordinates."""
    cells = [table.cellAt(row, c) for c in range(table.columns())]
    top = min(layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells)  # type: ignore[attr-defined]
    bottom = max(layout.blockBoundingRect(c.lastCursorPosition().block()).bottom() for c in cells)  # type: ignore[attr-defined]
    return top, bottom


def _tables(frame: QTextFrame) -> list[QTextTable]:
    out = []
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            out.append(child)
        out += _tables(child)
    return out


class _HtmlWriter:
    def __init__(self, r: _Renderer, doc: QTextDocument, geometry: _Page, breaks: _Breaks | None = None):
        self.r = r
        self.doc = doc
        self.g = geometry
        self.images = 0
        self.breaks = breaks or _Breaks()
        self.index = -1
        self._anchors: list[str] = []  # anchors for the next paragraph written (see _Breaks)
        self._break = False  # the next paragraph or table starts a page

    @staticmethod
    def px(pt: float) -> int:
        """CSS pixels (1/96 inch, which Qt scales to the printer) for a length in points."""
        return round(pt * 96 / 72)

    @staticmethod
    def mmpx(mm: float) -> int:
        """CSS pixels for a length in millimetres."""
        return round(mm * 96 / 25.4)

    def write(self, part: dict, first: bool, header_height: float) -> str:
        o = self.r.options
        out = [f"<html><body style=\"font-family:'{self.r.family}'; font-size:{o.body_pt}pt; color:#000;\">"]
        if first:
            # Room for the header block, which is painted directly on page 1 (a block's top margin is dropped at the
            # top of a page, a fixed line height is not).
            spacer = round(header_height * 96 / self.r.res)
            out.append(f"<p style=\"margin-top:0px; margin-bottom:0px; line-height:{spacer}px; font-size:2pt\">"
                       "&nbsp;</p>")
            if self.r.doc.get("draft"):
                out.append(self._p("DỰ THẢO", size=13, bold=True, align="center", top=0))
            if self.r.doc["doc_type"]:  # a letter (công văn) has no title: its subject is the "V/v" line
                out.append(self._p(self.r.doc["doc_type"], size=14, bold=True, align="center", top=6))
                if self.r.doc.get("subject"):
                    plain = self.r.doc.get("subject_style") == "italic"
                    out.append(self._p(self.r.doc["subject"], size=13 if plain else 14, bold=not plain,
                                       italic=plain, align="center", top=0))
                out.append(f"<hr width=\"30%\" style=\"margin-top:{self.px(2)}px; margin-bottom:{self.px(8)}px\"/>")
        if part.get("label"):
            out.append(self._p(part["label"].upper(), size=13, bold=True, align="center", top=0))
            out.append(self._p(part["title"], size=13, bold=True, align="center", top=0))
            if part.get("note"):
                out.append(self._p(part["note"], size=13, italic=True, align="center", top=0))
            out.append(self._p("", top=4))
        blocks = part["blocks"]
        signed = first and self.r.doc.get("signature")
        for i, block in enumerate(blocks):
            self.index = i
            self._anchors = [f"k{i}"] + ([f"h{i}"] if block["type"] == "heading" else [])
            self._break = i in self.breaks.before
            if signed and i == len(blocks) - 1 and block["type"] == "paragraph":
                self._anchors.append("closing")
                self._break = self._break or self.breaks.closing
            out.append(getattr(self, f"_{block['type']}")(block))
        if signed:
            out.append(self._signature())
        out.append("</body></html>")
        return "".join(out)

    def _p(self, text: str, *, size: float | None = None, bold: bool = False, italic: bool = False,
           align: str = "justify", indent: bool = False, top: float = 6) -> str:
        style = [f"margin-top:{self.px(top)}px", "margin-bottom:0px",
                 "line-height:115%"]
        if size:
            style.append(f"font-size:{size}pt")
        if bold:
            style.append("font-weight:bold")
        if italic:
            style.append("font-style:italic")
        if indent:
            style.append(f"text-indent:{round(self.r.mm(10))}px")  # text-indent is taken in device pixels
        if self._break:
            style.append("page-break-before:always")
            self._break = False
        anchors = "".join(f"<a name=\"{a}\"></a>" for a in self._anchors)
        self._anchors = []
        return f"<p align=\"{align}\" style=\"{'; '.join(style)}\">{anchors}{_cell_html(text)}</p>"

    def _heading(self, block: dict) -> str:
        level = block["level"]
        return self._p(block["text"], bold=True, italic=level >= 3, indent=True, top=8 if level == 1 else 6)

    def _paragraph(self, block: dict) -> str:
        return self._p(block["text"], bold=block["bold"], italic=block["italic"], align=block["align"],
                       indent=block["indent"])

    def _spacer(self, block: dict) -> str:
        return self._p("", top=block.get("height", 6))

    def _table(self, block: dict) -> str:
        o = self.r.options
        size = block.get("font_pt") or o.table_pt
        columns = block["columns"]
        total = sum(c["width"] for c in columns) or 1
        widths = [round(100 * c["width"] / total, 2) for c in columns]
        index = self.index
        out = []
        if block.get("caption"):
            self._anchors.append(f"c{index}")
            out.append(self._p(block["caption"], bold=True, align="center", top=8))
        if block.get("unit_note"):
            if not block.get("caption"):
                self._anchors.append(f"c{index}")
            out.append(self._p(block["unit_note"], italic=True, align="right", size=size, top=2))
        pad = self.px(2.5)
        starts = sorted(self.breaks.rows.get(index, set()) - {0})
        bounds = list(zip([0, *starts], [*starts, len(block["rows"])], strict=True))
        for first, last in bounds:
            page_break = "page-break-before:always; " if first or self._break else ""
            self._break = False
            out.append(f"<table width=\"100%\" border=\"1\" cellspacing=\"0\" cellpadding=\"{pad}\" "
                       f"style=\"{page_break}border-collapse:collapse; border-style:solid; border-color:#000; "
                       f"margin-top:{self.px(4) if not first else 0}px; font-size:{size}pt\">")
            out.append("<thead><tr>")
            for n, (c, w) in enumerate(zip(columns, widths, strict=True)):
                anchor = f"<a name=\"t{index}_{first}\"></a>" if n == 0 else ""
                if n == 0 and self._anchors:
                    anchor = "".join(f"<a name=\"{a}\"></a>" for a in self._anchors) + anchor
                    self._anchors = []
                out.append(f"<th width=\"{w}%\" align=\"center\" valign=\"middle\" style=\"font-weight:bold\">"
                           f"{anchor}{_esc(c['title'])}</th>")
            out.append("</tr></thead>")
            for row in block["rows"][first:last]:
                out.append(self._row(row, columns))
            out.append("</table>")
        return "".join(out)

    @staticmethod
    def _row(row: dict, columns: list[dict]) -> str:
        style = []
        if row.get("bold"):
            style.append("font-weight:bold")
        if row.get("italic"):
            style.append("font-style:italic")
        css = f" style=\"{'; '.join(style)}\"" if style else ""
        # A group heading (a spanning row, or one marked "group") stays with the row under it (see _Breaks).
        mark = "<a name=\"g\"></a>" if row.get("span") or row.get("group") else ""
        if row.get("span"):
            return (f"<tr><td colspan=\"{len(columns)}\"{css}>{mark}"
                    f"{_cell_html(row['cells'][0] if row['cells'] else '')}</td></tr>")
        cells = list(row["cells"]) + [""] * (len(columns) - len(row["cells"]))
        return "<tr>" + "".join(f"<td align=\"{c['align']}\" valign=\"top\"{css}>{mark if i == 0 else ''}"
                                f"{_cell_html(cell)}</td>"
                                for i, (c, cell) in enumerate(zip(columns, cells, strict=False))) + "</tr>"

    def _chart(self, block: dict) -> str:
        width_mm = (self.g.content_w / self.r.res * 25.4) * 0.92
        rows = max(1, len(block["categories"]))
        height_mm = min(150.0, 24 + 6.5 * rows) if block["kind"] == "hbar" else 80.0
        image = chart_image(block, self.r.family, width_mm, height_mm)
        if image is None:
            return ""
        self.images += 1
        name = f"chart{self.images}"
        self.doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        w, h = self.mmpx(width_mm), self.mmpx(height_mm)
        return (f"<p align=\"center\" style=\"margin-top:{self.px(8)}px\"><img src=\"{name}\" width=\"{w}\" "
                f"height=\"{h}\"/></p>")

    def _signature(self) -> str:
        o = self.r.options
        if self.r.doc.get("signers"):
            return self._signers(self.r.doc["signers"])
        recipients = list(self.r.doc.get("recipients") or o.recipients)
        lines = []
        for i, item in enumerate(recipients):
            text = item.strip().rstrip(";.")
            end = "." if i == len(recipients) - 1 else ";"
            lines.append(f"- {_esc(text)}{end}")
        left = (f"<p style=\"margin-top:0px; font-size:12pt; font-weight:bold; font-style:italic\">"
                f"<a name=\"signature\"></a>Nơi nhận:</p>"
                f"<p style=\"margin-top:0px; font-size:11pt; line-height:110%\">{'<br/>'.join(lines)}</p>")
        signer = [f"<p align=\"center\" style=\"margin-top:0px; font-size:13pt; font-weight:bold\">"
                  f"{_esc(o.signer_authority)}{'<br/>' if o.signer_authority else ''}{_esc(o.signer_title)}</p>"]
        signer.append(f"<p align=\"center\" style=\"margin-top:{self.mmpx(24)}px; font-size:14pt; "
                      f"font-weight:bold\">{_esc(o.signer_name) or '&nbsp;'}</p>")
        return (f"<table width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\" style=\"margin-top:"
                f"{self.px(14)}px\"><tr><td width=\"50%\" valign=\"top\">{left}</td>"
                f"<td width=\"50%\" valign=\"top\">{''.join(signer)}</td></tr></table>")

    def _signers(self, signers: list[list[str]]) -> str:
        """Several signatures side by side (lists: the preparer, the accountant, the head): title, room, name."""
        width = round(100 / len(signers), 2)
        cells = []
        for i, (title, name) in enumerate(signers):
            anchor = "<a name=\"signature\"></a>" if i == 0 else ""
            cells.append(f"<td width=\"{width}%\" valign=\"top\"><p align=\"center\" style=\"margin-top:0px; "
                         f"font-size:13pt; font-weight:bold\">{anchor}{_esc(title)}</p><p align=\"center\" "
                         f"style=\"margin-top:{self.mmpx(22)}px; font-size:13pt; font-weight:bold\">"
                         f"{_esc(name) or '&nbsp;'}</p></td>")
        return (f"<table width=\"100%\" border=\"0\" cellspacing=\"0\" cellpadding=\"0\" style=\"margin-top:"
                f"{self.px(14)}px\"><tr>{''.join(cells)}</tr></table>")


# -- charts ----------------------------------------------------------------------------------------------------------
SERIES_COLOURS = ("#1f4e79", "#c55a11", "#548235", "#7f6000")


def chart_image(block: dict, family: str, width_mm: float, height_mm: float) -> QImage | None:
    """A chart block drawn with QtCharts into an image of the given size (3 pixels per 1/96 inch); None without a
    widgets application (QtCharts needs one)."""
    if not isinstance(QCoreApplication.instance(), QApplication):
        return None
    from PySide6.QtCharts import (
        QBarCategoryAxis,
        QBarSeries,
        QBarSet,
        QChart,
        QHorizontalBarSeries,
        QValueAxis,
    )
    from PySide6.QtWidgets import QGraphicsScene

    width, height = width_mm / 25.4 * 96, height_mm / 25.4 * 96
    chart = QChart()
    chart.setBackgroundVisible(False)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    title_font = QFont(family)
    title_font.setPointSizeF(11)
    title_font.setBold(True)
    chart.setTitleFont(title_font)
    chart.setTitle(block["title"])
    label_font = QFont(family)
    label_font.setPointSizeF(9.5)
    horizontal = block["kind"] == "hbar"
    series = QHorizontalBarSeries() if horizontal else QBarSeries()
    category_names = list(block["categories"])
    series_values = [(name, list(values)) for name, values in block["series"]]
    if horizontal:  # first category at the top, as a reader expects
        category_names.reverse()
        series_values = [(name, values[::-1]) for name, values in series_values]
    for i, (name, values) in enumerate(series_values):
        bar_set = QBarSet(name)
        bar_set.append([float(v) for v in values])
        bar_set.setColor(QColor(SERIES_COLOURS[i % len(SERIES_COLOURS)]))
        bar_set.setLabelFont(label_font)
        bar_set.setLabelColor(QColor("black"))
        series.append(bar_set)
    series.setLabelsVisible(True)
    series.setLabelsFormat("@value")
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append(category_names)
    categories.setLabelsFont(label_font)
    values_axis = QValueAxis()
    top = block.get("maximum") or max([max(v) for _, v in block["series"] if v] + [1.0]) * 1.15
    values_axis.setRange(0, top * 1.1 if block.get("maximum") else top)
    values_axis.setLabelFormat("%.0f")
    values_axis.setLabelsFont(label_font)
    values_axis.applyNiceNumbers()
    if horizontal:
        chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom)
    else:
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values_axis, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(categories)
    series.attachAxis(values_axis)
    legend = chart.legend()
    legend.setVisible(len(block["series"]) > 1)
    legend.setFont(label_font)
    legend.setAlignment(Qt.AlignmentFlag.AlignBottom)
    chart.resize(width, height)
    scene = QGraphicsScene()
    scene.addItem(chart)
    scale = 3
    image = QImage(round(width * scale), round(height * scale), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, image.width(), image.height()), QRectF(0, 0, width, height))
    painter.end()
    scene.removeItem(chart)
    return image


# -- entry points ----------------------------------------------------------------------------------------------------
def render_to_printer(doc: dict, printer: QPrinter) -> int:
    """Draw the document onto `printer` (a PDF printer, a real printer, or the preview's); returns the page count."""
    ensure_app()
    printer.setDocName(doc["subject"][:120])
    printer.setCreator("SXTDBV")
    return _Renderer(doc, printer).run()


def page_images(doc: dict, dpi: int = 96) -> list[QImage]:
    """Every page of the document as an image at `dpi`, each in its own orientation (a landscape appendix is a
    landscape image, upright): what the app's print preview shows, page for page the same as the PDF."""
    ensure_app()
    # Laid out at the PDF printer's resolution (text metrics, hence line and page breaks, depend on it), then drawn
    # scaled down onto each page image.
    layout_dpi = QPrinter(QPrinter.PrinterMode.HighResolution).resolution()
    device = QImage(8, 8, QImage.Format.Format_RGB32)
    device.setDotsPerMeterX(round(layout_dpi / 0.0254))
    device.setDotsPerMeterY(round(layout_dpi / 0.0254))
    renderer = _Renderer(doc, device)  # type: ignore[arg-type] - a paint device with the printer's metrics
    dots = round(layout_dpi / 0.0254)  # fonts set on the painter resolve at the layout's resolution, then scale
    images = []
    for number, page in enumerate(renderer.pages(), 1):
        landscape = page[0]["orientation"] == LANDSCAPE
        w, h = (A4_MM[1], A4_MM[0]) if landscape else A4_MM
        image = QImage(round(w / 25.4 * dpi), round(h / 25.4 * dpi), QImage.Format.Format_RGB32)
        image.setDotsPerMeterX(dots)
        image.setDotsPerMeterY(dots)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(dpi / layout_dpi, dpi / layout_dpi)
        renderer.draw_page(painter, page, number, rotate=False)
        painter.end()
        images.append(image)
    return images


def pdf_printer(path: Path | str) -> QPrinter:
    """A high-resolution A4 printer writing a PDF file at `path`."""
    ensure_app()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    return printer


def render_pdf(doc: dict, path: Path | str) -> int:
    """Write the document as a PDF at `path` (fonts embedded); returns the page count."""
    path = Path(path)
    if path.parent and not path.parent.exists():
        raise RenderError(f"Thư mục “{path.parent}” không tồn tại.")
    return render_to_printer(doc, pdf_printer(path))
