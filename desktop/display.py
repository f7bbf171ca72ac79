"""Whether a screen is available, decided in one place for the GUI, the headless commands and the PDF renderer.

Windows and macOS always have one; on Linux, DISPLAY or WAYLAND_DISPLAY says so. QT_QPA_PLATFORM set by the user
(or a test) is respected.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping


def has_display(*, environ: MutableMapping[str, str] | None = None, platform: str | None = None) -> bool:
    """True when Qt can open windows here: Windows, macOS, a chosen QT_QPA_PLATFORM, or a Linux display."""
    env = os.environ if environ is None else environ
    platform = platform or sys.platform
    if platform in ("win32", "darwin") or env.get("QT_QPA_PLATFORM"):
        return True
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def use_offscreen_if_headless(*, environ: MutableMapping[str, str] | None = None,
                              platform: str | None = None) -> bool:
    """Choose Qt's offscreen platform when there is no display (before Qt starts); True when it did."""
    env = os.environ if environ is None else environ
    if has_display(environ=env, platform=platform):
        return False
    env["QT_QPA_PLATFORM"] = "offscreen"
    return True
