"""Writing a document model (desktop/reports/model.py) as a Word file with python-docx, for the clerk to finish and
sign in Word: the same description the PDF renderer draws, so the two never drift apart.

Qt-free except for charts, which are drawn by render.chart_image when a Qt application is running (the CLI and the
GUI have one); without it a chart is left out. The layout follows Decree 30/2020/NĐ-CP like the PDF: A4, the margins
and sizes of the options, Times New Roman, the header block as a borderless two-column table, page numbers centred in
the header from page 2, each appendix its own section in its own orientation, table headers repeated on every page and
rows never split, the closing paragraph kept with the signature block.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from desktop.domain.dates import parse_date
from desktop.reports.model import LANDSCAPE
from desktop.reports.options import date_line, options_of

FONT = "Times New Roman"
A4 = (Mm(210), Mm(297))
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
         "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


class DocxError(Exception):
    """The Word file could not be written; message in Vietnamese."""


def write_docx(doc: dict, path: Path | str) -> int:
    """Write the document as a .docx at `path`; returns the number of sections (the body and each appendix)."""
    path = Path(path)
    if not path.parent.exists():
        raise DocxError(f"Thư mục “{path.parent}” không tồn tại.")
    writer = _Writer(doc)
    writer.build()
    try:
        writer.document.save(str(path))
    except OSError as exc:
        raise DocxError(f"Không ghi được tệp “{path}” (kiểm tra quyền ghi hoặc tệp đang mở trong Word).") from exc
    return len(doc["parts"])


class _Writer:
    def __init__(self, doc: dict):
        self.doc = doc
        self.o = options_of(doc)
        self.document = Document()
        self._set_defaults()

    # -- set-up --------------------------------------------------------------------------------------------------------
    def _set_defaults(self) -> None:
        style = self.document.styles["Normal"]
        style.font.name = FONT
        style.font.size = Pt(self.o.body_pt)
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
            fonts.set(qn(attr), FONT)
        fmt = style.paragraph_format
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(0)
        fmt.line_spacing = 1.15
        self.document.core_properties.title = self.doc.get("subject", "")[:250]
        self.document.core_properties.author = self.o.issuing_agency.title()

    def _page(self, section, orientation: str) -> None:  # noqa: ANN001 - python-docx Section
        width, height = A4
        if orientation == LANDSCAPE:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = height, width
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = width, height
        section.top_margin = Mm(self.o.margin_top)
        section.bottom_margin = Mm(self.o.margin_bottom)
        section.left_margin = Mm(self.o.margin_left)
        section.right_margin = Mm(self.o.margin_right)
        section.header_distance = Mm(10)
        section.footer_distance = Mm(10)

    def _page_numbers(self, section, first: bool) -> None:  # noqa: ANN001
        """Page numbers centred in the header, none on page 1 (Decree 30)."""
        section.different_first_page_header_footer = first
        header = section.header
        header.is_linked_to_previous = not first
        if not first:
            return
        paragraph = header.paragraphs[0]
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run()
        _field(run, "PAGE")
        run.font.size = Pt(13)

    # -- the document --------------------------------------------------------------------------------------------------
    def build(self) -> None:
        for index, part in enumerate(self.doc["parts"]):
            if index == 0:
                section = self.document.sections[0]
            else:
                section = self.document.add_section(WD_SECTION.NEW_PAGE)
            self._page(section, part["orientation"])
            self._page_numbers(section, index == 0)
            if index == 0:
                self._header_block()
                self._title()
            if part.get("label"):
                self._para(part["label"].upper(), bold=True, align="center")
                self._para(part["title"], bold=True, align="center")
                if part.get("note"):
                    self._para(part["note"], italic=True, align="center")
                self._para("", before=4)
            blocks = part["blocks"]
            signed = index == 0 and self.doc.get("signature")
            for n, block in enumerate(blocks):
                closing = signed and n == len(blocks) - 1 and block["type"] == "paragraph"
                getattr(self, f"_{block['type']}")(block, keep_with_next=closing)
            if signed:
                self._signature()
        # python-docx starts from a template holding one empty paragraph: drop it when it is still empty.
        body = self.document.element.body
        first = body[0]
        if first.tag == qn("w:p") and not "".join(first.itertext()).strip():
            body.remove(first)

    def _para(self, text: str, *, size: float | None = None, bold: bool = False, italic: bool = False,
              align: str = "justify", indent: bool = False, before: float = 0, keep_with_next: bool = False,
              container=None) -> Paragraph:  # noqa: ANN001 - a document or a cell
        target = container if container is not None else self.document
        paragraph = target.add_paragraph()
        fmt = paragraph.paragraph_format
        fmt.alignment = ALIGN.get(align, WD_ALIGN_PARAGRAPH.JUSTIFY)
        fmt.space_before = Pt(before)
        if indent:
            fmt.first_line_indent = Mm(10)
        if keep_with_next:
            fmt.keep_with_next = True
        lines = str(text or "").split("\n")
        for i, line in enumerate(lines):
            run = paragraph.add_run(line)
            run.bold = bold or None
            run.italic = italic or None
            if size:
                run.font.size = Pt(size)
            if i < len(lines) - 1:
                run.add_break(WD_BREAK.LINE)
        return paragraph

    def _header_block(self) -> None:
        """Agencies and number on the left, national motto and place-date on the right, in a borderless table."""
        o = self.o
        table = self.document.add_table(rows=2, cols=2)
        _no_borders(table)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        left, right = table.cell(0, 0), table.cell(0, 1)
        _widths(table, [0.4, 0.6], self._content_width(self.doc["parts"][0]["orientation"]))
        if o.parent_agency.strip():
            self._cell_text(left, o.parent_agency.upper(), size=12.5)
        self._cell_text(left, o.issuing_agency.upper(), size=12.5, bold=True, rule=True, rule_indent=24)
        self._cell_text(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12.5, bold=True)
        self._cell_text(right, "Độc lập - Tự do - Hạnh phúc", size=13.5, bold=True, rule=True, rule_indent=17)
        number = f"Số: {o.number.rstrip()}" if o.number.strip() else "Số:        "
        if not self.doc.get("no_number"):
            self._cell_text(table.cell(1, 0), number, size=13)
        if self.doc.get("excerpt"):
            self._cell_text(table.cell(1, 0), self.doc["excerpt"], size=12)
        try:
            date = parse_date(o.date) if o.date else o.report_date()
        except ValueError:
            date = None
        self._cell_text(table.cell(1, 1), self.doc.get("date_line") or date_line(o.place, date), size=13.5,
                        italic=True)

    def _cell_text(self, cell: _Cell, text: str, *, size: float, bold: bool = False, italic: bool = False,
                   rule: bool = False, rule_indent: float = 18) -> None:
        paragraph = cell.paragraphs[0] if not cell.paragraphs[0].text and len(cell.paragraphs) == 1 else \
            cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(text)
        run.font.size = Pt(size)
        run.bold = bold or None
        run.italic = italic or None
        if rule:
            # The short rule under the agency and the motto: a bottom border on an empty, indented paragraph.
            line = cell.add_paragraph()
            fmt = line.paragraph_format
            fmt.left_indent = fmt.right_indent = Mm(rule_indent)
            _bottom_border(line)
            fmt.line_spacing = Pt(6)  # exactly: the rule, not a line of text
            fmt.space_after = Pt(6)

    def _title(self) -> None:
        if not self.doc["doc_type"]:  # a letter: its subject is the "V/v" line of the header block
            self._para("", before=6)
            return
        if self.doc.get("draft"):
            self._para("DỰ THẢO", size=13, bold=True, align="center", before=6)
        self._para(self.doc["doc_type"], size=14, bold=True, align="center", before=12)
        if self.doc.get("subject"):
            plain = self.doc.get("subject_style") == "italic"
            self._para(self.doc["subject"], size=13 if plain else 14, bold=not plain, italic=plain, align="center")
        rule = self._para("", align="center")
        rule.paragraph_format.left_indent = rule.paragraph_format.right_indent = Mm(55)
        rule.paragraph_format.line_spacing = Pt(6)
        _bottom_border(rule)
        rule.paragraph_format.space_after = Pt(8)

    def _content_width(self, orientation: str) -> int:
        width = A4[1] if orientation == LANDSCAPE else A4[0]
        return int(width - Mm(self.o.margin_left) - Mm(self.o.margin_right))

    # -- blocks --------------------------------------------------------------------------------------------------------
    def _heading(self, block: dict, keep_with_next: bool = False) -> None:
        level = block["level"]
        self._para(block["text"], bold=True, italic=level >= 3, indent=True, before=8 if level == 1 else 6,
                   keep_with_next=True)

    def _paragraph(self, block: dict, keep_with_next: bool = False) -> None:
        self._para(block["text"], bold=block["bold"], italic=block["italic"], align=block["align"],
                   indent=block["indent"], before=6, keep_with_next=keep_with_next)

    def _spacer(self, block: dict, keep_with_next: bool = False) -> None:
        self._para("", before=block.get("height", 6))

    def _table(self, block: dict, keep_with_next: bool = False) -> None:
        size = block.get("font_pt") or self.o.table_pt
        columns = block["columns"]
        if block.get("caption"):
            self._para(block["caption"], bold=True, align="center", before=8, keep_with_next=True)
        if block.get("unit_note"):
            self._para(block["unit_note"], italic=True, align="right", size=size, before=2, keep_with_next=True)
        table = self.document.add_table(rows=1, cols=len(columns))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        section = self.document.sections[-1]
        width = int(section.page_width - section.left_margin - section.right_margin)
        total = sum(c["width"] for c in columns) or 1
        _widths(table, [c["width"] / total for c in columns], width)
        header = table.rows[0]
        _row_flags(header, header=True)
        for cell, column in zip(header.cells, columns, strict=True):
            self._fill(cell, column["title"], size=size, bold=True, align="center")
        for row in block["rows"]:
            cells = table.add_row().cells
            _row_flags(table.rows[-1])
            if row.get("span"):
                merged = cells[0].merge(cells[-1])
                self._fill(merged, row["cells"][0] if row["cells"] else "", size=size, bold=row.get("bold"),
                           italic=row.get("italic"), align="left")
                continue
            values = list(row["cells"]) + [""] * (len(columns) - len(row["cells"]))
            for cell, column, value in zip(cells, columns, values, strict=False):
                self._fill(cell, value, size=size, bold=row.get("bold"), italic=row.get("italic"),
                           align=column["align"])
        self._para("", size=4)

    def _fill(self, cell: _Cell, text: str, *, size: float, bold: bool | None = False, italic: bool | None = False,
              align: str = "left") -> None:
        paragraph = cell.paragraphs[0]
        paragraph.alignment = ALIGN.get(align, WD_ALIGN_PARAGRAPH.LEFT)
        paragraph.paragraph_format.line_spacing = 1.0
        lines = str(text or "").split("\n")
        for i, line in enumerate(lines):
            run = paragraph.add_run(line)
            run.font.size = Pt(size)
            run.bold = bool(bold) or None
            run.italic = bool(italic) or None
            if i < len(lines) - 1:
                run.add_break(WD_BREAK.LINE)

    def _chart(self, block: dict, keep_with_next: bool = False) -> None:
        image = _chart_png(block, self._content_width("portrait"))
        if image is None:
            return
        paragraph = self.document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_before = Pt(8)
        section = self.document.sections[-1]
        width = int((section.page_width - section.left_margin - section.right_margin) * 0.92)
        paragraph.add_run().add_picture(io.BytesIO(image), width=width)

    def _signature(self) -> None:
        """"Nơi nhận" on the left, the signer on the right; one row that never splits."""
        o = self.o
        if self.doc.get("signers"):
            self._signers(self.doc["signers"])
            return
        table = self.document.add_table(rows=1, cols=2)
        _no_borders(table)
        _row_flags(table.rows[0])
        _widths(table, [0.5, 0.5], self._content_width(self.doc["parts"][0]["orientation"]))
        left, right = table.cell(0, 0), table.cell(0, 1)
        first = left.paragraphs[0]
        run = first.add_run("Nơi nhận:")
        run.bold, run.italic = True, True
        run.font.size = Pt(12)
        first.paragraph_format.space_before = Pt(14)
        recipients = list(self.doc.get("recipients") or o.recipients)
        for i, item in enumerate(recipients):
            text = item.strip().rstrip(";.")
            paragraph = left.add_paragraph()
            paragraph.paragraph_format.line_spacing = 1.0
            line = paragraph.add_run(f"- {text}{'.' if i == len(recipients) - 1 else ';'}")
            line.font.size = Pt(11)
        head = right.paragraphs[0]
        head.alignment = WD_ALIGN_PARAGRAPH.CENTER
        head.paragraph_format.space_before = Pt(14)
        for i, text in enumerate(t for t in (o.signer_authority, o.signer_title) if t):
            run = head.add_run(text)
            run.bold = True
            run.font.size = Pt(13)
            if i == 0 and o.signer_authority and o.signer_title:
                run.add_break(WD_BREAK.LINE)
        name = right.add_paragraph()
        name.alignment = WD_ALIGN_PARAGRAPH.CENTER
        name.paragraph_format.space_before = Pt(68)  # room for the signature and the seal (about 24 mm)
        run = name.add_run(o.signer_name or "")
        run.bold = True
        run.font.size = Pt(14)


    def _signers(self, signers: list[list[str]]) -> None:
        """Several signatures side by side: title, room to sign, name."""
        table = self.document.add_table(rows=1, cols=len(signers))
        _no_borders(table)
        _row_flags(table.rows[0])
        _widths(table, [1 / len(signers)] * len(signers), self._content_width(self.doc["parts"][0]["orientation"]))
        for cell, (title, name) in zip(table.rows[0].cells, signers, strict=True):
            head = cell.paragraphs[0]
            head.alignment = WD_ALIGN_PARAGRAPH.CENTER
            head.paragraph_format.space_before = Pt(14)
            run = head.add_run(title)
            run.bold = True
            run.font.size = Pt(13)
            below = cell.add_paragraph()
            below.alignment = WD_ALIGN_PARAGRAPH.CENTER
            below.paragraph_format.space_before = Pt(62)
            run = below.add_run(name or "")
            run.bold = True
            run.font.size = Pt(13)


# -- OOXML details python-docx has no API for ------------------------------------------------------------------------
def _field(run, code: str) -> None:  # noqa: ANN001
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == code:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {code} "
        else:
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _bottom_border(paragraph: Paragraph) -> None:
    p_pr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    borders.append(bottom)
    p_pr.append(borders)


def _no_borders(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.append(borders)


def _row_flags(row, *, header: bool = False) -> None:  # noqa: ANN001
    """A row never split across pages; the header row repeated on every page."""
    tr_pr = row._tr.get_or_add_trPr()
    cant = OxmlElement("w:cantSplit")
    tr_pr.append(cant)
    if header:
        repeat = OxmlElement("w:tblHeader")
        tr_pr.append(repeat)


def _cell_margins(table: Table, mm: float = 1.0) -> None:
    """The PDF's cell padding (about 1 mm; Word's default 1,9 mm left and right wraps dates in narrow columns)."""
    tbl_pr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for edge, size in (("top", 0.5), ("left", mm), ("bottom", 0.5), ("right", mm)):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(round(size * 56.7)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tbl_pr.append(margins)


def _widths(table: Table, shares: list[float], total: int) -> None:
    _cell_margins(table)
    table.autofit = False
    for i, column in enumerate(table.columns):
        width = int(total * shares[i])
        column.width = width
        for cell in column.cells:
            cell.width = width


def _chart_png(block: dict, width_emu: int) -> bytes | None:
    """The chart drawn by the PDF renderer's chart code, as PNG bytes; None without a Qt widgets application."""
    try:
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

        from desktop.reports.render import chart_image, font_family
    except ImportError:
        return None
    rows = max(1, len(block["categories"]))
    height_mm = min(150.0, 24 + 6.5 * rows) if block["kind"] == "hbar" else 80.0
    image = chart_image(block, font_family(), width_emu / 36000 * 0.92, height_mm)
    if image is None:
        return None
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())
