"""The documents the plan asks the department to send besides its reports (Qt-free builders of document models):
the request to the offices with the report outline, the reminder to the offices that are late, the budget estimate
and its covering submission, the training sign-in sheet and the allowance list signed on receipt.

Each builder takes the store, the plan, the print options and the plan's figures (desktop.figures, as of the
document's date) and returns the model that render.py draws as PDF and docx_render.py writes as Word. They are drafts
for the clerk: every figure comes from the data, the wording is the department's usual one, and Word is where the
clerk finishes them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from desktop.domain import choices as ch
from desktop.domain.dates import format_date
from desktop.domain.numbers import format_money
from desktop.figures import PlanFigures, as_of_line
from desktop.reports import model as m
from desktop.reports import sections as s
from desktop.reports.options import ReportOptions
from desktop.store import Store, StoreError

REMINDER_DAYS = 5  # the reminder asks for the report within five working days or so


def _agency(options: ReportOptions) -> str:
    return options.issuing_agency.title().replace("Ubnd", "UBND")


def _doc(report_id: str, doc_type: str, subject: str, parts: list[dict], options: ReportOptions, **extra: object) -> \
        dict:
    doc = m.document(report_id, doc_type, subject, parts, options=asdict(options), signature=True)
    doc.update(extra)
    return doc


def _as_of(figures: PlanFigures) -> dict:
    return m.paragraph(f"({as_of_line(figures.as_of)})", indent=False, align="center", italic=True)


def _plan_ref(plan: dict) -> str:
    from desktop.reports.data import plan_reference

    return plan_reference(plan)


def _office_rows(figures: PlanFigures, options: ReportOptions) -> list[dict]:
    """The offices' reports owed to the department (its own report to the province left out)."""
    own = options.issuing_agency.casefold()
    return [r for r in figures.reports.rows if r["agency"].casefold() != own]


def _addressees(names: list[str]) -> list[dict]:
    """"Kính gửi:" and the addressees, one a line when there are several (Decree 30)."""
    if len(names) == 1:
        return [m.paragraph(f"Kính gửi: {names[0]}.", indent=False, align="center")]
    blocks = [m.paragraph("Kính gửi:", indent=False, align="center")]
    blocks += [m.paragraph(f"- {n}{'.' if i == len(names) - 1 else ';'}", indent=False, align="left")
               for i, n in enumerate(names)]
    return blocks


# -- letters to the offices --------------------------------------------------------------------------------------------
def outline_blocks(plan: dict, figures: PlanFigures) -> list[dict]:
    """The report outline the offices fill in; its parts follow the sheets of the office template workbook (the
    tasks an office leads or coordinates with status, progress and result; the participants it sent; its report with
    the summary), then difficulties and proposals."""
    blocks = [m.heading("I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ ĐƯỢC GIAO"),
              m.paragraph("Đối với từng nhiệm vụ đơn vị chủ trì hoặc phối hợp (sheet “Nhiệm vụ” của tệp Excel "
                          "mẫu): tình trạng, tiến độ (%), kết quả đạt được, sản phẩm; nhiệm vụ chưa hoàn thành nêu "
                          "rõ lý do.")]
    rows = [[t["code"], t["title"], t["lead"], "", "", ""] for t in figures.tasks.rows if t["kind"] == "activity"]
    if rows:
        blocks.append(m.table([m.column("Mục", 0.8, "center"), m.column("Nhiệm vụ", 4.2),
                               m.column("Đơn vị chủ trì", 1.6), m.column("Tình trạng", 1.3, "center"),
                               m.column("Tiến độ (%)", 0.9, "center"), m.column("Kết quả, lý do chưa hoàn thành", 3)],
                              rows, caption="Mẫu bảng kết quả thực hiện nhiệm vụ"))
    blocks += [m.heading("II. CÔNG TÁC TUYÊN TRUYỀN, TẬP HUẤN"),
               m.paragraph("Số cán bộ, doanh nghiệp được cử tham dự lớp tập huấn (sheet “Học viên”: họ tên, đơn vị, "
                           "chức vụ, điện thoại); các hình thức tuyên truyền đã thực hiện."),
               m.heading("III. KINH PHÍ THỰC HIỆN"),
               m.paragraph("Kinh phí được giao, đã sử dụng (nếu có), nguồn kinh phí."),
               m.heading("IV. KHÓ KHĂN, VƯỚNG MẮC"),
               m.paragraph("Những khó khăn, vướng mắc trong quá trình thực hiện và nguyên nhân."),
               m.heading("V. ĐỀ XUẤT, KIẾN NGHỊ"),
               m.paragraph(f"Đề xuất nội dung, nhiệm vụ cho Kế hoạch năm {int(plan['year']) + 1} và kiến nghị với "
                           "UBND tỉnh, Sở Công Thương.")]
    return blocks


