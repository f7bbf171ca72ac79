"""The `sxtdbv` command line run as a user runs it (a subprocess): init, summary, exit codes, bad files and paths."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import __version__
from desktop.store import Store
from desktop.store.schema import SCHEMA_VERSION

PLAN_KEYS = {"id", "number", "year", "title", "total_budget", "budget_lines_total", "legal_bases", "objectives",
             "indicators", "content_items", "activities", "responsibilities", "participants", "enterprises",
             "deadlines"}
COUNT_KEYS = PLAN_KEYS - {"id", "number", "title", "deadlines"}


def sx(*args: object, entry: list[str] | None = None) -> subprocess.CompletedProcess:
    """Run the command line; never a traceback on stderr, whatever the outcome."""
    command = (entry or [sys.executable, "-m", "desktop"]) + [str(a) for a in args]
    result = subprocess.run(command, capture_output=True, text=True, encoding="utf-8", stdin=subprocess.DEVNULL,
                            timeout=120, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    assert "Traceback" not in result.stderr, result.stderr
    return result


def digest(path: Path) -> str:
    """The bytes of a file and of its SQLite companions."""
    h = hashlib.sha256()
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        h.update(candidate.read_bytes() if candidate.exists() else b"<none>")
    return h.hexdigest()


def summary(db: Path) -> dict:
    """`summary --json` parsed."""
    result = sx("--db", db, "summary", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def seeded_db(tmp_path_factory) -> Path:
    """A database made by `sxtdbv init`, shared by read-only tests."""
    path = tmp_path_factory.mktemp("cli") / "plan.db"
    result = sx("--db", path, "init")
    assert result.returncode == 0, result.stderr
    return path


def test_version():
    result = sx("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"sxtdbv {__version__}"


def test_help_mentions_the_commands():
    result = sx("--help")
    assert result.returncode == 0
    assert "init" in result.stdout and "summary" in result.stdout


def test_init_creates_the_seeded_database(tmp_path):
    path = tmp_path / "x.db"
    result = sx("--db", path, "init")
    assert result.returncode == 0, result.stderr
    assert path.exists() and "Đã tạo cơ sở dữ liệu có 1 kế hoạch" in result.stdout
    assert result.stderr == ""


def test_done_when_through_the_installed_entry_point(tmp_path):
    script = Path(sys.executable).with_name("sxtdbv")
    if not script.exists():
        pytest.skip("the sxtdbv entry point is not installed beside this Python")
    path = tmp_path / "x.db"
    assert sx("--db", path, "init", entry=[str(script)]).returncode == 0
    result = sx("--db", path, "summary", "--json", entry=[str(script)])
    assert result.returncode == 0
    (plan,) = json.loads(result.stdout)["plans"]
    assert plan["total_budget"] == 1394200000 and plan["year"] == 2024


def test_summary_json_contract(seeded_db):
    data = summary(seeded_db)
    assert set(data) == {"schema_version", "agencies", "plans"}
    assert data["schema_version"] == SCHEMA_VERSION and data["agencies"] >= 17
    (plan,) = data["plans"]
    assert set(plan) == PLAN_KEYS
    for key in COUNT_KEYS:
        assert type(plan[key]) is int, key
    assert type(data["agencies"]) is int and type(data["schema_version"]) is int
    assert plan["number"] == "/KH-UBND" and plan["title"].endswith("tỉnh Đồng Nai năm 2024")
    assert (plan["year"], plan["total_budget"], plan["budget_lines_total"]) == (2024, 1394200000, 0)
    assert (plan["legal_bases"], plan["objectives"], plan["content_items"], plan["responsibilities"]) == (7, 2, 2, 6)
    assert plan["indicators"] >= 3 and plan["activities"] >= 10
    assert (plan["participants"], plan["enterprises"]) == (0, 0)
    assert plan["deadlines"] == ["2024-12-01", "2024-12-25"]


def test_summary_as_text(seeded_db):
    result = sx("--db", seeded_db, "summary")
    assert result.returncode == 0
    assert "Tổng kinh phí 1.394.200.000 đồng" in result.stdout
    assert "7 căn cứ, 2 mục tiêu" in result.stdout


def test_summary_does_not_count_deleted_rows(tmp_path):
    path = tmp_path / "x.db"
    assert sx("--db", path, "init").returncode == 0
    store = Store.open(path)
    plan_id = store.repo("plans").rows()[0]["id"]
    store.repo("legal_bases").delete(store.repo("legal_bases").rows(plan_id=plan_id)[0]["id"])
    activity = store.repo("tasks").rows(kind="activity")[0]
    store.repo("tasks").delete(activity["id"])
    objective = store.repo("objectives").rows()[0]
    store.repo("objectives").delete(objective["id"], cascade=True)
    store.close()
    (plan,) = summary(path)["plans"]
    assert (plan["legal_bases"], plan["activities"], plan["objectives"], plan["indicators"]) == (6, 9, 1, 2)


def test_deleted_plan_is_not_listed(tmp_path):
    path = tmp_path / "x.db"
    assert sx("--db", path, "init").returncode == 0
    store = Store.open(path)
    store.repo("plans").delete(store.repo("plans").rows()[0]["id"], cascade=True)
    store.close()
    data = summary(path)
    assert data["plans"] == [] and data["agencies"] >= 17


def test_init_refuses_to_overwrite(seeded_db):
    before = digest(seeded_db)
    result = sx("--db", seeded_db, "init")
    assert result.returncode == 1
    assert "đã có; không ghi đè" in result.stderr and result.stdout == ""
    assert digest(seeded_db) == before
    assert sx("--db", seeded_db, "init", "--empty").returncode == 1
    assert digest(seeded_db) == before


def test_init_refuses_to_overwrite_any_file(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("ghi chú quan trọng\n", encoding="utf-8")
    result = sx("--db", path, "init")
    assert result.returncode == 1 and "không ghi đè" in result.stderr
    assert path.read_text(encoding="utf-8") == "ghi chú quan trọng\n"


def test_init_empty(tmp_path):
    path = tmp_path / "empty.db"
    result = sx("--db", path, "init", "--empty")
    assert result.returncode == 0 and "trống" in result.stdout
    data = summary(path)
    assert data == {"schema_version": SCHEMA_VERSION, "agencies": 0, "plans": []}


def test_init_with_an_office(tmp_path):
    path = tmp_path / "bienhoa.db"
    assert sx("--db", path, "init", "--office", "bienhoa").returncode == 0
    store = Store.open(path)
    assert store.context.office == "BIENHOA"
    store.close()


def test_init_refuses_an_unknown_office_and_leaves_nothing(tmp_path):
    path = tmp_path / "x.db"
    result = sx("--db", path, "init", "--office", "NOPE")
    assert result.returncode == 1
    assert "Không có đơn vị mã “NOPE”" in result.stderr and "SCT" in result.stderr
    assert not path.exists() and not Path(f"{path}-wal").exists() and not Path(f"{path}-shm").exists()


@pytest.mark.parametrize("args", [
    ["--bogus"], ["frobnicate"], ["init", "--bogus"], ["summary", "--yaml"], ["--db"], ["init", "--office"],
])
def test_usage_errors_exit_2(tmp_path, args):
    result = sx("--db", tmp_path / "x.db", *args) if args[0] != "--db" else sx(*args)
    assert result.returncode == 2
    assert "lỗi cú pháp" in result.stderr or "usage" in result.stderr
    assert not (tmp_path / "x.db").exists()


def test_summary_of_a_missing_database_creates_nothing(tmp_path):
    path = tmp_path / "typo.db"
    result = sx("--db", path, "summary", "--json")
    assert result.returncode == 1
    assert "Không tìm thấy cơ sở dữ liệu" in result.stderr and result.stdout == ""
    assert not path.exists() and list(tmp_path.iterdir()) == []


def test_summary_without_db_uses_the_default_database(tmp_path, monkeypatch):
    data_dir = tmp_path / "data"
    monkeypatch.setenv("SXTDBV_DATA_DIR", str(data_dir))
    refused = sx("summary", "--json")  # only `init` and the GUI's first start create a database
    assert refused.returncode == 1 and "init" in refused.stderr and not (data_dir / "sxtdbv.db").exists()
    assert sx("init").returncode == 0
    result = sx("summary", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["plans"]) == 1 and (data_dir / "sxtdbv.db").exists()
    again = json.loads(sx("summary", "--json").stdout)
    assert len(again["plans"]) == 1  # seeded once, not on every start


@pytest.mark.parametrize("content", [
    b"Day la mot tep van ban, khong phai co so du lieu.\n" * 20,
    bytes((i * 7919) % 256 for i in range(8192)),
])
def test_summary_of_a_file_that_is_not_a_database(tmp_path, content):
    path = tmp_path / "x.db"
    path.write_bytes(content)
    result = sx("--db", path, "summary", "--json")
    assert result.returncode == 1
    assert "không phải là cơ sở dữ liệu SXTDBV" in result.stderr and result.stdout == ""
    assert path.read_bytes() == content
    assert not Path(f"{path}-wal").exists()


def test_summary_of_a_damaged_database(tmp_path):
    path = tmp_path / "x.db"
    assert sx("--db", path, "init").returncode == 0
    data = bytearray(path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)
    path.write_bytes(bytes(data))
    before = digest(path)
    result = sx("--db", path, "summary", "--json")
    assert result.returncode == 1
    assert "hỏng" in result.stderr and result.stdout == ""
    assert digest(path) == before


def test_summary_of_a_database_from_a_newer_version(tmp_path):
    path = tmp_path / "x.db"
    assert sx("--db", path, "init", "--empty").returncode == 0
    conn = sqlite3.connect(str(path))
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = digest(path)
    result = sx("--db", path, "summary", "--json")
    assert result.returncode == 1
    assert "phiên bản mới hơn" in result.stderr
    assert digest(path) == before


def test_db_path_that_is_a_directory(tmp_path):
    result = sx("--db", tmp_path, "summary")
    assert result.returncode == 1 and "là một thư mục" in result.stderr
    result = sx("--db", tmp_path, "init")
    assert result.returncode == 1 and "không ghi đè" in result.stderr


def test_init_where_the_folder_cannot_be_made(tmp_path):
    # Works as root too (CI runs as root, for whom chmod does not stop writes): a folder under a regular file.
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = sx("--db", blocker / "sub" / "x.db", "init")
    assert result.returncode == 1
    assert "là một tệp, không phải thư mục" in result.stderr
    assert blocker.read_text() == "x"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root writes into read-only folders; the folder-under-a-file test covers this case")
def test_init_in_a_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        result = sx("--db", folder / "x.db", "init")
        assert result.returncode == 1
        assert "Không ghi được" in result.stderr or "không có quyền" in result.stderr
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux's read-only /proc")
def test_init_on_a_read_only_file_system(tmp_path):
    # /proc refuses new files even for root: a read-only location that CI can exercise.
    result = sx("--db", "/proc/sxtdbv-test.db", "init")
    assert result.returncode == 1
    assert result.stderr.startswith("Lỗi: Không ghi được")
    assert not Path("/proc/sxtdbv-test.db").exists()
    result = sx("--db", "/proc/sxtdbv-test/x.db", "init")
    assert result.returncode == 1 and result.stderr.startswith("Lỗi: Không tạo được thư mục")


def test_interrupted_init_leaves_no_file(tmp_path, monkeypatch):
    from desktop.services import setup

    def interrupted(store):
        store.repo("agencies").add({"code": "SCT", "name": "Sở Công Thương", "kind": "department"})
        raise KeyboardInterrupt

    monkeypatch.setattr(setup, "load_seed", interrupted)
    path = tmp_path / "x.db"
    with pytest.raises(KeyboardInterrupt):
        setup.init_database(path)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv", [[], ["--smoke"], ["--db", "a.db"], ["--db=b.db", "--smoke"],
                                  ["--db", "a.db", "--db=c.db"], ["--smoke", "--db", "a b.db"]])
def test_the_window_arguments_read_as_argparse_reads_them(argv):
    # A start of the window skips argparse (its parser costs the start-up ~2 ms): the same database and flags.
    from desktop import cli

    assert cli._opens_the_gui(argv)
    expected = cli.build_parser(argv).parse_args(argv)
    got = cli._gui_arguments(argv)
    assert (got.db, got.smoke, got.command) == (expected.db, expected.smoke, expected.command)


@pytest.mark.parametrize("argv", [["--db"], ["--db", "--smoke"], ["--smok"], ["--db", "a.db", "summary"]])
def test_other_arguments_go_to_argparse(argv):
    from desktop import cli

    assert not cli._opens_the_gui(argv)
