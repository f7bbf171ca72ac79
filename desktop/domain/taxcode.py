"""Vietnamese tax code (mã số thuế): 10 digits with a check digit, or 13 for a branch ("0123456789-001")."""

from __future__ import annotations

import re

_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
_PATTERN = re.compile(r"^([0-9]{10})(?:-?([0-9]{3}))?$")


def tax_code_error(code: str) -> str | None:
    """Return why `code` is not a valid tax code (in Vietnamese), or None when it is valid.

    The province prefix is deliberately not checked: enterprises move and provinces merged in 2025.
    """
    raw = code.strip().replace(" ", "")
    match = _PATTERN.match(raw)
    if not match:
        return "phải gồm 10 chữ số, hoặc 13 chữ số cho chi nhánh (dạng 0123456789-001)"
    main, branch = match.group(1), match.group(2)
    digits = [int(d) for d in main]
    if all(d == 0 for d in digits[2:9]):
        return "chữ số thứ 3 đến 9 không được đều bằng 0"
    total = sum(w * d for w, d in zip(_WEIGHTS, digits[:9], strict=True))
    if total % 11 == 0:
        return "không hợp lệ (sai chữ số kiểm tra)"
    if digits[9] != 10 - total % 11:
        return "sai chữ số kiểm tra (chữ số thứ 10)"
    if branch == "000":
        return "mã chi nhánh không được là 000"
    return None


def normalize_tax_code(code: str) -> str:
    """Return the tax code in its written form: 10 digits, or 10 digits, a hyphen and the 3-digit branch."""
    raw = code.strip().replace(" ", "").replace("-", "")
    return f"{raw[:10]}-{raw[10:]}" if len(raw) == 13 else raw
