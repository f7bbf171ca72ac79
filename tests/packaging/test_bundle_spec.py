"""The bundle spec's helpers: what is filtered out of the PySide6 collection, the Windows version resource, the icon."""

from __future__ import annotations

import ast
import struct
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "build_spec"))

from bundle_filter import drop_orphans, is_unused, keep_used  # noqa: E402
from version_info import version_text, version_tuple  # noqa: E402

from desktop import __version__  # noqa: E402


@pytest.mark.parametrize("path", [
    "PySide6/Qt/lib/libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Qml.so.6", "PySide6/Qt/lib/libQt6QmlModels.so.6",
    "PySide6/Qt/lib/libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6", "PySide6/Qt6WebEngineCore.dll",
    "PySide6/Qt/lib/libQt6ChartsQml.so.6", "PySide6/Qt/lib/libQt63DCore.so.6", "PySide6/Qt6Multimedia.dll",
    "PySide6/Qt/plugins/platforms/libqeglfs.so", "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/plugins/imageformats/libqpdf.so",
    "PySide6\\plugins\\imageformats\\qpdf.dll",
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so", "PySide6/opengl32sw.dll",
    "PySide6/Qt/translations/qtbase_de.qm", "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
    "PySide6/Qt/lib/libQt6Network.so.6", "PySide6/Qt/plugins/imageformats/libqtiff.so",
    "PySide6\\plugins\\imageformats\\qwebp.dll",
])
def test_unused_qt_parts_are_dropped(path):
    assert is_unused(path)


@pytest.mark.parametrize("path", [
    "PySide6/Qt/lib/libQt6Core.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Widgets.so.6",
    "PySide6/Qt/lib/libQt6PrintSupport.so.6", "PySide6/Qt/lib/libQt6Charts.so.6", "PySide6/Qt/lib/libQt6Svg.so.6",
    "PySide6/Qt/lib/libQt6OpenGL.so.6", "PySide6/Qt/lib/libQt6OpenGLWidgets.so.6", "PySide6/Qt/lib/libQt6XcbQpa.so.6",
    "PySide6/Qt/lib/libQt6DBus.so.6", "PySide6/Qt6Core.dll", "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6\\plugins\\platforms\\qwindows.dll",
    "PySide6/Qt/plugins/imageformats/libqsvg.so", "PySide6/Qt/plugins/imageformats/libqico.so",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "resources/i18n/sxtdbv_vi.qm",
    "resources/seed/plan_2024.json", "libsqlite3.so.0", "PySide6/QtCharts.abi3.so",
])
def test_what_the_app_uses_is_kept(path):
    assert not is_unused(path)


def test_keep_used_filters_toc_entries():
    entries = [("PySide6/Qt/lib/libQt6Quick.so.6", "/src/a", "BINARY"), ("libsqlite3.so.0", "/src/b", "BINARY")]
    assert keep_used(entries) == [entries[1]]


def test_orphaned_libraries_are_dropped_and_reachable_ones_kept():
    entries = [
        ("PySide6/QtGui.abi3.so", "/s/QtGui.abi3.so", "EXTENSION"),
        ("libglib-2.0.so.0", "/s/libglib-2.0.so.0", "BINARY"),
        ("libpcre2-8.so.0", "/s/libpcre2-8.so.0", "BINARY"),
        ("libcairo.so.2", "/s/libcairo.so.2", "BINARY"),  # only the dropped gtk3 plugin linked it
        ("libpython3.11.so.1.0", "/s/libpython3.11.so.1.0", "BINARY"),  # loaded by the bootloader, never linked
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
    ]
    links = {"/s/QtGui.abi3.so": ["libglib-2.0.so.0"], "/s/libglib-2.0.so.0": ["libpcre2-8.so.0"]}
    kept = [entry[0] for entry in drop_orphans(entries, lambda source: links.get(source, []))]
    assert kept == ["PySide6/QtGui.abi3.so", "libglib-2.0.so.0", "libpcre2-8.so.0", "libpython3.11.so.1.0",
                    "libQt6Core.so.6"]


def test_version_resource_follows_the_package_version():
    text = version_text()
    ast.parse(text)  # PyInstaller evaluates it as a Python expression
    numbers = version_tuple(__version__)
    assert f"filevers={numbers}" in text and f"StringStruct('ProductVersion', '{__version__}')" in text
    assert version_tuple("1.2.3rc1") == (1, 2, 3, 1) and version_tuple("2.0") == (2, 0, 0, 0)


def test_icon_files_are_committed_and_valid():
    png = (ROOT / "resources" / "icons" / "sxtdbv.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (256, 256)
    ico = (ROOT / "resources" / "icons" / "sxtdbv.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 4
    sizes = {ico[6 + 16 * i] or 256 for i in range(count)}
    assert {16, 32, 48, 256} <= sizes


def test_the_bundle_check_runs_the_windowed_executable_users_start():
    from check_bundle import executable, windowed_executable

    bundle = Path("dist/sxtdbv")
    assert executable(bundle, "win32").name == "sxtdbv-cli.exe"
    assert windowed_executable(bundle, "win32").name == "sxtdbv.exe"  # what the Start-menu shortcut starts
    assert executable(bundle, "linux") == windowed_executable(bundle, "linux") == bundle / "sxtdbv"


def _fake_bundle(folder: Path, body: str) -> Path:
    """A bundle folder whose `sxtdbv` runs `body` (a shell script line)."""
    folder.mkdir()
    (folder / "_internal").mkdir()
    script = folder / "sxtdbv"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    return folder


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in bundle is a shell script")
def test_the_program_runs_from_a_folder_and_a_home_with_vietnamese_letters_and_spaces(tmp_path):
    from check_bundle import Runner, clean_env, vietnamese_folder_checks

    # The stand-in bundle starts the program from this source tree, so what is checked is the program itself under a
    # Vietnamese folder and home (the real bundle is checked the same way by .ci/run).
    bundle = _fake_bundle(tmp_path / "bundle",
                          f'PYTHONPATH="{ROOT}" exec "{sys.executable}" -m desktop "$@"')
    runner = Runner(bundle / "sxtdbv", clean_env(tmp_path / "home"))
    installed = vietnamese_folder_checks(bundle, tmp_path, runner, platform="linux")
    assert runner.failures == []
    assert installed == tmp_path / "Nguyễn Văn A" / "Programs" / "SXTDBV"
    assert list((tmp_path / "Nguyễn Văn A" / "home").rglob("sxtdbv.db"))  # the first start's per-user database
    assert (tmp_path / "Nguyễn Văn A" / "Dữ liệu kế hoạch" / "Sở Công Thương.db").exists()


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in bundle is a shell script")
def test_the_bundle_check_reports_a_program_that_fails_there(tmp_path):
    from check_bundle import Runner, clean_env, vietnamese_folder_checks

    bundle = _fake_bundle(tmp_path / "bundle", 'echo "Traceback: cannot open $0" >&2; exit 1')
    runner = Runner(bundle / "sxtdbv", clean_env(tmp_path / "home"))
    vietnamese_folder_checks(bundle, tmp_path, runner, platform="linux")
    assert any("--smoke" in failure and "exited 1" in failure for failure in runner.failures)
    assert any("created no per-user database" in failure for failure in runner.failures)
    assert any("summary --json" in failure for failure in runner.failures)
