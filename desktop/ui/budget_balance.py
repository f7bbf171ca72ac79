"""The estimate against the plan total in words and colours, the same on the budget page, the dashboard and the
warning after a save: over the total is an error (red), money not yet allocated a reminder (amber), equal is fine.

The figure itself (difference = plan total − sum of the lines) comes from desktop.figures.budget; this only says it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.ui import formatting, theme


def balance_words(difference: int) -> tuple[str, str]:
    """(sentence, hue) for `difference` = plan total − estimate lines: "Vượt tổng kinh phí 5.800.000 đồng" (danger)
    when negative, "Còn 5.800.000 đồng chưa phân bổ" (warning) when positive, "Khớp tổng kinh phí" (success) at 0."""
    if difference < 0:
        return (QCoreApplication.translate("BudgetBalance", "Over the plan total by %1 VND")
                .replace("%1", formatting.format_int(-difference)), theme.DANGER)
    if difference > 0:
        return (QCoreApplication.translate("BudgetBalance", "%1 VND not yet allocated")
                .replace("%1", formatting.format_int(difference)), theme.WARNING)
    return QCoreApplication.translate("BudgetBalance", "Matches the plan total"), theme.SUCCESS


def balance_html(difference: int) -> str:
    """The sentence in bold, in its colour readable on the window's palette."""
    text, hue = balance_words(difference)
    return f"<span style='color:{theme.text_colour(hue)}; font-weight:bold'>{text}</span>"
