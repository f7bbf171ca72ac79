"""Check a built bundle the way an office PC without Python runs it: a clean environment, no venv on PATH.

    .venv/bin/python build_spec/check_bundle.py [dist/sxtdbv]

Runs `--smoke`, `init`, `summary --json`, `backup`, `--help` of every command registered in desktop/cli.py (each
command module must import inside the bundle), first run on the default per-user database, and checks that the bundled
libraries resolve (Linux) and that the bundle is at most 150 MB. Then, as an office PC installs it, the bundle is
copied under a folder with Vietnamese letters and spaces (<temp>/Nguyễn Văn A/Programs/SXTDBV, like
C:\\Users\\Nguyễn Văn A\\AppData\\Local\\Programs\\SXTDBV) with the user's home there too, and the windowed executable
users start (sxtdbv.exe on Windows) runs `--smoke` there, as the command-line one runs `init` and `summary` on a
database named in Vietnamese. Prints the size and the start time next to `python -m desktop --smoke`. Exit status 0
when everything holds.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

LIMIT_MB = 150
RUNS = 5


def clean_env(home: Path) -> dict[str, str]:
    """Only what a desktop session would have: PATH without the venv, HOME, the offscreen Qt platform.

    On Windows: the system folders Windows programs need, and APPDATA inside `home` (the per-user data folder).
    """
    if sys.platform == "win32":
        system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
        return {"PATH": rf"{system_root}\System32;{system_root}", "SYSTEMROOT": system_root,
                "WINDIR": system_root, "USERPROFILE": str(home), "APPDATA": str(home / "AppData" / "Roaming"),
                "LOCALAPPDATA": str(home / "AppData" / "Local"), "TEMP": str(home), "TMP": str(home),
                "QT_QPA_PLATFORM": "offscreen"}
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}


def executable(bundle: Path, platform: str = sys.platform) -> Path:
    """The bundle's command-line executable (sxtdbv-cli.exe on Windows, where sxtdbv.exe is windowed)."""
    if platform == "win32":
        return bundle / "sxtdbv-cli.exe"
    return bundle / "sxtdbv"


def windowed_executable(bundle: Path, platform: str = sys.platform) -> Path:
    """The executable the Start-menu and desktop shortcuts start (on Linux the one executable serves both)."""
    if platform == "win32":
        return bundle / "sxtdbv.exe"
    return bundle / "sxtdbv"


# Where a per-user installation puts the program on an office PC whose account is named in Vietnamese.
VIETNAMESE_HOME = "Nguyễn Văn A"


def folder_size(folder: Path) -> int:
    """Bytes of the files under `folder` (symbolic links not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def command_names() -> list[str]:
    """The subcommands desktop/cli.py registers (read from the source tree's parser)."""
    from desktop.cli import build_parser

    parser = build_parser()
    for action in parser._subparsers._group_actions:  # type: ignore[union-attr]
        if hasattr(action, "choices") and action.choices:
            return sorted(action.choices)
    return []


def unresolved_libraries(bundle: Path) -> list[str]:
    """Libraries inside the bundle whose dependencies cannot be found (Linux; empty elsewhere)."""
    if not sys.platform.startswith("linux") or not shutil.which("ldd"):
        return []
    internal = bundle / "_internal"
    env = {"LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}", "PATH": "/usr/bin:/bin"}
    missing = set()
    for path in internal.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env).stdout
        missing |= {f"{path.relative_to(bundle)}: {line.strip()}" for line in out.splitlines() if "not found" in line}
    return sorted(missing)


def timed(command: list[str], env: dict[str, str]) -> float:
    """Median wall time of `command` over RUNS runs (after one warm-up run); fails when it fails."""
    subprocess.run(command, env=env, check=True, capture_output=True)
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


