"""Sections of the summaries (blocks of the document model) built from the gathered figures; Qt-free.

Each area gives its narrative blocks (portrait body) and its wide tables (printed on landscape appendix pages).
"""

from __future__ import annotations

from desktop.domain import choices as ch
from desktop.domain import derived
from desktop.domain.dates import format_date
from desktop.domain.numbers import format_money, format_number
from desktop.domain.words import amount_in_words
from desktop.figures import BudgetFigures, OfficeReportFigures, SurveyFigures, TaskFigures, TrainingFigures
from desktop.figures.rounding import half_up, percent_of
from desktop.reports import model as m
from desktop.reports.options import ReportOptions

NO_DATA = "Chưa có số liệu."


def money(amount: int | float | None) -> str:
    """Money as printed in the body: "1.394.200.000 đồng"."""
    return f"{format_money(int(amount or 0))} đồng"


def words(amount: int | float | None, options: ReportOptions) -> str:
    """Money in words with the options' spelling: "Một tỷ … đồng"."""
    return amount_in_words(int(amount or 0), zero_tens=options.zero_tens, thousand=options.thousand)


def num(value: float | None, decimals: int = 0) -> str:
    """A number the Vietnamese way rounded half up (7,175 → "7,18"), "" for none."""
    return "" if value is None else format_number(half_up(value, decimals), decimals)


def percent(part: float, whole: float | None, decimals: int = 1) -> str:
    """part/whole as "45,5%" (halves rounded up), or "" when whole is 0."""
    value = percent_of(part, whole, decimals)
    return "" if value is None else f"{format_number(value, decimals)}%"


def two(n: int) -> str:
    """Counts in documents take a leading zero under 10: 05 doanh nghiệp."""
    return f"{n:02d}" if 0 <= n < 10 else str(n)


# -- tasks -------------------------------------------------------------------------------------------------------------
def task_blocks(facts: TaskFigures) -> list[dict]:
    """How far the tasks have come: counts by status, average progress, overdue tasks, a progress chart."""
    if not facts.rows:
        return [m.paragraph("Kế hoạch chưa có nhiệm vụ. " + NO_DATA)]
    n = facts.activities
    counts = "; ".join(f"{c.title.lower()}: {two(facts.by_status[c.code])}" for c in ch.TASK_STATUSES
                       if facts.by_status[c.code])
    blocks = [m.paragraph(f"Kế hoạch có {two(n)} hoạt động; {counts}. Tiến độ bình quân đạt "
                          f"{num(facts.average_progress, 1)}%.")]
    if facts.overdue:
        late = "; ".join(f"{t['code'] or ''} {full(t['title'])} (thời hạn {format_date(t['end_date'])})".strip()
                         for t in facts.overdue)
        blocks.append(m.paragraph(f"Các hoạt động đã quá thời hạn nhưng chưa hoàn thành: {late}."))
    else:
        blocks.append(m.paragraph("Không có hoạt động nào quá thời hạn mà chưa hoàn thành."))
    leaves = [t for t in facts.rows if t["kind"] == "activity"] or facts.rows
    blocks.append(m.chart("hbar", "Tiến độ thực hiện các hoạt động (%)", [t["code"] or short(t["title"], 20)
                                                                         for t in leaves],
                          [("Tiến độ (%)", [t["progress"] or 0 for t in leaves])], unit="%", maximum=100))
    return blocks


def full(text: str) -> str:
    """A title as printed in running text: whole (documents never cut a text with "…"), spaces collapsed, without its
    closing full stop or semicolon."""
    return " ".join((text or "").split()).rstrip(".;")


