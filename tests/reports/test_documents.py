"""The documents the plan asks for besides the summaries, on the sample year at 25/12/2024, against what a clerk
would check by hand: the reminder goes to exactly the late offices, the estimate's groups add up, the lists hold the
right people and amounts (issue 11)."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest

from desktop.reports.data import build_report
from desktop.reports.model import all_text
from desktop.reports.options import load_options
from desktop.services.sample_data import fill_sample_data
from desktop.services.setup import init_database
from desktop.store import StoreError

DATE = "2024-12-25"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = tmp_path_factory.mktemp("documents") / "sample.db"
    store = init_database(path)
    plan = store.repo("plans").rows()[0]
    fill_sample_data(store, plan["id"], participants=300, seed=1)
    try:
        yield store, plan, path
    finally:
        store.close()


def _build(store, plan, report_id, date=DATE):
    options = replace(load_options(store, plan, report_id), date=date)
    return build_report(store, report_id, plan_id=plan["id"], options=options)


def _sql(path, sql, params=()):
    with sqlite3.connect(path) as db:
        return db.execute(sql, params).fetchall()


def test_reminder_goes_to_exactly_the_offices_late_and_missing(sample):
    store, plan, path = sample
    missing = sorted(n for (n,) in _sql(path, "SELECT a.name FROM office_reports r JOIN agencies a ON a.id = "
                                              "r.agency_id WHERE r.deleted = 0 AND r.due_date < ? AND "
                                              "(r.submitted_date IS NULL OR r.submitted_date = '') AND a.code != 'SCT'",
                                        [DATE]))
    assert len(missing) == 3
    doc = _build(store, plan, "reminder")
    assert sorted(doc["addressees"]) == missing
    text = all_text(doc)
    assert f"chưa nhận được báo cáo của 03 đơn vị: {', '.join(doc['addressees'])}" in text
    assert "trước ngày 30/12/2024" in text  # five days after the letter
    assert doc["excerpt"].startswith("V/v đôn đốc") and doc["doc_type"] == ""
    submitted = {n for (n,) in _sql(path, "SELECT a.name FROM office_reports r JOIN agencies a ON a.id = r.agency_id "
                                          "WHERE r.submitted_date IS NOT NULL AND r.submitted_date != ''")}
    assert not submitted & set(doc["addressees"])
    with pytest.raises(StoreError, match="không có đơn vị nào quá hạn"):
        _build(store, plan, "reminder", date="2024-11-15")  # before the due date nobody is late


def test_request_goes_to_every_office_with_the_outline(sample):
    store, plan, path = sample
    offices = {n for (n,) in _sql(path, "SELECT a.name FROM office_reports r JOIN agencies a ON a.id = r.agency_id "
                                        "WHERE r.deleted = 0 AND a.code != 'SCT'")}
    doc = _build(store, plan, "request")
    text = all_text(doc)
    assert all(f"- {name}" in text for name in offices)
    assert "trước ngày 01/12/2024" in text and "Phụ lục I" in doc["parts"][0]["blocks"][-3]["text"]
    outline = doc["parts"][1]
    assert outline["title"] == "ĐỀ CƯƠNG BÁO CÁO KẾT QUẢ THỰC HIỆN"
    headings = [b["text"] for b in outline["blocks"] if b["type"] == "heading"]
    assert headings[0].startswith("I. KẾT QUẢ THỰC HIỆN") and headings[-1].startswith("V. ĐỀ XUẤT")
    table = next(b for b in outline["blocks"] if b["type"] == "table")
    assert len(table["rows"]) == 10  # one line per activity to report on


def test_estimate_groups_add_up_with_legal_basis_and_words(sample):
    store, plan, path = sample
    doc = _build(store, plan, "estimate")
    table = next(b for b in doc["parts"][0]["blocks"] if b["type"] == "table")
    money = lambda text: int(text.replace(".", "") or 0)  # noqa: E731
    groups, current = {}, None
    for row in table["rows"]:
        cells = row["cells"]
        if row["bold"] and cells[1] != "TỔNG CỘNG":
            current = cells[1]
            groups[current] = [money(cells[5]), 0]
        elif not row["bold"] and not row["span"]:
            groups[current][1] += money(cells[5])
            assert cells[6], cells  # a legal basis on every line
    assert all(subtotal == lines for subtotal, lines in groups.values()), groups
    (total,), = _sql(path, "SELECT sum(amount) FROM budget_lines WHERE deleted = 0")
    assert total == 1_394_200_000 == sum(subtotal for subtotal, _ in groups.values())
    assert "Bằng chữ: Một tỷ ba trăm chín mươi bốn triệu hai trăm ngàn đồng." in all_text(doc)
    assert [s[0] for s in doc["signers"]] == ["NGƯỜI LẬP", "KẾ TOÁN", "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"]


def test_submission_cites_the_bases_and_attaches_the_estimate(sample):
    store, plan, _ = sample
    doc = _build(store, plan, "submission")
    text = all_text(doc)
    assert doc["doc_type"] == "TỜ TRÌNH" and "Căn cứ Quyết định số 889/QĐ-TTg" in text
    assert "Kính gửi: Ủy ban nhân dân tỉnh Đồng Nai." in text
    assert "1. Tổng dự toán: 1.394.200.000 đồng (Một tỷ ba trăm chín mươi bốn triệu hai trăm ngàn đồng)." in text
    assert doc["parts"][1]["label"] == "Phụ lục I" and doc["parts"][1]["title"] == "DỰ TOÁN KINH PHÍ"
    assert load_options(store, plan, "submission").number.strip() == "/TTr-SCT"


def test_sign_in_sheet_lists_everyone_registered_with_a_signature_column(sample):
    store, plan, path = sample
    doc = _build(store, plan, "sign-in")
    table = next(b for b in doc["parts"][0]["blocks"] if b["type"] == "table")
    (registered,), = _sql(path, "SELECT count(*) FROM participants WHERE deleted = 0")
    assert len(table["rows"]) == registered == 300
    assert table["columns"][-1]["title"] == "Ký tên" and all(r["cells"][-1] == "" for r in table["rows"])
    assert doc.get("no_number") and "(Số liệu tính đến ngày 25/12/2024)" in all_text(doc)


def test_allowance_list_pays_attendees_without_salary_for_each_day(sample):
    store, plan, path = sample
    (paid,), = _sql(path, "SELECT count(*) FROM participants WHERE deleted = 0 AND attended = 1 AND "
                          "coalesce(org_kind, '') NOT IN ('department', 'district')")
    (price,), = _sql(path, "SELECT unit_price FROM budget_lines WHERE item LIKE 'Hỗ trợ tiền ăn%'")
    doc = _build(store, plan, "allowance")
    table = next(b for b in doc["parts"][0]["blocks"] if b["type"] == "table")
    people = [r for r in table["rows"] if not r["bold"] and not r["span"]]
    assert len(people) == paid
    days = 2  # the sample course runs 16–17/07/2024
    total = paid * days * price
    totals = next(r for r in table["rows"] if r["bold"])
    assert totals["cells"][5] == f"{total:,}".replace(",", ".")
    assert table["columns"][-1]["title"] == "Ký nhận"


def test_report_to_the_province_compiles_the_evaluation(sample):
    store, plan, path = sample
    text = " ".join(all_text(_build(store, plan, "plan-report")).split())
    # Unfinished activities with their progress and the reason recorded (or a request to add it).
    assert "Các hoạt động chưa hoàn thành (03):" in text
    assert "đạt 60%; đang tư vấn áp dụng mô hình tại doanh nghiệp mẫu" in text
    assert "II.2.5 Tổ chức Hội thảo tham vấn: chưa thực hiện, đạt 0%; chưa ghi lý do" in text
    # What each office reported, and who is late or missing, by name.
    sent = _sql(path, "SELECT a.name, r.submitted_date FROM office_reports r JOIN agencies a ON a.id = r.agency_id "
                      "WHERE r.deleted = 0 AND r.submitted_date IS NOT NULL AND r.submitted_date != ''")
    assert len(sent) == 13
    for name, date in sent:
        assert f"- {name} (báo cáo ngày {date[8:10]}/{date[5:7]}/{date[:4]}):" in text
    assert "03 đơn vị chưa gửi báo cáo (Đài Phát thanh và Truyền hình Đồng Nai" in text
    # Budget allocated / disbursed / remaining with a proposal for the remainder.
    assert "còn lại 268.062.000 đồng" in text
    assert "Kinh phí còn lại chưa giải ngân: 268.062.000 đồng" in text and "Đề xuất: tiếp tục sử dụng" in text
    for heading in ("III. ĐÁNH GIÁ CHUNG", "IV. KHÓ KHĂN, VƯỚNG MẮC", "V. ĐỀ XUẤT, KIẾN NGHỊ"):
        assert heading in text
