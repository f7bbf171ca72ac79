"""LibreOffice Calc for the exchange tests: one headless soffice per test session (own profile folder, free port),
driven by calc_driver.py under Debian's /usr/bin/python3 (the interpreter that has `uno`)."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("calc_driver.py")
SYSTEM_PYTHON = "/usr/bin/python3"


def missing_reason() -> str:
    """Why Calc cannot be driven here ("" when it can)."""
    if not (shutil.which("soffice") or shutil.which("libreoffice")):
        return "LibreOffice is not installed (Debian: libreoffice-calc-nogui)"
    if not Path(SYSTEM_PYTHON).exists():
        return f"{SYSTEM_PYTHON} is missing"
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True, check=False)
    if probe.returncode != 0:
        return "Python's uno module is not installed (Debian: python3-uno)"
    return ""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Calc:
    """A running soffice; `run(path, steps, save_as)` opens a workbook, runs the driver's steps, saves it."""

    def __init__(self, port: int):
        self.port = port

    def run(self, path: Path, steps: list[dict], save_as: Path | None = None) -> list[dict]:
        """Answers of the steps (see calc_driver.py)."""
        job = {"open": str(path), "steps": steps, "save_as": str(save_as) if save_as else ""}
        done = subprocess.run([SYSTEM_PYTHON, str(DRIVER), str(self.port)], input=json.dumps(job), text=True,
                              capture_output=True, timeout=180, check=False)
        if done.returncode != 0:
            raise AssertionError(f"Calc driver failed: {done.stderr[-2000:]}")
        return json.loads(done.stdout)["answers"]


@pytest.fixture(scope="session")
def calc(tmp_path_factory):
    """A headless LibreOffice Calc shared by the session's tests (skipped with the reason when not installed)."""
    reason = missing_reason()
    if reason:
        pytest.skip(reason)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    profile = tmp_path_factory.mktemp("lo-profile")
    port = _free_port()
    process = subprocess.Popen(
        [str(soffice), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible", "--nologo",
         "--norestore", "--nodefault", "--nolockcheck",
         f"--accept=socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield Calc(port)
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