class Runner:
    """Runs the bundle's executables and keeps count of the checks and the list of what failed."""

    def __init__(self, exe: Path, env: dict[str, str]):
        self.exe = exe
        self.env = env
        self.checks = 0
        self.failures: list[str] = []

    def fail(self, message: str) -> None:
        """Record a failed check."""
        self.failures.append(message)

    def run(self, *args: str, expect: int = 0, program: Path | None = None,
            environment: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        """Run `program` (the command-line executable by default) with `args`; a wrong exit status is a failure."""
        self.checks += 1
        program = program or self.exe
        result = subprocess.run([str(program), *args], env=environment or self.env, capture_output=True, text=True,
                                encoding="utf-8", errors="replace", timeout=120)
        if result.returncode != expect:
            self.fail(f"`{program} {' '.join(args)}` exited {result.returncode}: {result.stderr.strip()[-400:]}")
        return result


def vietnamese_folder_checks(bundle: Path, work: Path, runner: Runner, platform: str = sys.platform) -> Path:
    """Copy the bundle to <work>/Nguyễn Văn A/Programs/SXTDBV and run it there, the user's home beside it: the
    windowed program's first start (--smoke: every page, then a per-user database in the home), then `init` and
    `summary --json` of the command-line one on a database named in Vietnamese. Returns the copied bundle."""
    home = work / VIETNAMESE_HOME
    installed = home / "Programs" / "SXTDBV"
    shutil.copytree(bundle, installed, symlinks=True)
    (home / "home").mkdir()
    env = clean_env(home / "home")
    smoke = runner.run("--smoke", program=windowed_executable(installed, platform), environment=env)
    runner.checks += 1
    if smoke.stdout and "smoke ok" not in smoke.stdout:  # a windowed .exe may have nowhere to print
        runner.fail(f"--smoke under {installed} printed no 'smoke ok': {smoke.stdout!r}")
    if not list((home / "home").rglob("sxtdbv.db")):
        runner.fail(f"the windowed program under {installed} created no per-user database in {home / 'home'}")
    database = home / "Dữ liệu kế hoạch" / "Sở Công Thương.db"
    database.parent.mkdir()
    cli = executable(installed, platform)
    runner.run("--db", str(database), "init", program=cli, environment=env)
    summary = runner.run("--db", str(database), "summary", "--json", program=cli, environment=env)
    try:
        if not json.loads(summary.stdout)["plans"]:
            runner.fail(f"summary --json under {installed} lists no plan")
    except (ValueError, KeyError):
        runner.fail(f"summary --json under {installed} is not the expected JSON: {summary.stdout[:200]!r}")
    return installed


def main(argv: list[str]) -> int:
    """Run every check; print what fails and the measured figures."""
    bundle = Path(argv[1] if len(argv) > 1 else ROOT / "dist" / "sxtdbv").resolve()
    exe = executable(bundle)
    if not exe.exists():
        print(f"FAIL: no executable {exe}: run `make bundle` first")
        return 1
    work = Path(tempfile.mkdtemp(prefix="sxtdbv-bundle-"))
    env = clean_env(work / "home")
    (work / "home").mkdir()
    runner = Runner(exe, env)
    runner.checks = 3  # the first-run database, the libraries, the size; each command run adds one
    run = runner.run
    failures = runner.failures

    smoke = run("--smoke")
    if "smoke ok" not in smoke.stdout:
        failures.append(f"--smoke printed no 'smoke ok': {smoke.stdout!r}")
    default_db = list((work / "home").rglob("sxtdbv.db"))
    if not default_db:
        failures.append("first run created no per-user database under HOME")
    db = str(work / "check.db")
    run("--db", db, "init")
    summary = run("--db", db, "summary", "--json")
    try:
        plans = json.loads(summary.stdout)["plans"]
        if not plans:
            failures.append("summary --json lists no plan after init")
    except (ValueError, KeyError):
        failures.append(f"summary --json is not the expected JSON: {summary.stdout[:200]!r}")
    names = command_names()
    for name in names:
        run(name, "--help")
    if "report" in names:  # the documents, as PDF (Qt) and as Word (python-docx and its templates)
        run("--db", db, "report", "plan-report", "--pdf", str(work / "bao-cao.pdf"), "--docx",
            str(work / "bao-cao.docx"))
        for written in ("bao-cao.pdf", "bao-cao.docx"):
            if not (work / written).is_file() or (work / written).stat().st_size == 0:
                failures.append(f"report wrote no {written}")
    if "backup" in names:
        run("--db", db, "backup", str(work / "copy.db"))
        if not (work / "copy.db").exists():
            failures.append("backup wrote no file")
    windowed = windowed_executable(bundle)
    if windowed != exe:  # Windows: the windowed sxtdbv.exe has no console, so --smoke may print nothing: exit 0 is it
        run("--smoke", program=windowed)
    vietnamese_folder_checks(bundle, work, runner)
    missing = unresolved_libraries(bundle)
    failures += [f"unresolved library: {line}" for line in missing[:20]]
    size_mb = folder_size(bundle) / 1e6
    if size_mb > LIMIT_MB:
        failures.append(f"bundle is {size_mb:.0f} MB, more than {LIMIT_MB} MB")

    bundle_time = timed([str(exe), "--smoke"], env)
    venv_env = {**os.environ, **env, "PATH": os.environ.get("PATH", "")}
    venv_env.pop("SXTDBV_DATA_DIR", None)
    venv_time = timed([sys.executable, "-m", "desktop", "--smoke"], venv_env)
    shutil.rmtree(work, ignore_errors=True)

    print(f"bundle: {bundle} ({size_mb:.1f} MB unpacked, limit {LIMIT_MB} MB)")
    print(f"commands checked in the bundle: {', '.join(names)}")
    print(f"start (--smoke, median of {RUNS}): bundle {bundle_time:.2f} s, python -m desktop {venv_time:.2f} s")
    for failure in failures:
        print(f"FAIL: {failure}")
    failed = min(len(failures), runner.checks)
    print(f"bundle: {runner.checks - failed} passed, {failed} failed")  # a closing line CI reads
    return 0 if not failures else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
