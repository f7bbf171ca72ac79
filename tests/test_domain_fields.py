"""Every kind of field: what it stores for typed or pasted input, and the Vietnamese reason when it refuses."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.choices import TASK_STATUSES
from desktop.domain.entities import ENTITIES, spec
from desktop.domain.fields import Field, Kind


def make(kind: Kind, **kw) -> Field:
    """A field of `kind` with a Vietnamese title."""
    return Field("f", kind, "Trường thử", "Test field", **kw)


def refused(field: Field, value: object) -> str:
    """The reason `field` gives for refusing `value`."""
    with pytest.raises(ValueError) as info:
        field.clean(value)
    return str(info.value)


def test_every_kind_has_a_cleaner():
    for kind in Kind:
        assert hasattr(Field, f"_clean_{kind.value}"), kind


def test_every_entity_field_has_vietnamese_and_english_titles():
    for entity in ENTITIES:
        assert entity.title and entity.label_en
        for field in entity.fields:
            assert field.title and field.label_en, (entity.name, field.name)
            if field.kind in (Kind.REF, Kind.REFS):
                assert field.ref in {e.name for e in ENTITIES}, (entity.name, field.name)
            if field.kind is Kind.CHOICE:
                assert field.choices, (entity.name, field.name)


@pytest.mark.parametrize("kind", list(Kind))
def test_required_field_refuses_empty_input(kind):
    field = make(kind, required=True, choices=TASK_STATUSES)
    for empty in (None, "", "   "):
        assert refused(field, empty) == "bắt buộc phải nhập"


@pytest.mark.parametrize("kind", [Kind.TEXT, Kind.LONGTEXT])
def test_required_text_of_invisible_characters_only_is_refused(kind):
    # A BOM (U+FEFF) or zero-width space (U+200B) pasted alone is not blank to str.strip(), but cleans to nothing.
    for invisible in ("\ufeff", "\u200b", " \ufeff\u200b "):
        assert refused(make(kind, required=True), invisible) == "bắt buộc phải nhập"
    assert make(kind).clean("\ufeff") == ""


@pytest.mark.parametrize(("kind", "expected"), [
    (Kind.TEXT, ""), (Kind.LONGTEXT, ""), (Kind.INT, None), (Kind.MONEY, None), (Kind.DECIMAL, None),
    (Kind.PERCENT, None), (Kind.YEAR, None), (Kind.DATE, None), (Kind.BOOL, 0), (Kind.CHOICE, ""),
    (Kind.REF, None), (Kind.REFS, "[]"), (Kind.QUARTERS, ""), (Kind.TAX_CODE, ""), (Kind.VSIC, ""),
    (Kind.EMAIL, ""), (Kind.PHONE, ""),
])
def test_optional_field_stores_its_empty_value(kind, expected):
    assert make(kind).clean("  ") == expected
    assert make(kind).clean(None) == expected


def test_text_is_nfc_trimmed_and_length_limited():
    field = make(Kind.TEXT, max_length=5)
    assert field.clean(unicodedata.normalize("NFD", "  Hòa  ")) == "Hòa"
    assert refused(field, "Đồng Nai") == "dài quá 5 ký tự"


def test_longtext_keeps_line_breaks():
    assert make(Kind.LONGTEXT).clean(" a) một \r\n b) hai ") == "a) một\nb) hai"


def test_int_and_range():
    field = make(Kind.INT, minimum=1, maximum=5)
    assert field.clean("3") == 3 and field.clean(4.0) == 4
    assert refused(field, "2,5") == "phải là số nguyên"
    assert refused(field, "0") == "không được nhỏ hơn 1"
    assert refused(field, "6") == "không được lớn hơn 5"
    assert "không phải là số" in refused(field, "ba")


def test_money_is_integer_dong():
    field = make(Kind.MONEY, minimum=0)
    assert field.clean("1.394.200.000") == 1394200000
    assert field.clean("1394200000") == 1394200000
    assert isinstance(field.clean(1394200000.0), int)
    assert refused(field, "1,5") == "số tiền phải là số nguyên đồng"
    assert refused(field, "-1.000") == "không được nhỏ hơn 0"
    assert "không phải là số" in refused(field, "một tỷ")
    assert refused(make(Kind.MONEY, maximum=1000000), "2.000.000") == "không được lớn hơn 1.000.000"
    assert refused(field, "99999999999999999999") == "số quá lớn"  # beyond SQLite's 64-bit integers
    assert refused(make(Kind.INT), "1" + "0" * 30) == "số quá lớn"


def test_decimal_and_percent():
    assert make(Kind.DECIMAL).clean("1,5") == 1.5
    assert make(Kind.DECIMAL).clean("0.0001543") == pytest.approx(0.0001543)
    percent = make(Kind.PERCENT, minimum=0, maximum=100)
    assert percent.clean("75%") == 75.0
    assert refused(percent, "120") == "không được lớn hơn 100"
    assert refused(percent, "-5") == "không được nhỏ hơn 0"
    assert "không phải là số" in refused(percent, float("inf"))
    assert refused(make(Kind.DECIMAL), "9" * 400) == "số quá lớn"


def test_year():
    field = make(Kind.YEAR)
    assert field.clean("2024") == 2024
    assert refused(field, "1999") == "năm phải từ 2000 đến 2100"
    assert refused(field, "2024,5") == "phải là số nguyên"


def test_date_is_stored_iso():
    field = make(Kind.DATE)
    assert field.clean("01/12/2024") == "2024-12-01"
    assert field.clean("2024-12-25") == "2024-12-25"
    assert "không tồn tại" in refused(field, "31/02/2024")
    assert "không phải là ngày" in refused(field, "sáng mai")


@pytest.mark.parametrize(("value", "expected"), [
    ("Có", 1), ("có", 1), ("x", 1), ("X", 1), ("1", 1), (True, 1), (1, 1),
    ("Không", 0), ("khong", 0), ("0", 0), (False, 0), (0, 0),
])
def test_bool(value, expected):
    assert make(Kind.BOOL).clean(value) == expected


def test_bool_refuses_other_words():
    assert refused(make(Kind.BOOL), "có lẽ") == "chỉ nhận “Có” hoặc “Không”"


def test_choice_accepts_code_or_vietnamese_title():
    field = make(Kind.CHOICE, choices=TASK_STATUSES)
    assert field.clean("done") == "done"
    assert field.clean("Hoàn thành") == "done"
    assert field.clean("  hoàn thành ") == "done"
    assert field.clean(unicodedata.normalize("NFD", "Đang thực hiện")) == "in_progress"
    message = refused(field, "Xong rồi")
    assert "“Xong rồi” không có trong danh sách" in message and "Hoàn thành" in message


def test_ref_and_refs():
    assert make(Kind.REF).clean(" abc ") == "abc"
    refs = make(Kind.REFS)
    assert json.loads(refs.clean(["a", " b ", "a", ""])) == ["a", "b"]
    assert json.loads(refs.clean("a; b;a")) == ["a", "b"]
    assert json.loads(refs.clean('["x", "y"]')) == ["x", "y"]
    assert json.loads(refs.clean("single-id")) == ["single-id"]
    assert json.loads(refs.clean(7)) == ["7"]
    assert refused(refs, "[not json") == "danh sách đơn vị không đọc được"


@pytest.mark.parametrize(("value", "expected"), [
    ("II, III, IV", "II, III, IV"), ("Quý II, III, IV", "II, III, IV"), ("IV; II", "II, IV"),
    ("quý II; quý IV", "II, IV"), ("2, 3", "II, III"), ("Q1 Q4", "I, IV"), ("iii", "III"), ("II II", "II"),
])
def test_quarters(value, expected):
    assert make(Kind.QUARTERS).clean(value) == expected


def test_quarters_refuse_a_fifth_quarter():
    assert refused(make(Kind.QUARTERS), "II, V") == "quý “V” không hợp lệ (chỉ nhận I, II, III, IV)"


def test_tax_code_field():
    field = make(Kind.TAX_CODE)
    assert field.clean("0100233488") == "0100233488"
    assert field.clean("0100233488001") == "0100233488-001"
    assert "chữ số kiểm tra" in refused(field, "0100233480")
    assert "000" in refused(field, "0100233488-000")


def test_vsic():
    field = make(Kind.VSIC)
    assert field.clean("2011") == "2011"
    assert field.clean(2011) == "2011"
    assert field.clean(2011.0) == "2011"
    assert "VSIC" in refused(field, "20A1")
    assert "VSIC" in refused(field, "123456")


def test_email():
    field = make(Kind.EMAIL)
    assert field.clean(" sct@dongnai.gov.vn ") == "sct@dongnai.gov.vn"
    assert refused(field, "sct at dongnai") == "“sct at dongnai” không phải là địa chỉ thư điện tử"


def test_phone():
    field = make(Kind.PHONE)
    assert field.clean("0251 3822 123") == "0251 3822 123"
    assert field.clean("+84 251 3822123") == "+84 251 3822123"
    assert field.clean(912345678) == "0912345678"  # Excel dropped the leading zero
    assert refused(field, "gọi tôi") == "“gọi tôi” không phải là số điện thoại"
    assert refused(field, float("inf")) == "“inf” không phải là số điện thoại"  # found by the property test below


def test_entity_field_lookup():
    tasks = spec("tasks")
    assert tasks.field("progress").kind is Kind.PERCENT
    assert "title" in tasks.field_names
    assert {f.name for f in tasks.refs} == {"plan_id", "parent_id", "lead_agency_id", "coordinating_ids"}
    with pytest.raises(KeyError):
        tasks.field("nope")


_ANYTHING = st.one_of(st.none(), st.text(), st.integers(), st.floats(), st.booleans(), st.decimals(),
                      st.lists(st.text(), max_size=3), st.from_regex(r"[0-9., -]{0,20}", fullmatch=True), st.dates())


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(list(Kind)), _ANYTHING)
def test_clean_refuses_only_with_a_message_and_is_idempotent(kind, value):
    field = make(kind, choices=TASK_STATUSES, minimum=0, maximum=100)
    try:
        stored = field.clean(value)
    except ValueError as exc:
        assert str(exc)  # a reason to show, never a bare exception
        return
    assert field.clean(stored) == stored


# -- limits on both sides (each found by mutation testing: a bound moved by one went unnoticed) --------------------
def test_int_and_money_hold_exactly_what_sqlite_stores():
    # SQLite's integers are 64-bit: the largest is 2^63 − 1 = 9 223 372 036 854 775 807, written out here.
    largest = 9_223_372_036_854_775_807
    for kind in (Kind.INT, Kind.MONEY):
        field = make(kind)
        assert field.clean("9.223.372.036.854.775.807") == largest
        assert field.clean("-9.223.372.036.854.775.807") == -largest
        assert refused(field, "9.223.372.036.854.775.808") == "số quá lớn"
        assert refused(field, "-9.223.372.036.854.775.808") == "số quá lớn"


@pytest.mark.parametrize("value", ["2,6", "-2,4", "0,5", "-0,5"])
def test_int_refuses_fractions_that_round_either_way(value):
    # 2,6 rounds up to 3 and −2,4 up to −2: a fraction is refused whichever way it would round.
    assert refused(make(Kind.INT), value) == "phải là số nguyên"


def test_year_from_2000_to_2100_inclusive():
    field = make(Kind.YEAR)
    assert field.clean("2000") == 2000
    assert field.clean("2100") == 2100
    assert refused(field, "1999") == "năm phải từ 2000 đến 2100"
    assert refused(field, "2101") == "năm phải từ 2000 đến 2100"


def test_range_bounds_themselves_are_allowed():
    field = make(Kind.INT, minimum=1, maximum=5)
    assert field.clean("1") == 1 and field.clean("5") == 5
    percent = make(Kind.PERCENT, minimum=0, maximum=100)
    assert percent.clean("0") == 0.0 and percent.clean("100") == 100.0
    assert refused(percent, "100,01") == "không được lớn hơn 100"
    assert refused(percent, "-0,01") == "không được nhỏ hơn 0"


def test_text_of_exactly_max_length_is_allowed():
    plan_number = spec("plans").field("number")  # "Số hiệu": at most 60 characters
    assert plan_number.clean("A" * 60) == "A" * 60
    assert refused(plan_number, "A" * 61) == "dài quá 60 ký tự"


@pytest.mark.parametrize(("bound", "shown"), [
    (9999, "9999"),  # four digits, like a year: not grouped
    (-9999, "-9999"),
    (10000, "10.000"),  # five digits: grouped the Vietnamese way
    (2.75, "2,75"),  # a fractional bound keeps two decimals, comma first
    (1234.5, "1.234,50"),
])
def test_range_message_writes_the_bound_the_vietnamese_way(bound, shown):
    assert refused(make(Kind.DECIMAL, maximum=bound), "20000") == f"không được lớn hơn {shown}"
    assert refused(make(Kind.DECIMAL, minimum=bound), "-20000") == f"không được nhỏ hơn {shown}"


def test_quarters_name_the_first_wrong_quarter():
    assert refused(make(Kind.QUARTERS), "V, II, VI") == "quý “V” không hợp lệ (chỉ nhận I, II, III, IV)"


def test_refs_are_stored_as_readable_json():
    # The stored text is what SQLite holds and what a row's content hash reads: Vietnamese stays as written.
    assert make(Kind.REFS).clean(["Sở Công Thương", "UBND Biên Hòa"]) == '["Sở Công Thương", "UBND Biên Hòa"]'


def test_a_field_cannot_be_changed_once_described():
    # One catalogue is shared by every layer: a caller must not loosen a limit under the others.
    field = make(Kind.INT, maximum=5)
    with pytest.raises(AttributeError):
        field.maximum = 10  # type: ignore[misc]
