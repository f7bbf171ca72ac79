"""Per-user settings of the GUI (QSettings), each declared once with its key and default."""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QByteArray, QSettings


class Setting(NamedTuple):
    """One setting: its QSettings key, its default, its type."""

    key: str
    default: object
    type: type


LANGUAGE = Setting("ui/language", "vi", str)
LAST_PAGE = Setting("ui/last_page", "dashboard", str)
GEOMETRY = Setting("ui/geometry", b"", bytes)
WINDOW_STATE = Setting("ui/window_state", b"", bytes)
LAST_FOLDER = Setting("ui/last_folder", "", str)


_cache: dict[str, QSettings] = {}


def settings() -> QSettings:
    """The application's QSettings (organisation and application names are set at start-up).

    One instance is kept: each new QSettings re-reads the file and each one destroyed writes it back.
    """
    if "main" not in _cache:
        _cache["main"] = QSettings()
    return _cache["main"]


def forget() -> None:
    """Drop the cached QSettings (after the settings' location changed, e.g. in tests)."""
    if "main" in _cache:
        _cache.pop("main").sync()


def get(setting: Setting) -> object:
    """The stored value of `setting`, or its default."""
    value = settings().value(setting.key, setting.default)
    if setting.type is bytes:  # a QByteArray, or bytes pickled by an earlier version
        return bytes(value.data() if isinstance(value, QByteArray) else value) if value else b""  # type: ignore[arg-type]
    return setting.type(value) if value is not None else setting.default


def put(setting: Setting, value: object) -> None:
    """Store `value` for `setting` (bytes as a QByteArray: the settings file then holds "@ByteArray(...)", which Qt
    reads in any program, rather than a pickled Python object)."""
    if setting.type is bytes:
        value = QByteArray(bytes(value))  # type: ignore[call-overload]
    settings().setValue(setting.key, value)