def short(text: str, limit: int = 90) -> str:
    """The first `limit` characters of a long title, cut at a word (chart labels only, never document text)."""
    text = full(text)
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def task_table(facts: TaskFigures, *, wide: bool = True) -> dict:
    """The task progress table: content items in bold with their activities under them."""
    if wide:
        columns = [m.column("Mục", 0.8, "center"), m.column("Nội dung", 4.5), m.column("Đơn vị chủ trì", 1.4),
                   m.column("Đơn vị phối hợp", 1.8), m.column("Thời gian", 1.3, "center"),
                   m.column("Tình trạng", 1.7, "center"), m.column("Tiến độ (%)", 0.9, "center"),
                   m.column("Kết quả", 3)]
    else:
        columns = [m.column("Mục", 0.8, "center"), m.column("Nội dung", 5), m.column("Tình trạng", 1.4, "center"),
                   m.column("Tiến độ (%)", 1, "center"), m.column("Kết quả", 2.8)]
    rows = []
    for t in facts.rows:
        when = f"Quý {t['quarters']}" if t.get("quarters") else ""
        if t.get("end_date"):
            when = f"{when}\nđến {format_date(t['end_date'])}".strip()
        progress = num(t["progress"] or 0)
        if wide:
            cells = [t["code"], t["title"], t["lead"], t["coordinating"], when, t["status_title"], progress,
                     t["result"] or ""]
        else:
            cells = [t["code"], full(t["title"]), t["status_title"], progress, t["result"] or ""]
        rows.append(m.row(cells, bold=t["kind"] == "content"))
    return m.table(columns, rows)


# -- training ----------------------------------------------------------------------------------------------------------
def training_blocks(facts: TrainingFigures, *, chart: bool = True) -> list[dict]:
    """The course(s), how many came against the target, who they were, and the evaluation."""
    if not facts.courses:
        return [m.paragraph("Chưa tổ chức lớp tập huấn. " + NO_DATA)]
    blocks = []
    for c in facts.courses:
        when = format_date(c["start_date"])
        if c["end_date"] and c["end_date"] != c["start_date"]:
            when = f"từ ngày {format_date(c['start_date'])} đến ngày {format_date(c['end_date'])}"
        else:
            when = f"ngày {when}" if when else ""
        blocks.append(m.paragraph(f"{c['title']}: tổ chức {when} tại {c['venue'] or '…'}."))
    rate = f", đạt {num(facts.attended_percent, 1)}% so với chỉ tiêu {facts.target} người" if facts.target else ""
    blocks.append(m.paragraph(
        f"Số học viên đăng ký: {facts.registered} người; số học viên tham dự: {facts.attended} người{rate}; trong "
        f"số học viên tham dự có {facts.by_gender['female']} nữ ({num(facts.female_percent or 0, 1)}%)."))
    if facts.pre_average is not None and facts.post_average is not None:
        gain = facts.score_gain or 0.0
        change = f"tăng {num(gain, 2)} điểm" if gain >= 0 else f"giảm {num(-gain, 2)} điểm"
        blocks.append(m.paragraph(
            f"Kết quả kiểm tra: điểm bình quân trước tập huấn {num(facts.pre_average, 2)}, sau tập huấn "
            f"{num(facts.post_average, 2)} ({change}). "
            f"Tỷ lệ học viên hài lòng và rất hài lòng: {num(facts.satisfied_percent or 0, 1)}%."))
    return blocks


def org_kind_table(facts: TrainingFigures) -> dict:
    """Participants who attended, by kind of organisation."""
    total = facts.attended
    rows = []
    for i, c in enumerate([*ch.ORG_KINDS, ch.Choice("", "Chưa phân loại", "")], 1):
        n = facts.by_org_kind.get(c.code, 0)
        if n or c.code:
            rows.append([str(i), c.title, str(n), percent(n, total)])
    rows.append(m.row(["", "Tổng cộng", str(total), "100%" if total else ""], bold=True))
    return m.table([m.column("TT", 0.6, "center"), m.column("Đối tượng", 5), m.column("Số người", 1.2, "right"),
                    m.column("Tỷ lệ", 1.2, "right")], rows, caption="Học viên tham dự theo đối tượng")


def org_kind_chart(facts: TrainingFigures) -> dict:
    """Participants by kind of organisation, as horizontal bars."""
    kinds = [c for c in ch.ORG_KINDS if facts.by_org_kind.get(c.code)]
    return m.chart("hbar", "Số học viên theo đối tượng", [c.title for c in kinds],
                   [("Số người", [facts.by_org_kind[c.code] for c in kinds])], unit="người")


