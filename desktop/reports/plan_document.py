"""The plan itself (kế hoạch) printed from the data in the layout of the province's own document: legal bases,
purpose and objectives, the contents with their activities and timing, who does what, the budget, the closing, the
recipients and the signer. For the 2024 plan the text is that of the seed document; a new year's plan (made with
"Kế hoạch năm mới", status draft) prints marked "DỰ THẢO". Qt-free.
"""

from __future__ import annotations

from dataclasses import replace

from desktop.figures import PlanFigures
from desktop.reports import model as m
from desktop.reports import sections as s
from desktop.reports.options import ReportOptions, agency_caps
from desktop.store import Store

LEVEL_NUMBERS = "123456789"


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _quarters(task: dict, year: object) -> str:
    return f"Quý {task['quarters']} năm {year}" if task.get("quarters") else ""


def plan_document(store: Store, plan: dict, options: ReportOptions, figures: PlanFigures) -> dict:
    """The plan as a document model (see the module docstring)."""
    year = plan["year"]
    blocks: list[dict] = []
    for basis in store.repo("legal_bases").rows(plan_id=plan["id"]):
        blocks.append(m.paragraph(basis["title"], italic=True))
    if plan.get("preamble"):
        blocks.append(m.paragraph(plan["preamble"]))
    blocks.append(m.heading("I. MỤC ĐÍCH, MỤC TIÊU KẾ HOẠCH"))
    blocks.append(m.heading("1. Mục đích", 2))
    if plan.get("purpose"):
        blocks.append(m.paragraph(plan["purpose"]))
    blocks.append(m.heading("2. Mục tiêu kế hoạch", 2))
    if plan.get("objectives_intro"):
        blocks.append(m.paragraph(plan["objectives_intro"]))
    for objective in store.repo("objectives").rows(plan_id=plan["id"]):
        code = f"{objective['code']}) " if objective.get("code") else ""
        blocks.append(m.paragraph(f"{code}{objective['text']}"))
    blocks.append(m.heading("II. NỘI DUNG THỰC HIỆN KẾ HOẠCH"))
    contents = [t for t in figures.tasks.rows if t["kind"] == "content"]
    for number, content in enumerate(contents, 1):
        blocks.append(m.heading(f"{number}. {s.full(content['title'])}", 2))
        activities = [t for t in figures.tasks.rows if t.get("parent_id") == content["id"]]
        for activity in activities:
            text = s.full(activity["title"]) + "."
            if activity.get("expected_output") and activity["expected_output"] != content.get("expected_output"):
                text += f" {activity['expected_output']}"
            blocks.append(m.paragraph(f"- {text}"))
        if content.get("expected_output"):
            blocks.append(m.paragraph(f"- {content['expected_output']}"))
        timing = _quarters(content, year) or next((_quarters(a, year) for a in activities if a.get("quarters")), "")
        if timing:
            blocks.append(m.paragraph(f"- Tiến độ thực hiện: {timing}."))
    blocks.append(m.heading("III. TỔ CHỨC THỰC HIỆN"))
    for number, duty in enumerate(store.repo("responsibilities").rows(plan_id=plan["id"]), 1):
        blocks.append(m.heading(f"{number}. {duty['heading']}", 2))
        blocks += [m.paragraph(line) for line in _lines(duty.get("duties"))]
    blocks.append(m.heading("IV. KINH PHÍ THỰC HIỆN"))
    if plan.get("budget_intro"):
        blocks.append(m.paragraph(plan["budget_intro"]))
    else:
        blocks.append(m.paragraph(f"Tổng dự toán kinh phí thực hiện Kế hoạch năm {year} là: "
                                  f"{s.money(plan['total_budget'])} ({s.words(plan['total_budget'], options)})."))
    if plan.get("funding_source"):
        blocks.append(m.paragraph(f"Nguồn kinh phí thực hiện: {plan['funding_source']}."))
    if plan.get("closing"):
        blocks.append(m.paragraph(plan["closing"]))
    issuer = plan.get("issuer") or "Ủy ban nhân dân tỉnh"
    signed = replace(options, parent_agency=agency_caps(plan.get("parent_agency") or ""),
                     issuing_agency=_issuer_lines(issuer), number=f"      {plan.get('number') or '/KH-UBND'}",
                     signer_authority=plan.get("signer_authority") or "",
                     signer_title=plan.get("signer_title") or "", signer_name=plan.get("signer_name") or "",
                     recipients=tuple(line.rstrip(";.") for line in _lines(plan.get("recipients"))) or
                     options.recipients)
    date = plan.get("issue_date") or ""
    doc = m.document("plan", "KẾ HOẠCH", s.full(plan["title"]), [m.part(blocks)], options=_asdict(signed),
                     signature=True)
    if not date:
        doc["date_line"] = f"{plan.get('place') or options.place}, ngày      tháng      năm {year}"
    else:
        doc["options"]["date"] = date
    if plan.get("status") == "draft":
        doc["draft"] = True
    return doc


def _issuer_lines(issuer: str) -> str:
    """"Ủy ban nhân dân tỉnh Đồng Nai" → "ỦY BAN NHÂN DÂN\\nTỈNH ĐỒNG NAI" as the plan's header block writes it."""
    text = issuer.strip()
    for long in ("Ủy ban nhân dân", "Uỷ ban nhân dân"):
        if text.startswith(long):
            return f"ỦY BAN NHÂN DÂN\n{text[len(long):].strip().upper()}"
    return text.upper()


def _asdict(options: ReportOptions) -> dict:
    from dataclasses import asdict

    return asdict(options)
