"""Field descriptions shared by every layer: storage type, Vietnamese title, validation of one value."""

from __future__ import annotations

import json
import math
import re
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from desktop.domain import dates, numbers
from desktop.domain.choices import QUARTERS, Choice
from desktop.domain.taxcode import normalize_tax_code, tax_code_error
from desktop.domain.text import clean_text


class Kind(StrEnum):
    """What a field holds; decides its SQLite type, its editor, its Excel cell type and its validation."""

    TEXT = "text"
    LONGTEXT = "longtext"
    INT = "int"
    MONEY = "money"
    DECIMAL = "decimal"
    PERCENT = "percent"
    YEAR = "year"
    DATE = "date"
    BOOL = "bool"
    CHOICE = "choice"
    REF = "ref"
    REFS = "refs"
    QUARTERS = "quarters"
    TAX_CODE = "tax_code"
    VSIC = "vsic"
    EMAIL = "email"
    PHONE = "phone"


SQL_TYPES: dict[Kind, type] = {
    Kind.INT: int, Kind.MONEY: int, Kind.YEAR: int, Kind.BOOL: int, Kind.PERCENT: float, Kind.DECIMAL: float,
}

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d .()-]{8,20}$")
_VSIC = re.compile(r"^\d{1,5}$")
_TRUE = {"1", "x", "có", "co", "true", "yes", "đ", "đúng", "c"}
_FALSE = {"0", "", "không", "khong", "false", "no", "k"}
_ARABIC_QUARTERS = {"1": "I", "2": "II", "3": "III", "4": "IV"}


