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
    """A running soffice; `run(path, steps, save_as)` opens a workbook, runs the driver's steps, saves it.

    On a loaded machine soffice has been seen to die under a job (the driver then fails without a word): it is
    started again and the job tried once more, saying so; a second failure fails the test with the driver's exit
    status and output."""

    def __init__(self, soffice: str, profile: Path):
        self.soffice, self.profile = soffice, profile
        self.process: subprocess.Popen[bytes] | None = None
        self.port = 0
        self.start()

    def start(self) -> None:
        """Start (or start again) the headless soffice on a free port."""
        self.stop()
        self.port = _free_port()
        self.process = subprocess.Popen(
            [self.soffice, f"-env:UserInstallation={self.profile.as_uri()}", "--headless", "--invisible", "--nologo",
             "--norestore", "--nodefault", "--nolockcheck",
             f"--accept=socket,host=127.0.0.1,port={self.port};urp;StarOffice.ComponentContext"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def stop(self) -> None:
        """Stop soffice."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def run(self, path: Path, steps: list[dict], save_as: Path | None = None) -> list[dict]:
        """Answers of the steps (see calc_driver.py)."""
        job = json.dumps({"open": str(path), "steps": steps, "save_as": str(save_as) if save_as else ""})
        done = self._drive(job)
        if done.returncode != 0:
            print(f"Calc driver failed (exit {done.returncode}, soffice "
                  f"{'gone' if self.process is None or self.process.poll() is not None else 'running'}): "
                  "starting soffice again and retrying once")
            self.start()
            done = self._drive(job)
        if done.returncode != 0:
            raise AssertionError(f"Calc driver failed (exit {done.returncode}): {done.stderr[-2000:]}"
                                 f"{done.stdout[-500:]}")
        return json.loads(done.stdout)["answers"]

    def _drive(self, job: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([SYSTEM_PYTHON, str(DRIVER), str(self.port)], input=job, text=True,
                              capture_output=True, timeout=180, check=False)


@pytest.fixture(scope="session")
def calc(tmp_path_factory):
    """A headless LibreOffice Calc shared by the session's tests (skipped with the reason when not installed)."""
    reason = missing_reason()
    if reason:
        pytest.skip(reason)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    running = Calc(str(soffice), tmp_path_factory.mktemp("lo-profile"))
    try:
        yield running
    finally:
        running.stop()
