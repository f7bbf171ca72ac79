"""List kinds: the declaration that makes an entity importable from an office's own Excel list.

A new kind needs only a `ListSpec` registered with `register` (the import, the dialog and `sxtdbv import-list` are
generic over it), e.g. the official list of agencies:

    register(ListSpec("agencies", titles={"code": ("mã đơn vị", "mã"), "name": ("tên đơn vị", "tên cơ quan")},
                      key_fields=("code",)))
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from desktop.domain.agencies import kind_from_text
from desktop.domain.dates import parse_date
from desktop.domain.entities import BY_NAME, EntitySpec
from desktop.domain.fields import Field, Kind
from desktop.domain.text import search_key

Adapter = Callable[[object], object]

# Titles of the row-number column ("Số thứ tự"): recognised in the header, never imported.
NUMBER_TITLES = ("stt", "tt", "số tt", "số thứ tự", "thứ tự")


@dataclass(frozen=True)
class ListSpec:
    """How one entity is imported from a list.

    entity: the catalogue entity the rows become. parent_field: the reference the rows hang from, chosen by the user
    (not read from the list; "" for a list without a parent). key_fields: rows with the same values (accent- and
    case-insensitive) under the same parent are already present ("unchanged"). unique_fields: a value already used
    under the parent also marks a row as present (a tax code). titles: accepted column titles per field, besides the
    field's own title. adapters: per-field conversion of what offices type (a birth date in a birth-year column).
    split_by: a field whose title may spread over sub-columns named by the values of another field, as in "Năm sinh"
    over "Nam" | "Nữ": field -> (other field, sub-column title -> value of the other field).
    lookups: a reference field filled from what the list names: field -> (entity, fields naming its rows), e.g. the
    sending office typed as its code, name or short name. Several names ("A; B") fill a list reference.
    """

    entity: str
    titles: Mapping[str, tuple[str, ...]]
    key_fields: tuple[str, ...]
    parent_field: str = ""
    unique_fields: tuple[str, ...] = ()
    adapters: Mapping[str, Adapter] = field(default_factory=dict)
    split_by: Mapping[str, tuple[str, Mapping[str, str]]] = field(default_factory=dict)
    lookups: Mapping[str, tuple[str, tuple[str, ...]]] = field(default_factory=dict)

    @property
    def entity_spec(self) -> EntitySpec:
        """The catalogue entry of the entity."""
        return BY_NAME[self.entity]

    @property
    def parent_entity(self) -> str:
        """The entity the parent field refers to ("" without a parent)."""
        return self.entity_spec.field(self.parent_field).ref if self.parent_field else ""

    def fields(self) -> list[Field]:
        """The fields a column can be mapped to: every field but the parent and references without a lookup."""
        return [f for f in self.entity_spec.fields
                if f.name != self.parent_field and (f.kind not in (Kind.REF, Kind.REFS) or f.name in self.lookups)]

    def accepted_titles(self, name: str) -> list[str]:
        """The search keys of the titles accepted for field `name` (its own title first)."""
        f = self.entity_spec.field(name)
        return list(dict.fromkeys(search_key(t) for t in (f.title, *self.titles.get(name, ()))))


_YEAR_IN_TEXT = re.compile(r"^\s*(\d{4})\s*$")


def birth_year(value: object) -> object:
    """A birth year from what offices type: 1985, "1985", a date cell, or a date written 12/03/1985 or 12.3.1985."""
    if isinstance(value, dt.datetime | dt.date):
        return value.year
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip() and not _YEAR_IN_TEXT.match(value):
        try:
            return parse_date(value).year
        except ValueError:
            return value  # refused by the field with its own message
    return value


_GENDER_WORDS = {"nam": "male", "nu": "female", "male": "male", "female": "female", "m": "male", "f": "female",
                 "khac": "other"}


def gender(value: object) -> object:
    """A gender code from "Nam"/"Nữ" typed in any case, with or without accents ("NỮ", "nu")."""
    if isinstance(value, str):
        return _GENDER_WORDS.get(search_key(value), value)
    return value


SPECS: dict[str, ListSpec] = {}


def register(spec: ListSpec) -> ListSpec:
    """Make a list kind importable (by the dialog and `sxtdbv import-list`)."""
    SPECS[spec.entity] = spec
    return spec


def list_spec(entity: str) -> ListSpec:
    """The list kind of `entity`; KeyError when it cannot be imported from a list."""
    return SPECS[entity]


PARTICIPANTS = register(ListSpec(
    "participants", parent_field="course_id", key_fields=("full_name", "organisation"),
    titles={
        "full_name": ("họ và tên", "họ tên", "tên học viên", "họ và tên học viên", "họ và tên đại biểu", "tên"),
        "gender": ("giới tính", "nam/nữ", "nam, nữ", "phái"),
        "birth_year": ("năm sinh", "ngày sinh", "ngày, tháng, năm sinh", "ngày tháng năm sinh"),
        "organisation": ("đơn vị", "đơn vị công tác", "cơ quan", "cơ quan công tác", "nơi công tác", "tên đơn vị",
                         "doanh nghiệp", "cơ quan, đơn vị"),
        "position": ("chức vụ", "chức danh"),
        "phone": ("điện thoại", "số điện thoại", "sđt", "đt", "điện thoại liên hệ"),
        "email": ("email", "e-mail", "thư điện tử"),
        "agency_id": ("đơn vị cử", "cơ quan cử", "địa phương cử", "huyện, thành phố"),
        "note": ("ghi chú",),
    },
    adapters={"birth_year": birth_year, "gender": gender},
    lookups={"agency_id": ("agencies", ("code", "name", "short_name"))},
    split_by={"birth_year": ("gender", {"nam": "male", "nu": "female"})},
))

ENTERPRISES = register(ListSpec(
    "enterprises", parent_field="plan_id", key_fields=("name",), unique_fields=("tax_code",),
    titles={
        "name": ("tên doanh nghiệp", "doanh nghiệp", "tên công ty", "công ty", "tên đơn vị", "đơn vị"),
        "tax_code": ("mã số thuế", "mst", "mã số doanh nghiệp"),
        "address": ("địa chỉ", "trụ sở", "địa chỉ trụ sở"),
        "industrial_zone": ("kcn", "kcn, ccn", "khu công nghiệp", "cụm công nghiệp"),
        "vsic_code": ("mã ngành", "vsic", "mã ngành vsic"),
        "products": ("sản phẩm", "sản phẩm chính", "ngành nghề"),
        "contact_person": ("người liên hệ", "người đại diện", "liên hệ"),
        "phone": ("điện thoại", "số điện thoại", "sđt", "đt"),
        "note": ("ghi chú",),
    },
))

AGENCIES = register(ListSpec(
    # An official list of agencies (the communes after the 2025 reform, a new list of departments): new codes are
    # added; the predecessors and updates of agencies already listed go through services/agencies_lists.py.
    "agencies", key_fields=("code",),
    titles={
        "code": ("mã", "mã số", "mã đvhc", "mã đơn vị hành chính", "mã cơ quan"),
        "name": ("tên", "tên đơn vị hành chính", "tên cơ quan", "tên gọi"),
        "short_name": ("viết tắt", "tên ngắn"),
        "kind": ("loại", "cấp", "loại hình"),
        "valid_from": ("ngày hiệu lực", "từ ngày", "ngày thành lập"),
        "valid_to": ("đến ngày", "ngày kết thúc", "ngày hết hiệu lực"),
        "note": ("ghi chú", "căn cứ"),
    },
    adapters={"kind": kind_from_text},
))
