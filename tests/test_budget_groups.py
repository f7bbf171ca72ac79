"""The budget figures on a plan of our own, worked out by hand: the plan total against the lines (not yet allocated,
matching, over the total), what was disbursed and what remains, lines grouped under their content item in outline
order, amounts left empty counted as nothing."""

from __future__ import annotations

import pytest

from desktop.figures.budget import BudgetFigures, budget_figures


def _plan(store, total: int = 100_000_000) -> dict:
    plan = store.repo("plans").add({"issuer": "UBND tỉnh Đồng Nai", "year": 2099, "title": "Kế hoạch thử",
                                    "total_budget": total})
    return plan


def _task(store, plan, code, title, seq, parent=None, kind="content") -> dict:
    return store.repo("tasks").add({"plan_id": plan["id"], "code": code, "title": title, "seq": seq, "kind": kind,
                                    "parent_id": parent["id"] if parent else None, "status": "not_started"})


def _line(store, plan, task, item, amount, source=None, seq=None) -> dict:
    return store.repo("budget_lines").add({"plan_id": plan["id"], "task_id": task["id"] if task else None,
                                           "item": item, "amount": amount, "funding_source": source, "seq": seq})


def _pay(store, line, date, amount, voucher=None) -> None:
    store.repo("disbursements").add({"budget_line_id": line["id"], "date": date, "amount": amount,
                                     "voucher": voucher})


def test_lines_grouped_under_their_content_item_in_outline_order(empty_store):
    store = empty_store
    plan = _plan(store)
    # Added out of order: the outline goes by number (seq), not by when the item was typed.
    second = _task(store, plan, "II", "Tập huấn", 2)
    first = _task(store, plan, "I", "Khảo sát", 1)
    course = _task(store, plan, "II.1", "Lớp tập huấn", 1, parent=second)
    lesson = _task(store, plan, "II.1.1", "Biên soạn tài liệu", 1, parent=course, kind="activity")
    uncoded = _task(store, plan, None, "Việc chưa đánh số", 3)
    l1 = _line(store, plan, lesson, "Biên soạn", 12_000_000, "Ngân sách tỉnh", seq=1)
    l2 = _line(store, plan, None, "Văn phòng phẩm", 3_000_000, seq=2)
    l3 = _line(store, plan, first, "Phiếu khảo sát", 5_000_000, "Ngân sách tỉnh", seq=3)
    l4 = _line(store, plan, second, "Hội trường", 8_000_000, "Vốn doanh nghiệp", seq=4)
    l5 = _line(store, plan, uncoded, "Chi khác", 1_000_000, seq=5)
    _pay(store, l1, "2099-03-01", 2_000_000, "PC-01")
    _pay(store, l4, "2099-04-01", 8_000_000, "PC-02")
    _pay(store, l4, "2099-02-01", 0, "PC-00")
    f = budget_figures(store, plan)
    # I: 5; II (II.1.1 two levels down and II itself): 12 + 8 = 20; "Khác": the line without task and the task
    # without a code, 3 + 1, last.
    assert [(g["code"], g["title"], g["estimate"], g["disbursed"]) for g in f.groups] == [
        ("I", "Khảo sát", 5_000_000, 0), ("II", "Tập huấn", 20_000_000, 10_000_000),
        ("Khác", "Các khoản chi khác", 4_000_000, 0)]
    assert [[line["item"] for line in g["lines"]] for g in f.groups] == [
        ["Phiếu khảo sát"], ["Biên soạn", "Hội trường"], ["Văn phòng phẩm", "Chi khác"]]
    assert f.by_task == [("I", 5_000_000, 0), ("II", 20_000_000, 10_000_000), ("Khác", 4_000_000, 0)]
    assert f.by_source == {"Ngân sách tỉnh": (17_000_000, 2_000_000), "Vốn doanh nghiệp": (8_000_000, 8_000_000),
                           "Chưa ghi nguồn": (4_000_000, 0)}
    assert [line["item"] for line in f.lines] == ["Biên soạn", "Văn phòng phẩm", "Phiếu khảo sát", "Hội trường",
                                                 "Chi khác"]
    assert f.disbursed_by_line == {l1["id"]: 2_000_000, l2["id"]: 0, l3["id"]: 0, l4["id"]: 8_000_000,
                                   l5["id"]: 0}
    assert [(d["voucher"], d["item"]) for d in f.disbursements] == [
        ("PC-00", "Hội trường"), ("PC-01", "Biên soạn"), ("PC-02", "Hội trường")]
    assert (f.estimate_total, f.disbursed_total, f.remaining) == (29_000_000, 10_000_000, 19_000_000)
    assert f.difference == 100_000_000 - 29_000_000  # not yet allocated to lines
    assert f.execution_percent == 34.5  # 10 / 29 = 34,48…%


