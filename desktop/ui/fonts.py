"""Fonts: the bundled TTFs are registered so Vietnamese never shows as boxes on a machine without suitable fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

from desktop.paths import resource

SAMPLE = "Đồng Nai ỆỮỰ ẩ ợ đ"
FALLBACK_UI_FAMILY = "Liberation Sans"


def register_bundled_fonts() -> list[str]:
    """Register every TTF under resources/fonts; returns the families added."""
    families: list[str] = []
    folder = resource("fonts")
    if not folder.is_dir():
        return families
    for path in sorted(folder.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def covers_vietnamese(font: QFont) -> bool:
    """True when `font` has a glyph for every letter of a Vietnamese sample."""
    metrics = QFontMetrics(font)
    return all(metrics.inFontUcs4(ord(ch)) for ch in SAMPLE if not ch.isspace())


def ensure_vietnamese_font(app: QApplication) -> str:
    """Switch the UI font to the bundled Liberation Sans when the system font lacks Vietnamese letters.

    The bundled fonts are registered only then: reading six font files is ~4 ms of every start-up on the PCs whose
    font has the letters (Windows' Segoe UI has them); the printed documents register their own serif
    (reports/render.py font_family).
    """
    font = app.font()
    if covers_vietnamese(font):
        return font.family()
    if FALLBACK_UI_FAMILY not in register_bundled_fonts():
        return font.family()
    fallback = QFont(FALLBACK_UI_FAMILY, font.pointSize())
    app.setFont(fallback)
    return fallback.family()
