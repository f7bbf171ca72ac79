"""Row revisions: the format `N-hash`, a content hash that must never change between versions, the ancestry.

The hash is pinned to the rule itself (SHA-256 of the row's data fields as compact JSON, keys sorted, UTF-8 kept as
is, first 32 hex digits): revisions stored in databases and in workbooks handed out by older versions must keep
matching, or every row would look edited outside the app.
"""

from __future__ import annotations

import hashlib

from desktop.domain import revisions
from desktop.domain.entities import EntitySpec
from desktop.domain.fields import Field, Kind

SPEC = EntitySpec(
    "things", "Thứ", "Things",
    fields=(Field("name", Kind.TEXT, "Tên", "Name"), Field("amount", Kind.MONEY, "Số tiền", "Amount"),
            Field("former_name", Kind.TEXT, "Tên cũ", "Former name")),
    added_later=("former_name",),
)


def sha(blob: str) -> str:
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


def test_hash_is_sha256_of_sorted_compact_json_with_vietnamese_kept():
    row = {"name": "Sở Công Thương", "amount": 3, "former_name": "Sở Công nghiệp"}
    blob = '{"_deleted":0,"amount":3,"former_name":"Sở Công nghiệp","name":"Sở Công Thương"}'
    assert revisions.content_hash(SPEC, row) == sha(blob)


def test_deletion_is_part_of_the_content_as_1():
    row = {"name": "Sở Công Thương", "amount": 3, "former_name": "Sở Công nghiệp"}
    blob = '{"_deleted":1,"amount":3,"former_name":"Sở Công nghiệp","name":"Sở Công Thương"}'
    assert revisions.content_hash(SPEC, row, deleted=True) == sha(blob)


def test_bookkeeping_is_left_out_and_3_0_hashes_as_3_and_none_as_empty():
    row = {"name": None, "amount": 3.0, "former_name": "x", "rev": "4-abc", "updated_at": "2024-12-01"}
    assert revisions.content_hash(SPEC, row) == sha('{"_deleted":0,"amount":3,"former_name":"x","name":""}')
    assert revisions.content_hash(SPEC, {"name": "a", "amount": 2.5, "former_name": "x"}) == sha(
        '{"_deleted":0,"amount":2.5,"former_name":"x","name":"a"}')


def test_field_added_later_left_empty_hashes_as_if_it_did_not_exist():
    old = sha('{"_deleted":0,"amount":3,"name":"Sở Công Thương"}')
    for empty in (None, "", [], "[]"):
        assert revisions.content_hash(SPEC, {"name": "Sở Công Thương", "amount": 3, "former_name": empty}) == old
    assert revisions.content_hash(SPEC, {"name": "Sở Công Thương", "amount": 3}) == old


def test_generation_is_the_number_before_the_first_dash():
    assert revisions.generation(None) == 0
    assert revisions.generation("") == 0
    assert revisions.generation("1-abc") == 1
    assert revisions.generation("12-ab-cd") == 12


def test_rev_hash_is_everything_after_the_first_dash():
    assert revisions.rev_hash("3-0f9e") == "0f9e"
    assert revisions.rev_hash("3-ab-cd") == "ab-cd"
    assert revisions.rev_hash("3-") == ""
    assert revisions.rev_hash("abc") == ""


def test_next_rev_counts_up_from_the_previous_generation():
    assert revisions.next_rev(None, "aa") == "1-aa"
    assert revisions.next_rev("", "aa") == "1-aa"
    assert revisions.next_rev("9-xx", "bb") == "10-bb"


def test_history_puts_the_previous_rev_first_and_drops_its_older_copy():
    assert revisions.extend_history(["3-c", "2-b", "1-a"], "4-d") == ["4-d", "3-c", "2-b", "1-a"]
    # "5-e" sorts after "4-d" and "3-c" before it: both stay, only the repeated "4-d" goes.
    assert revisions.extend_history(["5-e", "4-d", "3-c"], "4-d") == ["4-d", "5-e", "3-c"]
    assert revisions.extend_history(["2-b", "1-a"], None) == ["2-b", "1-a"]
    assert revisions.extend_history(("2-b", "1-a"), "") == ["2-b", "1-a"]


def test_history_keeps_at_most_20_entries_newest_first():
    assert revisions.HISTORY_LENGTH == 20
    nineteen = [f"{g}-h" for g in range(19, 0, -1)]  # 19-h ... 1-h
    assert revisions.extend_history(nineteen, "20-h") == ["20-h", *nineteen]  # 20: all kept
    twenty = [f"{g}-h" for g in range(20, 0, -1)]
    assert revisions.extend_history(twenty, "21-h") == ["21-h", *twenty[:19]]  # 21: the oldest, 1-h, goes
    assert len(revisions.extend_history(twenty, "21-h")) == 20
    twenty_one = [f"{g}-h" for g in range(21, 0, -1)]
    assert revisions.extend_history(twenty_one, None) == twenty_one[:20]


def test_parse_history_reads_a_json_list_and_nothing_else():
    assert revisions.parse_history('["2-b", "1-a"]') == ["2-b", "1-a"]
    assert revisions.parse_history("[3]") == ["3"]
    assert revisions.parse_history(None) == []
    assert revisions.parse_history("") == []
    assert revisions.parse_history("not json") == []
    assert revisions.parse_history('{"a": 1}') == []
