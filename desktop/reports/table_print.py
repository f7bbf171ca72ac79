"""Printing any table as shown on screen (its current filter and sort): title, column headers and rows of text in
the same administrative layout as the summaries. Qt-free; `table_pdf` loads Qt lazily.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from desktop.reports import model as m
from desktop.reports.options import ReportOptions

_NUMBER = re.compile(r"^[-+]?\d{1,3}(\.\d{3})*(,\d+)?%?$|^[-+]?\d+(,\d+)?%?$")
PORTRAIT_UNITS = 95  # about how many characters of 11 pt text fit across a portrait page


def _column_weights(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[float]:
    weights = []
    for i, header in enumerate(headers):
        lengths = sorted(len(str(r[i])) if i < len(r) else 0 for r in rows[:500])
        typical = lengths[int(len(lengths) * 0.9)] if lengths else 0
        longest_word = max((len(w) for w in str(header).split()), default=1)
        weights.append(float(min(40, max(typical, longest_word, len(str(header)) * 0.9, 2))))
    return weights


def _alignment(index: int, rows: Sequence[Sequence[str]]) -> str:
    values = [str(r[index]).strip() for r in rows[:500] if index < len(r) and str(r[index]).strip()]
    if values and all(_NUMBER.match(v) for v in values):
        return "right"
    if values and max(len(v) for v in values) <= 4:
        return "center"
    return "left"


def table_document(title: str, headers: Sequence[str], rows: Sequence[Sequence[object]], *, subtitle: str = "",
                   options: ReportOptions | None = None, orientation: str = "auto",
                   signature: bool = False) -> dict:
    """The document model of a table printed as shown: the header block, `title` in capitals, an optional
    `subtitle` (e.g. the filter in force), the table with a numbering column, and the row count.

    `orientation` is "portrait", "landscape" or "auto" (landscape when the columns would not fit a portrait page).
    """
    text_rows = [["" if c is None else str(c) for c in r] for r in rows]
    weights = _column_weights(headers, text_rows)
    if orientation == "auto":
        orientation = m.LANDSCAPE if sum(weights) + 4 > PORTRAIT_UNITS or len(headers) > 8 else m.PORTRAIT
    columns = [m.column("TT", max(3.5, len(str(len(text_rows))) + 1.5), "center")]
    columns += [m.column(str(h), w, _alignment(i, text_rows)) for i, (h, w) in enumerate(zip(headers, weights,
                                                                                           strict=True))]
    body = [[str(n), *r] for n, r in enumerate(text_rows, 1)]
    blocks = [m.table(columns, body), m.paragraph(f"Tổng số: {len(text_rows)} dòng.", indent=False, italic=True)]
    opts = options or ReportOptions()
    doc = m.document("table", title.upper(), subtitle, [m.part(blocks, orientation=orientation)],
                     options=asdict(opts), signature=signature)
    doc["subject_style"] = "italic"  # a filter description, not a document subject
    return doc


def table_pdf(path: Path | str, title: str, headers: Sequence[str], rows: Sequence[Sequence[object]],
              **kwargs: object) -> int:
    """Write the table as a PDF at `path` (same arguments as `table_document`); returns the page count."""
    from desktop.reports.render import render_pdf

    return render_pdf(table_document(title, headers, rows, **kwargs), path)  # type: ignore[arg-type]