class Field(NamedTuple):
    """One column of an entity.

    `title` is the Vietnamese title (Excel header, validation messages); `label_en` the English source string the
    UI translates. `ref` names the referenced entity for REF/REFS; `choices` lists the allowed codes for CHOICE.
    """

    name: str
    kind: Kind
    title: str
    label_en: str
    required: bool = False
    choices: tuple[Choice, ...] = ()
    ref: str = ""
    minimum: float | None = None
    maximum: float | None = None
    max_length: int = 0
    default: object = None

    @property
    def sql_type(self) -> type:
        """The Python type sqlite-utils maps to the column type."""
        return SQL_TYPES.get(self.kind, str)

    def empty_value(self) -> object:
        """The value stored when the field is left empty."""
        if self.kind is Kind.BOOL:
            return 0
        if self.kind is Kind.REFS:
            return "[]"
        if self.sql_type is str and self.kind not in (Kind.DATE, Kind.REF):
            return ""
        return None

    def clean(self, value: object) -> object:
        """Return `value` converted to its stored form; raise ValueError with a Vietnamese reason when refused."""
        if value is None or (isinstance(value, str) and not value.strip()):
            if self.required:
                raise ValueError("bắt buộc phải nhập")
            return self.empty_value()
        cleaner = getattr(self, f"_clean_{self.kind.value}")
        result = cleaner(value)
        if result == "" and self.required:  # nothing left once cleaned: only a BOM or zero-width spaces were typed
            raise ValueError("bắt buộc phải nhập")
        self._check_range(result)
        return result

    def _check_range(self, value: object) -> None:
        if not isinstance(value, int | float) or isinstance(value, bool):
            return
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"không được nhỏ hơn {_bound(self.minimum)}")
        if self.maximum is not None and value > self.maximum:
            raise ValueError(f"không được lớn hơn {_bound(self.maximum)}")

    def _clean_text(self, value: object) -> str:
        text = clean_text(value)
        if self.max_length and len(text) > self.max_length:
            raise ValueError(f"dài quá {self.max_length} ký tự")
        return text

    def _clean_longtext(self, value: object) -> str:
        return clean_text(value, multiline=True)

    def _clean_int(self, value: object) -> int:
        number = numbers.parse_decimal(value)
        if number != number.to_integral_value():
            raise ValueError("phải là số nguyên")
        return _storable(int(number))

    def _clean_money(self, value: object) -> int:
        try:
            return _storable(numbers.parse_money(value))
        except numbers.NumberFormatError as exc:
            raise ValueError(str(exc)) from exc

    def _clean_decimal(self, value: object) -> float:
        number = float(numbers.parse_decimal(value))
        if math.isinf(number):
            raise ValueError("số quá lớn")
        return number

    def _clean_percent(self, value: object) -> float:
        return self._clean_decimal(value)

    def _clean_year(self, value: object) -> int:
        year = self._clean_int(value)
        if not 2000 <= year <= 2100:
            raise ValueError("năm phải từ 2000 đến 2100")
        return year

    def _clean_date(self, value: object) -> str:
        return dates.to_iso(value)

    def _clean_bool(self, value: object) -> int:
        if isinstance(value, bool | int | Decimal | float):
            return 1 if value else 0
        text = clean_text(value).casefold()
        if text in _TRUE:
            return 1
        if text in _FALSE:
            return 0
        raise ValueError("chỉ nhận “Có” hoặc “Không”")

    def _clean_choice(self, value: object) -> str:
        text = clean_text(value)
        for choice in self.choices:
            if text == choice.code or text.casefold() == choice.title.casefold():
                return choice.code
        allowed = ", ".join(c.title for c in self.choices)
        raise ValueError(f"“{text}” không có trong danh sách ({allowed})")

    def _clean_ref(self, value: object) -> str:
        return clean_text(value)

    def _clean_refs(self, value: object) -> str:
        if isinstance(value, str):
            try:
                items = json.loads(value) if value.strip().startswith("[") else value.split(";")
            except json.JSONDecodeError as exc:
                raise ValueError("danh sách đơn vị không đọc được") from exc
        elif isinstance(value, list | tuple | set | frozenset):
            items = list(value)
        else:
            items = [value]  # a single id, e.g. from a spreadsheet cell
        cleaned = [clean_text(i) for i in items if clean_text(i)]
        return json.dumps(list(dict.fromkeys(cleaned)), ensure_ascii=False)

    def _clean_quarters(self, value: object) -> str:
        # "Quý II, III, IV", "II; IV", "q2 q3" and "2, 3" all name quarters; "Quý" is a word of its own or a prefix.
        text = clean_text(value).upper()
        text = re.sub(r"QUÝ|QUY\b|\bQ(?=[0-9IV])", " ", text)
        parts = [_ARABIC_QUARTERS.get(p, p) for p in re.split(r"[,;\s]+", text) if p]
        bad = [p for p in parts if p not in QUARTERS]
        if bad:
            raise ValueError(f"quý “{bad[0]}” không hợp lệ (chỉ nhận I, II, III, IV)")
        return ", ".join(q for q in QUARTERS if q in parts)

    def _clean_tax_code(self, value: object) -> str:
        text = clean_text(value)
        error = tax_code_error(text)
        if error:
            raise ValueError(error)
        return normalize_tax_code(text)

    def _clean_vsic(self, value: object) -> str:
        text = clean_text(value)
        if isinstance(value, float) and value.is_integer():
            text = str(int(value))
        if not _VSIC.match(text):
            raise ValueError("mã ngành VSIC gồm 1 đến 5 chữ số (ví dụ 2011)")
        return text

    def _clean_email(self, value: object) -> str:
        text = clean_text(value)
        if not _EMAIL.match(text):
            raise ValueError(f"“{text}” không phải là địa chỉ thư điện tử")
        return text

    def _clean_phone(self, value: object) -> str:
        text = clean_text(value)
        if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
            text = "0" + str(int(value))  # Excel drops the leading zero of a phone typed as a number.
        if not _PHONE.match(text):
            raise ValueError(f"“{text}” không phải là số điện thoại")
        return text


# SQLite stores integers in 64 bits; a larger number would fail at the database instead of at the form.
_MAX_INTEGER = 2**63 - 1


def _storable(number: int) -> int:
    if abs(number) > _MAX_INTEGER:
        raise ValueError("số quá lớn")
    return number


def _decimals(value: float) -> int:
    return 0 if float(value).is_integer() else 2


def _bound(value: float) -> str:
    """A range bound as a message shows it: 4-digit whole numbers (years such as 1920) stay ungrouped."""
    if float(value).is_integer() and abs(value) < 10000:
        return str(int(value))
    return numbers.format_number(value, _decimals(value))
