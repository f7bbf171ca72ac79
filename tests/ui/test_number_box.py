"""Number boxes take both decimal marks: "12.5" and "12,5" typed into the print options' font size are 12,5 pt."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt

from desktop.ui.number_box import DecimalSpinBox
from desktop.ui.printing import ReportOptionsDialog

ROOT = Path(__file__).resolve().parents[2]


def type_into(qtbot, box: DecimalSpinBox, text: str) -> None:
    """Select what the box shows and type `text` key by key, then leave the field with Tab's editing-finished."""
    box.setFocus()
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    qtbot.keyClicks(box, text)
    box.interpretText()


@pytest.mark.parametrize("typed", ["12.5", "12,5"])
def test_font_size_of_the_print_options_takes_point_and_comma(qtbot, ui_store, typed):
    dialog = ReportOptionsDialog(ui_store)
    qtbot.addWidget(dialog)
    type_into(qtbot, dialog.body_pt, typed)
    assert dialog.body_pt.value() == 12.5
    assert dialog.body_pt.text() == "12,50"  # shown the Vietnamese way, as every figure of the program
    assert dialog.edited_options().body_pt == 12.5


@pytest.mark.parametrize("default_locale", [QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam),
                                            QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)])
@pytest.mark.parametrize(("typed", "expected"), [("1.25", 1.25), ("1,25", 1.25), ("7", 7.0), ("0.5", 0.5)])
def test_both_marks_whatever_the_interface_language(qtbot, default_locale, typed, expected):
    previous = QLocale()
    QLocale.setDefault(default_locale)
    try:
        box = DecimalSpinBox()
        qtbot.addWidget(box)
        box.setRange(0, 100)
        box.setDecimals(2)
        type_into(qtbot, box, typed)
        assert box.value() == expected
    finally:
        QLocale.setDefault(previous)


def test_a_second_decimal_mark_is_refused(qtbot):
    box = DecimalSpinBox()
    qtbot.addWidget(box)
    box.setRange(0, 100)
    box.setDecimals(2)
    type_into(qtbot, box, "1.2.5")
    assert box.value() == 1.25  # the second mark was not taken: "1,25" as the keys allowed


def test_every_decimal_spin_box_of_the_program_is_the_shared_one():
    offenders = [str(path.relative_to(ROOT)) for path in (ROOT / "desktop").rglob("*.py")
                 if path.name != "number_box.py" and "QDoubleSpinBox(" in path.read_text(encoding="utf-8")]
    assert offenders == []
