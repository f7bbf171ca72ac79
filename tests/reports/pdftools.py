"""Reading PDFs the way a user's tools do (poppler-utils): text, page sizes, fonts."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

needs_poppler = pytest.mark.skipif(not all(shutil.which(t) for t in ("pdftotext", "pdfinfo", "pdffonts")),
                                   reason="poppler-utils (pdftotext, pdfinfo, pdffonts) not installed")


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    """The text of the PDF (or of pages first..last), NFC, whitespace collapsed."""
    args = ["pdftotext"]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    out = subprocess.run([*args, str(path), "-"], capture_output=True, check=True, text=True).stdout
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", out))


def page_texts(path: Path) -> list[str]:
    """The text of each page."""
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout
    pages = raw.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    return [re.sub(r"\s+", " ", unicodedata.normalize("NFC", p)).strip() for p in pages]


def page_sizes(path: Path) -> list[tuple[int, int]]:
    """(width, height) in points of every page."""
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", str(path)], capture_output=True, check=True,
                         text=True).stdout
    return [(round(float(w)), round(float(h))) for w, h in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", out)]


def fonts(path: Path) -> list[tuple[str, bool]]:
    """(font name, embedded) of every font in the PDF."""
    lines = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True).stdout.splitlines()[2:]
    result = []
    for line in lines:
        parts = line.split()
        result.append((parts[0], parts[-5] == "yes"))
    return result