def satisfaction_table(facts: TrainingFigures) -> dict:
    """How satisfied the participants who came were, 1 to 5."""
    labels = {1: "Rất không hài lòng", 2: "Không hài lòng", 3: "Bình thường", 4: "Hài lòng", 5: "Rất hài lòng"}
    total = sum(facts.satisfaction.values())
    rows = [[str(k), labels[k], str(facts.satisfaction[k]), percent(facts.satisfaction[k], total)]
            for k in range(5, 0, -1)]
    return m.table([m.column("Mức", 0.6, "center"), m.column("Đánh giá", 5), m.column("Số phiếu", 1.2, "right"),
                    m.column("Tỷ lệ", 1.2, "right")], rows, caption="Đánh giá mức độ hài lòng của học viên")


def participant_table(facts: TrainingFigures) -> dict:
    """The participant list (long: it breaks across pages with its header repeated)."""
    columns = [m.column("TT", 0.6, "center"), m.column("Họ và tên", 2.4), m.column("Giới tính", 0.9, "center"),
               m.column("Năm sinh", 0.9, "center"), m.column("Đơn vị công tác", 4.2), m.column("Chức vụ", 2.2),
               m.column("Tham dự", 0.9, "center"), m.column("Điểm trước", 0.9, "center"),
               m.column("Điểm sau", 0.9, "center"), m.column("Hài lòng", 0.9, "center")]
    rows = []
    for i, p in enumerate(facts.participants, 1):
        rows.append([str(i), p["full_name"], ch.title_of(ch.GENDERS, p["gender"]), p["birth_year"] or "",
                     p["organisation"], p["position"], "x" if p["attended"] else "",
                     num(p["pre_score"], 1), num(p["post_score"], 1), p["satisfaction"] or ""])
    return m.table(columns, rows)


def material_table(facts: TrainingFigures) -> dict:
    """Documents handed out."""
    rows = [[str(i), t["title"], ch.title_of(ch.MATERIAL_KINDS, t["kind"]), num(t["copies"])]
            for i, t in enumerate(facts.materials, 1)]
    return m.table([m.column("TT", 0.6, "center"), m.column("Tài liệu", 5), m.column("Loại", 1.6),
                    m.column("Số bản", 1, "right")], rows, caption="Tài liệu phát cho học viên")


# -- survey ------------------------------------------------------------------------------------------------------------
def survey_blocks(facts: SurveyFigures, contested: set[str] | frozenset[str] = frozenset()) -> list[dict]:
    """What the survey found: enterprises, total energy in TOE and its change, the model enterprise, the workshop."""
    if not facts.enterprises:
        return [m.paragraph("Chưa khảo sát doanh nghiệp nào. " + NO_DATA)]
    blocks = [m.paragraph(f"Đã khảo sát hiện trạng tiêu thụ nguyên liệu, tài nguyên tại {two(facts.surveyed)}/"
                          f"{two(len(facts.enterprises))} doanh nghiệp ngành hóa chất và sản phẩm hóa chất.")]
    if len(facts.periods) >= 2:
        base, last = facts.periods[0], facts.periods[-1]
        b, a = facts.toe_totals[base], facts.toe_totals[last]
        change = f"{facts.trend_word()} {num(abs(facts.toe_change_percent), 1)}%" if facts.trend_word() else "không đổi"
        blocks.append(m.paragraph(f"Tổng năng lượng tiêu thụ quy đổi của các doanh nghiệp: năm {base} "
                                  f"{num(b, 1)} TOE, năm {last} {num(a, 1)} TOE ({change})."))
    count = sum(len(v) for v in facts.solutions.values())
    investment = sum(s["investment"] or 0 for v in facts.solutions.values() for s in v)
    saving = sum(s["annual_saving"] or 0 for v in facts.solutions.values() for s in v)
    if count:
        blocks.append(m.paragraph(f"Đã đề xuất {two(count)} giải pháp, tổng vốn đầu tư dự kiến {money(investment)}, "
                                  f"tiết kiệm ước tính {money(saving)}/năm."))
    if facts.model:
        score = facts.weighted.get(facts.model["id"])
        blocks.append(m.paragraph(f"Doanh nghiệp được chọn xây dựng mô hình: {facts.model['name']}"
                                  f"{f' (điểm bình quân có trọng số {num(score, 2)})' if score is not None else ''}."))
    else:
        blocks.append(m.paragraph("Chưa chọn doanh nghiệp mẫu."))
    for w in facts.held_workshops:
        if w["id"] in contested:
            continue
        blocks.append(m.paragraph(f"{w['title']}: ngày {format_date(w['date']) or '…'} tại {w['venue'] or '…'}, "
                                  f"{w['participants_count'] or 0} đại biểu. {w['summary'] or ''}".strip()))
    return blocks


