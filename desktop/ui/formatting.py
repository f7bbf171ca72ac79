"""Showing and reading values the Vietnamese way through QLocale: 1.394.200.000, 1,5, dd/MM/yyyy."""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.domain import dates
from desktop.domain.choices import Choice
from desktop.domain.fields import Field, Kind

DATE_FORMAT = "dd/MM/yyyy"
VI_LOCALE = QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)


def locale() -> QLocale:
    """The locale numbers are shown in (Vietnamese, whatever the UI language: the data is Vietnamese)."""
    return VI_LOCALE


def format_int(value: int | None) -> str:
    """1394200000 -> "1.394.200.000"."""
    return "" if value is None else VI_LOCALE.toString(int(value))


def format_decimal(value: float | None, decimals: int = 2) -> str:
    """1.5 -> "1,5"; trailing zeros are dropped; integers show without decimals."""
    if value is None:
        return ""
    if float(value).is_integer():
        return VI_LOCALE.toString(int(value))
    text = VI_LOCALE.toString(float(value), "f", decimals)
    return text.rstrip("0").rstrip(VI_LOCALE.decimalPoint()) if VI_LOCALE.decimalPoint() in text else text


def format_percent(value: float | None) -> str:
    """42.5 -> "42,5%"."""
    return "" if value is None else f"{format_decimal(value, 1)}%"


def format_date(iso: str | None) -> str:
    """"2024-12-01" -> "01/12/2024"."""
    if not iso:
        return ""
    try:  # the domain's rule (QDate.fromString parses its format anew each call: most of a list's painting of dates)
        return dates.format_date(iso[:10])
    except dates.DateFormatError:
        return iso


# Field titles and choice titles are data of the domain catalogue, which holds both languages (the Vietnamese title is
# also the Excel column title); they are chosen by language here rather than duplicated into the .ts file.
_language = {"code": "vi"}


def set_ui_language(code: str) -> None:
    """Set the language of field and choice labels ("vi" or "en")."""
    _language["code"] = code


def ui_language() -> str:
    """The UI language code."""
    return _language["code"]


def choice_text(choices: tuple[Choice, ...], code: str | None) -> str:
    """The shown text of a choice in the UI language."""
    if not code:
        return ""
    for choice in choices:
        if choice.code == code:
            return choice.title if _language["code"] == "vi" else choice.label_en
    return code


def field_label(field: Field) -> str:
    """The field's label in the UI language."""
    return field.title if _language["code"] == "vi" else field.label_en


def format_value(field: Field, value: object, ref_names: dict[str, str] | None = None) -> str:
    """The text shown for a stored value of `field`."""
    if value is None or value == "":
        return ""
    kind = field.kind
    if kind in (Kind.MONEY, Kind.INT):
        return format_int(value)  # type: ignore[arg-type]
    if kind is Kind.YEAR:
        return str(value)
    if kind is Kind.DECIMAL:  # every decimal kept: a TOE factor of 0,0001543 shown as "0" would be saved as 0
        return format_decimal(value, 10)  # type: ignore[arg-type]
    if kind is Kind.PERCENT:
        return format_percent(value)  # type: ignore[arg-type]
    if kind is Kind.DATE:
        return format_date(str(value))
    if kind is Kind.BOOL:
        return QCoreApplication.translate("Format", "Yes") if value else ""
    if kind is Kind.CHOICE:
        return choice_text(field.choices, str(value))
    if kind is Kind.REF:
        return (ref_names or {}).get(str(value), "")
    if kind is Kind.REFS:
        ids = json.loads(str(value)) if value else []
        return "; ".join((ref_names or {}).get(i, "?") for i in ids)
    return str(value)
