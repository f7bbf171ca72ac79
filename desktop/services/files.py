"""File errors as users read them: the faces (GUI and CLI) ask here instead of showing the system's own text."""

from __future__ import annotations

from pathlib import PurePath

from desktop.store.files import explain_os_error


def file_error_message(exc: OSError, path: PurePath | str, action: str = "ghi") -> str:
    """A Vietnamese sentence naming `path`, what went wrong and what to do (a full disk, a read-only folder, a file
    open in Excel or Word…), never the operating system's English text. `action` is the verb: "ghi", "đọc"…"""
    return explain_os_error(exc, path, action)