def test_a_group_titled_khac_never_mixes_with_the_uncoded(empty_store):
    store = empty_store
    plan = _plan(store)
    first = _task(store, plan, "I", "Khảo sát", 1)
    _line(store, plan, None, "Không thuộc nhiệm vụ", 1_000_000)
    _line(store, plan, first, "Phiếu", 2_000_000)
    f = budget_figures(store, plan)
    assert [(g["code"], g["estimate"]) for g in f.groups] == [("I", 2_000_000), ("Khác", 1_000_000)]


def test_khac_keeps_its_title_and_place_when_an_uncoded_item_comes_first(empty_store):
    # The uncoded item's line first used to make the whole "Khác" group take its title and its place in the outline.
    store = empty_store
    plan = _plan(store)
    uncoded = _task(store, plan, None, "Việc chưa đánh số", 1)
    second = _task(store, plan, "II", "Tập huấn", 2)
    _line(store, plan, uncoded, "Chi việc chưa đánh số", 3_000_000, seq=1)
    _line(store, plan, None, "Không thuộc nhiệm vụ", 1_000_000, seq=2)
    _line(store, plan, second, "Hội trường", 8_000_000, seq=3)
    f = budget_figures(store, plan)
    assert [(g["code"], g["title"], g["estimate"]) for g in f.groups] == [
        ("II", "Tập huấn", 8_000_000), ("Khác", "Các khoản chi khác", 4_000_000)]


def test_a_content_item_numbered_after_k_heads_its_own_group(empty_store):
    # "V" (the fifth content item) sorts after "Khác": it is still a content item's group, titled and placed as such.
    store = empty_store
    plan = _plan(store)
    fifth = _task(store, plan, "V", "Tổng kết", 5)
    _line(store, plan, fifth, "Hội nghị tổng kết", 6_000_000)
    _line(store, plan, None, "Không thuộc nhiệm vụ", 1_000_000)
    f = budget_figures(store, plan)
    assert [(g["code"], g["title"], g["estimate"]) for g in f.groups] == [
        ("V", "Tổng kết", 6_000_000), ("Khác", "Các khoản chi khác", 1_000_000)]


def _tombstone_task(store, task) -> None:
    """A task no longer live (deleted by a merge while a line still pointed at it): the figures must not fail."""
    store.db.execute("UPDATE tasks SET deleted = 1 WHERE id = ?", (task["id"],))


def test_a_line_whose_task_is_gone_counts_under_khac(empty_store):
    store = empty_store
    plan = _plan(store)
    gone = _task(store, plan, "III", "Đã xóa", 3)
    line = _line(store, plan, gone, "Còn lại", 2_000_000)
    _tombstone_task(store, gone)
    f = budget_figures(store, plan)
    assert [(g["code"], g["title"], [x["id"] for x in g["lines"]]) for g in f.groups] == [
        ("Khác", "Các khoản chi khác", [line["id"]])]