def request_letter(store: Store, plan: dict, options: ReportOptions, figures: PlanFigures) -> dict:
    """The letter asking every office that owes a report to send it by its due date, with the outline attached."""
    rows = _office_rows(figures, options)
    if not rows:
        raise StoreError("Kế hoạch chưa giao báo cáo cho đơn vị nào: chưa có đơn vị để gửi văn bản đề nghị.")
    due = min(r["due_date"] for r in rows)
    names = list(dict.fromkeys(r["agency"] for r in rows))
    agency = _agency(options)
    blocks = [*_addressees(names),
              m.paragraph(f"Thực hiện {_plan_ref(plan)}, để có cơ sở tổng hợp, báo cáo UBND tỉnh kết quả thực hiện "
                          f"năm {plan['year']}, {agency} đề nghị các đơn vị báo cáo kết quả thực hiện các nhiệm vụ "
                          "được giao tại Kế hoạch, cụ thể như sau:"),
              m.paragraph("1. Nội dung báo cáo: theo đề cương tại Phụ lục I kèm theo; số liệu nhập vào tệp Excel mẫu "
                          f"do {agency} gửi kèm (mỗi đơn vị một tệp, giữ nguyên cấu trúc các sheet)."),
              m.paragraph(f"2. Thời hạn gửi báo cáo: trước ngày {format_date(due)}, bằng văn bản và tệp Excel về "
                          f"{agency} để tổng hợp."),
              m.paragraph("Rất mong nhận được sự phối hợp của Quý đơn vị./.")]
    note = f"(Kèm theo Văn bản số {options.number.strip()} của {agency})"
    parts = [m.part(blocks), m.part(outline_blocks(plan, figures), label="Phụ lục I",
                                    title="ĐỀ CƯƠNG BÁO CÁO KẾT QUẢ THỰC HIỆN", note=note)]
    excerpt = f"V/v báo cáo kết quả thực hiện Kế hoạch sản xuất và tiêu dùng bền vững năm {plan['year']}"
    return _doc("request", "", excerpt, parts, options, excerpt=excerpt,
                recipients=("Như trên", "Giám đốc, các Phó Giám đốc Sở (để b/c)", "Lưu: VT, QLCN"))


def reminder_letter(store: Store, plan: dict, options: ReportOptions, figures: PlanFigures) -> dict:
    """The reminder (công văn đôn đốc) addressed to exactly the offices whose report is past due and not received
    at the letter's date."""
    missing = [r for r in _office_rows(figures, options) if r["state"] == "missing"]
    if not missing:
        raise StoreError(f"Đến ngày {format_date(figures.as_of.isoformat())} không có đơn vị nào quá hạn chưa gửi "
                         "báo cáo: không cần văn bản đôn đốc.")
    names = list(dict.fromkeys(r["agency"] for r in missing))
    agency = _agency(options)
    dues = sorted({r["due_date"] for r in missing})
    by = figures.as_of + dt.timedelta(days=REMINDER_DAYS)
    blocks = [*_addressees(names),
              m.paragraph(f"Thực hiện {_plan_ref(plan)}, {agency} đã đề nghị các đơn vị báo cáo kết quả thực hiện "
                          f"năm {plan['year']}, thời hạn gửi trước ngày {', '.join(format_date(d) for d in dues)}."),
              m.paragraph(f"Đến ngày {format_date(figures.as_of.isoformat())}, {agency} chưa nhận được báo cáo của "
                          f"{s.two(len(names))} đơn vị: {', '.join(names)}."),
              m.paragraph(f"Để kịp tổng hợp, báo cáo UBND tỉnh theo quy định, {agency} đề nghị Quý đơn vị khẩn "
                          f"trương gửi báo cáo trước ngày {format_date(by.isoformat())} (nội dung theo đề cương "
                          f"đã gửi kèm văn bản đề nghị của {agency})."),
              m.paragraph("Rất mong nhận được sự phối hợp của Quý đơn vị./.")]
    excerpt = f"V/v đôn đốc gửi báo cáo kết quả thực hiện Kế hoạch năm {plan['year']}"
    return _doc("reminder", "", excerpt, [m.part(blocks)], options, excerpt=excerpt,
                recipients=("Như trên", "Giám đốc, các Phó Giám đốc Sở (để b/c)", "Lưu: VT, QLCN"),
                addressees=names)


