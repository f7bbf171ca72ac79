"""Print options of the summaries: agency names, number, place and date, signature block, recipients, page layout.

Qt-free. Each option is declared once (key, default); values live in the database's settings table (they travel with
the data) under "report.<name>", the document number under "report.number.<report id>". Anything not set is
pre-filled from the plan and this installation's office.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field, fields, replace

from desktop.domain.dates import parse_date
from desktop.domain.text import clean_text
from desktop.store import Store
from desktop.store.settings import get_setting, set_setting

PREFIX = "report."
NUMBER_PREFIX = "report.number."
KIND_PREFIX = "report.kind."
# Remembered per kind of document (a report and a reminder letter have their own number, signer and place).
PER_KIND = ("place", "signer_authority", "signer_title", "signer_name")

# Decree 30/2020/NĐ-CP, Appendix I: margins (mm) and the body text size (pt). Outside: a warning, not a refusal.
DECREE_RANGES = {
    "margin_top": (20.0, 25.0, "Lề trên"),
    "margin_bottom": (20.0, 25.0, "Lề dưới"),
    "margin_left": (30.0, 35.0, "Lề trái"),
    "margin_right": (15.0, 20.0, "Lề phải"),
    "body_pt": (13.0, 14.0, "Cỡ chữ nội dung"),
    "table_pt": (10.0, 13.0, "Cỡ chữ trong bảng"),
}
# What a value may be at all (a value outside is refused with a message).
HARD_RANGES = {"margin_top": (5.0, 60.0), "margin_bottom": (5.0, 60.0), "margin_left": (5.0, 60.0),
               "margin_right": (5.0, 60.0), "body_pt": (8.0, 20.0), "table_pt": (7.0, 16.0)}

DEFAULT_RECIPIENTS = (
    "UBND tỉnh (để báo cáo)",
    "Bộ Công Thương (để báo cáo)",
    "Các sở, ngành, UBND các huyện, thành phố (phối hợp)",
    "Giám đốc, các Phó Giám đốc Sở",
    "Lưu: VT, QLCN",
)


@dataclass(frozen=True)
class ReportOptions:
    """Everything a printed summary needs besides its data. Sizes in points, margins in millimetres.

    `date` is ISO text; empty means today. `number` is what follows "Số: " (e.g. "15/BC-SCT"; a blank number
    such as "   /BC-SCT" leaves room to write it by hand). `font_family` empty means Times New Roman where installed,
    else the bundled Liberation Serif.
    """

    parent_agency: str = "UBND TỈNH ĐỒNG NAI"
    issuing_agency: str = "SỞ CÔNG THƯƠNG"
    number: str = "      /BC-SCT"
    place: str = "Đồng Nai"
    date: str = ""
    signer_authority: str = "KT. GIÁM ĐỐC"
    signer_title: str = "PHÓ GIÁM ĐỐC"
    signer_name: str = ""
    recipients: tuple[str, ...] = DEFAULT_RECIPIENTS
    margin_top: float = 20.0
    margin_bottom: float = 20.0
    margin_left: float = 30.0
    margin_right: float = 15.0
    body_pt: float = 13.0
    table_pt: float = 11.0
    font_family: str = ""
    zero_tens: str = "linh"
    thousand: str = "ngàn"  # as the province's own documents (the 2024 plan) spell amounts
    extra: dict = field(default_factory=dict, compare=False)

    def report_date(self) -> dt.date:
        """The date printed on the document (today when none is set)."""
        return parse_date(self.date) if self.date else dt.date.today()


# Options a user edits; `extra` is for callers only and is never stored.
STORED_FIELDS = tuple(f.name for f in fields(ReportOptions) if f.name not in ("extra", "number"))


def options_of(doc: dict) -> ReportOptions:
    """The ReportOptions stored in a document model."""
    names = {f.name for f in fields(ReportOptions)}
    values = {k: v for k, v in doc.get("options", {}).items() if k in names and k != "extra"}
    if "recipients" in values:
        values["recipients"] = tuple(values["recipients"])
    return ReportOptions(**values)


def option_warnings(options: ReportOptions) -> list[str]:
    """Values outside Decree 30's ranges, as Vietnamese sentences (printing goes on; the user decides)."""
    out = []
    for name, (low, high, title) in DECREE_RANGES.items():
        value = float(getattr(options, name))
        if not low <= value <= high:
            unit = "pt" if name.endswith("_pt") else "mm"
            out.append(f"{title} {_vn(value)} {unit} nằm ngoài khoảng {_vn(low)}–{_vn(high)} {unit} theo Nghị định "
                       "30/2020/NĐ-CP.")
    if options.zero_tens not in ("linh", "lẻ"):
        out.append("Cách đọc số 0 hàng chục phải là “linh” hoặc “lẻ”.")
    if options.thousand not in ("nghìn", "ngàn"):
        out.append("Cách đọc hàng nghìn phải là “nghìn” hoặc “ngàn”.")
    return out


def option_errors(options: ReportOptions) -> list[str]:
    """Values no document can be printed with (refused with these messages)."""
    out = []
    for name, (low, high) in HARD_RANGES.items():
        value = float(getattr(options, name))
        if not low <= value <= high:
            title = DECREE_RANGES[name][2]
            out.append(f"{title} phải từ {_vn(low)} đến {_vn(high)}.")
    return out


