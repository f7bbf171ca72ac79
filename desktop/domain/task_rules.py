"""Whether a task's status and its progress tell the same story (a warning, not a refusal: the clerk decides)."""

from __future__ import annotations

NOT_STARTED, DONE = "not_started", "done"


def status_progress_warning(status: object, progress: object) -> str | None:
    """Why `status` and `progress` (a percentage) contradict each other, in Vietnamese, or None when they agree.

    "Chưa thực hiện" with any progress, "Hoàn thành" below 100 %, and 100 % under any status but "Hoàn thành"
    contradict each other. A missing progress says nothing either way.
    """
    if not isinstance(progress, int | float) or isinstance(progress, bool):
        return None
    shown = f"{progress:g}".replace(".", ",")
    if status == NOT_STARTED and progress > 0:
        return f"Trạng thái “Chưa thực hiện” nhưng tiến độ là {shown}%: hãy sửa trạng thái hoặc tiến độ."
    if status == DONE and progress < 100:
        return f"Trạng thái “Hoàn thành” nhưng tiến độ mới {shown}%: hãy sửa trạng thái hoặc tiến độ."
    if status != DONE and progress >= 100:
        return "Tiến độ đã 100% nhưng trạng thái chưa là “Hoàn thành”."
    return None
