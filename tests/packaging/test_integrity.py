"""A big database is read through after the window is up, not before: start-up does not grow with the data, and
damage is still told — at opening for a small file, in the background for a big one."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.services import opening
from desktop.services.backup import backup_now
from desktop.store import StoreError


def _damaged_copy(store, path: Path, *, pages: int = 1000) -> Path:
    backup_now(store, path)
    data = bytearray(path.read_bytes())
    last = len(data) - 4096
    for offset in range(max(4096 * 3, last - 4096 * pages), last, 4096):  # scribble over pages before the last
        data[offset + 100:offset + 600] = b"\xa5" * 500
    path.write_bytes(bytes(data))
    return path


def test_a_small_damaged_database_is_refused_at_opening(seeded_store, tmp_path):
    bad = _damaged_copy(seeded_store, tmp_path / "hong.db")
    with pytest.raises(StoreError, match="bị hỏng"):
        opening.open_for_window(bad)


def test_a_big_database_opens_at_once_and_its_damage_is_found_after(seeded_store, tmp_path, monkeypatch):
    monkeypatch.setattr(opening, "VERIFY_AT_OPENING_BYTES", 0)  # every file counts as big
    bad = _damaged_copy(seeded_store, tmp_path / "hong.db", pages=1)  # one page no opening reads
    opened = opening.open_for_window(bad)
    try:
        assert opened.verify_later and not opened.read_only
        problem = opening.damage_in(bad)
        assert problem is not None and "bị hỏng" in problem and "hong.db" in problem
    finally:
        opened.store.close()
        opened.lock.release()


def test_a_sound_big_database_has_nothing_to_tell(seeded_store, tmp_path, monkeypatch):
    monkeypatch.setattr(opening, "VERIFY_AT_OPENING_BYTES", 0)
    good = backup_now(seeded_store, tmp_path / "tot.db")
    opened = opening.open_for_window(good)
    try:
        assert opened.verify_later
        assert opening.damage_in(good) is None
    finally:
        opened.store.close()
        opened.lock.release()


def test_the_window_tells_damage_found_in_the_background(qtbot, seeded_store, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QWidget

    from desktop.ui.integrity import verify_in_background

    bad = _damaged_copy(seeded_store, tmp_path / "hong.db")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text, *a, **k: told.append(text))
    window = QWidget()
    qtbot.addWidget(window)
    verify_in_background(window, bad)
    qtbot.waitUntil(lambda: bool(told), timeout=20_000)
    assert "bị hỏng" in told[0] and "khôi phục từ bản sao lưu" in told[0]