# -- the budget estimate and its submission ----------------------------------------------------------------------------
def legal_basis(line: dict) -> str:
    """The spending norm a line is estimated under: its note when the note names one ("Căn cứ: …", a Thông tư, Nghị
    định, Quyết định or Nghị quyết), else the norm usual for its kind of spending (the clerk checks it in Word)."""
    note = (line.get("note") or "").strip()
    if note.startswith("Căn cứ") or any(k in note for k in ("Thông tư", "Nghị định", "Quyết định", "Nghị quyết")):
        return note.removeprefix("Căn cứ:").removeprefix("Căn cứ").strip()
    item = (line.get("item") or "").casefold()
    if any(k in item for k in ("hội thảo", "hội trường", "nước uống", "tham luận", "đại biểu")):
        return "Thông tư 40/2017/TT-BTC (chế độ chi hội nghị)"
    if any(k in item for k in ("học viên", "báo cáo viên", "giảng viên", "tập huấn", "biên soạn tài liệu")):
        return "Thông tư 36/2018/TT-BTC (chi đào tạo, bồi dưỡng)"
    if any(k in item for k in ("xe", "công tác")):
        return "Thông tư 40/2017/TT-BTC (chế độ công tác phí)"
    return "Theo báo giá, hợp đồng"


BLANK_ROWS = 20
"""Rows of a blank form: a document whose data is not in the program yet prints as a form to fill in by hand."""


def _blank_rows(columns: int, count: int = BLANK_ROWS) -> list[dict | list]:
    return [[str(i), *([""] * (columns - 1))] for i in range(1, count + 1)]



def estimate_table(figures: PlanFigures, options: ReportOptions) -> dict:
    """The estimate grouped under the plan's contents (II.1, II.2, other) with subtotals, a legal-basis column, the
    total in figures and in words."""
    columns = [m.column("TT", 0.6, "center"), m.column("Nội dung chi", 4.0), m.column("Đơn vị tính", 1.2, "center"),
               m.column("Số lượng", 0.9, "right"), m.column("Đơn giá", 1.3, "right"),
               m.column("Thành tiền", 1.5, "right"), m.column("Căn cứ", 2.6), m.column("Nguồn kinh phí", 1.9)]
    rows: list[dict | list] = []
    budget = figures.budget
    if not budget.lines:  # no line estimated yet: the form, to fill in by hand
        rows += _blank_rows(len(columns), 10)
        rows.append(m.row(["", "TỔNG CỘNG", "", "", "", "", "", ""], bold=True))
        rows.append(m.row(["Bằng chữ: "], italic=True, span=True))
        return m.table(columns, rows, unit_note="Đơn vị tính: đồng")
    for group in budget.groups:
        code, title = (group["code"], s.full(group["title"])) if group["code"] != "Khác" else ("", "Các khoản chi khác")
        rows.append({**m.row([code, title, "", "", "", format_money(group["estimate"]), "", ""], bold=True),
                     "group": True})
        for i, line in enumerate(group["lines"], 1):
            qty = line["quantity"]
            rows.append([str(i), line["item"], line["unit"] or "",
                         s.num(qty, 0 if qty is None or float(qty).is_integer() else 2),
                         format_money(line["unit_price"]) if line["unit_price"] is not None else "",
                         format_money(line["amount"]), legal_basis(line), line["funding_source"] or ""])
    rows.append(m.row(["", "TỔNG CỘNG", "", "", "", format_money(budget.estimate_total), "", ""], bold=True))
    rows.append(m.row([f"Bằng chữ: {s.words(budget.estimate_total, options)}."], italic=True, span=True))
    return m.table(columns, rows, unit_note="Đơn vị tính: đồng")


