"""Numbers and amounts of money in Vietnamese words: 1394200000 -> "Một tỷ ba trăm chín mươi bốn triệu hai trăm
nghìn đồng".

Our own converter (the rules are in docs/domain-rules.md, "Amounts in words"): "mười" for 10–19 and "mươi" from 20;
"mốt" for a unit 1 after a tens digit ≥ 2; "lăm" for a unit 5 after a tens digit ≥ 1; optionally "tư" for a unit 4
after a tens digit ≥ 2; "linh" (official) or "lẻ" (southern) for a zero tens digit before a non-zero unit; a non-
leading group of three digits always reads its hundreds ("không trăm"); scales nghìn (or "ngàn"), triệu, tỷ, and above
a tỷ the count of tỷ is read again ("nghìn tỷ", "triệu tỷ")."""

from __future__ import annotations

from dataclasses import dataclass

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
BILLION = 1_000_000_000


@dataclass(frozen=True)
class WordStyle:
    """How to spell: `zero_tens` "linh" or "lẻ", `thousand` "nghìn" or "ngàn", `four_as_tu` for "hai mươi tư"."""

    zero_tens: str = "linh"
    thousand: str = "nghìn"
    four_as_tu: bool = False

    def __post_init__(self) -> None:
        if self.zero_tens not in ("linh", "lẻ"):
            raise ValueError("zero_tens phải là “linh” hoặc “lẻ”")
        if self.thousand not in ("nghìn", "ngàn"):
            raise ValueError("thousand phải là “nghìn” hoặc “ngàn”")


def _group(value: int, full: bool, style: WordStyle) -> list[str]:
    """The words of a group of three digits (1–999); `full` reads a zero hundreds digit as "không trăm"."""
    hundreds, rest = divmod(value, 100)
    tens, units = divmod(rest, 10)
    words: list[str] = []
    if hundreds or full:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units:
            if words:
                words.append(style.zero_tens)
            words.append(DIGITS[units])
        return words
    if tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else DIGITS[units])
        return words
    words += [DIGITS[tens], "mươi"]
    if units == 1:
        words.append("mốt")
    elif units == 4 and style.four_as_tu:
        words.append("tư")
    elif units == 5:
        words.append("lăm")
    elif units:
        words.append(DIGITS[units])
    return words


def _below_billion(value: int, leading: bool, style: WordStyle) -> list[str]:
    """Words of 0 < value < 10^9; a non-`leading` part reads every non-zero group in full."""
    words: list[str] = []
    for scale, name in ((1_000_000, "triệu"), (1_000, style.thousand), (1, "")):
        group = value // scale % 1000
        if not group:
            continue
        words += _group(group, full=not leading or bool(words), style=style)
        if name:
            words.append(name)
    return words


def _words(value: int, leading: bool, style: WordStyle) -> list[str]:
    if value >= BILLION:
        high, low = divmod(value, BILLION)
        words = _words(high, leading, style) + ["tỷ"]
        if low:
            words += _below_billion(low, False, style)
        return words
    return _below_billion(value, leading, style)


def number_in_words(value: int, *, zero_tens: str = "linh", thousand: str = "nghìn", four_as_tu: bool = False) -> str:
    """A whole number in lower-case Vietnamese words: 2024 -> "hai nghìn không trăm hai mươi bốn".

    Args:
        value: the number; negative numbers start with "âm".
        zero_tens: "linh" (official usage) or "lẻ" (southern usage) for a zero tens digit: 105 "một trăm linh năm".
        thousand: "nghìn" or "ngàn".
        four_as_tu: read a unit 4 after a tens digit ≥ 2 as "tư" (24 "hai mươi tư").
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("number_in_words cần một số nguyên")
    style = WordStyle(zero_tens, thousand, four_as_tu)
    if value == 0:
        return DIGITS[0]
    if value < 0:
        return "âm " + " ".join(_words(-value, True, style))
    return " ".join(_words(value, True, style))


def amount_in_words(amount: int, *, currency: str = "đồng", zero_tens: str = "linh", thousand: str = "nghìn",
                    four_as_tu: bool = False) -> str:
    """An amount of money in words, capitalised, with its currency: 1394200000 -> "Một tỷ ba trăm chín mươi bốn
    triệu hai trăm nghìn đồng". The options are those of `number_in_words`."""
    text = number_in_words(int(amount), zero_tens=zero_tens, thousand=thousand, four_as_tu=four_as_tu)
    if currency:
        text = f"{text} {currency}"
    return text[0].upper() + text[1:]
