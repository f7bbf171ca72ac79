"""The document model shared by every summary: plain dicts, Qt-free, built by the data builders and drawn by render.

A document is {"id", "doc_type", "subject", "options", "parts": [part, ...], "signature": bool}. The first part
carries the Decree 30 header block; each further part (an appendix, "Phụ lục") starts on a new page in its own
orientation. A part is {"orientation": "portrait" | "landscape", "label", "title", "note", "blocks": [...]}.
Blocks: heading, paragraph, table, chart, spacer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

PORTRAIT = "portrait"
LANDSCAPE = "landscape"


def heading(text: str, level: int = 1) -> dict:
    """A section heading: level 1 "I. …" bold capitals, level 2 "1. …" bold, level 3 italic bold."""
    return {"type": "heading", "text": text, "level": level}


def paragraph(text: str, *, indent: bool = True, align: str = "justify", bold: bool = False,
              italic: bool = False) -> dict:
    """A body paragraph; `indent` gives the first-line indent of the decree."""
    return {"type": "paragraph", "text": text, "indent": indent, "align": align, "bold": bold, "italic": italic}


def column(title: str, width: float = 1.0, align: str = "left") -> dict:
    """A table column: its header, its relative width and the alignment of its cells."""
    return {"title": title, "width": width, "align": align}


def row(cells: Sequence[object], *, bold: bool = False, italic: bool = False, span: bool = False) -> dict:
    """A table row; `span` makes its single cell run across every column (a group heading)."""
    return {"cells": ["" if c is None else str(c) for c in cells], "bold": bold, "italic": italic, "span": span}


def table(columns: Sequence[dict], rows: Iterable[dict | Sequence[object]], *, caption: str = "",
          unit_note: str = "", font_pt: float | None = None) -> dict:
    """A table whose header row repeats on every page. `unit_note` is printed above it on the right
    ("Đơn vị tính: đồng")."""
    return {"type": "table", "columns": list(columns), "caption": caption, "unit_note": unit_note,
            "font_pt": font_pt, "rows": [r if isinstance(r, dict) else row(r) for r in rows]}


def chart(kind: str, title: str, categories: Sequence[str], series: Sequence[tuple[str, Sequence[float]]], *,
          unit: str = "", maximum: float | None = None) -> dict:
    """A chart: `kind` "bar" (vertical groups) or "hbar" (horizontal bars); series are (name, values)."""
    return {"type": "chart", "kind": kind, "title": title, "categories": list(categories),
            "series": [(name, [float(v or 0) for v in values]) for name, values in series], "unit": unit,
            "maximum": maximum}


def part(blocks: list[dict], *, orientation: str = PORTRAIT, label: str = "", title: str = "",
         note: str = "") -> dict:
    """A run of pages in one orientation; an appendix has a `label` ("Phụ lục I"), a `title` and a `note`."""
    return {"orientation": orientation, "label": label, "title": title, "note": note, "blocks": blocks}


def document(report_id: str, doc_type: str, subject: str, parts: list[dict], *, options: dict,
             signature: bool = True) -> dict:
    """A whole summary."""
    return {"id": report_id, "doc_type": doc_type, "subject": subject, "parts": parts, "options": options,
            "signature": signature}


def all_text(doc: dict) -> str:
    """Every text of the document, one piece a line (for tests and searching)."""
    pieces = [doc["doc_type"], doc["subject"]]
    for p in doc["parts"]:
        pieces += [p["label"], p["title"], p["note"]]
        for block in p["blocks"]:
            if block["type"] in ("heading", "paragraph"):
                pieces.append(block["text"])
            elif block["type"] == "table":
                pieces += [c["title"] for c in block["columns"]]
                for r in block["rows"]:
                    pieces += r["cells"]
            elif block["type"] == "chart":
                pieces.append(block["title"])
    return "\n".join(p for p in pieces if p)
