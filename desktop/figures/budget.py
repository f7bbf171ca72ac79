"""Budget figures: the estimate lines against the plan total, disbursements, totals by source and by content item."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.domain.rows import Row
from desktop.figures.rounding import percent_of
from desktop.store import Store


@dataclass
class BudgetFigures:
    """Estimate lines against the plan total, with disbursements.

    Rules: `estimate_total` is the sum of the lines; `difference` = plan total − estimate total (positive: part of the
    plan total not yet allocated to lines; negative: the lines exceed the total; 0: the estimate matches);
    `remaining` = estimate total − disbursed; `execution_percent` = disbursed / estimate total, rounded half up to
    one decimal. Lines are grouped under the content item (top-level task) of their task, "Khác" when they have none.
    """

    total_budget: int = 0
    lines: list[Row] = field(default_factory=list)
    estimate_total: int = 0
    difference: int = 0
    disbursed_total: int = 0
    remaining: int = 0
    execution_percent: float | None = None
    disbursed_by_line: dict[str, int] = field(default_factory=dict)
    disbursements: list[Row] = field(default_factory=list)
    by_source: dict[str, tuple[int, int]] = field(default_factory=dict)
    by_task: list[tuple[str, int, int]] = field(default_factory=list)
    groups: list[Row] = field(default_factory=list)

    @property
    def matches(self) -> bool:
        """True when the estimate adds up to the plan total."""
        return self.difference == 0


def budget_figures(store: Store, plan: Row) -> BudgetFigures:
    """The plan's estimate lines, what was disbursed on each, and totals by funding source and by content item."""
    figures = BudgetFigures(total_budget=int(plan["total_budget"] or 0))
    figures.lines = store.repo("budget_lines").rows(plan_id=plan["id"], order_by=("seq", "rowid"))
    tasks = {t["id"]: t for t in store.repo("tasks").rows(plan_id=plan["id"], order_by=("seq", "rowid"))}
    groups: dict[str, Row] = {}
    for line in figures.lines:
        paid = store.repo("disbursements").rows(budget_line_id=line["id"], order_by=("date", "rowid"))
        figures.disbursements += [{**d, "item": line["item"]} for d in paid]
        amount = sum(int(d["amount"] or 0) for d in paid)
        estimate = int(line["amount"] or 0)
        figures.disbursed_by_line[line["id"]] = amount
        figures.estimate_total += estimate
        figures.disbursed_total += amount
        source = line["funding_source"] or "Chưa ghi nguồn"
        est, dis = figures.by_source.get(source, (0, 0))
        figures.by_source[source] = (est + estimate, dis + amount)
        top = tasks.get(line["task_id"] or "")
        while top and top.get("parent_id") and top["parent_id"] in tasks:
            top = tasks[top["parent_id"]]
        key = top["code"] if top and top.get("code") else "Khác"
        # Lines under no task and under a content item not numbered yet share "Khác": titled and placed as such
        # whichever of them comes first.
        head = top if key != "Khác" else None
        group = groups.setdefault(key, {"code": key, "title": head["title"] if head else "Các khoản chi khác",
                                        "seq": list(tasks).index(head["id"]) if head else len(tasks),
                                        "lines": [], "estimate": 0, "disbursed": 0})
        group["lines"].append(line)
        group["estimate"] += estimate
        group["disbursed"] += amount
    figures.disbursements.sort(key=lambda d: (d["date"] or "", d["voucher"] or ""))
    figures.groups = sorted(groups.values(), key=lambda g: (g["seq"], g["code"]))
    figures.by_task = [(g["code"], g["estimate"], g["disbursed"]) for g in figures.groups]
    figures.difference = figures.total_budget - figures.estimate_total
    figures.remaining = figures.estimate_total - figures.disbursed_total
    figures.execution_percent = percent_of(figures.disbursed_total, figures.estimate_total)
    return figures
