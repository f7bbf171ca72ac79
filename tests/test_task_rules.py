"""A task's status and progress must tell the same story: the contradictions the issue names, at their boundaries."""

from __future__ import annotations

import pytest

from desktop.domain.task_rules import status_progress_warning


@pytest.mark.parametrize(("status", "progress", "words"), [
    ("not_started", 30, "Chưa thực hiện” nhưng tiến độ là 30%"),  # the case users met: saved silently before
    ("not_started", 0.5, "tiến độ là 0,5%"),                        # any progress at all, in Vietnamese decimals
    ("done", 99, "Hoàn thành” nhưng tiến độ mới 99%"),
    ("done", 0, "tiến độ mới 0%"),
    ("in_progress", 100, "Tiến độ đã 100% nhưng trạng thái chưa là “Hoàn thành”"),
    ("paused", 100, "chưa là “Hoàn thành”"),
    ("not_started", 100, "Chưa thực hiện” nhưng tiến độ là 100%"),
    (None, 100, "chưa là “Hoàn thành”"),  # finished work whose status was never chosen
    ("", 100, "chưa là “Hoàn thành”"),
])
def test_contradictions_are_said_in_vietnamese(status, progress, words):
    message = status_progress_warning(status, progress)
    assert message is not None and words in message


@pytest.mark.parametrize(("status", "progress"), [
    ("not_started", 0), ("in_progress", 0), ("in_progress", 1), ("in_progress", 99.5), ("paused", 40),
    ("done", 100), ("not_started", None), ("done", None), ("in_progress", ""), ("done", True),
    ("", 50), (None, 0),  # no status chosen yet: progress alone claims nothing
])
def test_a_status_and_progress_that_agree_say_nothing(status, progress):
    assert status_progress_warning(status, progress) is None
