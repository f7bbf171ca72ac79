"""Mutation testing of the rules that matter (`make mutation`; too slow for CI): each module listed under
[tool.mutation.modules] in pyproject.toml is mutated by cosmic-ray, one small deliberate bug at a time, and its own
fast test subset is run against every mutant. A mutant the tests do not notice "survives".

    python scripts/mutation.py                     # every configured module
    python scripts/mutation.py desktop/domain/taxcode.py desktop/domain/words.py
    python scripts/mutation.py --retry-survivors desktop/domain/taxcode.py   # after adding tests for the survivors

Sessions are kept in build/mutation/ (one SQLite file per module, which cosmic-ray resumes if interrupted: run the same
command again; delete the folder to start afresh after the code changed). The script prints each module's score and
every survivor's diff, writes build/mutation/report.txt, and exits 1 when a module scores below
[tool.mutation] min-score.

cosmic-ray because it mutates the file in place and runs any test command: the tests keep importing `desktop` from the
source tree, unchanged (mutmut 3 runs the tests against a copy of the code in mutants/, which this layout would need
adapting to).
"""

from __future__ import annotations

import os
import shlex
import sqlite3
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "build" / "mutation"


def _settings() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as handle:
        return tomllib.load(handle)["tool"]["mutation"]


def _slug(module: str) -> str:
    return module.removeprefix("desktop/").removesuffix(".py").replace("/", ".")


def _toml_list(items: list[str]) -> str:
    return "[" + ", ".join(f'"{i}"' for i in items) + "]"


def _test_command(tests: list[str]) -> list[str]:
    return [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests]


def _write_config(module: str, tests: list[str], timeout: float, settings: dict) -> Path:
    """cosmic-ray's own config file for one module (cosmic-ray cannot read pyproject.toml)."""
    path = OUT / f"{_slug(module)}.toml"
    path.write_text(
        "[cosmic-ray]\n"
        f'module-path = "{module}"\n'
        f"timeout = {timeout:.0f}\n"
        "excluded-modules = []\n"
        f"test-command = {_toml_quote(shlex.join(_test_command(tests)))}\n\n"
        '[cosmic-ray.distributor]\nname = "local"\n\n'
        "[cosmic-ray.filters.operators-filter]\n"
        f"exclude-operators = {_toml_list(settings.get('exclude-operators', []))}\n",
        encoding="utf-8")
    return path


def _toml_quote(text: str) -> str:
    return "'" + text + "'" if "'" not in text else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def _baseline(tests: list[str]) -> float:
    """Run the subset on the unmutated code: it must pass, and its time sets the mutants' timeout."""
    started = time.perf_counter()
    done = subprocess.run(_test_command(tests), cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"The tests {' '.join(tests)} fail without any mutation:\n{done.stdout[-3000:]}")
    return time.perf_counter() - started


def _results(session: Path) -> tuple[int, int, int, list[tuple[str, str]]]:
    """(killed, survived, skipped, [(operator, diff) of each survivor]) of a finished session."""
    from cosmic_ray.work_db import WorkDB, use_db
    from cosmic_ray.work_item import TestOutcome, WorkerOutcome

    killed = survived = skipped = 0
    survivors = []
    with use_db(str(session), WorkDB.Mode.open) as db:
        for item, result in db.completed_work_items:
            if result.worker_outcome == WorkerOutcome.SKIPPED:
                skipped += 1
            elif result.test_outcome == TestOutcome.SURVIVED:
                survived += 1
                survivors.append((item.mutations[0].operator_name, result.diff or ""))
            else:
                killed += 1  # a failing test, a timeout, or a mutant that does not even import
    return killed, survived, skipped, survivors


def _forget_survivors(session: Path) -> None:
    """Make the session's surviving mutants pending again, so that `exec` tries them against today's tests."""
    with sqlite3.connect(session) as db:
        db.execute("DELETE FROM work_results WHERE test_outcome = 'SURVIVED'")


def run(module: str, tests: list[str], settings: dict, *,
        retry: bool = False) -> tuple[int, int, list[tuple[str, str]]]:
    """Mutate `module` against `tests`; (killed, survived, survivors)."""
    session = OUT / f"{_slug(module)}.sqlite"
    config = OUT / f"{_slug(module)}.toml"
    if retry or not session.exists():  # the subset may have changed since: its command and timeout are rewritten
        config = _write_config(module, tests, max(30.0, _baseline(tests) * 5), settings)
    if not session.exists():
        subprocess.run([_tool("cosmic-ray"), "init", str(config), str(session)], cwd=ROOT, check=True)
        subprocess.run([_tool("cr-filter-operators"), str(session), str(config)], cwd=ROOT, check=True)
    elif retry:
        _forget_survivors(session)
    subprocess.run([_tool("cosmic-ray"), "exec", str(config), str(session)], cwd=ROOT, check=True)
    killed, survived, _, survivors = _results(session)
    return killed, survived, survivors


def main(argv: list[str]) -> int:
    """Run the configured modules (or those named) and print the scores."""
    settings = _settings()
    modules: dict[str, list[str]] = settings["modules"]
    retry = "--retry-survivors" in argv
    wanted = [a for a in argv if a != "--retry-survivors"] or list(modules)
    unknown = [m for m in wanted if m not in modules]
    if unknown:
        sys.exit(f"Not configured in [tool.mutation.modules]: {', '.join(unknown)}")
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ["PYTHONPATH"] = str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    lines = []
    total_killed = total_survived = 0
    failing = []
    for module in wanted:
        killed, survived, survivors = run(module, modules[module], settings, retry=retry)
        total_killed += killed
        total_survived += survived
        score = 100.0 * killed / max(1, killed + survived)
        if score < settings.get("min-score", 0):
            failing.append(module)
        lines.append(f"{module}: {killed}/{killed + survived} mutants killed ({score:.1f}%)")
        for operator, diff in survivors:
            lines.append(f"  survived: {operator}\n" + "\n".join("    " + d for d in diff.splitlines()[3:]))
        print(lines[-1 - len(survivors)], flush=True)
    overall = 100.0 * total_killed / max(1, total_killed + total_survived)
    lines.append(f"TOTAL: {total_killed}/{total_killed + total_survived} mutants killed ({overall:.1f}%)")
    report = "\n".join(lines) + "\n"
    (OUT / "report.txt").write_text(report, encoding="utf-8")
    print(report)
    if failing:
        print(f"Below {settings['min-score']}%: {', '.join(failing)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
