"""The budget figures of a small estimate worked out by hand: totals, difference against the plan total (its sign),
what remains, the execution percentage, totals by funding source and by content item, payments in date order."""

from __future__ import annotations

from desktop.figures.budget import budget_figures

PLAN_TOTAL = 1_394_200_000  # the 2024 plan's total (seed)


def _line(store, plan, task_code, item, quantity, price, source):
    task = store.repo("tasks").rows(code=task_code)[0]["id"] if task_code else None
    return store.repo("budget_lines").add({"plan_id": plan["id"], "task_id": task, "item": item, "unit": "gói",
                                           "quantity": quantity, "unit_price": price, "amount": quantity * price,
                                           "funding_source": source})


def _pay(store, line, date, amount, voucher):
    store.repo("disbursements").add({"budget_line_id": line["id"], "date": date, "amount": amount,
                                     "voucher": voucher})


def test_a_small_estimate_by_hand(seeded_store):
    store = seeded_store
    plan = store.repo("plans").rows()[0]
    hall = _line(store, plan, "II.1.1", "Thuê hội trường", 2, 15_000_000, "Ngân sách tỉnh")  # under II.1
    books = _line(store, plan, "II.1", "In tài liệu", 1, 20_000_000, "Ngân sách tỉnh")
    other = _line(store, plan, None, "Văn phòng phẩm", 1, 5_000_000, None)
    # Vouchers numbered against the dates, and two on one day: the list goes by date, then voucher.
    _pay(store, hall, "2024-09-05", 3_000_000, "PC-01")
    _pay(store, hall, "2024-08-20", 12_000_000, "PC-03")
    _pay(store, other, "2024-08-20", 5_000_000, "PC-02")

    f = budget_figures(store, plan)
    assert f.total_budget == PLAN_TOTAL
    assert f.estimate_total == 30_000_000 + 20_000_000 + 5_000_000 == 55_000_000
    assert f.disbursed_total == 12_000_000 + 3_000_000 + 5_000_000 == 20_000_000
    assert f.difference == PLAN_TOTAL - 55_000_000 == 1_339_200_000  # positive: not yet allocated to lines
    assert not f.matches
    assert f.remaining == 35_000_000
    assert f.execution_percent == 36.4  # 20 / 55 = 36,36…% → 36,4
    assert f.disbursed_by_line == {hall["id"]: 15_000_000, books["id"]: 0, other["id"]: 5_000_000}
    assert f.by_source == {"Ngân sách tỉnh": (50_000_000, 15_000_000), "Chưa ghi nguồn": (5_000_000, 5_000_000)}
    # II.1.1's line counts under its content item II.1; a line without task under "Khác", last.
    assert f.by_task == [("II.1", 50_000_000, 15_000_000), ("Khác", 5_000_000, 5_000_000)]
    assert [g["title"] for g in f.groups][-1] == "Các khoản chi khác"
    assert [d["voucher"] for d in f.disbursements] == ["PC-02", "PC-03", "PC-01"]
    assert [d["item"] for d in f.disbursements] == ["Văn phòng phẩm", "Thuê hội trường", "Thuê hội trường"]


def test_an_estimate_equal_to_the_plan_total_matches_and_one_above_it_is_negative(seeded_store):
    store = seeded_store
    plan = store.repo("plans").rows()[0]
    whole = _line(store, plan, "II.1", "Toàn bộ", 1, PLAN_TOTAL, "Ngân sách tỉnh")
    f = budget_figures(store, plan)
    assert f.difference == 0 and f.matches
    assert f.execution_percent == 0.0 and f.remaining == PLAN_TOTAL
    store.repo("budget_lines").update(whole["id"], {"unit_price": PLAN_TOTAL + 1_000, "amount": PLAN_TOTAL + 1_000})
    f = budget_figures(store, plan)
    assert f.difference == -1_000 and not f.matches

