"""Task figures on a small plan worked out by hand: a content item's status and progress rolled up from its activities
(mean rounded half up to a whole per cent; "done" only when all are done, "not started" only when none has started,
"paused" when every unfinished one is paused), counts and the average over activities (half up to one decimal),
overdue = not done and past the deadline (the deadline day itself is not overdue), agency names as of the date."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.figures.tasks import TaskFigures, rolled_up, task_figures

AS_OF = dt.date(2024, 7, 1)


def _act(status, progress):
    return {"status": status, "progress": progress}


@pytest.mark.parametrize(("activities", "expected"), [
    ([], ("not_started", 0.0)),  # a content item without activities: nothing has started
    ([_act("done", 100), _act("done", 100)], ("done", 100.0)),
    ([_act("done", 100), _act("in_progress", 85)], ("in_progress", 93.0)),  # 185 / 2 = 92,5 → 93 (half up)
    ([_act("done", 100), _act("not_started", 0)], ("in_progress", 50.0)),  # one started: the item has started
    ([_act("not_started", 0), _act("not_started", None)], ("not_started", 0.0)),  # a missing progress counts as 0
    ([_act("not_started", 0), _act("not_started", 10)], ("in_progress", 5.0)),  # typed progress: it has started
    ([_act("done", 100), _act("paused", 40)], ("paused", 70.0)),  # every unfinished activity is paused
    ([_act("paused", 20), _act("paused", 30)], ("paused", 25.0)),
    ([_act("paused", 20), _act("in_progress", 30)], ("in_progress", 25.0)),  # one still going
    ([_act("paused", 0), _act("not_started", 0)], ("in_progress", 0.0)),  # neither all paused nor none started
    ([_act("in_progress", 0), _act("not_started", 0)], ("in_progress", 0.0)),  # begun, nothing to show yet
    ([_act("in_progress", 33), _act("in_progress", 34), _act("in_progress", 34)], ("in_progress", 34.0)),  # 33,67
    ([_act("in_progress", 10), _act("in_progress", 10), _act("in_progress", 11)], ("in_progress", 10.0)),  # 10,33
])
def test_a_content_item_rolled_up_from_its_activities(activities, expected):
    status, progress = rolled_up(activities)
    assert (status, progress) == expected
    assert isinstance(progress, float)


def _plan(store, number="1/KH-SCT", year=2024):
    return store.repo("plans").add({"number": number, "year": year, "title": "Kế hoạch", "issuer": "UBND tỉnh",
                                    "total_budget": 1_000_000})


def _task(store, plan, code, seq, kind, status, progress, *, parent=None, end=None, lead=None, coordinating=()):
    return store.repo("tasks").add({
        "plan_id": plan["id"], "parent_id": parent["id"] if parent else None, "code": code, "seq": seq, "kind": kind,
        "title": f"Nhiệm vụ {code}", "status": status, "progress": progress, "end_date": end,
        "lead_agency_id": lead["id"] if lead else None,
        "coordinating_ids": json.dumps([a["id"] if isinstance(a, dict) else a for a in coordinating])})


@pytest.fixture
def small_plan(empty_store):
    """I (content) ⊃ I.1 (content ⊃ I.1.1, I.1.2) and I.2; II (content, no activity); the seq order differs from the
    order they were added in."""
    store = empty_store
    plan = _plan(store)
    agencies = store.repo("agencies")
    renamed = agencies.add({"code": "SCT", "name": "Sở Công Thương mới", "kind": "department",
                            "former_name": "Sở Công Thương cũ", "renamed_on": "2024-07-01"})
    other = agencies.add({"code": "STC", "name": "Sở Tài chính", "kind": "department"})
    gone = agencies.add({"code": "SKHDT", "name": "Sở Kế hoạch và Đầu tư", "kind": "department"})
    t = {}
    t["II"] = _task(store, plan, "II", 50, "content", "in_progress", 30)
    t["I"] = _task(store, plan, "I", 10, "content", "done", 100, lead=renamed)
    t["I.2"] = _task(store, plan, "I.2", 40, "activity", "in_progress", 40.5, parent=t["I"], end="2024-07-01",
                     lead=other, coordinating=[renamed, gone])
    # SKHDT deleted elsewhere and merged in (the row stays, marked deleted): history keeps printing its name. An id
    # no agency bears (a damaged or hand-edited file) is left out, not printed as a blank.
    ids = json.dumps([renamed["id"], "no-such-agency", gone["id"]])
    with store.atomic():
        store.db.execute("UPDATE agencies SET deleted = 1 WHERE id = ?", [gone["id"]])
        store.db.execute("UPDATE tasks SET coordinating_ids = ? WHERE id = ?", [ids, t["I.2"]["id"]])
    t["I.1"] = _task(store, plan, "I.1", 20, "content", "not_started", 0, parent=t["I"], end="2024-06-30")
    t["I.1.2"] = _task(store, plan, "I.1.2", 30, "activity", "paused", None, parent=t["I.1"], end="2024-06-30")
    t["I.1.1"] = _task(store, plan, "I.1.1", 25, "activity", "done", 100, parent=t["I.1"], end="2024-01-31")
    return store, plan, t, (renamed, other, gone)


def test_outline_order_depths_and_rolled_up_content_items(small_plan):
    store, plan, t, _ = small_plan
    f = task_figures(store, plan["id"], AS_OF)
    assert [(r["code"], r["depth"]) for r in f.rows] == [("I", 0), ("I.1", 1), ("I.1.1", 2), ("I.1.2", 2),
                                                         ("I.2", 1), ("II", 0)]
    rows = f.by_code
    assert set(rows) == {"I", "I.1", "I.1.1", "I.1.2", "I.2", "II"}
    # I.1 from I.1.1 (done, 100) and I.1.2 (paused, no progress = 0): 50, paused (its only unfinished one is paused).
    assert (rows["I.1"]["status"], rows["I.1"]["progress"]) == ("paused", 50.0)
    assert rows["I.1"]["status_title"] == "Tạm dừng"
    assert (rows["I.1"]["stored_status"], rows["I.1"]["stored_progress"]) == ("not_started", 0.0)
    # I from every activity below it, I.1's included: (100 + 0 + 40,5) / 3 = 46,83 → 47, in progress (I.2 is).
    assert (rows["I"]["status"], rows["I"]["progress"]) == ("in_progress", 47.0)
    assert (rows["I"]["stored_status"], rows["I"]["stored_progress"]) == ("done", 100.0)
    assert rows["I"]["status_title"] == "Đang thực hiện"
    # II has no activities: what was typed on it stands.
    assert (rows["II"]["status"], rows["II"]["progress"], rows["II"]["status_title"]) == ("in_progress", 30.0,
                                                                                          "Đang thực hiện")
    # An activity keeps what was typed; a missing progress reads 0.
    assert (rows["I.1.2"]["status"], rows["I.1.2"]["progress"]) == ("paused", 0.0)
    assert isinstance(rows["I.1.2"]["progress"], float) and isinstance(rows["I.2"]["progress"], float)
    assert rows["I.2"]["progress"] == 40.5 and rows["I.2"]["stored_progress"] == 40.5
    assert rows["I.1.2"]["stored_progress"] == 0.0


def test_counts_average_and_overdue_are_over_activities(small_plan):
    store, plan, t, _ = small_plan
    f = task_figures(store, plan["id"], AS_OF)
    assert f.activities == 3
    assert dict(f.by_status) == {"done": 1, "paused": 1, "in_progress": 1}
    assert f.average_progress == 46.8  # (100 + 0 + 40,5) / 3 = 46,833… → 46,8
    # I.1.2 (paused, deadline 30/6) is overdue on 1/7; I.1.1 is done; I.2's deadline is 1/7 itself: not yet overdue.
    # I.1 (content, deadline 30/6) is overdue too but is not counted: counts are over activities.
    assert [r["code"] for r in f.overdue] == ["I.1.2"]
    assert f.by_code["I.1"]["overdue"] is True
    assert f.by_code["I.2"]["overdue"] is False and f.by_code["I.1.1"]["overdue"] is False
    later = task_figures(store, plan["id"], AS_OF + dt.timedelta(days=1))
    assert [r["code"] for r in later.overdue] == ["I.1.2", "I.2"]


def test_average_progress_rounds_halves_up_to_one_decimal(empty_store):
    store = empty_store
    plan = _plan(store)
    item = _task(store, plan, "I", 1, "content", "in_progress", 0)
    _task(store, plan, "I.1", 2, "activity", "in_progress", 0.5, parent=item)
    _task(store, plan, "I.2", 3, "activity", "in_progress", 0, parent=item)
    f = task_figures(store, plan["id"], AS_OF)
    assert f.average_progress == 0.3  # 0,5 / 2 = 0,25 → 0,3 (half up, not 0,2)
    assert f.by_code["I"]["progress"] == 0.0  # the item's own: 0,25 → 0 to a whole per cent


def test_agency_names_as_of_the_date_deleted_ones_kept_unknown_ones_left_out(small_plan):
    store, plan, t, _ = small_plan
    before = task_figures(store, plan["id"], AS_OF - dt.timedelta(days=1)).by_code
    on = task_figures(store, plan["id"], AS_OF).by_code
    assert before["I"]["lead"] == "Sở Công Thương cũ"  # renamed on 1/7: the old name the day before
    assert on["I"]["lead"] == "Sở Công Thương mới"
    assert on["I.2"]["lead"] == "Sở Tài chính"
    assert on["I.2"]["coordinating"] == "Sở Công Thương mới, Sở Kế hoạch và Đầu tư"  # the unknown id left out
    assert before["I.2"]["coordinating"] == "Sở Công Thương cũ, Sở Kế hoạch và Đầu tư"
    assert on["II"]["lead"] == "" and on["II"]["coordinating"] == ""


def test_a_plan_without_activities_counts_its_content_items(empty_store):
    store = empty_store
    plan = _plan(store)
    _task(store, plan, "I", 1, "content", "done", 100, end="2024-03-31")
    _task(store, plan, "II", 2, "content", "in_progress", 25, end="2024-06-30")
    _task(store, plan, None, 3, "content", "not_started", 0, end="2024-12-31")  # no code: not in by_code
    f = task_figures(store, plan["id"], AS_OF)
    assert f.activities == 3
    assert dict(f.by_status) == {"done": 1, "in_progress": 1, "not_started": 1}
    assert f.average_progress == 41.7  # 125 / 3 = 41,67 → 41,7
    assert [r["code"] for r in f.overdue] == ["II"]
    assert set(f.by_code) == {"I", "II"}


def test_an_activity_with_steps_below_it_keeps_what_was_typed_and_all_at_zero_averages_zero(empty_store):
    store = empty_store
    plan = _plan(store)
    activity = _task(store, plan, "I.1", 1, "activity", "in_progress", 0)
    _task(store, plan, "I.1.a", 2, "activity", "not_started", 0, parent=activity)
    f = task_figures(store, plan["id"], AS_OF)
    # Only a content item is rolled up: the activity stays "in progress" (its step below has not started).
    assert (f.by_code["I.1"]["status"], f.by_code["I.1"]["progress"]) == ("in_progress", 0.0)
    assert f.activities == 2 and dict(f.by_status) == {"in_progress": 1, "not_started": 1}
    assert f.average_progress == 0.0


def test_figures_of_no_plan_count_nothing():
    f = TaskFigures()  # before anything is counted: task_figures starts from it
    assert (f.rows, f.activities, dict(f.by_status), f.average_progress, f.overdue, f.by_code) == ([], 0, {}, 0.0,
                                                                                                   [], {})


def test_an_empty_plan_and_a_task_whose_parent_is_in_another_plan(empty_store):
    store = empty_store
    plan, other = _plan(store), _plan(store, "2/KH-SCT", 2025)
    f = task_figures(store, plan["id"], AS_OF)
    assert (f.rows, f.activities, f.average_progress, f.overdue) == ([], 0, 0.0, [])
    foreign = _task(store, other, "I", 1, "content", "in_progress", 10)
    _task(store, plan, "I.1", 1, "activity", "in_progress", 60, parent=foreign)
    f = task_figures(store, plan["id"], AS_OF)
    assert [(r["code"], r["depth"]) for r in f.rows] == [("I.1", 0)]  # shown at the top, not lost
    assert f.average_progress == 60.0