def enterprise_table(facts: SurveyFigures) -> dict:
    """The surveyed enterprises."""
    rows = [[str(i), e["name"] + (" (doanh nghiệp mẫu)" if e["is_model"] else ""), e["tax_code"],
             e["industrial_zone"], e["vsic_code"], e["products"]] for i, e in enumerate(facts.enterprises, 1)]
    return m.table([m.column("TT", 0.5, "center"), m.column("Doanh nghiệp", 3.2), m.column("Mã số thuế", 1.5,
                                                                                           "center"),
                    m.column("KCN, CCN", 1.6), m.column("VSIC", 0.8, "center"), m.column("Sản phẩm chính", 2.4)],
                   rows, caption="Danh sách doanh nghiệp khảo sát")


def selection_table(facts: SurveyFigures) -> dict:
    """Selection scores per criterion and the weighted score; the model enterprise in bold."""
    columns = [m.column("Doanh nghiệp", 3.5)]
    columns += [m.column(f"{c['name']} ({num(c['weight'])})", 1.3, "center") for c in facts.criteria]
    columns.append(m.column("Điểm có trọng số", 1.2, "center"))
    rows = []
    for e in facts.enterprises:
        scores = facts.scores.get(e["id"], {})
        rows.append(m.row([e["name"], *[num(scores.get(c["id"]), 1) for c in facts.criteria],
                           num(facts.weighted.get(e["id"]), 2)], bold=bool(e["is_model"])))
    return m.table(columns, rows, caption="Điểm đánh giá lựa chọn doanh nghiệp mẫu (thang điểm 10; trọng số %)")


def consumption_table(facts: SurveyFigures) -> dict:
    """Consumption per enterprise and resource across periods, with intensity per unit of product and TOE."""
    base, last = (facts.periods[0], facts.periods[-1]) if facts.periods else ("", "")
    columns = [m.column("Loại tài nguyên", 2.2), m.column("Đơn vị tính", 1.6, "center"),
               m.column(f"Lượng tiêu thụ {base}", 1.5, "right"), m.column(f"Lượng tiêu thụ {last}", 1.5, "right"),
               m.column(f"Suất tiêu hao {base} (/đvsp)", 1.5, "right"),
               m.column(f"Suất tiêu hao {last} (/đvsp)", 1.5, "right"),
               m.column("Thay đổi suất tiêu hao", 1.2, "right"), m.column(f"TOE {last}", 1.2, "right")]
    rows: list[dict] = []
    for i, e in enumerate(facts.enterprises, 1):
        records = facts.consumption.get(e["id"], [])
        output = next((r for r in records if r["period"] == last), None)
        label = f"{i}. {e['name']}"
        if output and output["product_output"]:
            label += f" — sản lượng {last}: {num(output['product_output'])} {output['product_unit'] or ''}".rstrip()
        rows.append(m.row([label], bold=True, span=True))
        keys: list[tuple[str, str]] = []
        for r in records:
            if (r["resource"], r["unit"]) not in keys:
                keys.append((r["resource"], r["unit"]))
        for resource, unit in keys:
            by = {r["period"]: r for r in records if r["resource"] == resource and r["unit"] == unit}
            b, a = by.get(base), by.get(last)
            bi, ai = (b or {}).get("intensity"), (a or {}).get("intensity")
            change = f"{num(100 * (ai - bi) / bi, 1)}%" if bi and ai is not None else ""
            rows.append([ch.title_of(ch.RESOURCES, resource), unit, num((b or {}).get("quantity"), _dec(b)),
                         num((a or {}).get("quantity"), _dec(a)), num(bi, _idec(bi)), num(ai, _idec(ai)), change,
                         num((a or {}).get("toe"), 1)])
        if not records:
            rows.append(m.row(["Chưa có số liệu tiêu thụ."], italic=True, span=True))
    return m.table(columns, rows)