NO_LINES_WARNING = ("Kế hoạch chưa có khoản dự toán nào: bảng dự toán in để trống, điền tay hoặc lập dự toán ở trang "
                    "Kinh phí rồi in lại.")


def budget_estimate(store: Store, plan: dict, options: ReportOptions, figures: PlanFigures) -> dict:
    """The budget estimate (dự toán kinh phí) for approval, line by line under the plan's contents."""
    budget = figures.budget
    warnings = [] if budget.lines else [NO_LINES_WARNING]
    blocks = [m.paragraph(f"(Kèm theo {_plan_ref(plan)})", indent=False, align="center", italic=True),
              _as_of(figures), estimate_table(figures, options)]
    subject = f"Kinh phí thực hiện Kế hoạch sản xuất và tiêu dùng bền vững năm {plan['year']}"
    return _doc("estimate", "DỰ TOÁN", subject, [m.part(blocks, orientation=m.LANDSCAPE)], options,
                signers=[["NGƯỜI LẬP", ""], ["KẾ TOÁN", ""], [_signer_head(options), options.signer_name]],
                extra_warnings=warnings)


def _signer_head(options: ReportOptions) -> str:
    return "\n".join(t for t in (options.signer_authority, options.signer_title) if t) or "THỦ TRƯỞNG ĐƠN VỊ"


def budget_submission(store: Store, plan: dict, options: ReportOptions, figures: PlanFigures) -> dict:
    """The submission (tờ trình) asking for the estimate's approval, the estimate attached as Phụ lục I."""
    budget = figures.budget
    warnings = [] if budget.lines else [NO_LINES_WARNING]
    agency = _agency(options)
    bases = store.repo("legal_bases").rows(plan_id=plan["id"])
    addressee = plan.get("issuer") or "Ủy ban nhân dân tỉnh"  # the plan's issuer approves its budget
    blocks = [*_addressees([addressee]), _as_of(figures)]
    blocks += [m.paragraph(b["title"], indent=True, italic=True) for b in bases]
    blocks.append(m.paragraph(f"Căn cứ {_plan_ref(plan)};", italic=True))
    blocks.append(m.paragraph(f"{agency} kính trình phê duyệt dự toán kinh phí thực hiện Kế hoạch năm "
                              f"{plan['year']} như sau:"))
    total = budget.estimate_total if budget.lines else int(plan.get("total_budget") or 0)
    blocks.append(m.paragraph(f"1. Tổng dự toán: {s.money(total)} ({s.words(total, options)})."))
    for g in budget.groups:
        title = s.full(g["title"]) if g["code"] != "Khác" else "Các khoản chi khác"
        blocks.append(m.paragraph(f"- {g['code'] + ': ' if g['code'] != 'Khác' else ''}{title}: "
                                  f"{s.money(g['estimate'])}.", indent=True))
    sources = "; ".join(f"{src}: {s.money(est)}" for src, (est, _) in budget.by_source.items())
    blocks.append(m.paragraph(f"2. Nguồn kinh phí: {plan.get('funding_source') or 'ngân sách nhà nước'} "
                              f"({sources})."))
    blocks.append(m.paragraph("3. Chi tiết dự toán từng khoản chi tại Phụ lục I kèm theo."))
    if budget.lines and not budget.matches:
        blocks.append(m.paragraph(f"Tổng dự toán chi tiết {'thấp hơn' if budget.difference > 0 else 'vượt'} tổng "
                                  f"kinh phí của Kế hoạch {s.money(abs(budget.difference))}.", bold=True))
    blocks.append(m.paragraph(f"{agency} kính trình xem xét, phê duyệt./."))
    note = f"(Kèm theo Tờ trình số {options.number.strip()} của {agency})"
    parts = [m.part(blocks), m.part([estimate_table(figures, options)], orientation=m.LANDSCAPE, label="Phụ lục I",
                                    title="DỰ TOÁN KINH PHÍ", note=note)]
    subject = f"Về việc phê duyệt dự toán kinh phí thực hiện Kế hoạch sản xuất và tiêu dùng bền vững năm {plan['year']}"
    return _doc("submission", "TỜ TRÌNH", subject, parts, options,
                recipients=("Như trên", "Sở Tài chính", "Lưu: VT, QLCN"), extra_warnings=warnings)


