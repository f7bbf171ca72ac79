"""The plan summary: counts and totals of every plan, as `sxtdbv summary --json` prints them."""

from __future__ import annotations

from desktop.domain.rows import Row
from desktop.store import Store


def _scalar(store: Store, sql: str, params: list[object]) -> int:
    value = store.db.execute(sql, params).fetchone()[0]
    return int(value or 0)


def plan_summary(store: Store, plan: Row) -> Row:
    """Counts (live rows only) and totals of one plan."""
    pid = [plan["id"]]
    live = "deleted = 0 AND plan_id = ?"
    count = {
        name: _scalar(store, f"SELECT count(*) FROM {table} WHERE {live}", pid)
        for name, table in (("legal_bases", "legal_bases"), ("objectives", "objectives"),
                            ("responsibilities", "responsibilities"), ("enterprises", "enterprises"))
    }
    indicators = _scalar(store, "SELECT count(*) FROM indicators i JOIN objectives o ON o.id = i.objective_id "
                                "WHERE i.deleted = 0 AND o.deleted = 0 AND o.plan_id = ?", pid)
    content_items = _scalar(store, f"SELECT count(*) FROM tasks WHERE {live} AND kind = 'content'", pid)
    activities = _scalar(store, f"SELECT count(*) FROM tasks WHERE {live} AND kind = 'activity'", pid)
    participants = _scalar(store, "SELECT count(*) FROM participants p JOIN training_courses c ON c.id = p.course_id "
                                  "WHERE p.deleted = 0 AND c.deleted = 0 AND c.plan_id = ?", pid)
    budget_lines_total = _scalar(store, f"SELECT sum(amount) FROM budget_lines WHERE {live}", pid)
    deadlines = sorted({
        row[0] for row in store.db.execute(
            f"SELECT report_deadline FROM responsibilities WHERE {live} AND report_deadline IS NOT NULL "
            f"UNION SELECT due_date FROM office_reports WHERE {live} AND due_date IS NOT NULL", pid + pid)
        if row[0]
    })
    return {
        "id": plan["id"],
        "number": plan["number"],
        "year": plan["year"],
        "title": plan["title"],
        "total_budget": plan["total_budget"],
        "budget_lines_total": budget_lines_total,
        "legal_bases": count["legal_bases"],
        "objectives": count["objectives"],
        "indicators": indicators,
        "content_items": content_items,
        "activities": activities,
        "responsibilities": count["responsibilities"],
        "participants": participants,
        "enterprises": count["enterprises"],
        "deadlines": deadlines,
    }


def database_summary(store: Store) -> Row:
    """The whole database: schema version, number of agencies, and each plan's summary (by year)."""
    plans = store.repo("plans").rows(order_by=("year", "rowid"))
    return {
        "schema_version": store.schema_version,
        "agencies": store.repo("agencies").count(),
        "plans": [plan_summary(store, plan) for plan in plans],
    }
