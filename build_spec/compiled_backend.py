"""The PEP 517 build backend of the package: setuptools', and an editable install compiles desktop/'s bytecode.

pip compiles the modules of a regular install when it installs them; an editable install (`pip install -e`, what
`make` and a developer's checkout use) leaves them to the first import. A Python told not to write .pyc files
(PYTHONDONTWRITEBYTECODE, set by some office PCs' policies and by test harnesses) then compiles every module of the
window again at every start: ~65 ms of a 0.3 s start, measured on a fresh clone. Compiling once at install time, as
pip does for a regular install, removes that; `make` also compiles again after each pull (Makefile, venv).
"""

from __future__ import annotations

import compileall
from pathlib import Path

from setuptools import build_meta
from setuptools.build_meta import (  # noqa: F401 - the hooks pip calls, passed on unchanged
    build_sdist,
    build_wheel,
    get_requires_for_build_editable,
    get_requires_for_build_sdist,
    get_requires_for_build_wheel,
    prepare_metadata_for_build_editable,
    prepare_metadata_for_build_wheel,
)

SOURCE = Path(__file__).resolve().parent.parent / "desktop"


def build_editable(wheel_directory: str, config_settings: dict | None = None,
                   metadata_directory: str | None = None) -> str:
    """setuptools' editable wheel, once the package's own modules are compiled where they are imported from."""
    compileall.compile_dir(str(SOURCE), quiet=1)
    return build_meta.build_editable(wheel_directory, config_settings, metadata_directory)