def _idec(value: float | None) -> int:
    """Decimals for an intensity: fewer for large values."""
    if value is None:
        return 0
    return 1 if value >= 100 else 2 if value >= 1 else 4


def _dec(record: dict | None) -> int:
    if not record or record.get("quantity") is None:
        return 0
    return 0 if record["quantity"] >= 100 or float(record["quantity"]).is_integer() else 2


def solution_table(facts: SurveyFigures) -> dict:
    """Proposed solutions with investment, annual saving and simple payback."""
    rows: list[dict | list] = []
    for e in facts.enterprises:
        items = facts.solutions.get(e["id"], [])
        if not items:
            continue
        rows.append(m.row([e["name"]], bold=True, span=True))
        for i, s in enumerate(items, 1):
            rows.append([str(i), s["category_title"], s["description"], format_money(s["investment"] or 0),
                         format_money(s["annual_saving"] or 0), num(s["payback"], 1)])
    return m.table([m.column("TT", 0.5, "center"), m.column("Nhóm giải pháp", 1.8), m.column("Nội dung", 4.5),
                    m.column("Vốn đầu tư", 1.6, "right"), m.column("Tiết kiệm/năm", 1.6, "right"),
                    m.column("Hoàn vốn (năm)", 1.1, "center")], rows, unit_note="Đơn vị tính: đồng")


# -- budget ------------------------------------------------------------------------------------------------------------
def budget_blocks(facts: BudgetFigures, options: ReportOptions) -> list[dict]:
    """The estimate against the plan total (mismatch flagged), the execution, both in figures and in words."""
    blocks = [m.paragraph(f"Tổng kinh phí thực hiện Kế hoạch: {money(facts.total_budget)} "
                          f"({words(facts.total_budget, options)}).")]
    if not facts.lines:
        blocks.append(m.paragraph("Chưa lập dự toán chi tiết; chưa có số liệu giải ngân."))
        return blocks
    diff = facts.difference
    if diff == 0:
        blocks.append(m.paragraph(f"Dự toán chi tiết gồm {two(len(facts.lines))} khoản chi, tổng cộng "
                                  f"{money(facts.estimate_total)}, khớp với tổng kinh phí của Kế hoạch."))
    else:
        blocks.append(m.paragraph(
            f"Dự toán chi tiết gồm {two(len(facts.lines))} khoản chi, tổng cộng {money(facts.estimate_total)}, "
            f"{'thấp hơn' if diff > 0 else 'vượt'} tổng kinh phí của Kế hoạch {money(abs(diff))}; "
            "cần rà soát lại dự toán.", bold=True))
    remaining = facts.remaining
    blocks.append(m.paragraph(
        f"Kinh phí đã giải ngân: {money(facts.disbursed_total)} ({words(facts.disbursed_total, options)}), đạt "
        f"{num(facts.execution_percent or 0, 1)}% dự toán; còn lại {money(remaining)} ({words(remaining, options)})."))
    return blocks


def source_table(facts: BudgetFigures) -> dict:
    """Estimate and disbursement by funding source, with the total."""
    rows: list[dict | list] = []
    for i, (source, (est, dis)) in enumerate(facts.by_source.items(), 1):
        rows.append([str(i), source, format_money(est), format_money(dis), percent(dis, est)])
    rows.append(m.row(["", "Tổng cộng", format_money(facts.estimate_total), format_money(facts.disbursed_total),
                       percent(facts.disbursed_total, facts.estimate_total)], bold=True))
    return m.table([m.column("TT", 0.5, "center"), m.column("Nguồn kinh phí", 3.5), m.column("Dự toán", 1.7, "right"),
                    m.column("Đã giải ngân", 1.7, "right"), m.column("Tỷ lệ", 0.9, "right")], rows,
                   caption="Kinh phí theo nguồn", unit_note="Đơn vị tính: đồng")


def budget_chart(facts: BudgetFigures) -> dict:
    """Estimate against disbursement per content item, in millions of đồng."""
    cats = [k for k, _, _ in facts.by_task]
    return m.chart("bar", "Dự toán và giải ngân theo nội dung (triệu đồng)", cats,
                   [("Dự toán", [round(e / 1e6) for _, e, _ in facts.by_task]),
                    ("Đã giải ngân", [round(d / 1e6) for _, _, d in facts.by_task])], unit="triệu đồng")


