"""The embedded 2024 plan, checked fact by fact against the seed document (a copy is kept in tests/data/)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from desktop.domain.entities import ENTITIES, spec
from desktop.domain.numbers import parse_money
from desktop.services.summary import database_summary
from desktop.store import Store
from desktop.store.seed import load_seed, seed_path

SEED_TEXT = (Path(__file__).parent / "data" / "seed_plan_2024.txt").read_text(encoding="utf-8")


def flat(text: str) -> str:
    """The text as one line: NFC, no markdown bold, single spaces."""
    text = unicodedata.normalize("NFC", text).replace("**", "")
    return re.sub(r"\s+", " ", text).strip()


SEED = flat(SEED_TEXT)


def in_seed(text: str) -> bool:
    """True when `text` (ignoring line breaks and a trailing ; or .) occurs word for word in the seed."""
    return flat(text).rstrip(";.") in SEED


def section(start: str, end: str) -> str:
    """The flattened seed text between two headings."""
    return SEED[SEED.index(start): SEED.index(end, SEED.index(start))]


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Store:
    """One seeded database shared by the read-only checks of this module."""
    from desktop.services.setup import init_database

    store = init_database(tmp_path_factory.mktemp("seed") / "seed.db")
    yield store
    store.close()


@pytest.fixture(scope="module")
def plan(store) -> dict:
    """The seeded plan."""
    plans = store.repo("plans").rows()
    assert len(plans) == 1
    return plans[0]


def test_the_copy_in_tests_is_the_shared_seed():
    shared = Path(__file__).resolve().parents[2] / "shared" / "seed" / "000_cc1ca926cfd9f007.txt"
    if not shared.exists():
        pytest.skip("../shared is not beside the repository")
    assert shared.read_text(encoding="utf-8") == SEED_TEXT


def test_header_facts(plan):
    assert "Số: /KH-UBND" in SEED and plan["number"] == "/KH-UBND"
    assert "Đồng Nai, ngày tháng năm 2024" in SEED and plan["place"] == "Đồng Nai"
    assert plan["issue_date"] is None  # the seed leaves the day and month blank
    assert plan["year"] == 2024
    assert plan["title"] == "Thực hiện nhiệm vụ sản xuất và tiêu dùng bền vững trong ngành Công Thương trên địa bàn " \
                            "tỉnh Đồng Nai năm 2024"
    assert f"KẾ HOẠCH {plan['title']} Căn cứ" in SEED
    assert plan["issuer"] == "Ủy ban nhân dân tỉnh Đồng Nai" and "Chủ tịch Ủy ban nhân dân tỉnh ban hành" in SEED
    assert plan["status"] == "issued"


def test_parent_plan(plan):
    assert plan["parent_plan"] == "202/KH-UBND"
    assert "Kế hoạch hành động số 202/KH-UBND ngày 14 tháng 9 năm 2022 của UBND tỉnh" in SEED
    assert "202/KH-UBND" in plan["parent_plan_title"] and "2022-2030" in plan["parent_plan_title"]


def test_the_seven_legal_bases(store, plan):
    bases = store.repo("legal_bases").rows(plan_id=plan["id"])
    seed_lines = re.findall(r"Căn cứ [^;]*;", section("Căn cứ Luật", "Chủ tịch Ủy ban"))
    assert len(seed_lines) == 7 and len(bases) == 7
    assert [b["title"] for b in bases] == seed_lines
    assert [b["seq"] for b in bases] == list(range(1, 8))
    numbered = re.findall(r"số (\S+) ngày (\d+) tháng (\d+) năm (\d{4})", " ".join(seed_lines))
    expected = [(n, f"{y}-{int(m):02d}-{int(d):02d}") for n, d, m, y in numbered]
    assert [(b["number"], b["date"]) for b in bases[1:]] == expected
    assert expected == [("76/QĐ-TTg", "2016-01-11"), ("622/QĐ-TTg", "2017-05-10"), ("681/QĐ-TTg", "2019-06-04"),
                        ("889/QĐ-TTg", "2020-06-24"), ("3529/QĐ-BCT", "2020-12-30"), ("202/KH-UBND", "2022-09-14")]
    assert bases[0]["title"] == "Căn cứ Luật Bảo vệ môi trường năm 2014;" and bases[0]["date"] is None
    assert [b["kind"] for b in bases] == ["Luật"] + ["Quyết định"] * 5 + ["Kế hoạch hành động"]
    for base in bases[1:]:  # the law's issuer (Quốc hội) is the only one the seed does not spell out
        assert base["issuer"].removesuffix(" Đồng Nai") in base["title"]
        assert f"{base['kind']} số {base['number']}" in base["title"]


def test_preamble_purpose_and_objectives_intro(plan):
    assert in_seed(plan["preamble"])
    purpose = section("1. Mục đích", "2. Mục tiêu kế hoạch").removeprefix("1. Mục đích ").strip()
    assert plan["purpose"] == purpose
    assert in_seed(plan["objectives_intro"])


def test_both_objectives_word_for_word(store, plan):
    objectives = store.repo("objectives").rows(plan_id=plan["id"])
    assert [o["code"] for o in objectives] == ["a", "b"]
    a_text = section("a) Tuyên truyền", "b) Xây dựng").removeprefix("a) ").strip()
    b_text = section("b) Xây dựng", "II. NỘI DUNG").removeprefix("b) ").strip()
    assert objectives[0]["text"] == a_text
    assert objectives[1]["text"] == b_text


def test_indicators_carry_the_seed_targets(store, plan):
    rows = store.db.execute(
        "SELECT o.code, i.name, i.unit, i.target FROM indicators i JOIN objectives o ON o.id = i.objective_id "
        "WHERE i.deleted = 0 AND o.plan_id = ? ORDER BY o.seq, i.seq", [plan["id"]]).fetchall()
    targets = [(code, unit, target) for code, _, unit, target in rows]
    assert targets == [("a", "lớp", 1), ("a", "người", 200), ("b", "doanh nghiệp", 5), ("b", "doanh nghiệp", 1)]
    assert "Dự kiến tổ chức 01 lớp/năm, mỗi lớp khoảng 200 người" in SEED
    assert "trong ngành hóa chất cho 05 doanh nghiệp" in SEED
    assert "áp dụng cho 01 doanh nghiệp hóa chất" in SEED


def test_content_items_and_every_activity(store, plan):
    tasks = store.repo("tasks")
    items = tasks.rows(plan_id=plan["id"], parent_id=None)
    assert [(i["code"], i["kind"]) for i in items] == [("II.1", "content"), ("II.2", "content")]
    for item in items:
        assert f"{item['code'][-1]}. {item['title']}" in SEED
    ii1 = section("1. Tổ chức lớp đào tạo", "2. Xây dựng mô hình")
    ii2 = section("2. Xây dựng mô hình", "III. TỔ CHỨC")
    for item, text in zip(items, (ii1, ii2), strict=True):
        children = tasks.rows(parent_id=item["id"])
        assert all(c["kind"] == "activity" for c in children)
        assert [c["code"] for c in children] == [f"{item['code']}.{n}" for n in range(1, len(children) + 1)]
        for child in children:
            assert flat(child["title"]).rstrip(";.") in text, child["title"]
        # Every bullet of the seed (except the schedule and the expected size of the class) is an activity.
        bullets = [b.strip() for b in text.split(" - ")[1:]]
        sentences = [s.strip() for b in bullets for s in re.split(r"(?<=[.;])\s+", b)]
        wanted = [s.rstrip(";.") for s in sentences
                  if s and not s.startswith("Tiến độ thực hiện") and not s.startswith("Dự kiến tổ chức")]
        got = [flat(c["title"]).rstrip(";.") for c in children]
        assert got == wanted
    assert tasks.count(plan_id=plan["id"], kind="activity") == 10


def test_schedule_is_quarters_two_to_four_of_2024(store, plan):
    assert SEED.count("Tiến độ thực hiện: Quý II, III, IV năm 2024") == 2
    quarters = spec("tasks").field("quarters").clean("Quý II, III, IV")
    for task in store.repo("tasks").rows(plan_id=plan["id"]):
        assert task["quarters"] == quarters == "II, III, IV"
        assert task["start_date"] == "2024-04-01" and task["end_date"] == "2024-12-31"


def test_expected_size_of_the_class(store, plan):
    item = store.repo("tasks").rows(plan_id=plan["id"], code="II.1")[0]
    assert in_seed(item["expected_output"])


def test_six_responsibility_groups_with_their_duties(store, plan):
    groups = store.repo("responsibilities").rows(plan_id=plan["id"])
    assert [g["code"] for g in groups] == [f"III.{n}" for n in range(1, 7)]
    headings = ["Sở Công Thương", "Sở Tài chính", "Sở Tài nguyên và Môi trường", "Sở Khoa học và Công nghệ",
                "Báo Đồng Nai, Đài Phát thanh và Truyền hình Đồng Nai",
                "UBND các huyện, thành phố Biên Hòa và thành phố Long Khánh, các Sở, ban, ngành, đơn vị có liên quan"]
    assert [g["heading"] for g in groups] == headings
    text = section("III. TỔ CHỨC THỰC HIỆN", "IV. KINH PHÍ")
    for n, group in enumerate(groups, 1):
        assert f"{n}. {group['heading']} " in text
        start = text.index(f"{n}. {group['heading']} ") + len(f"{n}. {group['heading']} ")
        end = text.index(f"{n + 1}. {headings[n]}") if n < 6 else len(text)
        assert flat(group["duties"]) == text[start:end].strip(), group["code"]
        assert group["agency_ids"] != "[]"


def test_both_deadlines(store, plan):
    groups = {g["code"]: g for g in store.repo("responsibilities").rows(plan_id=plan["id"])}
    assert "gửi báo cáo UBND tỉnh trước ngày 25/12/2024" in SEED
    assert groups["III.1"]["report_deadline"] == "2024-12-25" and groups["III.1"]["report_to"] == "UBND tỉnh"
    assert "tổng hợp báo cáo UBND tỉnh trước ngày 01/12/2024" in SEED
    assert groups["III.6"]["report_deadline"] == "2024-12-01" and groups["III.6"]["report_to"] == "Sở Công Thương"
    reports = store.repo("office_reports").rows(plan_id=plan["id"])
    assert {r["due_date"] for r in reports} == {"2024-12-01", "2024-12-25"}
    summary = database_summary(store)["plans"][0]
    assert summary["deadlines"] == ["2024-12-01", "2024-12-25"]


def test_budget_and_its_source(plan):
    written = re.search(r"là: ([\d.]+) đồng \(Một tỷ ba trăm chín mươi bốn triệu hai trăm ngàn đồng\)", SEED)
    assert written and parse_money(written.group(1)) == plan["total_budget"] == 1394200000
    assert in_seed(plan["budget_intro"])
    assert plan["funding_source"] == "Nguồn ngân sách nhà nước năm 2024"
    assert "Nguồn kinh phí thực hiện: Nguồn ngân sách nhà nước năm 2024." in SEED


def test_closing_recipients_and_signer(plan):
    assert in_seed(plan["closing"])
    lines = plan["recipients"].split("\n")
    assert lines == [line.removeprefix("- ") for line in SEED_TEXT.split("Nơi nhận:")[1].strip().splitlines()
                     if line.startswith("- ")]
    assert len(lines) == 6
    assert plan["signer_authority"].replace(" ", "") == "KT.CHỦTỊCH"
    assert plan["signer_title"] == "PHÓ CHỦ TỊCH"
    assert plan["signer_name"] == "Nguyễn Thị Hoàng" and SEED.endswith("Nguyễn Thị Hoàng")


NINE_DISTRICTS_2024 = ("Cẩm Mỹ", "Định Quán", "Long Thành", "Nhơn Trạch", "Tân Phú", "Thống Nhất", "Trảng Bom",
                       "Vĩnh Cửu", "Xuân Lộc")


def test_agencies_are_editable_rows(store):
    agencies = store.repo("agencies").rows()
    names = {a["name"] for a in agencies}
    assert len(agencies) >= 17
    for name in ("Sở Công Thương", "Sở Tài chính", "Sở Tài nguyên và Môi trường", "Sở Khoa học và Công nghệ",
                 "Báo Đồng Nai", "Đài Phát thanh và Truyền hình Đồng Nai", "UBND thành phố Biên Hòa",
                 "UBND thành phố Long Khánh"):
        assert name in names, name
        assert name.removeprefix("UBND thành phố ") in SEED
    for district in NINE_DISTRICTS_2024:
        assert f"UBND huyện {district}" in names
    districts = [a for a in agencies if a["kind"] == "district"]
    assert len(districts) == 11
    assert len({a["code"] for a in agencies}) == len(agencies)


def test_responsibility_groups_point_at_their_agencies(store, plan):
    by_id = {a["id"]: a for a in store.repo("agencies").rows()}
    groups = store.repo("responsibilities").rows(plan_id=plan["id"])
    named = [[by_id[i]["name"] for i in json.loads(g["agency_ids"])] for g in groups]
    assert named[0] == ["Sở Công Thương"]
    assert named[4] == ["Báo Đồng Nai", "Đài Phát thanh và Truyền hình Đồng Nai"]
    assert len(named[5]) == 11 and "UBND thành phố Biên Hòa" in named[5]


def test_nothing_invented_no_budget_lines_participants_or_enterprises(store, plan):
    summary = database_summary(store)["plans"][0]
    assert summary["budget_lines_total"] == 0 and summary["participants"] == 0 and summary["enterprises"] == 0
    seeded = {"agencies", "plans", "legal_bases", "objectives", "indicators", "tasks", "responsibilities",
              "office_reports", "conversion_factors"}
    for entity in ENTITIES:
        if entity.name not in seeded:
            assert store.repo(entity.name).count() == 0, entity.name


def test_summary_of_the_seeded_plan(store, plan):
    summary = database_summary(store)
    assert summary["agencies"] >= 17
    (p,) = summary["plans"]
    assert (p["year"], p["total_budget"], p["legal_bases"], p["objectives"], p["content_items"],
            p["responsibilities"]) == (2024, 1394200000, 7, 2, 2, 6)
    assert p["indicators"] >= 3 and p["activities"] == 10


def test_seed_loads_in_one_transaction(empty_store, tmp_path):
    broken = json.loads(seed_path().read_text(encoding="utf-8"))
    broken["responsibilities"][-1]["agencies"].append("NO_SUCH_AGENCY")
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(broken, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(KeyError):
        load_seed(empty_store, path)
    for entity in ENTITIES:
        assert empty_store.repo(entity.name).count() == 0, entity.name


def test_seed_reuses_agencies_already_present(empty_store):
    empty_store.repo("agencies").add({"code": "SCT", "name": "Sở Công Thương Đồng Nai", "kind": "department"})
    load_seed(empty_store)
    codes = [a["code"] for a in empty_store.repo("agencies").rows()]
    assert codes.count("SCT") == 1 and len(codes) >= 17


# Headings and labels of the document's layout, and facts stored in structured form rather than as text.
STRUCTURE_ONLY = {
    "Đồng Nai, ngày tháng năm 2024",  # place and year fields; the day and month are blank in the seed
    "KẾ HOẠCH", "MỤC ĐÍCH, MỤC TIÊU KẾ HOẠCH", "Mục đích", "Mục tiêu kế hoạch", "NỘI DUNG THỰC HIỆN KẾ HOẠCH",
    "TỔ CHỨC THỰC HIỆN", "KINH PHÍ THỰC HIỆN", "Nguồn kinh phí thực hiện", "Nơi nhận",
    "Tiến độ thực hiện", "Quý II, III, IV năm 2024",  # stored as the tasks' quarters and dates
    "KT.CHỦ TỊCH",  # stored as "KT. CHỦ TỊCH"
}


def test_nothing_in_the_seed_is_left_out(store):
    stored = " | ".join(flat(value) for entity in ENTITIES for row in store.repo(entity.name).rows()
                        for value in row.values() if isinstance(value, str))
    missing = []
    for line in SEED_TEXT.splitlines():
        for clause in re.split(r"(?<=[.;:])\s+", flat(line)):
            clause = re.sub(r"^(- |[a-z]\) |[0-9]\. |[IVX]+\. )", "", clause).strip().rstrip(";.:")
            if clause and clause not in stored and clause not in STRUCTURE_ONLY:
                missing.append(clause)
    assert missing == []
