"""docs/architecture.md, "How to add an entity", walked through on a throwaway entity in a temporary copy.

Steps 1 (catalogue) and 2 (migration) are applied to a copy of desktop/; the copy then stores a row through the
services, exports the whole plan (the new sheet is there with its Vietnamese column titles), and a fresh office
database imports exactly that row. Without step 2 the catalogue test fails, which is the trap it closes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

STEP_1_CATALOGUE = '''

# -- added by tests/test_add_entity.py (docs/architecture.md, step 1) --
SITE_VISITS = EntitySpec(
    "site_visits", "Chuyến khảo sát thực tế", "Site visits", parent="plan_id", display="place",
    fields=(
        _f("plan_id", Kind.REF, "Kế hoạch", "Plan", required=True, ref="plans"),
        _f("place", Kind.TEXT, "Địa điểm", "Place", required=True),
        _f("visit_date", Kind.DATE, "Ngày khảo sát", "Date"),
        _f("people", Kind.INT, "Số người", "People", minimum=0),
        _note(),
    ),
)
ENTITIES = (*ENTITIES, SITE_VISITS)
BY_NAME[SITE_VISITS.name] = SITE_VISITS
'''

STEP_2_MIGRATION = '''

# -- added by tests/test_add_entity.py (docs/architecture.md, step 2) --
@migration("9000_site_visits")
def _site_visits(db: Database) -> None:
    create_entity_table(db, "site_visits", {"plan_id": str, "place": str, "visit_date": str, "people": int,
                                            "note": str}, [("plan_id", "plans")])


SCHEMA_VERSION = len(MIGRATION_NAMES)
'''

ROUND_TRIP = textwrap.dedent('''
    import sys
    from pathlib import Path
    import openpyxl
    from desktop.services.setup import init_database
    from desktop.services.records import save_row
    from desktop.services.exchange import export_workbook, import_report

    folder = Path(sys.argv[1])
    hub = init_database(folder / "hub.db")
    plan = hub.repo("plans").rows()[0]
    save_row(hub, "site_visits", None, {"plan_id": plan["id"], "place": "KCN Nhơn Trạch 3",
                                        "visit_date": "15/05/2024", "people": "12"})
    workbook = export_workbook(hub, folder / "plan.xlsx").path
    sheet = openpyxl.load_workbook(workbook)["Chuyến khảo sát thực tế"]
    titles = [cell.value for cell in sheet[1]]
    assert "Địa điểm" in titles and "Ngày khảo sát" in titles, titles
    office = init_database(folder / "office.db", empty=True, office="BIENHOA")
    report = import_report(office, workbook)
    assert report["status"] == "applied", report
    rows = office.repo("site_visits").rows()
    assert [(r["place"], r["visit_date"], r["people"]) for r in rows] == [("KCN Nhơn Trạch 3", "2024-05-15", 12)]
    print("round trip ok")
''')


def _copy_program(target: Path, *, with_migration: bool) -> Path:
    for folder in ("desktop", "resources", "tests"):
        shutil.copytree(ROOT / folder, target / folder, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", target / "pyproject.toml")
    with (target / "desktop" / "domain" / "entities.py").open("a", encoding="utf-8") as handle:
        handle.write(STEP_1_CATALOGUE)
    if with_migration:
        with (target / "desktop" / "store" / "schema.py").open("a", encoding="utf-8") as handle:
            handle.write(STEP_2_MIGRATION)
    return target


def _run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(cwd), "QT_QPA_PLATFORM": "offscreen",
           "SXTDBV_DATA_DIR": str(cwd / "data"), "HOME": str(cwd)}
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_an_entity_added_by_the_checklist_is_stored_exported_and_imported(tmp_path):
    copy = _copy_program(tmp_path / "copy", with_migration=True)
    schema = _run(["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_schema_catalogue.py"], copy)
    assert schema.returncode == 0, schema.stdout[-3000:] + schema.stderr[-3000:]
    work = tmp_path / "work"
    work.mkdir()
    result = _run(["-c", ROUND_TRIP, str(work)], copy)
    assert result.returncode == 0 and "round trip ok" in result.stdout, result.stdout[-3000:] + result.stderr[-3000:]


def test_an_entity_added_without_its_migration_fails_the_suite(tmp_path):
    copy = _copy_program(tmp_path / "copy", with_migration=False)
    schema = _run(["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_schema_catalogue.py"], copy)
    assert schema.returncode != 0
    assert "site_visits" in schema.stdout and "without a migration" in schema.stdout
