"""Drive LibreOffice Calc through its UNO API, as a person would use it: run by Debian's /usr/bin/python3 (which has
the `uno` module), never by the project's interpreter.

    /usr/bin/python3 calc_driver.py PORT < job.json  ->  prints a JSON answer

A job opens one workbook, runs its steps in order and, when "save_as" is given, saves it as "Calc MS Excel 2007 XML"
(what Calc's File > Save As > Excel 2007-365 does). Steps:

* {"op": "cells", "sheet": S, "rows": [r, ...]}: per sheet row (1-based) the text of columns A.., whether each cell
  is locked (CellProtection.IsLocked) and shaded (a background colour), plus the sheet's protection and each
  column's visibility and header;
* {"op": "type", "sheet": S, "cell": "B7", "string": "..."} or "formula": "..." (dates and numbers are typed as
  formulas are: Calc parses them as it does typed input). A locked cell of a protected sheet is not typed into:
  the step answers {"refused": "protected"} as Calc tells the person "protected cell";
* {"op": "rename", "sheet": S, "to": T}, {"op": "remove", "sheet": S}, {"op": "insert", "sheet": S},
  {"op": "copy", "sheet": S, "to": T};
* {"op": "sheets"}: the names of the sheets, in order, with their visibility.
"""

from __future__ import annotations

import json
import sys
import time

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


def _connect(port):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.time() + 60
    while True:
        try:
            ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext")
            return ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        except Exception:  # noqa: BLE001 - soffice still starting
            if time.time() > deadline:
                raise
            time.sleep(0.3)


def _column_letters(index):
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _cells(doc, step):
    sheet = doc.Sheets.getByName(step["sheet"])
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    width = cursor.RangeAddress.EndColumn + 1
    columns = sheet.Columns
    out = {"protected": bool(sheet.isProtected()), "used_rows": cursor.RangeAddress.EndRow + 1,
           "visible": [bool(columns.getByIndex(c).IsVisible) for c in range(width)],
           "header": [sheet.getCellByPosition(c, 0).getString() for c in range(width)], "rows": {}}
    for row in step["rows"]:
        texts, locked, shaded = [], [], []
        for c in range(width):
            cell = sheet.getCellByPosition(c, row - 1)
            texts.append(cell.getString())
            locked.append(bool(cell.CellProtection.IsLocked))
            shaded.append(cell.CellBackColor not in (-1, 0xFFFFFF) and not cell.IsCellBackgroundTransparent)
        out["rows"][str(row)] = {"text": texts, "locked": locked, "shaded": shaded}
    return out


def _type(doc, step):
    sheet = doc.Sheets.getByName(step["sheet"])
    cell = sheet.getCellRangeByName(step["cell"])
    if sheet.isProtected() and cell.CellProtection.IsLocked:
        return {"refused": "protected"}
    if "string" in step:
        cell.setString(step["string"])
    else:
        cell.setFormula(step["formula"])
    return {"typed": cell.getString()}


def _run(doc, step):
    op = step["op"]
    sheets = doc.Sheets
    if op == "cells":
        return _cells(doc, step)
    if op == "type":
        return _type(doc, step)
    if op == "rename":
        sheets.getByName(step["sheet"]).setName(step["to"])
        return {}
    if op == "remove":
        sheets.removeByName(step["sheet"])
        return {}
    if op == "copy":
        sheets.copyByName(step["sheet"], step["to"], sheets.getCount())
        return {}
    if op == "insert":
        sheets.insertNewByName(step["sheet"], sheets.getCount())
        return {}
    if op == "sheets":
        return {"sheets": [[n, bool(sheets.getByName(n).IsVisible)] for n in sheets.getElementNames()]}
    raise ValueError(op)


def main():
    port = int(sys.argv[1])
    job = json.load(sys.stdin)
    desktop = _connect(port)
    url = uno.systemPathToFileUrl(job["open"])
    doc = desktop.loadComponentFromURL(url, "_blank", 0, (_prop("Hidden", True),))
    try:
        answers = [_run(doc, step) for step in job.get("steps", [])]
        if job.get("save_as"):
            doc.storeToURL(uno.systemPathToFileUrl(job["save_as"]),
                           (_prop("FilterName", "Calc MS Excel 2007 XML"), _prop("Overwrite", True)))
    finally:
        doc.close(True)
    json.dump({"answers": answers}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
