"""The catalogue of entities: every table that travels between offices, its fields and its cross-field rules.

Every layer reads this one description: the exchange builds its sheets and column titles from it, the UI its table
columns and form editors. The schema is built by frozen migrations (store/schema.py) that a test keeps in step.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import ROUND_HALF_UP, Decimal
from types import MappingProxyType
from typing import NamedTuple

from desktop.domain import choices as ch
from desktop.domain.fields import Field, Kind
from desktop.domain.rows import Row

# Bookkeeping columns carried by every travelling row (see docs/architecture.md, "Data model").
META_COLUMNS = ("id", "rev", "revs", "updated_at", "updated_by", "owner", "deleted")

CrossCheck = Callable[[Row], list[tuple[str, str]]]


class EntitySpec(NamedTuple):
    """One entity: its table, Vietnamese and English names, fields, and the field pointing at its parent."""

    name: str
    title: str
    label_en: str
    fields: tuple[Field, ...]
    parent: str = ""
    display: str = ""
    checks: tuple[CrossCheck, ...] = ()
    unique: tuple[str, ...] = ()
    derived: Mapping[str, Callable[[Row], object]] = MappingProxyType({})
    # Fields added by a migration after the first release. Left empty they do not count in a row's content hash,
    # so revisions made before they existed keep their hash, and workbooks of older versions (without their columns)
    # still import (see domain/revisions.py and exchange/reader.py).
    added_later: tuple[str, ...] = ()

    def field(self, name: str) -> Field:
        """The field called `name`; KeyError when there is none."""
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    @property
    def field_names(self) -> list[str]:
        """The names of the data fields, in display order."""
        return [f.name for f in self.fields]

    @property
    def refs(self) -> list[Field]:
        """The fields that point at other entities."""
        return [f for f in self.fields if f.kind in (Kind.REF, Kind.REFS)]


def _f(name: str, kind: Kind, title: str, label_en: str, **kw: object) -> Field:
    return Field(name, kind, title, label_en, **kw)  # type: ignore[arg-type]  # kw are Field's keyword fields, checked by Field itself


def _seq() -> Field:
    return _f("seq", Kind.INT, "Thứ tự", "Order", minimum=0)


def _note() -> Field:
    return _f("note", Kind.LONGTEXT, "Ghi chú", "Note")


def _date_order(start: str, end: str, message: str) -> CrossCheck:
    def check(row: Row) -> list[tuple[str, str]]:
        if row.get(start) and row.get(end) and row[end] < row[start]:
            return [(end, message)]
        return []

    return check


def line_amount(row: Row) -> int | None:
    """Quantity × unit price in whole đồng, halves rounded up as accountants do (None when either is missing).

    Computed in Decimal: 0,5 × 5 đồng is 3 (float and round() would give 2), and no float overflow for huge entries.
    """
    qty, price = row.get("quantity"), row.get("unit_price")
    if qty is None or price is None:
        return None
    product = Decimal(str(qty)) * Decimal(str(price))
    return int(product.to_integral_value(rounding=ROUND_HALF_UP))


def _amount_matches(row: Row) -> list[tuple[str, str]]:
    expected, amount = line_amount(row), row.get("amount")
    if expected is not None and amount is not None and amount != expected:
        return [("amount", f"thành tiền phải bằng số lượng × đơn giá ({expected:,} đồng)".replace(",", "."))]
    return []


def _rename_needs_both(row: Row) -> list[tuple[str, str]]:
    if bool(row.get("former_name")) != bool(row.get("renamed_on")):
        missing = "renamed_on" if row.get("former_name") else "former_name"
        return [(missing, "tên trước khi đổi và ngày đổi tên phải nhập cùng nhau")]
    return []


PLANS = EntitySpec(
    "plans", "Kế hoạch", "Plans", display="title",
    fields=(
        _f("number", Kind.TEXT, "Số hiệu", "Number", max_length=60),
        _f("parent_agency", Kind.TEXT, "Cơ quan chủ quản", "Parent agency"),
        _f("issuer", Kind.TEXT, "Cơ quan ban hành", "Issuer", required=True),
        _f("place", Kind.TEXT, "Địa danh", "Place"),
        _f("issue_date", Kind.DATE, "Ngày ban hành", "Issue date"),
        _f("year", Kind.YEAR, "Năm", "Year", required=True),
        _f("title", Kind.LONGTEXT, "Tên kế hoạch", "Title", required=True),
        _f("parent_plan", Kind.TEXT, "Kế hoạch giai đoạn", "Parent programme"),
        _f("parent_plan_title", Kind.LONGTEXT, "Tên kế hoạch giai đoạn", "Parent programme title"),
        _f("preamble", Kind.LONGTEXT, "Lời dẫn", "Preamble"),
        _f("purpose", Kind.LONGTEXT, "Mục đích", "Purpose"),
        _f("objectives_intro", Kind.LONGTEXT, "Mục tiêu chung", "Objectives introduction"),
        _f("total_budget", Kind.MONEY, "Tổng kinh phí (đồng)", "Total budget (VND)", required=True, minimum=0),
        _f("funding_source", Kind.TEXT, "Nguồn kinh phí", "Funding source"),
        _f("budget_intro", Kind.LONGTEXT, "Nội dung mục kinh phí", "Budget section text"),
        _f("closing", Kind.LONGTEXT, "Đoạn kết", "Closing paragraph"),
        _f("recipients", Kind.LONGTEXT, "Nơi nhận", "Recipients"),
        _f("signer_authority", Kind.TEXT, "Thẩm quyền ký", "Signing authority"),
        _f("signer_title", Kind.TEXT, "Chức vụ người ký", "Signer's title"),
        _f("signer_name", Kind.TEXT, "Người ký", "Signer"),
        _f("status", Kind.CHOICE, "Trạng thái", "Status", choices=ch.PLAN_STATUSES, default="draft"),
    ),
    unique=("year",),  # one plan a year: pages, reports and the plan-year switch pick a plan by its year
)

LEGAL_BASES = EntitySpec(
    "legal_bases", "Căn cứ pháp lý", "Legal bases", parent="plan_id", display="title",
    fields=(
        _f("plan_id", Kind.REF, "Kế hoạch", "Plan", required=True, ref="plans"),
        _seq(),
        _f("kind", Kind.TEXT, "Loại văn bản", "Document kind"),
        _f("number", Kind.TEXT, "Số hiệu", "Number"),
        _f("date", Kind.DATE, "Ngày ban hành", "Date"),
        _f("issuer", Kind.TEXT, "Cơ quan ban hành", "Issuer"),
        _f("title", Kind.LONGTEXT, "Nội dung căn cứ", "Text", required=True),
    ),
)

OBJECTIVES = EntitySpec(
    "objectives", "Mục tiêu", "Objectives", parent="plan_id", display="text",
    fields=(
        _f("plan_id", Kind.REF, "Kế hoạch", "Plan", required=True, ref="plans"),
        _seq(),
        _f("code", Kind.TEXT, "Ký hiệu", "Code", max_length=10),
        _f("text", Kind.LONGTEXT, "Nội dung mục tiêu", "Objective", required=True),
    ),
)

INDICATORS = EntitySpec(
    "indicators", "Chỉ tiêu", "Indicators", parent="objective_id", display="name",
    fields=(
        _f("objective_id", Kind.REF, "Mục tiêu", "Objective", required=True, ref="objectives"),
        _seq(),
        _f("name", Kind.TEXT, "Chỉ tiêu", "Indicator", required=True),
        _f("unit", Kind.TEXT, "Đơn vị tính", "Unit"),
        _f("target", Kind.DECIMAL, "Chỉ tiêu kế hoạch", "Target", required=True, minimum=0),
        _f("actual", Kind.DECIMAL, "Kết quả thực hiện", "Actual", minimum=0),
        _note(),
    ),
)

AGENCIES = EntitySpec(
    "agencies", "Đơn vị", "Agencies", display="name",
    fields=(
        _f("code", Kind.TEXT, "Mã đơn vị", "Code", required=True, max_length=30),
        _f("name", Kind.TEXT, "Tên đơn vị", "Name", required=True),
        _f("short_name", Kind.TEXT, "Tên viết tắt", "Short name"),
        _f("kind", Kind.CHOICE, "Loại đơn vị", "Kind", required=True, choices=ch.AGENCY_KINDS),
        _f("valid_from", Kind.DATE, "Hiệu lực từ", "Valid from"),
        _f("valid_to", Kind.DATE, "Hiệu lực đến", "Valid to"),
        _seq(),
        _note(),
        # Succession (2025 reform): who takes over when the agency ends, and a rename kept for old documents.
        _f("successor_ids", Kind.REFS, "Đơn vị kế thừa", "Successors", ref="agencies"),
        _f("former_name", Kind.TEXT, "Tên trước khi đổi", "Former name"),
        _f("renamed_on", Kind.DATE, "Ngày đổi tên", "Renamed on"),
    ),
    checks=(_date_order("valid_from", "valid_to", "ngày hết hiệu lực không được trước ngày bắt đầu"),
            _rename_needs_both),
    unique=("code",),
    added_later=("successor_ids", "former_name", "renamed_on"),  # migration 0003
)

TASKS = EntitySpec(
    "tasks", "Nhiệm vụ", "Tasks", parent="plan_id", display="title",
    fields=(
        _f("plan_id", Kind.REF, "Kế hoạch", "Plan", required=True, ref="plans"),
        _f("parent_id", Kind.REF, "Thuộc nội dung", "Parent item", ref="tasks"),
        _f("code", Kind.TEXT, "Mục", "Item", max_length=20),
        _seq(),
        _f("kind", Kind.CHOICE, "Loại", "Kind", required=True, choices=ch.TASK_KINDS, default="activity"),
        _f("title", Kind.LONGTEXT, "Nội dung", "Title", required=True),
        _f("lead_agency_id", Kind.REF, "Đơn vị chủ trì", "Lead agency", ref="agencies"),
        _f("coordinating_ids", Kind.REFS, "Đơn vị phối hợp", "Coordinating agencies", ref="agencies"),
        _f("quarters", Kind.QUARTERS, "Quý thực hiện", "Quarters"),
        _f("start_date", Kind.DATE, "Ngày bắt đầu", "Start date"),
        _f("end_date", Kind.DATE, "Thời hạn", "Deadline"),
        _f("status", Kind.CHOICE, "Tình trạng", "Status", required=True, choices=ch.TASK_STATUSES,
           default="not_started"),
        _f("progress", Kind.PERCENT, "Tiến độ (%)", "Progress (%)", minimum=0, maximum=100, default=0),
        _f("expected_output", Kind.LONGTEXT, "Sản phẩm dự kiến", "Expected output"),
        _f("result", Kind.LONGTEXT, "Kết quả", "Result"),
        _note(),
    ),
    checks=(_date_order("start_date", "end_date", "thời hạn không được trước ngày bắt đầu"),),
)

RESPONSIBILITIES = EntitySpec(
    "responsibilities", "Tổ chức thực hiện", "Responsibilities", parent="plan_id", display="heading",
    fields=(
        _f("plan_id", Kind.REF, "Kế hoạch", "Plan", required=True, ref="plans"),
        _seq(),
        _f("code", Kind.TEXT, "Mục", "Item", max_length=20),
        _f("heading", Kind.TEXT, "Đơn vị thực hiện", "Responsible", required=True),
        _f("agency_ids", Kind.REFS, "Các đơn vị", "Agencies", ref="agencies"),
        _f("duties", Kind.LONGTEXT, "Nhiệm vụ", "Duties", required=True),
        _f("report_to", Kind.TEXT, "Báo cáo về", "Reports to"),
        _f("report_deadline", Kind.DATE, "Hạn báo cáo", "Report deadline"),
    ),
)

TRAINING_COURSES = EntitySpec(
    "training_courses", "Lớp tập huấn", "Training courses", parent="plan_id", display="title",
    fields=(
        _f("plan_id", Kind.REF, "Kế hoạch", "Plan", required=True, ref="plans"),
        _f("task_id", Kind.REF, "Nhiệm vụ", "Task", ref="tasks"),
        _f("title", Kind.LONGTEXT, "Tên lớp", "Course title", required=True),
        _f("venue", Kind.TEXT, "Địa điểm", "Venue"),
        _f("start_date", Kind.DATE, "Ngày bắt đầu", "Start date"),
        _f("end_date", Kind.DATE, "Ngày kết thúc", "End date"),
        _f("target_participants", Kind.INT, "Số học viên dự kiến", "Target participants", minimum=0),
        _f("organiser_id", Kind.REF, "Đơn vị tổ chức", "Organiser", ref="agencies"),
        _f("lecturers", Kind.LONGTEXT, "Giảng viên", "Lecturers"),
        _f("content", Kind.LONGTEXT, "Nội dung tập huấn", "Content"),
        _note(),
    ),
    checks=(_date_order("start_date", "end_date", "ngày kết thúc không được trước ngày bắt đầu"),),
)

PARTICIPANTS = EntitySpec(
    "participants", "Học viên", "Participants", parent="course_id", display="full_name",
    fields=(
        _f("course_id", Kind.REF, "Lớp tập huấn", "Course", required=True, ref="training_courses"),
        _f("full_name", Kind.TEXT, "Họ và tên", "Full name", required=True, max_length=120),
        _f("gender", Kind.CHOICE, "Giới tính", "Gender", choices=ch.GENDERS),
        _f("birth_year", Kind.INT, "Năm sinh", "Year of birth", minimum=1920, maximum=2015),
        _f("organisation", Kind.TEXT, "Đơn vị công tác", "Organisation"),
        _f("org_kind", Kind.CHOICE, "Loại đơn vị", "Organisation kind", choices=ch.ORG_KINDS),
        _f("agency_id", Kind.REF, "Đơn vị cử", "Sending office", ref="agencies"),
        _f("position", Kind.TEXT, "Chức vụ", "Position"),
        _f("phone", Kind.PHONE, "Điện thoại", "Phone"),
        _f("email", Kind.EMAIL, "Thư điện tử", "E-mail"),
        _f("attended", Kind.BOOL, "Có tham dự", "Attended", default=1),
        _f("pre_score", Kind.DECIMAL, "Điểm trước tập huấn", "Pre-test score", minimum=0, maximum=10),
        _f("post_score", Kind.DECIMAL, "Điểm sau tập huấn", "Post-test score", minimum=0, maximum=10),
        _f("satisfaction", Kind.INT, "Mức hài lòng (1–5)", "Satisfaction (1–5)", minimum=1, maximum=5),
        _note(),
    ),
)

TRAINING_MATERIALS = EntitySpec(
    "training_materials", "Tài liệu phát", "Training materials", parent="course_id", display="title",
    fields=(
        _f("course_id", Kind.REF, "Lớp tập huấn", "Course", required=True, ref="training_courses"),
        _f("title", Kind.TEXT, "Tên tài liệu", "Title", required=True),
        _f("kind", Kind.CHOICE, "Loại tài liệu", "Kind", choices=ch.MATERIAL_KINDS),
        _f("copies", Kind.INT, "Số bản", "Copies", minimum=0),
        _note(),
    ),
)

ENTERPRISES = EntitySpec(
    "enterprises", "Doanh nghiệp khảo sát", "Surveyed enterprises", parent="plan_id", display="name",
    fields=(
        _f("plan_id", Kind.REF, "Kế hoạch", "Plan", required=True, ref="plans"),
        _f("name", Kind.TEXT, "Tên doanh nghiệp", "Name", required=True),
        _f("tax_code", Kind.TAX_CODE, "Mã số thuế", "Tax code"),
        _f("address", Kind.TEXT, "Địa chỉ", "Address"),
        _f("industrial_zone", Kind.TEXT, "KCN, CCN", "Industrial zone / cluster"),
        _f("vsic_code", Kind.VSIC, "Mã ngành VSIC", "VSIC code"),
        _f("products", Kind.TEXT, "Sản phẩm chính", "Main products"),
        _f("contact_person", Kind.TEXT, "Người liên hệ", "Contact person"),
        _f("phone", Kind.PHONE, "Điện thoại", "Phone"),
        _f("surveyed", Kind.BOOL, "Đã khảo sát", "Surveyed", default=0),
        _f("survey_date", Kind.DATE, "Ngày khảo sát", "Survey date"),
        _f("is_model", Kind.BOOL, "Doanh nghiệp mẫu", "Model enterprise", default=0),
        _note(),
    ),
)

CONVERSION_FACTORS = EntitySpec(
    "conversion_factors", "Hệ số quy đổi TOE", "TOE conversion factors", display="unit",
    fields=(
        _f("resource", Kind.CHOICE, "Loại tài nguyên", "Resource", required=True, choices=ch.RESOURCES),
        _f("unit", Kind.TEXT, "Đơn vị tính", "Unit", required=True),
        _f("toe_per_unit", Kind.DECIMAL, "TOE trên một đơn vị", "TOE per unit", required=True, minimum=0),
        _f("source", Kind.TEXT, "Nguồn", "Source"),
    ),
)

CONSUMPTION_RECORDS = EntitySpec(
    "consumption_records", "Số liệu tiêu thụ", "Consumption records", parent="enterprise_id", display="period",
    fields=(
        _f("enterprise_id", Kind.REF, "Doanh nghiệp", "Enterprise", required=True, ref="enterprises"),
        _f("period", Kind.TEXT, "Kỳ số liệu", "Period", required=True, max_length=20),
        _f("resource", Kind.CHOICE, "Loại tài nguyên", "Resource", required=True, choices=ch.RESOURCES),
        _f("quantity", Kind.DECIMAL, "Lượng tiêu thụ", "Quantity", required=True, minimum=0),
        _f("unit", Kind.TEXT, "Đơn vị tính", "Unit", required=True),
        _f("product_output", Kind.DECIMAL, "Sản lượng sản phẩm", "Product output", minimum=0),
        _f("product_unit", Kind.TEXT, "Đơn vị sản phẩm", "Product unit"),
        _note(),
    ),
)

SOLUTIONS = EntitySpec(
    "solutions", "Giải pháp đề xuất", "Proposed solutions", parent="enterprise_id", display="description",
    fields=(
        _f("enterprise_id", Kind.REF, "Doanh nghiệp", "Enterprise", required=True, ref="enterprises"),
        _f("category", Kind.CHOICE, "Nhóm giải pháp", "Category", choices=ch.SOLUTION_CATEGORIES),
        _f("description", Kind.LONGTEXT, "Nội dung giải pháp", "Description", required=True),
        _f("investment", Kind.MONEY, "Vốn đầu tư (đồng)", "Investment (VND)", minimum=0),
        _f("annual_saving", Kind.MONEY, "Tiết kiệm hằng năm (đồng)", "Annual saving (VND)", minimum=0),
        _note(),
    ),
)

SELECTION_CRITERIA = EntitySpec(
    "selection_criteria", "Tiêu chí chọn mô hình", "Selection criteria", parent="plan_id", display="name",
    fields=(
        _f("plan_id", Kind.REF, "Kế hoạch", "Plan", required=True, ref="plans"),
        _seq(),
        _f("name", Kind.TEXT, "Tiêu chí", "Criterion", required=True),
        _f("weight", Kind.DECIMAL, "Trọng số", "Weight", required=True, minimum=0, maximum=100),
    ),
)

SELECTION_SCORES = EntitySpec(
    "selection_scores", "Điểm chọn mô hình", "Selection scores", parent="enterprise_id", display="score",
    fields=(
        _f("enterprise_id", Kind.REF, "Doanh nghiệp", "Enterprise", required=True, ref="enterprises"),
        _f("criterion_id", Kind.REF, "Tiêu chí", "Criterion", required=True, ref="selection_criteria"),
        _f("score", Kind.DECIMAL, "Điểm (0–10)", "Score (0–10)", required=True, minimum=0, maximum=10),
        _note(),
    ),
)

WORKSHOPS = EntitySpec(
    "workshops", "Hội thảo tham vấn", "Workshops", parent="plan_id", display="title",
    fields=(
        _f("plan_id", Kind.REF, "Kế hoạch", "Plan", required=True, ref="plans"),
        _f("task_id", Kind.REF, "Nhiệm vụ", "Task", ref="tasks"),
        _f("title", Kind.TEXT, "Tên hội thảo", "Title", required=True),
        _f("date", Kind.DATE, "Ngày tổ chức", "Date"),
        _f("venue", Kind.TEXT, "Địa điểm", "Venue"),
        _f("participants_count", Kind.INT, "Số đại biểu", "Participants", minimum=0),
        _f("summary", Kind.LONGTEXT, "Kết quả", "Outcome"),
    ),
)

BUDGET_LINES = EntitySpec(
    "budget_lines", "Dự toán kinh phí", "Budget lines", parent="plan_id", display="item",
    fields=(
        _f("plan_id", Kind.REF, "Kế hoạch", "Plan", required=True, ref="plans"),
        _f("task_id", Kind.REF, "Nhiệm vụ", "Task", ref="tasks"),
        _seq(),
        _f("item", Kind.TEXT, "Nội dung chi", "Item", required=True),
        _f("unit", Kind.TEXT, "Đơn vị tính", "Unit"),
        _f("quantity", Kind.DECIMAL, "Số lượng", "Quantity", minimum=0),
        _f("unit_price", Kind.MONEY, "Đơn giá (đồng)", "Unit price (VND)", minimum=0),
        _f("amount", Kind.MONEY, "Thành tiền (đồng)", "Amount (VND)", required=True, minimum=0),
        _f("funding_source", Kind.TEXT, "Nguồn kinh phí", "Funding source"),
        _note(),
    ),
    checks=(_amount_matches,),
    derived={"amount": line_amount},
)

DISBURSEMENTS = EntitySpec(
    "disbursements", "Giải ngân", "Disbursements", parent="budget_line_id", display="voucher",
    fields=(
        _f("budget_line_id", Kind.REF, "Khoản dự toán", "Budget line", required=True, ref="budget_lines"),
        _f("date", Kind.DATE, "Ngày chi", "Date", required=True),
        _f("amount", Kind.MONEY, "Số tiền (đồng)", "Amount (VND)", required=True, minimum=0),
        _f("voucher", Kind.TEXT, "Số chứng từ", "Voucher"),
        _note(),
    ),
)

OFFICE_REPORTS = EntitySpec(
    "office_reports", "Báo cáo của đơn vị", "Office reports", parent="plan_id", display="subject",
    fields=(
        _f("plan_id", Kind.REF, "Kế hoạch", "Plan", required=True, ref="plans"),
        _f("agency_id", Kind.REF, "Đơn vị báo cáo", "Reporting office", required=True, ref="agencies"),
        _f("recipient_id", Kind.REF, "Gửi đến", "Sent to", ref="agencies"),
        _f("subject", Kind.LONGTEXT, "Nội dung báo cáo", "Subject", required=True),
        _f("period", Kind.TEXT, "Kỳ báo cáo", "Period"),
        _f("due_date", Kind.DATE, "Hạn nộp", "Due date", required=True),
        _f("submitted_date", Kind.DATE, "Ngày nộp", "Submitted on"),
        _f("summary", Kind.LONGTEXT, "Tóm tắt kết quả", "Summary"),
        _note(),
    ),
)

# Parents before children: the order of creation, export and import.
ENTITIES: tuple[EntitySpec, ...] = (
    AGENCIES, PLANS, LEGAL_BASES, OBJECTIVES, INDICATORS, TASKS, RESPONSIBILITIES,
    TRAINING_COURSES, PARTICIPANTS, TRAINING_MATERIALS,
    ENTERPRISES, CONVERSION_FACTORS, CONSUMPTION_RECORDS, SOLUTIONS, SELECTION_CRITERIA, SELECTION_SCORES, WORKSHOPS,
    BUDGET_LINES, DISBURSEMENTS, OFFICE_REPORTS,
)
BY_NAME: dict[str, EntitySpec] = {spec.name: spec for spec in ENTITIES}


def spec(name: str) -> EntitySpec:
    """The entity called `name` (its table name)."""
    return BY_NAME[name]
