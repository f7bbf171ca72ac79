"""The UI font: the system's when it has the Vietnamese letters, the bundled Liberation Sans otherwise."""

from __future__ import annotations

from PySide6.QtGui import QFont

from desktop.ui import fonts


def test_a_font_without_vietnamese_letters_is_replaced_by_the_bundled_one(gui_app, monkeypatch):
    before = gui_app.font()
    try:
        # A font that has no "ệ": a symbol font stands for an office PC's old system font.
        monkeypatch.setattr(fonts, "covers_vietnamese", lambda font: font.family() == fonts.FALLBACK_UI_FAMILY)
        gui_app.setFont(QFont("Symbol", 9))
        assert fonts.ensure_vietnamese_font(gui_app) == "Liberation Sans"
        assert gui_app.font().family() == "Liberation Sans"
        assert gui_app.font().pointSize() == 9
    finally:
        gui_app.setFont(before)


def test_a_font_with_the_letters_is_kept(gui_app):
    assert fonts.covers_vietnamese(gui_app.font())  # the test machine's font (DejaVu Sans) has them
    assert fonts.ensure_vietnamese_font(gui_app) == gui_app.font().family()