def _vn(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def date_line(place: str, date: dt.date | None) -> str:
    """The place-and-date line of Decree 30: "Đồng Nai, ngày 05 tháng 3 năm 2024" (day 1–9 and month 1–2 padded).

    Without a date the day and month are left as dots to be written by hand.
    """
    if date is None:
        return f"{place}, ngày     tháng     năm     "
    month = f"{date.month:02d}" if date.month < 3 else str(date.month)
    return f"{place}, ngày {date.day:02d} tháng {month} năm {date.year}"


def agency_caps(name: str) -> str:
    """An agency name as written in the header block: capitals, "Ủy ban nhân dân" shortened to "UBND"."""
    text = clean_text(name)
    for long in ("Ủy ban nhân dân", "Uỷ ban nhân dân", "ỦY BAN NHÂN DÂN"):
        text = text.replace(long, "UBND")
    return text.upper()


# The form of a document's number by kind (Decree 30, Appendix III): reports BC, submissions TTr, letters carry the
# agency and the drafting office ("SCT-QLCN"); lists have no number.
NUMBER_FORMS = {"request": "{code}-QLCN", "reminder": "{code}-QLCN", "submission": "TTr-{code}",
                "estimate": "DT-{code}"}


def plan_defaults(store: Store, plan: dict | None, report_id: str = "") -> dict:
    """Option values pre-filled from the plan and this installation's office (before the user's settings)."""
    values: dict = {}
    office = store.repo("agencies").rows(code=store.context.office)
    if office:
        values["issuing_agency"] = agency_caps(office[0]["name"])
        form = NUMBER_FORMS.get(report_id, "BC-{code}")
        values["number"] = "      /" + form.format(code=office[0]["code"])
    if plan:
        if plan.get("issuer"):
            values["parent_agency"] = agency_caps(plan["issuer"])
        if plan.get("place"):
            values["place"] = plan["place"]
        report_to = [r["report_to"] for r in store.repo("responsibilities").rows(plan_id=plan["id"])
                     if r.get("report_to")]
        if report_to and report_to[0] not in DEFAULT_RECIPIENTS[0]:
            values["recipients"] = (f"{report_to[0]} (để báo cáo)",) + DEFAULT_RECIPIENTS[1:]
        values["date"] = default_date(store, plan).isoformat()
    return values


def default_date(store: Store, plan: dict, today: dt.date | None = None) -> dt.date:
    """The date a summary of `plan` carries unless set: today, but no later than the department's own report
    deadline of the plan year (its report to the province, 25/12), so that a past year's report reads as of then."""
    today = today or dt.date.today()
    deadlines = [r["report_deadline"] for r in store.repo("responsibilities").rows(plan_id=plan["id"])
                 if r.get("report_deadline")]
    try:
        limit = parse_date(max(deadlines)) if deadlines else dt.date(int(plan["year"]), 12, 25)
    except (ValueError, TypeError):
        return today
    return min(today, limit)


def chosen_date(store: Store) -> str:
    """The document date the user typed and saved (ISO), or "" when the date is left automatic."""
    return get_setting(store.db, PREFIX + "date") or ""


def load_options(store: Store, plan: dict | None = None, report_id: str = "") -> ReportOptions:
    """The options for printing `report_id` of `plan`: stored settings over the plan's defaults over built-ins."""
    values = plan_defaults(store, plan, report_id)
    for name in STORED_FIELDS:
        raw = get_setting(store.db, PREFIX + name)
        if raw is None or (name == "date" and not raw.strip()):
            continue  # an empty stored date means "automatic": the plan's default
        values[name] = _decode(name, raw)
    if report_id:
        number = get_setting(store.db, NUMBER_PREFIX + report_id)
        if number is not None:
            values["number"] = number
        for name in PER_KIND:
            raw = get_setting(store.db, f"{KIND_PREFIX}{report_id}.{name}")
            if raw is not None:
                values[name] = raw
    return replace(ReportOptions(), **values)


def save_options(store: Store, options: ReportOptions, report_id: str = "") -> None:
    """Store the options (the number under `report_id`) in the settings table, in one transaction."""
    data = asdict(options)
    with store.atomic():
        for name in STORED_FIELDS:
            value = data[name]
            set_setting(store.db, PREFIX + name, json.dumps(list(value), ensure_ascii=False)
                        if name == "recipients" else str(value))
        if report_id:
            set_setting(store.db, NUMBER_PREFIX + report_id, options.number)
            for name in PER_KIND:
                set_setting(store.db, f"{KIND_PREFIX}{report_id}.{name}", str(data[name]))


def _decode(name: str, raw: str) -> object:
    default = getattr(ReportOptions(), name)
    if name == "recipients":
        try:
            items = json.loads(raw)
        except json.JSONDecodeError:
            items = raw.splitlines()
        return tuple(clean_text(i) for i in items if clean_text(i))
    if isinstance(default, float):
        try:
            return float(raw.replace(",", "."))
        except ValueError:
            return default
    return raw