# -- training lists ----------------------------------------------------------------------------------------------------
NO_COURSE_WARNING = ("Kế hoạch chưa có lớp tập huấn: danh sách in để trống, điền tay hoặc thêm lớp và học viên ở "
                     "trang Đào tạo rồi in lại.")


def _course(figures: PlanFigures) -> dict | None:
    return figures.training.courses[0] if figures.training.courses else None


def _course_line(course: dict | None) -> str:
    if course is None:
        return "Lớp tập huấn: ……………………………… — ngày ……/……/………, tại ………………………"
    when = format_date(course["start_date"])
    if course.get("end_date") and course["end_date"] != course["start_date"]:
        when = f"từ ngày {format_date(course['start_date'])} đến ngày {format_date(course['end_date'])}"
    else:
        when = f"ngày {when}"
    return f"{course['title']} — {when}, tại {course.get('venue') or '…'}"


def sign_in_sheet(store: Store, plan: dict, options: ReportOptions, figures: PlanFigures) -> dict:
    """The sign-in sheet of the course: everyone registered, with a column to sign in (printed before the course)."""
    course = _course(figures)
    people = [p for p in figures.training.participants if course is not None and p["course_id"] == course["id"]]
    rows: list[dict | list] = [[str(i), p["full_name"], p["birth_year"] or "", ch.title_of(ch.GENDERS, p["gender"]),
                                p["organisation"] or "", p["position"] or "", p["phone"] or "", ""]
                               for i, p in enumerate(people, 1)] or _blank_rows(8)
    columns = [m.column("TT", 0.6, "center"), m.column("Họ và tên", 2.4), m.column("Năm sinh", 0.9, "center"),
               m.column("Giới tính", 0.9, "center"), m.column("Đơn vị công tác", 4.0), m.column("Chức vụ", 2.0),
               m.column("Điện thoại", 1.5, "center"), m.column("Ký tên", 1.8)]
    blocks = [m.paragraph(_course_line(course), indent=False, align="center", italic=True), _as_of(figures),
              m.table(columns, rows),
              m.paragraph(f"Danh sách có {len(people)} người." if people else "Danh sách có …… người.", italic=True)]
    return _doc("sign-in", "DANH SÁCH HỌC VIÊN", "Tham dự lớp tập huấn sản xuất và tiêu dùng bền vững năm "
                f"{plan['year']}", [m.part(blocks, orientation=m.LANDSCAPE)], options, no_number=True,
                signers=[["NGƯỜI LẬP DANH SÁCH", ""], ["ĐƠN VỊ TỔ CHỨC", options.signer_name]],
                extra_warnings=[] if course is not None else [NO_COURSE_WARNING])


ALLOWANCE_WORDS = ("hỗ trợ tiền ăn", "không hưởng lương")
SALARIED_KINDS = {"department", "district"}


def allowance_line(figures: PlanFigures) -> dict | None:
    """The budget line the allowance is paid from: the meal allowance of participants without a state salary."""
    for group in figures.budget.groups:
        for line in group["lines"]:
            if all(w in (line["item"] or "").casefold() for w in ALLOWANCE_WORDS):
                return line
    return None


