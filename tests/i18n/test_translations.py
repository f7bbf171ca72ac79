"""Every UI string has a finished Vietnamese translation, compiled into the shipped .qm; field and choice labels too."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from desktop.domain.entities import ENTITIES

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "sxtdbv_vi.ts"
QT_TS = ROOT / "resources" / "i18n" / "qtbase_vi.ts"


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def _lupdate() -> str:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    if not tool.exists():
        found = shutil.which("pyside6-lupdate")
        if not found:
            pytest.skip("pyside6-lupdate is not installed")
        return found
    return str(tool)


def test_every_ui_string_in_the_code_has_a_finished_vietnamese_translation(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = [str(p) for p in (ROOT / "desktop").rglob("*.py")]
    subprocess.run([_lupdate(), *sources, "-ts", str(fresh)], check=True, capture_output=True)
    shipped = _messages(TS)
    missing = []
    for key in _messages(fresh):
        message = shipped.get(key)
        translation = message.find("translation") if message is not None else None
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            missing.append(key)
        elif not ((translation.text or "").strip()
                  or [f for f in translation.iter("numerusform") if (f.text or "").strip()]):  # blank forms are empty
            missing.append(key)
    assert not missing, f"{len(missing)} UI strings lack a Vietnamese translation (make translations): {missing[:10]}"


def test_translations_are_compiled_and_load(qapp):
    from PySide6.QtCore import QTranslator

    for ts in (TS, QT_TS):
        qm = ts.with_suffix(".qm")
        assert qm.exists(), f"{qm.name} missing: run make translations"
        assert qm.stat().st_mtime >= ts.stat().st_mtime - 2, f"{qm.name} older than {ts.name}: run make translations"
        translator = QTranslator()
        assert translator.load(str(qm))
    translator = QTranslator()
    translator.load(str(TS.with_suffix(".qm")))
    assert translator.translate("MainWindow", "&File") == "&Tệp"
    qt_translator = QTranslator()
    qt_translator.load(str(QT_TS.with_suffix(".qm")))
    assert qt_translator.translate("QPlatformTheme", "Cancel") == "Hủy"
    assert qt_translator.translate("QPrintPreviewDialog", "Print Preview") == "Xem trước khi in"


def test_standard_buttons_show_in_vietnamese(qapp):
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.ui.formatting import set_ui_language, ui_language
    from desktop.ui.i18n import install_translators, uninstall_translators

    language = ui_language()
    install_translators(qapp, "vi")
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        texts = {b.text().replace("&", "") for b in box.buttons()}
    finally:
        uninstall_translators(qapp)  # the application object is shared with the tests that follow
        set_ui_language(language)
    assert texts == {"Đồng ý", "Hủy"}


def test_every_field_and_choice_has_both_languages():
    for spec in ENTITIES:
        assert spec.title and spec.label_en
        for field in spec.fields:
            assert field.title.strip() and field.label_en.strip(), (spec.name, field.name)
            for choice in field.choices:
                assert choice.title.strip() and choice.label_en.strip(), (spec.name, field.name, choice.code)