def estimate_table(facts: BudgetFigures, options: ReportOptions) -> dict:
    """The estimate (dự toán) line by line with its execution; totals and the total in words."""
    columns = [m.column("TT", 0.5, "center"), m.column("Nội dung chi", 4.2), m.column("Đơn vị tính", 1.2, "center"),
               m.column("Số lượng", 0.9, "right"), m.column("Đơn giá", 1.4, "right"),
               m.column("Thành tiền", 1.6, "right"), m.column("Đã giải ngân", 1.6, "right"),
               m.column("Tỷ lệ", 0.8, "right"), m.column("Nguồn kinh phí", 2.2)]
    rows: list[dict | list] = []
    for i, line in enumerate(facts.lines, 1):
        paid = facts.disbursed_by_line.get(line["id"], 0)
        qty = line["quantity"]
        rows.append([str(i), line["item"], line["unit"], num(qty, 0 if qty is None or float(qty).is_integer() else 2),
                     format_money(line["unit_price"]) if line["unit_price"] is not None else "",
                     format_money(line["amount"]), format_money(paid), percent(paid, line["amount"]),
                     line["funding_source"]])
    rows.append(m.row(["", "Tổng cộng", "", "", "", format_money(facts.estimate_total),
                       format_money(facts.disbursed_total), percent(facts.disbursed_total, facts.estimate_total), ""],
                      bold=True))
    rows.append(m.row([f"Bằng chữ: {words(facts.estimate_total, options)}."], italic=True, span=True))
    return m.table(columns, rows, unit_note="Đơn vị tính: đồng")


def disbursement_table(facts: BudgetFigures) -> dict:
    """Every disbursement in date order."""
    rows: list[dict | list] = [[str(i), format_date(d["date"]), d["voucher"], d["item"], format_money(d["amount"])]
                               for i, d in enumerate(facts.disbursements, 1)]
    rows.append(m.row(["", "", "", "Tổng cộng", format_money(facts.disbursed_total)], bold=True))
    return m.table([m.column("TT", 0.5, "center"), m.column("Ngày chi", 1.5, "center"),
                    m.column("Số chứng từ", 1.7, "center"), m.column("Khoản chi", 4.5),
                    m.column("Số tiền", 1.6, "right")], rows, unit_note="Đơn vị tính: đồng")


# -- office reports ----------------------------------------------------------------------------------------------------
def office_report_blocks(facts: OfficeReportFigures) -> list[dict]:
    """Which offices reported on time, late or not at all."""
    if not facts.rows:
        return [m.paragraph("Kế hoạch chưa giao báo cáo cho đơn vị nào.")]
    blocks = []
    for state, lead in ((derived.SUBMITTED_ON_TIME, "Đã gửi báo cáo đúng hạn"),
                        (derived.SUBMITTED_LATE, "Gửi báo cáo chậm so với thời hạn"),
                        (derived.MISSING, "Đã quá hạn nhưng chưa gửi báo cáo"),
                        (derived.NOT_YET_DUE, "Chưa đến hạn báo cáo")):
        items = facts.by_state.get(state, [])
        if not items:
            continue
        names = ", ".join(r["agency"] + (f" ({format_date(r['submitted_date'])})" if state == derived.SUBMITTED_LATE
                                         else "") for r in items)
        blocks.append(m.paragraph(f"- {lead} ({two(len(items))} đơn vị): {names}.", indent=True))
    return blocks


def office_report_table(facts: OfficeReportFigures) -> dict:
    """Every office report with due and submitted dates and its state."""
    rows = [[str(i), r["agency"], r["recipient"], format_date(r["due_date"]), format_date(r["submitted_date"]),
             r["state_title"]] for i, r in enumerate(facts.rows, 1)]
    return m.table([m.column("TT", 0.5, "center"), m.column("Đơn vị báo cáo", 3), m.column("Gửi đến", 1.8),
                    m.column("Hạn nộp", 1.4, "center"), m.column("Ngày nộp", 1.4, "center"),
                    m.column("Tình trạng", 1.6, "center")], rows)
