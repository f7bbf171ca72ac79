"""Repositories: validated writes, revisions and their history, tombstones, dependants, references, uniqueness."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain import revisions
from desktop.domain.errors import ValidationError
from desktop.domain.fields import Kind
from desktop.store import NotFoundError, Store, StoreError


@pytest.fixture
def store(empty_store: Store) -> Store:
    """An empty database with one plan."""
    return empty_store


def add_plan(store: Store, **kw) -> dict:
    """A minimal valid plan."""
    return store.repo("plans").add({"issuer": "UBND tỉnh Đồng Nai", "year": 2024, "title": "Kế hoạch thử",
                                    "total_budget": "1.394.200.000", **kw})


def add_agency(store: Store, code: str, name: str = "") -> dict:
    """An agency of kind 'department'."""
    return store.repo("agencies").add({"code": code, "name": name or f"Đơn vị {code}", "kind": "department"})


def test_add_stores_cleaned_values_and_bookkeeping(store):
    plan = add_plan(store, title=unicodedata.normalize("NFD", "  Kế hoạch   Đồng Nai  "))
    stored = store.repo("plans").get(plan["id"])
    assert stored["title"] == "Kế hoạch Đồng Nai"
    assert unicodedata.is_normalized("NFC", stored["title"])
    assert stored["total_budget"] == 1394200000 and isinstance(stored["total_budget"], int)
    assert stored["rev"].startswith("1-") and revisions.rev_hash(stored["rev"]) == revisions.content_hash(
        store.repo("plans").spec, stored)
    assert stored["revs"] == "[]"
    assert stored["deleted"] == 0
    assert stored["owner"] == "SCT" == store.context.office
    assert stored["updated_by"] == store.context.installation_id
    assert stored["updated_at"].endswith("Z")
    assert len(stored["id"]) == 36


def test_money_column_is_integer_in_sqlite(store):
    plan = add_plan(store)
    kind = store.db.execute("SELECT typeof(total_budget) FROM plans WHERE id = ?", [plan["id"]]).fetchone()[0]
    assert kind == "integer"


def test_add_refuses_invalid_data_and_writes_nothing(store):
    with pytest.raises(ValidationError) as info:
        store.repo("plans").add({"issuer": "", "year": "1999", "title": "", "total_budget": "1,5"})
    assert set(info.value.fields) == {"issuer", "year", "title", "total_budget"}
    with pytest.raises(ValidationError, match="Tổng kinh phí \\(đồng\\): số quá lớn"):
        add_plan(store, total_budget="99.999.999.999.999.999.999")
    assert store.repo("plans").count() == 0


def test_update_increments_generation_and_keeps_history(store):
    repo = store.repo("plans")
    plan = add_plan(store)
    second = repo.update(plan["id"], {"title": "Tên mới"})
    third = repo.update(plan["id"], {"total_budget": "1.000.000"})
    assert revisions.generation(second["rev"]) == 2 and revisions.generation(third["rev"]) == 3
    stored = repo.get(plan["id"])
    assert stored["rev"] == third["rev"]
    assert json.loads(stored["revs"]) == [second["rev"], plan["rev"]]
    assert stored["title"] == "Tên mới" and stored["total_budget"] == 1000000


def test_unchanged_update_is_a_no_op(store):
    repo = store.repo("plans")
    plan = add_plan(store)
    same = repo.update(plan["id"], {"title": "  Kế hoạch   thử ", "total_budget": 1394200000})
    assert same["rev"] == plan["rev"]
    assert repo.get(plan["id"])["updated_at"] == plan["updated_at"]
    assert repo.update(plan["id"], {})["rev"] == plan["rev"]


def test_update_ignores_bookkeeping_keys(store):
    repo = store.repo("plans")
    plan = add_plan(store)
    after = repo.update(plan["id"], {"deleted": 1, "rev": "99-x", "owner": "BIENHOA"})
    assert after["rev"] == plan["rev"] and repo.get(plan["id"])["owner"] == "SCT"


def test_update_refuses_invalid_change_and_keeps_the_row(store):
    repo = store.repo("plans")
    plan = add_plan(store)
    with pytest.raises(ValidationError):
        repo.update(plan["id"], {"year": "abc"})
    assert repo.get(plan["id"]) == plan


def test_delete_leaves_a_tombstone_with_a_new_revision(store):
    repo = store.repo("agencies")
    agency = add_agency(store, "STC")
    assert repo.delete(agency["id"]) == [("agencies", agency["id"])]
    with pytest.raises(NotFoundError, match="đã bị xóa"):
        repo.get(agency["id"])
    tomb = repo.get(agency["id"], include_deleted=True)
    assert tomb["deleted"] == 1 and revisions.generation(tomb["rev"]) == 2
    assert json.loads(tomb["revs"]) == [agency["rev"]]
    assert tomb["name"] == agency["name"]
    assert repo.count() == 0 and repo.rows() == [] and len(repo.rows(include_deleted=True)) == 1
    assert not repo.exists(agency["id"])
    with pytest.raises(NotFoundError):
        repo.update(agency["id"], {"name": "x"})
    with pytest.raises(NotFoundError):
        repo.delete(agency["id"])


def test_get_unknown_id(store):
    with pytest.raises(NotFoundError, match="Không tìm thấy"):
        store.repo("plans").get("no-such-id")


def test_delete_refused_while_dependants_exist(store):
    plan = add_plan(store)
    objective = store.repo("objectives").add({"plan_id": plan["id"], "text": "Mục tiêu a"})
    store.repo("indicators").add({"objective_id": objective["id"], "name": "Số lớp", "target": 1})
    store.repo("legal_bases").add({"plan_id": plan["id"], "title": "Căn cứ Luật Bảo vệ môi trường năm 2014;"})
    with pytest.raises(StoreError) as info:
        store.repo("plans").delete(plan["id"])
    assert "Không xóa được" in str(info.value) and "1 mục tiêu" in str(info.value)
    assert "1 căn cứ pháp lý" in str(info.value)
    assert store.repo("plans").exists(plan["id"]) and store.repo("objectives").count() == 1


def test_cascade_deletes_the_whole_subtree(store):
    plan = add_plan(store)
    objective = store.repo("objectives").add({"plan_id": plan["id"], "text": "Mục tiêu a"})
    indicator = store.repo("indicators").add({"objective_id": objective["id"], "name": "Số lớp", "target": 1})
    item = store.repo("tasks").add({"plan_id": plan["id"], "title": "II.1", "kind": "content"})
    child = store.repo("tasks").add({"plan_id": plan["id"], "parent_id": item["id"], "title": "Hoạt động"})
    deleted = store.repo("plans").delete(plan["id"], cascade=True)
    assert set(deleted) == {("plans", plan["id"]), ("objectives", objective["id"]), ("indicators", indicator["id"]),
                            ("tasks", item["id"]), ("tasks", child["id"])}
    for table in ("plans", "objectives", "indicators", "tasks"):
        assert store.repo(table).count() == 0
        assert all(r["deleted"] == 1 for r in store.repo(table).rows(include_deleted=True))


def test_listed_reference_counts_as_dependant_and_cascade_only_unlists(store):
    plan = add_plan(store)
    stnmt, skhcn = add_agency(store, "STNMT"), add_agency(store, "SKHCN")
    task = store.repo("tasks").add({"plan_id": plan["id"], "title": "Tập huấn",
                                    "coordinating_ids": [stnmt["id"], skhcn["id"]]})
    assert store.repo("agencies").dependants(stnmt["id"]) == [("tasks", task["id"])]
    with pytest.raises(StoreError, match="1 nhiệm vụ"):
        store.repo("agencies").delete(stnmt["id"])
    deleted = store.repo("agencies").delete(stnmt["id"], cascade=True)
    assert deleted == [("agencies", stnmt["id"])]
    after = store.repo("tasks").get(task["id"])
    assert json.loads(after["coordinating_ids"]) == [skhcn["id"]]
    assert revisions.generation(after["rev"]) == 2
    assert store.repo("tasks").update(task["id"], {"progress": 10})["progress"] == 10


def test_row_stays_editable_when_its_reference_was_deleted_elsewhere(store):
    plan = add_plan(store)
    agency = add_agency(store, "STNMT")
    task = store.repo("tasks").add({"plan_id": plan["id"], "title": "T", "lead_agency_id": agency["id"]})
    # A tombstone arriving from another office, applied as is.
    tomb = store.repo("agencies").get(agency["id"])
    store.repo("agencies").put({**tomb, "deleted": 1, "rev": "2-x"})
    assert store.repo("tasks").update(task["id"], {"progress": 20})["progress"] == 20
    # Choosing the deleted agency anew is still refused.
    second = store.repo("tasks").add({"plan_id": plan["id"], "title": "T2"})
    with pytest.raises(ValidationError, match="không tìm thấy đơn vị"):
        store.repo("tasks").update(second["id"], {"lead_agency_id": agency["id"]})
    with pytest.raises(ValidationError, match="Đơn vị phối hợp"):
        store.repo("tasks").update(task["id"], {"coordinating_ids": [agency["id"]]})


def test_references_to_missing_or_deleted_rows_are_refused(store):
    plan = add_plan(store)
    with pytest.raises(ValidationError) as info:
        store.repo("tasks").add({"plan_id": "missing", "title": "T"})
    assert info.value.errors[0].message == "không tìm thấy kế hoạch đã chọn"
    agency = add_agency(store, "STC")
    store.repo("agencies").delete(agency["id"])
    with pytest.raises(ValidationError, match="Đơn vị chủ trì: không tìm thấy đơn vị đã chọn"):
        store.repo("tasks").add({"plan_id": plan["id"], "title": "T", "lead_agency_id": agency["id"]})
    with pytest.raises(ValidationError, match="Đơn vị phối hợp"):
        store.repo("tasks").add({"plan_id": plan["id"], "title": "T", "coordinating_ids": ["nope"]})
    assert store.repo("tasks").count() == 0


def test_task_cannot_sit_under_itself_or_its_child(store):
    plan = add_plan(store)
    tasks = store.repo("tasks")
    item = tasks.add({"plan_id": plan["id"], "title": "II.1", "kind": "content"})
    child = tasks.add({"plan_id": plan["id"], "parent_id": item["id"], "title": "Hoạt động"})
    grandchild = tasks.add({"plan_id": plan["id"], "parent_id": child["id"], "title": "Việc nhỏ"})
    for new_parent in (item["id"], child["id"], grandchild["id"]):
        with pytest.raises(ValidationError, match="Thuộc nội dung: không được chọn chính mục này"):
            tasks.update(item["id"], {"parent_id": new_parent})
    other = tasks.add({"plan_id": plan["id"], "title": "II.2", "kind": "content"})
    assert tasks.update(grandchild["id"], {"parent_id": other["id"]})["parent_id"] == other["id"]


def test_agency_code_is_unique_among_live_rows(store):
    first = add_agency(store, "SCT", "Sở Công Thương")
    with pytest.raises(ValidationError, match="Mã đơn vị: “SCT” đã có, không được trùng"):
        add_agency(store, "SCT", "Khác")
    second = add_agency(store, "STC")
    with pytest.raises(ValidationError, match="đã có"):
        store.repo("agencies").update(second["id"], {"code": " SCT "})
    store.repo("agencies").delete(first["id"])
    assert add_agency(store, "SCT", "Sở Công Thương (mới)")["code"] == "SCT"


def test_duplicate_id_is_refused_with_a_message(store):
    agency = add_agency(store, "SCT")
    with pytest.raises(StoreError, match="không thêm trùng"):
        store.repo("agencies").add({"code": "X", "name": "X", "kind": "other"}, row_id=agency["id"])


def test_explicit_owner_and_office(store):
    plan = add_plan(store)
    report = store.repo("office_reports")
    agency = add_agency(store, "BIENHOA")
    row = report.add({"plan_id": plan["id"], "agency_id": agency["id"], "subject": "Báo cáo", "due_date": "01/12/2024"},
                     owner="BIENHOA")
    assert row["owner"] == "BIENHOA" and row["due_date"] == "2024-12-01"
    store.set_office("BIENHOA")
    assert add_agency(store, "X")["owner"] == "BIENHOA"


def test_rows_keyword_filters_order_and_count(store):
    plan = add_plan(store)
    other = store.repo("plans").add({"issuer": "UBND tỉnh Đồng Nai", "year": 2025, "title": "Kế hoạch 2025",
                                     "total_budget": 1})
    repo = store.repo("legal_bases")
    for seq, title in ((3, "C"), (1, "A"), (2, "B")):
        repo.add({"plan_id": plan["id"], "seq": seq, "title": title})
    repo.add({"plan_id": other["id"], "seq": 1, "title": "D"})
    assert [r["title"] for r in repo.rows(plan_id=plan["id"])] == ["A", "B", "C"]  # seq order by default
    assert [r["title"] for r in repo.rows(order_by="-title")] == ["D", "C", "B", "A"]
    assert [r["title"] for r in repo.rows(order_by=("seq", "-rowid"))] == ["D", "A", "B", "C"]
    assert [r["title"] for r in repo.rows(plan_id=other["id"], seq=1)] == ["D"]
    assert repo.count(title="B") == 1 and repo.count(plan_id=plan["id"]) == 3 and repo.count(number="") == 4
    repo.delete(repo.rows(title="B")[0]["id"])
    assert repo.count(plan_id=plan["id"]) == 2 and len(repo.rows(plan_id=plan["id"], include_deleted=True)) == 3


def test_rows_refuse_unknown_columns_instead_of_running_them_as_sql(store):
    repo = store.repo("legal_bases")
    with pytest.raises(StoreError, match="không có cột"):
        repo.rows(**{"1=1 OR title": "x"})
    with pytest.raises(StoreError, match="không có cột"):
        repo.rows(order_by="title; DROP TABLE plans")
    with pytest.raises(StoreError, match="không có cột"):
        repo.count(nope=1)


def test_atomic_rolls_back_everything(store):
    with pytest.raises(ValidationError), store.atomic():
        add_agency(store, "A")
        add_agency(store, "A")
    assert store.repo("agencies").count() == 0


def test_a_nested_block_that_fails_undoes_only_itself(store):
    with store.atomic():
        add_agency(store, "A")
        with pytest.raises(ValidationError), store.atomic():  # a savepoint inside the transaction
            add_agency(store, "B")
            add_agency(store, "B")
        with store.atomic():  # another one, after the first was rolled back and released
            add_agency(store, "C")
    assert sorted(a["code"] for a in store.repo("agencies").rows()) == ["A", "C"]


def test_put_stores_a_row_as_given(store):
    agency = add_agency(store, "SCT")
    incoming = {**agency, "name": "Sở Công Thương Đồng Nai", "rev": "5-abc", "updated_by": "other"}
    store.repo("agencies").put(incoming)
    stored = store.repo("agencies").get(agency["id"])
    assert stored["rev"] == "5-abc" and stored["name"] == "Sở Công Thương Đồng Nai" and stored["updated_by"] == "other"


def test_settings_persist_with_the_database(tmp_path):
    from desktop.services.setup import init_database

    path = tmp_path / "office.db"
    first = init_database(path, empty=True, office="bienhoa")
    installation = first.context.installation_id
    assert first.context.office == "BIENHOA"
    first.close()
    again = Store.open(path)
    assert again.context.installation_id == installation and again.context.office == "BIENHOA"
    again.close()


# -- any accepted row survives the trip through SQLite unchanged ------------------------------------------------------
_ANY = st.one_of(st.none(), st.text(max_size=20), st.integers(-10, 10**12), st.floats(), st.booleans(),
                 st.from_regex(r"[0-9., -]{0,15}", fullmatch=True), st.dates().map(str))
_PLAUSIBLE = {
    Kind.TEXT: st.text(max_size=20), Kind.LONGTEXT: st.text(max_size=40), Kind.INT: st.integers(1, 5),
    Kind.MONEY: st.integers(0, 10**12), Kind.DECIMAL: st.floats(0, 10), Kind.PERCENT: st.floats(0, 100),
    Kind.YEAR: st.integers(2000, 2100), Kind.DATE: st.dates().map(str), Kind.BOOL: st.booleans(),
    Kind.REF: st.none(), Kind.REFS: st.none(), Kind.QUARTERS: st.sampled_from(["II", "I, IV", "Quý 3"]),
    Kind.TAX_CODE: st.sampled_from(["0100233488", "0314409058-002"]), Kind.VSIC: st.sampled_from(["2011", 201]),
    Kind.EMAIL: st.just("sct@dongnai.gov.vn"), Kind.PHONE: st.sampled_from(["0251 3822 123", 912345678]),
}
_FUZZ: dict[str, object] = {}


def _fuzz_store(tmp_path_factory) -> tuple[Store, dict[str, dict]]:
    if not _FUZZ:
        from desktop.services.setup import init_database

        store = init_database(tmp_path_factory.mktemp("fuzz") / "fuzz.db", empty=True)
        plan = store.repo("plans").add({"issuer": "x", "year": 2024, "title": "t", "total_budget": 0})
        course = store.repo("training_courses").add({"plan_id": plan["id"], "title": "Lớp"})
        enterprise = store.repo("enterprises").add({"plan_id": plan["id"], "name": "Công ty"})
        _FUZZ["store"] = store
        _FUZZ["parents"] = {"plans": {}, "participants": {"course_id": course["id"]},
                            "enterprises": {"plan_id": plan["id"]}, "budget_lines": {"plan_id": plan["id"]},
                            "consumption_records": {"enterprise_id": enterprise["id"]},
                            "solutions": {"enterprise_id": enterprise["id"]}}
    return _FUZZ["store"], _FUZZ["parents"]  # type: ignore[return-value]


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_accepted_rows_round_trip_and_resaving_is_a_no_op(tmp_path_factory, data):
    store, parents = _fuzz_store(tmp_path_factory)
    name = data.draw(st.sampled_from(sorted(parents)))
    entity = store.repo(name).spec
    row = dict(parents[name])
    for field in entity.fields:
        if field.name in row:
            continue
        if field.kind is Kind.CHOICE:
            plausible = st.sampled_from([c.code for c in field.choices] + [c.title for c in field.choices])
        else:
            plausible = _PLAUSIBLE[field.kind]
        row[field.name] = data.draw(st.one_of(st.none(), plausible) if data.draw(st.integers(0, 9)) else _ANY)
    try:
        added = store.repo(name).add(row)
    except (ValidationError, StoreError):
        assert store.repo(name).count() == len(store.repo(name).rows())
        return
    stored = store.repo(name).get(added["id"])
    assert {k: stored[k] for k in entity.field_names} == {k: added[k] for k in entity.field_names}
    assert store.repo(name).update(added["id"], {})["rev"] == added["rev"]
    assert store.repo(name).update(added["id"], dict(stored))["rev"] == added["rev"]


def test_put_inserts_a_new_row_and_refuses_unknown_columns(store):
    agency = add_agency(store, "SCT")
    fresh = {**agency, "id": "from-another-office", "code": "BIENHOA", "rev": "3-abc", "owner": "BIENHOA"}
    store.repo("agencies").put(fresh)
    assert store.repo("agencies").get("from-another-office")["rev"] == "3-abc"
    with pytest.raises(StoreError, match="không có cột “colour”"):
        store.repo("agencies").put({**fresh, "colour": "đỏ"})
    plan = add_plan(store)
    task = store.repo("tasks").add({"plan_id": plan["id"], "title": "T"})
    store.repo("tasks").put({**task, "coordinating_ids": [agency["id"]]})
    assert json.loads(store.repo("tasks").get(task["id"])["coordinating_ids"]) == [agency["id"]]


def test_total_and_distinct_over_live_rows(store):
    plan = add_plan(store)
    lines = store.repo("budget_lines")
    for item, amount in (("Hội trường", 3_000_000), ("Tài liệu", 1_500_000), ("Nước uống", 500_000)):
        lines.add({"plan_id": plan["id"], "item": item, "amount": amount})
    assert lines.total("amount", plan_id=plan["id"]) == 5_000_000
    lines.delete(lines.rows(item="Tài liệu")[0]["id"])
    assert lines.total("amount", plan_id=plan["id"]) == 3_500_000  # a deleted line no longer counts
    assert lines.total("amount", plan_id="no such plan") == 0
    assert lines.distinct("item") == sorted(["Hội trường", "Nước uống"])
