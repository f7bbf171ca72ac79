"""A number box that takes both decimal marks: "12.5" and "12,5" both mean twelve and a half.

QDoubleSpinBox reads the text by its locale only: under Vietnamese, "." is the thousands separator, so typing "12.5"
(from the numeric keypad, or out of the habit of an English Excel) gave 12; under English, "12,5" was refused. The
spin box of every number here is this one; the figures are shown the Vietnamese way (a comma), as everywhere else.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDoubleSpinBox, QWidget

from desktop.ui import formatting


class DecimalSpinBox(QDoubleSpinBox):
    """QDoubleSpinBox in the Vietnamese locale that also takes '.' as the decimal mark (no thousands grouping: these
    boxes hold sizes and margins, never amounts of money)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setLocale(formatting.locale())
        self.setGroupSeparatorShown(False)

    def _with_locale_mark(self, text: str) -> str:
        mark = self.locale().decimalPoint()
        return text.replace("." if mark == "," else ",", mark)

    def validate(self, text: str, position: int) -> object:  # noqa: D102 - Qt API
        # The text handed back replaces what was typed: "12.5" shows as "12,5" at once.
        return super().validate(self._with_locale_mark(text), position)

    def valueFromText(self, text: str) -> float:  # noqa: N802, D102 - Qt API
        return super().valueFromText(self._with_locale_mark(text))

    def fixup(self, text: str) -> str:  # noqa: D102 - Qt API
        return super().fixup(self._with_locale_mark(text))
