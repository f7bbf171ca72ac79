"""Office report figures at a date, counted by hand: the due date itself is on time, the day after it late; a report
not handed in is not yet due on its due date and missing the day after; one office can be left out (the
department's own report)."""

from __future__ import annotations

import datetime as dt

from desktop.domain import derived
from desktop.figures.office_reports import office_report_figures


def test_states_at_a_date_and_an_office_left_out(seeded_store):
    store = seeded_store
    plan = store.repo("plans").rows()[0]
    reports = store.repo("office_reports").rows(plan_id=plan["id"], order_by=("due_date", "rowid"))
    assert len(reports) == 17
    for n, report in enumerate(reports):  # all due on 01/12/2024: 3 handed in that day, 2 the day after, 12 not
        submitted = "2024-12-01" if n < 3 else "2024-12-02" if n < 5 else None
        store.repo("office_reports").update(report["id"], {"due_date": "2024-12-01", "submitted_date": submitted})

    on_the_day = office_report_figures(store, plan["id"], dt.date(2024, 12, 1))
    assert on_the_day.count(derived.SUBMITTED_ON_TIME) == 3 and on_the_day.count(derived.SUBMITTED_LATE) == 2
    assert on_the_day.count(derived.NOT_YET_DUE) == 12 and on_the_day.missing == []
    assert len(on_the_day.not_submitted) == 12 and len(on_the_day.late) == 2

    day_after = office_report_figures(store, plan["id"], dt.date(2024, 12, 2))
    assert len(day_after.missing) == 12 and day_after.count(derived.NOT_YET_DUE) == 0
    assert len(day_after.not_submitted) == 12
    assert {r["state_title"] for r in day_after.missing} == {"Quá hạn, chưa nộp"}
    names = {a["id"]: a["name"] for a in store.repo("agencies").rows()}
    first = day_after.rows[0]
    assert first["agency"] == names[first["agency_id"]]
    assert first["recipient"] == (names[first["recipient_id"]] if first["recipient_id"] else "")
    assert any(r["recipient"] for r in day_after.rows)

    left_out = reports[0]["agency_id"]
    theirs = sum(r["agency_id"] == left_out for r in reports)
    without = office_report_figures(store, plan["id"], dt.date(2024, 12, 2), exclude_agency_id=left_out)
    assert len(without.rows) == 17 - theirs and all(r["agency_id"] != left_out for r in without.rows)
