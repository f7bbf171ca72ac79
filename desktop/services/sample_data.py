"""Sample data for testers and demonstrations: a plan filled with a realistic year of work, clearly marked as sample.

Everything goes through the repositories (validated, with revisions) in one transaction. Names of people are made
up from common Vietnamese family, middle and given names; enterprises are fictitious and carry "(mẫu)" in their name;
every row with a note field says "Dữ liệu mẫu".
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from desktop.domain.rows import Row
from desktop.domain.taxcode import tax_code_error
from desktop.figures.indicators import plan_indicators
from desktop.store import Store, StoreError

SAMPLE_NOTE = "Dữ liệu mẫu để thử nghiệm"

FAMILY_NAMES = ("Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ",
                "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trương", "Đinh", "Lâm", "Mai", "Tạ")
MALE_MIDDLE = ("Văn", "Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Xuân", "Hoàng", "Tuấn", "Đình")
FEMALE_MIDDLE = ("Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Mỹ", "Kim", "Hồng", "Bích", "Thùy", "Phương")
MALE_GIVEN = ("Anh", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Huy", "Khánh", "Khoa", "Long", "Minh", "Nam",
              "Nghĩa", "Phong", "Phúc", "Quang", "Sơn", "Tài", "Thắng", "Thành", "Toàn", "Trung", "Tú", "Việt", "Vinh")
FEMALE_GIVEN = ("An", "Anh", "Châu", "Diệp", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hương", "Lan",
                "Liên", "Linh", "Mai", "Ngân", "Nhung", "Oanh", "Phượng", "Quyên", "Thảo", "Trang", "Tuyết", "Uyên",
                "Yến")

INDUSTRIAL_ZONES = ("KCN Biên Hòa 1", "KCN Biên Hòa 2", "KCN Amata", "KCN Loteco", "KCN Hố Nai", "KCN Sông Mây",
                    "KCN Nhơn Trạch 1", "KCN Nhơn Trạch 2", "KCN Nhơn Trạch 3", "KCN Nhơn Trạch 6", "KCN Long Thành",
                    "KCN Gò Dầu", "KCN Tam Phước", "KCN Long Đức", "KCN Giang Điền", "KCN Dầu Giây",
                    "KCN Agtex Long Bình")
COMMERCE = ("Chợ Biên Hòa", "Chợ Tân Hiệp", "Chợ Long Khánh", "Chợ Trảng Bom", "Chợ Long Thành", "Chợ Dầu Giây",
            "Siêu thị Biên Hòa (mẫu)", "Trung tâm thương mại Long Khánh (mẫu)", "Siêu thị Nhơn Trạch (mẫu)")
PRODUCTION = ("Cơ sở chế biến gỗ Tân Phú (mẫu)", "Cơ sở sản xuất gạch Vĩnh Cửu (mẫu)",
              "Cơ sở chế biến hạt điều Xuân Lộc (mẫu)", "Cơ sở dệt nhuộm Trảng Bom (mẫu)",
              "Cơ sở cơ khí Long Thành (mẫu)", "Cơ sở chế biến thức ăn chăn nuôi Thống Nhất (mẫu)")
ENTERPRISE_WORDS = ("Hưng Phát", "Tân Thành", "Đông Á", "Phú Cường", "Minh Long", "Việt Hóa", "Sao Mai", "Thịnh Vượng",
                    "Hòa Bình", "An Phú")
DEPARTMENT_POSITIONS = ("Chuyên viên", "Chuyên viên", "Chuyên viên chính", "Phó Trưởng phòng", "Trưởng phòng")
ENTERPRISE_POSITIONS = ("Cán bộ kỹ thuật", "Nhân viên môi trường", "Quản đốc phân xưởng", "Trưởng phòng kỹ thuật",
                        "Phó Giám đốc", "Cán bộ an toàn - môi trường", "Kỹ sư năng lượng")
COMMERCE_POSITIONS = ("Ban quản lý chợ", "Quản lý cửa hàng", "Nhân viên", "Trưởng ngành hàng")

# org_kind, share of participants (the training targets these groups: departments, districts, enterprises in and
# outside industrial zones, shops and markets, industrial production facilities).
ORG_MIX = (("department", 0.14), ("district", 0.16), ("enterprise_zone", 0.28), ("enterprise", 0.16),
           ("commerce", 0.12), ("production", 0.12), ("other", 0.02))


@dataclass(frozen=True)
class _Enterprise:
    name: str
    vsic: str
    products: str
    zone: str
    product_unit: str
    output: float
    electricity: float
    fuel: tuple[str, str, float]
    do: float
    water: float
    raw: float


ENTERPRISES = (
    _Enterprise("Công ty TNHH Hóa chất Hưng Phát (mẫu)", "2011", "Axit sunfuric, xút, phèn nhôm", "KCN Biên Hòa 1",
                "tấn", 42_000, 9_850_000, ("coal", "tấn (than cám 3-4)", 1_850), 64, 315_000, 38_500),
    _Enterprise("Công ty Cổ phần Phân bón Đồng Xanh (mẫu)", "2012", "Phân bón NPK", "KCN Gò Dầu",
                "tấn", 120_000, 7_200_000, ("coal", "tấn (than cám 3-4)", 2_600), 110, 96_000, 118_000),
    _Enterprise("Công ty TNHH Nhựa và Hạt màu Tân Thành (mẫu)", "2013", "Hạt nhựa PE, PP, hạt màu", "KCN Nhơn Trạch 2",
                "tấn", 18_500, 12_400_000, ("lpg", "tấn", 210), 28, 54_000, 19_300),
    _Enterprise("Công ty TNHH Sơn Phú Cường (mẫu)", "2022", "Sơn nước, sơn dầu, bột trét", "KCN Amata",
                "tấn", 9_800, 3_150_000, ("fo", "tấn", 95), 12, 21_500, 10_400),
    _Enterprise("Công ty Cổ phần Chất tẩy rửa Sao Mai (mẫu)", "2023", "Bột giặt, nước rửa chén", "KCN Loteco",
                "tấn", 26_000, 5_600_000, ("natural_gas", "triệu m³", 1.9), 35, 88_000, 27_600),
)

SOLUTIONS = (
    ("housekeeping", "Kiểm soát rò rỉ hơi, khí nén; bảo ôn đường ống và thiết bị", 180_000_000, 240_000_000),
    ("energy", "Lắp biến tần cho bơm, quạt và máy nén khí", 650_000_000, 310_000_000),
    ("equipment", "Thay lò hơi đốt than bằng lò hơi hiệu suất cao", 2_800_000_000, 720_000_000),
    ("recovery", "Thu hồi nước ngưng và tái sử dụng nước làm mát", 420_000_000, 195_000_000),
    ("process", "Tối ưu hóa công thức phối trộn, giảm hao hụt nguyên liệu", 250_000_000, 380_000_000),
    ("material", "Thay thế bao bì nhựa bằng bao bì tái chế", 300_000_000, 90_000_000),
)

CRITERIA = (
    ("Mức tiêu thụ năng lượng, tài nguyên", 30),
    ("Tiềm năng tiết kiệm và giảm phát thải", 25),
    ("Cam kết của lãnh đạo doanh nghiệp", 20),
    ("Khả năng nhân rộng mô hình", 15),
    ("Năng lực đội ngũ kỹ thuật", 10),
)

# (task code, item, unit, quantity, unit price, funding source); the last line takes what remains of the plan total.
ENV = "Kinh phí sự nghiệp môi trường"
SCI = "Kinh phí sự nghiệp khoa học và công nghệ"
BUDGET = (
    ("II.1.1", "Thuê hội trường, âm thanh, máy chiếu", "ngày", 2, 15_000_000, ENV),
    ("II.1.5", "Biên soạn tài liệu tập huấn", "bộ", 1, 25_000_000, ENV),
    ("II.1.5", "In tài liệu, văn phòng phẩm cho học viên", "bộ", 200, 150_000, ENV),
    ("II.1.1", "Thù lao báo cáo viên", "buổi", 8, 2_000_000, ENV),
    ("II.1.1", "Nước uống giữa giờ cho học viên", "người-buổi", 800, 40_000, ENV),
    ("II.1.1", "Hỗ trợ tiền ăn học viên không hưởng lương", "người-ngày", 240, 150_000, ENV),
    ("II.1.1", "Băng rôn, khẩu hiệu, trang trí hội trường", "gói", 1, 5_000_000, ENV),
    ("II.1.3", "Thuê xe tham quan thực tế tại cơ sở sản xuất", "xe", 4, 6_000_000, ENV),
    ("II.1.5", "Tuyên truyền trên Báo Đồng Nai, Đài PT-TH Đồng Nai", "tin, bài", 10, 5_000_000, ENV),
    ("II.1.5", "In sổ tay hướng dẫn sản xuất và tiêu dùng bền vững", "cuốn", 1000, 50_000, ENV),
    ("II.2.1", "Xây dựng phiếu khảo sát", "bộ", 1, 10_000_000, SCI),
    ("II.2.1", "Khảo sát hiện trạng tiêu thụ tại doanh nghiệp", "doanh nghiệp", 5, 45_000_000, SCI),
    ("II.2.1", "Đo đạc, phân tích năng lượng, nước, chất thải", "doanh nghiệp", 5, 60_000_000, SCI),
    ("II.2.1", "Xử lý số liệu, báo cáo đánh giá hiện trạng", "báo cáo", 1, 80_000_000, SCI),
    ("II.2.2", "Đề xuất giải pháp cho từng doanh nghiệp", "doanh nghiệp", 5, 30_000_000, SCI),
    ("II.2.4", "Tư vấn xây dựng mô hình cho doanh nghiệp mẫu", "mô hình", 1, 250_000_000, SCI),
    ("II.2.5", "Thuê hội trường hội thảo tham vấn", "ngày", 1, 10_000_000, SCI),
    ("II.2.5", "Nước uống cho đại biểu hội thảo", "người", 100, 40_000, SCI),
    ("II.2.5", "Tài liệu hội thảo", "bộ", 100, 100_000, SCI),
    ("II.2.5", "Bài tham luận tại hội thảo", "bài", 5, 2_000_000, SCI),
)
REMAINDER_ITEM = ("", "Quản lý, kiểm tra, nghiệm thu và báo cáo tổng kết", "gói", ENV)

TASK_PROGRESS = {
    "II.1": ("done", 100), "II.1.1": ("done", 100), "II.1.2": ("done", 100), "II.1.3": ("done", 100),
    "II.1.4": ("done", 100), "II.1.5": ("in_progress", 85),
    "II.2": ("in_progress", 72), "II.2.1": ("done", 100), "II.2.2": ("done", 100), "II.2.3": ("done", 100),
    "II.2.4": ("in_progress", 60), "II.2.5": ("not_started", 0),
}
TASK_RESULTS = {
    "II.1.1": "Đã tổ chức 01 lớp tập huấn ngày 16–17/7/2024 tại TP Biên Hòa (dữ liệu mẫu).",
    "II.1.4": "Đã thu phiếu đánh giá, kiểm tra trước và sau tập huấn.",
    "II.2.1": "Đã khảo sát 05 doanh nghiệp ngành hóa chất (dữ liệu mẫu).",
    "II.2.2": "Đã đề xuất giải pháp cho từng doanh nghiệp.",
    "II.2.3": "Đã chọn 01 doanh nghiệp mẫu theo bộ tiêu chí.",
    "II.2.4": "Đang tư vấn áp dụng mô hình tại doanh nghiệp mẫu.",
}


def _tax_code(rng: random.Random) -> str:
    """A valid Đồng Nai-style tax code (prefix 36) with its check digit computed."""
    weights = (31, 29, 23, 19, 17, 13, 7, 5, 3)
    while True:
        digits = [3, 6] + [rng.randrange(10) for _ in range(7)]
        total = sum(w * d for w, d in zip(weights, digits, strict=True))
        check = 10 - total % 11
        if total % 11 and check < 10:
            code = "".join(map(str, digits)) + str(check)
            if tax_code_error(code) is None:
                return code


def _phone(rng: random.Random) -> str:
    prefix = rng.choice(("090", "091", "093", "094", "097", "098", "0251"))
    rest = "".join(str(rng.randrange(10)) for _ in range(10 - len(prefix) + (1 if prefix == "0251" else 0)))
    return f"{prefix} {rest[:3]} {rest[3:]}"


def _name(rng: random.Random, gender: str) -> str:
    middle = rng.choice(MALE_MIDDLE if gender == "male" else FEMALE_MIDDLE)
    given = rng.choice(MALE_GIVEN if gender == "male" else FEMALE_GIVEN)
    return f"{rng.choice(FAMILY_NAMES)} {middle} {given}"


def _org_kind(rng: random.Random) -> str:
    roll, acc = rng.random(), 0.0
    for kind, share in ORG_MIX:
        acc += share
        if roll < acc:
            return kind
    return ORG_MIX[-1][0]


def _plan_tasks(store: Store, plan_id: str) -> dict[str, Row]:
    return {t["code"]: t for t in store.repo("tasks").rows(plan_id=plan_id) if t["code"]}


def _agencies(store: Store) -> dict[str, Row]:
    return {a["code"]: a for a in store.repo("agencies").rows()}


def _refuse_if_filled(store: Store, plan_id: str) -> None:
    for table, what in (("training_courses", "lớp tập huấn"), ("enterprises", "doanh nghiệp khảo sát"),
                        ("budget_lines", "dự toán kinh phí")):
        if store.repo(table).count(plan_id=plan_id):
            raise StoreError(f"Kế hoạch này đã có {what}; chỉ thêm dữ liệu mẫu vào kế hoạch chưa có số liệu.")


def fill_sample_data(store: Store, plan_id: str, *, participants: int = 300, seed: int = 1) -> dict[str, int]:
    """Fill the plan `plan_id` with a realistic, clearly marked sample year; returns the rows added per entity.

    Adds a training course with `participants` participants and its materials, 5 chemical enterprises with
    consumption, solutions and selection scores (one model enterprise), a workshop, budget lines adding up exactly to
    the plan's total with some disbursements, task progress, and office reports submitted on time, late or not at all.
    The same `seed` gives the same data. Refused (StoreError) when the plan already has a course, enterprises or
    budget lines. All or nothing: one transaction.
    """
    if participants < 0:
        raise StoreError("Số học viên mẫu không được âm.")
    plan = store.repo("plans").get(plan_id)
    _refuse_if_filled(store, plan_id)
    rng = random.Random(seed)
    counts: dict[str, int] = {}
    with store.atomic():
        tasks = _plan_tasks(store, plan_id)
        agencies = _agencies(store)
        course_id = _add_course(store, plan, tasks, agencies, rng, participants, counts)
        enterprise_ids = _add_survey(store, plan_id, rng, counts)
        _add_workshop(store, plan, tasks, counts)
        _add_budget(store, plan, tasks, rng, counts)
        _update_tasks(store, tasks, counts)
        _update_indicators(store, plan_id, participants, len(enterprise_ids), counts)
        _update_office_reports(store, plan_id, rng, counts)
    counts["course"] = 1 if course_id else 0
    return counts


def _bump(counts: dict[str, int], key: str, n: int = 1) -> None:
    counts[key] = counts.get(key, 0) + n


def _add_course(store: Store, plan: Row, tasks: dict[str, Row], agencies: dict[str, Row], rng: random.Random,
                participants: int, counts: dict[str, int]) -> str:
    year = plan["year"]
    task = tasks.get("II.1.1")
    course = store.repo("training_courses").add({
        "plan_id": plan["id"], "task_id": task["id"] if task else None,
        "title": f"Lớp tập huấn nâng cao nhận thức và năng lực áp dụng sản xuất và tiêu dùng bền vững năm {year}",
        "venue": "Hội trường Trung tâm Hội nghị tỉnh, TP Biên Hòa",
        "start_date": f"{year}-07-16", "end_date": f"{year}-07-17", "target_participants": 200,
        "organiser_id": agencies["SCT"]["id"] if "SCT" in agencies else None,
        "lecturers": "Chuyên gia sản xuất sạch hơn và hiệu quả năng lượng (dữ liệu mẫu)",
        "content": "Chính sách sản xuất và tiêu dùng bền vững; quản lý năng lượng, nước; kinh tế tuần hoàn; "
                   "thực hành đánh giá nhanh tại doanh nghiệp; nhãn sinh thái và bao bì thân thiện môi trường.",
        "note": SAMPLE_NOTE,
    })
    _bump(counts, "training_courses")
    departments = [a for a in agencies.values() if a["kind"] == "department"]
    districts = [a for a in agencies.values() if a["kind"] == "district"]
    repo = store.repo("participants")
    for i in range(participants):
        gender = "female" if rng.random() < 0.47 else "male"
        kind = _org_kind(rng)
        agency_id = None
        if kind == "department" and departments:
            agency = rng.choice(departments)
            organisation, agency_id = agency["name"], agency["id"]
            position = rng.choice(DEPARTMENT_POSITIONS)
        elif kind == "district" and districts:
            agency = rng.choice(districts)
            organisation, agency_id = f"Phòng Kinh tế, {agency['name']}", agency["id"]
            position = rng.choice(DEPARTMENT_POSITIONS)
        elif kind == "enterprise_zone":
            organisation = f"Công ty TNHH {rng.choice(ENTERPRISE_WORDS)} ({rng.choice(INDUSTRIAL_ZONES)}, mẫu)"
            position = rng.choice(ENTERPRISE_POSITIONS)
        elif kind == "enterprise":
            organisation = f"Công ty Cổ phần {rng.choice(ENTERPRISE_WORDS)} (mẫu)"
            position = rng.choice(ENTERPRISE_POSITIONS)
        elif kind == "commerce":
            organisation = rng.choice(COMMERCE)
            position = rng.choice(COMMERCE_POSITIONS)
        elif kind == "production":
            organisation = rng.choice(PRODUCTION)
            position = rng.choice(ENTERPRISE_POSITIONS)
        else:
            kind = "other"
            organisation, position = "Hội Doanh nghiệp tỉnh (mẫu)", "Hội viên"
        attended = rng.random() < 0.94
        pre = post = satisfaction = None
        if attended:
            pre = rng.choice((3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7))
            post = min(10.0, pre + rng.choice((1, 1.5, 2, 2.5, 3, 3.5)))
            satisfaction = rng.choices((2, 3, 4, 5), weights=(2, 10, 45, 43))[0]
        repo.add({
            "course_id": course["id"], "full_name": _name(rng, gender), "gender": gender,
            "birth_year": rng.randint(1968, 2001), "organisation": organisation, "org_kind": kind,
            "agency_id": agency_id, "position": position, "phone": _phone(rng),
            "email": f"hocvien{i + 1:03d}@example.com" if rng.random() < 0.6 else "",
            "attended": 1 if attended else 0, "pre_score": pre, "post_score": post, "satisfaction": satisfaction,
            "note": SAMPLE_NOTE,
        })
    _bump(counts, "participants", participants)
    for title, kind, copies in (("Tài liệu tập huấn sản xuất và tiêu dùng bền vững", "document", 200),
                                ("Sổ tay hướng dẫn tiết kiệm năng lượng, nước trong doanh nghiệp", "handbook", 200),
                                ("Bài giảng: Kinh tế tuần hoàn và nhãn sinh thái", "slides", 4),
                                ("Phiếu kiểm tra trước và sau tập huấn", "other", 400)):
        store.repo("training_materials").add({"course_id": course["id"], "title": title, "kind": kind,
                                              "copies": copies, "note": SAMPLE_NOTE})
        _bump(counts, "training_materials")
    return str(course["id"])


def _add_survey(store: Store, plan_id: str, rng: random.Random, counts: dict[str, int]) -> list[str]:
    criteria = [store.repo("selection_criteria").add({"plan_id": plan_id, "seq": i, "name": name, "weight": weight})
                for i, (name, weight) in enumerate(CRITERIA, 1)]
    _bump(counts, "selection_criteria", len(criteria))
    ids: list[str] = []
    weighted: list[float] = []
    year = store.repo("plans").get(plan_id)["year"]
    for n, ent in enumerate(ENTERPRISES):
        row = store.repo("enterprises").add({
            "plan_id": plan_id, "name": ent.name, "tax_code": _tax_code(rng),
            "address": f"Lô {rng.choice('ABCDE')}{rng.randint(1, 30)}, {ent.zone}, tỉnh Đồng Nai",
            "industrial_zone": ent.zone, "vsic_code": ent.vsic, "products": ent.products,
            "contact_person": _name(rng, rng.choice(("male", "female"))), "phone": _phone(rng),
            "surveyed": 1, "survey_date": (dt.date(year, 8, 5) + dt.timedelta(days=7 * n)).isoformat(),
            "note": SAMPLE_NOTE,
        })
        ids.append(row["id"])
        _bump(counts, "enterprises")
        _add_consumption(store, row["id"], ent, year, rng, counts)
        for category, text, investment, saving in rng.sample(SOLUTIONS, 3):
            factor = rng.uniform(0.7, 1.3)
            store.repo("solutions").add({
                "enterprise_id": row["id"], "category": category, "description": text,
                "investment": round(investment * factor, -6), "annual_saving": round(saving * factor, -6),
                "note": SAMPLE_NOTE,
            })
            _bump(counts, "solutions")
        total = 0.0
        for criterion in criteria:
            score = rng.choice((5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5, 9))
            store.repo("selection_scores").add({"enterprise_id": row["id"], "criterion_id": criterion["id"],
                                                "score": score})
            total += score * criterion["weight"]
            _bump(counts, "selection_scores")
        weighted.append(total)
    model = ids[max(range(len(ids)), key=weighted.__getitem__)]
    store.repo("enterprises").update(model, {"is_model": 1})
    return ids


def _add_consumption(store: Store, enterprise_id: str, ent: _Enterprise, year: int, rng: random.Random,
                     counts: dict[str, int]) -> None:
    repo = store.repo("consumption_records")
    fuel_resource, fuel_unit, fuel_qty = ent.fuel
    rows = (("electricity", "kWh", ent.electricity), (fuel_resource, fuel_unit, fuel_qty), ("do", "tấn", ent.do),
            ("water", "m³", ent.water), ("raw_material", "tấn", ent.raw))
    for period, scale in ((str(year - 1), 1.0), (str(year), rng.uniform(0.93, 0.98))):
        output = round(ent.output * (1.0 if period == str(year - 1) else rng.uniform(1.0, 1.06)))
        for resource, unit, quantity in rows:
            value = quantity * scale * output / ent.output
            repo.add({"enterprise_id": enterprise_id, "period": period, "resource": resource,
                      "quantity": round(value, 2 if value < 100 else 0), "unit": unit, "product_output": output,
                      "product_unit": ent.product_unit, "note": SAMPLE_NOTE})
            _bump(counts, "consumption_records")


def _add_workshop(store: Store, plan: Row, tasks: dict[str, Row], counts: dict[str, int]) -> None:
    task = tasks.get("II.2.5")
    store.repo("workshops").add({
        "plan_id": plan["id"], "task_id": task["id"] if task else None,
        "title": "Hội thảo tham vấn mô hình sản xuất bền vững ngành hóa chất",
        "date": f"{plan['year']}-11-20", "venue": "Hội trường Sở Công Thương, TP Biên Hòa", "participants_count": 85,
        "summary": "Đại biểu góp ý cho mô hình tại doanh nghiệp mẫu và lộ trình nhân rộng (dữ liệu mẫu).",
    })
    _bump(counts, "workshops")


def _add_budget(store: Store, plan: Row, tasks: dict[str, Row], rng: random.Random, counts: dict[str, int]) -> None:
    total = int(plan["total_budget"] or 0)
    if total <= 0:
        return
    fixed = sum(qty * price for _, _, _, qty, price, _ in BUDGET)
    scale = min(1.0, total * 0.95 / fixed)
    lines = [(code, item, unit, qty, int(price * scale) // 1000 * 1000, source)
             for code, item, unit, qty, price, source in BUDGET]
    remainder = total - sum(qty * price for _, _, _, qty, price, _ in lines)
    code, item, unit, source = REMAINDER_ITEM
    lines.append((code, item, unit, 1, remainder, source))
    repo = store.repo("budget_lines")
    year = plan["year"]
    for seq, (task_code, item, unit, qty, price, source) in enumerate(lines, 1):
        task = tasks.get(task_code)
        line = repo.add({"plan_id": plan["id"], "task_id": task["id"] if task else None, "seq": seq, "item": item,
                         "unit": unit, "quantity": qty, "unit_price": price, "amount": qty * price,
                         "funding_source": source, "note": SAMPLE_NOTE})
        _bump(counts, "budget_lines")
        status = TASK_PROGRESS.get(task_code, ("in_progress", 50))[0]
        share = {"done": 1.0, "in_progress": 0.5, "not_started": 0.0}.get(status, 0.3)
        amount = qty * price
        if share == 1.0 and rng.random() < 0.25:
            share = 0.9  # final settlement still pending for some lines
        paid = int(amount * share) // 1000 * 1000
        if paid <= 0:
            continue
        parts = 2 if paid > 50_000_000 else 1
        for p in range(parts):
            piece = paid // parts if p < parts - 1 else paid - (paid // parts) * (parts - 1)
            day = dt.date(year, 7 + 2 * p if parts == 2 else 9, rng.randint(1, 28))
            store.repo("disbursements").add({"budget_line_id": line["id"], "date": day.isoformat(), "amount": piece,
                                             "voucher": f"UNC {rng.randint(100, 999)}/{year}", "note": SAMPLE_NOTE})
            _bump(counts, "disbursements")


def _update_tasks(store: Store, tasks: dict[str, Row], counts: dict[str, int]) -> None:
    for code, (status, progress) in TASK_PROGRESS.items():
        task = tasks.get(code)
        if task:
            store.repo("tasks").update(task["id"], {"status": status, "progress": progress,
                                                    "result": TASK_RESULTS.get(code, task.get("result") or "")})
            _bump(counts, "tasks_updated")


def _update_indicators(store: Store, plan_id: str, participants: int, enterprises: int,
                       counts: dict[str, int]) -> None:
    actual_by_unit = {"lớp": 1, "người": participants, "doanh nghiệp": None}
    rows = [(i["id"], i["unit"], i["name"]) for i in plan_indicators(store, plan_id)]
    for indicator_id, unit, name in rows:
        actual = actual_by_unit.get(unit)
        if unit == "doanh nghiệp":
            actual = 1 if "mô hình" in name else enterprises
        if actual is not None:
            store.repo("indicators").update(indicator_id, {"actual": actual})
            _bump(counts, "indicators_updated")


def _update_office_reports(store: Store, plan_id: str, rng: random.Random, counts: dict[str, int]) -> None:
    repo = store.repo("office_reports")
    reports = [r for r in repo.rows(plan_id=plan_id) if not r["submitted_date"]]
    for n, report in enumerate(reports):
        if report["due_date"] and report["due_date"].endswith("-12-25"):
            continue  # the department's own report to the province is what these summaries prepare
        due = dt.date.fromisoformat(report["due_date"])
        kind = n % 5
        if kind in (0, 1, 2):
            submitted = due - dt.timedelta(days=rng.randint(1, 12))
        elif kind == 3:
            submitted = due + dt.timedelta(days=rng.randint(2, 10))
        else:
            continue  # not submitted
        repo.update(report["id"], {"submitted_date": submitted.isoformat(),
                                   "summary": "Đã gửi kết quả thực hiện năm (dữ liệu mẫu)."})
        _bump(counts, "office_reports_submitted")
