"""Rounding of printed figures: halves up, on the decimal value the user typed or computed, not the binary float."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal


def to_decimal(value: float | int | Decimal) -> Decimal:
    """The decimal a number stands for: a float by its shortest repr (7.175, not 7.174999…)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(float(value)))


def half_up(value: float | int | Decimal | None, decimals: int = 0) -> float | None:
    """`value` rounded to `decimals` places with halves rounded up (away from zero): 7.175 → 7.18, 5.975 → 5.98,
    2.5 → 3; None stays None. Python's round() and "%.2f" round halves to even and work on the binary float, which
    prints 7,17 for 7,175."""
    if value is None:
        return None
    step = Decimal(1).scaleb(-decimals)
    return float(to_decimal(value).quantize(step, rounding=ROUND_HALF_UP))


def percent_of(part: float | int, whole: float | int | None, decimals: int = 1) -> float | None:
    """`part` as a percentage of `whole`, rounded half up to `decimals` places; None when `whole` is 0 or None."""
    if not whole:
        return None
    return half_up(to_decimal(part) * 100 / to_decimal(whole), decimals)
