"""Dates: stored as ISO text (YYYY-MM-DD), typed and shown as dd/MM/yyyy."""

from __future__ import annotations

import datetime as dt
import re

_VN = re.compile(r"^([0-9]{1,2})[/.-]([0-9]{1,2})[/.-]([0-9]{4})$")
_ISO = re.compile(r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:[T ].*)?$")


class DateFormatError(ValueError):
    """Raised with a Vietnamese message when a text is not a date."""


def parse_date(value: object) -> dt.date:
    """Parse a date given as a date, a datetime, "dd/MM/yyyy" (also with "." or "-") or ISO "YYYY-MM-DD"."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    match = _VN.match(text)
    try:
        if match:
            day, month, year = (int(g) for g in match.groups())
            return dt.date(year, month, day)
        match = _ISO.match(text)
        if match:
            year, month, day = (int(g) for g in match.groups())
            return dt.date(year, month, day)
    except ValueError as exc:
        raise DateFormatError(f"ngày “{text}” không tồn tại") from exc
    raise DateFormatError(f"“{text}” không phải là ngày (nhập theo dạng ngày/tháng/năm, ví dụ 01/12/2024)")


def to_iso(value: object) -> str:
    """Return the date as ISO text, or "" for an empty value."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return ""
    return parse_date(value).isoformat()


def format_date(value: object) -> str:
    """Format a date (or ISO text) as dd/MM/yyyy; "" stays ""."""
    if value is None or value == "":
        return ""
    return parse_date(value).strftime("%d/%m/%Y")


def utc_now_iso() -> str:
    """The current UTC time as ISO-8601 text with a Z suffix, as stored in `updated_at`."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