def allowance_list(store: Store, plan: dict, options: ReportOptions, figures: PlanFigures) -> dict:
    """The list of participants paid the allowance, signed on receipt: those who attended and draw no state salary
    (not sent by a department or a district), for each day of the course, at the unit price of the budget line."""
    course = _course(figures)
    line = allowance_line(figures)
    if course is None or line is None or not line.get("unit_price"):
        return _blank_allowance_list(plan, options, figures, course)
    days = 1
    if course.get("start_date") and course.get("end_date"):
        days = (dt.date.fromisoformat(course["end_date"]) - dt.date.fromisoformat(course["start_date"])).days + 1
    price = int(line["unit_price"])
    paid = [p for p in figures.training.participants if p["course_id"] == course["id"] and p["attended"]
            and (p["org_kind"] or "") not in SALARIED_KINDS]
    total = len(paid) * days * price
    rows: list[dict | list] = [[str(i), p["full_name"], p["organisation"] or "", str(days), format_money(price),
                                format_money(days * price), ""] for i, p in enumerate(paid, 1)]
    rows.append(m.row(["", "Tổng cộng", "", str(len(paid) * days), "", format_money(total), ""], bold=True))
    rows.append(m.row([f"Bằng chữ: {s.words(total, options)}."], italic=True, span=True))
    columns = [m.column("TT", 0.6, "center"), m.column("Họ và tên", 2.4), m.column("Đơn vị công tác", 4.2),
               m.column("Số ngày", 0.9, "center"), m.column("Mức hỗ trợ/ngày", 1.4, "right"),
               m.column("Số tiền", 1.4, "right"), m.column("Ký nhận", 1.8)]
    blocks = [m.paragraph(_course_line(course), indent=False, align="center", italic=True), _as_of(figures),
              m.paragraph(f"Khoản chi: {line['item']} (dự toán {s.money(line['amount'])}).", indent=False),
              m.table(columns, rows, unit_note="Đơn vị tính: đồng")]
    over = total - int(line["amount"] or 0)
    warnings = [f"Tổng số tiền hỗ trợ {s.money(total)} vượt dự toán của khoản chi “{line['item']}” {s.money(over)}: "
                "kiểm tra lại danh sách hoặc dự toán trước khi chi."] if over > 0 else []
    return _doc("allowance", "DANH SÁCH NHẬN TIỀN HỖ TRỢ", "Học viên không hưởng lương tham dự lớp tập huấn năm "
                f"{plan['year']}", [m.part(blocks, orientation=m.LANDSCAPE)], options, no_number=True,
                signers=[["NGƯỜI LẬP BIỂU", ""], ["KẾ TOÁN", ""], [_signer_head(options), options.signer_name]],
                extra_warnings=warnings)


def _blank_allowance_list(plan: dict, options: ReportOptions, figures: PlanFigures, course: dict | None) -> dict:
    """The allowance list as a form to fill in by hand, when the course or the budget line it is paid from (with its
    unit price) is not in the program yet."""
    columns = [m.column("TT", 0.6, "center"), m.column("Họ và tên", 2.4), m.column("Đơn vị công tác", 4.2),
               m.column("Số ngày", 0.9, "center"), m.column("Mức hỗ trợ/ngày", 1.4, "right"),
               m.column("Số tiền", 1.4, "right"), m.column("Ký nhận", 1.8)]
    rows = _blank_rows(len(columns))
    rows.append(m.row(["", "Tổng cộng", "", "", "", "", ""], bold=True))
    rows.append(m.row(["Bằng chữ: "], italic=True, span=True))
    blocks = [m.paragraph(_course_line(course), indent=False, align="center", italic=True), _as_of(figures),
              m.table(columns, rows, unit_note="Đơn vị tính: đồng")]
    missing = NO_COURSE_WARNING if course is None else (
        "Dự toán chưa có khoản “Hỗ trợ tiền ăn học viên không hưởng lương” có đơn giá: danh sách in để trống, điền "
        "tay hoặc lập khoản chi đó ở trang Kinh phí rồi in lại.")
    return _doc("allowance", "DANH SÁCH NHẬN TIỀN HỖ TRỢ", "Học viên không hưởng lương tham dự lớp tập huấn năm "
                f"{plan['year']}", [m.part(blocks, orientation=m.LANDSCAPE)], options, no_number=True,
                signers=[["NGƯỜI LẬP BIỂU", ""], ["KẾ TOÁN", ""], [_signer_head(options), options.signer_name]],
                extra_warnings=[missing])


BUILDERS = {"request": request_letter, "reminder": reminder_letter, "estimate": budget_estimate,
            "submission": budget_submission, "sign-in": sign_in_sheet, "allowance": allowance_list}

