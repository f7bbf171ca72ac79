"""The summaries: their ids and the builders that turn the store's data into a document model (Qt-free).

`build_report(store, "budget")` returns the dict described in desktop/reports/model.py; render.py draws it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from desktop.domain.dates import format_date
from desktop.figures import PlanFigures, as_of_line, plan_figures
from desktop.reports import model as m
from desktop.reports import sections as s
from desktop.reports.options import ReportOptions, load_options
from desktop.store import Store, StoreError


@dataclass(frozen=True)
class ReportInfo:
    """One summary: its stable id (CLI, settings), Vietnamese title and English label (UI, translated)."""

    id: str
    title: str
    label_en: str


REPORTS: tuple[ReportInfo, ...] = (
    ReportInfo("plan-report", "Báo cáo kết quả thực hiện kế hoạch", "Plan implementation report"),
    ReportInfo("tasks", "Tiến độ thực hiện nhiệm vụ", "Task progress"),
    ReportInfo("training", "Kết quả lớp tập huấn", "Training course"),
    ReportInfo("survey", "Kết quả khảo sát doanh nghiệp", "Enterprise survey"),
    ReportInfo("budget", "Dự toán và thực hiện kinh phí", "Budget estimate and execution"),
    ReportInfo("request", "Văn bản đề nghị các đơn vị báo cáo (kèm đề cương)", "Request to the offices to report"),
    ReportInfo("reminder", "Văn bản đôn đốc đơn vị chậm báo cáo", "Reminder to the offices that are late"),
    ReportInfo("estimate", "Dự toán kinh phí (trình phê duyệt)", "Budget estimate for approval"),
    ReportInfo("submission", "Tờ trình phê duyệt dự toán", "Submission of the budget estimate"),
    ReportInfo("sign-in", "Danh sách học viên ký tên", "Training sign-in sheet"),
    ReportInfo("allowance", "Danh sách nhận tiền hỗ trợ", "Allowance list signed on receipt"),
    ReportInfo("plan", "Kế hoạch (văn bản kế hoạch)", "The plan document"),
)
BY_ID = {r.id: r for r in REPORTS}


def report_ids() -> list[str]:
    """The ids of every summary, in menu order."""
    return [r.id for r in REPORTS]


def find_plan(store: Store, plan_id: str | None = None) -> dict:
    """The plan `plan_id`, or the latest plan; StoreError when the database has none."""
    if plan_id:
        return store.repo("plans").get(plan_id)
    plans = store.repo("plans").rows(order_by=("year", "rowid"))
    if not plans:
        raise StoreError("Cơ sở dữ liệu chưa có kế hoạch nào để in báo cáo.")
    return plans[-1]


def build_report(store: Store, report_id: str, *, plan_id: str | None = None,
                 options: ReportOptions | None = None) -> dict:
    """The document model of summary `report_id` for the plan (the latest when none is given)."""
    if report_id not in BY_ID:
        raise StoreError(f"Không có báo cáo “{report_id}”. Các báo cáo: {', '.join(report_ids())}.")
    plan = find_plan(store, plan_id)
    options = options or load_options(store, plan, report_id)
    from desktop.reports.documents import BUILDERS
    from desktop.reports.plan_document import plan_document

    builder = {"plan-report": _plan_report, "tasks": _tasks_report, "training": _training_report,
               "survey": _survey_report, "budget": _budget_report, "plan": plan_document,
               **BUILDERS}[report_id]
    figures = plan_figures(store, plan["id"], options.report_date())
    doc = builder(store, plan, options, figures)
    doc["as_of"] = figures.as_of.isoformat()
    doc["warnings"] = [w.text for w in figures.warnings] + list(doc.pop("extra_warnings", []))
    return doc


def plan_reference(plan: dict) -> str:
    """How a report names its plan: "Kế hoạch số …/KH-UBND ngày … của UBND tỉnh về …"."""
    number = plan.get("number") or ""
    if number.startswith("/"):
        number = "…" + number
    text = f"Kế hoạch số {number}" if number else "Kế hoạch"
    if plan.get("issue_date"):
        text += f" ngày {format_date(plan['issue_date'])}"
    issuer = plan.get("issuer") or ""
    if issuer.startswith("Ủy ban nhân dân"):
        issuer = "UBND" + issuer[len("Ủy ban nhân dân"):]
    if issuer:
        text += f" của {issuer}"
    return f"{text} về {_lower_first(plan['title'])}"


def _agency(options: ReportOptions) -> str:
    """The issuing agency as written in running text: "Sở Công Thương"."""
    return options.issuing_agency.title().replace("Ubnd", "UBND")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def _doc(report_id: str, subject: str, parts: list[dict], options: ReportOptions, *, doc_type: str = "BÁO CÁO",
         signature: bool = True, closing: str = "") -> dict:
    """The document: every appendix not yet named in the body is referred to there ("chi tiết tại Phụ lục I kèm
    theo"), then the closing paragraph, which the renderers keep on one page with the signature block."""
    body = parts[0]["blocks"]
    text = m.all_text({"doc_type": "", "subject": "", "parts": [parts[0]]})
    unnamed = [p for p in parts[1:] if p["label"] and p["label"] not in text]
    if unnamed:
        names = "; ".join(f"{p['label']} – {_lower_first(p['title'].capitalize())}" for p in unnamed)
        body.append(m.paragraph(f"(Chi tiết tại {names} kèm theo.)"))
    if closing:
        body.append(m.paragraph(closing))
    return m.document(report_id, doc_type, subject, parts, options=asdict(options), signature=signature)


def _closing(options: ReportOptions, what: str) -> str:
    """"Trên đây là <what>, Sở Công Thương kính báo cáo UBND tỉnh xem xét, chỉ đạo./."."""
    return f"Trên đây là {what}, {_agency(options)} kính báo cáo {_recipient(options)} xem xét, chỉ đạo./."


def _recipient(options: ReportOptions) -> str:
    """Whom the department reports to, from the first recipient ("UBND tỉnh (để báo cáo)" → "UBND tỉnh")."""
    first = options.recipients[0] if options.recipients else "UBND tỉnh"
    return first.split("(")[0].strip().rstrip(";,.") or "UBND tỉnh"


def _appendix(number: str, title: str, blocks: list[dict], options: ReportOptions, *,
              orientation: str = m.LANDSCAPE) -> dict:
    date = options.report_date()
    note = f"(Kèm theo Báo cáo số {options.number.strip()} ngày {format_date(date)} của {_agency(options)})"
    return m.part(blocks, orientation=orientation, label=f"Phụ lục {number}", title=title.upper(), note=note)


def _opening(plan: dict, what: str, figures: PlanFigures) -> list[dict]:
    """The as-of line under the title, then "Thực hiện Kế hoạch số …, <what>"."""
    return [m.paragraph(f"({as_of_line(figures.as_of)})", indent=False, align="center", italic=True),
            m.paragraph(f"Thực hiện {plan_reference(plan)}, {what}")]


def _plan_report(store: Store, plan: dict, options: ReportOptions, figures: PlanFigures) -> dict:
    """The department's report to the province (due 25/12): a draft evaluation compiled from the data and the
    offices' reports, which the clerk edits in Word."""
    tasks, training, survey = figures.tasks, figures.training, figures.survey
    budget, reports = figures.budget, figures.reports
    agency = _agency(options)
    blocks = _opening(plan, f"{agency} báo cáo kết quả thực hiện năm {plan['year']} như sau:", figures)
    blocks.append(m.heading("I. MỤC ĐÍCH, MỤC TIÊU CỦA KẾ HOẠCH"))
    if plan.get("purpose"):
        blocks.append(m.paragraph(s.full(plan["purpose"]) + "."))
    indicator_rows = _indicator_rows(figures)
    if indicator_rows:
        blocks.append(m.paragraph("Kết quả thực hiện các chỉ tiêu (số thực hiện tính theo số liệu: học viên tính theo "
                                  "số người thực tế tham dự):"))
        blocks.append(m.table([m.column("TT", 0.5, "center"), m.column("Chỉ tiêu", 5), m.column("Đơn vị", 1.2,
                                                                                               "center"),
                               m.column("Kế hoạch", 1, "right"), m.column("Thực hiện", 1, "right"),
                               m.column("Tỷ lệ", 1, "right")], indicator_rows, caption="Các chỉ tiêu của Kế hoạch"))
    blocks.append(m.heading("II. KẾT QUẢ THỰC HIỆN"))
    blocks.append(m.heading("1. Tình hình thực hiện các nhiệm vụ", 2))
    blocks += s.task_blocks(tasks)
    blocks += _unfinished(tasks)
    if tasks.rows:
        blocks.append(s.task_table(tasks, wide=False))
    blocks.append(m.heading("2. Kết quả tổ chức tập huấn", 2))
    blocks += s.training_blocks(training)
    blocks.append(m.heading("3. Kết quả khảo sát và xây dựng mô hình tại doanh nghiệp", 2))
    blocks += s.survey_blocks(survey, figures.contested)
    blocks.append(m.heading("4. Kinh phí thực hiện", 2))
    blocks += s.budget_blocks(budget, options)
    if budget.lines:
        blocks.append(s.source_table(budget))
        blocks += _remainder(figures)
    blocks.append(m.heading("5. Kết quả thực hiện của các đơn vị", 2))
    blocks += s.office_report_blocks(reports)
    blocks += _office_summaries(figures, options)
    if reports.rows:
        blocks.append(m.paragraph("Chi tiết tình hình gửi báo cáo của từng đơn vị tại Phụ lục I kèm theo."))
    blocks += _assessment(figures)
    subject = f"Kết quả thực hiện Kế hoạch {_lower_first(plan['title'])}"
    parts = [m.part(blocks)]
    if reports.rows:
        parts.append(_appendix("I", "Tình hình gửi báo cáo của các đơn vị", [s.office_report_table(reports)], options,
                               orientation=m.PORTRAIT))
    return _doc("plan-report", subject, parts, options,
                closing=_closing(options, f"báo cáo kết quả thực hiện Kế hoạch năm {plan['year']}"))


def _unfinished(tasks: object) -> list[dict]:
    """The activities not finished, each with its progress and the reason recorded (its result or note)."""
    rows = [t for t in getattr(tasks, "rows", []) if t["kind"] == "activity" and t["status"] != "done"]
    if not rows:
        return []
    blocks = [m.paragraph(f"Các hoạt động chưa hoàn thành ({s.two(len(rows))}):")]
    for t in rows:
        reason = s.full(t.get("result") or t.get("note") or "")
        why = f"; {_lower_first(reason)}" if reason else "; chưa ghi lý do (đề nghị bổ sung)"
        blocks.append(m.paragraph(f"- {t['code'] or ''} {s.full(t['title'])}: {t['status_title'].lower()}, đạt "
                                  f"{s.num(t['progress'])}%{why}.", indent=True))
    return blocks


def _remainder(figures: PlanFigures) -> list[dict]:
    """What is left of the estimate and the draft proposal for it (the unfinished content items it belongs to)."""
    budget, tasks = figures.budget, figures.tasks
    if budget.remaining <= 0:
        return []
    open_groups = [g for g in budget.groups if g["estimate"] > g["disbursed"]]
    detail = "; ".join(f"{g['code']}: {s.money(g['estimate'] - g['disbursed'])}" for g in open_groups)
    unfinished = [t["code"] for t in tasks.rows if t["kind"] == "activity" and t["status"] != "done" and t["code"]]
    use = (f"tiếp tục sử dụng để hoàn thành các hoạt động {', '.join(unfinished)}" if unfinished
           else "hoàn trả ngân sách theo quy định")
    return [m.paragraph(f"Kinh phí còn lại chưa giải ngân: {s.money(budget.remaining)} ({detail}). Đề xuất: {use}; "
                        "phần không sử dụng hết hoàn trả ngân sách theo quy định.")]


def _office_summaries(figures: PlanFigures, options: ReportOptions) -> list[dict]:
    """What each office reported (its summary), in the order the reports came in."""
    own = options.issuing_agency.casefold()
    sent = [r for r in figures.reports.rows if r.get("submitted_date") and r["agency"].casefold() != own]
    if not sent:
        return []
    blocks = [m.paragraph("Tổng hợp kết quả các đơn vị đã báo cáo:")]
    for r in sorted(sent, key=lambda r: (r["submitted_date"], r["agency"])):
        summary = s.full(r.get("summary") or "") or "không nêu tóm tắt kết quả"
        blocks.append(m.paragraph(f"- {r['agency']} (báo cáo ngày {format_date(r['submitted_date'])}): "
                                  f"{_lower_first(summary)}.", indent=True))
    return blocks


def _indicator_rows(figures: PlanFigures) -> list[list[str]]:
    out = []
    for ind in figures.indicators:
        actual = s.num(ind.actual) if ind.actual is not None else ""
        name = f"{ind.name} ({ind.note})" if ind.note else ind.name
        out.append([str(ind.number), name, ind.unit, s.num(ind.target), actual,
                    f"{s.num(ind.percent, 1)}%" if ind.percent is not None else ""])
    return out


def _assessment(figures: PlanFigures) -> list[dict]:
    """III. Đánh giá chung; IV. Khó khăn, vướng mắc; V. Đề xuất, kiến nghị — drafted from the figures."""
    tasks, training, survey, budget, reports = (figures.tasks, figures.training, figures.survey, figures.budget,
                                                figures.reports)
    done = tasks.by_status.get("done", 0)
    blocks = [m.heading("III. ĐÁNH GIÁ CHUNG"),
              m.paragraph(f"Đến thời điểm báo cáo đã hoàn thành {s.two(done)}/{s.two(tasks.activities)} hoạt động "
                          f"của Kế hoạch; tiến độ bình quân {s.num(tasks.average_progress, 1)}%.")]
    reached = [i for i in figures.indicators if i.percent is not None and i.percent >= 100]
    if figures.indicators:
        blocks.append(m.paragraph(f"Đạt {s.two(len(reached))}/{s.two(len(figures.indicators))} chỉ tiêu của Kế "
                                  "hoạch."))
    problems = []
    unfinished = [t for t in tasks.rows if t["kind"] == "activity" and t["status"] != "done"]
    if unfinished:
        problems.append(f"{s.two(len(unfinished))} hoạt động chưa hoàn thành "
                        f"({', '.join(t['code'] for t in unfinished if t['code'])})")
    if tasks.overdue:
        problems.append(f"{s.two(len(tasks.overdue))} hoạt động quá thời hạn chưa hoàn thành")
    if training.courses and training.attended < training.target:
        problems.append(f"số học viên tham dự ({training.attended}) thấp hơn chỉ tiêu ({training.target})")
    if survey.enterprises and not survey.model:
        problems.append("chưa chọn được doanh nghiệp mẫu")
    if budget.lines and not budget.matches:
        problems.append("dự toán chi tiết chưa khớp tổng kinh phí")
    missing = reports.missing
    late = reports.late
    if missing:
        problems.append(f"{s.two(len(missing))} đơn vị chưa gửi báo cáo ({', '.join(r['agency'] for r in missing)})")
    if late:
        problems.append(f"{s.two(len(late))} đơn vị gửi báo cáo chậm")
    blocks.append(m.heading("IV. KHÓ KHĂN, VƯỚNG MẮC"))
    blocks.append(m.paragraph(("Tồn tại, hạn chế: " + "; ".join(problems) + ".") if problems
                              else "Các nội dung của Kế hoạch được triển khai đúng tiến độ."))
    proposals = []
    if missing:
        proposals.append("đề nghị UBND tỉnh chỉ đạo các đơn vị chưa gửi báo cáo khẩn trương gửi kết quả thực hiện")
    if unfinished:
        proposals.append("cho phép tiếp tục triển khai các hoạt động chưa hoàn thành và sử dụng kinh phí còn lại")
    proposals.append(f"tiếp tục bố trí kinh phí thực hiện Kế hoạch năm {int(figures.plan['year']) + 1}")
    blocks.append(m.heading("V. ĐỀ XUẤT, KIẾN NGHỊ"))
    blocks.append(m.paragraph("Kiến nghị: " + "; ".join(proposals) + "."))
    return blocks


def _tasks_report(store: Store, plan: dict, options: ReportOptions, figures: PlanFigures) -> dict:
    tasks = figures.tasks
    blocks = _opening(plan, f"{_agency(options)} báo cáo tiến độ thực hiện các nhiệm vụ như sau:", figures)
    blocks += s.task_blocks(tasks)
    blocks.append(m.paragraph("Chi tiết tiến độ từng nhiệm vụ tại Phụ lục I kèm theo."))
    parts = [m.part(blocks), _appendix("I", "Tiến độ thực hiện các nhiệm vụ", [s.task_table(tasks)], options)]
    return _doc("tasks", f"Tiến độ thực hiện nhiệm vụ Kế hoạch năm {plan['year']}", parts, options,
                closing=_closing(options, "báo cáo tiến độ thực hiện các nhiệm vụ"))


def _training_report(store: Store, plan: dict, options: ReportOptions, figures: PlanFigures) -> dict:
    training = figures.training
    blocks = _opening(plan, f"{_agency(options)} báo cáo kết quả tổ chức lớp tập huấn như sau:", figures)
    blocks.append(m.heading("1. Thông tin lớp tập huấn", 2))
    blocks += s.training_blocks(training)
    for course in training.courses:
        if course.get("content"):
            blocks.append(m.paragraph(f"Nội dung tập huấn: {course['content']}"))
        if course.get("lecturers"):
            blocks.append(m.paragraph(f"Giảng viên: {course['lecturers']}"))
    if training.participants:
        blocks.append(m.heading("2. Thành phần học viên", 2))
        blocks.append(s.org_kind_table(training))
        blocks.append(s.org_kind_chart(training))
        blocks.append(m.heading("3. Đánh giá kết quả tập huấn", 2))
        blocks.append(s.satisfaction_table(training))
    if training.materials:
        blocks.append(m.heading("4. Tài liệu tập huấn", 2))
        blocks.append(s.material_table(training))
    parts = [m.part(blocks)]
    if training.participants:
        parts.append(_appendix("I", f"Danh sách học viên ({len(training.participants)} người)",
                               [s.participant_table(training)], options))
    return _doc("training", f"Kết quả tổ chức lớp tập huấn sản xuất và tiêu dùng bền vững năm {plan['year']}",
                parts, options, closing=_closing(options, "báo cáo kết quả tổ chức lớp tập huấn"))


def _survey_report(store: Store, plan: dict, options: ReportOptions, figures: PlanFigures) -> dict:
    survey = figures.survey
    blocks = _opening(plan, f"{_agency(options)} báo cáo kết quả khảo sát hiện trạng tiêu thụ nguyên "
                            "liệu, tài nguyên và lựa chọn doanh nghiệp mẫu như sau:", figures)
    blocks += s.survey_blocks(survey, figures.contested)
    if survey.enterprises:
        blocks.append(s.enterprise_table(survey))
    parts = [m.part(blocks)]
    if survey.enterprises:
        parts.append(_appendix("I", "Hiện trạng tiêu thụ năng lượng, tài nguyên của doanh nghiệp",
                               [s.consumption_table(survey)], options))
        if any(survey.solutions.values()):
            parts.append(_appendix("II", "Giải pháp đề xuất", [s.solution_table(survey)], options))
        if survey.criteria:
            parts.append(_appendix("III", "Lựa chọn doanh nghiệp mẫu", [s.selection_table(survey)], options))
    return _doc("survey", f"Kết quả khảo sát hiện trạng tiêu thụ nguyên liệu, tài nguyên ngành hóa chất năm "
                          f"{plan['year']}", parts, options,
                closing=_closing(options, "báo cáo kết quả khảo sát và lựa chọn doanh nghiệp mẫu"))


def _budget_report(store: Store, plan: dict, options: ReportOptions, figures: PlanFigures) -> dict:
    budget = figures.budget
    blocks = _opening(plan, f"{_agency(options)} báo cáo dự toán và tình hình thực hiện kinh phí như sau:", figures)
    blocks += s.budget_blocks(budget, options)
    if plan.get("funding_source"):
        blocks.append(m.paragraph(f"Nguồn kinh phí thực hiện: {plan['funding_source']}."))
    if budget.lines:
        blocks.append(s.source_table(budget))
        if budget.by_task:
            blocks.append(s.budget_chart(budget))
    parts = [m.part(blocks)]
    if budget.lines:
        parts.append(_appendix("I", "Dự toán kinh phí và tình hình giải ngân", [s.estimate_table(budget, options)],
                               options))
    if budget.disbursements:
        parts.append(_appendix("II", "Chi tiết các lần giải ngân", [s.disbursement_table(budget)], options,
                               orientation=m.PORTRAIT))
    subject = f"Dự toán và tình hình thực hiện kinh phí Kế hoạch năm {plan['year']}"
    return _doc("budget", subject, parts, options,
                closing=_closing(options, "báo cáo dự toán và tình hình thực hiện kinh phí"))