def test_an_activity_whose_item_is_gone_heads_its_own_group(empty_store):
    store = empty_store
    plan = _plan(store)
    first = _task(store, plan, "I", "Khảo sát", 1)
    item = _task(store, plan, "IV", "Nội dung đã xóa", 4)
    activity = _task(store, plan, "IV.1", "Hoạt động còn lại", 1, parent=item, kind="activity")
    _line(store, plan, activity, "Chi hoạt động", 2_000_000)
    _line(store, plan, first, "Phiếu", 1_000_000)
    _tombstone_task(store, item)
    f = budget_figures(store, plan)
    # the outline without IV: I (seq 1), then IV.1 (seq 1 as well, added later)
    assert [(g["code"], g["title"], g["estimate"]) for g in f.groups] == [
        ("I", "Khảo sát", 1_000_000), ("IV.1", "Hoạt động còn lại", 2_000_000)]


@pytest.mark.parametrize(("lines", "difference", "matches"), [
    ([60_000_000, 40_000_000], 0, True),
    ([60_000_000, 40_000_000, 0], 0, True),     # a line at 0 đồng (a hall the Department lends) adds nothing
    ([60_000_000, 39_999_999], 1, False),       # one đồng not yet allocated
    ([60_000_000, 40_000_001], -1, False),      # one đồng over the total
    ([], 100_000_000, False),
])
def test_the_plan_total_against_the_lines(empty_store, lines, difference, matches):
    plan = _plan(empty_store)
    for n, amount in enumerate(lines):
        _line(empty_store, plan, None, f"Khoản {n}", amount)
    f = budget_figures(empty_store, plan)
    assert (f.difference, f.matches, f.estimate_total) == (difference, matches, sum(lines))


def test_nothing_estimated_has_no_execution_rate(empty_store):
    f = budget_figures(empty_store, _plan(empty_store))
    assert (f.estimate_total, f.disbursed_total, f.remaining, f.execution_percent) == (0, 0, 0, None)
    assert (f.groups, f.by_task, f.by_source, f.disbursements) == ([], [], {}, [])


@pytest.mark.parametrize(("paid", "remaining", "percent"), [
    ([], 8_000_000, 0.0), ([1_000_000], 7_000_000, 12.5), ([1_000_000, 3_000_000], 4_000_000, 50.0),
    ([8_000_000], 0, 100.0), ([5_000_000, 4_000_000], -1_000_000, 112.5),  # paid beyond the estimate
    ([4], 7_999_996, 0.0), ([4_000], 7_996_000, 0.1),  # 0,00005 % and 0,05 %: half up to one decimal
])
def test_disbursed_and_remaining(empty_store, paid, remaining, percent):
    plan = _plan(empty_store)
    line = _line(empty_store, plan, None, "Hội trường", 8_000_000)
    for n, amount in enumerate(paid):
        _pay(empty_store, line, f"2099-0{n + 1}-15", amount)
    f = budget_figures(empty_store, plan)
    assert (f.disbursed_total, f.remaining, f.execution_percent) == (sum(paid), remaining, percent)
    assert f.disbursed_by_line == {line["id"]: sum(paid)}


def test_payments_by_date_then_voucher(empty_store):
    store = empty_store
    plan = _plan(store)
    a = _line(store, plan, None, "A", 10_000_000)
    b = _line(store, plan, None, "B", 10_000_000)
    _pay(store, b, "2099-05-02", 1, "PC-02")
    _pay(store, a, "2099-05-02", 1, None)
    _pay(store, a, "2099-05-01", 1, "PC-09")
    _pay(store, b, "2099-05-02", 1, "PC-01")
    f = budget_figures(store, plan)
    assert [(d["date"], d["voucher"], d["item"]) for d in f.disbursements] == [
        ("2099-05-01", "PC-09", "A"), ("2099-05-02", "", "A"), ("2099-05-02", "PC-01", "B"),
        ("2099-05-02", "PC-02", "B")]


def test_a_plan_without_a_total(empty_store):
    f = budget_figures(empty_store, {"id": _plan(empty_store)["id"], "total_budget": None})
    assert (f.total_budget, f.difference, f.matches) == (0, 0, True)


def test_empty_figures():
    assert BudgetFigures().matches and not BudgetFigures(difference=-1).matches
