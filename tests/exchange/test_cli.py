"""`sxtdbv export` / `sxtdbv import`: the JSON contract and the exit codes."""

from __future__ import annotations

import json

from desktop.cli import main
from tests.exchange.helpers import column_of, edit, spec_sheet


def _init(path, *extra):
    assert main(["--db", str(path), "init", *extra]) == 0


def test_export_import_json_and_exit_codes(tmp_path, capsys):
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    _init(a)
    _init(b, "--empty")
    capsys.readouterr()
    assert main(["--db", str(a), "export", str(tmp_path / "a.xlsx")]) == 0
    assert "Đã xuất toàn bộ kế hoạch" in capsys.readouterr().out

    assert main(["--db", str(b), "import", str(tmp_path / "a.xlsx"), "--dry-run", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["status"] == "dry-run" and report["counts"]["new"] > 0
    assert set(report["counts"]) == {"new", "changed", "unchanged", "stale", "conflict", "rejected", "deleted"}
    assert set(report) >= {"file", "status", "counts", "errors", "rows"}

    assert main(["--db", str(b), "import", str(tmp_path / "a.xlsx"), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "applied"
    assert main(["--db", str(b), "import", str(tmp_path / "a.xlsx"), str(tmp_path / "a.xlsx"), "--json"]) == 0
    both = json.loads(capsys.readouterr().out)
    assert isinstance(both, list) and [r["status"] for r in both] == ["no-changes", "no-changes"]


def test_refused_files_exit_1_with_sheet_row_column(tmp_path, capsys):
    a = tmp_path / "a.db"
    _init(a)
    main(["--db", str(a), "export", str(tmp_path / "a.xlsx")])

    def wrong(wb):
        ws = wb[spec_sheet("indicators")]
        ws.cell(2, column_of(ws, "Chỉ tiêu kế hoạch")).value = "nhiều"

    bad = edit(tmp_path / "a.xlsx", tmp_path / "bad.xlsx", wrong)
    capsys.readouterr()
    assert main(["--db", str(a), "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "Trang “Chỉ tiêu”, dòng 2, cột “Chỉ tiêu kế hoạch”" in err
    junk = tmp_path / "junk.xlsx"
    junk.write_text("x,y\n")
    assert main(["--db", str(a), "import", str(junk), "--json"]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["status"] == "refused" and "CSV" in report["errors"][0]["message"]


def test_usage_errors_exit_2(tmp_path):
    a = tmp_path / "a.db"
    _init(a)
    try:
        main(["--db", str(a), "import"])
    except SystemExit as exc:
        assert exc.code == 2
    try:
        main(["--db", str(a), "import", "x.xlsx", "--resolve", "both"])
    except SystemExit as exc:
        assert exc.code == 2


def test_export_unknown_office_is_refused(tmp_path, capsys):
    a = tmp_path / "a.db"
    _init(a)
    assert main(["--db", str(a), "export", str(tmp_path / "o.xlsx"), "--office", "KHONGCO"]) == 1
    assert "Không có đơn vị mã “KHONGCO”" in capsys.readouterr().err
    assert not (tmp_path / "o.xlsx").exists()
    assert main(["--db", str(a), "export", str(tmp_path / "o.xlsx"), "--office", "bienhoa"]) == 0
