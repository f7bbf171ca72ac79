"""Numbers and money in the Vietnamese convention: "." groups thousands, "," marks decimals; money is integer đồng."""

from __future__ import annotations

import re
from decimal import Decimal

# ASCII digits only: Python's \d also matches Arabic-Indic and other digits, which are never meant here.
_GROUPED = re.compile(r"^[1-9][0-9]{0,2}(\.[0-9]{3})+$")  # "0.125" is a decimal, not a grouping
_GROUPED_COMMA = re.compile(r"^[1-9][0-9]{0,2}(,[0-9]{3})+$")
_MINUS_SIGNS = ("-", "\u2212", "\u2013")


class NumberFormatError(ValueError):
    """Raised with a Vietnamese message when a text is not a number."""


def _strip(text: str) -> str:
    text = re.sub(r"\s+", "", text)  # spaces, no-break and narrow no-break spaces used as thousands separators
    for suffix in ("đồng", "đ", "VNĐ", "VND", "vnđ", "vnd", "%"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return text


def parse_decimal(value: object) -> Decimal:
    """Parse a number typed the Vietnamese way ("1.394.200.000", "1,5") or plainly ("1394200000", "1.5").

    A dot followed by groups of exactly three digits is a thousands separator; otherwise a single dot or comma
    is the decimal mark. Raises NumberFormatError for anything else.
    """
    if isinstance(value, bool):
        raise NumberFormatError("không phải là số")
    if isinstance(value, int | float | Decimal):
        number = Decimal(str(value))
        if not number.is_finite():
            raise NumberFormatError(f"“{value}” không phải là số")
        return number
    text = _strip(str(value))
    negative = text.startswith(_MINUS_SIGNS)
    if negative or text.startswith("+"):
        text = text[1:]
    if not text:
        raise NumberFormatError("chưa nhập số")
    if _GROUPED.match(text):
        text = text.replace(".", "")
    elif _GROUPED_COMMA.match(text):
        text = text.replace(",", "")
    elif text.rfind(",") > text.rfind("."):
        # "1.394.200,5", "1,5": the last mark is a comma, the decimal mark; dots before it group.
        text = text.replace(".", "").replace(",", ".")
    else:
        # "1,394,200.5", "1.5", "15": the last mark (if any) is a dot, the decimal mark; commas group.
        text = text.replace(",", "")
    # Digits with at most one dot are left, which Decimal always reads; anything else is refused here.
    if not re.fullmatch(r"[0-9]*\.?[0-9]*", text) or text in (".", ""):
        raise NumberFormatError(f"“{value}” không phải là số")
    number = Decimal(text)
    return -number if negative else number


def parse_money(value: object) -> int:
    """Parse an amount of money into integer đồng; a fractional đồng is refused."""
    number = parse_decimal(value)
    if number != number.to_integral_value():
        raise NumberFormatError("số tiền phải là số nguyên đồng")
    return int(number)


def format_number(value: float | int | Decimal | None, decimals: int = 0) -> str:
    """Format a number the Vietnamese way: 1394200000 -> "1.394.200.000", 1.5 -> "1,5" (decimals=1).

    Used where Qt is not loaded (CLI, reports data); the GUI formats through QLocale("vi_VN").
    """
    if value is None:
        return ""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def format_money(amount: int | None) -> str:
    """Format integer đồng: 1394200000 -> "1.394.200.000"."""
    return format_number(amount, 0)
