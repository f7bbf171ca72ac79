"""Enumerations: stored codes with their Vietnamese titles (shown, written to Excel) and English labels."""

from __future__ import annotations

from typing import NamedTuple


class Choice(NamedTuple):
    """One allowed value: the code stored in the database, its Vietnamese title and English label."""

    code: str
    title: str
    label_en: str


def _choices(*rows: tuple[str, str, str]) -> tuple[Choice, ...]:
    return tuple(Choice(*row) for row in rows)


AGENCY_KINDS = _choices(
    ("province", "UBND tỉnh", "Provincial People's Committee"),
    ("department", "Sở, ban, ngành", "Department"),
    ("district", "UBND huyện, thành phố", "District / city"),
    ("commune", "UBND xã, phường", "Commune / ward"),
    ("press", "Báo chí, phát thanh - truyền hình", "Press and broadcasting"),
    ("ministry", "Bộ, ngành trung ương", "Ministry"),
    ("enterprise", "Doanh nghiệp", "Enterprise"),
    ("other", "Khác", "Other"),
)

PLAN_STATUSES = _choices(
    ("draft", "Dự thảo", "Draft"),
    ("issued", "Đã ban hành", "Issued"),
    ("closed", "Đã kết thúc", "Closed"),
)

TASK_KINDS = _choices(
    ("content", "Nội dung", "Content item"),
    ("activity", "Hoạt động", "Activity"),
)

TASK_STATUSES = _choices(
    ("not_started", "Chưa thực hiện", "Not started"),
    ("in_progress", "Đang thực hiện", "In progress"),
    ("done", "Hoàn thành", "Done"),
    ("paused", "Tạm dừng", "Paused"),
)

QUARTERS = ("I", "II", "III", "IV")

GENDERS = _choices(
    ("male", "Nam", "Male"),
    ("female", "Nữ", "Female"),
    ("other", "Khác", "Other"),
)

ORG_KINDS = _choices(
    ("department", "Sở, ban, ngành", "Department"),
    ("district", "UBND huyện, thành phố", "District / city"),
    ("commune", "UBND xã, phường", "Commune / ward"),
    ("enterprise_zone", "Doanh nghiệp trong KCN, CCN", "Enterprise in an industrial zone"),
    ("enterprise", "Doanh nghiệp ngoài KCN, CCN", "Enterprise outside industrial zones"),
    ("commerce", "Trung tâm thương mại, chợ, siêu thị", "Shopping centre, market, supermarket"),
    ("production", "Cơ sở sản xuất công nghiệp", "Industrial production facility"),
    ("other", "Khác", "Other"),
)

MATERIAL_KINDS = _choices(
    ("document", "Tài liệu", "Document"),
    ("handbook", "Sổ tay hướng dẫn", "Handbook"),
    ("slides", "Bài giảng", "Slides"),
    ("other", "Khác", "Other"),
)

RESOURCES = _choices(
    ("electricity", "Điện", "Electricity"),
    ("coal", "Than", "Coal"),
    ("coke", "Than cốc", "Coke"),
    ("do", "Dầu DO", "Diesel oil (DO)"),
    ("fo", "Dầu FO", "Fuel oil (FO)"),
    ("lpg", "Khí hóa lỏng LPG", "LPG"),
    ("natural_gas", "Khí thiên nhiên", "Natural gas"),
    ("gasoline", "Xăng", "Gasoline"),
    ("water", "Nước", "Water"),
    ("raw_material", "Nguyên liệu chính", "Main raw material"),
    ("other", "Khác", "Other"),
)

SOLUTION_CATEGORIES = _choices(
    ("housekeeping", "Quản lý nội vi", "Good housekeeping"),
    ("process", "Cải tiến quy trình", "Process improvement"),
    ("equipment", "Đổi mới thiết bị", "Equipment upgrade"),
    ("material", "Thay thế nguyên liệu", "Material substitution"),
    ("recovery", "Thu hồi, tái sử dụng, tái chế", "Recovery, reuse, recycling"),
    ("energy", "Tiết kiệm năng lượng", "Energy saving"),
    ("other", "Khác", "Other"),
)


def choice_by_code(choices: tuple[Choice, ...], code: str) -> Choice | None:
    """Return the choice with `code`, or None."""
    return next((c for c in choices if c.code == code), None)


def title_of(choices: tuple[Choice, ...], code: str | None) -> str:
    """The Vietnamese title of `code`, or the code itself when it is unknown, or "" for no code."""
    if not code:
        return ""
    choice = choice_by_code(choices, code)
    return choice.title if choice else code
